// The diagnosis engine: one session per text (a paste, a streamed file), fed one line at a
// time, finishing with one Diagnosis. The paste view, the wizard and the CLI all use it.
import type { Diagnosis, KbIndex, LogLine, Token, TokenKind } from './types';
import { FindingAccumulator } from './accumulate';
import { buildMatcher, matchLine, type Hit, type Matcher } from './matcher';
import { connectionOf, parseLogLine } from './logline';
import { recogniseLine } from './recognise';
import { cleanLine, MAX_LINE, own, template } from './text';
import { closestCodes } from './closest';
import { StoryTracker } from './story';
import { MAX_TEMPLATE_CHARS, MAX_TEMPLATES, MAX_TIMELINE_GROUPS, MAX_TOKENS, MAX_UNKNOWN, MAX_UNKNOWN_SHOWN, SHOWN_GROUP_LINES } from './limits';

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

export interface SessionOptions {
  /** group log lines by connection, as the paste view shows them (the CLI does not) */
  timeline?: boolean;
  /** distinct messages remembered (tests pass 0: every line analysed on its own) */
  templates?: number;
}

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
  private readonly groups: Map<string, LogLine[]> | undefined;
  private lines = 0;
  private recognisedLines = 0;
  private longLines = 0;
  /** the caller stopped before the end of its input (the paste box reads MAX_LINES lines) */
  cut = false;

  constructor(matcherOrIndex: Matcher | KbIndex, opts: SessionOptions = {}) {
    this.m = 'patterns' in matcherOrIndex ? matcherOrIndex : buildMatcher(matcherOrIndex);
    this.stories = new StoryTracker(this.m.index);
    this.maxTemplates = opts.templates ?? MAX_TEMPLATES;
    this.quickOn = this.maxTemplates > 0;
    this.groups = opts.timeline ? new Map() : undefined;
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
    if (parsed) this.stories.add(parsed);
  }

  /** Positioned tokens (for marking the lines the page shows), up to MAX_TOKENS. */
  private keepTokens(toks: Token[] | undefined, raw: string, n: number): void {
    if (this.tokens.length >= MAX_TOKENS) {
      this.tokensTruncated = true;
      return;
    }
    if (!toks) {
      // A repeated message: its positions are this line's own, so it is recognised again
      // (at most MAX_TOKENS times in a whole run).
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
        distinctMessages: this.cache.size,
        longLines: this.longLines,
        truncated: this.cut || this.longLines > 0,
        tokensTruncated: this.tokensTruncated,
      },
    };
  }
}
