import { it } from 'vitest';
import fs from 'node:fs';
import { getEntries } from '/work/main/lib/content/kb';
import { buildKbIndex } from '/work/main/lib/content/kb-index';
import { diagnose } from '/work/main/lib/diagnose/diagnose';
it('rank', () => {
  const index = buildKbIndex(getEntries());
  const src = fs.readFileSync('/work/main/lib/diagnose/kb-startup.test.ts', 'utf8');
  const lines = [...src.matchAll(/^      (['"])(.*)\1,\n      '([a-z0-9-]+)',/gm)].map((m) => [m[2].replace(/\\'/g, "'"), m[3]]);
  for (const [l, s] of lines) {
    const d = diagnose(l, index);
    console.log(s.padEnd(45), d.findings.slice(0, 4).map((f) => `${f.slug}:${f.score}`).join('  '));
  }
});
