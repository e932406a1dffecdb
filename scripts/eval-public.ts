// `npm run eval -- [FILE]`: figures, not pass/fail. Runs the diagnosis over error texts that people
// posted publicly (FILE, default lib/diagnose/__fixtures__/public-eval.json: verbatim outputs with
// the cause each thread established and its address) and prints how often the right cause comes
// first and in the top three, per client family, and every miss.
import fs from 'node:fs';
import path from 'node:path';
import { getEntries } from '../lib/content/kb';
import { buildKbIndex } from '../lib/content/kb-index';
import { buildMatcher } from '../lib/diagnose/matcher';
import { diagnose } from '../lib/diagnose/diagnose';
import { evaluate, type EvalItem } from '../lib/diagnose/eval';
import { parseCli, usageError } from './is-main.mjs';

// `npm run eval | head`: the reader went away, which is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const USAGE = `Usage: npm run eval [-- FILE]
Runs the diagnosis over real error texts (FILE, default lib/diagnose/__fixtures__/public-eval.json)
and prints how often the right cause comes first and in the top three, per family, and the misses.`;
const args = parseCli(USAGE, {}, { positionals: 1 });
const file = args.positionals[0] ?? path.join(__dirname, '..', 'lib', 'diagnose', '__fixtures__', 'public-eval.json');
if (!fs.existsSync(file)) usageError(USAGE, `No such file: ${file}`);
const items = JSON.parse(fs.readFileSync(file, 'utf8')) as EvalItem[];
const m = buildMatcher(buildKbIndex(getEntries()));
const r = evaluate(items, (t) => diagnose(t, m));
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(0)} %`;
console.log(`${r.items} texts: right cause first ${r.first} (${pct(r.first, r.items)}), in the top three ${r.top3} (${pct(r.top3, r.items)})`);
for (const [fam, f] of Object.entries(r.byFamily).sort()) console.log(`  ${fam.padEnd(14)} ${String(f.items).padStart(3)}  first ${pct(f.first, f.items).padStart(5)}  top 3 ${pct(f.top3, f.items).padStart(5)}`);
if (r.misses.length) console.log(`\nNot first (${r.misses.length}):`);
for (const x of r.misses) console.log(`  ${x.id} (${x.family}, wants ${x.cause}): ${x.got.join(' | ') || 'no finding'}`);
