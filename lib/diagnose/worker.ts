// Runs the diagnosis off the main thread, so a 10,000-line paste never freezes the page.
import { buildMatcher, type Matcher } from './matcher';
import { diagnose } from './diagnose';
import { forDisplay } from './display';
import { fetchKbIndex } from './fetch-index';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

let matcher: Promise<Matcher> | undefined;
const reply = (r: WorkerResponse) => self.postMessage(r);

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    matcher = fetchKbIndex(msg.url).then(buildMatcher);
    return;
  }
  // A text that arrives before the index waits for it.
  (matcher ?? Promise.reject(new Error('the diagnosis worker was not started')))
    .then((m) => reply({ id: msg.id, result: forDisplay(diagnose(msg.text, m)) }))
    .catch((e: Error) => reply({ id: msg.id, error: e.message }));
};
