import type { Entry } from './load';
import type { KbEntry, KbIndex } from '../diagnose/types';
import { metaValue, type BodyDoc } from './body';

/** The fix a finding shows: the first config snippet under "## Fix" (else the first config snippet). */
export function fixSnippet(doc: BodyDoc): KbEntry['fix'] {
  const fixAt = doc.marks.find((m) => m.depth >= 2 && /\bfix\b/i.test(m.text))?.line;
  const fences = doc.fences.filter((f) => f.lang === 'apache');
  const f = (fixAt !== undefined ? fences.find((x) => x.line > fixAt) : undefined) ?? fences[0];
  return f ? { lang: f.lang, for: metaValue(f.meta, 'for'), code: f.code } : undefined;
}

/** What the diagnosis engine needs of the knowledge base: symptoms, causes, fixes. Serialisable. */
export function buildKbIndex(entries: Entry[]): KbIndex {
  return {
    entries: entries
      .filter((e) => e.symptoms.length > 0 || e.logCodes.length > 0)
      .map((e) => ({
        slug: e.slug,
        kind: e.kind,
        ...(e.status === 'historical' && { historical: true }),
        title: e.title,
        url: e.url,
        summary: e.summary,
        causes: e.causes,
        symptoms: [
          ...e.symptoms.map((s) => ({ where: s.where, codes: s.codes ?? [], match: s.match, versions: s.versions, ...(s.generic && { generic: true }), ...(s.primary && { primary: true }) })),
          // Every code an entry explains is also a symptom of it, in each of its wordings.
          ...e.logCodes.flatMap((lc) => [
            // The owner of a code is the entry to read first for it (unless the code is generic).
            { where: 'server-log', codes: [lc.code], owner: true, ...(lc.generic && { generic: true }) },
            ...(lc.wording ?? []).map((w) => ({ where: 'server-log', codes: [], match: w, ...(lc.generic && { generic: true }) })),
          ]),
        ],
        fix: fixSnippet(e.doc),
        ...(e.sequence ? { sequence: e.sequence } : {}),
      })),
  };
}
