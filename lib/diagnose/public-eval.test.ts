import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { buildMatcher } from './matcher';
import { diagnose } from './diagnose';
import { evaluate, type EvalItem } from './eval';

// Error texts people posted about failing httpd servers (verbatim, hosts replaced), each with the
// cause its thread established and its address. Gathered apart from the entries, to measure
// them: `npm run eval` prints the figures and every miss. These floors keep the figures from
// sliding back; when one fails, read the misses before touching the floor.
const items = JSON.parse(fs.readFileSync(path.join(__dirname, '__fixtures__', 'public-eval.json'), 'utf8')) as EvalItem[];
const m = buildMatcher(buildKbIndex(getEntries()));

describe('real error texts from public threads', () => {
  const r = evaluate(items, (t) => diagnose(t, m));

  it('are many, each with a source and a cause', () => {
    expect(items.length).toBeGreaterThanOrEqual(50);
    for (const it of items) expect(it.source, it.id).toMatch(/^https?:\/\//);
  });

  it('get the right cause first for at least 85 %, in the top three for at least 90 %', () => {
    expect(r.first / r.items, JSON.stringify(r.misses, null, 1)).toBeGreaterThanOrEqual(0.85);
    expect(r.top3 / r.items).toBeGreaterThanOrEqual(0.9);
  });
});
