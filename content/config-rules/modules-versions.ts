// What the loaded modules and the release can read: SSL directives without mod_ssl, directives
// that are gone or deprecated, and directives newer than the httpd or OpenSSL that reads them.
import { at } from '../../lib/config/check';
import { versionAtLeast } from '../../lib/config/model';
import { EXAMPLE_BASE_OLD } from './base';
import { contexts, everywhere } from './helpers';
import { exampleModules } from './sessions-stapling';
import type { ContentRule } from './types';

const VHOST = `<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/www.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
`;

const REMOVED: Record<string, string> = {
  sslmutex: `"Invalid command 'SSLMutex', perhaps misspelled or defined by a module not included in the server configuration": httpd 2.4 has no SSLMutex. Delete it, or write "Mutex default ssl-cache" if the lock needs a setting.`,
  sslstaplingmutex: `"Invalid command 'SSLStaplingMutex' …": httpd 2.4 sets this lock with "Mutex default ssl-stapling". Delete the line, or write that instead.`,
  ssllog: '"SSLLog directive is no longer supported - use ErrorLog." mod_ssl logs to the ErrorLog: delete the line.',
  sslloglevel: '"SSLLogLevel directive is no longer supported - use LogLevel." Write the level as LogLevel warn ssl:info instead.',
};

const versionBelow = (have: string | undefined, min: string) => have !== undefined && !versionAtLeast(have, min);

