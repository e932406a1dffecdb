import fs from 'node:fs';
// The lab's scenarios: one reproducible cause each, with the entry that explains it.
import type { ClientCall } from './clients';
import type { ServerConfig } from './httpd';
import { BACKEND_HOST, HOST } from './pki';
import type { Ctx, Scenario } from './scenario';

interface VhostOptions {
  cert?: string;
  key?: string;
  chain?: string;
  /** directives inside the TLS vhost */
  extra?: string[];
  /** server-level directives */
  global?: string[];
  logLevel?: string;
  modules?: string[];
  ssl?: boolean;
}

/** A TLS vhost for www.example.test on the TLS port, plus a plain vhost on the plain port. */
export function tlsServer(c: Ctx, o: VhostOptions = {}): ServerConfig {
  const cert = o.cert ?? c.pki.files.fullchain!;
  const key = o.key ?? c.pki.leaf.good!.key;
  return {
    logLevel: o.logLevel ?? 'warn',
    ssl: o.ssl,
    modules: o.modules,
    body: [
      ...(o.global ?? []),
      `Listen 127.0.0.1:${c.ports.plain}`,
      `<VirtualHost *:${c.ports.plain}>`,
      `    ServerName ${HOST}`,
      '</VirtualHost>',
      `Listen 127.0.0.1:${c.ports.tls}`,
      `<VirtualHost *:${c.ports.tls}>`,
      `    ServerName ${HOST}`,
      '    SSLEngine on',
      `    SSLCertificateFile ${cert}`,
      `    SSLCertificateKeyFile ${key}`,
      ...(o.chain ? [`    SSLCertificateChainFile ${o.chain}`] : []),
      ...(o.extra ?? []).map((l) => `    ${l}`),
      '</VirtualHost>',
    ].join('\n'),
  };
}

/** A second name-based TLS vhost, other.example.test, on the same port as the first. */
function withOtherVhost(conf: ServerConfig, c: Ctx, o: { chain?: boolean; extra?: string[] } = {}): ServerConfig {
  const lines = [
    `<VirtualHost *:${c.ports.tls}>`,
    '    ServerName other.example.test',
    '    SSLEngine on',
    `    SSLCertificateFile ${c.pki.leaf.other!.cert}`,
    `    SSLCertificateKeyFile ${c.pki.leaf.other!.key}`,
    ...(o.chain === false ? [] : [`    SSLCertificateChainFile ${c.pki.intermediate}`]),
    ...(o.extra ?? []).map((l) => `    ${l}`),
    '</VirtualHost>',
  ];
  return { ...conf, body: `${conf.body}\n${lines.join('\n')}` };
}

const curl = (o: Partial<ClientCall> = {}): ClientCall => ({ kind: 'curl', ...o });
const sClient = (o: Partial<ClientCall> = {}): ClientCall => ({ kind: 's_client', ...o });
const node = (o: Partial<ClientCall> = {}): ClientCall => ({ kind: 'node', ...o });
const chrome = (o: Partial<ClientCall> = {}): ClientCall => ({ kind: 'chromium', ...o });
/** All four clients with the same options. */
const all = (o: Partial<ClientCall> = {}): ClientCall[] => [curl(o), sClient(o), node(o), chrome(o)];

const reneg = 'OpenSSL-based clients complete a secure renegotiation when they hold a certificate';
const leaf = (c: Ctx, name: string) => ({ cert: c.pki.leaf[name]!.cert, key: c.pki.leaf[name]!.key, chain: c.pki.intermediate });
/** The working server: every scenario's fix that is "use the right certificate" ends here. */
const good = (logLevel = 'warn') => (c: Ctx) => tlsServer(c, { logLevel });
const startsCheck = { command: 'curl -sS -o /dev/null -w "%{http_code}\\n" --resolve {HOST}:{PORT}:127.0.0.1 --cacert {CA} https://{HOST}:{PORT}/', expect: /^200/ };
const chainCheck = { command: 'openssl s_client -connect 127.0.0.1:{PORT} -servername {HOST} -showcerts </dev/null 2>/dev/null | grep -E "^ *[0-9] s:"', expect: /1 s:.*Intermediate/ };
const clientCa = (c: Ctx) => `SSLCACertificateFile ${c.pki.clientCa}`;
const verifyCheck = { command: 'curl -sS -o /dev/null -w "%{http_code}\\n" --resolve {HOST}:{PORT}:127.0.0.1 --cacert {CA} --cert {PKI}/client-bundle.pem https://{HOST}:{PORT}/secure/', expect: /^200/ };

/** A proxy on the TLS port passing everything to the backend server. */
function proxyServer(c: Ctx, extra: string[], o: { logLevel?: string } = {}): ServerConfig {
  return tlsServer(c, { logLevel: o.logLevel ?? 'warn', modules: ['proxy', 'proxy_http'], extra });
}
/** The backend serves the same name as the front (ProxyPreserveHost on passes it in SNI and Host). */
function backendServer(c: Ctx, o: { strictSni?: boolean; cert?: string; key?: string } = {}): ServerConfig {
  const vhost = (name: string, cert: string, key: string) => [
    `<VirtualHost *:${c.ports.backend}>`,
    `    ServerName ${name}`,
    '    SSLEngine on',
    `    SSLCertificateFile ${cert}`,
    `    SSLCertificateKeyFile ${key}`,
    '</VirtualHost>',
  ];
  return {
    logLevel: 'warn ssl:info',
    body: [
      `Listen 127.0.0.1:${c.ports.backend}`,
      ...(o.strictSni ? ['SSLStrictSNIVHostCheck on'] : []),
      ...vhost(HOST, o.cert ?? c.pki.files.fullchain!, o.key ?? c.pki.leaf.good!.key),
      // A second name makes the backend name-based, as on a shared backend.
      ...vhost(BACKEND_HOST, c.pki.files['backend-fullchain']!, c.pki.leaf.backend!.key),
    ].join('\n'),
  };
}
const backendUrl = (c: Ctx) => `https://127.0.0.1:${c.ports.backend}/`;

/** Client certificates for one location only: what bug #8051 is about. */
const perLocation = (c: Ctx, o: { tls: '1.2' | '1.3'; logLevel?: string; extra?: string[]; h2?: boolean; inLocation?: string[] }) =>
  tlsServer(c, {
    logLevel: o.logLevel ?? 'warn ssl:info',
    modules: o.h2 ? ['http2'] : [],
    extra: [
      o.tls === '1.2' ? 'SSLProtocol -all +TLSv1.2' : 'SSLProtocol -all +TLSv1.3',
      ...(o.h2 ? ['Protocols h2 http/1.1'] : []),
      clientCa(c),
      ...(o.extra ?? []),
      `<Location /secure/>`,
      '    SSLVerifyClient require',
      '    SSLVerifyDepth 2',
      ...(o.inLocation ?? []).map((l) => `    ${l}`),
      '</Location>',
    ],
  });
/** The fix of bug #8051's kind: ask for the certificate at the handshake, for the whole vhost. */
const wholeVhost = (c: Ctx, tls: '1.2' | '1.3', h2 = false) =>
  tlsServer(c, { logLevel: 'warn ssl:info', modules: h2 ? ['http2'] : [], extra: [tls === '1.2' ? 'SSLProtocol -all +TLSv1.2' : 'SSLProtocol -all +TLSv1.3', ...(h2 ? ['Protocols h2 http/1.1'] : []), clientCa(c), 'SSLVerifyClient require', 'SSLVerifyDepth 2'] });

