// The messages between the page and the analysis worker, typed once for both ends.
import type { Diagnosis } from './types';
import type { ConfigReport } from '../config/check';
import type { Versions } from '../config/model';

/**
 * init: where to fetch the index (same origin); run: a text to diagnose; config: a configuration
 * to check. Each run or config is answered with its id.
 */
export type WorkerRequest =
  | { type: 'init'; url: string }
  | { type: 'run'; id: number; text: string }
  | { type: 'config'; id: number; text: string; versions?: Versions };

/** A result sized to what the page shows (see display.ts), a configuration report, or why there is none. */
export type WorkerResponse = { id: number; result: Diagnosis } | { id: number; config: ConfigReport } | { id: number; error: string };
