// Version-aware config snippets, in the manner of Mozilla's SSL Configuration Generator: a table
// of the release where each feature arrived, and pure functions from the user's versions to text.
// Where no safe configuration exists for the chosen versions, a snippet says so instead.

export interface Versions {
  /** "2.2" or "2.4.N" */
  httpd: string;
  /** "0.9.8" | "1.0.1" | "1.0.2" | "1.1.1" | "3.0" | "3.5" */
  openssl: string;
}

export const HTTPD_VERSIONS = ['2.2', ...Array.from({ length: 72 }, (_, i) => `2.4.${71 - i}`)];
export const OPENSSL_VERSIONS = ['3.5', '3.0', '1.1.1', '1.0.2', '1.0.1', '0.9.8'];
export const DEFAULT_VERSIONS: Versions = { httpd: '2.4.62', openssl: '3.0' };

/** The httpd release where each feature arrived (and OpenSSL where that matters). */
export const FEATURES = {
  tls13: { httpd: '2.4.36', openssl: '1.1.1' },
  tls12: { openssl: '1.0.1' },
  certFileHoldsChain: { httpd: '2.4.8' }, // SSLCertificateChainFile deprecated from here
  opensslConfCmd: { httpd: '2.4.8', openssl: '1.0.2' },
  stapling: { httpd: '2.4.0' }, // 2.3.3 in the development series
  http2: { httpd: '2.4.17' },
  proxyCheckPeerName: { httpd: '2.4.5' },
  mdAcme: { httpd: '2.4.30' },
} as const;

export function cmp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

const atLeast = (v: string, min: string | undefined) => !min || cmp(v, min) >= 0;

export function has(feature: keyof typeof FEATURES, v: Versions): boolean {
  const f = FEATURES[feature] as { httpd?: string; openssl?: string };
  return v.httpd !== '2.2' && atLeast(v.httpd, f.httpd) && atLeast(v.openssl, f.openssl);
}

export interface Rendered {
  /** the config, starting with a comment saying which versions it is for */
  text?: string;
  /** why no safe config can be given for these versions */
  unsupported?: string;
  verify: { command: string; expect: string };
  notes: string[];
}

type Snippet = (v: Versions) => Omit<Rendered, 'notes'> & { notes?: string[] };

const header = (v: Versions, extra = '') => `# For httpd ${v.httpd} with OpenSSL ${v.openssl}${extra ? ` (${extra})` : ''}\n`;
const EOL_22 = 'httpd 2.2 reached end of life in 2017 and gets no security fixes: upgrade to 2.4 first.';

/** TLS 1.2 is the floor; TLS 1.3 where both httpd and OpenSSL have it. */
function protocols(v: Versions): string | undefined {
  if (!atLeast(v.openssl, FEATURES.tls12.openssl)) return undefined;
  return has('tls13', v) ? 'SSLProtocol -all +TLSv1.2 +TLSv1.3' : 'SSLProtocol -all +TLSv1.2';
}

const S_CLIENT = (extra = '') => `openssl s_client -connect www.example.org:443 -servername www.example.org${extra} </dev/null`;

