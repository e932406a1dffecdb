// What every script and the CLI share about being run: whether a module was run directly (not
// imported), and its command line read strictly with util.parseArgs (--help prints and does
// nothing else; an unknown option or a bad value is refused, never ignored).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Whether a script module was run directly (node scripts/x.mjs, tsx lab/run.ts), not imported.
 * Compares real paths: a URL built by hand from process.argv[1] misses paths with spaces,
 * symlinks and Windows drive letters, and a check that silently does not run reports nothing wrong.
 */
export function isMain(moduleUrl) {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return fs.realpathSync(path.resolve(arg)) === fs.realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** A value on the command line that is not what its option takes (thrown by an option's check). */
export class UsageError extends Error {}

/** How to ask for the usage, from its first line: "Usage: npm run bench [-- …]" → "npm run bench -- --help …". */
export function helpHint(usage) {
  // A subcommand ("handshake-diagnose probe") belongs to the command: its --help is its own.
  const cmd = /^Usage: (npm (?:run \S+|start|test)|npx \S+ \S+|node \S+|\S+(?: [a-z][\w-]*(?=\s|$))?)/.exec(usage)?.[1];
  if (!cmd) return '--help prints the usage';
  return `${cmd.startsWith('npm ') ? `${cmd} -- --help` : `${cmd} --help`} prints the usage`;
}

/** One line saying what is wrong (util.parseArgs' messages run to three), then how to get help; exit 2. */
export function usageError(usage, message) {
  const line = String(message)
    .replace(/\. To specify a positional argument starting with a '-'.*$/s, '')
    .replace(/^Option '(-[^' ]+)[^']*' argument is ambiguous\..*$/s, "Option '$1' needs a value (one that starts with '-' is written $1=-…)")
    .split('\n')[0];
  console.error(`${line}\n(${helpHint(usage)})`);
  process.exit(2);
}

/** A check for a string option: a whole number from min to max ("1_000_000" and "1,000,000" read too). */
export const wholeNumber = (min, max = Number.MAX_SAFE_INTEGER) => (v, flag) => {
  const s = String(v).replace(/[_,]/g, '');
  if (!/^\d{1,16}$/.test(s) || Number(s) < min || Number(s) > max)
    throw new UsageError(`${flag} wants a whole number ${max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}, not "${v}"`);
  return Number(s);
};

/**
 * A script's command line, read before it does anything: util.parseArgs options, each string one
 * optionally with `check(value, '--name')` that returns the value to use (defaults are checked
 * too: they often come from the environment) or throws UsageError. --help (-h) prints the usage
 * and exits 0; an unknown option, a missing or bad value, or more than `positionals` plain
 * arguments print one line and exit 2.
 */
export function parseCli(usage, options = {}, { positionals = 0, args = process.argv.slice(2) } = {}) {
  const spec = Object.fromEntries(Object.entries(options).map(([k, { check, ...o }]) => [k, o]));
  try {
    const parsed = parseArgs({ args, allowPositionals: positionals > 0, strict: true, options: { ...spec, help: { type: 'boolean', short: 'h' } } });
    if (parsed.values.help) {
      console.log(usage);
      process.exit(0);
    }
    if (parsed.positionals.length > positionals) throw new UsageError(`Unexpected argument '${parsed.positionals[positionals]}'`);
    for (const [k, o] of Object.entries(options)) if (o.check && parsed.values[k] !== undefined) parsed.values[k] = o.check(parsed.values[k], `--${k}`);
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (e) {
    if (e instanceof UsageError || /^ERR_PARSE_ARGS_/.test(e?.code ?? '')) usageError(usage, e.message);
    throw e;
  }
}

/**
 * A site check's arguments: parseCli's, then the built site required (exit 1: a check of
 * nothing must not pass). positionals: OUT_DIR and what may follow it.
 */
export function siteCheckArgs(usage, options = {}, positionals = 1) {
  const parsed = parseCli(usage, options, { positionals });
  const dir = parsed.positionals[0] ?? 'out';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`No built site in ${dir} (no index.html): nothing was checked.`);
    process.exit(1);
  }
  return { dir, values: parsed.values, positionals: parsed.positionals };
}
