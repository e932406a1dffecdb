// The diagnosis engine: one session per text (a paste, a streamed file), fed one line at a
// time, finishing with one Diagnosis. The paste view, the wizard and the CLI all use it.
import type { Diagnosis, KbIndex, LogLine, Token, TokenKind } from './types';
import { FindingAccumulator, type AccState } from './accumulate';
import { buildMatcher, matchLine, type Hit, type Matcher } from './matcher';
import { connectionOf, parseLogLine } from './logline';
import { recogniseLine } from './recognise';
import { cleanLine, clip, MAX_LINE, own, template } from './text';
import { closestCodes } from './closest';
import { offerStory, shiftStory, StoryTracker } from './story';
import { MAX_TEMPLATE_CHARS, MAX_TEMPLATES, MAX_TIMELINE_GROUPS, MAX_TOKENS, MAX_UNKNOWN, MAX_UNKNOWN_SHOWN, SHOWN_GROUP_LINES, SHOWN_TOKEN_LINES, STORY_EDGE } from './limits';

/** Lines after which the quick key is judged: kept if it saved template() on a quarter of them. */
const QUICK_SAMPLE = 20_000;

interface Analysed {
  tokens: { kind: TokenKind; value: string; known: boolean }[];
  /** the tokens the knowledge base does not know, counted in the summary's `unknown` */
  unknown: { kind: TokenKind; value: string }[];
  hits: Hit[];
  recognised: boolean;
  /** it is an error_log line, so its first [...] is the time */
  logLine: boolean;
  /** its AH code can be a step of a story (a refused renegotiation…) */
  story: boolean;
  /** lines with this template after the first, the last of them, not yet handed to acc */
  repeats: number;
  lastLine: number;
  /** the time of the last of those lines (only the time: the line itself would pin its read chunk) */
  lastTime?: string;
}

const timeOf = (raw: string) => raw.slice(1, raw.indexOf(']'));

/**
 * Blanks the first "[pid …]" ("[client …]", "[remote …]") group of s to "[]", but only where
 * template() would blank it too: keyword, at most 80 more characters, no bracket inside.
 */
function blankGroup(s: string, keyword: string, within: number): string {
  const at = s.indexOf(`[${keyword}`);
  if (at < 0 || at > within) return s;
  const end = s.indexOf(']', at);
  if (end < 0 || end - at - 1 - keyword.length > 80 || s.lastIndexOf('[', end) !== at) return s;
  return `${s.slice(0, at)}[]${s.slice(end + 1)}`;
}

/**
 * A cheaper key than template(), for the hot path: the line without its time, its pid and client
 * groups blanked, found with indexOf instead of four regular expressions. It is finer than
 * template() (numbers and addresses in the message stay), so two lines with one quick key always
 * have one template; a miss falls back to template().
 */
export function quickKey(raw: string): string {
  if (raw.charCodeAt(0) !== 91 /* [ */) return raw;
  const t = raw.indexOf(']');
  if (t < 0 || t > 65) return raw;
  let s = raw.slice(t + 1).trimStart();
  s = blankGroup(s, 'pid', 40);
  s = blankGroup(s, 'client', 160);
  return blankGroup(s, 'remote', 160);
}

type Story = NonNullable<Diagnosis['findings'][number]['story']>;

/**
 * A session's data as plain values: a part of a log analysed on another thread, handed to the
 * session that merges the parts (absorb) in the order of the log.
 */
export interface SessionPart {
  lines: number;
  recognisedLines: number;
  longLines: number;
  acc: AccState;
  stories: [number, Story][];
  /** the first and the last STORY_EDGE story lines, for stories that cross into the next part */
  head: LogLine[];
  tail: LogLine[];
  unknown: [string, { kind: TokenKind; count: number; line: number }][];
  unknownOther: number;
  tokens: Token[];
  tokensTruncated: boolean;
  /** the distinct messages (template keys) */
  keys: string[];
}

export interface SessionOptions {
  /** group log lines by connection, as the paste view shows them (the CLI does not) */
  timeline?: boolean;
  /** distinct messages remembered (tests pass 0: every line analysed on its own) */
  templates?: number;
  /** keep the story lines at both ends, for part() (a part of a log read on its own thread) */
  edges?: boolean;
}

