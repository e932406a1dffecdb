import type { Evidence, Finding, KbIndex } from './types';
import type { Hit } from './matcher';
import { clip, own } from './text';

const MAX_EVIDENCE = 20;
/** first sightings kept per entry: one per symptom, and entries list dozens at most */
const MAX_SIGHTS = 200;

/**
 * How much a log line's level says: the line that stopped start-up (emerg) or failed a request
 * (error) weighs more than a warning logged on every start, whatever each entry lists.
 */
const LEVEL_FACTOR: Record<string, number> = { emerg: 1.5, alert: 1.5, crit: 1.5, error: 1.25 };
// "[time] [module:level]" or "[time] [level]" at the start of an error_log line; bounded, no backtracking.
const LEVEL = /^\[[^\]]{1,64}\] \[(?:[a-z_0-9]{1,32}:)?([a-z]{4,6})\]/;

export function levelFactor(text: string): number {
  const m = text.charCodeAt(0) === 91 ? LEVEL.exec(text) : null;
  return (m && LEVEL_FACTOR[m[1]!]) || 1;
}

/**
 * The same words mean different things by who wrote them: "alert unknown ca" in the server's log
 * is the client refusing the server's chain; in curl's output it is the server refusing the
 * client's certificate. A symptom seen on the other side's kind of line counts half.
 */
const OTHER_SIDE = 0.5;
export function sideFactor(text: string, where: string): number {
  const serverLine = text.charCodeAt(0) === 91 && LEVEL.test(text);
  if (serverLine) return where === 'client' || where === 'browser' ? OTHER_SIDE : 1;
  return where === 'server-log' ? OTHER_SIDE : 1;
}

/**
 * A case tells one incident, a historical entry old advice: each leads only on what sets it
 * apart, not on evidence it shares with the current, general entry.
 */
export const CASE_FACTOR = 0.85;

interface SymptomSeen {
  how: Hit['how'];
  weight: number;
  count: number;
  label: string;
  /** a generic symptom's repeats say nothing more (every connection logs one) */
  generic: boolean;
}

interface PerEntry {
  evidence: Evidence[];
  /**
   * Where each symptom first showed, cited or not (a line cites one label once): merging a later
   * part replays these against what this side has cited, so evidence is as if read whole.
   */
  firstSights: (Evidence & { s: number })[];
  /** line:symptom pairs already shown, so one line is not cited twice for one symptom */
  cited: Set<string>;
  symptoms: Map<number, SymptomSeen>;
  lines: number;
  /** a symptom that can stand alone was seen (see Pattern.strong) */
  strong: boolean;
  firstSeen?: string;
  lastSeen?: string;
  /** the line lastSeen is from */
  lastLine: number;
}

/**
 * One line is one observation. Per entry it counts each symptom once (its strongest pattern), the
 * strongest symptom in full and the others at SECONDARY, and a symptom whose texts another one
 * already matched on this line not at all: listing one text under two symptoms adds nothing.
 */
const SECONDARY = 0.3;
export function lineHits(hits: Hit[]): { hit: Hit; weight: number }[] {
  if (hits.length === 0) return [];
  const w = (h: Hit) => (h.how === 'fuzzy' ? 2 : h.pattern.weight);
  const byEntry = new Map<number, Map<number, { hit: Hit; texts: Set<string> }>>();
  for (const h of hits) {
    let symptoms = byEntry.get(h.pattern.entry);
    if (!symptoms) byEntry.set(h.pattern.entry, (symptoms = new Map()));
    const g = symptoms.get(h.pattern.symptom);
    if (!g) symptoms.set(h.pattern.symptom, { hit: h, texts: new Set([h.pattern.text]) });
    else {
      g.texts.add(h.pattern.text);
      if (w(h) > w(g.hit)) g.hit = h;
    }
  }
  const out: { hit: Hit; weight: number }[] = [];
  for (const symptoms of byEntry.values()) {
    const seen = new Set<string>();
    let first = true;
    for (const g of [...symptoms.values()].sort((a, b) => w(b.hit) - w(a.hit))) {
      if ([...g.texts].every((t) => seen.has(t))) continue;
      for (const t of g.texts) seen.add(t);
      out.push({ hit: g.hit, weight: w(g.hit) * (first ? 1 : SECONDARY) });
      first = false;
    }
  }
  return out;
}

/** The accumulator's data, by entry index: what a worker thread sends back. */
export type AccState = [number, Omit<PerEntry, 'cited' | 'symptoms'> & { symptoms: [number, SymptomSeen][] }][];

/** Collects the hits of many lines into per-entry evidence; shared by paste and CLI summary. */
export class FindingAccumulator {
  private readonly byEntry = new Map<number, PerEntry>();

