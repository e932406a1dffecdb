import { describe, expect, it } from 'vitest';
import { parseConfig, splitArgs, walk, type ConfSection } from './parse';
import { looksLikeConfig, parseIncludes, parseModules, parseVersion, parseVhostDump, segments, versionsFromLog } from './detect';
import { buildModel, effective, tlsVhost } from './model';

const names = (text: string) => [...walk(parseConfig(text).nodes)].map(({ node }) => `${node.line}:${node.name}`);

describe('parseConfig', () => {
  it('reads quoted arguments, continuation lines and case-insensitive names', () => {
    const p = parseConfig('SSLCipherSuite "HIGH:!aNULL" \\\n    :!MD5\nHeader always set X-A "a b" \nsslengine On\n');
    const [a, b, c] = p.nodes as { key: string; args: string[]; line: number }[];
    expect(a).toMatchObject({ key: 'sslciphersuite', args: ['HIGH:!aNULL', ':!MD5'], line: 1 });
    expect(b).toMatchObject({ key: 'header', args: ['always', 'set', 'X-A', 'a b'], line: 3 });
    expect(c).toMatchObject({ key: 'sslengine', args: ['On'], line: 4 });
    expect(p.problems).toEqual([]);
  });

  it('nests sections with their lines, conditionals included', () => {
    const text = '<IfModule mod_ssl.c>\n<VirtualHost *:443>\n  <Location "/admin">\n    SSLVerifyClient require\n  </Location>\n  <If "%{HTTPS} == \'on\'">\n  </If>\n</VirtualHost>\n</IfModule>\n';
    expect(names(text)).toEqual(['1:IfModule', '2:VirtualHost', '3:Location', '4:SSLVerifyClient', '6:If']);
    const vh = (parseConfig(text).nodes[0] as ConfSection).children[0] as ConfSection;
    expect(vh).toMatchObject({ args: ['*:443'], line: 2, endLine: 8 });
    expect((vh.children[0] as ConfSection).args).toEqual(['/admin']);
  });

  it('names an unclosed section, a mismatched close and a stray close, with lines (as httpd does)', () => {
    expect(parseConfig('<VirtualHost *:443>\nServerName a\n').problems).toEqual([
      expect.objectContaining({ line: 1, severity: 'error', message: expect.stringMatching(/<VirtualHost> is never closed.*<VirtualHost> was not closed/) }),
    ]);
    expect(parseConfig('<VirtualHost *:443>\n<Location /a>\n</VirtualHost>\n').problems[0]).toMatchObject({ line: 3, message: expect.stringContaining('Expected </Location> but saw </VirtualHost>') });
    expect(parseConfig('</Directory>\n').problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('</Directory> without matching <Directory> section') });
    expect(parseConfig('<VirtualHost *:443\n</VirtualHost>\n').problems[0]!.message).toMatch(/missing closing '>'/);
  });

  it('says a trailing comment is not a comment, and keeps # inside quotes or in text directives', () => {
    const p = parseConfig('SSLProtocol all -SSLv3 # keep old clients\nHeader set X-Tag "#1"\nErrorDocument 404 "Not here # really"\n');
    expect(p.problems).toEqual([expect.objectContaining({ line: 1, severity: 'error', message: expect.stringMatching(/SSLProtocol: "# keep old clients" is not a comment.*Illegal protocol '#'/) })]);
    expect((p.nodes[0] as { args: string[] }).args).toEqual(['all', '-SSLv3']);
  });

  it('substitutes Define variables and warns about undefined ones (AH00111)', () => {
    const p = parseConfig('Define SITE www.example.com\nServerName ${SITE}\nDocumentRoot ${NOPE}/x\nErrorLog ${APACHE_LOG_DIR}/error.log\n');
    expect((p.nodes[1] as { args: string[] }).args).toEqual(['www.example.com']);
    expect(p.problems).toEqual([expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringContaining('AH00111') })]);
  });

  it('follows file marks in a paste of several files, numbering lines in each', () => {
    const p = parseConfig('==> /etc/apache2/ports.conf <==\nListen 443\n\n==> /etc/apache2/sites-enabled/a.conf <==\n<VirtualHost *:443>\nSSLEngine on\n</VirtualHost>\n');
    expect(p.files).toEqual(['/etc/apache2/ports.conf', '/etc/apache2/sites-enabled/a.conf']);
    expect([...walk(p.nodes)].map(({ node }) => `${node.file}:${node.line}`)).toEqual(['/etc/apache2/ports.conf:1', '/etc/apache2/sites-enabled/a.conf:1', '/etc/apache2/sites-enabled/a.conf:2']);
  });

  it('never throws on garbage, binary or huge input, and answers quickly', () => {
    const garbage = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    expect(() => parseConfig(garbage)).not.toThrow();
    expect(parseConfig('\u0000\u0001\u0002 ELF\n').problems[0]!.message).toMatch(/not configuration text/);
    const deep = '<Location />\n'.repeat(500);
    expect(parseConfig(deep).problems.some((x) => /nested more than/.test(x.message))).toBe(true);
    const big = 'SSLEngine on\n'.repeat(400_000);
    const p = parseConfig(big);
    expect(p.problems[0]!.message).toMatch(/only the first 200,000 lines/);
    expect(() => parseConfig('"'.repeat(100_000))).not.toThrow();
  });

  it('refuses a line whose first word is no directive name, as httpd does (Invalid command)', () => {
    const p = parseConfig('[Mon Nov 23 10:15:30 2026] [ssl:error] AH02261: Re-negotiation handshake failed\nSSLEngine on\n');
    expect(p.nodes.map((n) => n.name)).toEqual(['SSLEngine']);
    expect(p.problems[0]).toMatchObject({ line: 1, severity: 'error', message: expect.stringContaining("Invalid command '[Mon'") });
  });

  it('splitArgs groups quotes and escapes like httpd', () => {
    expect(splitArgs(`"a \\"b\\"" 'c d' e`).args).toEqual(['a "b"', 'c d', 'e']);
    expect(splitArgs('"open').unterminated).toBe(true);
  });
});

