#!/usr/bin/env -S npx tsx
// The live probe against real httpd: Debian's apache2 started with one configuration per problem
// the probe must find (on free loopback ports, stopped by its own pid), probed as
// `handshake-diagnose probe --servername www.example.test --ca <lab root> 127.0.0.1:PORT` would,
// and what it found compared with what it should find. Called by lab/run.ts with the lab's PKI;
// `npx tsx lab/probe.ts [SCENARIO…]` runs it alone with a PKI of its own.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { analyse } from '../lib/probe/analyse';
import type { FindingId } from '../lib/probe/entries';
import { ANY_CIPHER, probe } from '../lib/probe/probe';
import type { Finding, ProbeObservations } from '../lib/probe/types';
import { isMain, parseCli, usageError } from '../scripts/is-main.mjs';
import { freePort, Httpd, type ServerConfig } from './httpd';
import { HOST, makePki, OTHER_HOST, type Pki } from './pki';
import type { Ctx as LabCtx } from './scenario';
import { tlsServer } from './scenarios';
import { must, run, runSync } from './sh';

export interface ProbeLabResult {
  scenario: string;
  /** the finding the probe must report ("no problem" for a control) */
  expected: string;
  /** what it reported: finding ids with their severity */
  got: string;
  ok: boolean;
  /** why not ok, or what a cross-check with another client showed */
  detail?: string;
}

/** The lab's scenario context (what tlsServer takes), plus the OCSP responder's port and leaf. */
interface Ctx extends LabCtx {
  ocspPort: number;
  /** a leaf naming the lab's OCSP responder, and that responder's answer for it */
  ocspLeaf: { cert: string; key: string; response: Buffer };
}

interface ProbeScenario {
  id: string;
  /** the finding that must be there; 'none' for a control (no error or warning at all) */
  expect: FindingId | 'none';
  /** findings that must not be there */
  absent?: FindingId[];
  server: (c: Ctx) => ServerConfig;
  /** probe the plain-HTTP vhost's port instead of the TLS one */
  port?: 'plain';
  ocspResponder?: boolean;
  /** a further condition on what was observed: a sentence when it fails */
  check?: (obs: ProbeObservations, f: Finding[]) => string | undefined;
  /** another client's view of the same server (shown in the detail; a failure fails the scenario) */
  crossCheck?: (c: Ctx) => Promise<string | undefined>;
}

const leaf = (c: Ctx, name: string, chain = true) => ({ cert: c.pki.leaf[name]!.cert, key: c.pki.leaf[name]!.key, ...(chain && { chain: c.pki.intermediate }) });

/** Two name-based vhosts on the TLS port: other.example.test first, so it is what clients without SNI get. */
function twoVhosts(c: Ctx): ServerConfig {
  const vhost = (name: string, l: { cert: string; key: string }) => [`<VirtualHost *:${c.ports.tls}>`, `    ServerName ${name}`, '    SSLEngine on', `    SSLCertificateFile ${l.cert}`, `    SSLCertificateKeyFile ${l.key}`, `    SSLCertificateChainFile ${c.pki.intermediate}`, '</VirtualHost>'];
  return { logLevel: 'warn', body: [`Listen 127.0.0.1:${c.ports.tls}`, ...vhost(OTHER_HOST, c.pki.leaf.other!), ...vhost(HOST, c.pki.leaf.good!)].join('\n') };
}

