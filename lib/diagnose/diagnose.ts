import type { Diagnosis, Evidence, Finding, LogLine, Token, Unknown } from './types';
import { buildMatcher, matchLine, type Hit, type Matcher } from './matcher';
import { connectionOf, parseLogLine } from './logline';
import { recogniseLine } from './recognise';
import { toLines } from './text';
import { findStories } from './story';
import { closestCodes } from './closest';

const MAX_EVIDENCE = 20;
const MAX_TIMELINE_LINES = 200;

interface Acc {
  score: number;
  evidence: Evidence[];
  symptoms: Map<number, { how: Hit['how']; weight: number; count: number; label: string }>;
}

/** Pasted text in, ranked findings out. Never throws on input; bounded by MAX_LINES × MAX_LINE. */
export function diagnose(input: string, matcherOrIndex: Matcher | Parameters<typeof buildMatcher>[0]): Diagnosis {
  const started = Date.now();
  const m = 'patterns' in matcherOrIndex ? matcherOrIndex : buildMatcher(matcherOrIndex);
  const { lines, truncated } = toLines(typeof input === 'string' ? input : String(input ?? ''));
  const tokens: Token[] = [];
  const logLines: LogLine[] = [];
  const acc = new Map<number, Acc>();
  let recognisedLines = 0;

  lines.forEach((text, i) => {
    const n = i + 1;
    if (!text.trim()) return;
    const lineTokens = recogniseLine(text, n);
    const hits = matchLine(m, text, lineTokens);
    const parsed = parseLogLine(text, n);
    if (parsed) logLines.push(parsed);
    if (lineTokens.length || hits.length) recognisedLines++;
    tokens.push(...lineTokens);
    for (const h of hits) {
      const a: Acc = acc.get(h.pattern.entry) ?? { score: 0, evidence: [], symptoms: new Map() };
      acc.set(h.pattern.entry, a);
      const prev = a.symptoms.get(h.pattern.symptom);
      const weight = h.how === 'fuzzy' ? 2 : h.pattern.weight;
      if (!prev) a.symptoms.set(h.pattern.symptom, { how: h.how, weight, count: 1, label: h.pattern.label });
      else {
        prev.count++;
        if (weight > prev.weight) Object.assign(prev, { how: h.how, weight, label: h.pattern.label });
      }
      if (a.evidence.length < MAX_EVIDENCE && !a.evidence.some((e) => e.line === n && e.symptom === h.pattern.label))
        a.evidence.push({ line: n, text: text.length > 300 ? `${text.slice(0, 300)}…` : text, how: h.how, symptom: h.pattern.label });
    }
  });

  const stories = findStories(m.index, logLines);
  const findings: Finding[] = [...acc.entries()].map(([ei, a]) => {
    const e = m.index.entries[ei]!;
    let score = 0;
    for (const s of a.symptoms.values()) score += s.weight + Math.log2(s.count) * 0.5;
    const story = stories.get(ei);
    if (story) score += 4 * story.steps.length;
    return {
      slug: e.slug,
      title: e.title,
      url: e.url,
      summary: e.summary,
      causes: e.causes,
      score: Math.round(score * 10) / 10,
      evidence: a.evidence,
      distinct: [...a.symptoms.values()].map((s) => s.label),
      story,
      fix: e.fix,
    };
  });
  findings.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
  // What tells the findings apart: the symptoms each has that the others lack.
  for (const f of findings) {
    const others = new Set(findings.filter((o) => o !== f).flatMap((o) => o.distinct));
    f.distinct = f.distinct.filter((d) => !others.has(d));
  }

  const unknown: Unknown[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.known || seen.has(t.value) || t.kind === 'http-status' || t.kind === 'openssl-function') continue;
    seen.add(t.value);
    unknown.push({ line: t.line, value: t.value, kind: t.kind, closest: closestCodes(t.value, m.knownCodes) });
  }

  const groups = new Map<string, LogLine[]>();
  for (const l of logLines) {
    const key = connectionOf(l);
    const g = groups.get(key) ?? [];
    if (g.length < MAX_TIMELINE_LINES) g.push(l);
    groups.set(key, g);
  }
  const timeline = [...groups.entries()].map(([connection, ls]) => ({ connection, lines: ls }));

  return { findings, tokens, unknown, timeline, stats: { lines: lines.length, recognisedLines, truncated, ms: Date.now() - started } };
}
