import type { Diagnosis } from './types';
import { SHOWN_GROUP_LINES, SHOWN_GROUPS, SHOWN_TOKEN_LINES } from './limits';

/**
 * The part of a diagnosis the paste view shows: tokens of the first marked lines, the timeline
 * groups that have a story to tell. The worker sends only this: posting 20,000 tokens the page
 * never draws costs the main thread its structured clone.
 */
export function forDisplay(d: Diagnosis): Diagnosis {
  const lines = [...new Set(d.tokens.map((t) => t.line))].sort((a, b) => a - b).slice(0, SHOWN_TOKEN_LINES);
  const keep = new Set(lines);
  return {
    ...d,
    tokens: d.tokens.filter((t) => keep.has(t.line)),
    timeline: d.timeline
      .filter((g) => g.lines.length > 1)
      .slice(0, SHOWN_GROUPS)
      .map((g) => ({ ...g, lines: g.lines.slice(0, SHOWN_GROUP_LINES) })),
  };
}
