// `handshake-diagnose config [--json] FILE|-`: the configuration check on the command line. The
// same checkConfig and rules as the site's "Check my configuration" page.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { checkConfig, type ConfigReport } from '../lib/config/check';
import { MAX_PER_RULE } from '../lib/config/limits';
import { CONFIG_RULES } from '../content/config-rules';

const USAGE = `Usage: handshake-diagnose config [--json] [--httpd VERSION] [--openssl VERSION] FILE|-
Checks an httpd configuration for the traps the knowledge base explains, before anything fails.
FILE (or standard input for -) holds configuration text — a vhost, ssl.conf, httpd.conf, several
files one after another (a line "==> /path/file.conf <==" names each, as tail -n +1 prints) —
and may hold the outputs of apachectl -S, apachectl -M, httpd -V and apachectl -t -D DUMP_INCLUDES.
  --json             {findings:[{rule, slug, url, causes, severity, file, line, evidence}], vhosts:[…]}
  --httpd VERSION    the httpd version the rules assume (else read from httpd -V in the input)
  --openssl VERSION  the OpenSSL version (else read from a start-up log line in the input)
  --help             this text
Exit status: 0 no error or warning, 1 findings of severity error or warning, 2 bad usage, or
input with no configuration in it.`;

const MAX_BYTES = 20 << 20;
const VERSION = /^\d+\.\d+(?:\.\d+)?[a-z]?$/;

function usage(message: string): number {
  console.error(`${message}\n(handshake-diagnose config --help prints the usage)`);
  return 2;
}

/** The input as text: UTF-8 (a BOM dropped) or UTF-16 with a BOM, as Windows editors save it. */
function decode(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  return new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
}

async function readInput(file: string): Promise<Buffer> {
  if (file !== '-') {
    const size = fs.statSync(file).size;
    if (size > MAX_BYTES) throw new Error(`${file} is ${(size / 1048576).toFixed(0)} MB: a configuration is far smaller (at most 20 MB is read). Was a log given by mistake?`);
    return fs.readFileSync(file);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of process.stdin) {
    total += (c as Buffer).length;
    if (total > MAX_BYTES) throw new Error('standard input is over 20 MB: a configuration is far smaller. Was a log given by mistake?');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export function formatReport(r: ConfigReport, name: string, site: string): string {
  const out: string[] = [];
  const tls = r.vhosts.filter((v) => v.tls).length;
  const ver = [r.versions.httpd && `httpd ${r.versions.httpd}`, r.versions.openssl && `OpenSSL ${r.versions.openssl}`].filter(Boolean).join(', ');
  out.push(`${name}: ${r.stats.directives} directives, ${r.vhosts.length} vhost${r.vhosts.length === 1 ? '' : 's'} (${tls} TLS)${r.kinds.some((k) => k !== 'config') ? `; also read: ${[...new Set(r.kinds.filter((k) => k !== 'config'))].join(', ')}` : ''}${ver ? `; ${ver}` : '; versions unknown (--httpd, --openssl)'}`);
  if (r.problems.length) {
    out.push('', 'Syntax:');
    for (const p of r.problems.slice(0, 20)) out.push(`   ${p.file}:${p.line}  ${p.severity}: ${p.message}`);
    if (r.problems.length > 20) out.push(`   …and ${r.problems.length - 20} more.`);
  }
  if (!r.findings.length) out.push('', r.stats.directives ? 'No trap found.' : 'No configuration directives found in the input.');
  r.findings.forEach((f, i) => {
    out.push('', `${i + 1}. ${f.severity.toUpperCase()}  ${f.title}`);
    out.push(`   ${f.file}:${f.line}${f.vhost ? `  (${f.vhost})` : ''}  ${f.evidence.slice(0, 160)}`);
    out.push(`   ${f.message}`);
    out.push(`   ${site}${f.url}  [${f.rule}]`);
  });
  if (r.stats.omitted) out.push('', `…and ${r.stats.omitted} more findings of rules already listed ${MAX_PER_RULE} times (--json has the same cut).`);
  if (r.vhosts.length) {
    out.push('', 'Virtual hosts:');
    for (const v of r.vhosts) out.push(`   ${v.addrs.join(' ')}  ${v.serverName ?? '(no ServerName)'}${v.aliases.length ? ` + ${v.aliases.join(' ')}` : ''}  ${v.tls ? 'TLS' : 'plain'}${v.certificate ? `  ${v.certificate}` : ''}  (${v.file}:${v.line})`);
  }
  return out.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, httpd: { type: 'string' }, openssl: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    return usage((e as Error).message.split('\n')[0]!);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  for (const k of ['httpd', 'openssl'] as const) if (values[k] !== undefined && !VERSION.test(values[k])) return usage(`--${k} wants a version like 2.4.62 or 3.0, not "${values[k]}"`);
  if (positionals.length !== 1) return usage(positionals.length ? 'One file at a time' : 'Which configuration? Give a FILE, or - for standard input');
  const file = positionals[0]!;
  if (file !== '-' && !fs.existsSync(file)) return usage(`No such file: ${file}`);
  if (file === '-' && process.stdin.isTTY) console.error('Reading standard input (paste, then Ctrl-D)…');
  let text: string;
  try {
    text = decode(await readInput(file));
  } catch (e) {
    console.error(`handshake-diagnose config: ${(e as Error).message}`);
    return 2;
  }
  const site = (process.env.SITE_URL || '').replace(/\/+$/, '');
  const report = checkConfig(text, CONFIG_RULES, { file: file === '-' ? '(standard input)' : file, versions: { ...(values.httpd && { httpd: values.httpd }), ...(values.openssl && { openssl: values.openssl }) } });
  if (values.json) {
    console.log(JSON.stringify({ ...report, findings: report.findings.map((f) => ({ ...f, url: `${site}${f.url}` })) }, null, 2));
  } else {
    console.log(formatReport(report, file === '-' ? 'standard input' : file, site));
  }
  if (!report.stats.directives) {
    console.error('handshake-diagnose config: no configuration directives in this input. For an error message or a log, run handshake-diagnose without "config".');
    return 2;
  }
  return report.findings.some((f) => f.severity !== 'info') ? 1 : 0;
}
