import type { Diagnosis } from './types';
import { buildMatcher, type Matcher } from './matcher';
import { DiagnoseSession } from './session';
import { LineSplitter } from './splitter';
import { MAX_LINES } from './limits';

/**
 * Pasted text in, ranked findings out: one engine session over the text's lines, the first
 * MAX_LINES of them (the CLI streams files of any length through the same session). Never throws
 * on input.
 */
export function diagnose(input: string, matcherOrIndex: Matcher | Parameters<typeof buildMatcher>[0]): Diagnosis {
  const started = Date.now();
  const session = new DiagnoseSession(matcherOrIndex, { timeline: true });
  const split = new LineSplitter((l) => {
    if (session.lineCount >= MAX_LINES) {
      session.cut = true;
      return false;
    }
    session.add(l);
  });
  split.push(typeof input === 'string' ? input : String(input ?? ''));
  split.end();
  const d = session.result();
  d.stats.ms = Date.now() - started;
  return d;
}
