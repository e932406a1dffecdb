import type { Finding, KbIndex, LogLine } from './types';
import { connectionOf } from './logline';
import { clip } from './text';

type Story = NonNullable<Finding['story']>;

/**
 * Multi-line stories: an entry whose symptoms list three or more distinct AH codes describes a
 * sequence (in the order the entry lists them). Where one connection's lines show at least
 * three of them in that order, the finding tells the whole story, not just the last line.
 */
export function findStories(index: KbIndex, lines: LogLine[]): Map<number, Story> {
  const out = new Map<number, Story>();
  const byConn = new Map<string, LogLine[]>();
  for (const l of lines) {
    if (!l.code) continue;
    const key = connectionOf(l);
    const list = byConn.get(key);
    if (list) list.push(l);
    else byConn.set(key, [l]);
  }
  index.entries.forEach((e, ei) => {
    const seq = [...new Set(e.symptoms.flatMap((s) => s.codes.filter((c) => /^AH\d{5}$/.test(c))))];
    if (seq.length < 3) return;
    for (const [connection, ls] of byConn) {
      const steps = longestInOrder(seq, ls);
      if (steps.length >= 3 && steps.length > (out.get(ei)?.steps.length ?? 0))
        out.set(ei, { connection, steps: steps.map((l) => ({ line: l.line, code: l.code!, message: clip(l.message, 200) })) });
    }
  });
  return out;
}

/**
 * The longest chain of lines whose codes follow seq in order, each code once. One pass:
 * best[j] is the longest chain ending in code seq[j] so far, so the work is lines × |seq|.
 */
export function longestInOrder(seq: string[], ls: LogLine[]): LogLine[] {
  const pos = new Map(seq.map((c, j) => [c, j]));
  const best: (LogLine[] | undefined)[] = seq.map(() => undefined);
  for (const l of ls) {
    const j = pos.get(l.code!);
    if (j === undefined) continue;
    let prev: LogLine[] = [];
    for (let k = 0; k < j; k++) if ((best[k]?.length ?? 0) > prev.length) prev = best[k]!;
    if (prev.length + 1 > (best[j]?.length ?? 0)) best[j] = [...prev, l];
  }
  return best.reduce<LogLine[]>((a, b) => (b && b.length > a.length ? b : a), []);
}