/** The fields of a log line a story needs, copied (see own()). */
const storyLine = (l: LogLine): LogLine => ({
  line: l.line,
  format: l.format,
  time: l.time && own(l.time),
  pid: l.pid && own(l.pid),
  tid: l.tid && own(l.tid),
  client: l.client && own(l.client),
  side: l.side,
  code: l.code,
  message: own(clip(l.message, 200)),
});

/** A token that holds nothing of the line it came from alive (see own()). */
function ownToken(t: Token): Token {
  return { ...t, value: own(t.value), keys: t.keys.map(own), ...(t.note === undefined ? {} : { note: own(t.note) }) };
}

/**
 * One diagnosis, fed a line at a time, in memory bounded by the number of distinct messages
 * (templates) and the caps in limits.ts, never by the size of the input: each template is
 * analysed once and its later lines only counted.
 */
export class DiagnoseSession {
  private readonly m: Matcher;
  private readonly acc = new FindingAccumulator();
  private readonly stories: StoryTracker;
  private readonly maxTemplates: number;
  private readonly cache = new Map<string, Analysed>();
  /** quickKey → the same Analysed as its template; bounded like the cache */
  private readonly quick = new Map<string, Analysed>();
  private quickOn: boolean;
  /** characters held in cache and quick keys (see MAX_TEMPLATE_CHARS) */
  private keyChars = 0;
  private quickTries = 0;
  private quickHits = 0;
  private readonly unknown = new Map<string, { kind: TokenKind; count: number; line: number }>();
  /** occurrences of unknown codes past MAX_UNKNOWN distinct ones */
  private unknownOther = 0;
  private readonly tokens: Token[] = [];
  private tokensTruncated = false;
  /** lines whose tokens are kept */
  private tokenLines = 0;
  private readonly groups: Map<string, LogLine[]> | undefined;
  private lines = 0;
  private recognisedLines = 0;
  private longLines = 0;
  /** the caller stopped before the end of its input (the paste box reads MAX_LINES lines) */
  cut = false;
  /** story lines at the start, and a ring of those since (see SessionOptions.edges) */
  private readonly edges: boolean;
  private readonly head: LogLine[] = [];
  private readonly ring: LogLine[] = [];
  private ringAt = 0;
  /** merging: the previous part's last story lines, and the distinct messages of all parts */
  private prevTail: LogLine[] = [];
  private readonly partKeys = new Set<string>();

  constructor(matcherOrIndex: Matcher | KbIndex, opts: SessionOptions = {}) {
    this.m = 'patterns' in matcherOrIndex ? matcherOrIndex : buildMatcher(matcherOrIndex);
    this.stories = new StoryTracker(this.m.index);
    this.maxTemplates = opts.templates ?? MAX_TEMPLATES;
    this.quickOn = this.maxTemplates > 0;
    this.groups = opts.timeline ? new Map() : undefined;
    this.edges = Boolean(opts.edges);
  }

  get lineCount(): number {
    return this.lines;
  }

