// Ports, names and order: which vhost a connection reaches, and which of two settings httpd keeps.
import { at, type RuleContext, type RuleHit } from '../../lib/config/check';
import { effective, isOn, lastOf, listenPorts, serverValue, tlsVhost, type ConfigModel, type VHost } from '../../lib/config/model';
import type { ConfDirective } from '../../lib/config/parse';
import { bothRead, contexts, exclusiveConditions, globalName, normAddr, readOrder, tlsVhosts, vhostLine, vhostPorts, where, wholeConfig } from './helpers';
import type { ContentRule } from './types';

const CERT = (name: string) => `    SSLCertificateFile /etc/ssl/certs/${name}.pem
    SSLCertificateKeyFile /etc/ssl/private/${name}.key
`;
const TLS = (name: string, extra = '') => `<VirtualHost *:443>
    ServerName ${name}
    SSLEngine on
${CERT(name)}${extra}</VirtualHost>
`;
const REDIRECT = `<VirtualHost *:80>
    ServerName www.example.com
    Redirect permanent / https://www.example.com/
</VirtualHost>
`;

/** Vhosts grouped by address ("*:443"), each group in the order httpd reads them. */
function addressGroups(m: ConfigModel, ctx: RuleContext): Map<string, VHost[]> {
  const order = readOrder(m, ctx);
  const groups = new Map<string, VHost[]>();
  for (const v of [...m.vhosts].sort((a, b) => order(a) - order(b))) {
    for (const a of new Set(v.addrs.map(normAddr))) {
      if (!/:\d+$/.test(a)) continue;
      groups.set(a, [...(groups.get(a) ?? []), v]);
    }
  }
  return groups;
}

