// Protocol versions, cipher strings and the protocol-level switches (renegotiation, compression).
import { at } from '../../lib/config/check';
import { versionAtLeast, type ConfigModel, type VHost } from '../../lib/config/model';
import type { ConfDirective } from '../../lib/config/parse';
import { cipherSlot, contexts, effectiveCipher, everywhere, isOn, protocolSet, reachedBy, seclevel0, tlsVhosts, type Proto } from './helpers';
import { EXAMPLE_BASE_OLD } from './base';
import type { ContentRule } from './types';

const VHOST = `<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/www.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
`;

/** SSLProtocol lines (server level and each vhost's own) that some TLS vhost uses. */
function protocolLines(m: ConfigModel, key = 'sslprotocol'): { v?: VHost; d: ConfDirective }[] {
  return contexts(m).flatMap(({ v, list }) =>
    list
      .filter((d) => d.key === key)
      .filter((d) => key !== 'sslprotocol' || v !== undefined || reachedBy(m, d, v, key).length > 0 || tlsVhosts(m).length === 0)
      .map((d) => ({ v, d })),
  );
}

const legacy = (set: Set<Proto>) => (['TLSv1', 'TLSv1.1'] as const).filter((p) => set.has(p));
const names = (ps: readonly string[]) => ps.map((p) => (p === 'TLSv1' ? 'TLS 1.0' : p.replace('TLSv', 'TLS '))).join(' and ');

/** OpenSSL's major version from the paste (3 for "3.0.13"), when known. */
const opensslMajor = (m: ConfigModel) => (m.versions.openssl ? Number.parseInt(m.versions.openssl, 10) : undefined);

/** Words in a cipher string that add suites nobody should offer, and which were not removed with "!". */
function weakWords(text: string): string[] {
  const tokens = text.split(/[:,\s]+/).filter(Boolean);
  const banned = new Set(tokens.filter((t) => t.startsWith('!')).map((t) => t.slice(1).toUpperCase()));
  const classOf = (t: string): string | undefined => {
    const u = t.toUpperCase();
    for (const part of u.split('+')) {
      if (['RC4', 'DES', '3DES', 'MD5', 'LOW', 'RC2', 'EXP', 'EXPORT', 'EXPORT40', 'EXPORT56', 'NULL', 'ENULL', 'ANULL', 'ADH', 'AECDH'].includes(part)) return part === 'EXPORT' || part.startsWith('EXPORT') ? 'EXP' : part === 'NULL' ? 'ENULL' : part;
    }
    // single suite names: RC4-SHA, DES-CBC3-SHA, EXP-RC4-MD5, NULL-SHA256, ADH-AES128-SHA, …
    if (/^EXP\d*-/.test(u)) return 'EXP';
    if (/(^|-)RC4(-|$)/.test(u)) return 'RC4';
    if (/(^|-)DES-CBC3(-|$)|(^|-)3DES(-|$)/.test(u)) return '3DES';
    if (/(^|-)DES(-CBC)?(-|$)/.test(u)) return 'DES';
    if (/(^|-)NULL(-|$)/.test(u)) return 'ENULL';
    if (/^(ADH|AECDH)-/.test(u)) return 'ANULL';
    if (/-MD5$/.test(u)) return 'MD5';
    return undefined;
  };
  const out: string[] = [];
  for (const t of tokens) {
    if (/^[!\-+@]/.test(t)) continue;
    const c = classOf(t);
    if (!c) continue;
    const aliases: Record<string, string[]> = { ENULL: ['ENULL', 'NULL'], ANULL: ['ANULL', 'ADH', 'AECDH'], EXP: ['EXP', 'EXPORT'] };
    if ((aliases[c] ?? [c]).some((a) => banned.has(a))) continue;
    out.push(t);
  }
  return [...new Set(out)];
}

/** OpenSSL class words that include anonymous (aNULL) suites unless excluded; "+" with an authenticated class narrows them. */
const ANON_CLASSES = new Set(['ALL', 'HIGH', 'MEDIUM', 'LOW', 'AES', 'AES128', 'AES256', 'AESGCM', 'CAMELLIA', 'SEED', 'SHA', 'SHA1', 'SHA256', 'SHA384', 'KEDH', 'KDHE', 'KEECDH', 'KECDHE', 'COMPLEMENTOFALL', 'COMPLEMENTOFDEFAULT', 'ANULL', 'ADH', 'AECDH']);
function letsAnonIn(text: string): boolean {
  return text
    .split(/[:,\s]+/)
    .filter((t) => t && !/^[!\-+@]/.test(t))
    .some((t) => t.split('+').every((p) => ANON_CLASSES.has(p.toUpperCase())));
}

