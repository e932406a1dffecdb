// The vocabulary of diagnosis: pasted text → tokens (what we recognised, where) → findings
// (which entry explains it, why, how sure).

export type TokenKind =
  | 'ah-code' // AH02261
  | 'openssl-error' // error:0A00010B:SSL routines::wrong version number
  | 'openssl-function' // SSL23_GET_CLIENT_HELLO
  | 'openssl-reason' // [SSL: WRONG_VERSION_NUMBER], "wrong version number" beside a code
  | 'tls-alert' // SSL alert number 40, sslv3 alert handshake failure
  | 'verify-error' // verify error:num=20, Error (20)
  | 'browser-error' // ERR_SSL_PROTOCOL_ERROR, SSL_ERROR_RX_RECORD_TOO_LONG, SEC_ERROR_*, 0x4c7
  | 'client-error' // curl: (60), Java/Python/Node/Go/nginx/HAProxy errors
  | 'http-status'; // 400/421/403/413/502 pages

export interface Token {
  kind: TokenKind;
  /** canonical form, used for lookups: "AH02261", "ERR_SSL_PROTOCOL_ERROR", "curl (60)" */
  value: string;
  /** 1-based line of the input */
  line: number;
  /** offsets of the match within that line */
  start: number;
  end: number;
  /** further keys this token may be known by (reason text, function name, hex code) */
  keys: string[];
  /** human-readable decoding: "OpenSSL 3.x: library SSL (20), reason 267" */
  note?: string;
  /** set by matching: does the knowledge base explain it? */
  known?: boolean;
}

export interface LogLine {
  line: number;
  format: '2.4' | '2.2';
  time?: string;
  module?: string;
  level?: string;
  pid?: string;
  tid?: string;
  client?: string;
  /** `[client …]` is the peer of a request; `[remote …]` is the other end of a proxy's or HTTP/2 stream's connection */
  side?: 'client' | 'remote';
  code?: string;
  source?: string;
  /** APR/OS status before the client, e.g. "(70014)End of file found" */
  status?: string;
  message: string;
}

/** What the knowledge base says about one entry, in the form diagnosis needs. */
export interface KbEntry {
  slug: string;
  /** a case is one incident: on the same evidence, the general entry comes first */
  kind?: 'faq' | 'error' | 'case';
  /** historical advice yields to the current entry on the same evidence */
  historical?: boolean;
  title: string;
  url: string;
  summary: string;
  causes: string[];
  symptoms: KbSymptom[];
  fix?: { lang: string; for?: string; code: string };
  /** AH codes one connection logs in this order: a story (see lib/diagnose/story.ts) */
  sequence?: string[];
}

export interface KbSymptom {
  where: string;
  codes: string[];
  match?: string;
  versions?: string;
  /** seen whatever the cause: weak evidence alone */
  generic?: boolean;
  /** among entries listing the same text, the one to read first */
  primary?: boolean;
  /** the entry explains this code (logCodes): it leads on it */
  owner?: boolean;
}

export interface KbIndex {
  entries: KbEntry[];
}

export interface Evidence {
  /** 1-based input line */
  line: number;
  /** the text that matched, as pasted */
  text: string;
  /** how it matched: an exact code, a message pattern, or a fuzzy resemblance */
  how: 'code' | 'message' | 'fuzzy';
  /** the symptom of the entry it matched (its code or its match text) */
  symptom: string;
}

export interface Finding {
  slug: string;
  title: string;
  url: string;
  summary: string;
  causes: string[];
  score: number;
  evidence: Evidence[];
  /** symptoms seen here that the other findings do not have: what tells them apart */
  distinct: string[];
  /** a recognised multi-line story (e.g. a refused renegotiation), in log order */
  story?: { connection: string; steps: { line: number; code: string; message: string }[] };
  fix?: KbEntry['fix'];
  /** lines that showed it, and the first and last time among them (error_log lines) */
  lines: number;
  firstSeen?: string;
  lastSeen?: string;
}

export interface Unknown {
  /** first line it is on, and how many times it shows */
  line: number;
  count: number;
  value: string;
  kind: TokenKind;
  closest: string[];
}

/** What the engine (lib/diagnose/session.ts) makes of a text, for the page, the wizard and the CLI. */
export interface Diagnosis {
  findings: Finding[];
  /** positioned, for marking lines: the first MAX_TOKENS */
  tokens: Token[];
  /** most frequent first; closest known codes only for the first MAX_UNKNOWN_SHOWN */
  unknown: Unknown[];
  /** occurrences of unknown codes past the first MAX_UNKNOWN distinct ones */
  unknownOther: number;
  /** lines by connection (the paste view only) */
  timeline: { connection: string; lines: LogLine[] }[];
  stats: {
    lines: number;
    recognisedLines: number;
    distinctMessages: number;
    /** lines read only up to MAX_LINE characters */
    longLines: number;
    /** some input was not read: long lines, or a paste past MAX_LINES */
    truncated: boolean;
    tokensTruncated: boolean;
    ms?: number;
  };
}