  add(raw: string): void {
    const n = ++this.lines;
    if (raw.length > MAX_LINE) {
      this.longLines++;
      raw = raw.slice(0, MAX_LINE);
    }
    if (raw.charCodeAt(0) !== 91 /* [ */ && !raw.trim()) return;
    if (this.groups) this.group(raw, n);
    // The quick key pays off on logs that repeat themselves; on a log where nearly every line
    // differs (scanners, many hosts) it only costs, so after a sample it is dropped.
    const qk = this.quickOn ? quickKey(raw) : '';
    let a = this.quickOn ? this.quick.get(qk) : undefined;
    let key: string | undefined;
    if (this.quickOn && ++this.quickTries === QUICK_SAMPLE && this.quickHits < QUICK_SAMPLE / 4) {
      this.quickOn = false;
      this.quick.clear();
    }
    if (a) this.quickHits++;
    else if (this.maxTemplates > 0) {
      key = template(raw);
      a = this.cache.get(key);
      if (a && this.quickOn && this.quick.size < this.maxTemplates) this.quick.set(own(qk), a);
    }
    if (a) {
      // The hot path: a message seen before is only counted; its evidence is already in.
      if (!a.recognised) return;
      this.recognisedLines++;
      a.repeats++;
      a.lastLine = n;
      a.lastTime = a.logLine ? own(timeOf(raw)) : undefined;
      if (a.story) this.storyStep(raw, n);
      if (a.tokens.length) this.keepTokens(undefined, raw, n);
      return;
    }
    const text = cleanLine(raw);
    const toks = recogniseLine(text, n);
    a = this.analyse(text, toks);
    // Past the template bound a line is a one-off: added in full every time, memory stays bounded.
    if (key !== undefined && this.cache.size < this.maxTemplates && this.keyChars + key.length + qk.length <= MAX_TEMPLATE_CHARS) {
      this.keyChars += key.length + qk.length;
      this.cache.set(own(key), a);
      if (this.quickOn && this.quick.size < this.maxTemplates) this.quick.set(own(qk), a);
    }
    if (!a.recognised) return;
    this.recognisedLines++;
    if (a.story) this.storyStep(raw, n);
    this.acc.add(a.hits, n, text, a.logLine ? timeOf(text) : undefined);
    if (toks.length) this.keepTokens(toks, raw, n);
    for (const t of a.unknown) {
      const u = this.unknown.get(t.value);
      if (u) u.count++;
      else if (this.unknown.size < MAX_UNKNOWN) this.unknown.set(t.value, { kind: t.kind, count: 1, line: n });
      else this.unknownOther++;
    }
  }

  private analyse(text: string, toks: Token[]): Analysed {
    const hits = matchLine(this.m, text, toks);
    const parsed = text.charCodeAt(0) === 91 ? parseLogLine(text, 0) : undefined;
    const tokens = toks.map((t) => ({ kind: t.kind, value: own(t.value), known: Boolean(t.known) }));
    return {
      tokens,
      unknown: tokens.filter((t) => !t.known && t.kind !== 'http-status' && t.kind !== 'openssl-function').map(({ kind, value }) => ({ kind, value })),
      hits,
      recognised: tokens.length > 0 || hits.length > 0,
      logLine: parsed !== undefined,
      story: this.stories.wants(parsed?.code),
      repeats: 0,
      lastLine: 0,
    };
  }

  private storyStep(raw: string, n: number): void {
    const parsed = parseLogLine(raw, n);
    if (!parsed) return;
    this.stories.add(parsed);
    if (!this.edges) return;
    if (this.head.length < STORY_EDGE) this.head.push(storyLine(parsed));
    else {
      this.ring[this.ringAt] = storyLine(parsed);
      this.ringAt = (this.ringAt + 1) % STORY_EDGE;
    }
  }

  /** This session's data, for a session that merges the parts of a log (see absorb). */
  part(): SessionPart {
    this.foldRepeats();
    const tail = [...this.head, ...this.ring.slice(this.ringAt), ...this.ring.slice(0, this.ringAt)].slice(-STORY_EDGE);
    return {
      lines: this.lines,
      recognisedLines: this.recognisedLines,
      longLines: this.longLines,
      acc: this.acc.state(),
      stories: [...this.stories.stories.entries()],
      head: this.head,
      tail,
      unknown: [...this.unknown.entries()],
      unknownOther: this.unknownOther,
      tokens: this.tokens,
      tokensTruncated: this.tokensTruncated,
      keys: [...this.cache.keys()],
    };
  }