export const protocolRules: ContentRule[] = [
  {
    id: 'ssl-protocol-sslv2-sslv3',
    title: 'SSLProtocol turns on SSLv2 or SSLv3',
    entry: 'deprecated-ssl-directives',
    causes: ['ssl-setting-rejected-at-startup', 'protocol-version-mismatch'],
    severity: 'error',
    check: (m) =>
      [...protocolLines(m), ...protocolLines(m, 'sslproxyprotocol')].flatMap(({ v, d }) => {
        const words = d.args.filter((a) => /^\+?SSLv[23]$/i.test(a));
        if (!words.length) return [];
        const v2 = words.some((w) => /v2$/i.test(w));
        return [
          at(
            d,
            v2
              ? `httpd 2.4 refuses to start here with "SSLProtocol: SSLv2 is no longer supported". Remove SSLv2 (and SSLv3): SSLProtocol -all +TLSv1.2 +TLSv1.3.`
              : `On an OpenSSL built without SSLv3 (the default since 1.1.0) httpd refuses to start with "SSLv3 not supported by this version of OpenSSL"; where it is built in, SSLv3 is open to POODLE. Remove it: SSLProtocol -all +TLSv1.2 +TLSv1.3.`,
            v,
          ),
        ];
      }),
    examples: [
      {
        name: 'an old ssl.conf that still lists SSLv3',
        bad: `${VHOST}    SSLProtocol +SSLv3 +TLSv1.2
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    SSLProtocol -all +TLSv1.2 +TLSv1.3
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'ssl-protocol-tls10-tls11',
    title: 'SSLProtocol allows TLS 1.0 or 1.1',
    entry: 'protocol-version-mismatch',
    causes: ['protocol-version-mismatch'],
    severity: 'warning',
    check: (m) =>
      protocolLines(m).flatMap(({ v, d }) => {
        const old = legacy(protocolSet(d.args).set);
        if (!old.length) return [];
        const major = opensslMajor(m);
        const level0 = seclevel0(effectiveCipher(m, v)) || reachedBy(m, d, v, 'sslprotocol').some((x) => seclevel0(effectiveCipher(m, x)));
        // OpenSSL 3 without @SECLEVEL=0: the versions are dead; the next rule says so.
        if (major !== undefined && major >= 3 && !level0) return [];
        const msg =
          major !== undefined && major < 3
            ? `This allows ${names(old)}, which OpenSSL ${m.versions.openssl} still negotiates at its default security level (unless the system's openssl.cnf sets a higher MinProtocol). Both were retired by RFC 8996; write SSLProtocol -all +TLSv1.2 +TLSv1.3.`
            : level0
              ? `This allows ${names(old)}, and @SECLEVEL=0 in the cipher string lets even OpenSSL 3 negotiate them (level 0 also drops its key-size checks). Both were retired by RFC 8996; write SSLProtocol -all +TLSv1.2 +TLSv1.3 and remove @SECLEVEL=0.`
              : `This allows ${names(old)}: OpenSSL 1.1.1 negotiates them, OpenSSL 3 refuses them at its default security level unless the cipher string says @SECLEVEL=0. Both were retired by RFC 8996; write SSLProtocol -all +TLSv1.2 +TLSv1.3.`;
        return [at(d, msg, v)];
      }),
    examples: [
      {
        name: 'the old "all -SSLv3" on OpenSSL 1.1.1',
        bad: `${VHOST}    SSLProtocol all -SSLv3
</VirtualHost>
`,
        line: 6,
        versions: { httpd: '2.4.41', openssl: '1.1.1f' },
        fixed: `${VHOST}    SSLProtocol -all +TLSv1.2 +TLSv1.3
</VirtualHost>
`,
      },
      {
        name: 'TLS 1.0 kept alive with @SECLEVEL=0 on OpenSSL 3',
        bad: `${VHOST}    SSLProtocol -all +TLSv1 +TLSv1.1 +TLSv1.2
    SSLCipherSuite ECDHE+AESGCM:ECDHE+AES:@SECLEVEL=0
</VirtualHost>
`,
        line: 6,
        versions: { httpd: '2.4.62', openssl: '3.0.15' },
        fixed: `${VHOST}    SSLProtocol -all +TLSv1.2 +TLSv1.3
    SSLCipherSuite ECDHE+AESGCM:ECDHE+AES
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'ssl-protocol-tls10-tls11-openssl3',
    title: 'SSLProtocol allows TLS 1.0/1.1, which OpenSSL 3 refuses anyway',
    entry: 'openssl-3-security-level',
    causes: ['protocol-version-mismatch', 'key-too-small-or-weak-signature'],
    severity: 'info',
    check: (m) => {
      const major = opensslMajor(m);
      if (major === undefined || major < 3) return [];
      return protocolLines(m).flatMap(({ v, d }) => {
        const old = legacy(protocolSet(d.args).set);
        if (!old.length) return [];
        if (seclevel0(effectiveCipher(m, v)) || reachedBy(m, d, v, 'sslprotocol').some((x) => seclevel0(effectiveCipher(m, x)))) return [];
        return [
          at(
            d,
            `${names(old)} ${old.length > 1 ? 'are' : 'is'} allowed here, but OpenSSL ${m.versions.openssl} refuses ${old.length > 1 ? 'them' : 'it'} at its default security level: such a client gets "tlsv1 alert internal error", not a protocol-version alert, and the log says "no suitable signature algorithm" (LogLevel ssl:info). Write SSLProtocol -all +TLSv1.2 +TLSv1.3 so the file says what the server does.`,
            v,
          ),
        ];
      });
    },
    examples: [
      {
        name: 'Debian\'s "all -SSLv3" on OpenSSL 3',
        bad: `${VHOST}    SSLProtocol all -SSLv3
</VirtualHost>
`,
        line: 6,
        versions: { httpd: '2.4.62', openssl: '3.0.15' },
        fixed: `${VHOST}    SSLProtocol -all +TLSv1.2 +TLSv1.3
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'ssl-protocol-missing-sign',
    title: 'a protocol without + or - in SSLProtocol replaces the ones before it',
    entry: 'startup-configuration-errors',
    causes: ['protocol-version-mismatch'],
    severity: 'warning',
    check: (m) =>
      [...protocolLines(m), ...protocolLines(m, 'sslproxyprotocol')].flatMap(({ v, d }) => {
        const { set, replaced } = protocolSet(d.args);
        if (!replaced.length) return [];
        const left = [...set].join(', ') || 'nothing';
        return [
          at(
            d,
            `"${replaced[0]!.word}" has no + or -, so it replaces everything before it and only ${left} remains; httpd warns AH02532 ("Check if a +/- prefix is missing") and starts with fewer protocols than written. Put a sign on every entry: ${d.name} -all +TLSv1.2 +TLSv1.3.`,
            v,
          ),
        ];
      }),
    examples: [
      {
        name: 'TLS 1.2 and 1.3 written without signs',
        bad: `${VHOST}    SSLProtocol TLSv1.2 TLSv1.3
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    SSLProtocol -all +TLSv1.2 +TLSv1.3
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'weak-cipher-suite',
    title: 'RC4, DES, 3DES, MD5, NULL or EXPORT suites in a cipher string',
    entry: 'supported-ciphers',
    causes: ['no-shared-cipher', 'ssl-setting-rejected-at-startup'],
    severity: 'warning',
    check: (m) => {
      const old = m.versions.httpd !== undefined && !versionAtLeast(m.versions.httpd, '2.4.7');
      return [...everywhere(m, 'sslciphersuite'), ...everywhere(m, 'sslproxyciphersuite')].flatMap(({ v, d }) => {
        const { proto, text } = cipherSlot(d);
        if (proto.toUpperCase() !== 'SSL') return [];
        const weak = weakWords(text);
        const hits = [];
        if (weak.length) {
          const inert = weak.every((w) => /NULL|EXP|ADH|AECDH/i.test(w));
          hits.push(
            at(
              d,
              inert && !old
                ? `${weak.join(', ')}: mod_ssl appends !aNULL:!eNULL:!EXP to every cipher string (since 2.4.7), so these words only mislead the reader. Delete them.`
                : `${weak.join(', ')} ${weak.length > 1 ? 'add' : 'adds'} broken suites (RC4, DES and 3DES fall to known attacks, MD5 and NULL/EXPORT suites protect nothing). OpenSSL 1.1.0 and later usually lack them, and a string of only such names stops httpd with AH01898 "Unable to configure permitted SSL ciphers". Remove them.`,
              v,
            ),
          );
        }
        if (old && !weak.length && !/!\s*(aNULL|ADH)\b/i.test(text) && letsAnonIn(text))
          hits.push(at(d, `httpd ${m.versions.httpd} does not exclude anonymous and NULL suites by itself (2.4.7 and later do): end the string with :!aNULL:!eNULL:!EXP:!MD5.`, v));
        return hits;
      });
    },
    examples: [
      {
        name: 'a cipher string copied from an old how-to',
        bad: `${VHOST}    SSLCipherSuite HIGH:MEDIUM:RC4-SHA:DES-CBC3-SHA
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    SSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305
</VirtualHost>
`,
      },
      {
        name: 'HIGH without !aNULL on httpd 2.4.6',
        base: EXAMPLE_BASE_OLD,
        versions: { httpd: '2.4.6', openssl: '1.0.2k' },
        bad: `${VHOST}    SSLCipherSuite HIGH:MEDIUM
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    SSLCipherSuite HIGH:!aNULL:!MD5
</VirtualHost>
`,
      },
      {
        name: 'a proxy cipher string that lets RC4-MD5 in',
        bad: `${VHOST}    SSLProxyEngine on
    SSLProxyCipherSuite HIGH:RC4-MD5
    ProxyPass /api/ https://api.example.com/
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLProxyEngine on
    SSLProxyCipherSuite HIGH:!aNULL:!MD5
    ProxyPass /api/ https://api.example.com/
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'tls13-suites-in-cipher-suite',
    title: 'only TLS 1.3 suite names in the plain SSLCipherSuite',
    entry: 'startup-configuration-errors',
    causes: ['ssl-setting-rejected-at-startup', 'no-shared-cipher'],
    severity: 'error',
    check: (m) =>
      [...everywhere(m, 'sslciphersuite'), ...everywhere(m, 'sslproxyciphersuite')].flatMap(({ v, d }) => {
        const { proto, text } = cipherSlot(d);
        if (proto.toUpperCase() !== 'SSL') return [];
        const words = text.split(/[:,\s]+/).filter((w) => w && !/^[!\-+@]/.test(w));
        if (!words.length || !words.every((w) => /^TLS_/i.test(w))) return [];
        return [
          at(
            d,
            `These are TLS 1.3 suite names, which the plain ${d.name} (TLS 1.2 and older) does not know: httpd passes "Syntax OK" and then stops at start-up with AH01898 "Unable to configure permitted SSL ciphers" and "no cipher match". Put them on a "${d.name} TLSv1.3 …" line (httpd 2.4.36+) and keep TLS 1.2 names here.`,
            v,
          ),
        ];
      }),
    examples: [
      {
        name: 'TLS 1.3 names in the TLS 1.2 slot',
        bad: `${VHOST}    SSLCipherSuite TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256
</VirtualHost>
`,
        line: 6,
        fixed: `${VHOST}    SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'insecure-renegotiation',
    title: 'SSLInsecureRenegotiation on',
    entry: 'per-directory-client-certificate-renegotiation',
    causes: ['legacy-renegotiation-disabled'],
    severity: 'warning',
    check: (m) =>
      everywhere(m, 'sslinsecurerenegotiation')
        .filter(({ d }) => isOn(d))
        .map(({ v, d }) =>
          at(d, 'This lets clients without RFC 5746 support renegotiate the old, unsafe way (CVE-2009-3555: an attacker can splice requests into the session). Turn it off, and remove the need to renegotiate (per-directory SSLVerifyClient or SSLCipherSuite) instead.', v),
        ),
    examples: [
      {
        name: 'legacy renegotiation allowed for an old client',
        bad: `${VHOST}    SSLCACertificateFile /etc/ssl/certs/client-ca.pem
    SSLInsecureRenegotiation on
    <Location /admin>
        SSLVerifyClient require
    </Location>
</VirtualHost>
`,
        line: 7,
        fixed: `${VHOST}    SSLCACertificateFile /etc/ssl/certs/client-ca.pem
    SSLVerifyClient require
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'ssl-compression-on',
    title: 'SSLCompression on',
    entry: 'startup-configuration-errors',
    causes: ['ssl-setting-rejected-at-startup'],
    severity: 'error',
    check: (m) =>
      everywhere(m, 'sslcompression')
        .filter(({ d }) => isOn(d))
        .map(({ v, d }) =>
          at(d, 'Current OpenSSL builds have no compression, and httpd stops with "This version of OpenSSL does not have any compression methods available, cannot enable SSLCompression." Where it does start, TLS compression leaks secrets (CRIME). Delete the line: off is the default.', v),
        ),
    examples: [
      {
        name: 'compression switched on for speed',
        bad: `SSLCompression on
${VHOST}</VirtualHost>
`,
        line: 1,
        fixed: `${VHOST}</VirtualHost>
`,
      },
    ],
  },
];
