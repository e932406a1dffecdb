import { describe, expect, it } from 'vitest';
import { checkConfig } from './check';
import { MAX_PER_RULE } from './limits';
import { CONFIG_RULES } from '@/content/config-rules';
import { INPUTS } from '../../scripts/bench-config';

describe('checkConfig on large and hostile pastes (the benchmark prints their times)', () => {
  for (const [name, make] of INPUTS) {
    it(`${name}: answers, with at most ${MAX_PER_RULE} findings per rule and the rest counted`, () => {
      const r = checkConfig(make(), CONFIG_RULES);
      const perRule = new Map<string, number>();
      for (const f of r.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      for (const n of perRule.values()) expect(n).toBeLessThanOrEqual(MAX_PER_RULE);
      expect(r.problems.length).toBeLessThanOrEqual(1000);
      expect(r.findings.every((f) => f.rule !== undefined && f.line >= 0)).toBe(true);
    });
  }

  it('a rule that throws does not hide the others, and says which rule failed', () => {
    const broken = { ...CONFIG_RULES[0]!, id: 'broken', check: () => { throw new Error('boom'); } };
    const r = checkConfig('<VirtualHost *:443>\nSSLEngine on\n<Location /a>\nSSLVerifyClient require\n</Location>\n</VirtualHost>\n', [broken, ...CONFIG_RULES]);
    expect(r.findings.some((f) => f.rule === 'broken' && /rule broken failed: boom/.test(f.message))).toBe(true);
    expect(r.findings.some((f) => f.rule === 'per-directory-verify-client')).toBe(true);
  });
});
