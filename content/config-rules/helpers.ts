// Shared pieces for the configuration rules: which vhosts speak TLS, what a directive's value is in
// each context, how httpd reads SSLProtocol and cipher strings, and the order in which it reads
// the files of a paste. Everything here only reads the model; nothing changes it.
import type { RuleContext } from '../../lib/config/check';
import { CONDITIONAL, addrPort, effective, isOn, last, lastOf, listenPorts, serverValue, tlsVhost, versionAtLeast, type ConfigModel, type VHost } from '../../lib/config/model';
import type { ConfDirective, ConfSection } from '../../lib/config/parse';

export type Dir = ConfigModel['serverDirs'][number];

/** Once per model: rules ask for these per directive, and a paste can have 200,000 of them. */
function perModel<R>(f: (m: ConfigModel) => R): (m: ConfigModel) => R {
  const cache = new WeakMap<ConfigModel, R>();
  return (m) => {
    if (!cache.has(m)) cache.set(m, f(m));
    return cache.get(m)!;
  };
}

export const tlsVhosts: (m: ConfigModel) => readonly VHost[] = perModel((m) => m.vhosts.filter((v) => tlsVhost(m, v)));

/** The ports a vhost is bound to ("*:443 [::]:443" → [443]). */
export function vhostPorts(v: VHost): number[] {
  return [...new Set(v.addrs.map(addrPort).filter((p): p is number => p !== undefined))];
}

/** `<VirtualHost *:443>` as a hit's evidence, with the vhost's own file and line. */
export function vhostLine(v: VHost): Pick<ConfDirective, 'file' | 'line' | 'raw'> {
  return { file: v.file, line: v.line, raw: `<VirtualHost ${v.addrs.join(' ')}>` };
}

/** "line 12" within the same file, else "/etc/apache2/ports.conf line 12". */
export function where(d: Pick<ConfDirective, 'file' | 'line'>, from?: Pick<ConfDirective, 'file'>): string {
  if (d.file === '(pasted)' || (from && from.file === d.file)) return `line ${d.line}`;
  return `${d.file} line ${d.line}`;
}

/** Directive contexts a setting can be made in: the server, then each vhost's own level. */
export function contexts(m: ConfigModel): { v?: VHost; list: ConfDirective[] }[] {
  return [{ list: m.server }, ...m.vhosts.map((v) => ({ v, list: v.own }))];
}

/** Every directive of a name wherever it is, with the vhost around it (server level: none). */
export function everywhere(m: ConfigModel, key: string): { v?: VHost; d: ConfDirective; dir?: Dir }[] {
  const out: { v?: VHost; d: ConfDirective; dir?: Dir }[] = [];
  for (const d of m.server) if (d.key === key) out.push({ d });
  for (const dir of m.serverDirs) for (const d of dir.directives) if (d.key === key) out.push({ d, dir });
  for (const v of m.vhosts) {
    for (const d of v.own) if (d.key === key) out.push({ v, d });
    for (const dir of v.dirs) for (const d of dir.directives) if (d.key === key) out.push({ v, d, dir });
  }
  return out;
}

/** The value that applies in a context: per-directory section, then the vhost, then the server. */
export function valueIn(m: ConfigModel, key: string, v?: VHost, dir?: Dir): ConfDirective | undefined {
  return (dir && lastOf(dir.directives, key)) ?? (v ? effective(m, v, key) : serverValue(m, key));
}

const lower = (d: ConfDirective | undefined) => (d?.args[0] ?? '').toLowerCase();
export const argLower = lower;

/** SSLCipherSuite [protocol] string: the protocol slot ("SSL" or "TLSv1.3") and the string. */
export function cipherSlot(d: ConfDirective): { proto: string; text: string } {
  return d.args.length >= 2 ? { proto: d.args[0]!, text: d.args.slice(1).join(' ') } : { proto: 'SSL', text: d.args[0] ?? '' };
}

/** The SSLCipherSuite for TLS 1.2 and older that applies in a list (a TLSv1.3 line is another slot). */
const cipherIndex = new WeakMap<readonly ConfDirective[], Map<string, ConfDirective | undefined>>();
export function sslCipher(list: readonly ConfDirective[], key = 'sslciphersuite'): ConfDirective | undefined {
  let byKey = cipherIndex.get(list);
  if (!byKey) cipherIndex.set(list, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, last(list, (d) => d.key === key && cipherSlot(d).proto.toUpperCase() === 'SSL'));
  return byKey.get(key);
}

export function effectiveCipher(m: ConfigModel, v?: VHost, key = 'sslciphersuite'): ConfDirective | undefined {
  return (v && sslCipher(v.own, key)) ?? sslCipher(m.server, key);
}

/** Whether a cipher string lowers OpenSSL's security level to 0 (TLS 1.0/1.1 work again on OpenSSL 3). */
export function seclevel0(d: ConfDirective | undefined): boolean {
  return d ? /@SECLEVEL=0\b/i.test(cipherSlot(d).text) : false;
}

