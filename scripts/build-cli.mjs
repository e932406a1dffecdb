#!/usr/bin/env node
// Bundles the diagnose CLI (scripts/diagnose.ts) and its reader thread (scripts/diagnose-part.ts)
// with esbuild into dist/cli/: one file each, every dependency inside, so the installed command
// needs neither esbuild nor tsx (both are dev dependencies). Run by `npm install` (prepare) and
// `npm run build`; bin/handshake-diagnose.mjs rebuilds it in a checkout whose sources are newer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, parseCli } from './is-main.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = path.join(ROOT, 'dist', 'cli');
const ENTRIES = ['diagnose', 'diagnose-part'];

const USAGE = `Usage: node scripts/build-cli.mjs

Bundles the handshake-diagnose CLI into dist/cli/ (diagnose.mjs and its reader thread
diagnose-part.mjs). npm install and npm run build run it; so does the CLI itself when a
source under lib/ or scripts/ is newer than the bundle.`;

/** The newest modification time of what goes into the bundle (and the lock file: a dependency update). */
export function newestSource(root = ROOT) {
  let newest = 0;
  const seen = (p) => (newest = Math.max(newest, fs.statSync(p).mtimeMs));
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(lock)) seen(lock);
  // Everything the bundle can import: the CLI's modules in scripts/, lib/, and the rules in content/.
  const walk = (dir, deep = true) => {
    if (!fs.existsSync(dir)) return;
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) deep && d.name !== 'node_modules' && walk(p);
      else if (/\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)) seen(p);
    }
  };
  walk(path.join(root, 'scripts'), false);
  walk(path.join(root, 'lib'));
  walk(path.join(root, 'content'));
  return newest;
}

/** Whether dist/cli/ holds both bundles, newer than every source (true when the sources are absent: an installed package). */
export function bundleIsFresh(root = ROOT) {
  const files = ENTRIES.map((e) => path.join(root, 'dist', 'cli', `${e}.mjs`));
  if (!files.every((f) => fs.existsSync(f))) return false;
  if (!fs.existsSync(path.join(root, 'lib'))) return true;
  const newest = newestSource(root);
  return files.every((f) => fs.statSync(f).mtimeMs >= newest);
}

export async function buildCli(root = ROOT) {
  const { build } = await import('esbuild');
  const out = path.join(root, 'dist', 'cli');
  const tmp = `${out}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await build({
    entryPoints: ENTRIES.map((e) => path.join(root, 'scripts', `${e}.ts`)),
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    alias: { '@': root },
    // CommonJS dependencies (gray-matter) call require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  fs.mkdirSync(out, { recursive: true });
  // Renamed into place one by one (atomic): two CLIs starting at once never read half a file. The
  // reader thread first: a CLI that sees the new diagnose.mjs finds its reader beside it.
  for (const e of [...ENTRIES].reverse()) fs.renameSync(path.join(tmp, `${e}.mjs`), path.join(out, `${e}.mjs`));
  fs.rmSync(tmp, { recursive: true, force: true });
  return path.join(out, 'diagnose.mjs');
}

if (isMain(import.meta.url)) {
  parseCli(USAGE);
  const t = Date.now();
  const file = await buildCli();
  console.log(`CLI bundled: ${path.relative(process.cwd(), file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB) in ${Date.now() - t} ms`);
}
