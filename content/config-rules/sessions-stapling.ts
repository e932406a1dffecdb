// The shared caches mod_ssl needs: sessions and OCSP stapling responses. Both live in the server
// context and come from a mod_socache_* module.
import { at } from '../../lib/config/check';
import { effective, isOn, serverValue } from '../../lib/config/model';
import { everywhere, tlsVhosts, vhostLine, wholeConfig } from './helpers';
import { EXAMPLE_BASE } from './base';
import type { ContentRule } from './types';

const VHOST = `<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/www.example.com.fullchain.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
`;
const CACHES = ['sslsessioncache', 'sslstaplingcache'];
const NO_SESSION_CACHE_BASE = EXAMPLE_BASE.split('\n').filter((l) => !l.startsWith('SSLSessionCache')).join('\n');
const MODULES = (extra: string[]) =>
  `Loaded Modules:
 core_module (static)
 so_module (static)
 http_module (static)
 mpm_event_module (shared)
 authz_core_module (shared)
 mime_module (shared)
${extra.map((x) => ` ${x}_module (shared)`).join('\n')}
`;

export const sessionStaplingRules: ContentRule[] = [
  {
    id: 'stapling-without-cache',
    title: 'SSLUseStapling on without SSLStaplingCache',
    entry: 'ocsp-stapling-errors',
    causes: ['ocsp-stapling-problem'],
    severity: 'error',
    check: (m) => {
      if (serverValue(m, 'sslstaplingcache')) return [];
      const seen = new Set<unknown>();
      return tlsVhosts(m).flatMap((v) => {
        const d = effective(m, v, 'sslusestapling');
        if (!isOn(d) || seen.has(d)) return [];
        seen.add(d);
        return [at(d!, 'Stapling needs a shared cache and there is no SSLStaplingCache: "apachectl -t" says Syntax OK, then httpd stops with AH01958 "SSLStapling: no stapling cache available". Add SSLStaplingCache shmcb:/var/run/apache2/ssl_stapling(128000) in the server context.', d!.line >= v.line && d!.line <= v.endLine ? v : undefined)];
      });
    },
    examples: [
      {
        name: 'stapling switched on in the vhost only',
        bad: `${VHOST}    SSLUseStapling on
</VirtualHost>
`,
        line: 6,
        fixed: `SSLStaplingCache shmcb:/var/run/apache2/ssl_stapling(128000)
${VHOST}    SSLUseStapling on
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'no-session-cache',
    title: 'no SSLSessionCache while TLS vhosts exist',
    entry: 'session-cache-not-configured',
    causes: ['session-cache-problem'],
    severity: 'info',
    check: (m) => {
      const tls = tlsVhosts(m);
      if (!tls.length || !wholeConfig(m) || serverValue(m, 'sslsessioncache')) return [];
      // A cache line inside a vhost is another rule's error, not a missing cache.
      if (everywhere(m, 'sslsessioncache').length) return [];
      const load = m.all.find(({ d }) => d.key === 'loadmodule' && d.args[0] === 'ssl_module')?.d;
      return [
        at(
          load ?? vhostLine(tls[0]!),
          'This configuration has no SSLSessionCache: httpd logs AH01873 "Init: Session Cache is not configured [hint: SSLSessionCache]" at every start, and a client resuming by session ID gets a full handshake whenever it reaches another process. Add SSLSessionCache shmcb:/var/run/apache2/ssl_scache(512000) outside the vhosts (mod_socache_shmcb).',
        ),
      ];
    },
    examples: [
      {
        name: 'mod_ssl loaded by hand, cache line forgotten',
        base: NO_SESSION_CACHE_BASE,
        bad: `LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so
${VHOST}</VirtualHost>
`,
        line: 1,
        fixed: `LoadModule socache_shmcb_module /usr/lib/apache2/modules/mod_socache_shmcb.so
LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so
SSLSessionCache shmcb:/var/run/apache2/ssl_scache(512000)
${VHOST}</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'cache-directive-in-vhost',
    title: 'SSLSessionCache or SSLStaplingCache inside a <VirtualHost>',
    entry: 'session-cache-not-configured',
    causes: ['session-cache-problem', 'ssl-setting-rejected-at-startup'],
    severity: 'error',
    check: (m) =>
      CACHES.flatMap((key) => everywhere(m, key))
        .filter(({ v, dir }) => v || dir)
        .map(({ v, d }) =>
          at(d, `httpd refuses to start: "${d.name} cannot occur within <VirtualHost> section" (AH00526 syntax error). There is one cache for the whole server: move the line out of the vhost, into the server context.`, v),
        ),
    examples: [
      {
        name: 'a stapling cache written next to SSLUseStapling',
        bad: `${VHOST}    SSLUseStapling on
    SSLStaplingCache shmcb:/var/run/apache2/ssl_stapling(128000)
</VirtualHost>
`,
        line: 7,
        fixed: `SSLStaplingCache shmcb:/var/run/apache2/ssl_stapling(128000)
${VHOST}    SSLUseStapling on
</VirtualHost>
`,
      },
    ],
  },
  {
    id: 'socache-module-not-loaded',
    title: 'a session or stapling cache whose mod_socache module is not loaded',
    entry: 'session-cache-not-configured',
    causes: ['session-cache-problem', 'module-not-loaded'],
    severity: 'error',
    check: (m) => {
      if (!m.modulesListed) return [];
      return CACHES.flatMap((key) => everywhere(m, key)).flatMap(({ v, d }) => {
        const type = (d.args[0] ?? '').split(':')[0]!.toLowerCase();
        if (!type || type === 'none' || type === 'nonenotnull') return [];
        const mod = `socache_${type}_module`;
        if (m.modules.has(mod)) return [];
        const what = d.key === 'sslsessioncache' ? 'session' : 'stapling';
        return [
          at(
            d,
            `apachectl -M lists no ${mod}, so httpd stops with "${d.name}: '${type}' ${what} cache not supported (known names: …)${what === 'session' ? '.' : ''} Maybe you need to load the appropriate socache module (mod_socache_${type}?)". Load it (Debian: a2enmod socache_${type}).`,
            v,
          ),
        ];
      });
    },
    examples: [
      {
        name: 'stapling cache with mod_socache_shmcb missing',
        bad: `SSLStaplingCache shmcb:/var/run/apache2/ssl_stapling(128000)
${VHOST}    SSLUseStapling on
</VirtualHost>
`,
        line: 1,
        badModules: MODULES(['ssl']),
        modules: MODULES(['socache_shmcb', 'ssl']),
        fixed: `SSLStaplingCache shmcb:/var/run/apache2/ssl_stapling(128000)
${VHOST}    SSLUseStapling on
</VirtualHost>
`,
      },
    ],
  },
];

/** The `apachectl -M` output of a Debian-like server, for examples and tests. */
export const exampleModules = MODULES;
