import { trimChar } from '../trim';
import type { Entry } from './load';
import type { Symptom } from './schema';
import { getEntries } from './kb';

/**
 * Error codes and messages, collected from the `symptoms[].codes` of every entry, so a reader who
 * pastes `AH02261` or `SSL_ERROR_RX_RECORD_TOO_LONG` lands on one page that lists every entry
 * explaining it. Pure data: no React here.
 */

export const FAMILIES = ['apache', 'openssl', 'browser', 'client', 'other'] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_LABELS: Record<Family, string> = {
  apache: 'Apache httpd (AH codes)',
  openssl: 'OpenSSL errors',
  browser: 'Browser errors',
  client: 'Command-line and API clients',
  other: 'Other messages',
};

/** One symptom of one entry that mentions the code. */
export interface CodeAppearance {
  slug: string;
  title: string;
  /** site path of the entry without basePath: /faq/<slug>/ */
  url: string;
  status: Entry['status'];
  where: Symptom['where'];
  match?: string;
  versions?: string;
  clients?: string[];
}

export interface ErrorCode {
  /** as the content writes it (the most common spelling when it is written several ways) */
  code: string;
  /** for AH codes an entry owns (logCodes): the level it is logged at and what it means */
  meaning?: { level: string; text: string; slug: string; title: string; url: string; wording?: string[] };
  /** URL segment of /errors/<param>/, unique over all codes */
  param: string;
  family: Family;
  familyLabel: string;
  appearances: CodeAppearance[];
}

/** What the collector needs of an entry; real entries and small test fixtures both fit. */
export type CodeSource = Pick<Entry, 'slug' | 'title' | 'url' | 'status' | 'symptoms'> & { logCodes?: Entry['logCodes'] };

/** URL-safe form: keep letters, digits, _ and .; any other run becomes one '-'; no '-' at the ends. */
export function codeParam(code: string): string {
  const p = trimChar(code.replace(/[^A-Za-z0-9_.]+/g, '-'), '-');
  // '.' and '..' alone are path segments with a meaning of their own.
  return /^\.*$/.test(p) ? 'code' : p;
}

const BROWSER: RegExp[] = [
  /^(?:NET::)?ERR_[A-Z0-9_]+$/, // Chrome, Edge
  /^SSL_ERROR_[A-Z0-9_]+$/, // Firefox (NSS)
  /^SEC_ERROR_[A-Z0-9_]+$/,
  /^MOZILLA_PKIX_ERROR_[A-Z0-9_]+$/,
  /^PR_[A-Z0-9_]+_ERROR$/,
  /^0x[0-9A-F]+$/i, // Internet Explorer / WinINet and Win32 numbers
  /^ERROR_INTERNET_[A-Z0-9_]+$/,
  /^\d{5}$/, // WinINet 12xxx
];

