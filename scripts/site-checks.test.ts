import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The checks `npm test` runs over the built site must fail when they find something, and must
// run at all when their path has a space (they used to compare a hand-made file:// URL with
// import.meta.url, skip everything and exit 0).
const here = __dirname;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'site checks '));
const copy = (name: string) => {
  for (const f of [name, 'is-main.mjs']) fs.copyFileSync(path.join(here, f), path.join(work, f));
  return path.join(work, name);
};
const run = (script: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

function site(pages: Record<string, string>, files: Record<string, string | Buffer> = {}): string {
  const out = fs.mkdtempSync(path.join(work, 'out-'));
  for (const [p, html] of Object.entries(pages)) {
    fs.mkdirSync(path.join(out, p), { recursive: true });
    fs.writeFileSync(path.join(out, p, 'index.html'), html);
  }
  for (const [f, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    fs.writeFileSync(path.join(out, f), data);
  }
  return out;
}

describe('check-links', () => {
  const script = copy('check-links.mjs');
  it('fails on a broken link and on a missing anchor, from a path with a space', () => {
    const out = site({ '': '<a href="/faq/">ok</a> <a href="/gone/">broken</a>', faq: '<h2 id="a">A</h2><a href="/faq/#b">no such id</a>' });
    const r = run(script, [out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/gone/ (no such file)');
    expect(r.stderr).toContain('no element with id "b"');
  });
  it('passes a whole site', () => {
    const r = run(script, [site({ '': '<a href="/faq/#a">ok</a>', faq: '<h2 id="a">A</h2>' })]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/links ok/);
  });
});

describe('page-weight', () => {
  const script = copy('page-weight.mjs');
  const pages = ['', 'faq', 'faq/key-matches-certificate', 'cases/ie11-cors-client-cert-renegotiation', 'diagnose', 'wizard', 'check'];
  // Random bytes do not compress: their gzip size is about their size.
  const big = (kb: number) => Buffer.from(Array.from({ length: kb * 1024 }, () => Math.floor(Math.random() * 256)));
  const html = '<script src="/_next/static/chunks/app.js" async=""></script><script src="/_next/static/chunks/polyfills.js" noModule=""></script>';
  it('fails past a budget, from a path with a space', () => {
    const out = site(Object.fromEntries(pages.map((p) => [p, html])), { '_next/static/chunks/app.js': big(200), '_next/static/chunks/polyfills.js': big(1) });
    const r = run(script, [out, '--budget']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Over budget/);
  });
  it('counts what a modern browser loads, not the noModule polyfills', () => {
    const out = site(Object.fromEntries(pages.map((p) => [p, html])), { '_next/static/chunks/app.js': big(10), '_next/static/chunks/polyfills.js': big(300) });
    const r = run(script, [out, '--budget']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\/wizard\/\s+1 scripts/);
  });
  it('says which budgeted page the site lacks, in a sentence', () => {
    const out = site(Object.fromEntries(pages.filter((p) => p !== 'check').map((p) => [p, html])), { '_next/static/chunks/app.js': big(10) });
    const r = run(script, [out, '--budget']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^The built site has no \/check\/ \(no check\/index\.html\): its weight cannot be measured\.$/m);
    expect(r.stderr).not.toMatch(/ENOENT|at Object/);
  });
});

describe('their arguments', () => {
  it.each(['check-links.mjs', 'page-weight.mjs'])('%s: --help prints help and writes nothing; a bad option or a missing site is an error', (name) => {
    const script = copy(name);
    const cwd = fs.mkdtempSync(path.join(work, 'cwd-'));
    const help = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8', cwd });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage:/);
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(run(script, ['--nope']).status).toBe(2);
    const missing = run(script, [path.join(work, 'no-such-site')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^No built site in .*: nothing was checked\.$/m);
  });
});