export const SNIPPETS: Record<string, Snippet> = {
  'client-cert-at-handshake': (v) => ({
    text:
      header(v) +
      `<VirtualHost *:443>\n    ServerName api.example.org\n    # Ask for the certificate in the first handshake, for the whole host:\n    # no renegotiation${has('tls13', v) ? ' and no post-handshake authentication' : ''} is ever needed.\n    SSLVerifyClient optional\n    SSLVerifyDepth 3\n    SSLCACertificateFile /etc/ssl/client-ca.pem\n    <Location /secure>\n        # Decide per location with the result, instead of renegotiating:\n        Require expr %{SSL_CLIENT_VERIFY} == 'SUCCESS'\n    </Location>\n</VirtualHost>`,
    verify: { command: S_CLIENT(), expect: 'The output lists "Acceptable client certificate CA names" right after the first handshake, and error_log no longer shows AH02221/AH02261.' },
    notes: v.httpd === '2.2' ? [EOL_22] : [],
  }),
  'separate-host-for-client-certs': (v) => ({
    text:
      header(v) +
      `# Browsers use www.example.org (no client certificate asked); API clients with\n# certificates use api.example.org, which asks for one at the handshake.\n<VirtualHost *:443>\n    ServerName api.example.org\n    SSLVerifyClient require\n    SSLVerifyDepth 3\n    SSLCACertificateFile /etc/ssl/client-ca.pem\n</VirtualHost>`,
    verify: { command: 'curl -v --cert client.pem --key client.key https://api.example.org/', expect: 'HTTP/1.1 200 (or 2) and, in error_log at LogLevel ssl:info, no renegotiation (AH02221).' },
    notes: v.httpd === '2.2' ? [EOL_22] : [],
  }),
  'modern-protocols': (v) => {
    const p = protocols(v);
    if (!p)
      return {
        unsupported: `OpenSSL ${v.openssl} has no TLS 1.2, and everything older is broken: no safe protocol setting exists. Upgrade OpenSSL (1.1.1 or 3.x) and rebuild or reinstall httpd against it.`,
        verify: { command: 'openssl version', expect: 'OpenSSL 1.1.1 or 3.x' },
      };
    return {
      text: header(v, has('tls13', v) ? 'TLS 1.2 and 1.3' : `TLS 1.2 only: TLS 1.3 needs httpd ${FEATURES.tls13.httpd}+ and OpenSSL ${FEATURES.tls13.openssl}+`) +
        `${p}\nSSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305\nSSLHonorCipherOrder off`,
      verify: { command: S_CLIENT(' -tls1_2'), expect: 'A "Protocol: TLSv1.2" line and a cipher from the list above; with -tls1_1 the handshake fails.' },
      notes: v.httpd === '2.2' ? [EOL_22] : [],
    };
  },
  'full-chain': (v) => ({
    text: has('certFileHoldsChain', v)
      ? header(v, `since 2.4.8 the certificate file holds the chain`) + `# Server certificate first, then the intermediate(s); not the root.\nSSLCertificateFile    /etc/ssl/www.example.org/fullchain.pem\nSSLCertificateKeyFile /etc/ssl/www.example.org/privkey.pem`
      : header(v, 'before 2.4.8 the chain has its own directive') + `SSLCertificateFile      /etc/ssl/www.example.org/cert.pem\nSSLCertificateKeyFile   /etc/ssl/www.example.org/privkey.pem\nSSLCertificateChainFile /etc/ssl/www.example.org/chain.pem`,
    verify: { command: S_CLIENT(' -showcerts'), expect: '"Verify return code: 0 (ok)" and two or more certificates in the chain, the server certificate first.' },
    notes: v.httpd === '2.2' ? [EOL_22] : [],
  }),
  'ocsp-stapling': (v) =>
    has('stapling', v)
      ? {
          text: header(v) + `# Outside any <VirtualHost>:\nSSLStaplingCache "shmcb:logs/ssl_stapling(128000)"\n# In the TLS virtual host:\nSSLUseStapling on\nSSLStaplingReturnResponderErrors off`,
          verify: { command: S_CLIENT(' -status'), expect: '"OCSP Response Status: successful" — or "no response sent" if the certificate has no OCSP URL (then turn stapling off).' },
        }
      : { unsupported: `OCSP stapling needs httpd 2.4. ${EOL_22}`, verify: { command: 'httpd -v', expect: 'Server version: Apache/2.4.x' } },
  'session-cache': (v) => ({
    text: header(v) + `# Outside any <VirtualHost>; mod_socache_shmcb must be loaded.\nSSLSessionCache "shmcb:logs/ssl_scache(512000)"\nSSLSessionCacheTimeout 300`,
    verify: { command: 'apachectl -M | grep socache_shmcb; apachectl -t', expect: 'socache_shmcb_module (shared) and "Syntax OK"; the AH01873 warning is gone after a restart.' },
    notes: v.httpd === '2.2' ? [EOL_22] : [],
  }),
  'http2-with-tls': (v) =>
    has('http2', v)
      ? {
          text: header(v) + `Protocols h2 http/1.1\n${protocols(v) ?? 'SSLProtocol -all +TLSv1.2'}\n# HTTP/2 forbids the old CBC suites: offer AEAD suites only.\nSSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305`,
          verify: { command: 'curl -sv --http2 -o /dev/null https://www.example.org/ 2>&1 | grep -i "ALPN\\|HTTP/2"', expect: '"ALPN: server accepted h2" and "HTTP/2 200".' },
        }
      : { unsupported: `HTTP/2 (mod_http2) needs httpd ${FEATURES.http2.httpd} or later.`, verify: { command: 'httpd -v', expect: `Apache/${FEATURES.http2.httpd} or later` } },
  'proxy-https-backend': (v) => ({
    text:
      header(v) +
      `SSLProxyEngine on\nSSLProxyVerify require\nSSLProxyCACertificateFile /etc/ssl/backend-ca.pem\n${has('proxyCheckPeerName', v) ? 'SSLProxyCheckPeerName on\n' : ''}ProxyPass        /app/ https://backend.internal:8443/app/\nProxyPassReverse /app/ https://backend.internal:8443/app/`,
    verify: { command: 'curl -v https://www.example.org/app/', expect: 'The backend\'s answer (not 500 or 502), and no AH00961/AH01961 in error_log.' },
    notes: v.httpd === '2.2' ? [EOL_22] : [],
  }),
  'renegotiation-buffer': (v) => ({
    text: header(v) + `<Location /upload>\n    # Bytes of request body kept while a renegotiation runs (default 128 KiB).\n    SSLRenegBufferSize 10486000\n</Location>`,
    verify: { command: 'curl -v --cert client.pem --key client.key -F file=@big.bin https://www.example.org/upload', expect: 'No "413 Request Entity Too Large" and no AH02018 in error_log.' },
    notes: ['Better still: ask for the client certificate at the virtual host level, so no renegotiation happens at all.'],
  }),
  'forwarded-proto': (v) => ({
    text: header(v) + `# TLS ends at the load balancer; it tells httpd with X-Forwarded-Proto.\nSetEnvIf X-Forwarded-Proto "^https$" HTTPS=on\nRewriteEngine on\nRewriteCond %{HTTP:X-Forwarded-Proto} !=https\nRewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]`,
    verify: { command: 'curl -sI https://www.example.org/ | head -1', expect: 'HTTP/1.1 200 (one answer, not a 301 to the same URL).' },
    notes: v.httpd === '2.2' ? [EOL_22] : [],
  }),
};

export function renderSnippet(id: string, v: Versions): Rendered | undefined {
  const s = SNIPPETS[id];
  if (!s) return undefined;
  const r = s(v);
  return { ...r, notes: r.notes ?? [] };
}
