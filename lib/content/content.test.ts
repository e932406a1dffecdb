import { describe, expect, it } from 'vitest';
import { getEntries } from './kb';
import { compileMdx } from './mdx';
import { ORIGINS } from './origins';

// The real knowledge base, held to the rules a reader relies on.
describe('the knowledge base in content/', () => {
  const entries = getEntries();

  it('answers every seed question with exactly one entry', () => {
    const origins = entries.map((e) => e.origin).filter(Boolean).sort();
    expect(origins).toEqual([...ORIGINS].sort());
  });

  it('marks the #8051 case as a case with its whole log sequence', () => {
    const c = entries.find((e) => e.origin === 'case/8051-ie11-cors-renegotiation')!;
    expect(c.kind).toBe('case');
    const codes = c.symptoms.flatMap((s) => s.codes ?? []);
    for (const code of ['AH02255', 'AH02221', 'AH02226', 'AH02261', 'AH01998', '0x4c7']) expect(codes).toContain(code);
    expect(c.causes).toContain('renegotiation-client-cert-per-directory');
  });

  it('gives every symptom code in a form a user could paste', () => {
    for (const e of entries)
      for (const s of e.symptoms)
        for (const code of s.codes ?? []) expect(code, `${e.file}: ${code}`).toMatch(/^\S(.*\S)?$/);
  });

  it('compiles every entry', async () => {
    for (const e of entries) await expect(compileMdx(e.body, e.file)).resolves.toContain('Component');
  }, 120_000);
});
