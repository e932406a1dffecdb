#!/usr/bin/env node
// First-load JavaScript of built pages: every <script src> a page loads, summed raw and gzipped
// (what travels). Next 16 no longer prints sizes in `next build`, so this reads the export.
// With --budget it fails when a page grows past its budget, or when an entry page carries
// JavaScript of its own beyond what every page loads (framework, search, theme) plus the code-block island.
// Usage: node scripts/page-weight.mjs [OUT_DIR] [--budget]
import fs from 'node:fs';
import path from 'node:path';
import { isMain, siteCheckArgs } from './is-main.mjs';
import zlib from 'node:zlib';

/** gzip kB. Raised only on purpose, with the reason in the commit. */
export const BUDGETS = {
  '/': 152,
  '/faq/': 143,
  '/faq/key-matches-certificate/': 144,
  '/cases/ie11-cors-client-cert-renegotiation/': 144,
  '/diagnose/': 152,
  '/wizard/': 153,
  '/check/': 150,
};
/** What an entry page may add over the FAQ index (the copy/wrap buttons of code blocks). */
export const ENTRY_EXTRA_KB = 3;

export function pageWeight(outDir, page) {
  const html = fs.readFileSync(path.join(outDir, page, 'index.html'), 'utf8');
  // What a modern browser downloads: a noModule script (the legacy polyfills) it never loads.
  const tags = [...html.matchAll(/<script\b([^>]{0,600})>/g)].map((m) => m[1]);
  const srcs = [...new Set(tags.filter((t) => !/\snoModule\b/i.test(t)).flatMap((t) => /\ssrc="([^"]{1,300})"/.exec(t)?.[1] ?? []))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const rel = src.slice(src.indexOf('/_next/'));
    const buf = fs.readFileSync(path.join(outDir, rel));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { page, scripts: srcs.length, raw, gzip: gz };
}

const USAGE = `Usage: node scripts/page-weight.mjs [OUT_DIR] [--budget]
Prints the first-load JavaScript (raw and gzip) of the main pages of a built site (default out);
with --budget, exits 1 when a page is over its budget.`;

if (isMain(import.meta.url)) {
  const { dir, values } = siteCheckArgs(USAGE, { budget: { type: 'boolean' } });
  const budget = Boolean(values.budget);
  const kb = (n) => n / 1024;
  const over = [];
  const missing = Object.keys(BUDGETS).filter((p) => !fs.existsSync(path.join(dir, p, 'index.html')));
  if (missing.length) {
    for (const p of missing) console.error(`The built site has no ${p} (no ${path.join(p, 'index.html').replace(/^[\\/]+/, '')}): its weight cannot be measured.`);
    process.exit(1);
  }
  const weights = Object.fromEntries(Object.keys(BUDGETS).map((p) => [p, pageWeight(dir, p)]));
  for (const [p, w] of Object.entries(weights)) {
    console.log(`${p.padEnd(48)} ${String(w.scripts).padStart(3)} scripts ${kb(w.raw).toFixed(1).padStart(7)} kB raw ${kb(w.gzip).toFixed(1).padStart(6)} kB gzip   (budget ${BUDGETS[p]} kB)`);
    if (kb(w.gzip) > BUDGETS[p]) over.push(`${p}: ${kb(w.gzip).toFixed(1)} kB > ${BUDGETS[p]} kB`);
  }
  for (const p of ['/faq/key-matches-certificate/', '/cases/ie11-cors-client-cert-renegotiation/']) {
    const extra = kb(weights[p].gzip - weights['/faq/'].gzip);
    if (extra > ENTRY_EXTRA_KB) over.push(`${p}: ${extra.toFixed(1)} kB of its own over /faq/ > ${ENTRY_EXTRA_KB} kB`);
  }
  if (budget && over.length) {
    console.error(`Over budget:\n  ${over.join('\n  ')}`);
    process.exit(1);
  }
}
