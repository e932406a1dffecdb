import type { Frontmatter } from './schema';
import { metaFlag, metaValue, type BodyDoc } from './body';
import { insecureReasons } from './insecure';

/** Components the MDX renderer provides; anything else would fail only at render time. */
export const MDX_COMPONENTS = ['Callout'] as const;

export const FENCE_LANGS = ['apache', 'sh', 'log', 'text', 'ini', 'http', ''] as const;

/** Problems of one entry's body, as "field: message" pairs (the caller adds the file). */
export function bodyProblems(fm: Frontmatter, doc: BodyDoc, lineOffset = 0): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];

  for (const { text, line } of doc.esm)
    out.push({ field: `line ${line + lineOffset}`, message: `"${text.trim().slice(0, 60)}": no import/export in MDX; components come from the component map (${MDX_COMPONENTS.join(', ')})` });
  for (const { name, line } of doc.components) {
    // Lower-case names are HTML elements; a capitalised one must be in the component map.
    if (/^[A-Z]/.test(name) && !(MDX_COMPONENTS as readonly string[]).includes(name))
      out.push({ field: `line ${line + lineOffset}`, message: `unknown component <${name}>: expected one of ${MDX_COMPONENTS.join(', ')}` });
  }

  for (const f of doc.fences) {
    const where = `line ${f.line + lineOffset} (\`\`\`${f.lang})`;
    if (!(FENCE_LANGS as readonly string[]).includes(f.lang))
      out.push({ field: where, message: `unknown language "${f.lang}": expected one of ${FENCE_LANGS.filter(Boolean).join(', ')}` });
    if (f.lang === 'apache' && !metaValue(f.meta, 'for'))
      out.push({ field: where, message: 'config snippet without versions: expected for="httpd 2.4.x…" in the fence meta' });
    const reasons = f.lang === 'apache' ? insecureReasons(f.code) : [];
    if (reasons.length && !metaFlag(f.meta, 'insecure'))
      out.push({ field: where, message: `insecure snippet (${reasons.join('; ')}): mark the fence "insecure" and give the modern replacement` });
  }

  if (fm.status === 'historical' && !doc.marks.some((m) => m.depth === 2 && m.text === 'Today'))
    out.push({ field: 'body', message: 'historical entry without a "## Today" section saying what replaced the old advice' });
  return out;
}