  add(hits: Hit[], line: number, text: string, time?: string): void {
    const touched = new Set<number>();
    const factor = hits.length ? levelFactor(text) : 1;
    const strong = new Set(hits.filter((h) => h.pattern.strong || h.how === 'fuzzy').map((h) => h.pattern.entry));
    for (const { hit: h, weight: w } of lineHits(hits)) {
      const ei = h.pattern.entry;
      let a = this.byEntry.get(ei);
      if (!a) this.byEntry.set(ei, (a = { evidence: [], firstSights: [], cited: new Set(), symptoms: new Map(), lines: 0, strong: false, lastLine: 0 }));
      if (!touched.has(ei)) {
        touched.add(ei);
        a.lines++;
        if (time) {
          a.firstSeen ??= own(time);
          a.lastSeen = time === a.lastSeen ? a.lastSeen : own(time);
          a.lastLine = line;
        }
      }
      const weight = w * factor * sideFactor(text, h.pattern.where);
      if (strong.has(ei)) a.strong = true;
      const prev = a.symptoms.get(h.pattern.symptom);
      if (!prev) a.symptoms.set(h.pattern.symptom, { how: h.how, weight, count: 1, label: h.pattern.label, generic: h.pattern.generic });
      else {
        prev.count++;
        if (weight > prev.weight) Object.assign(prev, { how: h.how, weight, label: h.pattern.label });
      }
      // Cite each symptom where it first shows, once per line.
      if (!prev) {
        const seen = { line, text: own(clip(text, 300)), how: h.how, symptom: h.pattern.label };
        if (a.firstSights.length < MAX_SIGHTS) a.firstSights.push({ ...seen, s: h.pattern.symptom });
        const cite = `${line}:${h.pattern.label}`;
        if (a.evidence.length < MAX_EVIDENCE && !a.cited.has(cite)) {
          a.cited.add(cite);
          a.evidence.push(seen);
        }
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
    for (const { hit: h } of lineHits(hits)) {
      const a = this.byEntry.get(h.pattern.entry);
      const seen = a?.symptoms.get(h.pattern.symptom);
      if (!a || !seen) continue; // never add()ed: nothing to repeat
      seen.count += times;
      if (touched.has(h.pattern.entry)) continue;
      touched.add(h.pattern.entry);
      a.lines += times;
      if (lastTime && lastLine > a.lastLine) {
        a.lastSeen = own(lastTime);
        a.lastLine = lastLine;
      }
    }
  }

  /** What was collected, as plain data: a part of a log analysed on another thread. */
  state(): AccState {
    return [...this.byEntry.entries()].map(([ei, { cited: _c, symptoms, ...a }]) => [ei, { ...a, symptoms: [...symptoms.entries()] }]);
  }

  /**
   * Adds a part analysed separately whose lines came after all of these, lineOffset lines
   * after the start: the result is what add() and repeat() would have made of those lines here.
   */
  merge(parts: AccState, lineOffset: number): void {
    for (const [ei, p] of parts) {
      let a = this.byEntry.get(ei);
      if (!a) this.byEntry.set(ei, (a = { evidence: [], firstSights: [], cited: new Set(), symptoms: new Map(), lines: 0, strong: false, lastLine: 0 }));
      // A symptom this side has seen is cited here already; the part's first sights of the
      // others are cited as add() would have: in order, one label once per line.
      const known = new Set(a.symptoms.keys());
      for (const { s, ...e } of p.firstSights) {
        if (known.has(s)) continue;
        const seen = { ...e, line: e.line + lineOffset };
        if (a.firstSights.length < MAX_SIGHTS) a.firstSights.push({ ...seen, s });
        const cite = `${seen.line}:${seen.symptom}`;
        if (a.evidence.length < MAX_EVIDENCE && !a.cited.has(cite)) {
          a.cited.add(cite);
          a.evidence.push(seen);
        }
      }
      for (const [s, seen] of p.symptoms) {
        const prev = a.symptoms.get(s);
        if (!prev) a.symptoms.set(s, { ...seen });
        else {
          prev.count += seen.count;
          if (seen.weight > prev.weight) Object.assign(prev, { how: seen.how, weight: seen.weight, label: seen.label });
        }
      }
      a.lines += p.lines;
      a.strong ||= p.strong;
      a.firstSeen ??= p.firstSeen;
      if (p.lastSeen !== undefined && p.lastLine > 0) {
        a.lastSeen = p.lastSeen;
        a.lastLine = p.lastLine + lineOffset;
      }
    }
  }

  /** Ranked findings, best first; `distinct` says what each has that the others lack. */
  findings(index: KbIndex, stories = new Map<number, NonNullable<Finding['story']>>()): (Finding & { lines: number; firstSeen?: string; lastSeen?: string })[] {
    // Only generic evidence (a bare 403, s_client's usual lines) is no finding of its own.
    const out = [...this.byEntry.entries()].filter(([, a]) => a.strong).map(([ei, a]) => {
      const e = index.entries[ei]!;
      let score = 0;
      for (const s of a.symptoms.values()) score += s.weight + (s.generic ? 0 : Math.log2(s.count) * 0.5);
      // A case yields on shared symptoms; its story (the order it was seen in) counts in full.
      if (e.kind === 'case' || e.historical) score *= CASE_FACTOR;
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
