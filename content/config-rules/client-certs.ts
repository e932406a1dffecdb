// Client certificates: where SSLVerifyClient sits decides whether a handshake or a renegotiation asks.
import { at } from '../../lib/config/check';
import { effective, lastOf, serverValue, tlsVhost, type ConfigModel, type VHost } from '../../lib/config/model';
import type { ContentRule } from './types';

/** Per-directory sections of TLS vhosts (and of the server context, which TLS vhosts inherit). */
function tlsDirs(m: ConfigModel): { v?: VHost; dir: ConfigModel['serverDirs'][number] }[] {
  return [
    ...m.vhosts.filter((v) => tlsVhost(m, v)).flatMap((v) => v.dirs.map((dir) => ({ v, dir }))),
    ...(m.vhosts.some((v) => tlsVhost(m, v)) ? m.serverDirs.map((dir) => ({ dir })) : []),
  ];
}

const h2 = (m: ConfigModel, v?: VHost) => {
  const p = v ? effective(m, v, 'protocols') : serverValue(m, 'protocols');
  return p?.args.some((a) => a.toLowerCase() === 'h2') ?? false;
};

/** A per-directory value that differs from what the handshake already used (the vhost's own). */
function perDir(m: ConfigModel, key: string) {
  return tlsDirs(m).flatMap(({ v, dir }) => {
    const d = lastOf(dir.directives, key);
    if (!d) return [];
    const outer = v ? effective(m, v, key) : undefined;
    const same = outer && outer.args.join(' ').toLowerCase() === d.args.join(' ').toLowerCase();
    return same ? [] : [{ v, d, section: dir.section }];
  });
}

const VHOST = `<VirtualHost *:443>
    ServerName portal.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/portal.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/portal.example.com.key
    SSLCACertificateFile /etc/ssl/certs/client-ca.pem
`;

export const clientCertRules: ContentRule[] = [
  {
    id: 'per-directory-verify-client',
    title: 'SSLVerifyClient inside a <Location> or <Directory>',
    entry: 'per-directory-client-certificate-renegotiation',
    causes: ['renegotiation-client-cert-per-directory'],
    severity: 'warning',
    check: (m) =>
      perDir(m, 'sslverifyclient')
        .filter(({ v }) => !h2(m, v))
        .map(({ v, d, section }) =>
          at(d, `Asked for only under <${section.name} ${section.args.join(' ')}>, the certificate comes in a second handshake after the request: a renegotiation on TLS 1.2, post-handshake authentication on TLS 1.3, which browsers do not do. Ask in the vhost itself (SSLVerifyClient optional there, require in the section), or give the area its own vhost.`, v),
        ),
    examples: [
      {
        name: 'client certificate asked only for /admin',
        bad: `${VHOST}    <Location /admin>
        SSLVerifyClient require
        SSLVerifyDepth 2
    </Location>
</VirtualHost>
`,
        line: 8,
        fixed: `${VHOST}    SSLVerifyClient optional
    SSLVerifyDepth 2
    <Location /admin>
        Require expr %{SSL_CLIENT_VERIFY} == 'SUCCESS'
    </Location>
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'per-directory-verify-client-h2',
    title: 'per-directory SSLVerifyClient on a vhost that speaks HTTP/2',
    entry: 'http2-client-certificate-http-1-1-required',
    causes: ['http2-cipher-or-tls-requirement', 'renegotiation-client-cert-per-directory'],
    severity: 'error',
    check: (m) =>
      perDir(m, 'sslverifyclient')
        .filter(({ v }) => h2(m, v))
        .map(({ v, d, section }) =>
          at(d, `HTTP/2 forbids renegotiation, so requests under <${section.name} ${section.args.join(' ')}> are reset with HTTP_1_1_REQUIRED and browsers retry over HTTP/1.1 (or fail). Ask for the certificate in the vhost's handshake, or leave h2 out of Protocols for this vhost.`, v),
        ),
    examples: [
      {
        name: 'h2 and a client certificate for /admin',
        bad: `Protocols h2 http/1.1
${VHOST}    <Location /admin>
        SSLVerifyClient require
    </Location>
</VirtualHost>
`,
        line: 9,
        fixed: `Protocols h2 http/1.1
${VHOST}    SSLVerifyClient require
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'per-directory-cipher-suite',
    title: 'SSLCipherSuite inside a <Location> or <Directory>',
    entry: 'per-directory-client-certificate-renegotiation',
    causes: ['renegotiation-client-cert-per-directory'],
    severity: 'warning',
    check: (m) =>
      perDir(m, 'sslciphersuite').map(({ v, d, section }) =>
        at(d, `A cipher suite for <${section.name} ${section.args.join(' ')}> alone means a renegotiation once the request is read. TLS 1.3 cannot renegotiate and HTTP/2 forbids it, so the request fails there. Set the cipher suite for the whole vhost.`, v),
      ),
    examples: [
      {
        name: 'stronger ciphers for /payments only',
        bad: `${VHOST}    <Location /payments>
        SSLCipherSuite ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384
    </Location>
</VirtualHost>
`,
        line: 8,
        fixed: `${VHOST}    SSLCipherSuite ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384
</VirtualHost>
`,
      },
    ],
  },
];
