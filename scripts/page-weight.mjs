#!/usr/bin/env node
// First-load JavaScript of built pages: every <script src> an HTML page loads, summed raw and
// gzipped (what travels). Next 16 no longer prints sizes in `next build`, so this reads out/.
// Usage: node scripts/page-weight.mjs [OUT_DIR] [page paths...]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [dir = 'out', ...pages] = process.argv.slice(2);
const targets = pages.length ? pages : ['/', '/faq/', '/faq/key-matches-certificate/', '/cases/ie11-cors-client-cert-renegotiation/'];

export function pageWeight(outDir, page) {
  const html = fs.readFileSync(path.join(outDir, page, 'index.html'), 'utf8');
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const rel = src.replace(/^(?:https?:\/\/[^/]+)?/, '').replace(/^\/[^_]*?(?=\/_next\/)/, '');
    const buf = fs.readFileSync(path.join(outDir, rel));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { page, scripts: srcs.length, raw, gzip: gz };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const t of targets) {
  const w = pageWeight(dir, t);
  console.log(`${t.padEnd(50)} ${String(w.scripts).padStart(3)} scripts  ${kb(w.raw).padStart(9)} raw  ${kb(w.gzip).padStart(8)} gzip`);
}
