import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { frontmatterSchema, type Frontmatter } from './schema';
import { ORIGINS } from './origins';
import { ContentError, type Problem } from './problems';
import { bodyProblems } from './rules';
import { BodyParseError, parseBody, type BodyDoc, type Heading } from './body';

/** Where each kind lives: questions and failures under faq/, incidents under cases/. */
const DIRS = { faq: 'faq', cases: 'cases' } as const;

export interface Entry extends Frontmatter {
  slug: string;
  /** path relative to the content root, for messages */
  file: string;
  /** site path without basePath, with trailing slash: /faq/<slug>/ */
  url: string;
  body: string;
  /** lines of the file before the body, to report body lines as file lines */
  bodyOffset: number;
  headings: Heading[];
  /** the body read once into its syntax tree: fences, headings, links, search text */
  doc: BodyDoc;
}

export interface LoadOptions {
  /** The real knowledge base must answer every seed question; fixtures need not. */
  requireAllOrigins?: boolean;
}

export function entryUrl(kind: Frontmatter['kind'], slug: string): string {
  return `/${kind === 'case' ? 'cases' : 'faq'}/${slug}/`;
}

export function fieldName(p: readonly PropertyKey[]): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || 'frontmatter';
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  for (const dir of Object.values(DIRS)) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const name of fs.readdirSync(abs).sort()) {
      if (/\.mdx?$/.test(name)) files.push(path.join(dir, name));
    }
  }
  return files;
}

/** Site pages that are not entries but may be linked from one. */
const SECTION_PAGES = ['/', '/faq/', '/cases/', '/diagnose/', '/wizard/', '/check/', '/errors/', '/search/'];

/** Read, validate and cross-check every entry under root; throws ContentError listing all problems. */
export function loadEntries(root: string, opts: LoadOptions = {}): Entry[] {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const bySlug = new Map<string, string>();

  for (const file of listFiles(root)) {
    const slug = path.basename(file).replace(/\.mdx?$/, '');
    const add = (field: string, message: string) => problems.push({ file, field, message });
    let parsed: matter.GrayMatterFile<string>;
    try {
      // An editor that saves UTF-8 "with BOM" (Notepad, some Windows tools) puts U+FEFF first.
      const raw = fs.readFileSync(path.join(root, file), 'utf8').replace(/^\uFEFF/, '');
      if (!raw.startsWith('---')) {
        add('frontmatter', 'expected a frontmatter block between --- lines at the top of the file');
        continue;
      }
      // gray-matter caches by content; a fresh object per file keeps fixtures independent.
      parsed = matter(raw, {});
    } catch (e) {
      add('frontmatter', `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) add('file name', 'expected a lower-case slug like key-matches-certificate.mdx');
    const result = frontmatterSchema.safeParse(parsed.data);
    if (!result.success) {
      for (const issue of result.error.issues) add(fieldName(issue.path), issue.message);
      continue;
    }
    const fm = result.data;
    const inCases = file.startsWith(`${DIRS.cases}/`);
    if (inCases !== (fm.kind === 'case'))
      add('kind', inCases ? 'expected "case" for a file under cases/' : 'kind "case" belongs under cases/, not faq/');
    // Report body lines as lines of the file, where the author will look for them.
    const offset = parsed.orig.toString().split('\n').length - parsed.content.split('\n').length;
    let doc: BodyDoc;
    try {
      doc = parseBody(parsed.content);
    } catch (e) {
      if (!(e instanceof BodyParseError)) throw e;
      add(e.line ? `line ${e.line + offset}` : 'body', `not valid MDX: ${e.message}`);
      continue;
    }
    for (const p of bodyProblems(fm, doc, offset)) add(p.field, p.message);
    const prior = bySlug.get(slug);
    if (prior) add('slug', `duplicate slug "${slug}", also used by ${prior}`);
    bySlug.set(slug, file);
    entries.push({ ...fm, slug, file, url: entryUrl(fm.kind, slug), body: parsed.content, bodyOffset: offset, headings: doc.headings, doc });
  }

  const byUrl = new Map(entries.map((e) => [e.url, e]));
  const origins = new Map<string, string>();
  const codeOwners = new Map<string, string>();
  for (const e of entries) {
    for (const [i, lc] of e.logCodes.entries()) {
      const owner = codeOwners.get(lc.code);
      if (owner) problems.push({ file: e.file, field: `logCodes[${i}]`, message: `${lc.code} is already explained by ${owner}: each code has one owner` });
      else codeOwners.set(lc.code, e.file);
    }
    for (const { href, line } of e.doc.links) {
      const [target = '', anchor] = href.split('#');
      const to = byUrl.get(target);
      if (!to && !SECTION_PAGES.includes(target))
        problems.push({ file: e.file, field: 'link', message: `"${href}" (line ${line + e.bodyOffset}) leads nowhere: expected /faq/<slug>/ or /cases/<slug>/ of an existing entry` });
      else if (to && anchor && !to.headings.some((h) => h.id === anchor))
        problems.push({ file: e.file, field: 'link', message: `"${href}" (line ${line + e.bodyOffset}): ${to.file} has no heading with id "${anchor}"` });
    }
    for (const r of e.related) {
      if (r === e.slug) problems.push({ file: e.file, field: 'related', message: 'an entry cannot be related to itself' });
      else if (!bySlug.has(r)) problems.push({ file: e.file, field: 'related', message: `unknown entry "${r}": expected the slug of an existing entry` });
    }
    if (e.origin) {
      const other = origins.get(e.origin);
      if (other) problems.push({ file: e.file, field: 'origin', message: `"${e.origin}" is already answered by ${other}: one entry per seed question` });
      origins.set(e.origin, e.file);
    }
  }
  if (opts.requireAllOrigins) {
    for (const o of ORIGINS)
      if (!origins.has(o)) problems.push({ file: root, field: 'origin', message: `no entry answers the seed question "${o}"` });
  }

  if (problems.length) throw new ContentError(problems);
  return entries;
}
