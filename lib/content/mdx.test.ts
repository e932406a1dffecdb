import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadEntries } from './load';
import { compileMdx, pipelineFingerprint } from './mdx';
import { parseBody } from './body';

const GOOD = path.join(__dirname, '__fixtures__', 'good');

describe('compileMdx', () => {
  const entries = loadEntries(GOOD);

  it('gives headings the ids the table of contents links to', async () => {
    const e = entries.find((x) => x.slug === 'plain-http')!;
    const code = await compileMdx(e.body, e.file);
    for (const h of e.headings) expect(code).toContain(`id:"${h.id}"`);
  });

  it('gives a setext heading, and one with code and emphasis, the id its table-of-contents link uses', async () => {
    const body = 'Fix it\n------\n\n## The `SSLProtocol` *line*\n\n### Fix it\n';
    const doc = parseBody(body);
    expect(doc.headings.map((h) => h.id)).toEqual(['fix-it', 'the-sslprotocol-line', 'fix-it-1']);
    const code = await compileMdx(body, 'faq/x.mdx');
    for (const h of doc.headings) expect(code).toContain(`id:"${h.id}"`);
  });

  it('highlights fences and keeps their versions and insecure mark', async () => {
    const e = entries.find((x) => x.slug === 'old-question')!;
    const code = await compileMdx(e.body, e.file);
    expect(code).toContain('"data-for":"httpd 1.3 (historical)"');
    expect(code).toContain('"data-insecure":"true"');
    expect(code).toContain('shiki');
  });

  it('names the file when MDX does not compile', async () => {
    await expect(compileMdx('Text <Callout kind="x">never closed\n', 'faq/broken.mdx')).rejects.toThrow(/^faq\/broken\.mdx: MDX does not compile/);
  });
});

describe('the compile cache key', () => {
  // Regression (was a bug): the key was a hand-bumped version, so a shiki update or an edited
  // plugin served stale compiled pages until someone remembered to bump it.
  it('changes with a package version and with a plugin source', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-'));
    fs.mkdirSync(path.join(root, 'lib', 'content'), { recursive: true });
    fs.mkdirSync(path.join(root, 'node_modules', 'shiki'), { recursive: true });
    fs.writeFileSync(path.join(root, 'lib', 'content', 'rehype.ts'), 'export const a = 1;');
    fs.writeFileSync(path.join(root, 'node_modules', 'shiki', 'package.json'), '{"version":"3.0.0"}');
    const a = pipelineFingerprint(root);
    fs.writeFileSync(path.join(root, 'node_modules', 'shiki', 'package.json'), '{"version":"3.1.0"}');
    const b = pipelineFingerprint(root);
    fs.writeFileSync(path.join(root, 'lib', 'content', 'rehype.ts'), 'export const a = 2;');
    const c = pipelineFingerprint(root);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(pipelineFingerprint(root)).toBe(c);
  });
});

describe('npm run check:content', () => {
  const script = path.join(__dirname, '../../scripts/check-content.ts');
  it('--help prints what it does; an unknown option is refused, not ignored', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', script, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run check:content/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', script, '--jsno'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--jsno'/);
  });

  const run = (root: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../scripts/check-content.ts'), '--root', root], { encoding: 'utf8' });

  it('passes valid content and prints a JSON summary', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../scripts/check-content.ts'), '--root', GOOD, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ entries: 3, kinds: { faq: 1, error: 1, case: 1 } });
  });

  it('fails the build on bad content, naming the file and the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.mkdirSync(path.join(dir, 'faq'));
    fs.writeFileSync(path.join(dir, 'faq', 'bad.mdx'), '---\ntitle: T\nkind: faq\ncategory: weather\nstatus: current\nsummary: S\nupdated: 2026-11-23\n---\nx\n');
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/faq\/bad\.mdx: category: .*"certificates"/);
  });

  it('fails on MDX that validates but does not parse, naming the file and the line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.mkdirSync(path.join(dir, 'faq'));
    fs.writeFileSync(path.join(dir, 'faq', 'broken.mdx'), '---\ntitle: T\nkind: faq\ncategory: module\nstatus: current\nsummary: S\nupdated: 2026-11-23\n---\n<Callout>never closed\n');
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/faq\/broken\.mdx: line 9: not valid MDX: .*Callout/);
  });
});
