import type { Evidence, Finding, KbIndex } from './types';
import type { Hit } from './matcher';
import { clip } from './text';

const MAX_EVIDENCE = 20;

interface SymptomSeen {
  how: Hit['how'];
  weight: number;
  count: number;
  label: string;
}

interface PerEntry {
  evidence: Evidence[];
  /** line:symptom pairs already shown, so one line is not cited twice for one symptom */
  cited: Set<string>;
  symptoms: Map<number, SymptomSeen>;
  lines: number;
  firstSeen?: string;
  lastSeen?: string;
  /** the line lastSeen is from */
  lastLine: number;
}

/** Collects the hits of many lines into per-entry evidence; shared by paste and CLI summary. */
export class FindingAccumulator {
  private readonly byEntry = new Map<number, PerEntry>();

  add(hits: Hit[], line: number, text: string, time?: string): void {
    const touched = new Set<number>();
    for (const h of hits) {
      const ei = h.pattern.entry;
      let a = this.byEntry.get(ei);
      if (!a) this.byEntry.set(ei, (a = { evidence: [], cited: new Set(), symptoms: new Map(), lines: 0, lastLine: 0 }));
      if (!touched.has(ei)) {
        touched.add(ei);
        a.lines++;
        if (time) {
          a.firstSeen ??= time;
          a.lastSeen = time;
          a.lastLine = line;
        }
      }
      const weight = h.how === 'fuzzy' ? 2 : h.pattern.weight;
      const prev = a.symptoms.get(h.pattern.symptom);
      if (!prev) a.symptoms.set(h.pattern.symptom, { how: h.how, weight, count: 1, label: h.pattern.label });
      else {
        prev.count++;
        if (weight > prev.weight) Object.assign(prev, { how: h.how, weight, label: h.pattern.label });
      }
      // Cite each symptom where it first shows, once per line.
      const cite = `${line}:${h.pattern.label}`;
      if (a.evidence.length < MAX_EVIDENCE && !prev && !a.cited.has(cite)) {
        a.cited.add(cite);
        a.evidence.push({ line, text: clip(text, 300), how: h.how, symptom: h.pattern.label });
      }
    }
  }

  /**
   * `times` more lines just like one already add()ed, the last of them on lastLine: counts and
   * last-seen only, since each symptom is cited where it first shows. The CLI's summary counts
   * the repeats of each message while streaming and hands them over here at the end.
   */
  repeat(hits: Hit[], times: number, lastLine: number, lastTime?: string): void {
    const touched = new Set<number>();
    for (const h of hits) {
      const a = this.byEntry.get(h.pattern.entry);
      const seen = a?.symptoms.get(h.pattern.symptom);
      if (!a || !seen) continue; // never add()ed: nothing to repeat
      seen.count += times;
      if (touched.has(h.pattern.entry)) continue;
      touched.add(h.pattern.entry);
      a.lines += times;
      if (lastTime && lastLine > a.lastLine) {
        a.lastSeen = lastTime;
        a.lastLine = lastLine;
      }
    }
  }

  /** Ranked findings, best first; `distinct` says what each has that the others lack. */
  findings(index: KbIndex, stories = new Map<number, NonNullable<Finding['story']>>()): (Finding & { lines: number; firstSeen?: string; lastSeen?: string })[] {
    const out = [...this.byEntry.entries()].map(([ei, a]) => {
      const e = index.entries[ei]!;
      let score = 0;
      for (const s of a.symptoms.values()) score += s.weight + Math.log2(s.count) * 0.5;
      const story = stories.get(ei);
      if (story) score += 4 * story.steps.length;
      return {
        slug: e.slug,
        title: e.title,
        url: e.url,
        summary: e.summary,
        causes: e.causes,
        score: Math.round(score * 10) / 10,
        evidence: a.evidence,
        distinct: [...new Set([...a.symptoms.values()].map((s) => s.label))],
        story,
        fix: e.fix,
        lines: a.lines,
        firstSeen: a.firstSeen,
        lastSeen: a.lastSeen,
      };
    });
    out.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
    // Count owners from the full lists first: filtering in place would change what later
    // findings are compared against.
    const owners = new Map<string, number>();
    for (const f of out) for (const d of f.distinct) owners.set(d, (owners.get(d) ?? 0) + 1);
    for (const f of out) f.distinct = f.distinct.filter((d) => owners.get(d) === 1);
    return out;
  }
}
