// The probe's network steps: one name lookup, TLS handshakes and one plain HTTP request, each to
// the one address and port it is given and each ended by its own timer. Nothing else is contacted.
import dns from 'node:dns';
import net from 'node:net';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import { describeCert, issuedByNext } from './cert';
import { ocspSummary } from './der';
import { parseServerFlight } from './wire';
import type { CertInfo, Failure, Handshake, PlainHttp } from './types';

export interface Resolved {
  address: string;
  family: 4 | 6;
}

export type Lookup = (host: string) => Promise<Resolved>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), first address only. */
export const systemLookup: Lookup = async (host) => {
  const r = await dns.promises.lookup(host, { verbatim: true });
  return { address: r.address, family: r.family === 6 ? 6 : 4 };
};

/**
 * Resolves a host name once. RFC 6761 reserves .invalid so that it never resolves: answered here,
 * without asking any resolver (which would send the query off the machine).
 */
export async function resolveHost(host: string, timeoutMs: number, lookup: Lookup = systemLookup): Promise<Resolved | Failure> {
  const ip = net.isIP(host);
  if (ip) return { address: host, family: ip === 6 ? 6 : 4 };
  if (/(^|\.)invalid\.?$/i.test(host)) return { kind: 'dns', code: 'ENOTFOUND', message: `${host} does not resolve (.invalid never does, RFC 6761)` };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Failure>((r) => {
    timer = setTimeout(() => r({ kind: 'timeout', message: `no answer from the resolver for ${host} within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([
      lookup(host).catch((e: NodeJS.ErrnoException): Failure => ({ kind: 'dns', code: e.code, message: `${host} does not resolve (${e.code ?? e.message})` })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** OpenSSL's reason out of Node's message: "…:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:…" → "tlsv1 alert protocol version". */
export function tlsReason(message: string): string {
  const m = /SSL routines:(?:[^:]*:)?([^:]+?)(?::\.\.\/|:[^:]*\.c:\d+|$)/m.exec(message);
  return (m?.[1] ?? message.split('\n')[0]!).trim();
}

/** A Node socket error as a probe Failure. */
export function classify(e: NodeJS.ErrnoException, connected: boolean): Failure {
  const code = e.code;
  const alert = /SSL alert number (\d+)/.exec(e.message)?.[1];
  if (alert) return { kind: 'alert', code, alert: Number(alert), message: tlsReason(e.message), connected };
  if (code === 'ECONNREFUSED') return { kind: 'refused', code, message: 'connection refused', connected: false };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') return { kind: 'unreachable', code, message: e.message, connected: false };
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket disconnected before secure TLS connection/.test(e.message))
    return { kind: 'closed', code, message: code === 'ECONNRESET' ? 'connection reset by the server' : 'the server closed the connection before the handshake ended', connected };
  if (code?.startsWith('ERR_SSL_') || /SSL routines/.test(e.message)) return { kind: 'tls', code, message: tlsReason(e.message), connected };
  return { kind: 'other', code, message: e.message.split('\n')[0]!, connected };
}

export interface HandshakeOptions {
  address: string;
  family: 4 | 6;
  port: number;
  /** SNI; none when undefined */
  servername?: string;
  timeoutMs: number;
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
  /** trust anchors (PEM); Node's bundled roots when undefined */
  ca?: string[];
  alpn?: string[];
  requestOCSP?: boolean;
  /** after a handshake in which the server asked for a client certificate, wait this long for its verdict */
  verdictWaitMs?: number;
}

/** The bytes a server sends before its handshake is encrypted: enough for every Certificate chain seen in practice. */
const TAP_LIMIT = 256 << 10;

function chainOf(sock: tls.TLSSocket): CertInfo[] {
  const out: CertInfo[] = [];
  let c: tls.DetailedPeerCertificate | undefined = sock.getPeerCertificate(true);
  const seen = new Set<string>();
  while (c?.raw && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    out.push(describeCert(c.raw));
    c = c.issuerCertificate;
  }
  return out;
}

/**
 * One TLS handshake over a socket we watch: Node does the handshake, and the bytes the server
 * sends are kept so that what TLS ≤ 1.2 carries in clear (the chain as sent, the CA names of a
 * certificate request, a non-TLS answer) can be read. Never rejects.
 */
export function handshake(o: HandshakeOptions): Promise<Handshake> {
  const started = Date.now();
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let size = 0;
    let connected = false;
    let done = false;
    const raw = net.connect({ host: o.address, port: o.port, family: o.family });
    const tap = new Duplex({
      read() {},
      write(chunk, _enc, cb) {
        if (raw.destroyed) return cb();
        raw.write(chunk, () => cb());
      },
      final(cb) {
        raw.end();
        cb();
      },
      destroy(err, cb) {
        raw.destroy();
        cb(err);
      },
    });
    raw.on('connect', () => (connected = true));
    raw.on('data', (d: Buffer) => {
      if (size < TAP_LIMIT) received.push(d);
      size += d.length;
      tap.push(d);
    });
    raw.on('end', () => tap.push(null));
    raw.on('error', (e) => tap.destroy(e));

    const sock = tls.connect({
      socket: tap,
      ...(o.servername ? { servername: o.servername } : {}),
      rejectUnauthorized: false,
      // The name is checked by the analysis, against the name the user asked about.
      checkServerIdentity: () => undefined,
      ...(o.minVersion && { minVersion: o.minVersion }),
      ...(o.maxVersion && { maxVersion: o.maxVersion }),
      ...(o.ciphers && { ciphers: o.ciphers }),
      ...(o.ca && { ca: o.ca }),
      ...(o.alpn && { ALPNProtocols: o.alpn }),
      ...(o.requestOCSP && { requestOCSP: true }),
    });
    let ocsp: Buffer | null | undefined;
    sock.on('OCSPResponse', (r: Buffer | null) => (ocsp = r));

    const result: Handshake = { ok: false, ms: 0 };
    const finish = (extra: Partial<Handshake> = {}) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      Object.assign(result, extra);
      result.ms = Date.now() - started;
      sock.destroy();
      raw.destroy();
      readWire(result, Buffer.concat(received));
      resolve(result);
    };
    const timer = setTimeout(() => {
      if (result.ok) return finish({ after: 'open' });
      finish({
        failure: connected
          ? { kind: 'timeout', message: `no complete TLS answer within ${o.timeoutMs} ms`, connected: true }
          : { kind: 'connect-timeout', message: `no answer to the TCP connection within ${o.timeoutMs} ms`, connected: false },
      });
    }, o.timeoutMs);

    sock.on('secureConnect', () => {
      result.ok = true;
      result.protocol = sock.getProtocol() ?? undefined;
      result.cipher = sock.getCipher()?.name;
      if (o.alpn) result.alpn = sock.alpnProtocol || null;
      result.verifyError = sock.authorized ? null : String(sock.authorizationError ?? 'not authorized');
      try {
        result.linked = chainOf(sock);
      } catch {
        /* an unparsable certificate: the wire copy may still say what it is */
      }
      // Client side, OpenSSL fills the shared signature algorithms only from a CertificateRequest.
      if (sock.getSharedSigalgs().length) result.certRequest = {};
      if (o.requestOCSP) result.ocsp = ocspInfo(ocsp);
      if (result.certRequest && o.verdictWaitMs) {
        // TLS 1.3: the server judges our (empty) certificate after the client's side of the
        // handshake is done; a refusal comes as an alert on the next read.
        const wait = setTimeout(() => finish({ after: 'open' }), o.verdictWaitMs);
        sock.once('close', () => (clearTimeout(wait), finish({ after: result.after ?? 'closed' })));
        sock.resume();
        return;
      }
      finish();
    });
    sock.on('error', (e: NodeJS.ErrnoException) => {
      if (result.ok) {
        result.after = classify(e, true);
        return finish();
      }
      finish({ failure: classify(e, connected) });
    });
    sock.on('close', () => {
      if (!result.ok) finish({ failure: { kind: 'closed', message: 'the server closed the connection before the handshake ended', connected } });
    });
  });
}

function ocspInfo(r: Buffer | null | undefined): Handshake['ocsp'] {
  if (!r?.length) return { stapled: false };
  try {
    return { stapled: true, bytes: r.length, summary: ocspSummary(r) };
  } catch (e) {
    return { stapled: true, bytes: r.length, unreadable: (e as Error).message };
  }
}

/** What the server's bytes say in clear: the chain as sent, a certificate request's CA names, a non-TLS answer. */
function readWire(h: Handshake, bytes: Buffer): void {
  const flight = parseServerFlight(bytes);
  if (flight.notTls !== undefined) h.notTls = flight.notTls;
  if (flight.version !== undefined) h.serverHello = flight.version;
  if (flight.certificates?.length) {
    try {
      h.sent = flight.certificates.map(describeCert);
      h.sentIssuedByNext = issuedByNext(flight.certificates);
    } catch {
      /* not a certificate Node can read: leave the chain to what Node linked */
    }
  }
  if (flight.certificateRequest) h.certRequest = { ...h.certRequest, caNames: flight.certificateRequest.caNames };
}

export interface PlainHttpOptions {
  address: string;
  family: 4 | 6;
  port: number;
  /** the Host header */
  host: string;
  timeoutMs: number;
}

/** A plain HTTP request to the TLS port: what someone who typed http:// instead of https:// gets. */
export function plainHttp(o: PlainHttpOptions): Promise<PlainHttp> {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let connected = false;
    let done = false;
    let settle: NodeJS.Timeout | undefined;
    const s = net.connect({ host: o.address, port: o.port, family: o.family });
    const finish = (failure?: Failure) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(settle);
      s.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const r: PlainHttp = { ms: Date.now() - started };
      if (text) {
        const [head, ...rest] = text.split(/\r?\n\r?\n/);
        r.statusLine = head!.split(/\r?\n/)[0]!.replace(/[^\x20-\x7e]/g, '.').slice(0, 200);
        const body = rest.join('\n\n').replace(/<[^<>]{0,500}>/g, ' ').replace(/\s+/g, ' ').trim();
        if (body) r.text = body.slice(0, 300);
      } else if (failure) r.failure = failure;
      resolve(r);
    };
    const timer = setTimeout(
      () =>
        finish(
          connected
            ? { kind: 'timeout', message: `no answer to a plain HTTP request within ${o.timeoutMs} ms`, connected: true }
            : { kind: 'connect-timeout', message: `no answer to the TCP connection within ${o.timeoutMs} ms`, connected: false },
        ),
      o.timeoutMs,
    );
    s.on('connect', () => {
      connected = true;
      s.write(`GET / HTTP/1.1\r\nHost: ${o.host}\r\nUser-Agent: handshake-diagnose-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n`);
    });
    s.on('data', (d: Buffer) => {
      if (size < 16 << 10) chunks.push(d);
      size += d.length;
      // A server that keeps the connection open despite "Connection: close": what came is enough.
      clearTimeout(settle);
      settle = setTimeout(() => finish(), 300);
    });
    s.on('end', () => finish({ kind: 'closed', message: 'the server closed the connection without an answer', connected: true }));
    s.on('close', () => finish({ kind: 'closed', message: 'the server closed the connection without an answer', connected }));
    s.on('error', (e: NodeJS.ErrnoException) => finish(classify(e, connected)));
  });
}
