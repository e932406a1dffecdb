import type { KbIndex, Token } from './types';
import { norm } from './text';
import { buildAutomaton, findAll, type Automaton } from './aho';

/** One symptom of one entry, and the text (code or message) that identifies it. */
export interface Pattern {
  entry: number;
  symptom: number;
  /** normalised text searched for in a line */
  text: string;
  /** the symptom as written in the entry, for evidence */
  label: string;
  how: 'code' | 'message';
  /** how specific the pattern is: shared by many entries, it says less about each */
  weight: number;
  /** where the symptom shows (server-log, startup, browser, client, proxy) */
  where: string;
  /** enough to make a finding on its own: not generic, or a code the entry owns */
  strong: boolean;
  /** seen whatever the cause: its repeats add nothing */
  generic: boolean;
}

export interface Matcher {
  index: KbIndex;
  patterns: Pattern[];
  /** normalised code → patterns, for the keys of tokens (decoded alerts, reason macros…) */
  byKey: Map<string, Pattern[]>;
  /** every known code, for "closest matches" of an unknown one */
  knownCodes: string[];
  /** all pattern texts at once, and the patterns behind each text */
  automaton: Automaton;
  texts: string[];
  byText: Pattern[][];
  /** word → message patterns using it, for the fuzzy resemblance */
  byWord: Map<string, { pattern: Pattern; words: number }[]>;
}

const BASE = { code: 10, message: 6 } as const;
/** A generic symptom (a connection opened, closed or aborted) is worth less than a reason. */
const GENERIC = 1.5;
/** The entry to read first when several list the same text: a small lead over the others. */
const PRIMARY = 2;
/** The entry that owns a code (logCodes) leads on it by a little less than a named primary. */
const OWNER = 1;

export function buildMatcher(index: KbIndex): Matcher {
  const raw: (Omit<Pattern, 'weight' | 'strong' | 'generic'> & { generic?: boolean; primary?: boolean; owner?: boolean })[] = [];
  index.entries.forEach((e, ei) =>
    e.symptoms.forEach((s, si) => {
      const common = { entry: ei, symptom: si, where: s.where, generic: s.generic, primary: s.primary, owner: s.owner };
      for (const c of s.codes) raw.push({ ...common, text: norm(c), label: c, how: 'code' });
      if (s.match) raw.push({ ...common, text: norm(s.match), label: s.match, how: 'message' });
    }),
  );
  // Specificity: a text that several entries list is weaker evidence for each of them.
  const owners = new Map<string, Set<number>>();
  for (const p of raw) owners.set(p.text, (owners.get(p.text) ?? new Set()).add(p.entry));
  const patterns: Pattern[] = raw
    .filter((p) => p.text.length >= 3)
    .map(({ generic, primary, owner, ...p }) => ({
      ...p,
      weight: (generic ? GENERIC : BASE[p.how]) / Math.sqrt(owners.get(p.text)!.size) + (primary ? PRIMARY : owner && !generic ? OWNER : 0),
      strong: !generic || !!owner,
      generic: !!generic,
    }));
  const byKey = new Map<string, Pattern[]>();
  for (const p of patterns) byKey.set(p.text, [...(byKey.get(p.text) ?? []), p]);
  const knownCodes = [...new Set(patterns.filter((p) => p.how === 'code').map((p) => p.label))];
  const texts = [...byKey.keys()];
  const byWord = new Map<string, { pattern: Pattern; words: number }[]>();
  for (const p of patterns) {
    if (p.how !== 'message') continue;
    const ws = words(p.text);
    if (ws.size < 3) continue;
    for (const w of ws) byWord.set(w, [...(byWord.get(w) ?? []), { pattern: p, words: ws.size }]);
  }
  return { index, patterns, byKey, knownCodes, automaton: buildAutomaton(texts), texts, byText: texts.map((t) => byKey.get(t)!), byWord };
}

const WORD = /[a-z0-9_]/;

/** The occurrence of needle at start is a whole word (no letter or digit glued to either end). */
function wholeWordAt(hay: string, needle: string, start: number): boolean {
  const before = start === 0 ? '' : hay[start - 1]!;
  const after = hay[start + needle.length] ?? '';
  return (!WORD.test(needle[0]!) || !WORD.test(before)) && (!WORD.test(needle[needle.length - 1]!) || !WORD.test(after));
}

/** needle occurs in hay as a whole word (no letter or digit glued to either end). */
export function containsWord(hay: string, needle: string): number {
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = i === 0 ? '' : hay[i - 1]!;
    const after = hay[i + needle.length] ?? '';
    const okBefore = !WORD.test(needle[0]!) || !WORD.test(before);
    const okAfter = !WORD.test(needle[needle.length - 1]!) || !WORD.test(after);
    if (okBefore && okAfter) return i;
  }
  return -1;
}

export interface Hit {
  pattern: Pattern;
  how: 'code' | 'message' | 'fuzzy';
  /** the matched text as it appears in the line */
  text: string;
}

function words(s: string): Set<string> {
  return new Set(s.match(/[a-z][a-z0-9]{2,}/g) ?? []);
}

/**
 * Which symptoms one line shows: patterns found in it (codes and message texts), keys of its
 * tokens, and, when nothing else matched an error-looking line, a close resemblance of words.
 */
export function matchLine(m: Matcher, text: string, tokens: Token[]): Hit[] {
  const lower = norm(text);
  const hits = new Map<Pattern, Hit>();
  for (const { pattern, start } of findAll(m.automaton, lower)) {
    const text = m.texts[pattern]!;
    if (!wholeWordAt(lower, text, start)) continue;
    for (const p of m.byText[pattern]!) if (!hits.has(p)) hits.set(p, { pattern: p, how: p.how, text: p.label });
  }
  for (const t of tokens) {
    for (const key of [t.value, ...t.keys]) {
      for (const p of m.byKey.get(norm(key)) ?? []) if (!hits.has(p)) hits.set(p, { pattern: p, how: 'code', text: key });
    }
    t.known = t.known || [t.value, ...t.keys].some((k) => m.byKey.has(norm(k)));
  }
  // A reason the entries quote inside a longer message ("… Error (20): unable to get local
  // issuer certificate") is known too, not "not in the knowledge base".
  // So is a client's sentence an entry quotes in part ("Remote host terminated the handshake"
  // inside a longer match, or "x509: certificate signed by unknown authority" inside the token).
  for (const t of tokens) {
    if (t.known || (t.kind !== 'verify-error' && t.kind !== 'openssl-reason' && t.kind !== 'tls-alert' && t.kind !== 'client-error')) continue;
    const names = [t.value, ...t.keys].map(norm).filter((k) => k.length >= 6);
    t.known = [...hits.values()].some((h) => names.some((k) => h.pattern.text.includes(k) || (t.kind === 'client-error' && h.pattern.text.length >= 12 && k.includes(h.pattern.text))));
  }
  if (hits.size === 0 && (tokens.length > 0 || /\b(?:error|fail|failed|refused|denied|invalid|unable)\b/.test(lower))) {
    const mine = words(lower);
    if (mine.size >= 3) {
      // Count, per message pattern, how many of its words the line has (through the word index).
      const shared = new Map<Pattern, { n: number; of: number }>();
      for (const w of mine)
        for (const { pattern, words: of } of m.byWord.get(w) ?? []) {
          const c = shared.get(pattern) ?? { n: 0, of };
          c.n++;
          shared.set(pattern, c);
        }
      for (const [p, c] of shared) if (c.n / c.of >= 0.75) hits.set(p, { pattern: p, how: 'fuzzy', text: p.label });
    }
  }
  return [...hits.values()];
}
