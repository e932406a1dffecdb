// Every entry the probe can point at exists in the knowledge base and lists the causes the probe
// names: a renamed or removed entry fails here instead of printing a dead link.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSES } from '../content/causes';
import { getEntries } from '../content/kb';
import { FINDINGS, resolveFindings } from './entries';

const entries = getEntries();

describe('the entries behind the probe', () => {
  it.each(Object.entries(FINDINGS))('%s → an existing entry that lists its causes', (_id, kind) => {
    const e = entries.find((x) => x.slug === kind.slug);
    expect(e, `no entry ${kind.slug}`).toBeDefined();
    for (const c of kind.causes) {
      expect(Object.keys(CAUSES), `${c} is not a cause`).toContain(c);
      expect(e!.causes, `${kind.slug} does not list ${c}`).toContain(c);
    }
  });

  it('every finding the analysis can emit is in the table (no id outside FINDINGS)', () => {
    const src = fs.readFileSync(path.join(__dirname, 'analyse.ts'), 'utf8');
    const emitted = new Set([...src.matchAll(/add\('([a-z0-9-]+)'/g)].map((m) => m[1]!));
    expect(emitted.size).toBeGreaterThan(25);
    for (const id of emitted) expect(Object.keys(FINDINGS)).toContain(id);
    // …and nothing in the table is dead weight.
    for (const id of Object.keys(FINDINGS)) expect([...emitted]).toContain(id);
  });

  it('resolves URLs, titles and causes from the entries, problems first', () => {
    const r = resolveFindings(
      [
        { id: 'no-h2', severity: 'info', evidence: 'e1' },
        { id: 'chain-incomplete', severity: 'error', evidence: 'e2' },
        { id: 'tls13-only', severity: 'warning', evidence: 'e3' },
      ],
      entries,
      'https://kb.example',
    );
    expect(r.map((f) => f.severity)).toEqual(['error', 'warning', 'info']);
    expect(r[0]).toMatchObject({ slug: 'incomplete-certificate-chain', url: 'https://kb.example/faq/incomplete-certificate-chain/', causes: ['missing-intermediate-chain'], evidence: 'e2' });
    expect(r[0]!.title).toMatch(/unable to get local issuer certificate/);
    expect(r[2]!.causes).toEqual([]);
  });

  it('an entry missing at run time gives no link rather than a dead one', () => {
    const [f] = resolveFindings([{ id: 'expired', severity: 'error', evidence: 'x' }], []);
    expect(f).toMatchObject({ url: null, title: null, slug: 'certificate-expired-or-not-yet-valid' });
    expect(() => resolveFindings([{ id: 'no-such-thing', severity: 'error', evidence: 'x' }], entries)).toThrow(/unknown probe finding/);
  });
});
