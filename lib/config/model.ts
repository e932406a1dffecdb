// What the rules look at: the server context, each <VirtualHost> with what it inherits, the
// per-directory sections inside, Listen lines and the modules known to be loaded. Conditional
// sections (<IfModule>, <IfDefine>, <IfVersion>) are read as active unless what was pasted says
// otherwise: a rule that fires on a section httpd skips costs a reader a look; one that misses a
// live directive costs them the outage.
import { walk, type ConfDirective, type ConfNode, type ConfSection, type ParsedConfig } from './parse';

export const CONDITIONAL = new Set(['ifmodule', 'ifdefine', 'ifversion', 'ifdirective', 'iffile', 'ifsection']);
/** Sections that make a per-directory context (renegotiation territory for SSLVerifyClient). */
export const PER_DIR = new Set(['location', 'locationmatch', 'directory', 'directorymatch', 'files', 'filesmatch', 'if', 'elseif', 'else', 'proxy', 'proxymatch']);

export interface Versions {
  /** "2.4.62" */
  httpd?: string;
  /** "3.0.13" or "3.0" */
  openssl?: string;
}

export interface VHost {
  addrs: string[];
  file: string;
  line: number;
  endLine: number;
  serverName?: string;
  aliases: string[];
  /** directives at the vhost's own level (conditionals flattened) */
  own: ConfDirective[];
  /** per-directory sections inside, with their directives */
  dirs: { section: ConfSection; directives: ConfDirective[] }[];
}

export interface ConfigModel {
  /** server-context directives (outside any VirtualHost and per-directory section) */
  server: ConfDirective[];
  /** per-directory sections in the server context */
  serverDirs: { section: ConfSection; directives: ConfDirective[] }[];
  vhosts: VHost[];
  /** every directive in order, with the sections around it */
  all: { d: ConfDirective; outer: readonly ConfSection[] }[];
  /** module identifiers known loaded (ssl_module), from LoadModule lines and `apachectl -M` */
  modules: Set<string>;
  /** whether `apachectl -M` output was given (then a module not listed is not loaded) */
  modulesListed: boolean;
  versions: Versions;
  parsed: ParsedConfig;
}

/** The last element that matches (Array.prototype.findLast is newer than the browsers we serve). */
export function last<T>(list: readonly T[], pred: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i]!)) return list[i];
  return undefined;
}

// lastOf is asked the same question of the same list once per vhost or directive by many rules:
// an index per list (rebuilt if the list grew) keeps a 200,000-line paste linear.
const lastIndex = new WeakMap<readonly ConfDirective[], { length: number; byKey: Map<string, ConfDirective> }>();

/** The last directive of a name in a list. */
export function lastOf(list: readonly ConfDirective[], key: string): ConfDirective | undefined {
  let idx = lastIndex.get(list);
  if (!idx || idx.length !== list.length) {
    idx = { length: list.length, byKey: new Map(list.map((d) => [d.key, d])) };
    lastIndex.set(list, idx);
  }
  return idx.byKey.get(key);
}

/** <IfModule> names a module by file (mod_ssl.c) or identifier (ssl_module). */
function moduleId(name: string): string {
  const m = /^mod_(\w+)\.c$/.exec(name);
  return m ? `${m[1]}_module` : name;
}

