#!/usr/bin/env node
// `npm test`: every test, unit and browser, on a fresh machine with nothing installed by hand.
// 1. find a Chromium (E2E_CHROMIUM, the system one, Playwright's own, or install one);
// 2. the real-httpd lab (installs apache2 and friends with apt when missing); 3. vitest;
// 4. a production build under a sub-path (/kb) into out-e2e/; 5. Playwright.
// Ends with one "N passed, N failed" line summing both runners.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';
import { parseCli } from './is-main.mjs';

parseCli(`Usage: npm test
Every test on a fresh machine, with nothing installed by hand and no prompt waited on: finds or
installs a Chromium, runs the real-httpd lab, vitest, a production build under /kb into out-e2e/,
the site checks and Playwright, and ends with one "N passed, N failed" line.
Set E2E_CHROMIUM to use a given Chromium or Chrome.`);

process.chdir(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
ensureDeps();

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'handshake-test-'));
const step = (msg) => console.log(`\n── ${msg}`);

function run(cmd, args, extra = {}) {
  // npm and npx are .cmd files on Windows, which spawn only through a shell. No standard input:
  // nothing run here can wait on a prompt (a read gets end of file).
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, ...extra }, shell: process.platform === 'win32' && /^(?:npm|npx)$/.test(cmd) });
  return r.status ?? 1;
}

function playwrightChromium() {
  try {
    const p = execFileSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], { encoding: 'utf8' });
    return fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function systemChromium() {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'])
    if (fs.existsSync(p)) return p;
  return null;
}

function findChromium() {
  if (env.E2E_CHROMIUM && fs.existsSync(env.E2E_CHROMIUM)) return env.E2E_CHROMIUM;
  const found = systemChromium() ?? playwrightChromium();
  if (found) return found;
  step('No Chromium found: trying Playwright\'s download');
  if (run('npx', ['playwright', 'install', 'chromium']) === 0 && playwrightChromium()) return playwrightChromium();
  step("Playwright's download failed: installing Debian's chromium package");
  if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium, and no apt-get here: install Chromium or Chrome, or set E2E_CHROMIUM to its path; the browser tests need it.');
    return null;
  }
  // Root installs; otherwise sudo only if it needs no password (-n): a test run never waits on a prompt.
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = (args) => run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], { DEBIAN_FRONTEND: 'noninteractive' });
  if (apt(['update', '-qq']) === 0 && apt(['install', '-y', '-qq', 'chromium']) === 0) return systemChromium();
  console.log('Could not install chromium (run as root, or: sudo apt-get install -y chromium), or set E2E_CHROMIUM to a Chromium or Chrome.');
  return null;
}

function count(file, pick) {
  try {
    return pick(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

step('Chromium for the browser tests');
const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium could be found or installed. Install one (apt-get install chromium) or set E2E_CHROMIUM.');
  process.exit(1);
}
console.log(chromium);

// The real-httpd lab first: it rewrites content/lab/ from a real apache2 and real clients, and
// the unit tests, the build and the browser tests then check what it recorded.
step('Real-httpd lab (npm run lab): apache2 + curl, openssl s_client, Node and Chromium');
const labStatus = run('npx', ['tsx', path.join('lab', 'run.ts')], { E2E_CHROMIUM: chromium });

step('Unit tests (vitest)');
const unitJson = path.join(tmp, 'vitest.json');
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);

step('Production build under the sub-path /kb (static export)');
fs.rmSync('out-e2e', { recursive: true, force: true });
let buildStatus = run('npm', ['run', 'build'], { BASE_PATH: '/kb' });
if (buildStatus === 0) fs.renameSync('out', 'out-e2e');

// Checks over the built site, counted with the tests: links and anchors, page weight budgets.
const siteChecks = { passed: 0, failed: 0 };
if (buildStatus === 0) {
  step('Built site: internal links and anchors, first-load JavaScript budgets');
  for (const args of [[path.join('scripts', 'check-links.mjs'), 'out-e2e', '/kb'], [path.join('scripts', 'page-weight.mjs'), 'out-e2e', '--budget']]) {
    if (run(process.execPath, args) === 0) siteChecks.passed++;
    else siteChecks.failed++;
  }
}

let e2eStatus = 1;
const e2eJson = path.join(tmp, 'playwright.json');
if (buildStatus === 0) {
  step('Browser tests (Playwright)');
  e2eStatus = run('npx', ['playwright', 'test'], { E2E_CHROMIUM: chromium, E2E_BASE_PATH: '/kb', E2E_OUT_DIR: 'out-e2e', PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
}

const unit = count(unitJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests })) ?? { passed: 0, failed: 1 };
const e2e = count(e2eJson, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky })) ?? { passed: 0, failed: 1 };
const lab = labStatus === 0 ? 1 : 0;
const failed = unit.failed + e2e.failed + siteChecks.failed + (buildStatus === 0 ? 0 : 1) + (1 - lab);
console.log(`\nlab: ${lab ? 'ok' : 'FAILED'}; unit: ${unit.passed} passed, ${unit.failed} failed; site checks: ${siteChecks.passed} passed, ${siteChecks.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed${buildStatus ? '; build FAILED' : ''}`);
console.log(`${lab + unit.passed + siteChecks.passed + e2e.passed} passed, ${failed} failed`);
process.exit(labStatus || unitStatus || buildStatus || e2eStatus || (failed ? 1 : 0));