  /**
   * Adds the next part of a log, analysed by another session: counts, evidence, unknown codes
   * and tokens as if its lines had been added here; stories within it, and those crossing from
   * the previous part (replayed from the story lines at their edges).
   */
  absorb(p: SessionPart): void {
    const off = this.lines;
    this.lines += p.lines;
    this.recognisedLines += p.recognisedLines;
    this.longLines += p.longLines;
    this.acc.merge(p.acc, off);
    const shift = (l: LogLine) => ({ ...l, line: l.line + off });
    for (const [e, st] of p.stories) offerStory(this.stories.stories, e, shiftStory(st, off));
    if (this.prevTail.length && p.head.length) {
      const across = new StoryTracker(this.m.index);
      for (const l of this.prevTail) across.add(l);
      for (const l of p.head) across.add(shift(l));
      for (const [e, st] of across.stories) offerStory(this.stories.stories, e, st);
    }
    // A part with few story lines leaves the earlier ones in play: a story can span three parts.
    this.prevTail = p.head.length < STORY_EDGE ? [...this.prevTail, ...p.tail.map(shift)].slice(-STORY_EDGE) : p.tail.map(shift);
    // Codes past MAX_UNKNOWN distinct ones are counted together, as add() counts them.
    for (const [value, u] of p.unknown) {
      const have = this.unknown.get(value);
      if (have) have.count += u.count;
      else if (this.unknown.size < MAX_UNKNOWN) this.unknown.set(value, { ...u, line: u.line + off });
      else this.unknownOther += u.count;
    }
    this.unknownOther += p.unknownOther;
    let lastLine = 0;
    for (const t of p.tokens) {
      if (t.line !== lastLine && this.tokenLines >= SHOWN_TOKEN_LINES) {
        this.tokensTruncated = true;
        break;
      }
      if (t.line !== lastLine) this.tokenLines++;
      lastLine = t.line;
      if (this.tokens.length < MAX_TOKENS) this.tokens.push({ ...t, line: t.line + off });
    }
    this.tokensTruncated ||= p.tokensTruncated;
    for (const k of p.keys) if (this.partKeys.size < MAX_TEMPLATES) this.partKeys.add(k);
  }

  /**
   * Positioned tokens, for marking the lines shown: those of the first SHOWN_TOKEN_LINES lines
   * that have any (at most MAX_TOKENS in all). Later lines are only counted: re-recognising
   * every repeated line for positions nobody is shown was most of the time of a paste.
   */
  private keepTokens(toks: Token[] | undefined, raw: string, n: number): void {
    if (this.tokenLines >= SHOWN_TOKEN_LINES || this.tokens.length >= MAX_TOKENS) {
      this.tokensTruncated = true;
      return;
    }
    this.tokenLines++;
    if (!toks) {
      // A repeated message: the positions are this line's own, so it is recognised again.
      const text = cleanLine(raw);
      toks = recogniseLine(text, n);
      matchLine(this.m, text, toks);
    }
    for (const t of toks) {
      if (this.tokens.length < MAX_TOKENS) this.tokens.push(ownToken(t));
      else this.tokensTruncated = true;
    }
  }

  /** The timeline: lines by connection, within fixed bounds. */
  private group(raw: string, n: number): void {
    if (raw.charCodeAt(0) !== 91) return;
    const parsed = parseLogLine(cleanLine(raw), n);
    if (!parsed) return;
    const key = connectionOf(parsed);
    let g = this.groups!.get(key);
    if (!g) {
      if (this.groups!.size >= MAX_TIMELINE_GROUPS) return;
      this.groups!.set(key, (g = []));
    }
    if (g.length < SHOWN_GROUP_LINES) g.push(parsed);
  }

  /** Hands the counted repeats to the accumulator (once: they are zeroed after). */
  private foldRepeats(): void {
    for (const a of this.cache.values()) {
      if (!a.repeats) continue;
      this.acc.repeat(a.hits, a.repeats, a.lastLine, a.lastTime);
      for (const t of a.unknown) {
        const u = this.unknown.get(t.value);
        if (u) u.count += a.repeats;
        else this.unknownOther += a.repeats;
      }
      a.repeats = 0;
    }
  }

  result(): Diagnosis {
    this.foldRepeats();
    return {
      findings: this.acc.findings(this.m.index, this.stories.stories),
      // Most frequent first; the closest-code search only for those a reader is shown.
      unknown: [...this.unknown.entries()]
        .sort((a, b) => b[1].count - a[1].count || a[1].line - b[1].line)
        .map(([value, u], i) => ({ value, ...u, closest: i < MAX_UNKNOWN_SHOWN ? closestCodes(value, this.m.knownCodes) : [] })),
      unknownOther: this.unknownOther,
      tokens: this.tokens,
      timeline: [...(this.groups ?? new Map<string, LogLine[]>()).entries()].map(([connection, lines]) => ({ connection, lines })),
      stats: {
        lines: this.lines,
        recognisedLines: this.recognisedLines,
        // a merging session adds no lines itself: its messages are those of its parts
        distinctMessages: this.cache.size + this.partKeys.size,
        longLines: this.longLines,
        truncated: this.cut || this.longLines > 0,
        tokensTruncated: this.tokensTruncated,
      },
    };
  }
}
