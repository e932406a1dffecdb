#!/usr/bin/env node
// Lighthouse (performance and accessibility) on the home page, an entry, /diagnose and /wizard
// of a built site, with the system Chromium. Reported by `npm run bench`, never asserted.
// Usage: node scripts/lighthouse.mjs [OUT_DIR] [BASE_PATH]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [dir = 'out', base = ''] = process.argv.slice(2);
const chrome = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));
if (!chrome) {
  console.log('Lighthouse: no Chromium found (set CHROME_PATH); skipped.');
  process.exit(0);
}
const port = 4391;
const server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port), OUT_DIR: dir, BASE_PATH: base }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lh-'));
try {
  for (const page of ['/', '/faq/key-matches-certificate/', '/diagnose/', '/wizard/']) {
    const file = path.join(out, 'r.json');
    const r = spawnSync('node_modules/.bin/lighthouse', [`http://127.0.0.1:${port}${base}${page}`, '--quiet', `--chrome-flags=${flags}`, '--only-categories=performance,accessibility', '--output=json', `--output-path=${file}`], { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8', timeout: 180_000 });
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
  server.kill();
}
