import type { Finding, KbIndex, LogLine } from './types';
import { connectionOf, logTimeMs, storyConnectionOf } from './logline';
import { clip, own } from './text';

type Story = NonNullable<Finding['story']>;
type Step = Story['steps'][number];

/** Connections followed at once; a story unfolds within seconds, so the oldest can go. */
const MAX_CONNECTIONS = 20_000;
/** Steps further apart than this are not one connection's story, whatever the log says. */
const STORY_WINDOW_MS = 5 * 60_000;
/** Lines that end a connection: what follows on the same thread and peer is another story. */
const CONNECTION_END = new Set(['AH01998', 'AH01999', 'AH02000', 'AH02001']);

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
  /** time of the last step seen per connection, for the window */
  private readonly seen = new Map<string, number>();
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

  /** Whether a line with this AH code can be a step of a story or end one (so callers parse only those). */
  wants(code: string | undefined): boolean {
    return code !== undefined && (this.byCode.has(code) || CONNECTION_END.has(code));
  }

  add(l: LogLine): void {
    if (l.code && CONNECTION_END.has(l.code)) {
      this.conns.delete(storyConnectionOf(l));
      this.seen.delete(storyConnectionOf(l));
    }
    const seqIdx = l.code ? this.byCode.get(l.code) : undefined;
    if (!seqIdx) return;
    const key = own(storyConnectionOf(l));
    let c = this.conns.get(key);
    // A step long after the last one on this thread and peer starts afresh.
    const at = logTimeMs(l.time);
    const last = this.seen.get(key);
    if (c && at !== undefined && last !== undefined && Math.abs(at - last) > STORY_WINDOW_MS) {
      this.conns.delete(key);
      c = undefined;
    }
    if (at !== undefined) this.seen.set(key, at);
    if (!c) {
      // A connection whose first step comes too late in every sequence can tell no story of three.
      if (!this.opens.has(l.code!)) return;
      if (this.conns.size >= MAX_CONNECTIONS) {
        const oldest = this.conns.keys().next().value!;
        this.conns.delete(oldest);
        this.seen.delete(oldest);
      }
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
      step ??= { line: l.line, code: l.code!, message: own(clip(l.message, 200)) };
      const chain = (best[j] = [...prev, step]);
      // Shown as the thread, as the timeline groups lines; followed per thread and peer.
      if (chain.length >= 3 && chain.length > (this.stories.get(s.entry)?.steps.length ?? 0)) this.stories.set(s.entry, { connection: connectionOf(l), steps: chain });
    }
  }
}

/** Keeps story for entry unless a longer one, or one as long that the tracker would prefer, is kept. */
export function offerStory(stories: Map<number, Story>, entry: number, story: Story): void {
  const have = stories.get(entry);
  if (!have || story.steps.length > have.steps.length || (story.steps.length === have.steps.length && earlier(story, have))) stories.set(entry, story);
}

/**
 * Of two stories as long, the one the tracker reading in order keeps: complete first, and of two
 * complete on one line, the one whose steps came first (it keeps the earliest chain it can extend).
 */
function earlier(a: Story, b: Story): boolean {
  const last = a.steps.at(-1)!.line - b.steps.at(-1)!.line;
  if (last) return last < 0;
  for (let i = 0; i < a.steps.length; i++) if (a.steps[i]!.line !== b.steps[i]!.line) return a.steps[i]!.line < b.steps[i]!.line;
  return false;
}

/** The same story, lineOffset lines further down (a part of a log read on another thread). */
export function shiftStory(story: Story, lineOffset: number): Story {
  return { ...story, steps: story.steps.map((s) => ({ ...s, line: s.line + lineOffset })) };
}

/** The stories in a whole excerpt, by entry index. */
export function findStories(index: KbIndex, lines: LogLine[]): Map<number, Story> {
  const t = new StoryTracker(index);
  for (const l of lines) t.add(l);
  return t.stories;
}
