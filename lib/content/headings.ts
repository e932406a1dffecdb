import GithubSlugger from 'github-slugger';
import { findFences } from './fences';
import { trimChar } from '../trim';

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** Strip the markdown that may sit in a heading, leaving what a reader sees. */
export function plainHeading(md: string): string {
  return md
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^[\]]{0,200})\]\([^()\s]{0,300}\)/g, '$1')
    .replace(/[*_]/g, '')
    .trim();
}

/** The table of contents, with the same ids the renderer gives the headings (github-slugger). */
export function extractHeadings(body: string): Heading[] {
  const slugger = new GithubSlugger();
  const out: Heading[] = [];
  for (const { text } of findFences(body).proseLines) {
    const m = /^(#{2,3})[ \t]/.exec(text);
    if (!m) continue;
    // Closing #s are optional in Markdown: drop them and the spaces around them.
    const plain = plainHeading(trimChar(text.slice(m[1]!.length).trim(), '#').trim());
    if (!plain) continue;
    out.push({ depth: m[1]!.length as 2 | 3, text: plain, id: slugger.slug(plain) });
  }
  return out;
}
