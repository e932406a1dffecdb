import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { loadLab } from '../lab/load';
import { diagnose } from './diagnose';
import { forEachLine } from './lines';
import { buildMatcher } from './matcher';
import { DiagnoseSession } from './session';
import type { Diagnosis } from './types';

// The paste view (diagnose: the whole text at once) and the CLI (a session fed from a stream in
// chunks) must tell the same text the same thing, and both must tell what a session that
// analyses every line on its own (no templates) tells: same findings, order, scores, evidence
// lines, counts, stories and unknown codes.
const index = buildKbIndex(getEntries());
const matcher = buildMatcher(index);
const pool = [...new Set(loadLab().scenarios.flatMap((s) => s.captures.flatMap((c) => c.text.split(/\r?\n/))))].filter((l) => l.trim());

const told = (d: Diagnosis) => ({
  findings: d.findings.map((f) => [f.slug, f.score, f.lines, f.firstSeen, f.lastSeen, f.evidence.map((e) => e.line).join(' '), f.story?.steps.map((x) => `${x.line}:${x.code}`).join(' ')]),
  unknown: d.unknown.map((u) => [u.value, u.count, u.line]),
  lines: d.stats.lines,
  recognised: d.stats.recognisedLines,
});

async function viaCli(text: string, chunk: number) {
  const s = new DiagnoseSession(matcher);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += chunk) pieces.push(text.slice(i, i + chunk));
  await forEachLine(Readable.from(pieces), (l) => s.add(l));
  return told(s.result());
}

async function everyLine(text: string) {
  const s = new DiagnoseSession(matcher, { templates: 0 });
  await forEachLine(Readable.from([text]), (l) => s.add(l));
  return told(s.result());
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
          const paste = told(diagnose(text, matcher));
          expect(await viaCli(text, chunk)).toEqual(paste);
          expect(await everyLine(text)).toEqual(paste);
        },
      ),
      { numRuns: 150, seed: 9051 },
    );
  });
});