export const PROBE_SCENARIOS: ProbeScenario[] = [
  {
    id: 'control',
    expect: 'none',
    absent: ['no-h2', 'chain-incomplete', 'default-cert-differs'],
    server: (c) => tlsServer(c, { modules: ['http2'], extra: ['Protocols h2 http/1.1'] }),
    check: (obs, f) => {
      if (!f.some((x) => x.id === 'plain-http-answer') || !/speaking plain HTTP to an SSL-enabled server port/.test(obs.plainHttp?.text ?? '')) return `plain HTTP to the TLS port should get httpd's 400 page, got ${JSON.stringify(obs.plainHttp)}`;
      if (obs.versions['TLSv1.2']?.sent?.length !== 2) return 'the chain as sent should be leaf + intermediate';
      return undefined;
    },
  },
  { id: 'missing-intermediate', expect: 'chain-incomplete', server: (c) => tlsServer(c, leaf(c, 'good', false)) },
  { id: 'expired-leaf', expect: 'expired', server: (c) => tlsServer(c, leaf(c, 'expired')) },
  { id: 'not-yet-valid-leaf', expect: 'not-yet-valid', server: (c) => tlsServer(c, leaf(c, 'not-yet-valid')) },
  { id: 'wrong-name', expect: 'name-mismatch', server: (c) => tlsServer(c, leaf(c, 'wrong-name')) },
  { id: 'cn-only', expect: 'no-san', server: (c) => tlsServer(c, leaf(c, 'cn-only')) },
  { id: 'self-signed', expect: 'self-signed', server: (c) => tlsServer(c, leaf(c, 'self-signed', false)) },
  { id: 'private-ca', expect: 'untrusted-root', server: (c) => tlsServer(c, { cert: c.pki.leaf.private!.cert, key: c.pki.leaf.private!.key, chain: c.pki.privateRoot }) },
  { id: 'sni-default-vhost', expect: 'default-cert-differs', server: twoVhosts },
  {
    id: 'tls13-only',
    expect: 'tls13-only',
    server: (c) => tlsServer(c, { extra: ['SSLProtocol -all +TLSv1.3'] }),
    check: (obs) => (obs.versions['TLSv1.2']?.failure?.alert === 70 ? undefined : `TLS 1.2 should be refused with alert 70, got ${JSON.stringify(obs.versions['TLSv1.2']?.failure)}`),
  },
  {
    id: 'tls10-allowed',
    expect: 'legacy-protocols',
    // OpenSSL 3 (and Debian's openssl.cnf, MinProtocol TLSv1.2 at security level 2) needs both
    // lines: SSLProtocol alone leaves TLS 1.0 refused by the security level.
    server: (c) => tlsServer(c, { extra: ['SSLProtocol all', `SSLCipherSuite ${ANY_CIPHER}`] }),
    check: (obs) => (obs.versions.TLSv1?.ok && obs.versions['TLSv1.1']?.ok ? undefined : 'TLS 1.0 and 1.1 should both be accepted'),
    crossCheck: async (c) => {
      const r = await run('openssl', ['s_client', '-connect', `127.0.0.1:${c.ports.tls}`, '-servername', HOST, '-tls1', '-cipher', ANY_CIPHER, '-brief'], { timeoutMs: 10_000 });
      const proto = /Protocol version: (\S+)/.exec(r.out)?.[1];
      return proto === 'TLSv1' ? `openssl s_client -tls1 -cipher ${ANY_CIPHER}: Protocol version TLSv1` : `openssl s_client -tls1 did not get TLS 1.0: ${r.out.trim().split('\n').slice(0, 3).join(' | ')}`;
    },
  },
  {
    id: 'tls10-protocol-line-only',
    expect: 'none',
    absent: ['legacy-protocols'],
    // The same without the cipher line: TLS 1.0 stays off, which is why the one above needs both.
    server: (c) => tlsServer(c, { extra: ['SSLProtocol all'] }),
    check: (obs) => (obs.versions.TLSv1?.ok ? 'TLS 1.0 accepted without SECLEVEL=0 on the server' : undefined),
  },
  { id: 'no-h2', expect: 'no-h2', server: (c) => tlsServer(c, {}) },
  {
    id: 'stapling-off',
    expect: 'no-ocsp-staple',
    server: (c) => tlsServer(c, { cert: c.ocspLeaf.cert, key: c.ocspLeaf.key, chain: c.pki.intermediate, extra: ['SSLUseStapling off'] }),
  },
  {
    id: 'stapling-on',
    expect: 'none',
    absent: ['no-ocsp-staple', 'ocsp-staple-bad'],
    ocspResponder: true,
    server: (c) => tlsServer(c, { cert: c.ocspLeaf.cert, key: c.ocspLeaf.key, chain: c.pki.intermediate, global: [`SSLStaplingCache shmcb:${c.dir}/server/logs/ocsp(128000)`], extra: ['SSLUseStapling on'] }),
    check: (obs) => (obs.main?.ocsp?.summary?.certStatus === 'good' ? undefined : `a good staple should be seen, got ${JSON.stringify(obs.main?.ocsp)}`),
  },
  {
    id: 'client-cert-required',
    expect: 'client-cert-required',
    // TLS 1.2 fails with alert 40 after the ServerHello: accepted, not refused (no tls13-only).
    absent: ['tls13-only'],
    server: (c) => tlsServer(c, { extra: ['SSLVerifyClient require', `SSLCACertificateFile ${c.pki.clientCa}`] }),
    check: (_obs, f) => (f.find((x) => x.id === 'client-cert-required')?.evidence.includes('CN=Handshake Lab Client CA') ? undefined : 'the CA names should include Handshake Lab Client CA'),
  },
  { id: 'tls-to-plain-port', expect: 'speaks-plain-http', port: 'plain', server: (c) => tlsServer(c, {}) },
];

