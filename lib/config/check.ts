// The configuration check: a paste (configuration text and apachectl outputs) → the entries that
// apply before anything fails. Pure: no file system, no network; the web worker and the CLI both
// call checkConfig with the rules from content/config-rules/.
import type { CauseSlug } from '../content/causes';
import { parseIncludes, parseModules, parseVersion, parseVhostDump, segments, versionsFromLog, type SegmentKind, type VhostDump } from './detect';
import { buildModel, effective, tlsVhost, type ConfigModel, type Versions, type VHost } from './model';
import { parseConfig, type ConfDirective, type ParseProblem } from './parse';
import { MAX_PER_RULE } from './limits';

export type Severity = 'error' | 'warning' | 'info';

/** Where a rule points: a directive or a section line, and the words that show it. */
export interface RuleHit {
  file: string;
  line: number;
  evidence: string;
  /** what is wrong here, in one or two sentences, with what to do */
  message: string;
  /** the vhost it concerns ("*:443 www.example.com"), when it is one */
  vhost?: string;
}

export interface RuleContext {
  /** what the paste told us (httpd -V, a start-up log line) or the reader chose */
  versions: Versions;
  /** `apachectl -S` output, when pasted */
  vhostDump?: VhostDump[];
  /** `-t -D DUMP_INCLUDES` output, when pasted */
  includes?: { file: string; depth: number; includeLine?: number }[];
}

export interface ConfigRule {
  /** stable id, kebab-case */
  id: string;
  /** the trap, in a few words */
  title: string;
  /** the knowledge-base entry that explains it */
  entry: string;
  causes: CauseSlug[];
  severity: Severity;
  check(m: ConfigModel, ctx: RuleContext): RuleHit[];
}

export interface ConfigFinding extends RuleHit {
  rule: string;
  title: string;
  slug: string;
  url: string;
  causes: string[];
  severity: Severity;
}

export interface VhostSummary {
  addrs: string[];
  serverName?: string;
  aliases: string[];
  tls: boolean;
  file: string;
  line: number;
  certificate?: string;
}

export interface ConfigReport {
  /** what the paste held, in order */
  kinds: SegmentKind[];
  findings: ConfigFinding[];
  vhosts: VhostSummary[];
  /** syntax problems, each with file and line */
  problems: ParseProblem[];
  versions: Versions;
  /** directives read, files named, modules known; findings past MAX_PER_RULE of one rule, not listed */
  stats: { lines: number; directives: number; files: string[]; modules: number; omitted: number };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };


/** "*:443 www.example.com": how a finding names the vhost it is about. */
export function vhostLabel(v: VHost): string {
  return `${v.addrs.join(' ')}${v.serverName ? ` ${v.serverName}` : ''}`;
}

/** A hit on a directive, with its line as evidence. */
export function at(d: Pick<ConfDirective, 'file' | 'line' | 'raw'>, message: string, v?: VHost): RuleHit {
  return { file: d.file, line: d.line, evidence: d.raw, message, ...(v && { vhost: vhostLabel(v) }) };
}

export interface CheckOptions {
  versions?: Versions;
  /** the name findings give text that no file mark names (the CLI's FILE); '(pasted)' by default */
  file?: string;
  /** entry slug → url, so findings link to what exists (the caller's index) */
  urlOf?: (slug: string) => string;
}

export function checkConfig(text: string, rules: readonly ConfigRule[], opts: CheckOptions = {}): ConfigReport {
  const segs = segments(text);
  const configText = segs
    .filter((s) => s.kind === 'config')
    // Keep the paste's line numbers: each config segment padded to where it started.
    .reduce((acc, s) => {
      const have = acc ? acc.split('\n').length : 1;
      return acc + '\n'.repeat(Math.max(0, s.line - have)) + s.text;
    }, '');
  const parsed = parseConfig(configText, { file: opts.file });
  const modulesText = segs.filter((s) => s.kind === 'modules').map((s) => s.text).join('\n');
  const versionText = segs.find((s) => s.kind === 'version')?.text ?? '';
  const fromLog = versionsFromLog(text.length > 1_000_000 ? text.slice(0, 1_000_000) : text);
  const versions: Versions = { ...fromLog, ...(parseVersion(versionText) && { httpd: parseVersion(versionText) }), ...opts.versions };
  const model = buildModel(parsed, { modules: modulesText ? parseModules(modulesText) : undefined, versions });
  const vhostText = segs.filter((s) => s.kind === 'vhosts').map((s) => s.text).join('\n');
  const includesText = segs.filter((s) => s.kind === 'includes').map((s) => s.text).join('\n');
  const ctx: RuleContext = {
    versions,
    ...(vhostText && { vhostDump: parseVhostDump(vhostText) }),
    ...(includesText && { includes: parseIncludes(includesText) }),
  };
  const urlOf = opts.urlOf ?? ((slug: string) => `/faq/${slug}/`);
  const findings: ConfigFinding[] = [];
  let omitted = 0;
  for (const r of rules) {
    let hits: RuleHit[];
    try {
      hits = r.check(model, ctx);
    } catch (e) {
      // A rule's defect must not hide the others' findings.
      hits = [{ file: '(check)', line: 0, evidence: '', message: `rule ${r.id} failed: ${(e as Error).message}` }];
    }
    const seen = new Set<string>();
    for (const h of hits) {
      const key = `${h.file}:${h.line}:${h.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > MAX_PER_RULE) {
        omitted++;
        continue;
      }
      findings.push({ rule: r.id, title: r.title, slug: r.entry, url: urlOf(r.entry), causes: [...r.causes], severity: r.severity, ...h });
    }
  }
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.file.localeCompare(b.file) || a.line - b.line);
  return {
    kinds: segs.map((s) => s.kind),
    findings,
    vhosts: model.vhosts.map((v) => ({
      addrs: v.addrs,
      ...(v.serverName && { serverName: v.serverName }),
      aliases: v.aliases,
      tls: tlsVhost(model, v),
      file: v.file,
      line: v.line,
      ...(effective(model, v, 'sslcertificatefile')?.args[0] && { certificate: effective(model, v, 'sslcertificatefile')!.args[0] }),
    })),
    problems: parsed.problems,
    versions,
    stats: { lines: parsed.lines, directives: model.all.length, files: parsed.files, modules: model.modules.size, omitted },
  };
}
