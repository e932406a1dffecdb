import type { KbIndex, TokenKind } from './types';
import { FindingAccumulator } from './accumulate';
import { buildMatcher, matchLine, type Hit, type Matcher } from './matcher';
import { parseLogLine } from './logline';
import { recogniseLine } from './recognise';
import { cleanLine, MAX_LINE, template } from './text';
import { closestCodes } from './closest';
import { StoryTracker } from './story';

const MAX_TEMPLATES = 100_000;
const MAX_TOKENS = 10_000;

interface Analysed {
  tokens: { kind: TokenKind; value: string; known: boolean }[];
  hits: Hit[];
  /** its AH code can be a step of a story (a refused renegotiation…) */
  story: boolean;
}

export interface SummaryToken {
  line: number;
  kind: TokenKind;
  value: string;
  known: boolean;
}

/**
 * Summarises a whole error_log one line at a time (the CLI streams into it), in memory bounded
 * by the number of distinct messages, not lines: lines are analysed once per template.
 */
export class LogSummary {
  private readonly m: Matcher;
  private readonly acc = new FindingAccumulator();
  private readonly stories: StoryTracker;
  private readonly cache = new Map<string, Analysed>();
  private readonly unknown = new Map<string, { kind: TokenKind; count: number; line: number }>();
  readonly tokens: SummaryToken[] = [];
  tokensTruncated = false;
  lines = 0;
  recognisedLines = 0;
  longLines = 0;

  constructor(index: KbIndex) {
    this.m = buildMatcher(index);
    this.stories = new StoryTracker(index);
  }

  add(raw: string): void {
    const n = ++this.lines;
    if (raw.length > MAX_LINE) {
      this.longLines++;
      raw = raw.slice(0, MAX_LINE);
    }
    if (!raw.trim()) return;
    const key = template(raw);
    let a = this.cache.get(key);
    if (!a) {
      const text = cleanLine(raw);
      const toks = recogniseLine(text, n);
      const hits = matchLine(this.m, text, toks);
      const story = this.stories.wants(text.charCodeAt(0) === 91 /* [ */ ? parseLogLine(text, n)?.code : undefined);
      a = { tokens: toks.map((t) => ({ kind: t.kind, value: t.value, known: Boolean(t.known) })), hits, story };
      if (this.cache.size < MAX_TEMPLATES) this.cache.set(key, a);
    }
    if (!a.tokens.length && !a.hits.length) return;
    this.recognisedLines++;
    const parsed = raw.charCodeAt(0) === 91 /* [ */ ? parseLogLine(raw, n) : undefined;
    if (parsed && a.story) this.stories.add(parsed);
    this.acc.add(a.hits, n, raw, parsed?.time);
    for (const t of a.tokens) {
      if (this.tokens.length < MAX_TOKENS) this.tokens.push({ line: n, ...t });
      else this.tokensTruncated = true;
      if (!t.known && t.kind !== 'http-status' && t.kind !== 'openssl-function') {
        const u = this.unknown.get(t.value);
        if (u) u.count++;
        else this.unknown.set(t.value, { kind: t.kind, count: 1, line: n });
      }
    }
  }

  result() {
    return {
      findings: this.acc.findings(this.m.index, this.stories.stories),
      unknown: [...this.unknown.entries()].map(([value, u]) => ({ value, ...u, closest: closestCodes(value, this.m.knownCodes) })),
      tokens: this.tokens,
      tokensTruncated: this.tokensTruncated,
      stats: { lines: this.lines, recognisedLines: this.recognisedLines, distinctMessages: this.cache.size, longLines: this.longLines },
    };
  }
}

export { buildMatcher };