/** A leaf for www.example.test whose Authority Information Access names an OCSP responder on 127.0.0.1, and that responder's answer. */
function makeOcspLeaf(pki: Pki, dir: string, ocspPort: number): Ctx['ocspLeaf'] {
  const f = (n: string) => path.join(dir, n);
  const ossl = (args: string[]) => must(runSync('openssl', args, { cwd: dir }), `openssl ${args[0]}`);
  const serial = '5EED01';
  ossl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', f('ocsp-leaf.key')]);
  ossl(['req', '-new', '-key', f('ocsp-leaf.key'), '-out', f('ocsp-leaf.csr'), '-subj', `/O=Handshake Lab/CN=${HOST}`]);
  fs.writeFileSync(f('ocsp-leaf.ext'), ['[x]', 'basicConstraints = CA:FALSE', 'extendedKeyUsage = serverAuth', `subjectAltName = DNS:${HOST}`, `authorityInfoAccess = OCSP;URI:http://127.0.0.1:${ocspPort}/`, ''].join('\n'));
  ossl(['x509', '-req', '-in', f('ocsp-leaf.csr'), '-CA', pki.intermediate, '-CAkey', path.join(pki.dir, 'intermediate.key'), '-set_serial', `0x${serial}`, '-days', '30', '-extfile', f('ocsp-leaf.ext'), '-extensions', 'x', '-out', f('ocsp-leaf.pem')]);
  // The responder's database: this one certificate, valid (V), as `openssl ca` would list it.
  const end = /notAfter=(.*)/.exec(ossl(['x509', '-in', f('ocsp-leaf.pem'), '-noout', '-enddate']).out)![1]!;
  const stamp = new Date(end).toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  fs.writeFileSync(f('ocsp-index.txt'), `V\t${stamp}\t\t${serial}\tunknown\t/O=Handshake Lab/CN=${HOST}\n`);
  ossl(['ocsp', '-issuer', pki.intermediate, '-cert', f('ocsp-leaf.pem'), '-reqout', f('ocsp-req.der'), '-no_nonce']);
  ossl(['ocsp', '-index', f('ocsp-index.txt'), '-CA', pki.intermediate, '-rsigner', pki.intermediate, '-rkey', path.join(pki.dir, 'intermediate.key'), '-reqin', f('ocsp-req.der'), '-respout', f('ocsp-resp.der'), '-ndays', '1']);
  for (const n of ['ocsp-leaf.pem', 'ocsp-leaf.key']) fs.chmodSync(f(n), 0o644);
  return { cert: f('ocsp-leaf.pem'), key: f('ocsp-leaf.key'), response: fs.readFileSync(f('ocsp-resp.der')) };
}

/** An OCSP responder on 127.0.0.1 that gives its one prepared answer to every request (httpd asks by POST). */
async function ocspResponder(port: number, response: Buffer): Promise<{ close: () => Promise<void>; requests: () => number }> {
  let n = 0;
  const s = http.createServer((req, res) => {
    n++;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/ocsp-response', 'Content-Length': response.length }).end(response));
  });
  await new Promise<void>((r) => s.listen(port, '127.0.0.1', r));
  return { close: () => new Promise((r) => (s.closeAllConnections(), s.close(() => r()))), requests: () => n };
}

const summary = (f: Finding[]) => f.map((x) => `${x.id}(${x.severity[0]})`).join(' ') || '—';

/**
 * Runs the probe scenarios against real httpd with the lab's PKI; `base` is a folder httpd (as
 * nobody, when run as root) can read. Never throws for one scenario: its failure is a result.
 */
