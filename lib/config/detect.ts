// A paste may hold configuration text and the outputs of `apachectl -S`, `-M`, `httpd -V` and
// `-t -D DUMP_INCLUDES`, one after another. Each output starts with a header line httpd always
// prints (server/vhost.c, server/main.c, server/config.c); what follows it belongs to it while
// its lines keep that output's shape.

export type SegmentKind = 'config' | 'vhosts' | 'modules' | 'version' | 'includes';

export interface Segment {
  kind: SegmentKind;
  /** 1-based line of the paste where it starts */
  line: number;
  text: string;
}

const HEADERS: [RegExp, SegmentKind][] = [
  [/^VirtualHost configuration:\s*$/, 'vhosts'],
  [/^Loaded Modules:\s*$/, 'modules'],
  [/^Server version:\s*\S/, 'version'],
  [/^Included configuration files:\s*$/, 'includes'],
];

/** Lines that belong to each output, after its header. */
const BODY: Record<Exclude<SegmentKind, 'config'>, RegExp> = {
  // "*:443   is a NameVirtualHost", "default server …", "port 443 namevhost …", "alias …",
  // and the run-time settings -S prints after the vhosts.
  vhosts: /^(?:\S+:(?:\d+|\*)\s|\s+(?:default server|port \S+ namevhost|alias|wild alias)\s|(?:ServerRoot|Main DocumentRoot|Main ErrorLog|Mutex|PidFile|Define|User|Group):)|^\s*$/,
  modules: /^\s+\w+_module \((?:static|shared)\)\s*$|^\s*$/,
  version: /^(?:Server (?:built|loaded|MPM|compiled with\.\.\.\.|'s Module Magic Number):|Compiled using:|Architecture:|\s+(?:threaded|forked):|\s+-D\s)|^\s*$/,
  includes: /^\s+\((?:\*|\d+)\)\s+\S/,
};

/** Lines httpd prints around these outputs that are not configuration (warnings, "Syntax OK"). */
const NOISE = /^(?:AH\d{5}:|Syntax OK\s*$|\[[A-Z][a-z]{2} [A-Z][a-z]{2} )/;

export function segments(text: string): Segment[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const out: Segment[] = [];
  let cur: { kind: SegmentKind; line: number; lines: string[] } | undefined;
  const flush = () => {
    if (cur && cur.lines.some((l) => l.trim())) out.push({ kind: cur.kind, line: cur.line, text: cur.lines.join('\n') });
    cur = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const header = HEADERS.find(([re]) => re.test(l));
    if (header) {
      flush();
      cur = { kind: header[1], line: i + 1, lines: [l] };
      continue;
    }
    if (cur && cur.kind !== 'config' && BODY[cur.kind].test(l)) {
      cur.lines.push(l);
      continue;
    }
    if (NOISE.test(l) && (!cur || cur.kind !== 'config')) continue;
    if (!cur || cur.kind !== 'config') {
      flush();
      cur = { kind: 'config', line: i + 1, lines: [] };
    }
    cur.lines.push(l);
  }
  flush();
  return out;
}

export interface VhostDump {
  addr: string;
  /** name-based: the default server and each namevhost; else the one server */
  names: { name: string; file: string; line: number; default?: boolean; aliases: string[] }[];
}

/** `apachectl -S`'s vhost lines. */
export function parseVhostDump(text: string): VhostDump[] {
  const out: VhostDump[] = [];
  let cur: VhostDump | undefined;
  for (const l of text.split('\n')) {
    let m = /^(\S+:(?:\d+|\*))\s+is a NameVirtualHost\s*$/.exec(l);
    if (m) {
      out.push((cur = { addr: m[1]!, names: [] }));
      continue;
    }
    m = /^(\S+:(?:\d+|\*))\s+(\S+) \((.+):(\d+)\)\s*$/.exec(l);
    if (m) {
      out.push({ addr: m[1]!, names: [{ name: m[2]!, file: m[3]!, line: Number(m[4]), default: true, aliases: [] }] });
      cur = undefined;
      continue;
    }
    m = /^\s+default server (\S+) \((.+):(\d+)\)\s*$/.exec(l);
    if (m && cur) continue; // the default is also listed as the first namevhost
    m = /^\s+port \S+ namevhost (\S+) \((.+):(\d+)\)\s*$/.exec(l);
    if (m && cur) {
      cur.names.push({ name: m[1]!, file: m[2]!, line: Number(m[3]), aliases: [], ...(cur.names.length === 0 && { default: true }) });
      continue;
    }
    m = /^\s+(?:wild )?alias (\S+)\s*$/.exec(l);
    if (m && cur?.names.length) cur.names.at(-1)!.aliases.push(m[1]!);
  }
  return out;
}

/** `apachectl -M`: the module identifiers. */
export function parseModules(text: string): string[] {
  return text.split('\n').flatMap((l) => /^[ \t]{1,16}(\w{1,64}_module) \((?:static|shared)\)/.exec(l)?.[1] ?? []);
}

/** `httpd -V`'s version line: "Server version: Apache/2.4.62 (Debian)". */
export function parseVersion(text: string): string | undefined {
  return /^Server version:\s*Apache\/(\d+\.\d+\.\d+)/m.exec(text)?.[1];
}

/**
 * The versions httpd logs at start-up, when a log excerpt is pasted too: AH00489 ("Apache/2.4.71
 * (Debian) OpenSSL/3.0.19 configured") names the OpenSSL loaded at run time, which is what
 * behaves; AH01876 names the one mod_ssl was compiled against.
 */
export function versionsFromLog(text: string): { httpd?: string; openssl?: string } {
  const run = /AH00489: Apache\/(\d{1,3}\.\d{1,3}\.\d{1,3})[^\n]{0,200}?OpenSSL\/(\d{1,3}\.\d{1,3}\.\d{1,3})/.exec(text);
  if (run) return { httpd: run[1], openssl: run[2] };
  const m = /mod_ssl\/(\d+\.\d+\.\d+) compiled against Server: Apache\/\d+\.\d+\.\d+, Library: OpenSSL\/(\d+\.\d+\.\d+)/.exec(text);
  return m ? { httpd: m[1], openssl: m[2] } : {};
}

/** `-t -D DUMP_INCLUDES`: each file with the line of its parent's Include ("*" for the main file). */
export function parseIncludes(text: string): { file: string; depth: number; includeLine?: number }[] {
  return text.split('\n').flatMap((l) => {
    const m = /^([ \t]{1,64})\((\*|\d{1,7})\)[ \t]{1,8}(\S[^\n]{0,4096})/.exec(l);
    if (!m) return [];
    return [{ file: m[3]!.trim(), depth: Math.max(0, m[1]!.length / 2 - 1), ...(m[2] !== '*' && { includeLine: Number(m[2]) }) }];
  });
}

/**
 * Whether a paste is configuration rather than an error or a log: more lines shaped like
 * directives or section tags than lines shaped like log entries or client output. The wizard's
 * paste step sends configuration to the check and everything else to the diagnosis.
 */
export function looksLikeConfig(text: string): boolean {
  let conf = 0;
  let other = 0;
  const lines = text.split('\n', 2000);
  for (const raw of lines) {
    const l = raw.trim();
    if (!l || l.startsWith('#')) continue;
    if (/^\[|AH\d{5}:|^(?:curl|openssl|Error|error|Exception|SSL|javax|Caused by)\b/.test(l)) other++;
    else if (/^<\/?[A-Za-z]{2,30}(?:[\s>]|$)/.test(l) || /^[A-Z][A-Za-z0-9]{2,40}(?:[ \t]|$)/.test(l)) conf++;
    else other++;
  }
  return conf >= 2 && conf > other;
}
