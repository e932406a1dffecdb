#!/usr/bin/env node
// Package bin: runs the TypeScript CLI with the knowledge base of this package (not of the
// current directory). The CLI is bundled once with esbuild into .cache/cli/ and rebuilt when a
// source is newer: starting the bundle takes ~0.25 s, compiling through tsx every time ~0.7 s.
// Where the bundle cannot be written (read-only install), tsx runs the sources directly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.HANDSHAKE_ROOT ??= root;
const entry = path.join(root, 'scripts', 'diagnose.ts');
// The reader thread of a large file (scripts/diagnose-part.ts), bundled beside the CLI: small, so
// a thread starts in milliseconds, not in the time it takes to load the whole CLI.
const partEntry = path.join(root, 'scripts', 'diagnose-part.ts');
const bundle = path.join(root, '.cache', 'cli', 'diagnose.mjs');
const partBundle = path.join(root, '.cache', 'cli', 'diagnose-part.mjs');

function newestSource() {
  let newest = Math.max(fs.statSync(entry).mtimeMs, fs.statSync(partEntry).mtimeMs);
  // An updated dependency (npm install) changes the lock file: rebundle then too.
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(lock)) newest = Math.max(newest, fs.statSync(lock).mtimeMs);
  const walk = (dir) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(d.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'lib'));
  return newest;
}

async function freshBundle() {
  try {
    const newest = newestSource();
    if ([bundle, partBundle].every((b) => fs.existsSync(b) && fs.statSync(b).mtimeMs >= newest)) return bundle;
    const { build } = await import('esbuild');
    const tmp = `${path.dirname(bundle)}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    await build({
      entryPoints: [entry, partEntry],
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      alias: { '@': root },
      // CommonJS dependencies (gray-matter) call require().
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    // Renamed into place (atomic): two CLIs starting at once never read half a file. The part
    // reader first: a CLI that sees the new diagnose.mjs finds its reader beside it.
    fs.renameSync(path.join(tmp, 'diagnose-part.mjs'), partBundle);
    fs.renameSync(path.join(tmp, 'diagnose.mjs'), bundle);
    fs.rmSync(tmp, { recursive: true, force: true });
    return bundle;
  } catch {
    return undefined;
  }
}

const built = await freshBundle();
if (built) await import(pathToFileURL(built).href);
else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(entry, import.meta.url);
}
