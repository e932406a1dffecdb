// Whether a script module was run directly (node scripts/x.mjs), not imported. Compares real
// paths: a URL built by hand from process.argv[1] misses paths with spaces, symlinks and Windows
// drive letters, and a check that silently does not run reports nothing wrong.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function isMain(moduleUrl) {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return fs.realpathSync(path.resolve(arg)) === fs.realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
