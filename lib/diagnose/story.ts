import type { Finding, KbIndex, LogLine } from './types';
import { connectionOf } from './logline';

/**
 * Multi-line stories: an entry whose symptoms list three or more AH codes describes a sequence
 * (in the order the entry lists them). Where one connection's lines show at least three of
 * them in that order, the finding tells the whole story, not just the last line.
 */
export function findStories(index: KbIndex, lines: LogLine[]): Map<number, NonNullable<Finding['story']>> {
  const out = new Map<number, NonNullable<Finding['story']>>();
  const byConn = new Map<string, LogLine[]>();
  for (const l of lines) if (l.code) byConn.set(connectionOf(l), [...(byConn.get(connectionOf(l)) ?? []), l]);
  index.entries.forEach((e, ei) => {
    const seq = e.symptoms.flatMap((s) => s.codes.filter((c) => /^AH\d{5}$/.test(c)));
    if (seq.length < 3) return;
    for (const [connection, ls] of byConn) {
      const steps = inOrder(seq, ls);
      if (steps.length >= 3 && steps.length > (out.get(ei)?.steps.length ?? 0))
        out.set(ei, { connection, steps: steps.map((l) => ({ line: l.line, code: l.code!, message: l.message.slice(0, 200) })) });
    }
  });
  return out;
}

/** The longest run of lines whose codes follow seq in order (greedy; sequences are short). */
function inOrder(seq: string[], ls: LogLine[]): LogLine[] {
  let best: LogLine[] = [];
  for (let start = 0; start < ls.length; start++) {
    const picked: LogLine[] = [];
    let k = 0;
    for (let i = start; i < ls.length && k < seq.length; i++) {
      const at = seq.indexOf(ls[i]!.code!, k);
      if (at >= 0) {
        picked.push(ls[i]!);
        k = at + 1;
      }
    }
    if (picked.length > best.length) best = picked;
    if (best.length === seq.length) break;
  }
  return best;
}
