#!/usr/bin/env node
// `npm run bench`: figures, not pass/fail. Summarising a generated 1,000,000-line error_log with
// the CLI, beside what administrators run today over the same file in the same run:
//   grep -oE 'AH[0-9]{5}' FILE | sort | uniq -c
// Prints wall times (median of RUNS), their ratio, and the CLI's peak memory.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LINES = Number(process.env.BENCH_LINES || 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handshake-bench-'));
const log = path.join(dir, 'error_log');

function timed(fn) {
  const t = process.hrtime.bigint();
  const out = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, out };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`Handshake benchmark on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
execFileSync(process.execPath, ['scripts/gen-error-log.mjs', log, String(LINES)], { stdio: 'inherit' });

const grepMs = [];
let grepCodes = 0;
for (let i = 0; i < RUNS; i++) {
  const r = timed(() => spawnSync('bash', ['-c', `grep -oE 'AH[0-9]{5}' "${log}" | sort | uniq -c`], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  grepMs.push(r.ms);
  grepCodes = r.out.stdout.trim().split('\n').length;
}

const cliMs = [];
let stats = {};
let findings = 0;
for (let i = 0; i < RUNS; i++) {
  const r = timed(() => spawnSync(process.execPath, ['bin/handshake-diagnose.mjs', '--json', log], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  if (r.out.status !== 0) throw new Error(`CLI failed: ${r.out.stderr}`);
  cliMs.push(r.ms);
  const j = JSON.parse(r.out.stdout);
  stats = j.stats;
  findings = j.findings.length;
}

const g = median(grepMs);
const c = median(cliMs);
console.log(`\nSummarising ${LINES.toLocaleString('en-US')} lines (${(fs.statSync(log).size / 1e6).toFixed(0)} MB), median of ${RUNS} runs:`);
console.log(`  grep | sort | uniq -c   ${(g / 1000).toFixed(2)} s   (${grepCodes} distinct AH codes counted, nothing explained)`);
console.log(`  handshake-diagnose      ${(c / 1000).toFixed(2)} s   (${findings} problems explained, ${stats.distinctMessages} distinct messages, ${stats.recognisedLines?.toLocaleString('en-US')} lines recognised)`);
console.log(`  ratio CLI / pipeline    ${(c / g).toFixed(2)}×`);
console.log(`  CLI peak memory         ${stats.peakMemoryMB} MB`);
const idle = timed(() => spawnSync(process.execPath, ['bin/handshake-diagnose.mjs', '--json', '-'], { input: '', encoding: 'utf8' }));
console.log(`  of which start-up      ${(idle.ms / 1000).toFixed(2)} s   (loading the knowledge base and building the matcher, on empty input)`);

// Streaming: the same file read BIG_COPIES times through a pipe, about 1 GB, never on disk twice.
const BIG_COPIES = Number(process.env.BENCH_BIG_COPIES || Math.ceil(1e9 / fs.statSync(log).size));
const big = timed(() => spawnSync('bash', ['-c', `for i in $(seq ${BIG_COPIES}); do cat "${log}"; done | "${process.execPath}" bin/handshake-diagnose.mjs --json -`], { encoding: 'utf8', maxBuffer: 1 << 28 }));
if (big.out.status !== 0) throw new Error(`CLI failed on the big input: ${big.out.stderr}`);
const bigStats = JSON.parse(big.out.stdout).stats;
console.log(`\nStreaming ${((fs.statSync(log).size * BIG_COPIES) / 1e9).toFixed(2)} GB (${bigStats.lines.toLocaleString('en-US')} lines) through standard input:`);
console.log(`  ${(big.ms / 1000).toFixed(1)} s, CLI peak memory ${bigStats.peakMemoryMB} MB`);
fs.rmSync(dir, { recursive: true, force: true });

const s = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-search.ts'], { encoding: 'utf8' }));
console.log(`\nSearch over the whole index (${s.records} records: entries and error-code pages), ${s.queries} queries × ${s.reps}:`);
console.log(`  median ${s.medianMs} ms   p95 ${s.p95Ms} ms   max ${s.maxMs} ms   (index built in ${s.indexBuildMs} ms)`);

// Build time and Lighthouse, on a fresh production build.
console.log('\nProduction build (clean .next and .cache):');
fs.rmSync('.next', { recursive: true, force: true });
fs.rmSync('.cache', { recursive: true, force: true });
const build = timed(() => spawnSync('npm', ['run', 'build'], { encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }));
console.log(build.out.status === 0 ? `  ${(build.ms / 1000).toFixed(1)} s` : `  build failed: ${build.out.stderr.slice(-400)}`);
if (build.out.status === 0) {
  execFileSync(process.execPath, ['scripts/page-weight.mjs', 'out'], { stdio: 'inherit' });
  console.log('\nLighthouse (simulated mobile throttling):');
  execFileSync(process.execPath, ['scripts/lighthouse.mjs', 'out'], { stdio: 'inherit' });
}
