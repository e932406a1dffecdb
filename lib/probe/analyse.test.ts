// The analysis alone: hand-made observations in, findings out. No network, no clock.
import { describe, expect, it } from 'vitest';
import { analyse, clip, EXPIRES_SOON_DAYS, nameMatches, versionState } from './analyse';
import type { CertInfo, Failure, Finding, Handshake, ProbeObservations } from './types';

const AT = '2026-06-01T00:00:00.000Z';
const cert = (o: Partial<CertInfo> = {}): CertInfo => ({
  subject: 'CN=www.example.com',
  issuer: 'CN=Example Intermediate',
  selfSigned: false,
  ca: false,
  key: { type: 'RSA', bits: 2048 },
  signatureAlgorithm: 'sha256WithRSAEncryption',
  notBefore: '2026-05-01T00:00:00.000Z',
  notAfter: '2026-09-01T00:00:00.000Z',
  san: ['DNS:www.example.com', 'DNS:example.com'],
  ocspUris: ['http://ocsp.example/'],
  caIssuers: ['http://ca.example/int.der'],
  mustStaple: false,
  fingerprint256: 'LEAF',
  ...o,
});
const leaf = cert();
const inter = cert({ subject: 'CN=Example Intermediate', issuer: 'CN=Example Root', ca: true, san: [], ocspUris: [], caIssuers: [], fingerprint256: 'INTER', notAfter: '2030-01-01T00:00:00.000Z' });
const root = cert({ subject: 'CN=Example Root', issuer: 'CN=Example Root', ca: true, selfSigned: true, san: [], ocspUris: [], caIssuers: [], fingerprint256: 'ROOT', notAfter: '2040-01-01T00:00:00.000Z' });
const alert = (n: number, message: string): Failure => ({ kind: 'alert', alert: n, message, connected: true });
const v70 = (): Handshake => ({ ok: false, ms: 3, failure: alert(70, 'tlsv1 alert protocol version') });
const hs = (o: Partial<Handshake> = {}): Handshake => ({ ok: true, ms: 5, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', verifyError: null, linked: [leaf, inter, root], ...o });

/** A healthy server: complete chain, trusted, TLS 1.2 and 1.3, h2, a good staple, httpd's 400 for plain HTTP. */
function healthy(): ProbeObservations {
  return {
    target: { host: 'www.example.com', port: 443, ip: false },
    address: '192.0.2.10',
    servername: 'www.example.com',
    at: AT,
    main: hs({ alpn: 'h2', ocsp: { stapled: true, bytes: 1000, summary: { responseStatus: 'successful', certStatus: 'good', thisUpdate: '2026-05-31T00:00:00Z', nextUpdate: '2026-06-07T00:00:00Z' } } }),
    trust: { node: { source: "Node's bundled roots (144)", error: null }, system: { source: '/etc/ssl/certs/ca-certificates.crt (146)', error: null } },
    noSni: hs(),
    versions: {
      TLSv1: v70(),
      'TLSv1.1': v70(),
      'TLSv1.2': hs({ protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256', sent: [leaf, inter], sentIssuedByNext: [true] }),
      'TLSv1.3': hs(),
    },
    plainHttp: { statusLine: 'HTTP/1.1 400 Bad Request', text: "Bad Request Your browser sent a request that this server could not understand. Reason: You're speaking plain HTTP to an SSL-enabled server port.", ms: 4 },
    limits: { stepTimeoutMs: 5000, totalMs: 20000 },
    seconds: 0.2,
  };
}
type Edit = (o: ProbeObservations) => void;
const with_ = (...edits: Edit[]) => {
  const o = healthy();
  for (const e of edits) e(o);
  return o;
};
const ids = (f: Finding[]) => f.map((x) => x.id);
const problems = (f: Finding[]) => f.filter((x) => x.severity !== 'info').map((x) => x.id);
const find = (o: ProbeObservations, id: string) => analyse(o).find((x) => x.id === id);
/** Every handshake with SNI sees this leaf and chain. */
const serving = (linked: CertInfo[], sent: CertInfo[], issued: boolean[]): Edit => (o) => {
  for (const h of [o.main!, o.versions['TLSv1.3']!, o.versions['TLSv1.2']!]) h.linked = linked;
  o.versions['TLSv1.2']!.sent = sent;
  o.versions['TLSv1.2']!.sentIssuedByNext = issued;
  o.noSni!.linked = linked;
};
const untrusted = (error: string): Edit => (o) => {
  o.trust.node.error = error;
  o.trust.system.error = error;
};

describe('a healthy server', () => {
  it('has no problem, only the note on plain HTTP', () => {
    const f = analyse(healthy());
    expect(ids(f)).toEqual(['plain-http-answer']);
    expect(f[0]!.evidence).toBe(`http://www.example.com:443/ (plain HTTP to this TLS port) gets "HTTP/1.1 400 Bad Request": "Bad Request Your browser sent a request that this server could not understand. Reason: You're speaking plain HTTP to an SSL-enabled server port."`);
  });
  it('nothing at all when the name did not resolve', () => {
    expect(analyse({ ...healthy(), resolve: { kind: 'dns', code: 'ENOTFOUND', message: 'x does not resolve' }, main: undefined })).toEqual([]);
  });
});

describe('no connection, or no TLS', () => {
  it('a refused port, an unreachable host, no TCP answer', () => {
    const only = (failure: Failure) => analyse({ ...healthy(), main: { ok: false, ms: 1, failure }, versions: {}, noSni: undefined, plainHttp: undefined });
    expect(only({ kind: 'refused', code: 'ECONNREFUSED', message: 'connection refused', connected: false })).toEqual([
      { id: 'port-closed', severity: 'error', evidence: 'nothing accepts connections on 192.0.2.10:443 (connection refused): httpd is not running, has no Listen for this port, or a firewall rejects the connection' },
    ]);
    expect(ids(only({ kind: 'connect-timeout', message: 'no answer', connected: false }))).toEqual(['no-tcp-answer']);
    expect(ids(only({ kind: 'unreachable', code: 'EHOSTUNREACH', message: 'no route', connected: false }))).toEqual(['no-tcp-answer']);
  });

  const noTls = (h: Partial<Handshake>): Edit => (o) => {
    for (const k of ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const) o.versions[k] = { ok: false, ms: 2, ...h };
    o.main = { ok: false, ms: 2, ...h };
    o.noSni = { ok: false, ms: 2, ...h };
  };
  it('a plain HTTP server on the port', () => {
    const f = analyse(with_(noTls({ notTls: 'HTTP/1.1 400 Bad Request', failure: { kind: 'tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'wrong version number', connected: true } })));
    expect(ids(f)).toEqual(['speaks-plain-http']);
    expect(f[0]!.evidence).toMatch(/^the answer to a TLS ClientHello is not TLS but "HTTP\/1\.1 400 Bad Request", and a plain HTTP request gets "HTTP\/1\.1 400 Bad Request"/);
  });
  it('no TLS answer in time: plain HTTP answers, or nothing does', () => {
    const wait = noTls({ failure: { kind: 'timeout', message: 'no complete TLS answer', connected: true } });
    expect(ids(analyse(with_(wait)))).toEqual(['speaks-plain-http']);
    expect(ids(analyse(with_(wait, (o) => (o.plainHttp = { ms: 5000, failure: { kind: 'timeout', message: 'x', connected: true } }))))).toEqual(['no-tls-answer']);
  });
  it('every version refused', () => {
    expect(ids(analyse(with_(noTls({ failure: alert(70, 'tlsv1 alert protocol version') }))))).toEqual(['no-common-protocol']);
    expect(ids(analyse(with_(noTls({ failure: alert(40, 'sslv3 alert handshake failure') }))))).toEqual(['handshake-failure-alert']);
    expect(ids(analyse(with_(noTls({ failure: alert(112, 'tlsv1 unrecognized name') }))))).toEqual(['unrecognized-name']);
    expect(ids(analyse(with_(noTls({ failure: { kind: 'closed', code: 'ECONNRESET', message: 'connection reset by the server', connected: true } }))))).toEqual(['closed-in-handshake']);
  });
  it('alert 40 after a certificate request is a required client certificate, and the chain is still read', () => {
    const f = analyse(
      with_(noTls({ failure: alert(40, 'sslv3 alert handshake failure') }), (o) => {
        o.versions['TLSv1.2'] = { ok: false, ms: 3, failure: alert(40, 'sslv3 alert handshake failure'), sent: [cert({ notAfter: '2026-01-01T00:00:00.000Z' }), inter], sentIssuedByNext: [true], certRequest: { caNames: ['CN=Client CA'] } };
      }),
    );
    expect(ids(f)).toEqual(['expired', 'client-cert-required']);
    expect(f[1]!.evidence).toBe('the server asks for a client certificate in the handshake and, when none is sent, refuses the handshake (alert 40, sslv3 alert handshake failure); it names 1 CA: CN=Client CA');
  });
});

describe('dates', () => {
  it('an expired leaf, an expired intermediate', () => {
    const f = analyse(with_(serving([cert({ notAfter: '2026-04-27T00:00:00.000Z' }), inter, root], [cert({ notAfter: '2026-04-27T00:00:00.000Z' }), inter], [true])));
    expect(problems(f)).toEqual(['expired']);
    expect(f[0]!.evidence).toBe("the server's certificate (CN=www.example.com) expired on 2026-04-27 (35 days ago)");
    const old = { ...inter, notAfter: '2026-05-31T00:00:00.000Z' };
    expect(find(with_(serving([leaf, old, root], [leaf, old], [true])), 'expired')!.evidence).toBe('the CA certificate CN=Example Intermediate (number 2 in the chain) expired on 2026-05-31 (1 day ago)');
  });
  it('not yet valid', () => {
    const early = cert({ notBefore: '2026-06-03T12:00:00.000Z' });
    expect(find(with_(serving([early, inter, root], [early, inter], [true])), 'not-yet-valid')!.evidence).toBe("the server's certificate (CN=www.example.com) is valid only from 2026-06-03T12:00:00Z (in 3 days): issued with a future start, or this machine's clock is behind");
  });
  it(`expiring within ${EXPIRES_SOON_DAYS} days`, () => {
    const soon = cert({ notAfter: '2026-06-11T00:00:00.000Z' });
    expect(find(with_(serving([soon, inter, root], [soon, inter], [true])), 'expires-soon')).toMatchObject({ severity: 'warning', evidence: "the server's certificate (CN=www.example.com) expires on 2026-06-11, in 10 days" });
    const later = cert({ notAfter: '2026-06-20T00:00:00.000Z' });
    expect(problems(analyse(with_(serving([later, inter, root], [later, inter], [true]))))).toEqual([]);
  });
  it('"now" is the probe\'s own time, not the clock of whoever reads the observations', () => {
    expect(problems(analyse({ ...healthy(), at: '2026-09-02T00:00:00.000Z' }))).toContain('expired');
  });
});

describe('trust and the chain', () => {
  it('a missing intermediate', () => {
    const f = analyse(with_(serving([leaf], [leaf], []), untrusted('UNABLE_TO_VERIFY_LEAF_SIGNATURE')));
    expect(problems(f)).toEqual(['chain-incomplete']);
    expect(f[0]!.evidence).toBe(
      `the server sends 1 certificate (CN=www.example.com); the issuer of the last one, "CN=Example Intermediate", is neither sent nor among the roots checked (Node's bundled roots (144), UNABLE_TO_VERIFY_LEAF_SIGNATURE); browsers may fetch it from http://ca.example/int.der, curl, Java, Python, Go and Node do not. If that issuer is a private CA rather than an intermediate, clients need its root instead`,
    );
  });
  it('a chain that verifies only because this machine holds the intermediate', () => {
    const f = analyse(with_(serving([leaf, inter, root], [leaf], [])));
    expect(f.find((x) => x.id === 'chain-incomplete')).toMatchObject({ severity: 'warning' });
    expect(f.find((x) => x.id === 'chain-incomplete')!.evidence).toContain("this machine's trust store holds the intermediate CN=Example Intermediate");
  });
  it('TLS 1.3 only: the chain as Node linked it, and the output says the order as sent is unknown', () => {
    const f = analyse(
      with_(untrusted('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), (o) => {
        o.versions['TLSv1.2'] = v70();
        o.main!.linked = [leaf];
        o.versions['TLSv1.3']!.linked = [leaf];
      }),
    );
    expect(f.find((x) => x.id === 'chain-incomplete')!.evidence).toMatch(/^the chain Node could link is CN=www\.example\.com \(the chain as sent is not visible: the server speaks only TLS 1\.3\)/);
  });
  it('self-signed, and a private root', () => {
    const self = cert({ issuer: 'CN=www.example.com', selfSigned: true });
    expect(problems(analyse(with_(serving([self], [self], []), untrusted('DEPTH_ZERO_SELF_SIGNED_CERT'))))).toEqual(['self-signed']);
    const f = analyse(with_(serving([leaf, inter, root], [leaf, inter, root], [true, true]), untrusted('SELF_SIGNED_CERT_IN_CHAIN')));
    expect(problems(f)).toEqual(['untrusted-root']);
    expect(f[0]!.evidence).toContain('it ends at the root CN=Example Root, which is not among the roots checked');
    expect(problems(analyse(with_(serving([leaf, inter, root], [leaf, inter, root], [true, true]), untrusted('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'))))).toEqual(['untrusted-root']);
  });
  it('a private CA given with --ca is trusted; the system store alone is worth a warning', () => {
    const o = with_(untrusted('SELF_SIGNED_CERT_IN_CHAIN'), (x) => (x.trust.ca = { source: '--ca lab.pem (1)', error: null }));
    expect(problems(analyse(o))).toEqual([]);
    const sys = with_((x) => (x.trust.node.error = 'SELF_SIGNED_CERT_IN_CHAIN'));
    expect(problems(analyse(sys))).toEqual(['trusted-only-by-system']);
    // With --ca given, what it says counts, not the machine's store.
    const both = with_((x) => ((x.trust.node.error = 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'), (x.trust.ca = { source: '--ca other.pem (1)', error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })), serving([leaf], [leaf], []));
    expect(problems(analyse(both))).toEqual(['chain-incomplete']);
  });
  it('a chain out of order, and an extra certificate', () => {
    const f = analyse(with_(serving([leaf, inter, root], [leaf, root, inter], [false, false])));
    expect(f.find((x) => x.id === 'chain-order')!.evidence).toBe('certificate 1 (CN=www.example.com) is followed by CN=Example Root, not by its issuer, which comes later as certificate 3: the chain is out of order');
    const stray = cert({ subject: 'CN=old.example.com', fingerprint256: 'OLD' });
    expect(find(with_(serving([leaf, inter, root], [leaf, inter, stray], [true, false])), 'chain-order')!.evidence).toBe('certificate 3 (CN=old.example.com) issued none of the certificates before it: an extra or stale certificate in the chain file');
  });
  it('a small key, a SHA-1 signature (a self-signed root\'s own signature does not count)', () => {
    const small = cert({ key: { type: 'RSA', bits: 1024 } });
    expect(find(with_(serving([small, inter, root], [small, inter], [true])), 'weak-key')!.evidence).toMatch(/^the server's certificate \(CN=www\.example\.com\) has a 1024-bit RSA key/);
    const sha1 = cert({ signatureAlgorithm: 'sha1WithRSAEncryption' });
    expect(problems(analyse(with_(serving([sha1, inter, root], [sha1, inter], [true]))))).toEqual(['weak-key']);
    const oldRoot = { ...root, signatureAlgorithm: 'sha1WithRSAEncryption' };
    expect(problems(analyse(with_(serving([leaf, inter, oldRoot], [leaf, inter, oldRoot], [true, true]))))).toEqual([]);
    expect(problems(analyse(with_(serving([cert({ key: { type: 'EC', bits: 256, curve: 'prime256v1' } }), inter, root], [leaf, inter], [true]))))).toEqual([]);
  });
});

it('clips long text at a space', () => {
  expect(clip('plain HTTP to an SSL-enabled server port', 20)).toBe('plain HTTP to an…');
  expect(clip('short', 20)).toBe('short');
});

describe('names', () => {
  it('matches as RFC 6125 says', () => {
    expect(nameMatches('www.example.com', ['DNS:www.example.com'])).toBe(true);
    expect(nameMatches('WWW.Example.COM.', ['DNS:www.example.com'])).toBe(true);
    expect(nameMatches('a.example.com', ['DNS:*.example.com'])).toBe(true);
    expect(nameMatches('example.com', ['DNS:*.example.com'])).toBe(false);
    expect(nameMatches('a.b.example.com', ['DNS:*.example.com'])).toBe(false);
    expect(nameMatches('192.0.2.1', ['DNS:192.0.2.1'])).toBe(false);
    expect(nameMatches('192.0.2.1', ['IP Address:192.0.2.1'])).toBe(true);
    expect(nameMatches('2001:db8::1', ['IP Address:2001:DB8:0:0:0:0:0:1'])).toBe(true);
    expect(nameMatches('www.example.com', [])).toBe(false);
  });
  it('another name, no SAN at all, an IP target', () => {
    expect(find(with_((o) => ((o.servername = 'shop.example.com'), (o.target.host = 'shop.example.com'))), 'name-mismatch')!.evidence).toBe('the certificate covers DNS:www.example.com, DNS:example.com, not shop.example.com');
    const cnOnly = cert({ san: [] });
    expect(problems(analyse(with_(serving([cnOnly, inter, root], [cnOnly, inter], [true]))))).toEqual(['no-san']);
    const byIp = with_((o) => ((o.servername = undefined), (o.target = { host: '192.0.2.10', port: 443, ip: true })));
    expect(problems(analyse(byIp))).toEqual(['name-mismatch']);
  });
});

describe('SNI', () => {
  const other = cert({ subject: 'CN=other.example.com', san: ['DNS:other.example.com'], fingerprint256: 'OTHER' });
  it('another certificate without SNI, one that does not cover the name', () => {
    const f = analyse(with_((o) => (o.noSni!.linked = [other, inter, root])));
    expect(problems(f)).toEqual(['default-cert-differs']);
    expect(f[0]!.evidence).toBe("with SNI www.example.com the server sends CN=www.example.com; without SNI it sends CN=other.example.com (DNS:other.example.com), which does not cover www.example.com: clients and proxies that send no SNI get the default (first) vhost's certificate");
  });
  it('another certificate that covers the name too is fine (a wildcard)', () => {
    expect(problems(analyse(with_((o) => (o.noSni!.linked = [cert({ san: ['DNS:*.example.com'], fingerprint256: 'WILD' })]))))).toEqual([]);
  });
  it('no handshake at all without SNI', () => {
    expect(find(with_((o) => (o.noSni = { ok: false, ms: 1, failure: alert(40, 'sslv3 alert handshake failure') })), 'default-cert-differs')!.evidence).toContain('without SNI it fails (alert 40');
  });
  it('nothing to compare when no SNI was sent anyway (an IP target)', () => {
    expect(ids(analyse(with_((o) => ((o.servername = undefined), (o.target = { host: '192.0.2.10', port: 443, ip: true }), (o.noSni!.linked = [other])))))).not.toContain('default-cert-differs');
  });
});

describe('protocol versions', () => {
  const ok = (protocol: string, cipher: string) => hs({ protocol, cipher });
  it('TLS 1.0 and 1.1 still accepted', () => {
    const f = analyse(with_((o) => ((o.versions.TLSv1 = ok('TLSv1', 'ECDHE-RSA-AES256-SHA')), (o.versions['TLSv1.1'] = ok('TLSv1.1', 'ECDHE-RSA-AES256-SHA')))));
    expect(problems(f)).toEqual(['legacy-protocols']);
    expect(f[0]!.evidence).toMatch(/^accepts TLS 1\.0 and TLS 1\.1 \(TLS 1\.0: ECDHE-RSA-AES256-SHA, TLS 1\.1: ECDHE-RSA-AES256-SHA\)/);
  });
  it('TLS 1.3 only', () => {
    const f = analyse(with_((o) => (o.versions['TLSv1.2'] = v70())));
    expect(problems(f)).toEqual(['tls13-only']);
    expect(f[0]!.evidence).toMatch(/^accepts TLS 1\.3 only \(TLS 1\.2: alert 70, tlsv1 alert protocol version\)/);
  });
  it('only TLS 1.0/1.1: current clients cannot connect', () => {
    expect(problems(analyse(with_((o) => ((o.versions.TLSv1 = ok('TLSv1', 'AES256-SHA')), (o.versions['TLSv1.2'] = v70()), (o.versions['TLSv1.3'] = v70())))))).toContain('no-common-protocol');
  });
  it('a version answered with its ServerHello and then failed (a client certificate required) is accepted, not refused', () => {
    const f = analyse(with_((o) => (o.versions['TLSv1.2'] = { ok: false, ms: 3, serverHello: 0x0303, certRequest: { caNames: ['CN=Client CA'] }, failure: alert(40, 'sslv3 alert handshake failure') })));
    expect(problems(f)).toEqual(['client-cert-required']);
    expect(versionState({ ok: false, ms: 1, serverHello: 0x0303, failure: alert(40, 'x') }, 'TLSv1.3')).toBe('refused');
    expect(versionState({ ok: false, ms: 1, serverHello: 0x0301, failure: alert(40, 'x') }, 'TLSv1')).toBe('accepted');
    expect(versionState(undefined, 'TLSv1')).toBe('unknown');
  });
  it('an unknown answer (timeout) is not a refusal', () => {
    expect(problems(analyse(with_((o) => (o.versions['TLSv1.2'] = { ok: false, ms: 5000, failure: { kind: 'timeout', message: 'no answer', connected: true } }))))).toEqual([]);
  });
});

describe('ALPN and OCSP', () => {
  it('no h2, or h2 over a suite HTTP/2 forbids', () => {
    expect(find(with_((o) => (o.main!.alpn = 'http/1.1')), 'no-h2')).toMatchObject({ severity: 'info', evidence: 'offered h2 and http/1.1 by ALPN, the server chose http/1.1: no HTTP/2 here (Protocols h2 http/1.1 with mod_http2 loaded enables it)' });
    expect(find(with_((o) => (o.main!.alpn = null)), 'no-h2')!.evidence).toContain('the server chose neither');
    expect(problems(analyse(with_((o) => Object.assign(o.main!, { protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-SHA' }))))).toEqual(['h2-weak-cipher']);
    expect(problems(analyse(with_((o) => Object.assign(o.main!, { protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-CHACHA20-POLY1305' }))))).toEqual([]);
  });
  it('no staple: with a responder named, without one, and for a Must-Staple certificate', () => {
    const off: Edit = (o) => (o.main!.ocsp = { stapled: false });
    expect(find(with_(off), 'no-ocsp-staple')).toMatchObject({ severity: 'info', evidence: 'no OCSP response stapled, although the certificate names a responder (http://ocsp.example/): SSLUseStapling is off, or httpd could not fetch an answer' });
    const noUri = cert({ ocspUris: [] });
    expect(find(with_(off, serving([noUri, inter, root], [noUri, inter], [true])), 'no-ocsp-uri')).toMatchObject({ severity: 'info' });
    const must = cert({ mustStaple: true });
    expect(find(with_(off, serving([must, inter, root], [must, inter], [true])), 'no-ocsp-staple')).toMatchObject({ severity: 'error' });
  });
  it('a staple that says tryLater, revoked, or is stale', () => {
    const staple = (summary: object): Edit => (o) => (o.main!.ocsp = { stapled: true, bytes: 5, summary: summary as never });
    expect(find(with_(staple({ responseStatus: 'tryLater' })), 'ocsp-staple-bad')!.evidence).toBe('the stapled OCSP response says tryLater, not a certificate status');
    expect(find(with_(staple({ responseStatus: 'successful', certStatus: 'revoked', revokedAt: '2026-05-20T00:00:00Z' })), 'ocsp-staple-bad')).toMatchObject({ severity: 'error' });
    expect(find(with_(staple({ responseStatus: 'successful', certStatus: 'good', nextUpdate: '2026-05-30T00:00:00Z' })), 'ocsp-staple-bad')!.evidence).toContain('stale');
    expect(find(with_((o) => (o.main!.ocsp = { stapled: true, bytes: 5, unreadable: 'truncated at 0' })), 'ocsp-staple-bad')).toBeDefined();
  });
});

describe('client certificates and plain HTTP', () => {
  it('asked for, optional, with CA names from a TLS 1.2 handshake', () => {
    const f = find(with_((o) => ((o.main!.certRequest = {}), (o.main!.after = 'open'), (o.versions['TLSv1.2']!.certRequest = { caNames: ['O=Lab, CN=Client CA'] }))), 'client-cert-requested')!;
    expect(f).toMatchObject({ severity: 'info', evidence: 'the server asks for a client certificate in the handshake and completes it without one (SSLVerifyClient optional, or a check later in the request); it names 1 CA: O=Lab, CN=Client CA' });
  });
  it('required: refused after a TLS 1.3 handshake; CA names not observable said so', () => {
    const f = find(with_((o) => ((o.main!.certRequest = {}), (o.main!.after = alert(116, 'tlsv13 alert certificate required')))), 'client-cert-required')!;
    expect(f.evidence).toBe('the server asks for a client certificate in the handshake and, when none is sent, sends alert 116 (tlsv13 alert certificate required); which CAs it names cannot be seen: the request came only under TLS 1.3, where it is encrypted, and Node has no API for its CA list');
  });
  it('a request naming no CA', () => {
    expect(problems(analyse(with_((o) => ((o.main!.certRequest = {}), (o.main!.after = 'open'), (o.versions['TLSv1.2']!.certRequest = { caNames: [] })))))).toEqual(['client-cert-no-ca-names']);
  });
  it('plain HTTP that waits', () => {
    expect(find(with_((o) => (o.plainHttp = { ms: 5000, failure: { kind: 'timeout', message: 'no answer to a plain HTTP request within 5000 ms', connected: true } })), 'plain-http-answer')!.evidence).toBe(
      'a plain HTTP request to this TLS port gets no answer (no answer to a plain HTTP request within 5000 ms): a browser opening http://www.example.com:443/ waits',
    );
  });
});
