// Runs the diagnosis and the configuration check off the main thread, so a 10,000-line paste
// never freezes the page, and the text never leaves the tab.
import { buildMatcher, type Matcher } from './matcher';
import { diagnose } from './diagnose';
import { forDisplay } from './display';
import { fetchKbIndex } from './fetch-index';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';
import { checkConfig } from '../config/check';
import { CONFIG_RULES } from '../../content/config-rules';

let matcher: Promise<Matcher> | undefined;
const reply = (r: WorkerResponse) => self.postMessage(r);

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    matcher = fetchKbIndex(msg.url).then(buildMatcher);
    return;
  }
  if (msg.type === 'config') {
    // The configuration check needs no index: its rules are in this script.
    try {
      reply({ id: msg.id, config: checkConfig(msg.text, CONFIG_RULES, { versions: msg.versions }) });
    } catch (e) {
      reply({ id: msg.id, error: (e as Error).message });
    }
    return;
  }
  // A text that arrives before the index waits for it.
  (matcher ?? Promise.reject(new Error('the diagnosis worker was not started')))
    .then((m) => reply({ id: msg.id, result: forDisplay(diagnose(msg.text, m)) }))
    .catch((e: Error) => reply({ id: msg.id, error: e.message }));
};
