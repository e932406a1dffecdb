// Every apache snippet of the knowledge base that claims httpd 2.4 must pass `apache2 -t`.
// Each snippet gets a throw-away ServerRoot under os.tmpdir() with stand-ins for every file it
// names; httpd only parses the configuration (-t): no server is started, /etc/apache2 is never read.
//   npx tsx lab/snippets.ts      prints the failing snippets and the time taken
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getEntries } from '../lib/content/kb';
import { Normaliser } from '../lib/lab/normalise';
import type { LabRun } from '../lib/lab/types';
import {
  CONTEXTS, configRuleSnippets, httpd24Snippets, wizardSnippets, isContextError, placeSnippet, rewritePaths, standIns, variables,
  type Snippet, type SnippetContext, type StandIn,
} from '../lib/lab/snippets';
import { APACHE2, freePort } from './httpd';
import { run } from './sh';

export { APACHE2 };
const MODULE_DIR = '/usr/lib/apache2/modules';

// What the snippets use, as a typical TLS server loads it; mod_proxy before its scheme handlers.
// Modules compiled into httpd (log_config, unixd here: LoadModule of those is an error) or missing
// from this build are left out.
const MODULES = [
  'mpm_event', 'unixd', 'log_config', 'authn_core', 'authn_file', 'authz_core', 'authz_host', 'authz_user',
  'auth_basic', 'mime', 'dir', 'alias', 'env', 'setenvif', 'headers', 'filter', 'deflate', 'substitute',
  'rewrite', 'status', 'socache_shmcb', 'ssl', 'http2', 'md', 'proxy', 'proxy_http', 'proxy_http2',
  'proxy_wstunnel', 'proxy_ajp',
];

export interface SnippetResult extends Snippet {
  ok: boolean;
  /** the context that passed, or the last one tried */
  context: SnippetContext;
  /** what apache2 -t printed there, temporary paths replaced by <lab> */
  output: string;
  /** on failure: the output without noise, its config line given as the entry's file:line */
  error?: string;
}

export interface SnippetLab {
  check(snippet: Snippet): Promise<SnippetResult>;
  close(): void;
}

/** Certificate, key, CRL, DH group and ticket key for stand-ins, made once with the openssl CLI. */
function makeMaterials(dir: string): Record<Exclude<StandIn['kind'], 'dir' | 'parent' | 'file'>, string> {
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', '/CN=lab.localhost', '-keyout', f('key.pem'), '-out', f('cert.pem'));
  fs.writeFileSync(f('certkey.pem'), fs.readFileSync(f('cert.pem'), 'utf8') + fs.readFileSync(f('key.pem'), 'utf8'));
  // `openssl ca -gencrl` wants a CA database, even an empty one.
  fs.writeFileSync(f('index.txt'), '');
  fs.writeFileSync(f('ca.cnf'), `[ca]\ndefault_ca = lab\n[lab]\ndatabase = ${f('index.txt')}\ndefault_md = sha256\ndefault_crl_days = 2\n`);
  openssl('ca', '-gencrl', '-config', f('ca.cnf'), '-keyfile', f('key.pem'), '-cert', f('cert.pem'), '-out', f('crl.pem'));
  openssl('genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048', '-out', f('dh.pem'));
  openssl('rand', '-out', f('ticket.key'), '48'); // SSLSessionTicketKeyFile: exactly 48 random bytes
  return { cert: f('cert.pem'), key: f('key.pem'), certkey: f('certkey.pem'), crl: f('crl.pem'), dh: f('dh.pem'), ticket: f('ticket.key') };
}

/** Module names compiled into this httpd (`apache2 -l`): mod_watchdog.c → watchdog_module. */
function builtinModules(): Set<string> {
  const listed = execFileSync(APACHE2, ['-l'], { encoding: 'utf8' });
  return new Set([...listed.matchAll(/\bmod_(\w+)\.c\b/g)].map((m) => `${m[1]}_module`));
}

function makeStandIn(root: string, s: StandIn, materials: ReturnType<typeof makeMaterials>): void {
  const abs = path.join(root, s.path);
  if (fs.existsSync(abs)) return; // e.g. modules/…, or a path two directives share
  if (s.kind === 'dir') return void fs.mkdirSync(abs, { recursive: true });
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  if (s.kind === 'parent') return;
  if (s.kind === 'file') fs.writeFileSync(abs, '');
  else fs.copyFileSync(materials[s.kind], abs);
}

async function apacheTest(conf: string, root: string): Promise<{ ok: boolean; output: string }> {
  // Debian's envvars point into the lab, so ${APACHE_LOG_DIR}-style snippets read as on a real host.
  const env = {
    ...process.env,
    APACHE_RUN_DIR: path.join(root, 'run'),
    APACHE_LOCK_DIR: path.join(root, 'lock'),
    APACHE_LOG_DIR: path.join(root, 'logs'),
    APACHE_PID_FILE: path.join(root, 'run', 'apache2.pid'),
  };
  const r = await run(APACHE2, ['-t', '-d', root, '-f', conf], { env, timeoutMs: 30_000 });
  const output = `${r.stderr}${r.stdout}`.trim() + (r.timedOut ? '\napache2 -t did not finish in 30 s' : '');
  return { ok: r.code === 0 && /\bSyntax OK\b/.test(output), output };
}

