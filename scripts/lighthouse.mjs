#!/usr/bin/env node
// Lighthouse (performance and accessibility) on the home page, an entry, /diagnose and /wizard
// of a built site, with the system Chromium. Reported by `npm run bench`, never asserted.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteCheckArgs, wholeNumber } from './is-main.mjs';

const USAGE = `Usage: node scripts/lighthouse.mjs [OUT_DIR] [BASE_PATH] [--port N]
Runs Lighthouse (performance, accessibility) on four pages of a built site (default out, served
under BASE_PATH) with the system Chromium (or CHROME_PATH) and prints the figures.
  --port N   where the site is served meanwhile (default 0: a free port)
  --help     this text`;

const { dir, values, positionals } = siteCheckArgs(USAGE, { port: { type: 'string', default: '0', check: wholeNumber(0, 65535) } }, 2);
const base = (positionals[1] ?? '').replace(/\/+$/, '');
const chrome = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));
if (!chrome) {
  console.log('Lighthouse: no Chromium found (set CHROME_PATH); skipped.');
  process.exit(0);
}
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// Its own script run by node, not node_modules/.bin/lighthouse (a .cmd file on Windows).
const LIGHTHOUSE = path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js');

/** serve.mjs on the port asked for (0: a free one); resolves with its origin once it listens. */
function serve() {
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '--dir', dir, '--base', base, '--port', String(values.port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the static server stopped (exit ${code})`)));
    server.stdout.once('data', (d) => {
      const origin = /http:\/\/[^/\s]+/.exec(String(d))?.[0];
      if (origin) resolve({ server, origin });
      else reject(new Error(`the static server said: ${d}`));
    });
  });
}

const { server, origin } = await serve();
const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lh-'));
try {
  for (const page of ['/', '/faq/key-matches-certificate/', '/diagnose/', '/wizard/', '/check/']) {
    const file = path.join(out, 'r.json');
    const r = spawnSync(process.execPath, [LIGHTHOUSE, `${origin}${base}${page}`, '--quiet', `--chrome-flags=${flags}`, '--only-categories=performance,accessibility', '--output=json', `--output-path=${file}`], { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0 || !fs.existsSync(file)) {
      console.log(`  ${page.padEnd(34)} lighthouse failed: ${(r.stderr || '').split('\n').slice(-2).join(' ')}`);
      continue;
    }
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    const m = (id) => j.audits[id]?.displayValue ?? '-';
    const weak = Object.values(j.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'numeric').map((a) => a.id);
    console.log(`  ${page.padEnd(34)} performance ${Math.round(j.categories.performance.score * 100)}  accessibility ${Math.round(j.categories.accessibility.score * 100)}   FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}${weak.length ? `   (below 0.9: ${weak.join(', ')})` : ''}`);
    fs.rmSync(file);
  }
} finally {
  server.removeAllListeners('exit');
  server.kill();
  fs.rmSync(out, { recursive: true, force: true });
}
