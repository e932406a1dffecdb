import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';
import { forDisplay } from './display';
import { SHOWN_GROUP_LINES, SHOWN_GROUPS, SHOWN_TOKEN_LINES } from './limits';

const index = buildKbIndex(getEntries());

describe('what the worker sends back is what the page shows', () => {
  const line = (i: number) =>
    `[Mon Nov 23 10:15:${String(i % 60).padStart(2, '0')}.000000 2026] [ssl:error] [pid ${i % 30}:tid 1] [client 192.0.2.1:5] AH02261: Re-negotiation handshake failed`;
  const d = diagnose(Array.from({ length: 2000 }, (_, i) => line(i)).join('\n'), index);
  const shown = forDisplay(d);

  it('tokens of the first marked lines only (the engine keeps no more), findings untouched', () => {
    expect(new Set(d.tokens.map((t) => t.line)).size).toBe(SHOWN_TOKEN_LINES);
    expect(d.stats.tokensTruncated).toBe(true);
    expect(new Set(shown.tokens.map((t) => t.line)).size).toBe(SHOWN_TOKEN_LINES);
    expect(Math.max(...shown.tokens.map((t) => t.line))).toBe(SHOWN_TOKEN_LINES);
    expect(shown.findings).toEqual(d.findings);
    expect(shown.unknown).toEqual(d.unknown);
  });

  it('timeline groups with more than one line, as many as are drawn', () => {
    expect(d.timeline.length).toBe(30);
    expect(shown.timeline.length).toBe(SHOWN_GROUPS);
    expect(shown.timeline.every((g) => g.lines.length > 1 && g.lines.length <= SHOWN_GROUP_LINES)).toBe(true);
  });
});