export async function openSnippetLab(): Promise<SnippetLab> {
  if (!fs.existsSync(APACHE2)) throw new Error(`${APACHE2} is not installed (apt-get install apache2, or set LAB_APACHE2)`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'handshake-snippets-'));
  try {
    const materials = makeMaterials(home);
    const builtins = builtinModules();
    const port = await freePort();
    const loads = MODULES.filter((m) => !builtins.has(`${m}_module`) && fs.existsSync(path.join(MODULE_DIR, `mod_${m}.so`)))
      .map((m) => `LoadModule ${m}_module modules/mod_${m}.so`);

    const check = async (s: Snippet): Promise<SnippetResult> => {
      const root = fs.mkdtempSync(path.join(home, 'snippet-'));
      try {
        fs.symlinkSync(MODULE_DIR, path.join(root, 'modules'));
        for (const d of ['logs', 'run', 'lock']) fs.mkdirSync(path.join(root, d));
        for (const standIn of standIns(s.code)) makeStandIn(root, standIn, materials);
        const defines = variables(s.code).filter((v) => !/^APACHE_(RUN|LOCK|LOG)_DIR$|^APACHE_PID_FILE$/.test(v)).map((v) => {
          fs.mkdirSync(path.join(root, 'vars', v), { recursive: true });
          return `Define ${v} "${path.join(root, 'vars', v)}"`;
        });
        const preamble = [
          '# throw-away server around one knowledge-base snippet (apache2 -t only)',
          `ServerRoot "${root}"`,
          `DefaultRuntimeDir "${root}/run"`,
          `PidFile "${root}/run/httpd.pid"`,
          `ErrorLog "${root}/logs/error_log"`,
          `Mutex file:${root}/lock default`,
          'ServerName lab.localhost',
          `Listen 127.0.0.1:${port}`,
          ...loads,
          ...defines,
          '',
        ];
        const code = rewritePaths(s.code, root);
        const conf = path.join(root, 'snippet.conf');
        let last = { context: 'server' as SnippetContext, ok: false, output: '', before: 0 };
        for (const context of CONTEXTS) {
          const placed = placeSnippet(code, context, { port, cert: materials.cert, key: materials.key });
          fs.writeFileSync(conf, preamble.join('\n') + placed.text);
          // preamble ends with '' (a newline), so the snippet starts on its last line
          last = { context, before: preamble.length - 1 + placed.before, ...(await apacheTest(conf, root)) };
          // Only "not allowed here" is worth another context; any other error is the snippet's own.
          if (last.ok || !isContextError(last.output)) break;
        }
        // Stand-ins read as the paths the snippet names; times, pids and the port as in lab captures.
        const output = new Normaliser({ paths: [[`${root}/fs`, ''], [root, '<lab>']], ports: [[port, 8443]] }).text(last.output);
        if (last.ok) return { ...s, ok: true, context: last.context, output };
        return { ...s, ok: false, context: last.context, output, error: describeError(output, s, last.before) };
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    };
    return { check, close: () => fs.rmSync(home, { recursive: true, force: true }) };
  } catch (e) {
    fs.rmSync(home, { recursive: true, force: true });
    throw e;
  }
}

/** The error without "already loaded" noise, "line N of <lab>/snippet.conf" as the entry's file:line. */
function describeError(output: string, s: Snippet, before: number): string {
  const lines = s.code.split('\n').length;
  return output
    .split('\n')
    .filter((l) => !/AH01574/.test(l))
    .join('\n')
    .replace(/line (\d+) of <lab>\/snippet\.conf/g, (text, n: string) => {
      const k = Number(n) - before; // 1-based line within the snippet
      return k >= 1 && k <= lines ? `${s.file}:${s.line + k}` : text;
    });
}

/** Run fn over items, at most `limit` at a time, keeping the order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Check every httpd 2.4 snippet of the knowledge base (or the given ones) with apache2 -t; entry = slug. */
export async function checkSnippets(
  snippets: readonly Snippet[] = [...httpd24Snippets(getEntries()), ...wizardSnippets(), ...configRuleSnippets()],
): Promise<LabRun['snippets']> {
  const lab = await openSnippetLab();
  try {
    const results = await mapLimit(snippets, os.availableParallelism(), lab.check);
    const failing = results.filter((r) => !r.ok).map((r) => ({ entry: r.entry, line: r.line, error: r.error ?? r.output }));
    return { checked: results.length, failing };
  } finally {
    lab.close();
  }
}

/** `npx tsx lab/snippets.ts`: the failing snippets, the count and the time taken. */
async function main(): Promise<void> {
  const t0 = performance.now();
  const { checked, failing } = await checkSnippets();
  for (const f of failing) console.log(`✗ ${f.entry} (line ${f.line})\n  ${f.error.replaceAll('\n', '\n  ')}`);
  console.log(`${checked} httpd 2.4 snippets checked, ${failing.length} failing (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  process.exitCode = failing.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void main();