describe('the model', () => {
  it('gives a vhost its own settings over the server context, and skips modules -M says are absent', () => {
    const text = 'SSLProtocol -all +TLSv1.2\n<VirtualHost *:443>\nServerName a.example.com\nSSLProtocol -all +TLSv1.3\n</VirtualHost>\n<VirtualHost *:443>\nServerName b.example.com\n</VirtualHost>\n<IfModule mod_http2.c>\nProtocols h2 http/1.1\n</IfModule>\n';
    const m = buildModel(parseConfig(text));
    expect(m.vhosts.map((v) => effective(m, v, 'sslprotocol')!.args.join(' '))).toEqual(['-all +TLSv1.3', '-all +TLSv1.2']);
    expect(m.server.map((d) => d.name)).toEqual(['SSLProtocol', 'Protocols']);
    const listed = buildModel(parseConfig(text), { modules: ['ssl_module'] });
    expect(listed.server.map((d) => d.name)).toEqual(['SSLProtocol']);
  });
});

describe('which vhosts speak TLS', () => {
  it('SSLEngine on or optional, or Protocol https with a certificate and no SSLEngine line', () => {
    const m = buildModel(parseConfig('<VirtualHost *:443>\nSSLEngine on\n</VirtualHost>\n<VirtualHost *:8443>\nProtocol https\nSSLCertificateFile /etc/ssl/a.pem\n</VirtualHost>\n<VirtualHost *:9443>\nProtocol https\nSSLEngine off\nSSLCertificateFile /etc/ssl/a.pem\n</VirtualHost>\n<VirtualHost *:80>\n</VirtualHost>\n'));
    expect(m.vhosts.map((v) => tlsVhost(m, v))).toEqual([true, true, false, false]);
  });
});

