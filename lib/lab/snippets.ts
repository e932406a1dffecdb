// Pure helpers for the snippet check (lab/snippets.ts runs them against a real `apache2 -t`):
// which apache fences claim httpd 2.4, which files a snippet names, and the throw-away
// configuration that wraps it. No Node APIs here, so tests and tools can use them anywhere.
import { HTTPD_VERSIONS, renderSnippet, SNIPPETS } from '../wizard/config';
import { metaValue, type BodyDoc } from '../content/body';
import { CONFIG_RULES } from '../../content/config-rules';
import { EXAMPLE_BASE, GOOD_DEBIAN_CONFIG } from '../../content/config-rules/base';

export interface Snippet {
  /** the entry's slug */
  entry: string;
  /** the entry's file under the repository, e.g. content/faq/some-slug.mdx */
  file: string;
  /** 1-based line of the opening fence in that file */
  line: number;
  /** the fence's for="…" meta */
  versions: string;
  code: string;
}

/** Where the snippet is placed in the test configuration, tried in this order. */
export type SnippetContext = 'server' | 'vhost' | 'location';
export const CONTEXTS: readonly SnippetContext[] = ['server', 'vhost', 'location'];

/** What a stand-in file holds; 'parent' means only its directory (httpd creates the file). */
export type StandInKind = 'dir' | 'parent' | 'file' | 'cert' | 'key' | 'certkey' | 'crl' | 'dh' | 'ticket';

export interface StandIn {
  /** absolute (starts with /) under the lab's fs/ tree, or relative to the ServerRoot */
  path: string;
  kind: StandInKind;
}

const ver = (major: string, minor: string) => Number(major) * 1000 + Number(minor);
const V24 = ver('2', '4');

/**
 * Does a fence's for="…" include some httpd 2.4? "httpd 2.4.8+", "httpd 2.2, 2.4",
 * "httpd 2.4.0-2.4.7" do; "httpd 2.2 (historical)", "httpd 1.3-2.2" do not.
 */
export function coversHttpd24(versions: string): boolean {
  // OpenSSL versions ("OpenSSL 1.1.1+", "OpenSSL before 1.1.1") are not httpd versions.
  const httpd = versions.replace(/OpenSSL[^,;()]*/gi, ' ');
  for (const m of httpd.matchAll(/\b(\d+)\.(\d+)(?:\.(?:\d+|x))?(\+|\s*-\s*(\d+)\.(\d+)(?:\.\d+)?)?/g)) {
    const lo = ver(m[1]!, m[2]!);
    if (lo === V24) return true;
    if (m[3] === '+' && lo < V24) return true;
    if (m[4] && lo <= V24 && ver(m[4], m[5]!) >= V24) return true;
  }
  return false;
}

/** Every apache fence of the given entries whose for="…" covers httpd 2.4. */
export function httpd24Snippets(entries: readonly { slug: string; file: string; doc: BodyDoc; bodyOffset: number }[]): Snippet[] {
  const out: Snippet[] = [];
  for (const e of entries) {
    for (const f of e.doc.fences) {
      const versions = f.lang === 'apache' ? metaValue(f.meta, 'for') : undefined;
      if (versions && coversHttpd24(versions))
        out.push({ entry: e.slug, file: `content/${e.file}`, line: f.line + e.bodyOffset, versions, code: f.code });
    }
  }
  return out;
}

/**
 * The wizard's version-aware snippets (lib/wizard/config.ts) as written for the newest httpd 2.4
 * it knows with OpenSSL 3.0: what a leaf shows by default, checked like the entries' snippets.
 */
export function wizardSnippets(): Snippet[] {
  const versions = { httpd: HTTPD_VERSIONS.find((v) => v.startsWith('2.4.'))!, openssl: '3.0' };
  return Object.keys(SNIPPETS).flatMap((id) => {
    const text = renderSnippet(id, versions)?.text;
    return text ? [{ entry: `wizard:${id}`, file: 'lib/wizard/config.ts', line: 0, versions: `httpd ${versions.httpd}, OpenSSL ${versions.openssl}`, code: text }] : [];
  });
}

/**
 * The fixed form of every configuration rule's example, inside the base it is checked in: what
 * the check calls clean must be what httpd loads (a rule's advice that httpd refuses is a bug).
 */
export function configRuleSnippets(): Snippet[] {
  // The whole good configuration as httpd reads it: without the `==> file <==` marks of the paste,
  // and without its LoadModule lines (the lab loads its own modules).
  const whole = GOOD_DEBIAN_CONFIG.split('\n').filter((l) => !l.startsWith('==>') && !/^\s*LoadModule\s/.test(l)).join('\n');
  return [
    { entry: 'config:good-debian-config', file: 'content/config-rules/base.ts (GOOD_DEBIAN_CONFIG)', line: 0, versions: 'httpd 2.4', code: whole },
    ...CONFIG_RULES.flatMap((r) =>
      r.examples
        .filter((ex) => !ex.labSkip)
        .map((ex) => ({ entry: `config:${r.id}`, file: `content/config-rules (${r.id}: ${ex.name})`, line: 0, versions: `httpd ${ex.versions?.httpd ?? '2.4'}`, code: `${ex.base ?? EXAMPLE_BASE}${ex.fixed}` })),
    ),
  ];
}

