// Runs the diagnosis off the main thread, so a 10,000-line paste never freezes the page.
import { buildMatcher, type Matcher } from './matcher';
import { diagnose } from './diagnose';
import type { KbIndex } from './types';

export type WorkerRequest = { type: 'init'; index: KbIndex } | { type: 'run'; id: number; text: string };

let matcher: Matcher | undefined;

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'init') matcher = buildMatcher(msg.index);
  else if (matcher) {
    try {
      self.postMessage({ id: msg.id, result: diagnose(msg.text, matcher) });
    } catch (e) {
      self.postMessage({ id: msg.id, error: (e as Error).message });
    }
  }
};
