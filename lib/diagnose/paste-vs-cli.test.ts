import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { loadLab } from '../lab/load';
import { diagnose } from './diagnose';
import { forEachLine } from './lines';
import { buildMatcher } from './matcher';
import { LogSummary } from './summary';

// The paste view (diagnose) and the CLI (LogSummary, streaming, analysing each template once)
// must tell the same text the same thing: same findings, same order, same scores.
const index = buildKbIndex(getEntries());
const matcher = buildMatcher(index);
const pool = [...new Set(loadLab().scenarios.flatMap((s) => s.captures.flatMap((c) => c.text.split(/\r?\n/))))].filter((l) => l.trim());

async function viaCli(text: string, chunk: number) {
  const s = new LogSummary(index);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += chunk) pieces.push(text.slice(i, i + chunk));
  await forEachLine(Readable.from(pieces), (l) => s.add(l));
  return s.result().findings.map((f) => [f.slug, f.score, f.story?.steps.map((x) => x.code).join(' ')]);
}

describe.skipIf(pool.length === 0)('paste and CLI agree', () => {
  it('on real lines in any order and repetition, with any line ends and chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.boolean(),
        async (picks, ends, chunk, longLine) => {
          const lines = picks.map((p) => pool[p]!);
          if (longLine) lines.push(`${pool[picks[0]!]!} ${'x'.repeat(5000)}`);
          const text = lines.map((l, i) => l + ends[i % ends.length]!).join('');
          const paste = diagnose(text, matcher).findings.map((f) => [f.slug, f.score, f.story?.steps.map((x) => x.code).join(' ')]);
          expect(await viaCli(text, chunk)).toEqual(paste);
        },
      ),
      { numRuns: 150, seed: 9051 },
    );
  });
});