/** The names a vhost answers to by its own ServerName/ServerAlias lines (wildcards left out). */
function ownNames(v: VHost): { name: string; d: ConfDirective }[] {
  return v.own
    .filter((d) => d.key === 'servername' || d.key === 'serveralias')
    .flatMap((d) => (d.key === 'servername' ? d.args.slice(0, 1) : d.args).map((a) => ({ name: a.replace(/^[a-z]+:\/\//i, '').replace(/:\d+$/, '').toLowerCase(), d })))
    .filter(({ name }) => name && !/[*?]/.test(name));
}

/** A one-value directive's identity: SSLCipherSuite's TLSv1.3 slot and each SSLOpenSSLConfCmd command are separate. */
const ONE_VALUE = new Set([
  'sslprotocol', 'sslciphersuite', 'sslproxyprotocol', 'sslproxyciphersuite', 'sslhonorcipherorder', 'sslcompression',
  'sslsessiontickets', 'sslusestapling', 'sslstaplingcache', 'sslsessioncache', 'sslsessioncachetimeout', 'sslverifyclient', 'sslverifydepth',
  'sslcacertificatefile', 'sslcacertificatepath', 'sslstrictsnivhostcheck', 'sslproxyengine', 'sslproxyverify', 'sslproxyverifydepth',
  'sslproxycacertificatefile', 'sslproxycacertificatepath', 'sslproxycheckpeername', 'sslproxycheckpeercn', 'sslproxycheckpeerexpire',
  'sslengine', 'sslinsecurerenegotiation', 'sslopensslconfcmd', 'sslcertificatechainfile', 'protocols', 'sslsessionticketkeyfile',
]);
function slot(d: ConfDirective): string | undefined {
  if (!ONE_VALUE.has(d.key)) return undefined;
  if (d.key === 'sslciphersuite' || d.key === 'sslproxyciphersuite') return `${d.key} ${d.args.length >= 2 ? d.args[0]!.toUpperCase() : 'SSL'}`;
  if (d.key === 'sslopensslconfcmd') return `${d.key} ${(d.args[0] ?? '').toLowerCase()}`;
  return d.key;
}

export const vhostRules: ContentRule[] = [
  {
    id: 'tls-vhost-port-not-listened',
    title: 'a TLS vhost on a port no Listen opens',
    entry: 'https-on-a-custom-port',
    causes: ['port-or-listen-problem'],
    severity: 'error',
    check: (m) => {
      const listens = listenPorts(m);
      if (!listens.length) return [];
      const open = new Set(listens.map((l) => l.port));
      return tlsVhosts(m).flatMap((v) =>
        vhostPorts(v)
          .filter((p) => !open.has(p))
          .map((p) =>
            at(
              vhostLine(v),
              `No Listen line opens port ${p} (this configuration listens on ${[...open].join(', ')}), so this vhost never gets a connection, and httpd starts without a word about it. Add "Listen ${p} https", or put the vhost on a port httpd listens on.`,
              v,
            ),
          ),
      );
    },
    examples: [
      {
        name: 'HTTPS on 8443 without its Listen',
        bad: `<VirtualHost *:8443>
    ServerName admin.example.com
    SSLEngine on
${CERT('admin.example.com')}</VirtualHost>
${TLS('www.example.com')}`,
        line: 1,
        fixed: `Listen 8443 https
<VirtualHost *:8443>
    ServerName admin.example.com
    SSLEngine on
${CERT('admin.example.com')}</VirtualHost>
${TLS('www.example.com')}`,
      },
    ],
  },
  {
    id: 'https-port-serves-plain-http',
    title: 'port 443 without TLS',
    entry: 'browser-hangs-http-to-https-port',
    causes: ['plain-http-on-https-port', 'port-or-listen-problem'],
    severity: 'error',
    check: (m) => {
      const hits: RuleHit[] = m.vhosts
        .filter((v) => vhostPorts(v).includes(443) && !tlsVhost(m, v))
        .map((v) => {
          const off = lastOf(v.own, 'sslengine');
          return at(
            off ?? vhostLine(v),
            `This port-443 vhost does not speak TLS${off ? ' (SSLEngine off)' : ' (no SSLEngine on)'}: whoever it answers gets plain HTTP on the HTTPS port, and browsers fail with SSL_ERROR_RX_RECORD_TOO_LONG or ERR_SSL_PROTOCOL_ERROR (curl: "wrong version number"). Add SSLEngine on with a certificate, or move the vhost to *:80.`,
            v,
          );
        });
      // Listen 443 with no vhost for 443 at all: the main server answers there, in plain HTTP.
      const anyPortless = m.vhosts.some((v) => v.addrs.some((a) => !/:\d+$/.test(a)));
      if (m.vhosts.length && wholeConfig(m) && !anyPortless && !m.vhosts.some((v) => vhostPorts(v).includes(443)) && !isOn(serverValue(m, 'sslengine'))) {
        for (const l of listenPorts(m).filter((x) => x.port === 443))
          hits.push(at(l.d, 'httpd listens on 443, but no <VirtualHost> for port 443 has SSLEngine on (nor does the server context), so port 443 answers plain HTTP and https:// visitors get SSL_ERROR_RX_RECORD_TOO_LONG or ERR_SSL_PROTOCOL_ERROR. Enable the TLS site (Debian: a2ensite default-ssl) or remove this Listen.'));
      }
      return hits;
    },
    examples: [
      {
        name: 'a *:443 copy of the port-80 site without the SSL lines',
        bad: `<VirtualHost *:443>
    ServerName www.example.com
    DocumentRoot /var/www/html
</VirtualHost>
`,
        line: 1,
        fixed: `<VirtualHost *:443>
    ServerName www.example.com
    DocumentRoot /var/www/html
    SSLEngine on
${CERT('www.example.com')}</VirtualHost>
`,
      },
      {
        name: 'mod_ssl loaded and Listen 443, but the TLS site not enabled',
        bad: `LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so
Listen 443
${REDIRECT}`,
        line: 2,
        fixed: `LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so
Listen 443
${REDIRECT}${TLS('www.example.com')}`,
        base: 'ServerName www.example.com\nListen 80\nSSLSessionCache shmcb:/var/run/apache2/ssl_scache(512000)\nSSLProtocol -all +TLSv1.2 +TLSv1.3\n',
      },
    ],
  },
  {
    id: 'tls-on-port-80',
    title: 'SSLEngine on in a port-80 vhost',
    entry: 'ssl-vhost-port-warnings',
    causes: ['plain-http-on-https-port', 'port-or-listen-problem'],
    severity: 'error',
    check: (m) =>
      tlsVhosts(m)
        .filter((v) => vhostPorts(v).includes(80))
        .map((v) => {
          const own = lastOf(v.own, 'sslengine');
          return at(
            own ?? vhostLine(v),
            `This vhost speaks TLS on port 80${own ? '' : ` (it inherits SSLEngine on from the server context, ${where(effective(m, v, 'sslengine')!)})`}, so http:// visitors get 400 "You're speaking plain HTTP to an SSL-enabled server port". Keep *:80 plain (a Redirect to https://) and put the SSL lines in a *:443 vhost.`,
            v,
          );
        }),
    examples: [
      {
        name: 'SSL lines pasted into the port-80 block',
        bad: `<VirtualHost *:80>
    ServerName www.example.com
    SSLEngine on
${CERT('www.example.com')}</VirtualHost>
`,
        line: 3,
        fixed: `${REDIRECT}${TLS('www.example.com')}`,
      },
    ],
  },
  {
    id: 'vhost-name-unreachable-without-servername',
    title: 'a vhost without ServerName behind another with the same name',
    entry: 'tls-settings-overridden',
    causes: ['name-based-vhost-without-sni', 'hostname-mismatch'],
    severity: 'warning',
    check: (m, ctx) => {
      const global = globalName(m);
      const hits: RuleHit[] = [];
      for (const [addr, group] of addressGroups(m, ctx)) {
        group.forEach((v, i) => {
          if (i === 0 || v.serverName) return;
          const name = global ?? '(the machine\'s host name)';
          const earlier = group.slice(0, i).find((x) => (x.serverName?.replace(/:\d+$/, '').toLowerCase() ?? global) === global);
          if (!earlier) return;
          hits.push(
            at(
              vhostLine(v),
              `This ${addr} vhost has no ServerName, so it takes the server's (${name}); the vhost at ${where(earlier, v)} answers for that name first, so no request ever reaches this one${tlsVhost(m, v) ? ' and its certificate is never sent' : ''}. Give it its own ServerName.`,
              v,
            ),
          );
        });
      }
      return hits;
    },
    examples: [
      {
        name: 'two HTTPS sites, neither named',
        bad: `<VirtualHost *:443>
    SSLEngine on
${CERT('www.example.com')}</VirtualHost>
<VirtualHost *:443>
    DocumentRoot /var/www/shop
    SSLEngine on
${CERT('shop.example.com')}</VirtualHost>
`,
        line: 6,
        fixed: `<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
${CERT('www.example.com')}</VirtualHost>
<VirtualHost *:443>
    ServerName shop.example.com
    DocumentRoot /var/www/shop
    SSLEngine on
${CERT('shop.example.com')}</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'duplicate-vhost-name',
    title: 'two vhosts on one address with the same name',
    entry: 'tls-settings-overridden',
    causes: ['hostname-mismatch', 'name-based-vhost-without-sni'],
    severity: 'warning',
    check: (m, ctx) => {
      const hits: RuleHit[] = [];
      const reported = new Set<string>();
      for (const [addr, group] of addressGroups(m, ctx)) {
        const first = new Map<string, VHost>();
        for (const v of group) {
          for (const { name, d } of ownNames(v)) {
            const earlier = first.get(name);
            if (!earlier) {
              first.set(name, v);
              continue;
            }
            if (earlier === v) continue;
            reported.add(`${addr} ${name}`);
            hits.push(
              at(
                d,
                `${name} is already a name of the ${addr} vhost at ${where(earlier, d)}, which comes first: httpd sends every request for ${name} there, with that vhost's certificate and TLS settings, and never uses this one for it. Remove the name from one of them.`,
                v,
              ),
            );
          }
        }
      }
      // `apachectl -S` shows the same from the running configuration (included files and all).
      for (const dump of ctx.vhostDump ?? []) {
        const first = new Map<string, { file: string; line: number }>();
        for (const n of dump.names) {
          for (const name of [n.name, ...n.aliases].map((x) => x.toLowerCase()).filter((x) => !/[*?]/.test(x))) {
            const earlier = first.get(name);
            if (!earlier) {
              first.set(name, n);
              continue;
            }
            if (earlier.file === n.file && earlier.line === n.line) continue;
            if (reported.has(`${normAddr(dump.addr)} ${name}`)) continue;
            hits.push({
              file: n.file,
              line: n.line,
              evidence: `port ${dump.addr.replace(/^.*:/, '')} namevhost ${n.name} (${n.file}:${n.line})`,
              message: `apachectl -S lists ${name} twice on ${dump.addr}: the vhost at ${earlier.file}:${earlier.line} comes first and gets every request for it, with its certificate; the one at ${n.file}:${n.line} is never used for that name. Remove the name from one of them.`,
            });
          }
        }
      }
      return hits;
    },
    examples: [
      {
        name: 'a new site file that repeats the old site\'s name',
        bad: `${TLS('www.example.com')}<VirtualHost *:443>
    ServerName shop.example.com
    ServerAlias www.example.com
    SSLEngine on
${CERT('shop.example.com')}</VirtualHost>
`,
        line: 9,
        fixed: `${TLS('www.example.com')}<VirtualHost *:443>
    ServerName shop.example.com
    SSLEngine on
${CERT('shop.example.com')}</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'strict-sni-in-default-vhost',
    title: 'SSLStrictSNIVHostCheck on for the default vhost',
    entry: 'sni-default-vhost-wrong-certificate',
    causes: ['client-no-sni'],
    severity: 'warning',
    check: (m, ctx) => {
      const hits: RuleHit[] = [];
      for (const [addr, group] of addressGroups(m, ctx)) {
        const def = group[0]!;
        if (group.length < 2 || !tlsVhost(m, def)) continue;
        const d = effective(m, def, 'sslstrictsnivhostcheck');
        if (!isOn(d)) continue;
        hits.push(
          at(
            d!,
            `${lastOf(def.own, 'sslstrictsnivhostcheck') ? 'In the first (default) vhost' : 'In the server context, and so in the first (default) vhost'} of ${addr}, this refuses clients without SNI for every vhost on that address: they get 403 and AH02033 (old Java and Android, health checks and proxies that connect without a name). Set it only in the vhosts that must not be reached without SNI.`,
            lastOf(def.own, 'sslstrictsnivhostcheck') ? def : undefined,
          ),
        );
      }
      return hits;
    },
    examples: [
      {
        name: 'strict SNI in the first vhost',
        bad: `${TLS('www.example.com', '    SSLStrictSNIVHostCheck on\n')}${TLS('shop.example.com')}`,
        line: 6,
        fixed: `${TLS('www.example.com')}${TLS('shop.example.com', '    SSLStrictSNIVHostCheck on\n')}`,
      },
    ],
  },
  {
    id: 'tls-setting-overridden',
    title: 'a TLS setting made twice in one context: the later one wins',
    entry: 'tls-settings-overridden',
    causes: ['protocol-version-mismatch', 'no-shared-cipher'],
    severity: 'warning',
    check: (m, ctx) => {
      const order = readOrder(m, ctx);
      const cond = exclusiveConditions(m);
      const hits: RuleHit[] = [];
      for (const { v, list } of contexts(m)) {
        const bySlot = new Map<string, ConfDirective[]>();
        for (const d of list) {
          const s = slot(d);
          if (!s) continue;
          const same = bySlot.get(s);
          if (same) same.push(d);
          else bySlot.set(s, [d]);
        }
        for (const ds of bySlot.values()) {
          if (ds.length < 2) continue;
          const sorted = [...ds].sort((a, b) => order(a) - order(b));
          const winner = sorted[sorted.length - 1]!;
          for (const d of sorted.slice(0, -1)) {
            if (!bothRead(cond, d, winner)) continue;
            if (d.args.join(' ') === winner.args.join(' ')) continue;
            const reach = v ? 'this vhost' : 'every vhost that does not set its own';
            hits.push(at(d, `${winner.name} is set again at ${where(winner, d)} ("${winner.raw}"), which httpd reads later: that line wins for ${reach}, and this one has no effect. Keep one of the two.`, v));
          }
        }
      }
      return hits;
    },
    examples: [
      {
        name: 'a hardening line early, the distribution default read later',
        bad: `# TLS hardening, added for the audit
SSLProtocol -all +TLSv1.3
${TLS('www.example.com')}# the distribution's defaults, from a file included after this one
SSLProtocol all -SSLv3
`,
        line: 2,
        fixed: `${TLS('www.example.com', '    SSLProtocol -all +TLSv1.3\n')}`,
      },
    ],
  },
];
