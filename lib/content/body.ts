// One parse of an entry body into the MDX syntax tree the renderer also builds (remark-parse +
// remark-mdx, the parser @mdx-js/mdx runs), and everything the site derives from a body read off
// that tree: fences, headings and their ids, links, components, search text, sections. Reading
// the text a second way (line regexes) disagreed with the page: a fence indented in a list item
// escaped the content rules, and a setext heading got an id the page did not have.
import type { Code, Heading as MdHeading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface Fence {
  /** lower-cased info word; '' when the fence has none */
  lang: string;
  meta: string;
  code: string;
  /** 1-based line of the opening fence within the body */
  line: number;
}

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
  line: number;
}

/** A paragraph as a reader sees it, with the inline code it holds (commands live there). */
export interface Prose {
  text: string;
  inlineCode: string[];
  line: number;
}

export interface BodyDoc {
  fences: Fence[];
  /** h2 and h3, with the ids the rendered page gives them */
  headings: Heading[];
  /** every heading's line and plain text, any depth: sections are cut at these */
  marks: { depth: number; text: string; line: number }[];
  prose: Prose[];
  /** root-relative link targets written in markdown */
  links: { href: string; line: number }[];
  /** JSX elements the body uses */
  components: { name: string; line: number }[];
  /** import/export statements (MDX ESM), which entries may not carry */
  esm: { text: string; line: number }[];
  /** the words a reader sees, code included, for search */
  text: string;
}

/** A body that MDX cannot parse, with where. */
export class BodyParseError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

const parser = unified().use(remarkParse).use(remarkMdx);

export function parseTree(body: string): Root {
  try {
    return parser.parse(body);
  } catch (e) {
    const err = e as { reason?: string; message: string; line?: number; place?: { line?: number; start?: { line?: number } } };
    const line = err.line ?? err.place?.line ?? err.place?.start?.line;
    throw new BodyParseError(err.reason ?? err.message, line);
  }
}

/**
 * The id of each h2/h3, in document order: github-slugger over the heading's text. The table of
 * contents, link checks and the renderer (remarkHeadingIds) all take ids from here.
 */
export function headingIds(tree: Root): Map<MdHeading, string> {
  const slugger = new GithubSlugger();
  const ids = new Map<MdHeading, string>();
  visit(tree, 'heading', (h: MdHeading) => {
    if (h.depth !== 2 && h.depth !== 3) return;
    const text = toString(h).trim();
    if (text) ids.set(h, slugger.slug(text));
  });
  return ids;
}

const lineOf = (n: Nodes): number => n.position?.start.line ?? 0;

/** Every text a reader sees under a node, blocks separated by a space. */
function plainText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (n: Nodes) => {
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code') parts.push(n.value);
    else if (n.type === 'mdxjsEsm' || n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') return 'skip';
    return undefined;
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export function parseBody(body: string): BodyDoc {
  const tree = parseTree(body.replace(/^\uFEFF/, ''));
  const ids = headingIds(tree);
  const doc: BodyDoc = { fences: [], headings: [], marks: [], prose: [], links: [], components: [], esm: [], text: plainText(tree) };
  visit(tree, (n: Nodes) => {
    switch (n.type) {
      case 'code': {
        const c = n as Code;
        doc.fences.push({ lang: (c.lang ?? '').toLowerCase(), meta: c.meta ?? '', code: c.value, line: lineOf(c) });
        break;
      }
      case 'heading': {
        const text = toString(n).trim();
        doc.marks.push({ depth: n.depth, text, line: lineOf(n) });
        const id = ids.get(n);
        if (id) doc.headings.push({ depth: n.depth as 2 | 3, text, id, line: lineOf(n) });
        break;
      }
      case 'paragraph': {
        const inlineCode: string[] = [];
        visit(n, 'inlineCode', (c) => void inlineCode.push(c.value));
        doc.prose.push({ text: toString(n).replace(/\s+/g, ' ').trim(), inlineCode, line: lineOf(n) });
        break;
      }
      case 'link':
        if (n.url.startsWith('/')) doc.links.push({ href: n.url, line: lineOf(n) });
        break;
      case 'definition':
        if (n.url.startsWith('/')) doc.links.push({ href: n.url, line: lineOf(n) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (n.name) doc.components.push({ name: n.name, line: lineOf(n) });
        break;
      case 'mdxjsEsm':
        doc.esm.push({ text: n.value, line: lineOf(n) });
        break;
    }
  });
  return doc;
}

/** The lines a section spans: after its heading up to the next heading of the same or higher rank. */
export function sectionRange(doc: BodyDoc, title: RegExp, depth = 2): { from: number; to: number } | undefined {
  const at = doc.marks.findIndex((m) => m.depth === depth && title.test(m.text));
  if (at < 0) return undefined;
  const next = doc.marks.slice(at + 1).find((m) => m.depth <= depth);
  return { from: doc.marks[at]!.line, to: next ? next.line : Number.POSITIVE_INFINITY };
}

/** `for="httpd 2.4.36+"` → "httpd 2.4.36+"; undefined when absent. */
export function metaValue(meta: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}="([^"]*)"`).exec(meta);
  return m ? m[1] : undefined;
}

export function metaFlag(meta: string, flag: string): boolean {
  return meta.replace(/"[^"]*"/g, '').split(/\s+/).includes(flag);
}