export type Proto = 'SSLv2' | 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
const ALL: Proto[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/**
 * SSLProtocol's arguments the way ssl_cmd_protocol_parse reads them: left to right, `+` adds,
 * `-` removes, a word without a sign replaces everything before it (AH02532 when something was
 * set). "all" includes SSLv3 only where OpenSSL was built with it; it is listed here so a caller
 * can tell, and dropped by `withoutSslv3`.
 */
export function protocolSet(args: readonly string[]): { set: Set<Proto>; replaced: { word: string; index: number }[]; unknown: string[] } {
  let set = new Set<Proto>();
  const replaced: { word: string; index: number }[] = [];
  const unknown: string[] = [];
  args.forEach((raw, index) => {
    const sign = raw[0] === '+' || raw[0] === '-' ? raw[0] : '';
    const word = sign ? raw.slice(1) : raw;
    const w = word.toLowerCase();
    const these: Proto[] | undefined =
      w === 'all' ? ALL : w === 'sslv2' ? ['SSLv2'] : w === 'sslv3' ? ['SSLv3'] : w === 'tlsv1' ? ['TLSv1'] : w === 'tlsv1.1' ? ['TLSv1.1'] : w === 'tlsv1.2' ? ['TLSv1.2'] : w === 'tlsv1.3' ? ['TLSv1.3'] : undefined;
    if (!these) {
      unknown.push(raw);
      return;
    }
    if (sign === '-') for (const p of these) set.delete(p);
    else if (sign === '+') for (const p of these) set.add(p);
    else {
      if (set.size) replaced.push({ word: raw, index });
      set = new Set(these);
    }
  });
  return { set, replaced, unknown };
}

/** A vhost's TLS settings come from its own line, else the server's: the vhosts a server-level line reaches. */
export function reachedBy(m: ConfigModel, d: ConfDirective, v: VHost | undefined, key: string): VHost[] {
  if (v) return [v];
  return tlsVhosts(m).filter((x) => !lastOf(x.own, key));
}

/** Names mod_md manages (MDomain lines and <MDomain> sections): their vhosts get a certificate from it. */
export const mdNames: (m: ConfigModel) => string[] = perModel((m) => {
  const names: string[] = [];
  const visit = (nodes: readonly (ConfDirective | ConfSection)[]) => {
    for (const n of nodes) {
      if (n.type === 'directive' && (n.key === 'mdomain' || n.key === 'managedomain')) names.push(...n.args);
      if (n.type === 'section') {
        if (n.key === 'mdomain' || n.key === 'mdomainset' || n.key === 'managedomain') names.push(...n.args);
        visit(n.children);
      }
    }
  };
  visit(m.parsed.nodes);
  return names.map((n) => n.toLowerCase()).filter((n) => !['auto', 'manual'].includes(n));
});

function nameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  if (pattern.startsWith('*.')) return name.endsWith(pattern.slice(1)) && !name.slice(0, -pattern.length + 1).includes('.');
  return false;
}

export function mdCovers(m: ConfigModel, v: VHost): boolean {
  const md = mdNames(m);
  if (!md.length) return false;
  const names = [v.serverName, ...v.aliases].filter((x): x is string => Boolean(x)).map((x) => x.toLowerCase());
  return names.some((n) => md.some((p) => nameMatches(p, n)));
}

/** The global ServerName a vhost without its own inherits. */
export function globalName(m: ConfigModel): string | undefined {
  return serverValue(m, 'servername')?.args[0]?.replace(/:\d+$/, '').toLowerCase();
}

/**
 * Whether the paste looks like the whole configuration rather than one vhost file: it loads
 * mod_ssl itself, or it names the main or ssl.conf file. Rules about something missing from the
 * server context ("no SSLSessionCache") speak only then.
 */
export function wholeConfig(m: ConfigModel): boolean {
  if (m.all.some(({ d }) => d.key === 'loadmodule' && d.args[0] === 'ssl_module')) return true;
  return m.parsed.files.some((f) => /(?:^|\/)(?:httpd|apache2|ssl)\.conf$/.test(f));
}

/** Where each file sits in the order httpd reads them (DUMP_INCLUDES when pasted, else the paste's order). */
export function readOrder(m: ConfigModel, ctx: RuleContext): (d: Pick<ConfDirective, 'file' | 'line'>) => number {
  const files = ctx.includes?.map((i) => i.file) ?? [];
  const rank = (f: string) => {
    const i = files.indexOf(f);
    return i >= 0 ? i : files.length + m.parsed.files.indexOf(f);
  };
  return (d) => rank(d.file) * 1_000_000 + d.line;
}

/** The conditional sections around a directive that may exclude each other (IfVersion, IfDefine, !IfModule …). */
export function exclusiveConditions(m: ConfigModel): (d: ConfDirective) => readonly ConfSection[] {
  const outer = new Map<ConfDirective, readonly ConfSection[]>();
  for (const { d, outer: o } of m.all) outer.set(d, o);
  return (d) => (outer.get(d) ?? []).filter((s) => CONDITIONAL.has(s.key) && !(s.key === 'ifmodule' && !(s.args[0] ?? '').startsWith('!')));
}

/** Whether httpd reads both directives in the same run (no differing IfVersion/IfDefine around them). */
export function bothRead(cond: (d: ConfDirective) => readonly ConfSection[], a: ConfDirective, b: ConfDirective): boolean {
  const x = cond(a);
  const y = cond(b);
  return x.length === y.length && x.every((s, i) => s === y[i]);
}

/** "*:443", "_default_:443" and "*:443 " are one address for name-based selection. */
export function normAddr(a: string): string {
  return a.toLowerCase().replace(/^_default_:/, '*:');
}

export { isOn, lastOf, listenPorts, versionAtLeast, effective, serverValue };
