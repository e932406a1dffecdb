#!/usr/bin/env node
// Package bin: runs the bundled CLI (dist/cli/, built by `npm install` and `npm run build` with
// scripts/build-cli.mjs) with the knowledge base of this package, not of the current directory.
// In a checkout whose sources are newer than the bundle, it is rebuilt first (esbuild is a dev
// dependency there); an installed package runs the bundle it ships and needs no build tool.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.HANDSHAKE_ROOT ??= root;
const bundle = path.join(root, 'dist', 'cli', 'diagnose.mjs');
const builder = path.join(root, 'scripts', 'build-cli.mjs');

async function ensureBundle() {
  if (!fs.existsSync(builder)) return fs.existsSync(bundle);
  const { bundleIsFresh, buildCli } = await import(pathToFileURL(builder).href);
  if (bundleIsFresh(root)) return true;
  try {
    await buildCli(root);
    return true;
  } catch (e) {
    // No esbuild (installed without dev dependencies) or a read-only tree: an older bundle still runs.
    if (fs.existsSync(bundle)) return true;
    console.error(`handshake-diagnose: the CLI is not built and cannot be built here (${e.message.split('\n')[0]}). Run: npm install (or npm run build:cli).`);
    return false;
  }
}

if (await ensureBundle()) await import(pathToFileURL(bundle).href);
else process.exit(1);
