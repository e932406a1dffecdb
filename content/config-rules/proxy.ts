// httpd as a TLS client of its backends: SSLProxyEngine, and how it checks the backend's certificate.
import { at, type RuleHit } from '../../lib/config/check';
import { effective, isOn, lastOf, serverValue, type ConfigModel, type VHost } from '../../lib/config/model';
import type { ConfDirective } from '../../lib/config/parse';
import { argLower, everywhere, type Dir } from './helpers';
import type { ContentRule } from './types';
import { trimEndChar } from '../../lib/trim';

const VHOST = `<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/www.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
`;
const TLS_BACKEND = /^(?:https|wss|h2):\/\//i;

/** The backend URL a proxying directive connects to, when it is one that needs TLS. */
function tlsBackend(d: ConfDirective, dir?: Dir): string | undefined {
  const inProxySection = dir && (dir.section.key === 'proxy' || dir.section.key === 'proxymatch');
  if (d.key === 'proxypass' || d.key === 'proxypassmatch') {
    // ProxyPass PATH URL [k=v…]; inside <Location> only ProxyPass URL
    const url = dir && !inProxySection ? d.args[0] : d.args[1];
    return url && TLS_BACKEND.test(url) ? url : undefined;
  }
  if (d.key === 'balancermember') {
    const url = d.args.find((a) => TLS_BACKEND.test(a));
    return url;
  }
  if (d.key === 'rewriterule') {
    const flags = /^\[(.*)\]$/.exec(d.args[2] ?? '')?.[1] ?? '';
    const proxied = flags.split(',').some((f) => /^(?:P|proxy)$/i.test(f.trim()));
    return proxied && d.args[1] && TLS_BACKEND.test(d.args[1]) ? d.args[1] : undefined;
  }
  return undefined;
}

/** Whether SSLProxyEngine is on where a backend URL is used: its <Proxy> section, the vhost, the server. */
function engineOn(m: ConfigModel, url: string, v?: VHost, dir?: Dir): boolean {
  const sections = [...(v?.dirs ?? []), ...m.serverDirs].filter((x) => (x.section.key === 'proxy' || x.section.key === 'proxymatch') && isOn(lastOf(x.directives, 'sslproxyengine')));
  if (dir && (dir.section.key === 'proxy' || dir.section.key === 'proxymatch') && isOn(lastOf(dir.directives, 'sslproxyengine'))) return true;
  if (sections.some((x) => x.section.args[0] && (url.toLowerCase().startsWith(x.section.args[0].toLowerCase()) || x.section.key === 'proxymatch'))) return true;
  if (isOn(v ? effective(m, v, 'sslproxyengine') : serverValue(m, 'sslproxyengine'))) return true;
  // A server-level ProxyPass is inherited by every vhost, and each connects with its own setting.
  if (!v && !dir && m.vhosts.length && m.vhosts.every((x) => isOn(effective(m, x, 'sslproxyengine')))) return true;
  // A balancer's members connect for the vhosts that use the balancer.
  if (dir && /^balancer:\/\//i.test(dir.section.args[0] ?? '')) {
    const name = trimEndChar(dir.section.args[0]!.toLowerCase(), '/');
    return m.vhosts.some((x) => isOn(effective(m, x, 'sslproxyengine')) && x.own.concat(x.dirs.flatMap((y) => y.directives)).some((d) => d.key === 'proxypass' && d.args.some((a) => trimEndChar(a.toLowerCase(), '/') === name || a.toLowerCase().startsWith(`${name}/`))));
  }
  return false;
}

/** Places SSLProxy* settings are made and apply: the server, each vhost, each <Proxy> section. */
function proxyScopes(m: ConfigModel): { v?: VHost; dir?: Dir; get: (key: string) => ConfDirective | undefined }[] {
  const proxyDirs = (dirs: Dir[]) => dirs.filter((x) => x.section.key === 'proxy' || x.section.key === 'proxymatch');
  return [
    { get: (k: string) => serverValue(m, k) },
    ...proxyDirs(m.serverDirs).map((dir) => ({ dir, get: (k: string) => lastOf(dir.directives, k) ?? serverValue(m, k) })),
    ...m.vhosts.flatMap((v) => [
      { v, get: (k: string) => effective(m, v, k) },
      ...proxyDirs(v.dirs).map((dir) => ({ v, dir, get: (k: string) => lastOf(dir.directives, k) ?? effective(m, v, k) })),
    ]),
  ];
}

