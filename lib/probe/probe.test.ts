// The probe against real Node TLS servers on 127.0.0.1 (and ::1), with certificates made by
// openssl for the test. Each server is stopped after its test; nothing else is contacted.
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyse, versionState } from './analyse';
import { probe, type ProbeOptions } from './probe';
import type { Lookup } from './steps';
import { makeTestPki, NAME, OTHER, type TestPki } from './test-pki';
import type { Finding, ProbeObservations, Target } from './types';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
}, 60_000);
afterAll(() => pki?.cleanup());

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
afterEach(async () => {
  // A held connection would keep close() waiting: end them first.
  for (const c of sockets) c.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function track<S extends net.Server>(s: S): S {
  s.on('connection', (c: net.Socket) => (sockets.add(c), c.on('error', () => {})));
  servers.push(s);
  return s;
}

async function listen(s: net.Server, host = '127.0.0.1'): Promise<number> {
  track(s);
  await new Promise<void>((r) => s.listen(0, host, r));
  return (s.address() as net.AddressInfo).port;
}

const leaf = (name: string) => pki.leaf[name]!;
/** A TLS server answering every request with a small HTTP response. */
function tlsServer(o: tls.TlsOptions): tls.Server {
  const s = tls.createServer(o, (c) => {
    c.on('error', () => {});
    c.once('data', () => c.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
  });
  s.on('tlsClientError', () => {});
  return s;
}
const chain = (name: string) => ({ key: leaf(name).key, cert: leaf(name).cert + pki.intermediate });

/** Names resolve to 127.0.0.1 here: the probe's one lookup, answered without any resolver. */
const lookups: string[] = [];
const local: Lookup = async (host) => (lookups.push(host), { address: '127.0.0.1', family: 4 });

async function run(port: number, o: ProbeOptions = {}, target: Target = { host: NAME, port, ip: false }): Promise<{ obs: ProbeObservations; f: Finding[]; ids: string[] }> {
  const obs = await probe(target, { lookup: local, ca: { source: 'test root', pems: [pki.root] }, systemRoots: null, stepTimeoutMs: 3000, verdictWaitMs: 400, ...o });
  const f = analyse(obs);
  return { obs, f, ids: f.map((x) => x.id) };
}
const problems = (f: Finding[]) => f.filter((x) => x.severity !== 'info').map((x) => x.id);

describe('certificates', () => {
  it('a complete chain from a trusted root: no certificate problem, the chain as sent in order', async () => {
    const port = await listen(tlsServer({ ...chain('good'), ALPNProtocols: ['h2', 'http/1.1'] }));
    const { obs, f } = await run(port);
    expect(problems(f)).toEqual([]);
    expect(obs.trust.ca?.error).toBeNull();
    const sent = obs.versions['TLSv1.2']!.sent!;
    expect(sent.map((c) => c.subject)).toEqual(['CN=www.probe.test, O=Probe Test', 'CN=Probe Test Intermediate CA, O=Probe Test']);
    expect(obs.versions['TLSv1.2']!.sentIssuedByNext).toEqual([true]);
    expect(sent[0]).toMatchObject({ key: { type: 'RSA', bits: 2048 }, signatureAlgorithm: 'sha256WithRSAEncryption', san: ['DNS:www.probe.test'], selfSigned: false });
    expect(lookups).toContain(NAME);
  });

  it('a missing intermediate', async () => {
    const port = await listen(tlsServer({ key: leaf('good').key, cert: leaf('good').cert }));
    const { obs, f } = await run(port);
    expect(problems(f)).toEqual(['chain-incomplete']);
    expect(obs.trust.ca?.error).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(f[0]!.evidence).toContain('sends 1 certificate');
    expect(f[0]!.evidence).toContain('Probe Test Intermediate CA');
  });

  it('a chain out of order (leaf, root, intermediate)', async () => {
    const port = await listen(tlsServer({ key: leaf('good').key, cert: leaf('good').cert + pki.root + pki.intermediate }));
    const { obs, f } = await run(port);
    expect(obs.versions['TLSv1.2']!.sent!.map((c) => c.subject.split(',')[0])).toEqual(['CN=www.probe.test', 'O=Probe Test', 'CN=Probe Test Intermediate CA']);
    expect(problems(f)).toContain('chain-order');
    expect(f.find((x) => x.id === 'chain-order')!.evidence).toContain('comes later as certificate 3');
  });

  it('an expired certificate', async () => {
    const port = await listen(tlsServer(chain('expired')));
    const { f } = await run(port);
    expect(problems(f)).toEqual(['expired']);
    expect(f[0]!.evidence).toMatch(/expired on \d{4}-\d\d-\d\d \(3[45] days ago\)/);
  });

  it('a certificate not yet valid', async () => {
    const port = await listen(tlsServer(chain('not-yet-valid')));
    const { f } = await run(port);
    expect(problems(f)).toEqual(['not-yet-valid']);
  });

  it('a certificate for another name', async () => {
    const port = await listen(tlsServer(chain('wrong-name')));
    const { f } = await run(port);
    expect(problems(f)).toEqual(['name-mismatch']);
    expect(f[0]!.evidence).toBe('the certificate covers DNS:shop.probe.test, not www.probe.test');
  });

  it('--servername decides the name checked and sent, for an IP target', async () => {
    const port = await listen(tlsServer(chain('good')));
    const asIp = await run(port, {}, { host: '127.0.0.1', port, ip: true });
    expect(asIp.obs.servername).toBeUndefined();
    expect(problems(asIp.f)).toEqual(['name-mismatch']); // 127.0.0.1 is not in the certificate
    const named = await run(port, { servername: NAME }, { host: '127.0.0.1', port, ip: true });
    expect(problems(named.f)).toEqual([]);
  });

  it('a certificate without subjectAltName', async () => {
    const port = await listen(tlsServer(chain('cn-only')));
    const { f } = await run(port);
    expect(problems(f)).toEqual(['no-san']);
  });

  it('a self-signed certificate', async () => {
    const port = await listen(tlsServer({ key: leaf('self-signed').key, cert: leaf('self-signed').cert }));
    const { obs, f } = await run(port);
    expect(problems(f)).toEqual(['self-signed']);
    expect(obs.trust.node.error).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(obs.versions['TLSv1.2']!.sent![0]!.selfSigned).toBe(true);
  });

  it('a private CA the client is not given (no --ca)', async () => {
    const port = await listen(tlsServer({ key: leaf('good').key, cert: leaf('good').cert + pki.intermediate + pki.root }));
    const { obs, f } = await run(port, { ca: undefined });
    expect(obs.trust.node.error).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    expect(problems(f)).toEqual(['untrusted-root']);
  });

  it('a 1024-bit key', async () => {
    const port = await listen(tlsServer(chain('weak')));
    const { f } = await run(port);
    expect(problems(f)).toEqual(['weak-key']);
  });
});

describe('SNI', () => {
  it('the default certificate when SNI is absent', async () => {
    const good = tls.createSecureContext(chain('good'));
    const port = await listen(tlsServer({ ...chain('other'), SNICallback: (name, cb) => cb(null, name === NAME ? good : undefined) }));
    const { obs, f } = await run(port);
    expect(obs.noSni!.linked![0]!.subject).toContain(OTHER);
    expect(problems(f)).toEqual(['default-cert-differs']);
    expect(f[0]!.evidence).toContain(`does not cover ${NAME}`);
  });

  it('no finding when the default certificate covers the name too', async () => {
    const port = await listen(tlsServer(chain('good')));
    const { obs, ids } = await run(port);
    expect(obs.noSni!.ok).toBe(true);
    expect(ids).not.toContain('default-cert-differs');
  });
});

describe('protocol versions', () => {
  it('a server that accepts only TLS 1.3', async () => {
    const port = await listen(tlsServer({ ...chain('good'), minVersion: 'TLSv1.3' }));
    const { obs, f } = await run(port);
    expect(Object.fromEntries(Object.entries(obs.versions).map(([k, h]) => [k, h!.ok]))).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
    expect(obs.versions['TLSv1.2']!.failure).toMatchObject({ kind: 'alert', alert: 70 });
    expect(problems(f)).toEqual(['tls13-only']);
  });

  it('a server that still accepts TLS 1.0 and 1.1 (security level 0 on both sides, as OpenSSL 3 needs)', async () => {
    const port = await listen(tlsServer({ ...chain('good'), minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' }));
    const { obs, f } = await run(port);
    expect(obs.versions.TLSv1!.ok).toBe(true);
    expect(obs.versions.TLSv1!.protocol).toBe('TLSv1');
    expect(obs.versions['TLSv1.1']!.ok).toBe(true);
    expect(problems(f)).toEqual(['legacy-protocols']);
    expect(f[0]!.evidence).toMatch(/^accepts TLS 1\.0 and TLS 1\.1/);
  });

  it('without security level 0 on the server, TLS 1.0 is refused even when its minimum allows it', async () => {
    const port = await listen(tlsServer({ ...chain('good'), minVersion: 'TLSv1' }));
    const { obs } = await run(port);
    expect(obs.versions.TLSv1!.ok).toBe(false);
  });
});

describe('ALPN, OCSP, client certificates, plain HTTP', () => {
  it('h2 offered, or not', async () => {
    const with2 = await run(await listen(tlsServer({ ...chain('good'), ALPNProtocols: ['h2', 'http/1.1'] })));
    expect(with2.obs.main!.alpn).toBe('h2');
    expect(with2.ids).not.toContain('no-h2');
    const without = await run(await listen(tlsServer({ ...chain('good'), ALPNProtocols: ['http/1.1'] })));
    expect(without.obs.main!.alpn).toBe('http/1.1');
    expect(without.f.find((x) => x.id === 'no-h2')).toMatchObject({ severity: 'info' });
    const none = await run(await listen(tlsServer(chain('good'))));
    expect(none.obs.main!.alpn).toBeNull();
    expect(none.ids).toContain('no-h2');
  });

  it('a stapled OCSP response is read; stapling off is found', async () => {
    const on = tlsServer(chain('ocsp'));
    on.on('OCSPRequest', (_cert: Buffer, _issuer: Buffer, cb: (e: Error | null, r?: Buffer) => void) => cb(null, pki.ocspGood));
    const stapled = await run(await listen(on));
    expect(stapled.obs.main!.ocsp).toMatchObject({ stapled: true, summary: { responseStatus: 'successful', certStatus: 'good' } });
    expect(stapled.ids.filter((i) => i.startsWith('no-ocsp') || i.startsWith('ocsp'))).toEqual([]);

    const off = await run(await listen(tlsServer(chain('ocsp'))));
    expect(off.obs.main!.ocsp).toEqual({ stapled: false });
    expect(off.f.find((x) => x.id === 'no-ocsp-staple')!.evidence).toContain('http://127.0.0.1:9/ocsp');
    // A certificate that names no responder has nothing to staple: another entry says so.
    const noUri = await run(await listen(tlsServer(chain('good'))));
    expect(noUri.ids).toContain('no-ocsp-uri');
  });

  it('an optional client certificate, with the CA names read from the TLS 1.2 handshake', async () => {
    const port = await listen(tlsServer({ ...chain('good'), requestCert: true, rejectUnauthorized: false, ca: [pki.clientCa] }));
    const { obs, f } = await run(port);
    expect(obs.main!.certRequest).toBeDefined();
    expect(obs.main!.after).toBe('open');
    const cc = f.find((x) => x.id === 'client-cert-requested')!;
    expect(cc.evidence).toContain('names 1 CA: O=Probe Test, CN=Probe Test Client CA');
  });

  it('a required client certificate: TLS 1.3 refuses after the handshake, TLS 1.2 during it', async () => {
    const port = await listen(tlsServer({ ...chain('good'), requestCert: true, rejectUnauthorized: true, ca: [pki.clientCa] }));
    const { obs, f } = await run(port);
    expect(obs.main!.protocol).toBe('TLSv1.3');
    expect(obs.main!.after).not.toBe('open');
    expect(obs.versions['TLSv1.2']!.failure).toMatchObject({ kind: 'alert', alert: 40 });
    // …after its ServerHello: TLS 1.2 is accepted, the certificate is what is refused.
    expect(obs.versions['TLSv1.2']!.serverHello).toBe(0x0303);
    expect(versionState(obs.versions['TLSv1.2'], 'TLSv1.2')).toBe('accepted');
    expect(f.map((x) => x.id)).not.toContain('tls13-only');
    expect(f.find((x) => x.id === 'client-cert-required')!.evidence).toContain('Probe Test Client CA');
  });

  it('TLS 1.3 only: the client-certificate request is seen, its CA names are not, and the output says so', async () => {
    const port = await listen(tlsServer({ ...chain('good'), minVersion: 'TLSv1.3', requestCert: true, rejectUnauthorized: false, ca: [pki.clientCa] }));
    const { f } = await run(port);
    expect(f.find((x) => x.id === 'client-cert-requested')!.evidence).toContain('cannot be seen: the request came only under TLS 1.3');
  });

  it('what plain HTTP to the TLS port gets (a server that answers it as httpd does)', async () => {
    // One port for both, as mod_ssl has: a TLS record goes to the TLS server, anything else gets a 400.
    const inner = tlsServer(chain('good'));
    const s = net.createServer((sock) => {
      sock.once('data', (d) => {
        if (d[0] === 0x16) {
          sock.pause();
          sock.unshift(d);
          inner.emit('connection', sock);
        } else sock.end("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n\r\n<p>You're speaking plain HTTP to an SSL-enabled server port.</p>");
      });
    });
    const { obs, f } = await run(await listen(s));
    expect(obs.main!.ok).toBe(true);
    expect(obs.plainHttp!.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(f.find((x) => x.id === 'plain-http-answer')!.evidence).toContain("You're speaking plain HTTP");
  });

  it('a plain HTTP server on the port: TLS spoken to HTTP', async () => {
    const s = net.createServer((sock) => sock.once('data', () => sock.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')));
    const { obs, f } = await run(await listen(s));
    expect(obs.main!.notTls).toBe('HTTP/1.1 400 Bad Request');
    expect(f.map((x) => x.id)).toEqual(['speaks-plain-http']);
  });
});

describe('limits: timeouts, refused, unresolvable, IPv6', () => {
  it('a server that accepts TCP and never answers: every step ends by its timeout', async () => {
    const port = await listen(net.createServer(() => {}));
    const t0 = Date.now();
    const { obs, f } = await run(port, { stepTimeoutMs: 300 });
    const ms = Date.now() - t0;
    // The main handshake, then the other steps side by side: two step timeouts, plus a little.
    expect(ms).toBeLessThan(2 * 300 + 400);
    expect(obs.main!.failure).toMatchObject({ kind: 'timeout', connected: true });
    expect(obs.plainHttp!.failure).toMatchObject({ kind: 'timeout' });
    expect(f.map((x) => x.id)).toEqual(['no-tls-answer']);
  });

  it('the overall bound cuts the probe short whatever the step timeout', async () => {
    const port = await listen(net.createServer(() => {}));
    const t0 = Date.now();
    const { obs } = await run(port, { stepTimeoutMs: 5000, totalMs: 800 });
    expect(Date.now() - t0).toBeLessThan(800 + 300);
    expect(obs.seconds).toBeLessThan(1.1);
  });

  it('a refused port', async () => {
    const port = await listen(net.createServer());
    await new Promise((r) => servers.pop()!.close(r)); // now nothing listens there
    const { obs, f } = await run(port);
    expect(obs.main!.failure).toMatchObject({ kind: 'refused', code: 'ECONNREFUSED' });
    expect(obs.versions).toEqual({}); // nothing else tried
    expect(f.map((x) => x.id)).toEqual(['port-closed']);
  });

  it('an unresolvable name (.invalid): answered without asking any resolver', async () => {
    const asked: string[] = [];
    const t0 = Date.now();
    const obs = await probe({ host: 'nonexistent.invalid', port: 443, ip: false }, { lookup: async (h) => (asked.push(h), { address: '127.0.0.1', family: 4 }), systemRoots: null });
    expect(Date.now() - t0).toBeLessThan(200);
    expect(asked).toEqual([]);
    expect(obs.resolve).toMatchObject({ kind: 'dns', code: 'ENOTFOUND' });
    expect(obs.main).toBeUndefined();
    expect(analyse(obs)).toEqual([]);
  });

  it('a resolver that fails or hangs', async () => {
    const fail = await probe({ host: 'www.probe.test', port: 443, ip: false }, { lookup: async () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })), systemRoots: null });
    expect(fail.resolve).toMatchObject({ kind: 'dns', code: 'ENOTFOUND' });
    const hang = await probe({ host: 'www.probe.test', port: 443, ip: false }, { lookup: () => new Promise(() => {}), systemRoots: null, stepTimeoutMs: 200 });
    expect(hang.resolve).toMatchObject({ kind: 'timeout' });
  });

  it('IPv6: [::1]', async () => {
    const port = await listen(tlsServer(chain('good')), '::1');
    const { obs, f } = await run(port, { servername: NAME }, { host: '::1', port, ip: true });
    expect(obs.address).toBe('::1');
    expect(obs.main!.ok).toBe(true);
    expect(problems(f)).toEqual([]);
  });
});
