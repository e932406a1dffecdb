import type { KbIndex } from './types';

/** Fetches the diagnosis index the build wrote (same origin); shared by the page and its worker. */
export async function fetchKbIndex(url: string): Promise<KbIndex> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`the diagnosis index did not load (HTTP ${r.status})`);
  return (await r.json()) as KbIndex;
}
