// Certificates, keys and CA files: what a TLS vhost needs before httpd can start, and what client
// verification needs before it can succeed.
import { at } from '../../lib/config/check';
import { effective, lastOf, serverValue, versionAtLeast, type ConfigModel, type VHost } from '../../lib/config/model';
import { argLower, everywhere, mdCovers, tlsVhosts, vhostLine } from './helpers';
import type { ContentRule } from './types';
import { trimEndChar } from '../../lib/trim';

const OPEN = `<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
`;
const CERT = `    SSLCertificateFile /etc/ssl/certs/www.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
`;
const VHOST = OPEN + CERT;

/** Directives whose argument is a file or folder httpd opens relative to ServerRoot. */
const PATH_DIRECTIVES = [
  'sslcertificatefile', 'sslcertificatekeyfile', 'sslcertificatechainfile', 'sslcacertificatefile', 'sslcacertificatepath',
  'sslcarevocationfile', 'sslcarevocationpath', 'sslcadnrequestfile', 'sslcadnrequestpath', 'sslproxycacertificatefile',
  'sslproxycacertificatepath', 'sslproxycarevocationfile', 'sslproxycarevocationpath', 'sslproxymachinecertificatefile',
  'sslproxymachinecertificatepath', 'sslproxymachinecertificatechainfile', 'sslsessionticketkeyfile', 'sslocspresponsercertificatefile',
  'sslopensslconfcmd',
];