describe('apachectl outputs', () => {
  // Real output of Debian's apache2 2.4.71 on this machine, and the -S format of server/vhost.c.
  const dump = [
    'VirtualHost configuration:',
    '*:443                  is a NameVirtualHost',
    '         default server www.example.com (/etc/apache2/sites-enabled/default-ssl.conf:2)',
    '         port 443 namevhost www.example.com (/etc/apache2/sites-enabled/default-ssl.conf:2)',
    '                 alias example.com',
    '         port 443 namevhost shop.example.com (/etc/apache2/sites-enabled/shop.conf:1)',
    '*:80                   127.0.0.1 (/etc/apache2/sites-enabled/000-default.conf:1)',
    'ServerRoot: "/etc/apache2"',
    'Define: DUMP_VHOSTS',
  ].join('\n');

  it('tells the kinds apart in one paste, and keeps configuration text between them', () => {
    const text = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name\n${dump}\nLoaded Modules:\n core_module (static)\n ssl_module (shared)\nServer version: Apache/2.4.71 (Debian)\nServer built:   2026-11-12T08:58:41\nIncluded configuration files:\n  (*) /etc/apache2/apache2.conf\n    (146) /etc/apache2/mods-enabled/ssl.load\n<VirtualHost *:443>\nSSLEngine on\n</VirtualHost>\n`;
    expect(segments(text).map((s) => s.kind)).toEqual(['vhosts', 'modules', 'version', 'includes', 'config']);
  });

  it('reads -S, -M, -V and DUMP_INCLUDES', () => {
    expect(parseVhostDump(dump)).toEqual([
      { addr: '*:443', names: [
        { name: 'www.example.com', file: '/etc/apache2/sites-enabled/default-ssl.conf', line: 2, default: true, aliases: ['example.com'] },
        { name: 'shop.example.com', file: '/etc/apache2/sites-enabled/shop.conf', line: 1, aliases: [] },
      ] },
      { addr: '*:80', names: [{ name: '127.0.0.1', file: '/etc/apache2/sites-enabled/000-default.conf', line: 1, default: true, aliases: [] }] },
    ]);
    expect(parseModules('Loaded Modules:\n core_module (static)\n ssl_module (shared)\n')).toEqual(['core_module', 'ssl_module']);
    expect(parseVersion('Server version: Apache/2.4.71 (Debian)\n')).toBe('2.4.71');
    expect(parseIncludes('Included configuration files:\n  (*) /etc/apache2/apache2.conf\n    (146) /etc/apache2/mods-enabled/ssl.load\n')).toEqual([
      { file: '/etc/apache2/apache2.conf', depth: 0 },
      { file: '/etc/apache2/mods-enabled/ssl.load', depth: 1, includeLine: 146 },
    ]);
    expect(versionsFromLog('[ssl:info] AH01876: mod_ssl/2.4.71 compiled against Server: Apache/2.4.71, Library: OpenSSL/3.0.22\n[mpm_event:notice] AH00489: Apache/2.4.71 (Debian) OpenSSL/3.0.19 configured -- resuming normal operations')).toEqual({ httpd: '2.4.71', openssl: '3.0.19' });
  });
});

describe('looksLikeConfig', () => {
  it('tells a configuration from a log excerpt, an error message or client output', () => {
    expect(looksLikeConfig('<VirtualHost *:443>\n  ServerName a.example.com\n  SSLEngine on\n</VirtualHost>\n')).toBe(true);
    expect(looksLikeConfig('SSLProtocol all -SSLv3\nSSLCipherSuite HIGH:!aNULL\n')).toBe(true);
    expect(looksLikeConfig('[Mon Nov 23 10:15:30 2026] [ssl:error] [pid 1] AH02261: Re-negotiation handshake failed\n[Mon Nov 23 10:15:31 2026] [ssl:info] [pid 1] AH01998: Connection closed\n')).toBe(false);
    expect(looksLikeConfig('curl: (60) SSL certificate problem: unable to get local issuer certificate\n')).toBe(false);
    expect(looksLikeConfig('ERR_SSL_PROTOCOL_ERROR')).toBe(false);
    expect(looksLikeConfig('')).toBe(false);
  });
});