const CLIENT: RegExp[] = [
  /^CURLE_[A-Z0-9_]+$/,
  /^curl[:\s(]/i,
  /^\(\d{1,3}\)$/, // curl exit status as curl prints it: (35)
  /^javax?\./,
  /^GNUTLS_E_[A-Z0-9_]+$/,
  /^SEC_[EI]_[A-Z0-9_]+$/, // Windows Schannel
];

const OPENSSL: RegExp[] = [
  /^(?:error:)?[0-9A-F]{8}$/i, // packed error code: 1408F10B, 0A00010B
  /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/, // function name: SSL23_GET_CLIENT_HELLO, ssl3_get_record
  /^[a-z][a-z0-9]*(?: [a-z0-9]+)*$/, // reason text: wrong version number, tlsv1 alert unknown ca
];

/** Which software prints the code; the order of the tests matters (SSL_ERROR_* also looks like a function name). */
export function codeFamily(code: string): Family {
  const c = code.trim();
  if (/^AH\d{5}$/.test(c)) return 'apache';
  if (BROWSER.some((r) => r.test(c))) return 'browser';
  if (CLIENT.some((r) => r.test(c))) return 'client';
  if (OPENSSL.some((r) => r.test(c))) return 'openssl';
  return 'other';
}

const apacheNumber = (c: ErrorCode) => Number(c.code.slice(2));
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Apache codes by number first, then every other code alphabetically. */
function compareCodes(a: ErrorCode, b: ErrorCode): number {
  const aa = a.family === 'apache', ba = b.family === 'apache';
  if (aa !== ba) return aa ? -1 : 1;
  if (aa) return apacheNumber(a) - apacheNumber(b);
  // Ordinal, not locale-aware: hex codes like 0906D06C must not sort by their leading digit runs.
  return ordinal(a.code.toLowerCase(), b.code.toLowerCase()) || ordinal(a.code, b.code);
}

/** Every code the entries' symptoms list, one record per code whatever its case. */
export function collectErrorCodes(entries: readonly CodeSource[]): ErrorCode[] {
  const groups = new Map<string, { spellings: Map<string, number>; appearances: CodeAppearance[] }>();
  for (const e of entries) {
    for (const s of e.symptoms) {
      const seen = new Set<string>(); // a symptom listing a code twice is still one appearance
      for (const raw of s.codes ?? []) {
        const code = raw.trim();
        const key = code.toLowerCase();
        if (!code || seen.has(key)) continue;
        seen.add(key);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { spellings: new Map(), appearances: [] }));
        g.spellings.set(code, (g.spellings.get(code) ?? 0) + 1);
        g.appearances.push({
          slug: e.slug,
          title: e.title,
          url: e.url,
          status: e.status,
          where: s.where,
          ...(s.match !== undefined && { match: s.match }),
          ...(s.versions !== undefined && { versions: s.versions }),
          ...(s.clients?.length ? { clients: [...s.clients] } : {}),
        });
      }
    }
  }

  // The codes entries own: each gets its page, with the level and the meaning written for it.
  const meanings = new Map<string, NonNullable<ErrorCode['meaning']>>();
  for (const e of entries) {
    for (const lc of e.logCodes ?? []) {
      const key = lc.code.toLowerCase();
      meanings.set(key, { level: lc.level, text: lc.meaning, slug: e.slug, title: e.title, url: e.url, ...(lc.wording && { wording: lc.wording }) });
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { spellings: new Map([[lc.code, 1]]), appearances: [] }));
      if (!g.appearances.some((a) => a.slug === e.slug))
        g.appearances.unshift({ slug: e.slug, title: e.title, url: e.url, status: e.status, where: 'server-log', versions: `logged at level ${lc.level}` });
    }
  }

  const codes: ErrorCode[] = [...groups.entries()].map(([key, { spellings, appearances }]) => {
    // Most common spelling; on a tie the one met first (Map keeps insertion order).
    let code = '';
    let best = 0;
    for (const [spelling, n] of spellings) if (n > best) [code, best] = [spelling, n];
    const family = codeFamily(code);
    const meaning = meanings.get(key);
    // The owner explains the code best: it comes first.
    if (meaning) appearances.sort((a, b) => Number(b.slug === meaning.slug) - Number(a.slug === meaning.slug));
    return { code, param: '', family, familyLabel: FAMILY_LABELS[family], appearances, ...(meaning && { meaning }) };
  });
  codes.sort(compareCodes);

  // Unique params, compared without case so out/errors/<param>/ also survives a case-insensitive disk.
  const taken = new Set<string>();
  for (const c of codes) {
    const base = codeParam(c.code);
    let param = base;
    for (let n = 2; taken.has(param.toLowerCase()); n++) param = `${base}-${n}`;
    taken.add(param.toLowerCase());
    c.param = param;
  }
  return codes;
}

let memo: { entries: readonly CodeSource[]; codes: ErrorCode[] } | undefined;

/** The error codes of the knowledge base in content/, computed once per process. */
export function getErrorCodes(): ErrorCode[] {
  const entries = getEntries();
  if (memo?.entries !== entries) memo = { entries, codes: collectErrorCodes(entries) };
  return memo.codes;
}

/** The code behind /errors/<param>/, or undefined. */
export function findErrorCode(param: string): ErrorCode | undefined {
  const codes = getErrorCodes();
  let p = param;
  try {
    p = decodeURIComponent(param);
  } catch {
    // not percent-encoded after all
  }
  return codes.find((c) => c.param === p) ?? codes.find((c) => c.param.toLowerCase() === p.toLowerCase());
}

/** The distinct entries that explain a code, in the order of their first appearance. */
export function explainingEntries(code: ErrorCode): CodeAppearance[] {
  const seen = new Set<string>();
  return code.appearances.filter((a) => (seen.has(a.slug) ? false : (seen.add(a.slug), true)));
}
