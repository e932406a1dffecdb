#!/usr/bin/env node
// `npm run bench`: figures, not pass/fail. Nothing here is asserted; figures move by ±25 %
// between runs on a shared machine.
//
// 1. Error logs (`npm run bench -- --logs` runs only this part). Three generated 1,000,000-line
//    error_logs (scripts/gen-error-log.mjs: typical, varied, hostile), each summarised by the CLI
//    beside what administrators run today over the same file in the same run:
//      grep -oE 'AH[0-9]{5}' FILE | sort | uniq -c
//    wall times (median of RUNS, the two interleaved), their ratio, and the CLI's peak RSS; then
//    a 5,000,000-line varied log, to show whether memory grows with the size of the log; then
//    the typical log streamed ~1 GB through standard input. Logs go to a temporary directory,
//    deleted as soon as each is measured (and on exit).
// 2. Search latency, 3. a clean production build, page weights and Lighthouse.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli, UsageError, wholeNumber } from './is-main.mjs';

const USAGE = `Usage: npm run bench [-- OPTIONS]
Prints figures (never fails on them): error-log summaries against grep, search latency,
a clean production build, page weights, Lighthouse.
  --logs           only the error-log part
  --runs N         timed runs per log, median reported (default 3, or BENCH_RUNS)
  --lines N        lines per log (default 1000000, or BENCH_LINES)
  --big-lines N    lines of the log for the memory-growth check (default 5000000,
                   or BENCH_BIG_LINES; 0 skips it)
  --kinds LIST     which logs, comma-separated (default typical,varied,hostile)
  --no-pipe        skip streaming ~1 GB through standard input
  --timeout S      give up on one CLI run after S seconds (default 900)
  --cpu-prof DIR   also run the CLI once per log under node --cpu-prof, keep the
                   profiles in DIR and print where the time goes
  --help           this text`;

const KINDS = ['typical', 'varied', 'hostile'];

const kinds = (v, flag) => {
  const list = v.split(',').filter(Boolean);
  const bad = list.find((k) => !KINDS.includes(k));
  if (bad !== undefined || !list.length) throw new UsageError(`${flag} takes some of ${KINDS.join(',')}, not "${bad ?? v}"`);
  return list;
};
const { values } = parseCli(USAGE, {
  logs: { type: 'boolean' },
  runs: { type: 'string', default: process.env.BENCH_RUNS || '3', check: wholeNumber(1) },
  lines: { type: 'string', default: process.env.BENCH_LINES || '1000000', check: wholeNumber(1) },
  'big-lines': { type: 'string', default: process.env.BENCH_BIG_LINES ?? '5000000', check: wholeNumber(0) },
  kinds: { type: 'string', default: KINDS.join(','), check: kinds },
  'no-pipe': { type: 'boolean' },
  timeout: { type: 'string', default: '900', check: wholeNumber(1) },
  'cpu-prof': { type: 'string', check: (v) => path.resolve(v) },
});
const opts = {
  logsOnly: Boolean(values.logs),
  runs: values.runs,
  lines: values.lines,
  bigLines: values['big-lines'],
  kinds: values.kinds,
  pipe: !values['no-pipe'],
  timeout: values.timeout,
  cpuProf: values['cpu-prof'],
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const BIN = path.join(ROOT, 'bin', 'handshake-diagnose.mjs');
const GEN = path.join(ROOT, 'scripts', 'gen-error-log.mjs');
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => spawnSync(p, ['-v', 'true'], { encoding: 'utf8' }).stderr?.includes('Maximum resident set size'));
const TIMEOUT = spawnSync('timeout', ['--version'], { encoding: 'utf8' }).status === 0;
// The error-log part compares with a grep | sort | uniq pipeline run by bash: without them (a
// plain Windows), it is skipped with a sentence rather than failing on the first log.
const PIPELINE = ['bash', 'grep', 'sort', 'uniq'].every((t) => spawnSync(t, ['--version'], { encoding: 'utf8' }).status === 0);
if (!PIPELINE) {
  console.log('No bash, grep, sort and uniq here: the error-log part (measured against them) is skipped.');
  Object.assign(opts, { kinds: [], bigLines: 0, pipe: false });
}

function timed(fn) {
  const t = process.hrtime.bigint();
  const out = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, out };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;
