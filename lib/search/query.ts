import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { SearchRecord } from './records';

export interface SearchHit {
  record: SearchRecord;
  /** exact: the query is a code this record lists; fuzzy: a typo-tolerant match */
  how: 'exact' | 'fuzzy';
  /** character ranges to mark in the title and summary */
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

const ranges = (m: readonly FuseResultMatch[] | undefined, key: string): [number, number][] =>
  (m ?? []).filter((x) => x.key === key).flatMap((x) => x.indices.filter(([a, b]) => b - a >= 1).map(([a, b]) => [a, b] as [number, number]));

export function createSearch(records: SearchRecord[]) {
  const fuse = new Fuse(records, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'codes', weight: 3 },
      { name: 'directives', weight: 2 },
      { name: 'symptoms', weight: 1.5 },
      { name: 'summary', weight: 1 },
      { name: 'body', weight: 0.4 },
    ],
    // Long fields and words anywhere in them: the location heuristics would miss them.
    ignoreLocation: true,
    threshold: 0.34,
    minMatchCharLength: 3,
    includeMatches: true,
    includeScore: true,
  });
  const byCode = new Map<string, SearchRecord[]>();
  for (const r of records) for (const c of r.codes) byCode.set(normCode(c), [...(byCode.get(normCode(c)) ?? []), r]);

  return function search(query: string, limit = 20): SearchHit[] {
    const q = query.trim().slice(0, 200);
    if (q.length < 2) return [];
    // Exact codes first (AH02261, 0A00010B, err_ssl_protocol_error in any case): the entry that
    // owns the code, then the others that list it, then the code's own page.
    const rank = (r: SearchRecord) => (r.kind === 'code' ? 2 : r.owns?.some((c) => normCode(c) === normCode(q)) ? 0 : 1);
    const exact = (byCode.get(normCode(q)) ?? []).slice().sort((a, b) => rank(a) - rank(b));
    const seen = new Set(exact.map((r) => r.url));
    const hits: SearchHit[] = exact.map((record) => ({ record, how: 'exact', marks: { title: [], summary: [] } }));
    // Fuse's bitap pattern is limited to 32 characters: search the first words of long queries.
    const pattern = q.length > 32 ? q.slice(0, 32).replace(/\s+\S*$/, '') : q;
    // Entries answer; code pages only point to them: in fuzzy results an entry goes first
    // unless a code page matches clearly better.
    const fuzzy = fuse.search(pattern, { limit: limit * 2 }).sort((a, b) => (a.score ?? 1) + (a.item.kind === 'code' ? 0.2 : 0) - ((b.score ?? 1) + (b.item.kind === 'code' ? 0.2 : 0)));
    for (const r of fuzzy) {
      if (seen.has(r.item.url)) continue;
      seen.add(r.item.url);
      hits.push({ record: r.item, how: 'fuzzy', marks: { title: ranges(r.matches, 'title'), summary: ranges(r.matches, 'summary') } });
    }
    return hits.slice(0, limit);
  };
}
