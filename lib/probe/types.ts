// What the live probe observes (plain JSON: the analysis is a pure function of it) and what it
// concludes. The network side is lib/probe/steps.ts and probe.ts; the conclusions analyse.ts.
import type { OcspSummary } from './der';

export type Severity = 'error' | 'warning' | 'info';
export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
export const TLS_VERSIONS: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
/** The version field of a TLS ≤ 1.2 ServerHello for each version (TLS 1.3 has none of its own). */
export const VERSION_CODE: Record<TlsVersion, number | undefined> = { TLSv1: 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303, 'TLSv1.3': undefined };
export const VERSION_LABEL: Record<TlsVersion, string> = { TLSv1: 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };

export interface Target {
  host: string;
  port: number;
  /** the host was written as an IP address */
  ip: boolean;
}

export interface CertInfo {
  /** as Node prints it, one attribute after the other: "O=Example, CN=www.example.com" */
  subject: string;
  issuer: string;
  /** subject and issuer are the same name and its own key verifies its signature */
  selfSigned: boolean;
  ca: boolean;
  key: { type: string; bits?: number; curve?: string };
  signatureAlgorithm: string;
  notBefore: string;
  notAfter: string;
  /** "DNS:www.example.com", "IP Address:192.0.2.1", as Node lists them */
  san: string[];
  ocspUris: string[];
  caIssuers: string[];
  mustStaple: boolean;
  fingerprint256: string;
}

export type FailureKind =
  | 'dns' // the name did not resolve
  | 'refused' // nothing listens (ECONNREFUSED)
  | 'unreachable' // no route (EHOSTUNREACH, ENETUNREACH)
  | 'connect-timeout' // no answer to the TCP connection
  | 'timeout' // connected, then no (complete) answer in time
  | 'closed' // the server closed or reset the connection without a TLS alert
  | 'alert' // the server sent a TLS alert
  | 'tls' // the local TLS stack gave up (wrong version number, unsupported protocol…)
  | 'deadline' // not started or cut short: the whole probe ran out of time
  | 'other';

export interface Failure {
  kind: FailureKind;
  /** Node's error code (ECONNREFUSED, ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION…) */
  code?: string;
  /** the OpenSSL reason or Node's message, one line */
  message: string;
  /** TLS alert number, when the server sent one */
  alert?: number;
  /** the TCP connection had been established */
  connected?: boolean;
}

export interface Handshake {
  ok: boolean;
  ms: number;
  failure?: Failure;
  protocol?: string;
  cipher?: string;
  /** ALPN protocol the server chose; null when it chose none (only asked in the main handshake) */
  alpn?: string | null;
  /** the chain's verification against this handshake's roots: null = verified */
  verifyError?: string | null;
  /** the chain as Node links it (getPeerCertificate(true)): leaf first, issuers found among what was sent or in the trust store */
  linked?: CertInfo[];
  /** the chain exactly as sent, from the handshake bytes (TLS ≤ 1.2 only: under TLS 1.3 it is encrypted) */
  sent?: CertInfo[];
  /** for each sent certificate but the last: whether the next one sent is its issuer */
  sentIssuedByNext?: boolean[];
  /** a CertificateRequest arrived: from getSharedSigalgs() (any version) and, in clear (TLS ≤ 1.2), its CA names */
  certRequest?: { caNames?: string[] };
  /** what happened within a short wait after a completed handshake (TLS 1.3: the verdict on our missing client certificate) */
  after?: Failure | 'open' | 'closed';
  /** the stapled OCSP response (only asked in the main handshake) */
  ocsp?: { stapled: boolean; bytes?: number; summary?: OcspSummary; unreadable?: string };
  /** the server's first bytes were not TLS: their printable start */
  notTls?: string;
  /**
   * The version field of the ServerHello read from the bytes (0x0301 TLS 1.0 … 0x0303 TLS 1.2): the
   * server agreed to that version even when the handshake failed later (a client certificate
   * required). Meaningless for TLS 1.3, whose ServerHello also says 0x0303.
   */
  serverHello?: number;
}

export interface PlainHttp {
  /** the first line of the answer, e.g. "HTTP/1.1 400 Bad Request" */
  statusLine?: string;
  /** the start of the answer's body, tags and spaces squeezed */
  text?: string;
  failure?: Failure;
  ms: number;
}

export interface TrustCheck {
  /** what the roots were: "Node's bundled roots (144)", "/etc/ssl/certs/ca-certificates.crt (146)", "--ca lab.pem (1)" */
  source: string;
  /** null: verified; a string: OpenSSL's verify error (UNABLE_TO_VERIFY_LEAF_SIGNATURE…); undefined: not checked */
  error?: string | null;
  /** why it was not checked */
  skipped?: string;
}

export interface ProbeObservations {
  target: Target;
  /** the address every step connected to (the first the resolver gave) */
  address?: string;
  /** the SNI name sent; undefined for an IP address without --servername */
  servername?: string;
  /** when the probe ran (ISO): "now" for every date comparison */
  at: string;
  resolve?: Failure;
  /** SNI, Node's defaults, ALPN h2 + http/1.1, OCSP requested, verified against Node's roots */
  main?: Handshake;
  trust: { node: TrustCheck; system: TrustCheck; ca?: TrustCheck };
  /** the same without SNI: what the default vhost sends */
  noSni?: Handshake;
  /** one handshake per version, minimum = maximum, any cipher (security level 0) */
  versions: Partial<Record<TlsVersion, Handshake>>;
  plainHttp?: PlainHttp;
  limits: { stepTimeoutMs: number; totalMs: number };
  seconds: number;
}

export interface Finding {
  /** what was found: a key of FINDINGS (lib/probe/entries.ts) */
  id: string;
  severity: Severity;
  evidence: string;
}