/** Scopes where the backend's chain is verified (SSLProxyVerify require or optional), each verify line once. */
function verifyingScopes(m: ConfigModel) {
  const seen = new Set<ConfDirective>();
  return proxyScopes(m).flatMap((s) => {
    const verify = s.get('sslproxyverify');
    if (!verify || !['require', 'optional'].includes(argLower(verify)) || seen.has(verify)) return [];
    seen.add(verify);
    return [{ ...s, verify }];
  });
}

const owner = (d: ConfDirective, v?: VHost) => (v && d.line >= v.line && d.line <= v.endLine && d.file === v.file ? v : undefined);

export const proxyRules: ContentRule[] = [
  {
    id: 'https-backend-without-sslproxyengine',
    title: 'an https:// backend without SSLProxyEngine on',
    entry: 'proxy-https-backend-sslproxyengine',
    causes: ['proxy-sslproxyengine-off'],
    severity: 'error',
    check: (m) =>
      ['proxypass', 'proxypassmatch', 'rewriterule', 'balancermember']
        .flatMap((k) => everywhere(m, k))
        .flatMap(({ v, d, dir }) => {
          const url = tlsBackend(d, dir);
          if (!url || engineOn(m, url, v, dir)) return [];
          return [
            at(
              d,
              `httpd would talk TLS to ${url}, but SSLProxyEngine is not on ${v ? 'in this vhost' : 'in the server context'}: every such request gets 500, with AH01961 "failed to enable ssl support [Hint: if using mod_ssl, see SSLProxyEngine]" and AH00961 in the log. Add SSLProxyEngine on ${v ? 'to this vhost' : 'next to it'}.`,
              v,
            ),
          ];
        }),
    examples: [
      {
        name: 'ProxyPass to an https backend',
        bad: `${VHOST}    ProxyPass /app/ https://app.internal.example.com:8443/
    ProxyPassReverse /app/ https://app.internal.example.com:8443/
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    SSLProxyEngine on
    ProxyPass /app/ https://app.internal.example.com:8443/
    ProxyPassReverse /app/ https://app.internal.example.com:8443/
</VirtualHost>
`,
      },
      {
        name: 'RewriteRule [P] to an https backend',
        bad: `${VHOST}    RewriteEngine on
    RewriteRule ^/api/(.*)$ https://api.internal.example.com/$1 [P,L]
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLProxyEngine on
    RewriteEngine on
    RewriteRule ^/api/(.*)$ https://api.internal.example.com/$1 [P,L]
</VirtualHost>
`,
      },
      {
        name: 'a balancer of https members',
        bad: `${VHOST}    <Proxy balancer://app>
        BalancerMember https://app1.internal.example.com:8443
        BalancerMember https://app2.internal.example.com:8443
    </Proxy>
    ProxyPass /app/ balancer://app/
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLProxyEngine on
    <Proxy balancer://app>
        BalancerMember https://app1.internal.example.com:8443
        BalancerMember https://app2.internal.example.com:8443
    </Proxy>
    ProxyPass /app/ balancer://app/
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'proxy-verify-off',
    title: 'SSLProxyVerify none or optional_no_ca',
    entry: 'proxy-backend-certificate-verification',
    causes: ['proxy-backend-tls-verification'],
    severity: 'warning',
    check: (m) =>
      everywhere(m, 'sslproxyverify')
        .filter(({ d }) => ['none', 'optional_no_ca'].includes(argLower(d)))
        .map(({ v, d }) =>
          at(
            d,
            `${argLower(d) === 'none' ? 'With SSLProxyVerify none the backend\'s certificate chain is never checked' : 'optional_no_ca accepts a backend certificate from any issuer'}, so anyone on the path to the backend can pose as it (only the name and dates are still checked). Use SSLProxyVerify require with SSLProxyCACertificateFile naming the backend's CA.`,
            v,
          ),
        ),
    examples: [
      {
        name: 'verification switched off to make a Proxy Error go away',
        bad: `${VHOST}    SSLProxyEngine on
    SSLProxyVerify none
    ProxyPass /app/ https://app.internal.example.com:8443/
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLProxyEngine on
    SSLProxyVerify require
    SSLProxyVerifyDepth 3
    SSLProxyCACertificateFile /etc/ssl/certs/internal-ca.pem
    ProxyPass /app/ https://app.internal.example.com:8443/
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'proxy-check-peer-off',
    title: 'SSLProxyCheckPeerName, CN or Expire off',
    entry: 'proxy-backend-certificate-verification',
    causes: ['proxy-backend-tls-verification'],
    severity: 'warning',
    check: (m) =>
      ['sslproxycheckpeername', 'sslproxycheckpeercn', 'sslproxycheckpeerexpire']
        .flatMap((k) => everywhere(m, k))
        .filter(({ d }) => argLower(d) === 'off')
        .map(({ v, d }) =>
          at(
            d,
            d.key === 'sslproxycheckpeerexpire'
              ? 'Expired and not yet valid backend certificates are accepted. Renew the backend\'s certificate (or fix its clock) and delete this line: on is the default.'
              : `${d.key === 'sslproxycheckpeercn' ? 'Since httpd 2.4.21 switching either SSLProxyCheckPeerCN or SSLProxyCheckPeerName off turns the whole name check off' : 'The backend\'s certificate may name any host'}: any certificate the chain check accepts (or any at all, without SSLProxyVerify require) passes for this backend. Proxy to a name in the backend's certificate and delete this line.`,
            v,
          ),
        ),
    examples: [
      {
        name: 'the CN check switched off for a backend reached by IP',
        bad: `${VHOST}    SSLProxyEngine on
    SSLProxyCheckPeerCN off
    ProxyPass /app/ https://10.0.0.12:8443/
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLProxyEngine on
    ProxyPass /app/ https://app.internal.example.com:8443/
</VirtualHost>
`,
      },
      {
        name: 'expired backend certificates accepted',
        bad: `${VHOST}    SSLProxyEngine on
    SSLProxyCheckPeerExpire off
    ProxyPass /app/ https://app.internal.example.com:8443/
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLProxyEngine on
    ProxyPass /app/ https://app.internal.example.com:8443/
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'proxy-verify-depth-too-small',
    title: 'SSLProxyVerify require with SSLProxyVerifyDepth 1',
    entry: 'client-certificate-chain-too-long',
    causes: ['proxy-backend-tls-verification', 'missing-intermediate-chain'],
    severity: 'warning',
    check: (m) =>
      verifyingScopes(m).flatMap(({ v, get, verify }) => {
        const depth = get('sslproxyverifydepth');
        const n = depth ? Number.parseInt(depth.args[0] ?? '', 10) : 1;
        if (Number.isFinite(n) && n > 1) return [];
        const d = depth ?? verify;
        return [
          at(
            d,
            `SSLProxyVerifyDepth is ${depth ? `set to ${depth.args[0]}` : '1 (the default)'}: a backend certificate issued by an intermediate CA, as most are, fails with AH02040 "Certificate Chain too long (chain has 2 certificates, but maximum allowed are only 1)" and the visitor gets a Proxy Error. Set SSLProxyVerifyDepth 3.`,
            owner(d, v),
          ),
        ];
      }),
    examples: [
      {
        name: 'verification on, depth left at its default',
        bad: `${VHOST}    SSLProxyEngine on
    SSLProxyVerify require
    SSLProxyCACertificateFile /etc/ssl/certs/ca-certificates.crt
    ProxyPass /app/ https://app.example.net/
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLProxyEngine on
    SSLProxyVerify require
    SSLProxyVerifyDepth 3
    SSLProxyCACertificateFile /etc/ssl/certs/ca-certificates.crt
    ProxyPass /app/ https://app.example.net/
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'proxy-verify-without-ca',
    title: 'SSLProxyVerify require without SSLProxyCACertificateFile',
    entry: 'proxy-backend-certificate-verification',
    causes: ['proxy-backend-tls-verification'],
    severity: 'error',
    check: (m) =>
      verifyingScopes(m).flatMap(({ v, get, verify }): RuleHit[] => {
        if (get('sslproxycacertificatefile') || get('sslproxycacertificatepath')) return [];
        return [
          at(
            verify,
            'No SSLProxyCACertificateFile or SSLProxyCACertificatePath applies, and mod_ssl does not use the system\'s trust store: httpd starts with AH01897 ("no CAs are known for verification") and every backend handshake fails with error 20 "unable to get local issuer certificate", a Proxy Error for the visitor. Name the backend\'s CA (for a public CA, the system bundle) in SSLProxyCACertificateFile.',
            owner(verify, v),
          ),
        ];
      }),
    examples: [
      {
        name: 'verification required, CA file forgotten',
        bad: `${VHOST}    SSLProxyEngine on
    SSLProxyVerify require
    SSLProxyVerifyDepth 3
    ProxyPass /app/ https://app.example.net/
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLProxyEngine on
    SSLProxyVerify require
    SSLProxyVerifyDepth 3
    SSLProxyCACertificateFile /etc/ssl/certs/ca-certificates.crt
    ProxyPass /app/ https://app.example.net/
</VirtualHost>
`,
      },
    ],
  },
];
