import { describe, expect, it } from 'vitest';
import { checkConfig } from './check';
import { CONFIG_RULES } from '@/content/config-rules';
import { EXAMPLE_BASE, GOOD_DEBIAN_CONFIG } from '@/content/config-rules/base';
import { getEntries } from '../content/kb';
import { isCause } from '../content/causes';

const baseLines = (ex: { base?: string }) => (ex.base ?? EXAMPLE_BASE).split('\n').length - 1;
const run = (text: string, ex: { base?: string; versions?: { httpd?: string; openssl?: string }; modules?: string }, modules = ex.modules) =>
  checkConfig(`${ex.base ?? EXAMPLE_BASE}${text}${modules ? `\n${modules}` : ''}`, CONFIG_RULES, { versions: ex.versions });

describe('configuration rules', () => {
  it('are at least 30, with unique ids, an existing entry and known causes', () => {
    const slugs = new Set(getEntries().map((e) => e.slug));
    expect(CONFIG_RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CONFIG_RULES.map((r) => r.id)).size).toBe(CONFIG_RULES.length);
    for (const r of CONFIG_RULES) {
      expect(slugs.has(r.entry), `${r.id}: entry ${r.entry}`).toBe(true);
      expect(r.causes.length, r.id).toBeGreaterThan(0);
      for (const c of r.causes) expect(isCause(c), `${r.id}: cause ${c}`).toBe(true);
      expect(r.examples.length, r.id).toBeGreaterThan(0);
    }
  });

  it('the clean base alone gets no finding', () => {
    expect(checkConfig(EXAMPLE_BASE, CONFIG_RULES).findings).toEqual([]);
  });

  for (const r of CONFIG_RULES) {
    describe(r.id, () => {
      for (const ex of r.examples) {
        it(`${ex.name}: reported on the bad form, at its line`, () => {
          const f = run(ex.bad, ex, ex.badModules ?? ex.modules).findings.filter((x) => x.rule === r.id);
          expect(f.length, `${r.id} on:\n${ex.bad}`).toBeGreaterThan(0);
          expect(f.map((x) => x.line - baseLines(ex))).toContain(ex.line);
          expect(f[0]).toMatchObject({ slug: r.entry, severity: r.severity });
          expect(f[0]!.evidence.length).toBeGreaterThan(0);
        });
        it(`${ex.name}: the fixed form gets no finding at all`, () => {
          const rep = run(ex.fixed, ex);
          expect(rep.findings.map((x) => `${x.rule} line ${x.line - baseLines(ex)}: ${x.message}`)).toEqual([]);
          expect(rep.problems).toEqual([]);
        });
      }
    });
  }

  describe('a realistic complete good configuration', () => {
    it('a Debian-style *:80 redirect and *:443 site (h2, HSTS, stapling, verified https backend) gets no finding', () => {
      const rep = checkConfig(GOOD_DEBIAN_CONFIG, CONFIG_RULES);
      expect(rep.problems).toEqual([]);
      expect(rep.findings.map((f) => `${f.rule} ${f.file}:${f.line}: ${f.message}`)).toEqual([]);
      expect(rep.vhosts.map((v) => [v.addrs.join(' '), v.tls])).toEqual([['*:80', false], ['*:443', true]]);
    });
    it('nor with its versions, apachectl -M and apachectl -S pasted after it', () => {
      const modules = ['core', 'so', 'http', 'mpm_event', 'authz_core', 'mime', 'socache_shmcb', 'ssl', 'headers', 'http2', 'proxy', 'proxy_http'];
      const paste = `${GOOD_DEBIAN_CONFIG}
Loaded Modules:
${modules.map((x) => ` ${x}_module (${['core', 'so', 'http'].includes(x) ? 'static' : 'shared'})`).join('\n')}
VirtualHost configuration:
*:80                   www.example.com (/etc/apache2/sites-enabled/000-default.conf:1)
*:443                  www.example.com (/etc/apache2/sites-enabled/www.example.com-ssl.conf:2)
`;
      for (const versions of [{ httpd: '2.4.62', openssl: '3.0.15' }, { httpd: '2.4.41', openssl: '1.1.1f' }, {}]) {
        const rep = checkConfig(paste, CONFIG_RULES, { versions });
        expect(rep.findings.map((f) => `${f.rule} ${f.file}:${f.line}: ${f.message}`), JSON.stringify(versions)).toEqual([]);
      }
    });
  });

  describe('beyond the examples', () => {
    const rules = (text: string, opts: Parameters<typeof checkConfig>[2] = {}) => checkConfig(text, CONFIG_RULES, opts).findings;

    it('a name listed twice by apachectl -S is reported with the file and line -S names', () => {
      const f = rules(`ServerName www.example.com
VirtualHost configuration:
*:443                  is a NameVirtualHost
         default server www.example.com (/etc/apache2/sites-enabled/default-ssl.conf:2)
         port 443 namevhost www.example.com (/etc/apache2/sites-enabled/default-ssl.conf:2)
         port 443 namevhost shop.example.com (/etc/apache2/sites-enabled/shop.conf:1)
                 alias www.example.com
`).filter((x) => x.rule === 'duplicate-vhost-name');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ file: '/etc/apache2/sites-enabled/shop.conf', line: 1, slug: 'tls-settings-overridden' });
      expect(f[0]!.message).toContain('/etc/apache2/sites-enabled/default-ssl.conf:2');
    });

    it('the same server-level setting in two files: the earlier file\'s line is reported, naming the one that wins', () => {
      const paste = `==> /etc/apache2/conf-enabled/hardening.conf <==
SSLProtocol -all +TLSv1.3
==> /etc/apache2/mods-enabled/ssl.conf <==
SSLProtocol -all +TLSv1.2 +TLSv1.3
`;
      const f = rules(paste).filter((x) => x.rule === 'tls-setting-overridden');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ file: '/etc/apache2/conf-enabled/hardening.conf', line: 1 });
      expect(f[0]!.message).toContain('/etc/apache2/mods-enabled/ssl.conf line 1');
      // DUMP_INCLUDES says in which order httpd really reads them: then the other one loses.
      const dump = `Included configuration files:
  (*) /etc/apache2/apache2.conf
    (146) /etc/apache2/mods-enabled/ssl.conf
    (225) /etc/apache2/conf-enabled/hardening.conf
`;
      const g = rules(`${paste}${dump}`).filter((x) => x.rule === 'tls-setting-overridden');
      expect(g.map((x) => [x.file, x.line])).toEqual([['/etc/apache2/mods-enabled/ssl.conf', 1]]);
    });

    it('settings in <IfVersion> branches that exclude each other are not an override; a repeated value is not one either', () => {
      const text = `<IfVersion >= 2.4.36>
SSLProtocol -all +TLSv1.2 +TLSv1.3
</IfVersion>
<IfVersion < 2.4.36>
SSLProtocol -all +TLSv1.2
</IfVersion>
SSLHonorCipherOrder off
SSLHonorCipherOrder off
`;
      expect(rules(text).filter((x) => x.rule === 'tls-setting-overridden')).toEqual([]);
    });

    it('TLS 1.0/1.1: a warning when OpenSSL is unknown or 1.1.1, only info on OpenSSL 3 without @SECLEVEL=0', () => {
      const text = `${EXAMPLE_BASE}<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/www.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
    SSLProtocol all -SSLv3
</VirtualHost>
`;
      const ids = (versions: { httpd?: string; openssl?: string }) => rules(text, { versions }).map((x) => `${x.rule}:${x.severity}`);
      expect(ids({})).toEqual(['ssl-protocol-tls10-tls11:warning']);
      expect(ids({ openssl: '1.1.1w' })).toEqual(['ssl-protocol-tls10-tls11:warning']);
      expect(ids({ openssl: '3.0.19' })).toEqual(['ssl-protocol-tls10-tls11-openssl3:info']);
      // the start-up log line that names the OpenSSL in use counts as much as httpd -V
      expect(rules(`${text}[Sat Dec 05 02:43:08.615667 2026] [mpm_event:notice] [pid 1944:tid 1944] AH00489: Apache/2.4.71 (Debian) OpenSSL/3.0.19 configured -- resuming normal operations\n`).map((x) => x.rule)).toEqual(['ssl-protocol-tls10-tls11-openssl3']);
    });

    it('a vhost without certificate is fine when <MDomain> names it; an SSL line inside <IfModule ssl_module> is fine without mod_ssl', () => {
      const md = `${EXAMPLE_BASE}<MDomain www.example.com>
    MDCertificateFile /etc/ssl/certs/www.example.com.fullchain.pem
    MDCertificateKeyFile /etc/ssl/private/www.example.com.key
</MDomain>
<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
</VirtualHost>
`;
      expect(rules(md).map((x) => x.rule)).toEqual([]);
      const noSsl = `ServerName www.example.com
Listen 80
<IfModule ssl_module>
    Listen 443
    SSLSessionCache shmcb:/var/run/apache2/ssl_scache(512000)
</IfModule>
Loaded Modules:
 core_module (static)
 mpm_event_module (shared)
`;
      expect(rules(noSsl).map((x) => x.rule)).toEqual([]);
    });

    it('server-level SSLVerifyClient and ProxyPass are judged by the vhosts that inherit them', () => {
      const vhost = (name: string, extra: string) => `<VirtualHost *:443>
    ServerName ${name}
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/${name}.pem
    SSLCertificateKeyFile /etc/ssl/private/${name}.key
${extra}</VirtualHost>
`;
      const ca = '    SSLCACertificateFile /etc/ssl/certs/client-ca.pem\n';
      const verify = `${EXAMPLE_BASE}SSLVerifyClient require\n${vhost('www.example.com', ca)}${vhost('shop.example.com', ca)}`;
      expect(rules(verify).map((x) => x.rule)).toEqual([]);
      expect(rules(verify.replace(ca, '')).map((x) => x.rule)).toEqual(['verify-client-without-ca']);
      const engine = '    SSLProxyEngine on\n';
      const proxy = `${EXAMPLE_BASE}ProxyPass /api/ https://api.example.net/\n${vhost('www.example.com', engine)}${vhost('shop.example.com', engine)}`;
      expect(rules(proxy).map((x) => x.rule)).toEqual([]);
      expect(rules(proxy.replace(engine, '')).map((x) => x.rule)).toEqual(['https-backend-without-sslproxyengine']);
    });

    it('https:// in ProxyPass inside <Location>, and SSLProxyEngine in the matching <Proxy> section (2.4.30+)', () => {
      const loc = (engine: string) => `${EXAMPLE_BASE}<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/www.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
${engine}    <Location /app/>
        ProxyPass https://app.internal.example.com/
    </Location>
</VirtualHost>
`;
      expect(rules(loc('')).map((x) => x.rule)).toEqual(['https-backend-without-sslproxyengine']);
      expect(rules(loc('    <Proxy https://app.internal.example.com/>\n        SSLProxyEngine on\n    </Proxy>\n')).map((x) => x.rule)).toEqual([]);
      expect(rules(loc('').replace('https://', 'http://')).map((x) => x.rule)).toEqual([]);
    });
  });
});