const fmtN = (n) => n.toLocaleString('en-US');
const first = (s) => (s || '').split('\n')[0].trim();

const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
console.log(`Handshake benchmark on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);

// ── 1. Error logs ────────────────────────────────────────────────────────────────────────────

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handshake-bench-'));
const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function generate(kind, lines, file) {
  const r = timed(() => spawnSync(process.execPath, [GEN, '--kind', kind, '--lines', String(lines), file], { encoding: 'utf8' }));
  if (r.out.status !== 0) throw new Error(`generating the ${kind} log failed: ${r.out.stderr}`);
  return { ms: r.ms, bytes: fs.statSync(file).size };
}

/**
 * One run of `handshake-diagnose --json FILE` (or of a shell pipeline into it), under GNU time
 * -v for its peak RSS (ru_maxrss of the process: what the kernel counted, GC and all) and under
 * timeout(1) so that a run that never ends is reported, not waited for.
 */
function runCli(file, { shell, profDir } = {}) {
  const outFile = path.join(dir, 'cli.json');
  const node = [process.execPath, ...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), BIN, '--json'];
  const wrapped = [...(TIMEOUT ? ['timeout', '--kill-after=10', String(opts.timeout)] : []), ...(GNU_TIME ? [GNU_TIME, '-v'] : []), ...node];
  const fd = fs.openSync(outFile, 'w');
  const q = (s) => `'${s.replace(/'/g, "'\\''")}'`;
  const r = timed(() =>
    shell
      ? spawnSync('bash', ['-c', `set -o pipefail; ${shell} | ${wrapped.map(q).join(' ')} -`], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync(wrapped[0], [...wrapped.slice(1), file], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 }),
  );
  fs.closeSync(fd);
  const stderr = r.out.stderr || '';
  // timeout(1) exits 124 when it stopped the run, 137 when it had to kill it
  if (TIMEOUT && (r.out.status === 124 || (r.out.status === 137 && r.ms >= opts.timeout * 1000))) return { ms: r.ms, timedOut: true };
  if (r.out.status !== 0) throw new Error(`CLI failed (status ${r.out.status}): ${stderr.slice(-1500)}`);
  const j = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  fs.rmSync(outFile);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { ms: r.ms, rssMB: kb ? Math.round(Number(kb[1]) / 1024) : j.stats.peakMemoryMB, json: j };
}