// System trees a snippet may name; URL paths ("/app/", <Location "/admin">) never start with these.
const SYSTEM_PATH = /(^|[\s"'=:,])(\/(?:etc|var|run|usr|opt|srv|home|tmp)(?:\/[^\s"'(),>]*)?)/g;

/** Point every system path of the snippet into the lab's own tree (`<root>/fs/etc/...`). */
export function rewritePaths(code: string, root: string): string {
  return code.replace(SYSTEM_PATH, (_, pre: string, p: string) => `${pre}${root}/fs${p}`);
}

// What each file-naming directive expects (lower case; '<directory' for the section).
const DIRECTIVE_KIND: Record<string, StandInKind> = {
  documentroot: 'dir', coredumpdirectory: 'dir', '<directory': 'dir', alias: 'dir', defaultruntimedir: 'dir',
  sslcacertificatepath: 'dir', sslcarevocationpath: 'dir', sslproxycacertificatepath: 'dir',
  sslproxycarevocationpath: 'dir', sslproxymachinecertificatepath: 'dir', mdstoredir: 'dir', mutex: 'dir',
  errorlog: 'parent', customlog: 'parent', transferlog: 'parent', pidfile: 'parent', scoreboardfile: 'parent',
  sslsessioncache: 'parent', sslstaplingcache: 'parent',
  sslcertificatefile: 'cert', sslcertificatechainfile: 'cert', sslcacertificatefile: 'cert',
  sslproxycacertificatefile: 'cert', sslproxymachinecertificatechainfile: 'cert', mdcertificatefile: 'cert',
  sslcertificatekeyfile: 'key', mdcertificatekeyfile: 'key',
  sslproxymachinecertificatefile: 'certkey',
  sslcarevocationfile: 'crl', sslproxycarevocationfile: 'crl',
  sslsessionticketkeyfile: 'ticket',
  include: 'file', includeoptional: 'file', authuserfile: 'file', authgroupfile: 'file',
};

function kindFor(directive: string, firstArg: string): StandInKind {
  if (directive === 'sslopensslconfcmd') return /^"?DHParameters/i.test(firstArg) ? 'dh' : 'cert';
  return DIRECTIVE_KIND[directive] ?? 'file';
}

// A relative file argument such as logs/ssl_error_log or "shmcb:logs/ssl_scache(512000)".
const RELATIVE_PATH = /^"?(?:[a-z]+:)?([\w.-]+\/[^\s"'()]*)/i;

/**
 * The files and directories a snippet names, so that they can exist while httpd reads it.
 * System paths anywhere on a line; relative paths only as the argument of a known file directive
 * (a RewriteRule pattern or a Location path is not a file).
 */
export function standIns(code: string): StandIn[] {
  const out: StandIn[] = [];
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [word = '', ...args] = line.split(/\s+/);
    const directive = word.toLowerCase().replace(/>$/, '');
    const kind = kindFor(directive, args[0] ?? '');
    for (const m of line.matchAll(SYSTEM_PATH)) {
      const before = line.slice(0, m.index! + m[1]!.length);
      // shmcb:/run/x(512000) and friends: the cache file is made by httpd, its directory must exist.
      const cache = /(?:shmcb|dbm|shm|default):$/i.test(before);
      out.push({ path: `/fs${m[2]!}`, kind: cache ? 'parent' : kind });
    }
    if (directive in DIRECTIVE_KIND && directive !== 'alias' && directive !== '<directory') {
      const rel = args.map((a) => RELATIVE_PATH.exec(a)?.[1]).find((p) => p && !p.includes('://') && !p.startsWith('$'));
      if (rel) out.push({ path: rel, kind: /(?:shmcb|dbm):/i.test(line) ? 'parent' : kind });
    }
  }
  return out;
}

/** `${NAME}` variables the snippet expects to be defined. */
export function variables(code: string): string[] {
  return [...new Set([...code.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!))];
}

export interface Placement {
  text: string;
  /** lines of the configuration before the snippet's first line */
  before: number;
}

/** The snippet at one context: as is, inside a TLS virtual host, or inside its <Location />. */
export function placeSnippet(code: string, ctx: SnippetContext, o: { port: number; cert: string; key: string }): Placement {
  if (ctx === 'server') return { text: `${code}\n`, before: 0 };
  const open = [
    `<VirtualHost 127.0.0.1:${o.port}>`,
    '    ServerName lab.localhost',
    '    SSLEngine on',
    `    SSLCertificateFile "${o.cert}"`,
    `    SSLCertificateKeyFile "${o.key}"`,
    ...(ctx === 'location' ? ['    <Location />'] : []),
  ];
  const close = [...(ctx === 'location' ? ['    </Location>'] : []), '</VirtualHost>'];
  return { text: [...open, code, ...close, ''].join('\n'), before: open.length };
}

/** httpd's answer when a directive is fine but not in this kind of section. */
export function isContextError(output: string): boolean {
  return /not allowed here|cannot occur within|must occur within|not allowed in [^\n]{0,80}? context|only (?:valid|allowed) in/i.test(output);
}
