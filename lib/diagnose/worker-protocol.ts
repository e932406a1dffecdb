// The messages between the page and the diagnosis worker, typed once for both ends.
import type { Diagnosis } from './types';

/** init: where to fetch the index (same origin); run: a text, answered with the same id. */
export type WorkerRequest = { type: 'init'; url: string } | { type: 'run'; id: number; text: string };

/** A result sized to what the page shows (see display.ts), or why there is none. */
export type WorkerResponse = { id: number; result: Diagnosis } | { id: number; error: string };
