#!/usr/bin/env node
// Bundles the diagnosis Web Worker with esbuild into public/workers/ (Turbopack does not yet
// bundle `new Worker(new URL(…))` reliably in a static export). Run by `dev` and `build`.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/diagnose/worker.ts'],
  outfile: 'public/workers/diagnose.js',
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});