/** The pipeline administrators run; with text, grep -a (binary data read as text). */
function runGrep(file, text = false) {
  const r = timed(() => spawnSync('bash', ['-c', `grep ${text ? '-a ' : ''}-oE 'AH[0-9]{5}' "$1" | sort | uniq -c`, 'bash', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const out = r.out.stdout.trim();
  return { ms: r.ms, codes: out ? out.split('\n').length : 0, occurrences: out ? out.split('\n').reduce((s, l) => s + Number(l.trim().split(/\s+/)[0]), 0) : 0, note: first(r.out.stderr) };
}

/** Self time per function of a .cpuprofile, the largest first. */
function profileTop(file, n = 12) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map();
  const dt = p.timeDeltas ?? [];
  p.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(2).padStart(6)} s  ${k}`);
}

const rows = [];
function measure(label, kind, lines, runs) {
  const file = path.join(dir, `${kind}-${lines}.log`);
  const gen = generate(kind, lines, file);
  console.log(`\n${label}: ${fmtN(lines)} lines, ${(gen.bytes / 1e6).toFixed(0)} MB (generated in ${fmtS(gen.ms)}), median of ${runs} run${runs > 1 ? 's' : ''}:`);
  runCli('/dev/null'); // warm-up: the CLI bundles itself again when a source changed
  const grep = [];
  const grepA = [];
  const cli = [];
  for (let i = 0; i < runs; i++) {
    const gr = runGrep(file);
    grep.push(gr);
    // grep stops printing matches at the first binary data (a NUL, invalid UTF-8 in a UTF-8
    // locale): the pipeline then counts nothing. What -a, which reads it as text, would take:
    if (/binary file/i.test(gr.note)) grepA.push(runGrep(file, true));
    const c = runCli(file);
    cli.push(c);
    if (c.timedOut) break;
  }
  const g = median(grep.map((x) => x.ms));
  const last = grep.at(-1);
  console.log(`  grep | sort | uniq -c   ${fmtS(g).padStart(8)}   (${fmtN(last.codes)} distinct AH codes, ${fmtN(last.occurrences)} occurrences, nothing explained${last.note ? `; grep said: "${last.note.replace(dir, '$TMP')}"` : ''})`);
  const ga = grepA.length ? median(grepA.map((x) => x.ms)) : undefined;
  if (ga !== undefined) console.log(`  grep -a | sort | uniq -c ${fmtS(ga).padStart(7)}   (${fmtN(grepA.at(-1).codes)} distinct AH codes, ${fmtN(grepA.at(-1).occurrences)} occurrences: what it counts once told the binary is text)`);
  const done = cli.filter((c) => !c.timedOut);
  if (!done.length) {
    console.log(`  handshake-diagnose      timed out after ${opts.timeout} s`);
    rows.push({ label, lines, bytes: gen.bytes, grepMs: g, timedOut: true });
    return { file, gen };
  }
  const c = median(done.map((x) => x.ms));
  const rss = done.map((x) => x.rssMB);
  const j = done.at(-1).json;
  const s = j.stats;
  console.log(`  handshake-diagnose      ${fmtS(c).padStart(8)}   (${j.findings.length} problems explained, ${fmtN(s.distinctMessages)} distinct messages, ${fmtN(s.recognisedLines)} of ${fmtN(s.lines)} lines recognised, ${fmtN(j.unknown.length)} unknown tokens${s.longLines ? `, ${fmtN(s.longLines)} long lines cut` : ''}${j.decoded && j.decoded !== 'utf-8' ? `, read as ${j.decoded}` : ''})`);
  if (j.decodeNotes?.length) console.log(`  CLI notes               ${j.decodeNotes.map((n) => n.slice(0, 140)).join(' | ')}`);
  console.log(`  ratio CLI / pipeline    ${(c / g).toFixed(2)}×${ga !== undefined ? `   (against grep -a: ${(c / ga).toFixed(2)}×)` : ''}${cli.length < runs ? `   (a run timed out after ${opts.timeout} s)` : ''}`);
  console.log(`  CLI peak RSS            ${median(rss)} MB${rss.length > 1 ? `   (runs: ${rss.join(', ')} MB)` : ''}; the CLI's own count: ${s.peakMemoryMB} MB, its own timing ${s.seconds} s`);
  rows.push({ label, lines, bytes: gen.bytes, grepMs: g, grepAMs: ga, cliMs: c, rssMB: median(rss) });
  if (opts.cpuProf) {
    const profDir = path.join(opts.cpuProf, label.replace(/[^\w.-]+/g, '-'));
    fs.rmSync(profDir, { recursive: true, force: true });
    fs.mkdirSync(profDir, { recursive: true });
    const pr = runCli(file, { profDir });
    const prof = fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
    console.log(`  where the time goes (node --cpu-prof, ${fmtS(pr.ms)}, self time; ${path.join(profDir, prof[0] ?? '')}):`);
    for (const l of prof.length ? profileTop(path.join(profDir, prof[0])) : ['(no profile written)']) console.log(`    ${l}`);
  }
  return { file, gen };
}

if (GNU_TIME) console.log(`Peak RSS: ${GNU_TIME} -v, "Maximum resident set size" of the CLI process (its ru_maxrss).`);
else console.log('Peak RSS: no GNU time here; the CLI\'s own process.resourceUsage().maxRSS (the same kernel figure, read just before it exits).');
if (PIPELINE) console.log(`grep: ${first(spawnSync('grep', ['--version'], { encoding: 'utf8' }).stdout)}, ${first(spawnSync('sort', ['--version'], { encoding: 'utf8' }).stdout)}; locale ${process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || 'C'}.`);

let typicalFile;
for (const kind of opts.kinds) {
  const { file } = measure(kind, kind, opts.lines, opts.runs);
  if (kind === 'typical') typicalFile = file;
  else fs.rmSync(file, { force: true });
}

const idle = timed(() => spawnSync(process.execPath, [BIN, '--json', '-'], { input: '', encoding: 'utf8' }));
console.log(`\nCLI start-up: ${fmtS(idle.ms)} (loading the knowledge base and building the matcher, on empty input)`);

if (opts.bigLines > 0) {
  const base = rows.find((r) => r.label === 'varied' && !r.timedOut);
  const { file } = measure(`varied ${fmtN(opts.bigLines)}`, 'varied', opts.bigLines, 1);
  fs.rmSync(file, { force: true });
  const big = rows.at(-1);
  if (base && !big.timedOut) {
    const pct = ((big.rssMB - base.rssMB) / base.rssMB) * 100;
    console.log(`  memory against size     ${base.rssMB} MB at ${fmtN(base.lines)} lines, ${big.rssMB} MB at ${fmtN(big.lines)} lines: ${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %`);
    console.log(`  time against size       ${fmtS(base.cliMs)} → ${fmtS(big.cliMs)}: ${(big.cliMs / base.cliMs).toFixed(2)}× for ${(big.lines / base.lines).toFixed(1)}× the lines`);
  }
}

// Streaming: the typical log read BIG_COPIES times through a pipe, about 1 GB, never on disk twice.
if (opts.pipe && typicalFile) {
  const copies = Number(process.env.BENCH_BIG_COPIES || Math.ceil(1e9 / fs.statSync(typicalFile).size));
  const big = runCli(undefined, { shell: `for i in $(seq ${copies}); do cat '${typicalFile}'; done` });
  if (big.timedOut) console.log(`\nStreaming through standard input: timed out after ${opts.timeout} s`);
  else {
    console.log(`\nStreaming ${((fs.statSync(typicalFile).size * copies) / 1e9).toFixed(2)} GB (${fmtN(big.json.stats.lines)} lines, the typical log ${copies}×) through standard input:`);
    console.log(`  ${fmtS(big.ms)}, CLI peak RSS ${big.rssMB} MB`);
  }
}
if (typicalFile) fs.rmSync(typicalFile, { force: true });

if (rows.length) {
  console.log('\nSummary (wall times, median of runs; peak RSS of the CLI):');
  console.log('  log                 lines       MB   grep|sort|uniq   handshake-diagnose    ratio   peak RSS');
  for (const r of rows) {
    const cli = r.timedOut ? `> ${opts.timeout} s` : fmtS(r.cliMs);
    const ratio = r.timedOut ? '—' : `${(r.cliMs / r.grepMs).toFixed(2)}×`;
    const withA = r.grepAMs !== undefined && !r.timedOut ? `   (grep -a ${fmtS(r.grepAMs)}: ${(r.cliMs / r.grepAMs).toFixed(2)}×)` : '';
    console.log(`  ${r.label.padEnd(18)} ${fmtN(r.lines).padStart(9)} ${(r.bytes / 1e6).toFixed(0).padStart(6)}   ${fmtS(r.grepMs).padStart(14)}   ${cli.padStart(18)}   ${ratio.padStart(7)}   ${r.timedOut ? '—' : `${r.rssMB} MB`}${withA}`);
  }
}
cleanup();
console.log(`\nError-log part: ${elapsed().toFixed(0)} s`);
if (opts.logsOnly) process.exit(0);

// ── 2. Search ────────────────────────────────────────────────────────────────────────────────

const s = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench-search.ts')], { encoding: 'utf8' }));
console.log(`\nSearch over the whole index (${s.records} records: entries and error-code pages), ${s.queries} queries × ${s.reps}:`);
console.log(`  median ${s.medianMs} ms   p95 ${s.p95Ms} ms   max ${s.maxMs} ms   (index built in ${s.indexBuildMs} ms)`);

console.log('');
execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench-config.ts')], { stdio: 'inherit' });

// ── 3. Build time and Lighthouse, on a fresh production build ────────────────────────────────

console.log('\nProduction build (clean .next and .cache):');
fs.rmSync('.next', { recursive: true, force: true });
fs.rmSync('.cache', { recursive: true, force: true });
const build = timed(() => spawnSync('npm', ['run', 'build'], { encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, shell: process.platform === 'win32' }));
console.log(build.out.status === 0 ? `  ${(build.ms / 1000).toFixed(1)} s` : `  build failed: ${build.out.stderr.slice(-400)}`);
if (build.out.status === 0) {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'page-weight.mjs'), 'out'], { stdio: 'inherit' });
  console.log('\nLighthouse (simulated mobile throttling):');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'lighthouse.mjs'), 'out'], { stdio: 'inherit' });
}
console.log(`\nWhole benchmark: ${elapsed().toFixed(0)} s`);
