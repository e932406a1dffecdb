import type { SearchRecord } from './records';

// Token search: every field is cut into words and indexed once; a query word matches a word of
// the index exactly, as a prefix, or within one or two typos. Whole fields are never scanned at
// query time (Fuse's bitap over long fields was both slow and poor at this: GUIDE section 5).

export interface SearchHit {
  record: SearchRecord;
  /** exact: the query is a code this record lists; fuzzy: matched word by word */
  how: 'exact' | 'fuzzy';
  /** character ranges [start, end] (inclusive) to mark in the title and summary */
  marks: { title: [number, number][]; summary: [number, number][] };
}

/** "net::ERR_SSL_PROTOCOL_ERROR " → "err_ssl_protocol_error": the form codes are compared in. */
export function normCode(s: string): string {
  return s.trim().toLowerCase().replace(/^(?:net::|error:)/, '');
}

/** A pasted log line or error output rather than a search: the diagnosis view suits it better. */
export function looksLikeLogLine(q: string): boolean {
  const t = q.trim();
  return (
    /^\[[^\]]{3,64}\] \[[\w:-]{2,40}\]/.test(t) ||
    /\bAH\d{5}: /.test(t) ||
    /error:[0-9A-Fa-f]{8}:/.test(t) ||
    /\bcurl: \(\d{1,3}\)/.test(t) ||
    (t.length > 80 && /\b(?:error|failed|SSL|TLS)\b/.test(t))
  );
}

const FIELDS = [
  ['title', 3],
  ['codes', 3],
  ['directives', 2],
  ['symptoms', 1.5],
  ['summary', 1],
  ['body', 0.3],
] as const;

// Hyphenated compounds count as their parts and as one word: "pass-phrase" is found by
// "pass", "phrase" and "passphrase".
const WORD = /[a-z0-9][a-z0-9_]*(?:-[a-z0-9_]+)*/g;
const parts = (compound: string) => (compound.includes('-') ? [...compound.split('-'), compound.replace(/-/g, '')] : [compound]);
const words = (s: string) => (s.toLowerCase().match(WORD) ?? []).flatMap(parts);

/** Edit distance, giving up (returning max + 1) as soon as it must exceed max. */
function within(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j]! < best) best = cur[j]!;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Index words a query word stands for, each with how well it matches (1 exact … 0.5 two typos). */
function expand(q: string, vocab: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const typos = q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0;
  for (const w of vocab) {
    if (w === q) out.set(w, 1);
    else if (q.length >= 3 && w.startsWith(q)) out.set(w, 0.8);
    else if (typos) {
      const d = within(q, w, typos);
      if (d <= typos) out.set(w, d === 1 ? 0.7 : 0.5);
    }
  }
  return out;
}

/** Where the given words occur in text, as inclusive ranges. */
function marksIn(text: string, matched: Set<string>): [number, number][] {
  const out: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(WORD)) if (parts(m[0]).some((w) => matched.has(w))) out.push([m.index!, m.index! + m[0].length - 1]);
  return out;
}

export function createSearch(records: SearchRecord[]) {
  const postings = new Map<string, Map<number, number>>();
  records.forEach((r, i) => {
    for (const [field, weight] of FIELDS) {
      const v = r[field];
      for (const w of words(Array.isArray(v) ? v.join(' ') : v)) {
        const p = postings.get(w) ?? new Map<number, number>();
        p.set(i, Math.max(p.get(i) ?? 0, weight));
        postings.set(w, p);
      }
    }
  });
  const vocab = [...postings.keys()];
  const byCode = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const c of r.codes) byCode.set(normCode(c), [...(byCode.get(normCode(c)) ?? []), i]);
  });

  return function search(query: string, limit = 20): SearchHit[] {
    const q = query.trim().slice(0, 200);
    if (q.length < 2) return [];
    // Exact codes first (AH02261, 0A00010B, err_ssl_protocol_error in any case): the entry that
    // owns the code, then the others that list it, then the code's own page.
    const rank = (r: SearchRecord) => (r.kind === 'code' ? 2 : r.owns?.some((c) => normCode(c) === normCode(q)) ? 0 : 1);
    const exact = (byCode.get(normCode(q)) ?? []).map((i) => records[i]!).sort((a, b) => rank(a) - rank(b));
    const hits: SearchHit[] = exact.map((record) => ({ record, how: 'exact', marks: { title: [], summary: [] } }));
    const seen = new Set(exact.map((r) => r.url));

    const qWords = [...new Set(words(q))].slice(0, 8);
    const scores = new Map<number, number>();
    const found = new Map<number, Set<string>>();
    for (const qw of qWords) {
      const best = new Map<number, number>();
      const alts = expand(qw, vocab);
      for (const [w, quality] of alts) {
        for (const [doc, weight] of postings.get(w)!) {
          const s = quality * weight;
          if (s > (best.get(doc) ?? 0)) best.set(doc, s);
          const f = found.get(doc) ?? new Set<string>();
          f.add(w);
          found.set(doc, f);
        }
      }
      for (const [doc, s] of best) scores.set(doc, (scores.get(doc) ?? 0) + s);
    }
    // All words matched beats some; entries answer, code pages only point to them.
    const ranked = [...scores.entries()]
      .map(([doc, s]) => {
        const r = records[doc]!;
        const phrase = qWords.length > 1 && `${r.title} ${r.symptoms}`.toLowerCase().includes(q.toLowerCase()) ? 2 : 0;
        return { doc, s: (s + phrase) * (r.kind === 'code' ? 0.6 : 1) };
      })
      .sort((a, b) => b.s - a.s || a.doc - b.doc);
    for (const { doc } of ranked) {
      const r = records[doc]!;
      if (seen.has(r.url)) continue;
      seen.add(r.url);
      const m = found.get(doc)!;
      hits.push({ record: r, how: 'fuzzy', marks: { title: marksIn(r.title, m), summary: marksIn(r.summary, m) } });
      if (hits.length >= limit) break;
    }
    return hits.slice(0, limit);
  };
}
