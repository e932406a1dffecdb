#!/usr/bin/env node
// Bundles the diagnosis Web Worker with esbuild into public/workers/ (Turbopack does not yet
// bundle `new Worker(new URL(…))` reliably in a static export). Run by `dev` and `build`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli } from './is-main.mjs';

parseCli(`Usage: node scripts/build-worker.mjs
Bundles the diagnosis Web Worker (lib/diagnose/worker.ts) into public/workers/diagnose.js;
\`npm run dev\` and \`npm run build\` run it.`);

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// Loaded after the arguments: --help works before the dependencies are installed.
const { build } = await import('esbuild');
await build({
  entryPoints: [path.join(root, 'lib', 'diagnose', 'worker.ts')],
  outfile: path.join(root, 'public', 'workers', 'diagnose.js'),
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});
