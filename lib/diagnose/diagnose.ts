import type { Diagnosis, Finding, LogLine, Token, Unknown } from './types';
import { FindingAccumulator } from './accumulate';
import { buildMatcher, matchLine, type Matcher } from './matcher';
import { connectionOf, parseLogLine } from './logline';
import { recogniseLine } from './recognise';
import { toLines } from './text';
import { findStories } from './story';
import { closestCodes } from './closest';
import { MAX_UNKNOWN, MAX_UNKNOWN_SHOWN } from './limits';

const MAX_TIMELINE_LINES = 200;
const MAX_TIMELINE_GROUPS = 100;
/** Tokens returned for a paste: enough to mark every line the page shows, never a flood. */
export const MAX_TOKENS = 20_000;

/** Pasted text in, ranked findings out. Never throws on input; bounded by MAX_LINES × MAX_LINE. */
export function diagnose(input: string, matcherOrIndex: Matcher | Parameters<typeof buildMatcher>[0]): Diagnosis {
  const started = Date.now();
  const m = 'patterns' in matcherOrIndex ? matcherOrIndex : buildMatcher(matcherOrIndex);
  const { lines, truncated } = toLines(typeof input === 'string' ? input : String(input ?? ''));
  const tokens: Token[] = [];
  const logLines: LogLine[] = [];
  const acc = new FindingAccumulator();
  let recognisedLines = 0;
  let tokensTruncated = false;

  lines.forEach((text, i) => {
    const n = i + 1;
    if (!text.trim()) return;
    const lineTokens = recogniseLine(text, n);
    const hits = matchLine(m, text, lineTokens);
    const parsed = parseLogLine(text, n);
    if (parsed) logLines.push(parsed);
    if (lineTokens.length || hits.length) recognisedLines++;
    for (const t of lineTokens) if (tokens.length < MAX_TOKENS) tokens.push(t);
    else tokensTruncated = true;
    acc.add(hits, n, text, parsed?.time);
  });

  const stories = findStories(m.index, logLines);
  const findings: Finding[] = acc.findings(m.index, stories).map(({ lines: _l, firstSeen: _f, lastSeen: _s, ...f }) => f);

  const unknown: Unknown[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.known || seen.has(t.value) || t.kind === 'http-status' || t.kind === 'openssl-function') continue;
    if (unknown.length >= MAX_UNKNOWN) break;
    seen.add(t.value);
    // The closest-code search costs a pass over every known code: only for the ones shown.
    unknown.push({ line: t.line, value: t.value, kind: t.kind, closest: unknown.length < MAX_UNKNOWN_SHOWN ? closestCodes(t.value, m.knownCodes) : [] });
  }

  const groups = new Map<string, LogLine[]>();
  for (const l of logLines) {
    const key = connectionOf(l);
    if (!groups.has(key) && groups.size >= MAX_TIMELINE_GROUPS) continue;
    const g = groups.get(key) ?? [];
    if (g.length < MAX_TIMELINE_LINES) g.push(l);
    groups.set(key, g);
  }
  const timeline = [...groups.entries()].map(([connection, ls]) => ({ connection, lines: ls }));

  return { findings, tokens, unknown, timeline, stats: { lines: lines.length, recognisedLines, truncated, tokensTruncated, ms: Date.now() - started } };
}