export const moduleVersionRules: ContentRule[] = [
  {
    id: 'ssl-directives-without-mod-ssl',
    title: 'SSL directives while apachectl -M shows no ssl_module',
    entry: 'invalid-command-sslengine-module-not-loaded',
    causes: ['module-not-loaded'],
    severity: 'error',
    check: (m) => {
      if (!m.modulesListed || m.modules.has('ssl_module')) return [];
      // httpd stops at the first one; the first of the server context and of each vhost are worth showing.
      return contexts(m).flatMap(({ v, list }) => {
        const d = list.find((x) => x.key.startsWith('ssl'));
        if (!d) return [];
        return [
          at(
            d,
            `apachectl -M lists no ssl_module, so httpd does not know this directive: "Invalid command '${d.name}', perhaps misspelled or defined by a module not included in the server configuration" (it stops at the first SSL line it reads outside <IfModule ssl_module>). Load mod_ssl (Debian: a2enmod ssl; elsewhere LoadModule ssl_module modules/mod_ssl.so).`,
            v,
          ),
        ];
      });
    },
    examples: [
      {
        name: 'a TLS vhost on a server without mod_ssl',
        bad: `${VHOST}</VirtualHost>
`,
        line: 3,
        badModules: exampleModules([]),
        modules: exampleModules(['socache_shmcb', 'ssl']),
        fixed: `${VHOST}</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'removed-ssl-directives',
    title: 'SSLMutex, SSLLog or SSLLogLevel from an older release',
    entry: 'deprecated-ssl-directives',
    causes: ['deprecated-directive'],
    severity: 'error',
    check: (m) =>
      ['sslmutex', 'sslstaplingmutex', 'ssllog', 'sslloglevel'].flatMap((k) =>
        everywhere(m, k).map(({ v, d }) => at(d, `httpd 2.4 refuses to start here with ${REMOVED[k]}`, v)),
      ),
    examples: [
      {
        name: 'an httpd 2.2 ssl.conf carried over',
        bad: `SSLMutex default
${VHOST}</VirtualHost>
`,
        line: 1,
        fixed: `Mutex default ssl-cache
${VHOST}</VirtualHost>
`,
      },
      {
        name: 'mod_ssl 1.3 logging lines',
        bad: `${VHOST}    SSLLog /var/log/apache2/ssl_engine.log
    SSLLogLevel info
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    LogLevel warn ssl:info
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'namevirtualhost-no-effect',
    title: 'NameVirtualHost does nothing in httpd 2.4',
    entry: 'deprecated-ssl-directives',
    causes: ['deprecated-directive'],
    severity: 'info',
    check: (m) => {
      if (versionBelow(m.versions.httpd, '2.4.0')) return [];
      return everywhere(m, 'namevirtualhost').map(({ v, d }) =>
        at(d, 'httpd 2.4 picks name-based vhosts by itself: this line only leaves the notice AH00548 "NameVirtualHost has no effect and will be removed in the next release" at each start. Delete it.', v),
      );
    },
    examples: [
      {
        name: 'a 2.2-era NameVirtualHost line',
        bad: `NameVirtualHost *:443
${VHOST}</VirtualHost>
`,
        line: 1,
        fixed: `${VHOST}</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'ssl-require-deprecated',
    title: 'SSLRequire instead of Require expr',
    entry: 'deprecated-ssl-directives',
    causes: ['deprecated-directive'],
    severity: 'info',
    check: (m) =>
      everywhere(m, 'sslrequire').map(({ v, d }) =>
        at(d, 'SSLRequire still works but is deprecated in httpd 2.4: write the same test as Require expr (for example Require expr %{SSL_CLIENT_VERIFY} == \'SUCCESS\'), which combines with the other Require lines.', v),
      ),
    examples: [
      {
        name: 'an SSLRequire access rule',
        bad: `${VHOST}    SSLCACertificateFile /etc/ssl/certs/client-ca.pem
    SSLVerifyClient require
    <Location /admin>
        SSLRequire %{SSL_CLIENT_S_DN_O} eq "Example Ltd"
    </Location>
</VirtualHost>
`,
        line: 9,
        fixed: `${VHOST}    SSLCACertificateFile /etc/ssl/certs/client-ca.pem
    SSLVerifyClient require
    <Location /admin>
        Require expr %{SSL_CLIENT_S_DN_O} == 'Example Ltd'
    </Location>
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'openssl-conf-cmd-unsupported',
    title: 'SSLOpenSSLConfCmd on httpd before 2.4.8 or OpenSSL before 1.0.2',
    entry: 'startup-configuration-errors',
    causes: ['ssl-setting-rejected-at-startup'],
    severity: 'error',
    check: (m) => {
      const oldHttpd = versionBelow(m.versions.httpd, '2.4.8');
      const oldSsl = versionBelow(m.versions.openssl, '1.0.2');
      if (!oldHttpd && !oldSsl) return [];
      const why = oldHttpd ? `httpd ${m.versions.httpd} does not have it (it came in 2.4.8)` : `mod_ssl offers it only when built with OpenSSL 1.0.2 or later, and this is ${m.versions.openssl}`;
      return everywhere(m, 'sslopensslconfcmd').map(({ v, d }) =>
        at(d, `httpd refuses to start with "Invalid command 'SSLOpenSSLConfCmd' …": ${why}. Use SSLProtocol/SSLCipherSuite (and a DH group in the certificate file) instead, or upgrade.`, v),
      );
    },
    examples: [
      {
        name: 'ECDH curves set on an old CentOS 7 httpd',
        base: EXAMPLE_BASE_OLD,
        bad: `${VHOST}    SSLOpenSSLConfCmd Curves X25519:prime256v1
</VirtualHost>
`,
        line: 6,
        versions: { httpd: '2.4.6', openssl: '1.0.2k' },
        fixed: `${VHOST}</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'tls13-on-old-release',
    title: 'TLSv1.3 in SSLProtocol before httpd 2.4.36 or OpenSSL 1.1.1',
    entry: 'startup-configuration-errors',
    causes: ['ssl-setting-rejected-at-startup', 'protocol-version-mismatch'],
    severity: 'error',
    check: (m) => {
      const oldHttpd = versionBelow(m.versions.httpd, '2.4.36');
      const oldSsl = versionBelow(m.versions.openssl, '1.1.1');
      if (!oldHttpd && !oldSsl) return [];
      return ['sslprotocol', 'sslproxyprotocol']
        .flatMap((k) => everywhere(m, k))
        .filter(({ d }) => d.args.some((a) => /^[+]?TLSv1\.3$/i.test(a)))
        .map(({ v, d }) =>
          at(
            d,
            `${oldHttpd ? `httpd ${m.versions.httpd}` : `OpenSSL ${m.versions.openssl}`} knows no TLS 1.3 (it needs httpd 2.4.36 and OpenSSL 1.1.1), so httpd refuses to start with "${d.name}: Illegal protocol 'TLSv1.3'". Write ${d.name} -all +TLSv1.2 until both are upgraded.`,
            v,
          ),
        );
    },
    examples: [
      {
        name: 'a current protocol line on an httpd 2.4.6 server',
        base: EXAMPLE_BASE_OLD,
        bad: `${VHOST}    SSLProtocol -all +TLSv1.2 +TLSv1.3
</VirtualHost>
`,
        line: 6,
        versions: { httpd: '2.4.6', openssl: '1.0.2k' },
        fixed: `${VHOST}    SSLProtocol -all +TLSv1.2
</VirtualHost>
`,
      },
    ],
  },
];
