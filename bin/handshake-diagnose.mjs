#!/usr/bin/env node
// Package bin: runs the TypeScript CLI through tsx, with the knowledge base of this package
// (not of the current directory).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.HANDSHAKE_ROOT ??= root;
await tsImport(path.join(root, 'scripts', 'diagnose.ts'), import.meta.url);