/** A path httpd resolves against ServerRoot: not absolute, not a drive letter, not a URI (pkcs11:…), not an unexpanded ${VAR}. */
function relative(p: string | undefined): boolean {
  if (!p) return false;
  return !/^(?:\/|[A-Za-z]:[\\/]|\\\\|\$\{|[A-Za-z][A-Za-z0-9+.-]+:)/.test(p);
}

/** SSLVerifyClient that asks for a verified certificate (require/optional), with where it applies. */
function verifying(m: ConfigModel) {
  return everywhere(m, 'sslverifyclient').filter(({ d }) => ['require', 'optional'].includes(argLower(d)));
}

export const certificateRules: ContentRule[] = [
  {
    id: 'tls-vhost-without-certificate',
    title: 'a TLS vhost with no certificate',
    entry: 'no-certificate-configured',
    causes: ['no-certificate-configured'],
    severity: 'error',
    check: (m) =>
      tlsVhosts(m)
        .filter((v) => !effective(m, v, 'sslcertificatefile') && !mdCovers(m, v))
        .map((v) => {
          const engine = effective(m, v, 'sslengine');
          return at(
            engine && engine.file === v.file && engine.line >= v.line && engine.line <= v.endLine ? engine : vhostLine(v),
            `No SSLCertificateFile applies to this vhost and no MDomain covers its name: "apachectl -t" still says Syntax OK, then httpd stops with AH02572 "Failed to configure at least one certificate and key". Add SSLCertificateFile and SSLCertificateKeyFile, or an MDomain line for ${v.serverName ?? 'its ServerName'}.`,
            v,
          );
        }),
    examples: [
      {
        name: 'SSLEngine on, certificate lines forgotten',
        bad: `${OPEN}    DocumentRoot /var/www/html
</VirtualHost>
`,
        line: 3,
        fixed: `${VHOST}    DocumentRoot /var/www/html
</VirtualHost>
`,
      },
      {
        name: 'the certificate comes from mod_md',
        bad: `MDomain www.example.com
<VirtualHost *:443>
    ServerName shop.example.com
    SSLEngine on
</VirtualHost>
`,
        line: 4,
        fixed: `MDomain www.example.com shop.example.com
<VirtualHost *:443>
    ServerName shop.example.com
    SSLEngine on
</VirtualHost>
`,
        labSkip: 'mod_md would contact an ACME CA for the names',
      },
    ],
  },
  {
    id: 'certificate-without-key',
    title: 'SSLCertificateFile without SSLCertificateKeyFile',
    entry: 'wrong-certificate-file-or-format',
    causes: ['wrong-file-in-directive', 'no-certificate-configured'],
    severity: 'warning',
    check: (m) =>
      tlsVhosts(m).flatMap((v) => {
        const cert = effective(m, v, 'sslcertificatefile');
        const file = cert?.args[0] ?? '';
        // a file named for its key, or a token URI (pkcs11:…), may well hold the key
        if (!cert || effective(m, v, 'sslcertificatekeyfile') || /key|combined/i.test(file.split('/').pop() ?? '') || /^[a-z][a-z0-9+.-]+:/i.test(file)) return [];
        return [
          at(
            cert,
            `With no SSLCertificateKeyFile, mod_ssl looks for the private key in ${cert.args[0]}; if that file holds only certificates, httpd stops with AH02579 "Init: Private key not found" and AH02564. Add SSLCertificateKeyFile (or ignore this if the key really is in that file).`,
            v,
          ),
        ];
      }),
    examples: [
      {
        name: 'the key line left out',
        bad: `${OPEN}    SSLCertificateFile /etc/ssl/certs/www.example.com.pem
</VirtualHost>
`,
        line: 4,
        fixed: `${VHOST}</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'certificate-chain-file-deprecated',
    title: 'SSLCertificateChainFile on httpd 2.4.8 or later',
    entry: 'deprecated-ssl-directives',
    causes: ['deprecated-directive', 'missing-intermediate-chain'],
    severity: 'info',
    check: (m) => {
      const v = m.versions.httpd;
      if (v && !versionAtLeast(v, '2.4.8')) return [];
      return everywhere(m, 'sslcertificatechainfile').map(({ v: vh, d }) =>
        at(
          d,
          `${v ? `On httpd ${v}` : 'From httpd 2.4.8'} SSLCertificateChainFile is deprecated: append the intermediates to the file of SSLCertificateFile, after the server certificate, and delete this line. It still works (2.4.8 to 2.4.14 log AH02559 at start-up).`,
          vh,
        ),
      );
    },
    examples: [
      {
        name: 'a separate chain file',
        bad: `${VHOST}    SSLCertificateChainFile /etc/ssl/certs/intermediate-ca.pem
</VirtualHost>
`,
        line: 6,
        fixed: `${OPEN}    SSLCertificateFile /etc/ssl/certs/www.example.com.fullchain.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'relative-certificate-path',
    title: 'a relative certificate, key or CA path',
    entry: 'certificate-file-permissions',
    causes: ['permission-or-path-problem'],
    severity: 'info',
    check: (m) => {
      const root = (serverValue(m, 'serverroot')?.args[0] !== undefined ? trimEndChar(serverValue(m, 'serverroot')!.args[0]!, '/') : undefined);
      return PATH_DIRECTIVES.flatMap((key) => everywhere(m, key)).flatMap(({ v, d }) => {
        // SSLOpenSSLConfCmd names a file only for its file-valued commands.
        const p = d.key === 'sslopensslconfcmd' ? (/^(?:Certificate|PrivateKey|ChainCAFile|VerifyCAFile|RequestCAFile|DHParameters|ClientCAFile)$/i.test(d.args[0] ?? '') ? d.args[1] : undefined) : d.args[0];
        if (!relative(p)) return [];
        const full = root ? `${root}/${p}` : `ServerRoot/${p}`;
        return [
          at(
            d,
            `A relative path is read from ServerRoot, not from this file's folder: httpd opens ${full}${root ? '' : ' (ServerRoot is the compiled-in HTTPD_ROOT of "apachectl -V" unless set; /etc/apache2 on Debian)'} and stops with "… does not exist or is empty" if it is not there. Write the absolute path.`,
            v,
          ),
        ];
      });
    },
    examples: [
      {
        name: 'paths written relative to the conf folder',
        bad: `${OPEN}    SSLCertificateFile ssl/www.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
</VirtualHost>
`,
        line: 4,
        fixed: `${VHOST}</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'verify-client-without-ca',
    title: 'SSLVerifyClient require with no CA to verify against',
    entry: 'no-ca-for-client-verification',
    causes: ['client-cert-required-or-rejected'],
    severity: 'error',
    check: (m) =>
      verifying(m).flatMap(({ v, d, dir }) => {
        const ca = (x: VHost) => effective(m, x, 'sslcacertificatefile') ?? effective(m, x, 'sslcacertificatepath');
        // The CA list belongs to the vhost (server config or virtual host context): a vhost's own
        // line is checked against that vhost, a server-level one against the TLS vhosts it reaches.
        const tls = tlsVhosts(m);
        const reached = v ? tls.filter((x) => x === v) : dir ? tls : tls.filter((x) => !lastOf(x.own, 'sslverifyclient'));
        if (!reached.some((x) => !ca(x))) return [];
        return [
          at(
            d,
            `No SSLCACertificateFile or SSLCACertificatePath applies here, so httpd starts with AH01897 "no CAs are known for verification" and no client certificate can ever verify (error 20, "unable to get local issuer certificate"). Add SSLCACertificateFile with the CA that issues your client certificates.`,
            v,
          ),
        ];
      }),
    examples: [
      {
        name: 'client certificates required, CA file forgotten',
        bad: `${VHOST}    SSLVerifyClient require
    SSLVerifyDepth 2
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    SSLCACertificateFile /etc/ssl/certs/client-ca.pem
    SSLVerifyClient require
    SSLVerifyDepth 2
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'verify-client-optional-no-ca',
    title: 'SSLVerifyClient optional_no_ca',
    entry: 'client-certificate-verification-failed',
    causes: ['client-cert-required-or-rejected'],
    severity: 'warning',
    check: (m) =>
      everywhere(m, 'sslverifyclient')
        .filter(({ d }) => argLower(d) === 'optional_no_ca')
        .map(({ v, d }) =>
          at(
            d,
            'optional_no_ca accepts any certificate, self-made ones included: SSL_CLIENT_VERIFY is GENEROUS instead of SUCCESS and the issuer is never checked, so this is no authentication. Use optional or require with SSLCACertificateFile, and check %{SSL_CLIENT_VERIFY} == \'SUCCESS\'.',
            v,
          ),
        ),
    examples: [
      {
        name: 'client certificates accepted without a CA',
        bad: `${VHOST}    SSLVerifyClient optional_no_ca
    <Location /admin>
        Require expr %{SSL_CLIENT_S_DN_CN} == 'admin'
    </Location>
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    SSLCACertificateFile /etc/ssl/certs/client-ca.pem
    SSLVerifyClient optional
    <Location /admin>
        Require expr %{SSL_CLIENT_VERIFY} == 'SUCCESS' && %{SSL_CLIENT_S_DN_CN} == 'admin'
    </Location>
</VirtualHost>
`,
      },
    ],
  },
];
