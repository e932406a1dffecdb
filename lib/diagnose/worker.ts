// Runs the diagnosis off the main thread, so a 10,000-line paste never freezes the page.
import { buildMatcher, type Matcher } from './matcher';
import { diagnose } from './diagnose';
import { forDisplay } from './display';
import { fetchKbIndex } from './fetch-index';

/** init: where to fetch the index (same origin); run: a paste, answered with the same id. */
export type WorkerRequest = { type: 'init'; url: string } | { type: 'run'; id: number; text: string };

let matcher: Promise<Matcher> | undefined;

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    matcher = fetchKbIndex(msg.url).then(buildMatcher);
    return;
  }
  // A paste that arrives before the index waits for it.
  (matcher ?? Promise.reject(new Error('the diagnosis worker was not started')))
    .then((m) => self.postMessage({ id: msg.id, result: forDisplay(diagnose(msg.text, m)) }))
    .catch((e: Error) => self.postMessage({ id: msg.id, error: e.message }));
};