/** "2.4.62" ≥ "2.4.8"? Numeric per part; a missing part counts as 0. */
export function versionAtLeast(v: string, min: string): boolean {
  const a = v.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const b = min.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

function ifVersionHolds(args: string[], httpd: string | undefined): boolean {
  if (!httpd) return true;
  let [op, ver] = args.length > 1 ? [args[0]!, args[1]!] : ['=', args[0] ?? ''];
  const negate = op.startsWith('!');
  if (negate) op = op.slice(1);
  if (op === '~' || op === '=~' || ver.startsWith('/')) return true; // regex forms: not evaluated
  const ge = versionAtLeast(httpd, ver);
  const le = versionAtLeast(ver, httpd);
  const r = op === '>=' ? ge : op === '>' ? ge && !le : op === '<=' ? le : op === '<' ? le && !ge : ge && le;
  return negate ? !r : r;
}

/** Whether a conditional section's body is read, as far as the paste lets us know. */
function active(s: ConfSection, modules: Set<string>, modulesListed: boolean, defines: Map<string, string>, versions: Versions): boolean {
  const arg = s.args[0] ?? '';
  const neg = arg.startsWith('!');
  const name = neg ? arg.slice(1) : arg;
  if (s.key === 'ifmodule') {
    const id = moduleId(name);
    const known = modules.has(id) ? true : modulesListed ? false : undefined;
    if (known === undefined) return true;
    return neg ? !known : known;
  }
  if (s.key === 'ifdefine') {
    // -D flags on the command line are unknown: only a Define we saw, or its absence after UnDefine, decides.
    if (!defines.has(name)) return true;
    return !neg;
  }
  if (s.key === 'ifversion') return ifVersionHolds(s.args, versions.httpd);
  return true;
}

export function buildModel(parsed: ParsedConfig, extra: { modules?: string[]; versions?: Versions } = {}): ConfigModel {
  const modules = new Set(extra.modules ?? []);
  const modulesListed = Boolean(extra.modules?.length);
  for (const { node } of walk(parsed.nodes)) if (node.type === 'directive' && node.key === 'loadmodule' && node.args[0]) modules.add(node.args[0]);
  const versions = extra.versions ?? {};
  const model: ConfigModel = { server: [], serverDirs: [], vhosts: [], all: [], modules, modulesListed, versions, parsed };

  const visit = (nodes: readonly ConfNode[], outer: ConfSection[], vhost: VHost | undefined, dir: { section: ConfSection; directives: ConfDirective[] } | undefined) => {
    for (const n of nodes) {
      if (n.type === 'directive') {
        model.all.push({ d: n, outer });
        if (dir) dir.directives.push(n);
        else if (vhost) vhost.own.push(n);
        else model.server.push(n);
        continue;
      }
      const inner = [...outer, n];
      if (CONDITIONAL.has(n.key)) {
        if (active(n, modules, modulesListed, parsed.defines, versions)) visit(n.children, inner, vhost, dir);
        continue;
      }
      if (n.key === 'virtualhost') {
        const v: VHost = { addrs: n.args, file: n.file, line: n.line, endLine: n.endLine, aliases: [], own: [], dirs: [] };
        model.vhosts.push(v);
        visit(n.children, inner, v, undefined);
        v.serverName = lastOf(v.own, 'servername')?.args[0];
        v.aliases = v.own.filter((d) => d.key === 'serveralias').flatMap((d) => d.args);
        continue;
      }
      if (PER_DIR.has(n.key) || n.key === 'limit' || n.key === 'limitexcept') {
        const d = dir ?? { section: n, directives: [] };
        if (!dir) (vhost ? vhost.dirs : model.serverDirs).push(d);
        visit(n.children, inner, vhost, d);
        continue;
      }
      // Unknown sections (<Macro>, <MDomain>, <AuthnProviderAlias>): read through.
      visit(n.children, inner, vhost, dir);
    }
  };
  visit(parsed.nodes, [], undefined, undefined);
  return model;
}

/** The last value a directive has in the server context (what a vhost inherits). */
export function serverValue(m: ConfigModel, key: string): ConfDirective | undefined {
  return lastOf(m.server, key);
}

/** A vhost's own setting of a directive, else the server context's: what applies to it. */
export function effective(m: ConfigModel, v: VHost, key: string): ConfDirective | undefined {
  return lastOf(v.own, key) ?? serverValue(m, key);
}

/** A flag directive's value (on/off), case-insensitive. */
export function isOn(d: ConfDirective | undefined): boolean {
  return (d?.args[0] ?? '').toLowerCase() === 'on';
}

/**
 * Whether a vhost speaks TLS: SSLEngine on or optional (its own or inherited), or, with no
 * SSLEngine line at all, `Protocol https` and a certificate (mod_ssl then enables TLS by itself).
 */
export function tlsVhost(m: ConfigModel, v: VHost): boolean {
  const e = effective(m, v, 'sslengine');
  if (e) return ['on', 'optional'].includes((e.args[0] ?? '').toLowerCase());
  return effective(m, v, 'protocol')?.args[0]?.toLowerCase() === 'https' && Boolean(effective(m, v, 'sslcertificatefile'));
}

/** "*:443" → 443; "[::1]:8443" → 8443; "example.com" → undefined (the Listen port then). */
export function addrPort(addr: string): number | undefined {
  const m = /:(\d{1,5})$/.exec(addr);
  return m ? Number(m[1]) : undefined;
}

/** Ports httpd listens on, from Listen [addr:]port [protocol]. */
export function listenPorts(m: ConfigModel): { port: number; proto?: string; d: ConfDirective }[] {
  return m.all
    .filter(({ d }) => d.key === 'listen' && d.args[0])
    .map(({ d }) => ({ port: Number(/(\d{1,5})$/.exec(d.args[0]!)?.[1] ?? NaN), proto: d.args[1]?.toLowerCase(), d }))
    .filter((l) => Number.isFinite(l.port));
}
