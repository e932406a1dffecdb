// The live probe: resolves the host once, then meets that one address and port with a handful of
// handshakes and one plain HTTP request, and returns what it saw (analyse.ts says what it means).
// Every step has its own timer, and no step starts or outlives the overall deadline.
import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { handshake, plainHttp, resolveHost, type HandshakeOptions, type Lookup } from './steps';
import { TLS_VERSIONS, type Failure, type Handshake, type ProbeObservations, type Target, type TrustCheck } from './types';
import { pemBlocks } from './cert';

export const STEP_TIMEOUT_MS = 5000;
export const TOTAL_MS = 20_000;
/** How long to wait, after a handshake that asked for a client certificate, for the server's verdict. */
export const VERDICT_WAIT_MS = 1000;
/** Any cipher and signature: the version checks ask what the server accepts, not what a default client would. */
export const ANY_CIPHER = 'DEFAULT@SECLEVEL=0';

export interface Roots {
  source: string;
  pems: string[];
}

export interface ProbeOptions {
  servername?: string;
  /** extra trust anchors to verify against (--ca FILE) */
  ca?: Roots;
  /** the system's roots; null: do not check (found by systemRoots() when undefined) */
  systemRoots?: Roots | null;
  stepTimeoutMs?: number;
  totalMs?: number;
  verdictWaitMs?: number;
  lookup?: Lookup;
  /** called as each step ends (the CLI's progress line) */
  onStep?: (name: string) => void;
}

/** Where distributions keep the system's CA bundle (the paths Go's crypto/x509 looks in, in its order). */
const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt', // Debian, Ubuntu, Gentoo, Arch
  '/etc/pki/tls/certs/ca-bundle.crt', // Fedora, RHEL 6
  '/etc/ssl/ca-bundle.pem', // openSUSE
  '/etc/pki/tls/cacert.pem', // OpenELEC
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem', // RHEL 7+
  '/etc/ssl/cert.pem', // Alpine, macOS, FreeBSD, OpenBSD
];

export function pemsIn(text: string): string[] {
  return pemBlocks(text).map((block) => `${block}\n`);
}

/**
 * The operating system's roots. Node 20 has no API for them (tls.getCACertificates('system')
 * arrived in Node 22.15), so: that API when present, else SSL_CERT_FILE, else the distribution's bundle.
 */
export function systemRoots(): Roots | null {
  const get = (tls as unknown as { getCACertificates?: (k: string) => string[] }).getCACertificates;
  if (get) {
    try {
      const pems = get('system');
      if (pems.length) return { source: `the system's store (${pems.length})`, pems };
    } catch {
      /* fall through to the files */
    }
  }
  for (const f of [process.env.SSL_CERT_FILE, ...SYSTEM_BUNDLES]) {
    if (!f) continue;
    try {
      const pems = pemsIn(fs.readFileSync(f, 'utf8'));
      if (pems.length) return { source: `${f} (${pems.length})`, pems };
    } catch {
      /* not there */
    }
  }
  return null;
}

const skipped = (why: string): Handshake => ({ ok: false, ms: 0, failure: { kind: 'deadline', message: why } });

export async function probe(target: Target, o: ProbeOptions = {}): Promise<ProbeObservations> {
  const started = Date.now();
  const stepMs = o.stepTimeoutMs ?? STEP_TIMEOUT_MS;
  const totalMs = o.totalMs ?? TOTAL_MS;
  // A little room at the end for printing.
  const deadline = started + totalMs - Math.min(250, totalMs / 20);
  const left = () => Math.min(stepMs, deadline - Date.now());
  const servername = o.servername ?? (target.ip ? undefined : target.host);
  const system = o.systemRoots === undefined ? systemRoots() : o.systemRoots;
  const obs: ProbeObservations = {
    target,
    ...(servername && { servername }),
    at: new Date(started).toISOString(),
    trust: {
      node: { source: `Node's bundled roots (${tls.rootCertificates.length})` },
      system: system ? { source: system.source } : { source: 'the system', skipped: 'no system CA bundle found (SSL_CERT_FILE unset, none of the usual files present)' },
      ...(o.ca && { ca: { source: o.ca.source } }),
    },
    versions: {},
    limits: { stepTimeoutMs: stepMs, totalMs },
    seconds: 0,
  };
  const done = () => ((obs.seconds = Math.round((Date.now() - started) / 10) / 100), obs);

  const r = await resolveHost(target.host, left(), o.lookup);
  o.onStep?.('resolve');
  if ('kind' in r) {
    obs.resolve = r;
    return done();
  }
  obs.address = r.address;
  const base = { address: r.address, family: r.family, port: target.port };
  const run = (opts: Omit<HandshakeOptions, keyof typeof base | 'timeoutMs'>, name: string): Promise<Handshake> => {
    const t = left();
    if (t <= 0) return Promise.resolve(skipped('not run: the probe ran out of time'));
    return handshake({ ...base, ...opts, timeoutMs: t }).then((h) => (o.onStep?.(name), h));
  };

  // What a current Node client sees, and the only handshake that asks for h2 and a staple.
  obs.main = await run({ servername, alpn: ['h2', 'http/1.1'], requestOCSP: true, verdictWaitMs: o.verdictWaitMs ?? VERDICT_WAIT_MS }, 'handshake');
  const f: Failure | undefined = obs.main.failure;
  if (f && !f.connected && (f.kind === 'refused' || f.kind === 'unreachable' || f.kind === 'connect-timeout')) return done();

  // The rest at once: one connection each, to the same address and port.
  const anyVersion = { minVersion: 'TLSv1' as const, ciphers: ANY_CIPHER };
  const [sys, ca, noSni, plain, ...versions] = await Promise.all([
    system ? run({ servername, ca: system.pems, ...anyVersion }, 'system roots') : Promise.resolve(undefined),
    o.ca ? run({ servername, ca: o.ca.pems, ...anyVersion }, '--ca') : Promise.resolve(undefined),
    run({ ...anyVersion }, 'no SNI'),
    (async () => {
      const t = left();
      if (t <= 0) return { ms: 0, failure: { kind: 'deadline' as const, message: 'not run: the probe ran out of time' } };
      const host = servername ?? target.host;
      const p = await plainHttp({ ...base, host: `${net.isIPv6(host) ? `[${host}]` : host}:${target.port}`, timeoutMs: t });
      o.onStep?.('plain HTTP');
      return p;
    })(),
    ...TLS_VERSIONS.map((v) => run({ servername, minVersion: v, maxVersion: v, ciphers: ANY_CIPHER }, v)),
  ]);
  obs.noSni = noSni;
  obs.plainHttp = plain;
  TLS_VERSIONS.forEach((v, i) => (obs.versions[v] = versions[i]));
  const verdict = (h: Handshake | undefined, c: TrustCheck) => {
    if (!h) return;
    if (h.ok) c.error = h.verifyError ?? null;
    else c.skipped = `the handshake failed (${h.failure?.message})`;
  };
  verdict(obs.main, obs.trust.node);
  verdict(sys, obs.trust.system);
  if (obs.trust.ca) verdict(ca, obs.trust.ca);
  return done();
}
