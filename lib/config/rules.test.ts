import { describe, expect, it } from 'vitest';
import { checkConfig } from './check';
import { CONFIG_RULES } from '@/content/config-rules';
import { EXAMPLE_BASE } from '@/content/config-rules/base';
import { getEntries } from '../content/kb';
import { isCause } from '../content/causes';

const baseLines = (ex: { base?: string }) => (ex.base ?? EXAMPLE_BASE).split('\n').length - 1;
const run = (text: string, ex: { base?: string; versions?: { httpd?: string; openssl?: string }; modules?: string }, modules = ex.modules) =>
  checkConfig(`${ex.base ?? EXAMPLE_BASE}${text}${modules ? `\n${modules}` : ''}`, CONFIG_RULES, { versions: ex.versions });

describe('configuration rules', () => {
  it('are at least 30, with unique ids, an existing entry and known causes', () => {
    const slugs = new Set(getEntries().map((e) => e.slug));
    expect(CONFIG_RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CONFIG_RULES.map((r) => r.id)).size).toBe(CONFIG_RULES.length);
    for (const r of CONFIG_RULES) {
      expect(slugs.has(r.entry), `${r.id}: entry ${r.entry}`).toBe(true);
      expect(r.causes.length, r.id).toBeGreaterThan(0);
      for (const c of r.causes) expect(isCause(c), `${r.id}: cause ${c}`).toBe(true);
      expect(r.examples.length, r.id).toBeGreaterThan(0);
    }
  });

  it('the clean base alone gets no finding', () => {
    expect(checkConfig(EXAMPLE_BASE, CONFIG_RULES).findings).toEqual([]);
  });

  for (const r of CONFIG_RULES) {
    describe(r.id, () => {
      for (const ex of r.examples) {
        it(`${ex.name}: reported on the bad form, at its line`, () => {
          const f = run(ex.bad, ex, ex.badModules ?? ex.modules).findings.filter((x) => x.rule === r.id);
          expect(f.length, `${r.id} on:\n${ex.bad}`).toBeGreaterThan(0);
          expect(f.map((x) => x.line - baseLines(ex))).toContain(ex.line);
          expect(f[0]).toMatchObject({ slug: r.entry, severity: r.severity });
          expect(f[0]!.evidence.length).toBeGreaterThan(0);
        });
        it(`${ex.name}: the fixed form gets no finding at all`, () => {
          const rep = run(ex.fixed, ex);
          expect(rep.findings.map((x) => `${x.rule} line ${x.line - baseLines(ex)}: ${x.message}`)).toEqual([]);
          expect(rep.problems).toEqual([]);
        });
      }
    });
  }
});
