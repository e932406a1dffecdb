import GithubSlugger from 'github-slugger';
import { findFences } from './fences';

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** Strip the markdown that may sit in a heading, leaving what a reader sees. */
export function plainHeading(md: string): string {
  return md
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_]/g, '')
    .trim();
}

/** The table of contents, with the same ids the renderer gives the headings (github-slugger). */
export function extractHeadings(body: string): Heading[] {
  const slugger = new GithubSlugger();
  const out: Heading[] = [];
  for (const { text } of findFences(body).proseLines) {
    const m = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(text);
    if (!m) continue;
    const plain = plainHeading(m[2]!);
    out.push({ depth: m[1]!.length as 2 | 3, text: plain, id: slugger.slug(plain) });
  }
  return out;
}
