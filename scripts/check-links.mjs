#!/usr/bin/env node
// Every internal link and #anchor of the built site resolves: each href/src in each HTML page
// points at a file of the export (a directory means its index.html) and each #id exists there.
// Usage: node scripts/check-links.mjs [OUT_DIR] [BASE_PATH]
import fs from 'node:fs';
import path from 'node:path';
import { isMain, siteCheckArgs } from './is-main.mjs';

export function checkLinks(outDir, basePath = '') {
  const pages = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) pages.push(p);
    }
  };
  walk(outDir);
  const ids = new Map();
  const idsOf = (file) => {
    if (!ids.has(file)) ids.set(file, new Set([...fs.readFileSync(file, 'utf8').matchAll(/\sid="([^"]{1,200})"/g)].map((m) => m[1])));
    return ids.get(file);
  };
  const broken = [];
  let links = 0;
  for (const page of pages) {
    const html = fs.readFileSync(page, 'utf8');
    const pageUrl = `/${path.relative(outDir, page).replace(/index\.html$/, '')}`;
    for (const m of html.matchAll(/\s(?:href|src)="([^"]{1,2000})"/g)) {
      const raw = m[1].replace(/&amp;/g, '&');
      if (/^(?:[a-z]+:|\/\/)/i.test(raw)) continue; // another scheme or host: not ours to check here
      links++;
      const [target, anchor] = raw.split('#');
      let file = page;
      if (target) {
        let p = target.split('?')[0];
        if (p.startsWith('/')) {
          if (basePath && !p.startsWith(`${basePath}/`) && p !== basePath) {
            broken.push(`${pageUrl}: ${raw} (outside the base path ${basePath})`);
            continue;
          }
          p = p.slice(basePath.length);
        } else p = path.posix.join(path.posix.dirname(`/${path.relative(outDir, page)}`), p);
        file = path.join(outDir, decodeURIComponent(p));
        if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
        if (!fs.existsSync(file)) {
          broken.push(`${pageUrl}: ${raw} (no such file)`);
          continue;
        }
      }
      if (anchor && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(anchor))) broken.push(`${pageUrl}: ${raw} (no element with id "${anchor}")`);
    }
  }
  return { pages: pages.length, links, broken };
}

const USAGE = `Usage: node scripts/check-links.mjs [OUT_DIR] [BASE_PATH]
Checks every internal link and #anchor of a built site (default OUT_DIR out, BASE_PATH from
the environment); exits 1 naming each broken one.`;

if (isMain(import.meta.url)) {
  const { dir, positionals } = siteCheckArgs(USAGE, {}, 2);
  const base = positionals[1] ?? process.env.BASE_PATH ?? '';
  const r = checkLinks(dir, base.replace(/\/$/, ''));
  if (r.broken.length) {
    console.error(`${r.broken.length} broken link(s):\n  ${r.broken.slice(0, 50).join('\n  ')}`);
    process.exit(1);
  }
  console.log(`links ok: ${r.links} internal links and anchors in ${r.pages} pages`);
}
