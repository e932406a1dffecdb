import type { Finding, KbIndex, LogLine } from './types';
import { connectionOf } from './logline';
import { clip } from './text';

type Story = NonNullable<Finding['story']>;
type Step = Story['steps'][number];

/** Connections followed at once; a story unfolds within seconds, so the oldest can go. */
const MAX_CONNECTIONS = 20_000;

/**
 * Multi-line stories: an entry's `sequence` lists the AH codes one connection logs, in order,
 * when its problem happens. Where one connection's lines show at least three of them in that
 * order, the finding tells the whole story, not just the last line.
 *
 * Fed one line at a time (the CLI streams a whole error_log through it), in memory bounded by
 * MAX_CONNECTIONS. Per connection and sequence, best[j] is the longest chain so far that ends
 * in code seq[j], so the work is lines × |seq| and never quadratic.
 */
export class StoryTracker {
  private readonly seqs: { entry: number; pos: Map<string, number>; len: number }[] = [];
  private readonly byCode = new Map<string, number[]>();
  /** codes that can open a chain of three (not among the last two steps of every sequence) */
  private readonly opens = new Set<string>();
  private readonly conns = new Map<string, Map<number, (Step[] | undefined)[]>>();
  readonly stories = new Map<number, Story>();

  constructor(index: KbIndex) {
    index.entries.forEach((e, entry) => {
      const seq = e.sequence ?? [];
      if (seq.length < 3) return;
      const si = this.seqs.push({ entry, pos: new Map(seq.map((c, j) => [c, j])), len: seq.length }) - 1;
      for (const c of seq) this.byCode.set(c, [...(this.byCode.get(c) ?? []), si]);
      for (const c of seq.slice(0, -2)) this.opens.add(c);
    });
  }

  /** Whether a line with this AH code can be part of a story (so callers parse only those). */
  wants(code: string | undefined): boolean {
    return code !== undefined && this.byCode.has(code);
  }

  add(l: LogLine): void {
    const seqIdx = l.code ? this.byCode.get(l.code) : undefined;
    if (!seqIdx) return;
    const key = connectionOf(l);
    let c = this.conns.get(key);
    if (!c) {
      // A connection whose first step comes too late in every sequence can tell no story of three.
      if (!this.opens.has(l.code!)) return;
      if (this.conns.size >= MAX_CONNECTIONS) this.conns.delete(this.conns.keys().next().value!);
      this.conns.set(key, (c = new Map()));
    }
    let step: Step | undefined;
    for (const si of seqIdx) {
      const s = this.seqs[si]!;
      const j = s.pos.get(l.code!)!;
      let best = c.get(si);
      if (!best) c.set(si, (best = new Array(s.len)));
      let prev: Step[] = [];
      for (let k = 0; k < j; k++) if ((best[k]?.length ?? 0) > prev.length) prev = best[k]!;
      if (prev.length + 1 <= (best[j]?.length ?? 0)) continue;
      step ??= { line: l.line, code: l.code!, message: clip(l.message, 200) };
      const chain = (best[j] = [...prev, step]);
      if (chain.length >= 3 && chain.length > (this.stories.get(s.entry)?.steps.length ?? 0)) this.stories.set(s.entry, { connection: key, steps: chain });
    }
  }
}

/** The stories in a whole excerpt, by entry index. */
export function findStories(index: KbIndex, lines: LogLine[]): Map<number, Story> {
  const t = new StoryTracker(index);
  for (const l of lines) t.add(l);
  return t.stories;
}