export async function runProbeLab(pki: Pki, base: string, only?: readonly string[]): Promise<ProbeLabResult[]> {
  const dir = fs.mkdtempSync(path.join(base, 'probe-'));
  fs.chmodSync(dir, 0o755);
  const ocspPort = await freePort();
  const ocspLeaf = makeOcspLeaf(pki, dir, ocspPort);
  const rootPem = fs.readFileSync(pki.root, 'utf8');
  const results: ProbeLabResult[] = [];
  for (const s of PROBE_SCENARIOS.filter((x) => !only?.length || only.includes(x.id))) {
    const sdir = fs.mkdtempSync(path.join(dir, `${s.id}-`));
    fs.chmodSync(sdir, 0o755);
    // No proxy here: the front and backend ports of the lab's scenarios are never listened on.
    const c: Ctx = { pki, ports: { tls: await freePort(), plain: await freePort(), front: 0, backend: 0 }, dir: sdir, ocspPort, ocspLeaf };
    const httpd = new Httpd(path.join(sdir, 'server'));
    const responder = s.ocspResponder ? await ocspResponder(ocspPort, ocspLeaf.response) : undefined;
    const expected = s.expect === 'none' ? 'no error or warning' : s.expect;
    try {
      httpd.write(s.server(c));
      const st = await httpd.start([c.ports.tls]);
      if (!st.ok) {
        results.push({ scenario: s.id, expected, got: 'httpd did not start', ok: false, detail: `${st.out}\n${httpd.logSinceMark()}`.trim().slice(0, 600) });
        continue;
      }
      const port = s.port === 'plain' ? c.ports.plain : c.ports.tls;
      const obs = await probe({ host: '127.0.0.1', port, ip: true }, { servername: HOST, ca: { source: 'the lab root', pems: [rootPem] } });
      const f = analyse(obs);
      const problems = f.filter((x) => x.severity !== 'info');
      const why: string[] = [];
      if (s.expect === 'none' ? problems.length > 0 : !f.some((x) => x.id === s.expect)) why.push(s.expect === 'none' ? `unexpected: ${problems.map((x) => `${x.id}: ${x.evidence}`).join('; ')}` : `${s.expect} not found`);
      for (const a of s.absent ?? []) if (f.some((x) => x.id === a)) why.push(`${a} should not be there`);
      const extra = s.check?.(obs, f);
      if (extra) why.push(extra);
      let detail: string | undefined;
      if (s.crossCheck) {
        detail = await s.crossCheck(c);
        if (detail && !/Protocol version TLSv1$/.test(detail)) why.push(detail);
      }
      if (responder && !responder.requests()) why.push('httpd never asked the OCSP responder');
      results.push({ scenario: s.id, expected, got: summary(f), ok: why.length === 0, ...((why.length || detail) && { detail: why.length ? why.join('; ') : detail }) });
    } catch (e) {
      results.push({ scenario: s.id, expected, got: 'error', ok: false, detail: (e as Error).stack?.split('\n').slice(0, 4).join(' ') });
    } finally {
      await httpd.stop();
      await responder?.close();
    }
  }
  return results;
}

export function formatProbeLab(results: readonly ProbeLabResult[]): string {
  const w = Math.max(...results.map((r) => r.scenario.length), 8);
  const e = Math.max(...results.map((r) => r.expected.length), 8);
  return results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.scenario.padEnd(w)}  ${r.expected.padEnd(e)}  ${r.got}${r.detail ? `\n       ${r.detail}` : ''}`).join('\n');
}

const USAGE = `Usage: npx tsx lab/probe.ts [SCENARIO…]
The live probe against real httpd (Debian's apache2): one configuration per problem the probe must
find, each on free loopback ports, with a throw-away PKI. Prints one line per scenario and exits 1
if any fails. lab/run.ts runs the same with the lab's PKI.
  --list   print the scenario ids
  --help   this text`;

async function main(): Promise<void> {
  const { values, positionals } = parseCli(USAGE, { list: { type: 'boolean' } }, { positionals: Infinity });
  if (values.list) {
    console.log(PROBE_SCENARIOS.map((s) => s.id).join('\n'));
    process.exit(0);
  }
  const unknown = positionals.find((id) => !PROBE_SCENARIOS.some((s) => s.id === id));
  if (unknown) usageError(USAGE, `No probe scenario '${unknown}' (--list names them)`);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'handshake-probe-lab-'));
  fs.chmodSync(base, 0o755);
  const started = Date.now();
  try {
    const pki = makePki(path.join(base, 'pki'));
    const results = await runProbeLab(pki, base, positionals);
    console.log(formatProbeLab(results));
    console.log(`probe lab: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = results.every((r) => r.ok) ? 0 : 1;
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url))
  main().catch((e) => {
    console.error(`probe lab failed: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  });
