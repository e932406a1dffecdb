import type { KbIndex } from '@/lib/diagnose/types';
import { fetchKbIndex } from '@/lib/diagnose/fetch-index';

/** Where the build writes the diagnosis index (app/diagnose-index.json/route.ts). */
export function kbIndexUrl(): string {
  return new URL(`${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/diagnose-index.json`, window.location.href).href;
}

let pending: Promise<KbIndex> | undefined;

/** The diagnosis index, fetched from this site once per page and shared by its users. */
export function loadKbIndex(): Promise<KbIndex> {
  pending ??= fetchKbIndex(kbIndexUrl());
  pending.catch(() => (pending = undefined)); // let a later call try again
  return pending;
}
