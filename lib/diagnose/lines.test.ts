import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachLine } from './lines';
import { cleanLine, MAX_LINE, toLines } from './text';

/** The lines forEachLine gives for text cut into chunks at the given offsets. */
async function streamedLines(text: string, cuts: number[]): Promise<string[]> {
  const chunks: string[] = [];
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length]) {
    chunks.push(text.slice(at, cut));
    at = cut;
  }
  async function* gen() {
    yield* chunks;
  }
  const out: string[] = [];
  await forEachLine(gen(), (l) => out.push(l));
  return out;
}

/** What the summary makes of a streamed line: cut at MAX_LINE, cleaned, as toLines does. */
const asPasted = (l: string) => cleanLine(l.slice(0, MAX_LINE));

describe('forEachLine ends lines where the paste box does (toLines)', () => {
  it.each([
    ['CRLF', 'a\r\nb\r\nc', ['a', 'b', 'c']],
    ['lone CR (old Mac, some Windows tools)', 'a\rb\rc\r', ['a', 'b', 'c']],
    ['mixed, with empty lines', 'a\r\n\rb\n\nc', ['a', '', 'b', '', 'c']],
    ['CR CR LF', 'a\r\r\nb', ['a', '', 'b']],
  ])('%s', async (_n, text, want) => {
    expect(toLines(text).lines).toEqual(want);
    for (let cut = 0; cut <= text.length; cut++) expect(await streamedLines(text, [cut]), `cut at ${cut}`).toEqual(want);
  });

  it('a CRLF cut between its CR and LF, with empty chunks between them, is one line end', async () => {
    async function* gen() {
      yield 'a\r';
      yield '';
      yield '\nb';
    }
    const out: string[] = [];
    await forEachLine(gen(), (l) => out.push(l));
    expect(out).toEqual(['a', 'b']);
  });

  it('a line longer than MAX_LINE across chunks comes with MAX_LINE + 1 characters, so it is counted as cut', async () => {
    const long = 'x'.repeat(3 * MAX_LINE);
    const lines = await streamedLines(`${long}\nshort`, [1000, MAX_LINE + 5, 2 * MAX_LINE]);
    expect(lines.map((l) => l.length)).toEqual([MAX_LINE + 1, 5]);
  });

  it('property: any text, cut into chunks anywhere, gives the same lines as toLines', async () => {
    const unit = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('a', 'Z', ' ', '[', '\u0000', '\t', '😀') },
      { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\r\r') },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, minLength: 1, maxLength: 300 }), fc.array(fc.nat(400), { maxLength: 10 }), async (text, cuts) => {
        expect((await streamedLines(text, cuts)).map(asPasted)).toEqual(toLines(text).lines);
      }),
      { seed: 1310, numRuns: 500 },
    );
  });
});
