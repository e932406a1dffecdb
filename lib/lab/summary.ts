import path from 'node:path';
import { diagnose } from '../diagnose/diagnose';
import { buildMatcher } from '../diagnose/matcher';
import type { KbIndex } from '../diagnose/types';
import { ContentError, type Problem } from '../content/problems';
import { RUN_FILE, scenarioFile, type Lab } from './load';
import type { CaptureSource } from './types';

/** The lab's figures, as `check:content --json` prints them under `lab`. */
export interface LabSummary {
  scenarios: number;
  /** distinct entries named by a scenario or a capture */
  entriesReproduced: number;
  /** captures the engine is asked to rank (those not marked uninformative) */
  captures: number;
  /** of those, how many put the expected entry first */
  capturesDiagnosedFirst: number;
  snippetsChecked: number;
  snippetsFailing: number;
  fixesVerified: number;
}

/** A real capture on which the diagnosis engine does not rank the expected entry first. */
export interface LabMiss {
  scenario: string;
  /** index in the scenario's captures, and its file, for the message */
  capture: number;
  file: string;
  source: CaptureSource;
  expected: string;
  /** the slug ranked first instead, or null when nothing was found */
  got: string | null;
}

/** Every entry slug the lab names must exist: a renamed entry must not leave captures pointing nowhere. */
export function checkLabEntries(lab: Lab, known: Iterable<string>): void {
  const slugs = new Set(known);
  const problems: Problem[] = [];
  const unknown = (file: string, field: string, slug: string) =>
    problems.push({ file, field, message: `unknown entry "${slug}": expected the slug of an existing entry` });
  for (const s of lab.scenarios) {
    const file = scenarioFile(lab, s.id);
    if (!slugs.has(s.entry)) unknown(file, 'entry', s.entry);
    s.captures.forEach((c, i) => c.entry !== undefined && !slugs.has(c.entry) && unknown(file, `captures[${i}].entry`, c.entry));
  }
  lab.run?.snippets.failing.forEach((f, i) => !slugs.has(f.entry) && unknown(path.join(lab.dir, RUN_FILE), `snippets.failing[${i}].entry`, f.entry));
  if (problems.length) throw new ContentError(problems);
}

interface Ranked {
  scenario: string;
  capture: number;
  source: CaptureSource;
  expected: string;
  got: string | null;
}

/** Each informative capture run through the same engine the site and the CLI use. */
function rankCaptures(lab: Lab, index: KbIndex): Ranked[] {
  if (!lab.scenarios.length) return [];
  const matcher = buildMatcher(index);
  return lab.scenarios.flatMap((s) =>
    s.captures.flatMap((c, i) =>
      c.uninformative !== undefined
        ? []
        : [{ scenario: s.id, capture: i, source: c.source, expected: c.entry ?? s.entry, got: diagnose(c.text, matcher).findings[0]?.slug ?? null }],
    ),
  );
}

/**
 * The lab's figures. `known` is every entry slug of the knowledge base (default: those of the
 * index, which leaves out entries without symptoms); an unknown slug throws ContentError.
 */
export function labSummary(lab: Lab, index: KbIndex, known: Iterable<string> = index.entries.map((e) => e.slug)): LabSummary {
  checkLabEntries(lab, known);
  const ranked = rankCaptures(lab, index);
  const entries = new Set(lab.scenarios.flatMap((s) => [s.entry, ...s.captures.flatMap((c) => (c.entry ? [c.entry] : []))]));
  return {
    scenarios: lab.scenarios.length,
    entriesReproduced: entries.size,
    captures: ranked.length,
    capturesDiagnosedFirst: ranked.filter((r) => r.got === r.expected).length,
    snippetsChecked: lab.run?.snippets.checked ?? 0,
    snippetsFailing: lab.run?.snippets.failing.length ?? 0,
    fixesVerified: lab.scenarios.filter((s) => s.fix?.verified).length,
  };
}

/** Captures where the engine ranks another entry first (or nothing): what to fix, in the KB or the engine. */
export function labMisses(lab: Lab, index: KbIndex): LabMiss[] {
  return rankCaptures(lab, index)
    .filter((r) => r.got !== r.expected)
    .map((r) => ({ ...r, file: scenarioFile(lab, r.scenario) }));
}
