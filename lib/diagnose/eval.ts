// How often the engine names the right cause for texts users really posted: each item is a
// verbatim error text with the cause its thread established. Pure: the caller loads the items.
import type { Diagnosis } from './types';

export interface EvalItem {
  id: string;
  family: string;
  text: string;
  /** a cause slug (lib/content/causes.ts) */
  cause: string;
  source: string;
  note?: string;
}

export interface EvalResult {
  items: number;
  first: number;
  top3: number;
  byFamily: Record<string, { items: number; first: number; top3: number }>;
  misses: { id: string; family: string; cause: string; got: string[] }[];
}

/** The rank (1-based) of the first finding whose causes include the item's, or 0. */
export function causeRank(d: Diagnosis, cause: string): number {
  const i = d.findings.findIndex((f) => f.causes.includes(cause));
  return i + 1;
}

export function evaluate(items: EvalItem[], diagnose: (text: string) => Diagnosis): EvalResult {
  const r: EvalResult = { items: items.length, first: 0, top3: 0, byFamily: {}, misses: [] };
  for (const it of items) {
    const d = diagnose(it.text);
    const rank = causeRank(d, it.cause);
    const fam = (r.byFamily[it.family] ??= { items: 0, first: 0, top3: 0 });
    fam.items++;
    if (rank === 1) {
      r.first++;
      fam.first++;
    }
    if (rank >= 1 && rank <= 3) {
      r.top3++;
      fam.top3++;
    }
    if (rank !== 1) r.misses.push({ id: it.id, family: it.family, cause: it.cause, got: d.findings.slice(0, 3).map((f) => `${f.slug} [${f.causes.join(', ')}]`) });
  }
  return r;
}
