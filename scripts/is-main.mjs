// Whether a script module was run directly (node scripts/x.mjs), not imported. Compares real
// paths: a URL built by hand from process.argv[1] misses paths with spaces, symlinks and Windows
// drive letters, and a check that silently does not run reports nothing wrong.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export function isMain(moduleUrl) {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return fs.realpathSync(path.resolve(arg)) === fs.realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * A site check's arguments: parsed with util.parseArgs, --help printed (exit 0), a bad option
 * refused (exit 2), and the built site required (exit 1: a check of nothing must not pass).
 */
export function siteCheckArgs(usage, options = {}) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    console.error(`${e.message}\n\n${usage}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    console.log(usage);
    process.exit(0);
  }
  const dir = parsed.positionals[0] ?? 'out';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`No built site in ${dir} (no index.html): nothing was checked.`);
    process.exit(1);
  }
  return { dir, values: parsed.values, positionals: parsed.positionals };
}
