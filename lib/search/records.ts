import type { Entry } from '../content/load';
import type { ErrorCode } from '../content/codes';

/** One searchable thing: an entry or an error-code page. Serialised into search-index.json. */
export interface SearchRecord {
  kind: 'entry' | 'code';
  title: string;
  url: string;
  summary: string;
  codes: string[];
  /** the AH codes this entry explains (it is their owner) */
  owns?: string[];
  directives: string[];
  symptoms: string;
  body: string;
  status?: string;
}

const BODY_CHARS = 4000;


export function buildSearchRecords(entries: Entry[], codes: ErrorCode[]): SearchRecord[] {
  return [
    ...entries.map((e) => ({
      kind: 'entry' as const,
      title: e.title,
      url: e.url,
      summary: e.summary,
      codes: [...new Set([...e.symptoms.flatMap((s) => s.codes ?? []), ...e.logCodes.map((c) => c.code)])],
      owns: e.logCodes.map((c) => c.code),
      directives: e.directives,
      symptoms: e.symptoms.map((s) => s.match).filter(Boolean).join(' · '),
      // The words a reader sees, fences kept: config lines are worth finding.
      body: e.doc.text.slice(0, BODY_CHARS),
      status: e.status,
    })),
    ...codes.map((c) => ({
      kind: 'code' as const,
      title: c.code,
      url: `/errors/${c.param}/`,
      summary: `Explained by: ${[...new Set(c.appearances.map((a) => a.title))].join('; ')}`,
      codes: [c.code],
      directives: [],
      symptoms: [...new Set(c.appearances.map((a) => a.match).filter(Boolean))].join(' · '),
      body: '',
    })),
  ];
}
