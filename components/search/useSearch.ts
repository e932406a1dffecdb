'use client';
import { useEffect, useState } from 'react';
import type { SearchHit } from '@/lib/search/query';

type Search = (q: string, limit?: number) => SearchHit[];
let loading: Promise<Search> | undefined;

/** Loads the index (same origin, built with the site) and fuse.js once, on first use. */
export function loadSearch(): Promise<Search> {
  loading ??= Promise.all([
    fetch(`${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/search-index.json`).then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.json();
    }),
    import('@/lib/search/query'),
  ]).then(([records, { createSearch }]) => createSearch(records));
  loading.catch(() => {
    loading = undefined; // try again next time
  });
  return loading;
}

export function useSearch(enabled: boolean): { search?: Search; error?: string } {
  const [state, setState] = useState<{ search?: Search; error?: string }>({});
  useEffect(() => {
    if (!enabled || state.search) return;
    loadSearch().then((search) => setState({ search }), (e: Error) => setState({ error: e.message }));
  }, [enabled, state.search]);
  return state;
}
