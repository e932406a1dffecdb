// Prints every leaf of the wizard with the answers that lead to it (shortest first), as JSON: the
// browser test walks each of them. `npx tsx scripts/wizard-paths.ts`
import { getEntries } from '../lib/content/kb';
import { loadWizard } from '../lib/wizard/load';
import { parseCli } from './is-main.mjs';

parseCli(`Usage: npx tsx scripts/wizard-paths.ts
Prints every leaf of the wizard with the answers that lead to it (shortest first), as JSON.`);

const { tree } = loadWizard(getEntries());
const paths: { leaf: string; entry: string; path: string[]; hasCheck: boolean }[] = [];
const seen = new Set<string>([tree.start]);
const queue: string[][] = [[tree.start]];
while (queue.length) {
  const path = queue.shift()!;
  const n = tree.nodes[path.at(-1)!]!;
  if (n.kind === 'leaf') paths.push({ leaf: n.id, entry: n.entry, path, hasCheck: Boolean(n.check) });
  if (n.kind !== 'question') continue;
  for (const o of n.options) {
    if (seen.has(o.next)) continue;
    seen.add(o.next);
    queue.push([...path, o.next]);
  }
}
process.stdout.write(`${JSON.stringify(paths)}\n`);
