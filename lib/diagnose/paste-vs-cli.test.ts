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

/** The CLI on a big file: parts read by separate sessions (threads), merged in order. */
function inParts(text: string, cuts: number[]) {
  const lines = text.split('\n');
  const at = [...new Set(cuts.map((c) => c % lines.length))].sort((a, b) => a - b).filter((c) => c > 0);
  const merged = new DiagnoseSession(matcher);
  let from = 0;
  for (const to of [...at, lines.length]) {
    const part = new DiagnoseSession(matcher, { edges: true });
    for (const l of lines.slice(from, to)) part.add(l);
    merged.absorb(part.part());
    from = to;
  }
  return told(merged.result());
}

describe('a log read in parts', () => {
  // Regression (was a bug, found by the property below on a fresh lab): two symptoms with one
  // label on the first line of a part. Read whole, the second is cited there (the first was cited
  // on an earlier line); the part alone cited only one label per line, so the merge lost it.
  it('cites what a single read cites when a part starts with a line whose symptoms share a label', () => {
    const text = [
      '[Fri Dec 04 10:00:00.000005 2026] [ssl:info] [pid 4000:tid 140002] [client 127.0.0.1:50001] AH02276: Certificate Verification: Error (66): EE certificate key too weak [subject: O=Handshake Lab,CN=carol / issuer: CN=Handshake Lab Client CA,O=Handshake Lab / serial: A110 / notbefore: Dec  3 00:00:00 2026 GMT / notafter: Mar  5 00:00:00 2027 GMT]',
      '[Fri Dec 04 10:00:00.000013 2026] [ssl:info] [pid 4000:tid 140002] [remote 127.0.0.1:9444] AH02276: Certificate Verification: Error (20): unable to get local issuer certificate [subject: O=Handshake Lab,CN=www.example.test / issuer: CN=Handshake Lab Private CA,O=Handshake Lab / serial: B7D3 / notbefore: Dec  3 00:00:00 2026 GMT / notafter: Mar  5 00:00:00 2027 GMT]',
      'HTTP/1.1 400 Bad Request',
    ].join('\n');
    for (const cut of [1, 2]) expect(inParts(text, [cut])).toEqual(told(diagnose(text, matcher)));
  });
});

describe('stories of one connection read in parts', () => {
  // Regression (was a bug): two renegotiations on one connection, the second begun before the
  // first failed. Read whole, the story is the first chain (lines 1 2 5); merged, two chains of
  // three tie on their last line and the part's own (3 4 5) was kept.
  it('keep the chain a single read keeps when two tie', () => {
    const step = (code: string, msg: string, level = 'info') => `[Mon Nov 23 10:15:30.291632 2026] [ssl:${level}] [pid 4242:tid 1] [client 192.0.2.1:51234] ${code}: ${msg}`;
    const a = step('AH02221', 'Requesting connection re-negotiation');
    const b = step('AH02226', 'Awaiting re-negotiation handshake');
    const c = step('AH02261', 'Re-negotiation handshake failed', 'error');
    const text = [a, b, a, b, c, 'HTTP/1.1 400 Bad Request', c].join('\n');
    expect(told(diagnose(text, matcher)).findings[0]![6]).toBe('1:AH02221 2:AH02226 5:AH02261');
    for (const cut of [1, 2, 3, 4]) expect(inParts(text, [cut])).toEqual(told(diagnose(text, matcher)));
  });
});

describe.skipIf(pool.length === 0)('paste and CLI agree', () => {
  it('a log read in parts and merged tells what it tells read whole, stories across the cuts included', () => {
    // Renegotiation stories (three lines of one connection, with other lines between) placed
    // anywhere, so that cuts fall inside them.
    const step = (tid: number, code: string, msg: string, level = 'info') =>
      `[Mon Nov 23 10:15:30.29${tid % 10}632 2026] [ssl:${level}] [pid 4242:tid ${tid}] [client 192.0.2.${tid % 250}:51234] ${code}: ${msg}`;
    const story = (tid: number) => [step(tid, 'AH02221', 'Requesting connection re-negotiation'), step(tid, 'AH02226', 'Awaiting re-negotiation handshake'), step(tid, 'AH02261', 'Re-negotiation handshake failed', 'error')];
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: pool.length - 1 }).map((p) => pool[p]!), { minLength: 1, maxLength: 80 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 99 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 })), { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (base, stories, cuts) => {
          const lines = [...base];
          for (const [tid, at] of stories) {
            const pos = at.map((a) => a % (lines.length + 1)).sort((a, b) => a - b);
            story(tid).forEach((l, i) => lines.splice(Math.min(pos[i]! + i, lines.length), 0, l));
          }
          const text = lines.join('\n');
          expect(inParts(text, cuts)).toEqual(told(diagnose(text, matcher)));
        },
      ),
      { numRuns: 400, seed: 8051 },
    );
  });

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