export const SCENARIOS: Scenario[] = [
  // ── Talking to the wrong port ──────────────────────────────────────────────
  {
    id: 'plain-http-to-tls-port',
    title: 'Plain HTTP sent to the TLS port',
    entry: 'browser-hangs-http-to-https-port',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info' }),
    clients: [curl({ scheme: 'http' }), node({ scheme: 'http' }), chrome({ scheme: 'http' })],
    fix: { description: 'Use https:// for the TLS port (or redirect the plain port).', from: 'lab', clients: all() },
  },
  {
    id: 'tls-to-plain-port',
    title: 'TLS sent to a plain-HTTP port',
    entry: 'browser-hangs-http-to-https-port',
    server: (c) => tlsServer(c, { logLevel: 'warn' }),
    clients: [curl({ port: 'plain', scheme: 'https' }), sClient({ port: 'plain' }), node({ port: 'plain', scheme: 'https' }), chrome({ port: 'plain', scheme: 'https' })],
    expect: { 'server-log': { uninformative: 'the plain vhost logs the TLS bytes only in its access log' } },
    fix: { description: 'Point https:// at the port whose vhost has SSLEngine on.', from: 'lab', clients: all() },
  },
  // ── Certificates and chains ────────────────────────────────────────────────
  {
    id: 'missing-intermediate',
    title: 'The intermediate CA certificate is not sent',
    entry: 'incomplete-certificate-chain',
    server: (c) => tlsServer(c, { cert: c.pki.leaf.good!.cert, logLevel: 'warn ssl:info' }),
    clients: [curl(), sClient(), node(), chrome({ expect: { entry: 'self-signed-or-private-ca-not-trusted', because: 'Chromium says ERR_CERT_AUTHORITY_INVALID for any chain it cannot complete: missing intermediate, self-signed or private CA alike' } })],
    fix: { description: "The entry's fix: SSLCertificateFile names the file with the certificate followed by the intermediate.", from: 'entry-snippet', check: { entry: true, expect: /Verify return code: 0 \(ok\)/ } },
  },
  {
    id: 'chain-wrong-order',
    title: 'The certificate file starts with the intermediate',
    entry: 'certificate-chain-wrong-order',
    startFails: true,
    server: (c) => tlsServer(c, { cert: c.pki.files['wrong-order'], logLevel: 'warn' }),
    clients: [],
    expect: { startup: { entry: 'key-matches-certificate', because: 'httpd pairs the key with the first certificate in the file, here the intermediate, and reports only that key and certificate do not match (AH02565); that entry lists the wrong order among its causes' } },
    fix: { description: "The entry's fix: the server certificate first, then the intermediate.", from: 'entry-snippet', clients: [curl()] },
  },
  {
    id: 'expired-certificate',
    title: 'The server certificate has expired',
    entry: 'certificate-expired-or-not-yet-valid',
    server: (c) => tlsServer(c, { ...leaf(c, 'expired'), logLevel: 'warn ssl:info' }),
    clients: all(),
    fix: { description: "The entry's fix: point the vhost at the renewed certificate (the links certbot updates), then restart.", from: 'entry-snippet', check: { command: 'echo | openssl s_client -connect 127.0.0.1:{PORT} -servername {HOST} 2>/dev/null | openssl x509 -noout -checkend 0', expect: /will not expire/ } },
  },
  {
    id: 'not-yet-valid-certificate',
    title: 'The server certificate is not valid yet',
    entry: 'certificate-expired-or-not-yet-valid',
    server: (c) => tlsServer(c, { ...leaf(c, 'not-yet-valid'), logLevel: 'warn ssl:info' }),
    clients: all(),
    fix: { description: "The entry's fix: point the vhost at a certificate whose validity has begun.", from: 'entry-snippet' },
  },
  {
    id: 'wrong-name',
    title: 'The certificate is for another name',
    entry: 'certificate-name-mismatch',
    server: (c) => tlsServer(c, { ...leaf(c, 'wrong-name'), logLevel: 'warn ssl:info' }),
    clients: [curl(), sClient({ args: ['-verify_hostname', 'www.example.test'] }), node(), chrome()],
    expect: { 'server-log': { uninformative: 'the client checks the name after the handshake and just closes; the server sees only a connection that ended' } },
    fix: { description: "The entry's fix: a certificate whose subjectAltName lists every name of the vhost.", from: 'entry-snippet', check: { entry: true, expect: /does match certificate/ } },
  },
  {
    id: 'cn-only-certificate',
    title: 'The certificate names the host only in its CN',
    entry: 'certificate-name-mismatch',
    server: (c) => tlsServer(c, { ...leaf(c, 'cn-only'), logLevel: 'warn ssl:info' }),
    clients: [curl({ succeeds: 'OpenSSL still falls back to the CN when a certificate has no subjectAltName' }), node({ succeeds: 'Node still falls back to the CN when a certificate has no subjectAltName' }), chrome()],
    expect: { 'server-log': { uninformative: 'the client checks the name after the handshake and just closes; the server sees only a connection that ended' } },
    fix: { description: 'Reissue the certificate with a subjectAltName.', from: 'lab', server: good() },
  },
  {
    id: 'wildcard-too-deep',
    title: 'A wildcard certificate asked for a name two labels deep',
    entry: 'wildcard-certificate-scope',
    server: (c) => tlsServer(c, { ...leaf(c, 'wildcard'), logLevel: 'warn ssl:info' }),
    clients: [
      curl({ host: 'shop.www.example.test', expect: { entry: 'certificate-name-mismatch', because: "curl words a name one label too deep for a wildcard like any other name the certificate does not cover" } }),
      node({ host: 'shop.www.example.test' }),
      chrome({ host: 'shop.www.example.test', expect: { entry: 'certificate-name-mismatch', because: 'Chromium gives ERR_CERT_COMMON_NAME_INVALID for every uncovered name' } }),
    ],
    expect: { 'server-log': { uninformative: 'the client checks the name after the handshake and just closes; the server sees only a connection that ended' } },
    fix: { description: 'Add the deeper name to the certificate, or use a name one label under the wildcard.', from: 'lab', clients: [curl({ host: 'shop.example.test' }), node({ host: 'shop.example.test' }), chrome({ host: 'shop.example.test' })] },
  },
  {
    id: 'self-signed-certificate',
    title: 'A self-signed certificate',
    entry: 'self-signed-or-private-ca-not-trusted',
    server: (c) => tlsServer(c, { cert: c.pki.leaf['self-signed']!.cert, key: c.pki.leaf['self-signed']!.key, logLevel: 'warn ssl:info' }),
    clients: all(),
    expect: { 'server-log': { entry: 'incomplete-certificate-chain', because: 'the client sends the same alert (unknown ca) for a missing intermediate, a self-signed certificate and a private CA; only the server configuration tells them apart' } },
    fix: { description: 'Use a certificate from a CA the clients trust.', from: 'lab', server: good() },
  },
  {
    id: 'private-ca-not-trusted',
    title: 'A certificate from a private CA the client does not trust',
    entry: 'self-signed-or-private-ca-not-trusted',
    server: (c) => tlsServer(c, { ...leaf(c, 'private'), chain: undefined, logLevel: 'warn ssl:info' }),
    clients: all({ trust: 'system' }),
    expect: {
      curl: { entry: 'incomplete-certificate-chain', because: 'curl says "unable to get local issuer certificate" both when the server leaves out the intermediate and when the client lacks the root' },
      s_client: { entry: 'incomplete-certificate-chain', because: 's_client reports verify error 20/21 for a private root exactly as for a missing intermediate' },
      node: { entry: 'incomplete-certificate-chain', because: 'Node reports UNABLE_TO_VERIFY_LEAF_SIGNATURE for a private root exactly as for a missing intermediate' },
      'server-log': { entry: 'incomplete-certificate-chain', because: 'the client sends the same alert (unknown ca) for a missing intermediate, a self-signed certificate and a private CA; only the server configuration tells them apart' },
    },
    fix: { description: 'Give the clients the private root (curl --cacert, NODE_EXTRA_CA_CERTS, the system store).', from: 'lab', clients: [curl({ trust: 'private' }), sClient({ trust: 'private' }), node({ trust: 'private' })] },
  },
  // ── Keys and files ─────────────────────────────────────────────────────────
  {
    id: 'key-does-not-match',
    title: 'The private key belongs to another certificate',
    entry: 'key-matches-certificate',
    startFails: true,
    server: (c) => tlsServer(c, { key: c.pki.files['mismatched-key'] }),
    clients: [],
    fix: { description: "The entry's fix: the key that belongs to the certificate.", from: 'entry-snippet', clients: [curl()], check: { entry: true, expect: /[0-9a-f]{64}/ } },
  },
  {
    id: 'encrypted-key-no-dialog',
    title: 'An encrypted key with no terminal to ask the pass phrase',
    entry: 'passphrase-prompt-at-startup',
    startFails: true,
    prepare: (c) => {
      fs.writeFileSync(`${c.dir}/passphrase.sh`, '#!/bin/sh\necho lab-secret\n');
      fs.chmodSync(`${c.dir}/passphrase.sh`, 0o755);
    },
    server: (c) => tlsServer(c, { key: c.pki.files['encrypted-key'] }),
    clients: [],
    fix: { description: 'Remove the pass phrase from the key, or give httpd an SSLPassPhraseDialog exec: program.', from: 'lab', server: (c) => tlsServer(c, { global: [`SSLPassPhraseDialog exec:${c.dir}/passphrase.sh`], key: c.pki.files['encrypted-key'] }), clients: [curl()] },
  },
  {
    id: 'certificate-file-missing',
    title: 'SSLCertificateFile names a file that does not exist',
    entry: 'certificate-file-permissions',
    startFails: true,
    server: (c) => tlsServer(c, { cert: `${c.pki.dir}/www.example.test.pem` }),
    clients: [],
    fix: { description: "The entry's fix: the directives name files that exist and that httpd can read.", from: 'entry-snippet', clients: [curl()] },
  },
  {
    id: 'key-file-unreadable',
    title: 'httpd cannot read the key file',
    entry: 'certificate-file-permissions',
    startFails: true,
    // Owned by root, mode 600: the server user (nobody in the lab) cannot open it.
    prepare: (c) => {
      fs.copyFileSync(c.pki.leaf.good!.key, `${c.dir}/unreadable.key`);
      fs.chmodSync(`${c.dir}/unreadable.key`, 0o600);
    },
    server: (c) => tlsServer(c, { key: `${c.dir}/unreadable.key` }),
    clients: [],
    fix: { description: "The entry's fix: the directives name files that exist and that httpd can read.", from: 'entry-snippet', clients: [curl()] },
  },
  {
    id: 'certificate-in-der',
    title: 'The certificate file is DER, not PEM',
    entry: 'wrong-certificate-file-or-format',
    startFails: true,
    server: (c) => tlsServer(c, { cert: c.pki.files.der }),
    clients: [],
    fix: { description: 'Convert it: openssl x509 -inform DER -in cert.der -out cert.pem.', from: 'lab', server: good(), clients: [curl()], check: { command: 'openssl x509 -inform DER -in {PKI}/good.der -noout -subject', expect: /subject=/ } },
  },
  {
    id: 'certificate-and-key-swapped',
    title: 'Certificate and key directives point at each other\'s files',
    entry: 'wrong-certificate-file-or-format',
    startFails: true,
    server: (c) => tlsServer(c, { cert: c.pki.leaf.good!.key, key: c.pki.files.fullchain }),
    clients: [],
    fix: { description: 'SSLCertificateFile takes the certificate, SSLCertificateKeyFile the key.', from: 'lab', server: good(), clients: [curl()] },
  },
  {
    id: 'no-certificate',
    title: 'SSLEngine on with no certificate',
    entry: 'no-certificate-configured',
    startFails: true,
    server: (c) => {
      const conf = tlsServer(c);
      return { ...conf, body: conf.body.split('\n').filter((l) => !/SSLCertificate(Key)?File/.test(l)).join('\n') };
    },
    clients: [],
    fix: { description: "The entry's fix: SSLCertificateFile and SSLCertificateKeyFile in the vhost.", from: 'entry-snippet', clients: [curl()] },
  },
  {
    id: 'key-too-small',
    title: 'A 1024-bit RSA key under OpenSSL 3',
    entry: 'openssl-3-security-level',
    startFails: true,
    server: (c) => tlsServer(c, leaf(c, 'weak-1024')),
    clients: [],
    fix: { description: 'Issue a 2048-bit (or larger) key and certificate.', from: 'lab', server: good(), clients: [curl()], check: { command: 'openssl x509 -in {PKI}/good.pem -noout -text | grep "Public-Key"', expect: /2048 bit/ } },
  },
  // ── Protocol and ciphers ───────────────────────────────────────────────────
  {
    id: 'tls10-client-openssl3',
    title: 'A TLS 1.0 client against OpenSSL 3 at security level 2',
    entry: 'openssl-3-security-level',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: ['SSLProtocol all'] }),
    clients: [curl({ args: ['--tlsv1.0', '--tls-max', '1.0'] }), sClient({ args: ['-tls1'] })],
    // Lowering the server's level (SSLCipherSuite DEFAULT:@SECLEVEL=0) was tried here and is not a
    // fix: the client's own OpenSSL 3 then refuses with "legacy sigalg disallowed or unsupported".
    fix: {
      description: 'Retire TLS 1.0: a client on TLS 1.2 or 1.3 connects. Lowering the server to @SECLEVEL=0 is not enough, because the client\'s own OpenSSL 3 then refuses the SHA-1 signature ("legacy sigalg disallowed or unsupported").',
      from: 'lab',
      clients: [curl(), sClient()],
    },
  },
  {
    id: 'protocol-client-too-old',
    title: 'The server allows only TLS 1.3; the client stops at TLS 1.2',
    entry: 'protocol-version-mismatch',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: ['SSLProtocol -all +TLSv1.3'] }),
    clients: [curl({ args: ['--tls-max', '1.2'] }), sClient({ args: ['-tls1_2'] }), node({ node: { maxVersion: 'TLSv1.2' } })],
    fix: { description: "The entry's fix: TLS 1.2 and 1.3.", from: 'entry-snippet' },
  },
  {
    id: 'protocol-server-too-old',
    title: 'The server allows only TLS 1.2; the client insists on TLS 1.3',
    entry: 'protocol-version-mismatch',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: ['SSLProtocol -all +TLSv1.2'] }),
    clients: [curl({ args: ['--tlsv1.3'] }), sClient({ args: ['-tls1_3'] }), node({ node: { minVersion: 'TLSv1.3' } })],
    fix: { description: "The entry's fix: TLS 1.2 and 1.3.", from: 'entry-snippet' },
  },
  {
    id: 'no-shared-cipher',
    title: 'No cipher suite both sides accept (TLS 1.2)',
    entry: 'no-shared-cipher',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: ['SSLProtocol -all +TLSv1.2', 'SSLCipherSuite ECDHE-RSA-AES256-GCM-SHA384'] }),
    clients: [curl({ args: ['--tls-max', '1.2', '--ciphers', 'ECDHE-RSA-AES128-GCM-SHA256'] }), sClient({ args: ['-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256'] }), node({ node: { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' } })],
    fix: { description: "The entry's fix: a modern cipher list (ECDHE and DHE with AES-GCM or ChaCha20).", from: 'entry-snippet', check: { entry: true, expect: /CONNECTION ESTABLISHED/ } },
  },
  // ── Client certificates ────────────────────────────────────────────────────
  {
    id: 'client-cert-not-sent',
    title: 'A client certificate is required and the client sends none',
    entry: 'client-certificate-verification-failed',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: [clientCa(c), 'SSLVerifyClient require'] }),
    clients: [curl(), sClient(), node(), chrome({ expect: { uninformative: 'Chromium, holding no certificate, reports only ERR_SOCKET_NOT_CONNECTED under TLS 1.3' } })],
    fix: { description: 'Give the client its certificate and key.', from: 'lab', clients: [curl({ cert: 'client' }), sClient({ cert: 'client' }), node({ cert: 'client' })] },
  },
  {
    id: 'client-cert-unknown-ca',
    title: 'The client certificate comes from a CA the server does not know',
    entry: 'client-certificate-verification-failed',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: [clientCa(c), 'SSLVerifyClient require'] }),
    clients: [curl({ cert: 'client-other-ca' }), sClient({ cert: 'client-other-ca' }), node({ cert: 'client-other-ca' })],
    fix: { description: 'Issue the client certificate from the CA named in SSLCACertificateFile (or add its CA there).', from: 'lab', clients: [curl({ cert: 'client' }), sClient({ cert: 'client' }), node({ cert: 'client' })] },
  },
  {
    id: 'client-cert-expired',
    title: 'The client certificate has expired',
    entry: 'client-certificate-verification-failed',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: [clientCa(c), 'SSLVerifyClient require'] }),
    clients: [curl({ cert: 'client-expired' }), sClient({ cert: 'client-expired' }), node({ cert: 'client-expired' })],
    fix: { description: 'Renew the client certificate.', from: 'lab', clients: [curl({ cert: 'client' }), sClient({ cert: 'client' }), node({ cert: 'client' })] },
  },
  {
    id: 'client-verify-depth-too-small',
    title: 'SSLVerifyDepth 0 refuses a CA-issued client certificate',
    entry: 'client-certificate-chain-too-long',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: [clientCa(c), 'SSLVerifyClient require', 'SSLVerifyDepth 0'] }),
    clients: [curl({ cert: 'client' }), sClient({ cert: 'client' }), node({ cert: 'client' })],
    expect: Object.fromEntries((['curl', 's_client', 'node'] as const).map((k) => [k, { uninformative: 'the server answers with a bare internal_error alert (80); only its own log (AH02040) says why' }])),
    fix: { description: "The entry's fix: SSLVerifyDepth as long as the client chain.", from: 'entry-snippet' },
  },
  {
    id: 'verify-client-without-ca',
    title: 'SSLVerifyClient require with no CA to verify against',
    entry: 'no-ca-for-client-verification',
    startupLog: true,
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: ['SSLVerifyClient require'] }),
    clients: [curl({ cert: 'client' }), sClient({ cert: 'client' }), node({ cert: 'client' })],
    expect: Object.fromEntries(
      (['curl', 's_client', 'node', 'server-log'] as const).map((k) => [k, { entry: 'client-certificate-verification-failed', because: 'a server with no CA list refuses every client certificate with the same alert and AH02276 line as one with the wrong CA; only the start-up warning AH01897 tells' }]),
    ),
    fix: { description: 'Name the CA that issues client certificates: SSLCACertificateFile.', from: 'lab', server: (c) => tlsServer(c, { extra: [clientCa(c), 'SSLVerifyClient require'] }), clients: [curl({ cert: 'client' })] },
  },
  // ── Per-location client certificates: renegotiation and post-handshake auth ─
  {
    id: 'per-location-verify-tls12',
    title: 'Per-location SSLVerifyClient under TLS 1.2: a renegotiation',
    entry: 'per-directory-client-certificate-renegotiation',
    server: (c) => perLocation(c, { tls: '1.2', logLevel: 'warn ssl:info' }),
    clients: [
      curl({ path: '/secure/', cert: 'client', succeeds: reneg }),
      sClient({ path: '/secure/', cert: 'client', succeeds: reneg }),
      node({ path: '/secure/', cert: 'client', succeeds: reneg }),
      curl({ path: '/secure/' }),
      chrome({ path: '/secure/', expect: { entry: 'client-certificate-verification-failed', because: 'Chromium gives ERR_BAD_SSL_CLIENT_AUTH_CERT whenever a server asks for a certificate it cannot give, whatever the configuration' } }),
    ],
    fix: { description: "The entry's fix: SSLVerifyClient optional for the whole vhost (asked at the handshake), Require ssl-verify-client in the location.", from: 'entry-snippet', clients: [curl({ path: '/secure/', cert: 'client' }), sClient({ path: '/secure/', cert: 'client' }), node({ path: '/secure/', cert: 'client' })], check: verifyCheck },
  },
  {
    id: 'per-location-verify-tls13',
    title: 'Per-location SSLVerifyClient under TLS 1.3: post-handshake auth',
    entry: 'tls13-post-handshake-auth',
    server: (c) => perLocation(c, { tls: '1.3', logLevel: 'warn ssl:info' }),
    clients: [curl({ path: '/secure/', expect: { entry: 'client-certificate-verification-failed', because: 'curl and s_client print the same alert 116 (certificate required) whether the certificate was wanted at the handshake or after it' } }), sClient({ path: '/secure/', cert: 'client' }), node({ path: '/secure/', cert: 'client' }), chrome({ path: '/secure/' })],
    fix: { description: 'Ask for the certificate at the handshake for the whole vhost.', from: 'lab', server: (c) => wholeVhost(c, '1.3'), clients: [curl({ path: '/secure/', cert: 'client' }), sClient({ path: '/secure/', cert: 'client' }), node({ path: '/secure/', cert: 'client' })], check: verifyCheck },
  },
  {
    id: 'per-location-verify-tls13-pha',
    title: 'Per-location SSLVerifyClient under TLS 1.3 with post-handshake auth offered',
    entry: 'tls13-post-handshake-auth',
    server: (c) => perLocation(c, { tls: '1.3', logLevel: 'warn ssl:info' }),
    clients: [
      curl({ path: '/secure/', expect: { entry: 'client-certificate-verification-failed', because: 'curl and s_client print the same alert 116 (certificate required) whether the certificate was wanted at the handshake or after it' } }),
      sClient({ path: '/secure/', args: ['-enable_pha'], expect: { entry: 'client-certificate-verification-failed', because: 'curl and s_client print the same alert 116 (certificate required) whether the certificate was wanted at the handshake or after it' } }),
    ],
    fix: { description: 'Send the client certificate (post-handshake auth then succeeds).', from: 'lab', clients: [curl({ path: '/secure/', cert: 'client' }), sClient({ path: '/secure/', cert: 'client', args: ['-enable_pha'] })] },
  },
  {
    id: 'renegotiation-buffer-413',
    title: 'A large POST to a location that renegotiates',
    entry: 'renegotiation-buffer-413',
    server: (c) => perLocation(c, { tls: '1.2', logLevel: 'warn ssl:info' }),
    clients: [curl({ path: '/secure/', cert: 'client', body: 200_000 })],
    fix: { description: 'Raise SSLRenegBufferSize in the location (or ask for the certificate at the handshake).', from: 'lab', server: (c) => perLocation(c, { tls: '1.2', inLocation: ['SSLRenegBufferSize 1048576'] }) },
  },
  // ── HTTP/2 ─────────────────────────────────────────────────────────────────
  {
    id: 'http2-weak-cipher',
    title: 'HTTP/2 negotiated over a cipher HTTP/2 forbids',
    entry: 'http2-inadequate-security',
    server: (c) => tlsServer(c, { logLevel: 'warn http2:info', modules: ['http2'], extra: ['Protocols h2 http/1.1', 'SSLProtocol -all +TLSv1.2', 'SSLCipherSuite AES128-SHA'] }),
    clients: [curl({ args: ['--http2'], succeeds: 'httpd 2.4.71 (mod_http2 2.0.42) serves HTTP/2 over this cipher; only browsers refuse it' }), chrome()],
    expect: { 'server-log': { uninformative: 'httpd accepts the connection and logs nothing' } },
    fix: { description: "The entry's fix: AEAD suites only (and TLS 1.2+).", from: 'entry-snippet', check: { entry: true, expect: /ALPN protocol: h2/ } },
  },
  {
    id: 'http2-per-location-client-cert',
    title: 'HTTP/2 with a per-location client certificate',
    entry: 'http2-client-certificate-http-1-1-required',
    server: (c) => perLocation(c, { tls: '1.2', h2: true, logLevel: 'warn http2:debug ssl:info' }),
    expect: {
      'server-log': {
        entry: 'per-directory-client-certificate-renegotiation',
        because: 'after HTTP/2 refuses (AH10399, at debug only), clients retry over HTTP/1.1 and the log ends with the renegotiation failing; the renegotiation entry explains both and links the HTTP/2 one',
      },
    },
    clients: [curl({ path: '/secure/', cert: 'client', args: ['--http2', '-v'], succeeds: 'curl retries over HTTP/1.1 and renegotiates; -v shows the HTTP/2 refusal', expect: {} }), chrome({ path: '/secure/', expect: { entry: 'client-certificate-verification-failed', because: 'Chromium gives ERR_BAD_SSL_CLIENT_AUTH_CERT whenever a server asks for a certificate it cannot give, whatever the configuration' } })],
    fix: { description: 'Ask for the certificate at the handshake for the whole vhost.', from: 'lab', server: (c) => wholeVhost(c, '1.2', true), clients: [curl({ path: '/secure/', cert: 'client', args: ['--http2'] })], check: verifyCheck },
  },
  // ── Names, SNI and virtual hosts ───────────────────────────────────────────
  {
    id: 'sni-host-mismatch-421',
    title: 'SNI names one vhost, the Host header another',
    entry: 'misdirected-request-421-sni-host-mismatch',
    server: (c) => {
      const conf = tlsServer(c, { logLevel: 'warn ssl:info' });
      return withOtherVhost(conf, c, { extra: ['SSLProtocol -all +TLSv1.3'] });
    },
    clients: [curl({ args: ['-H', 'Host: other.example.test'] }), node({ node: { headers: { Host: 'other.example.test' } } })],
    fix: { description: 'Send the same name in SNI and Host (or give both vhosts the same TLS settings).', from: 'lab', clients: [curl({ host: 'other.example.test' }), node({ host: 'other.example.test' })] },
  },
  {
    id: 'no-sni-strict',
    title: 'A client without SNI meets SSLStrictSNIVHostCheck on',
    entry: 'sni-default-vhost-wrong-certificate',
    server: (c) => {
      const conf = tlsServer(c, { logLevel: 'warn ssl:info', global: ['SSLStrictSNIVHostCheck on'] });
      return withOtherVhost(conf, c);
    },
    clients: [sClient({ noSni: true, args: ['-verify_hostname', 'www.example.test'] }), curl({ noSni: true, args: ['-k'] })],
    fix: { description: 'Make the client send SNI (use the name, not the IP address).', from: 'lab', clients: [sClient(), curl()] },
  },
  {
    id: 'no-sni-default-certificate',
    title: 'A client without SNI asks for the second vhost: the first vhost\'s certificate, then a 421',
    entry: 'misdirected-request-421-sni-host-mismatch',
    server: (c) => {
      const conf = tlsServer(c, { logLevel: 'warn ssl:info' });
      return withOtherVhost(conf, c);
    },
    clients: [sClient({ host: 'other.example.test', noSni: true, args: ['-verify_hostname', 'other.example.test'] }), curl({ host: 'other.example.test', noSni: true, args: ['-H', 'Host: other.example.test'], expect: { entry: 'certificate-name-mismatch', because: 'connecting by IP address, curl sends no SNI and reports only that the certificate does not name 127.0.0.1' } })],
    fix: { description: 'Send SNI (every current client does when it connects by name).', from: 'lab', clients: [sClient({ host: 'other.example.test' }), curl({ host: 'other.example.test' })] },
  },
  // ── Reverse proxy to an https:// backend ───────────────────────────────────
  {
    id: 'proxy-backend-not-verified',
    title: 'The proxy cannot verify the backend certificate (an internal CA)',
    entry: 'proxy-backend-certificate-verification',
    backend: (c) => backendServer(c, { cert: c.pki.leaf.private!.cert, key: c.pki.leaf.private!.key }),
    server: (c) => proxyServer(c, ['SSLProxyEngine on', 'SSLProxyVerify require', `SSLProxyCACertificateFile ${c.pki.root}`, 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`], { logLevel: 'warn ssl:info proxy:info' }),
    clients: [curl({ expect: { uninformative: 'a bare 500 Proxy Error page; the front log says why' } }), chrome({ expect: { uninformative: 'a bare 500 Proxy Error page; the front log says why' } })],
    expect: { 'backend-log': { entry: 'incomplete-certificate-chain', because: 'the backend sees only a client refusing its certificate with unknown ca, as it would from a browser; that the client is the proxy shows in the front log' } },
    fix: { description: 'Give the proxy the CA that issued the backend certificate: SSLProxyCACertificateFile.', from: 'lab', server: (c) => proxyServer(c, ['SSLProxyEngine on', 'SSLProxyVerify require', `SSLProxyCACertificateFile ${c.pki.privateRoot}`, 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`]) },
  },
  {
    id: 'proxy-verify-depth',
    title: 'SSLProxyVerifyDepth too small for the backend chain',
    entry: 'proxy-backend-certificate-verification',
    backend: (c) => backendServer(c),
    server: (c) => proxyServer(c, ['SSLProxyEngine on', 'SSLProxyVerify require', 'SSLProxyVerifyDepth 0', `SSLProxyCACertificateFile ${c.pki.root}`, 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`], { logLevel: 'warn ssl:info proxy:info' }),
    clients: [curl({ expect: { uninformative: 'a bare 500 Proxy Error page; the front log says why' } })],
    expect: { 'backend-log': { uninformative: 'the backend gets a bare internal_error alert from the proxy' } },
    fix: { description: 'Raise SSLProxyVerifyDepth to the backend chain length.', from: 'lab', server: (c) => proxyServer(c, ['SSLProxyEngine on', 'SSLProxyVerify require', 'SSLProxyVerifyDepth 2', `SSLProxyCACertificateFile ${c.pki.root}`, 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`]) },
  },
  {
    id: 'proxy-backend-needs-sni',
    title: 'The backend requires SNI and the proxy connects by IP address',
    entry: 'proxy-backend-sni',
    backend: (c) => backendServer(c, { strictSni: true }),
    server: (c) => proxyServer(c, ['SSLProxyEngine on', 'SSLProxyCheckPeerName off', `ProxyPass / ${backendUrl(c)}`], { logLevel: 'warn ssl:info proxy:info' }),
    clients: [curl({ expect: { entry: 'sni-default-vhost-wrong-certificate', because: "the 403 page is the backend's own no-SNI page, relayed: nothing in it shows a proxy in between" } })],
    expect: {
      'server-log': { uninformative: 'the proxy relays the 403 and logs only the connections it opened' },
      'backend-log': { entry: 'sni-default-vhost-wrong-certificate', because: 'the backend sees a client without SNI (AH02033); that the client is a proxy shows only in the front configuration' },
    },
    fix: { description: 'Send the site name to the backend (ProxyPreserveHost on, or a name in the ProxyPass URL), so that SNI is sent; check the peer name again.', from: 'lab', server: (c) => proxyServer(c, ['SSLProxyEngine on', 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`]) },
  },
  {
    id: 'proxy-sslproxyengine-off',
    title: 'An https:// backend without SSLProxyEngine on',
    entry: 'proxy-https-backend-sslproxyengine',
    backend: (c) => backendServer(c),
    server: (c) => proxyServer(c, ['ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`], { logLevel: 'warn' }),
    clients: [curl({ expect: { uninformative: 'a bare 500 page says nothing of its cause' } }), chrome({ expect: { uninformative: 'a bare 500 page says nothing of its cause' } })],
    expect: { 'backend-log': { uninformative: 'the backend sees connections closed before any handshake' } },
    fix: { description: 'SSLProxyEngine on in the vhost that proxies.', from: 'lab', server: (c) => proxyServer(c, ['SSLProxyEngine on', 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`]) },
  },
  {
    id: 'redirect-loop-behind-proxy',
    title: 'A backend that redirects to https:// behind a TLS-terminating proxy',
    entry: 'redirect-loop-behind-tls-proxy',
    backend: (c) => ({
      logLevel: 'warn',
      ssl: false,
      body: [`Listen 127.0.0.1:${c.ports.backend}`, `<VirtualHost *:${c.ports.backend}>`, '    ServerName www.example.test', '    RewriteEngine on', '    RewriteCond %{HTTPS} !=on', '    RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]', '</VirtualHost>'].join('\n'),
    }),
    server: (c) => proxyServer(c, ['ProxyPreserveHost on', `ProxyPass / http://127.0.0.1:${c.ports.backend}/`], { logLevel: 'warn' }),
    clients: [curl({ follow: true }), chrome()],
    expect: { 'server-log': { uninformative: 'neither httpd logs anything: every request is answered with a 301' } },
    fix: {
      description: 'The proxy tells the backend the original scheme (RequestHeader set X-Forwarded-Proto https) and the backend redirects only when it is not https.',
      from: 'lab',
      server: (c) => proxyServer(c, ['ProxyPreserveHost on', 'RequestHeader set X-Forwarded-Proto https', `ProxyPass / http://127.0.0.1:${c.ports.backend}/`]),
      backend: (c) => ({
        logLevel: 'warn',
        ssl: false,
        body: [`Listen 127.0.0.1:${c.ports.backend}`, `<VirtualHost *:${c.ports.backend}>`, '    ServerName www.example.test', '    RewriteEngine on', '    RewriteCond %{HTTPS} !=on', '    RewriteCond %{HTTP:X-Forwarded-Proto} !=https', '    RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]', '</VirtualHost>'].join('\n'),
      }),
    },
  },
  // ── OCSP stapling ──────────────────────────────────────────────────────────
  {
    id: 'stapling-no-ocsp-url',
    title: 'OCSP stapling on, and the certificate names no OCSP responder',
    entry: 'lets-encrypt-ocsp-end-must-staple',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', global: [`SSLStaplingCache shmcb:${c.dir}/server/logs/stapling(32768)`], extra: ['SSLUseStapling on'] }),
    startupLog: true,
    clients: [sClient({ args: ['-status'], succeeds: 'the handshake works without a stapled response' })],
    fix: { description: "The entry's fix: SSLUseStapling off for a certificate with no OCSP URL.", from: 'entry-snippet', clients: [curl()] },
  },
  {
    id: 'stapling-responder-down',
    title: 'OCSP stapling with a responder that does not answer',
    entry: 'ocsp-stapling-errors',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', global: [`SSLStaplingCache shmcb:${c.dir}/server/logs/stapling(32768)`], extra: ['SSLUseStapling on', `SSLStaplingForceURL http://127.0.0.1:${c.ports.front}/`, 'SSLStaplingResponderTimeout 2'] }),
    clients: [sClient({ args: ['-status'], succeeds: 'the handshake works without a stapled response' }), curl({ succeeds: 'curl does not ask for a stapled response' })],
    fix: { description: 'Point stapling at a responder that answers, or turn it off.', from: 'lab', server: good() },
  },
  // ── Start-up ───────────────────────────────────────────────────────────────
  {
    id: 'openssl-older-than-build',
    title: 'mod_ssl built against a newer OpenSSL than the one loaded',
    entry: 'mod-ssl-openssl-version-mismatch',
    machineNoise: 'keep',
    onlyIf: /AH01882/,
    startupLog: true,
    server: (c) => tlsServer(c, { logLevel: 'warn' }),
    clients: [curl({ succeeds: 'httpd keeps running; the warning is the only sign' })],
  },
  {
    id: 'mod-ssl-not-loaded',
    title: 'SSL directives without mod_ssl loaded',
    entry: 'invalid-command-sslengine-module-not-loaded',
    startFails: true,
    server: (c) => tlsServer(c, { ssl: false }),
    clients: [],
    fix: { description: 'Load mod_ssl (a2enmod ssl on Debian).', from: 'lab', server: good(), clients: [curl()] },
  },
  {
    id: 'port-already-in-use',
    title: 'The TLS port is already taken by another program',
    entry: 'startup-configuration-errors',
    startFails: true,
    occupy: 'tls',
    server: (c) => tlsServer(c),
    clients: [],
    fix: { description: 'Stop the other program, or Listen on a free port.', from: 'lab', server: good(), clients: [curl()] },
  },
  {
    id: 'session-cache-not-configured',
    title: 'No SSLSessionCache',
    entry: 'session-cache-not-configured',
    startupLog: true,
    server: (c) => tlsServer(c, { logLevel: 'warn' }),
    clients: [curl({ succeeds: 'the site works; only session resumption is missing' })],
    fix: { description: "The entry's fix: a shared-memory session cache.", from: 'entry-snippet' },
  },
  // ── More of what administrators meet ───────────────────────────────────────
  {
    id: 'sni-unknown-name',
    title: 'A client asks for a name no vhost serves: no unrecognized_name alert, the first vhost answers',
    entry: 'sni-default-vhost-wrong-certificate',
    server: (c) => {
      const conf = tlsServer(c, { logLevel: 'warn ssl:debug', global: ['SSLStrictSNIVHostCheck on'] });
      return withOtherVhost(conf, c, { chain: false });
    },
    clients: [
      curl({ host: 'shop.example.test', expect: { entry: 'certificate-name-mismatch', because: 'the client sees only a certificate for another name; httpd sent no unrecognized_name alert (AH02044 at debug is the only trace)' } }),
      sClient({ host: 'shop.example.test', succeeds: 's_client does not check names: it shows httpd answering with the first vhost and no alert' }),
      node({ host: 'shop.example.test', expect: { entry: 'certificate-name-mismatch', because: 'Node sees only a certificate for another name' } }),
    ],
    fix: { description: 'Serve the name: a ServerAlias on the vhost whose certificate covers it (or a certificate that does).', from: 'lab', clients: [curl(), sClient(), node()] },
  },
  {
    id: 'dh-parameters-1024',
    title: 'A 1024-bit Diffie-Hellman group, refused by OpenSSL 3 at start-up',
    entry: 'dh-parameters-too-small',
    startFails: true,
    server: (c) => tlsServer(c, { logLevel: 'warn', extra: ['SSLProtocol -all +TLSv1.2', 'SSLCipherSuite DHE-RSA-AES128-GCM-SHA256', `SSLOpenSSLConfCmd DHParameters "${c.pki.files.dh1024}"`] }),
    clients: [],
    fix: { description: 'Drop the 1024-bit group: without DHParameters OpenSSL picks a 2048-bit one; prefer ECDHE.', from: 'lab', server: (c) => tlsServer(c, { extra: ['SSLProtocol -all +TLSv1.2', 'SSLCipherSuite ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256'] }), clients: [curl(), sClient({ args: ['-tls1_2', '-cipher', 'DHE-RSA-AES128-GCM-SHA256'] })] },
  },
  {
    id: 'client-cert-1024-bit',
    title: 'A client certificate with a 1024-bit key, refused by OpenSSL 3',
    entry: 'client-auth-fails-after-upgrade',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: [clientCa(c), 'SSLVerifyClient require'] }),
    expect: {
      'server-log': {
        entry: 'client-certificate-verification-failed',
        because: 'AH02276 is the general client-certificate failure and its owner comes first; the reason inside it (error 66, EE certificate key too weak) puts this entry second',
      },
    },
    clients: [
      curl({ cert: 'client-weak', expect: { entry: 'openssl-3-security-level', because: "curl's own OpenSSL 3 refuses to load a 1024-bit key before it connects: a client-side security level" } }),
      sClient({ cert: 'client-weak', expect: { entry: 'openssl-3-security-level', because: 'the s_client of OpenSSL 3 refuses the 1024-bit key itself' } }),
      node({ cert: 'client-weak', expect: { entry: 'client-certificate-verification-failed', because: "Node sends the key; the server's refusal reaches it as a bare alert 42 (bad certificate), as for any refused client certificate" } }),
    ],
    fix: { description: 'Reissue the client certificate with a 2048-bit (or EC) key.', from: 'lab', clients: [curl({ cert: 'client' }), sClient({ cert: 'client' }), node({ cert: 'client' })] },
  },
  {
    id: 'proxy-backend-wants-client-cert',
    title: 'The backend asks the proxy for a client certificate',
    entry: 'proxy-backend-client-certificate',
    backend: (c) => {
      const b = backendServer(c);
      return { ...b, body: b.body.replace('    SSLEngine on', `    SSLEngine on\n    SSLVerifyClient require\n    SSLCACertificateFile ${c.pki.clientCa}`) };
    },
    server: (c) => proxyServer(c, ['SSLProxyEngine on', `SSLProxyCACertificateFile ${c.pki.root}`, 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`], { logLevel: 'warn ssl:info proxy:info' }),
    clients: [curl({ expect: { uninformative: 'a bare 500 Proxy Error page; the logs say why' } })],
    expect: { 'backend-log': { entry: 'client-certificate-verification-failed', because: 'the backend sees a client that sent no certificate; that this client is the proxy shows only in the front log (AH02268)' } },
    fix: { description: 'Give the proxy a client certificate: SSLProxyMachineCertificateFile (certificate and key in one PEM file).', from: 'lab', server: (c) => proxyServer(c, ['SSLProxyEngine on', `SSLProxyCACertificateFile ${c.pki.root}`, `SSLProxyMachineCertificateFile ${c.pki.files['client-bundle']}`, 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`]) },
  },
  {
    id: 'ocsp-responder-unreachable',
    title: 'Client certificates checked by OCSP, and the responder cannot be reached',
    entry: 'ocsp-responder-errors',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info', extra: [clientCa(c), 'SSLVerifyClient require', 'SSLOCSPEnable leaf', `SSLOCSPDefaultResponder http://127.0.0.1:${c.ports.front}/`, 'SSLOCSPOverrideResponder on', 'SSLOCSPResponderTimeout 2'] }),
    clients: [curl({ cert: 'client' }), sClient({ cert: 'client' }), node({ cert: 'client' })],
    expect: Object.fromEntries((['curl', 's_client', 'node'] as const).map((k) => [k, { uninformative: 'the client gets a bare handshake_failure alert (40); only the server log names the OCSP responder' }])),
    fix: { description: 'Point SSLOCSPDefaultResponder at a responder that answers, or turn SSLOCSPEnable off until it does.', from: 'lab', server: (c) => tlsServer(c, { extra: [clientCa(c), 'SSLVerifyClient require'] }), clients: [curl({ cert: 'client' }), sClient({ cert: 'client' }), node({ cert: 'client' })] },
  },
  {
    id: 'mixed-content-script',
    title: 'An https:// page loads its script over http://',
    entry: 'mixed-content',
    prepare: (c) => {
      fs.writeFileSync(`${c.dir}/server/htdocs/app.js`, 'document.title = "loaded";\n');
      fs.writeFileSync(`${c.dir}/server/htdocs/mixed.html`, `<!doctype html><title>shop</title><p>shop</p><script src="http://${HOST}:${c.ports.plain}/app.js"></script>\n`);
      fs.writeFileSync(`${c.dir}/server/htdocs/fixed.html`, '<!doctype html><title>shop</title><p>shop</p><script src="/app.js"></script>\n');
    },
    server: (c) => tlsServer(c, { logLevel: 'warn' }),
    clients: [chrome({ path: '/mixed.html', console: true })],
    expect: { 'server-log': { uninformative: 'the server serves both requests without complaint' } },
    fix: { description: 'Load the script with a relative or https:// URL.', from: 'lab', clients: [chrome({ path: '/fixed.html', console: true })] },
  },
  {
    id: 'mod-md-no-certificate-yet',
    title: 'mod_md has not obtained a certificate yet (the ACME server is unreachable)',
    entry: 'mod-md-fallback-certificate',
    startupLog: true,
    prepare: (c) => {
      fs.mkdirSync(`${c.dir}/server/md`, { recursive: true });
      fs.chmodSync(`${c.dir}/server/md`, 0o777); // the server user writes its store there
    },
    server: (c) => {
      const conf = tlsServer(c, { logLevel: 'warn md:info', modules: ['md'], global: [`MDStoreDir ${c.dir}/server/md`, `MDCertificateAuthority http://127.0.0.1:${c.ports.front}/directory`, 'MDCertificateAgreement accepted', 'MDContactEmail admin@example.test', `MDomain ${HOST}`] });
      return { ...conf, body: conf.body.split('\n').filter((l) => !/SSLCertificate(Key)?File/.test(l)).join('\n') };
    },
    clients: [
      curl({ expect: { entry: 'self-signed-or-private-ca-not-trusted', because: "mod_md's temporary certificate is self-signed, and curl says only that" } }),
      curl({ args: ['-k'] }),
      chrome({ expect: { entry: 'self-signed-or-private-ca-not-trusted', because: 'Chromium says ERR_CERT_AUTHORITY_INVALID for the temporary certificate as for any untrusted one' } }),
    ],
    fix: { description: 'Until mod_md can reach its CA, give the vhost a certificate of its own (SSLCertificateFile/KeyFile) or fix the CA URL.', from: 'lab', server: (c) => tlsServer(c, {}), clients: [curl()] },
  },
  {
    id: 'removed-directive-sslmutex',
    title: 'An httpd 2.2 directive that 2.4 no longer has (SSLMutex)',
    entry: 'deprecated-ssl-directives',
    startFails: true,
    server: (c) => tlsServer(c, { global: ['SSLMutex default'] }),
    clients: [],
    fix: { description: 'Delete SSLMutex; in 2.4 the Mutex directive covers it (Mutex default is fine).', from: 'lab', server: good(), clients: [curl()] },
  },
  {
    id: 'vhost-ports-swapped',
    title: 'A TLS vhost on port 80 and a plain one on port 443',
    entry: 'ssl-vhost-port-warnings',
    startupLog: true,
    // The addresses are never listened on (the lab cannot bind ports below 1024): httpd checks
    // each vhost's port number at start-up all the same.
    server: (c) => {
      const conf = tlsServer(c, { logLevel: 'warn' });
      return { ...conf, body: `${conf.body}\n<VirtualHost 127.0.0.1:80>\n    ServerName www.example.test:80\n    SSLEngine on\n    SSLCertificateFile ${c.pki.files.fullchain}\n    SSLCertificateKeyFile ${c.pki.leaf.good!.key}\n</VirtualHost>\n<VirtualHost 127.0.0.1:443>\n    ServerName www.example.test:443\n</VirtualHost>` };
    },
    clients: [curl({ succeeds: 'the vhosts on the real ports work; the swapped ones would fail' })],
    fix: { description: 'SSLEngine on belongs in the :443 vhost; the :80 vhost speaks plain HTTP (and may redirect).', from: 'lab', server: good() },
  },
  {
    id: 'client-trust-store-outdated',
    title: "The client's CA bundle predates the server's root",
    entry: 'outdated-client-trust-store',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info' }),
    clients: [
      curl({ trust: 'outdated', expect: { entry: 'incomplete-certificate-chain', because: 'curl says "unable to get local issuer certificate" alike for a missing intermediate and a bundle without the root' } }),
      sClient({ trust: 'outdated' }),
      node({ trust: 'outdated' }),
    ],
    expect: { 'server-log': { entry: 'incomplete-certificate-chain', because: 'the server sees only the client refusing its chain with unknown ca' } },
    fix: { description: 'Update the client\'s CA bundle (ca-certificates, NODE_EXTRA_CA_CERTS, curl --cacert) so that it holds the root.', from: 'lab', clients: [curl(), sClient(), node()] },
  },
  {
    id: 'tls-inspection-proxy',
    title: 'A TLS-inspecting proxy between client and server, with a root the client does not trust',
    entry: 'tls-interception-middlebox',
    // The "middlebox": an httpd that presents its own certificate for the site and relays to the real server.
    backend: (c) => backendServer(c),
    server: (c) => {
      const conf = proxyServer(c, ['SSLProxyEngine on', `SSLProxyCACertificateFile ${c.pki.root}`, 'ProxyPreserveHost on', `ProxyPass / ${backendUrl(c)}`], { logLevel: 'warn ssl:info' });
      return { ...conf, body: conf.body.replace(c.pki.files.fullchain!, c.pki.leaf.intercepted!.cert).replace(c.pki.leaf.good!.key, c.pki.leaf.intercepted!.key) };
    },
    clients: [
      curl({ expect: { entry: 'incomplete-certificate-chain', because: 'curl reports only an issuer it cannot find; the issuer\'s name (in s_client) shows the inspection CA' } }),
      sClient({ expect: { entry: 'incomplete-certificate-chain', because: 's_client reports verify error 20; only the issuer line (the inspection CA) shows who signed' } }),
      node({ expect: { entry: 'incomplete-certificate-chain', because: 'Node reports only an issuer it cannot find' } }),
      chrome({ expect: { entry: 'self-signed-or-private-ca-not-trusted', because: 'Chromium says ERR_CERT_AUTHORITY_INVALID for any issuer it does not trust' } }),
    ],
    expect: { 'server-log': { uninformative: 'the middlebox logs the clients refusing its forged certificate; the real server sees nothing wrong' }, 'backend-log': { uninformative: 'the real server sees a normal client (the middlebox)' } },
    fix: { description: 'Install the inspection root in the client\'s trust store (managed machines), or exempt the site from inspection.', from: 'lab', clients: [curl({ trust: 'inspection' }), sClient({ trust: 'inspection' }), node({ trust: 'inspection' })] },
  },
  // ── Noise ──────────────────────────────────────────────────────────────────
  {
    id: 'scanner-noise',
    title: 'Scanners and health checks that open and drop connections',
    entry: 'handshake-noise-from-scanners',
    server: (c) => tlsServer(c, { logLevel: 'warn ssl:info' }),
    clients: [
      { kind: 'raw' },
      { kind: 'raw', bytes: '160301' },
      { kind: 'raw' },
      // a port check, then a TLS record header and nothing more (a scanner's half-sent hello)
    ],
  },
];
