// A reader of httpd's configuration syntax, as server/config.c and util.c read it: one directive
// per line, a backslash at the end of a line continues it, arguments split on white space with
// "…" and '…' quoting, `#` starts a comment only as a line's first word, <Section args> … </Section>
// nest, Define/${VAR} substitute. Nothing here throws on bad input: problems come back with their
// file and line, and what could be read is kept.
import { trimChar } from '../trim';

export interface ConfDirective {
  type: 'directive';
  /** as written */
  name: string;
  /** lower case, for lookups (directive names are case-insensitive) */
  key: string;
  args: string[];
  raw: string;
  file: string;
  line: number;
}

export interface ConfSection {
  type: 'section';
  name: string;
  key: string;
  args: string[];
  raw: string;
  file: string;
  line: number;
  /** line of the closing tag (the opening line when it was never closed) */
  endLine: number;
  children: ConfNode[];
}

export type ConfNode = ConfDirective | ConfSection;

export interface ParseProblem {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface ParsedConfig {
  nodes: ConfNode[];
  problems: ParseProblem[];
  /** Define NAME [value] seen, in order (later ones win) */
  defines: Map<string, string>;
  /** the files the text came from, in order ('(pasted)' when it named none) */
  files: string[];
  lines: number;
}

/** Far past any real configuration; keeps a hostile paste from building a huge tree. */
export const MAX_CONFIG_LINES = 200_000;
const MAX_DEPTH = 64;
const MAX_LINE = 16_384;

/**
 * A line that starts a new file in a paste of several: `==> /etc/apache2/ports.conf <==` (what
 * `tail -n +1 FILES` and `head` print), or a comment naming a config file ("# File: …",
 * "### /etc/httpd/conf.d/ssl.conf"). String operations, not a regex: a pasted line can be long.
 */
export function fileMark(line: string): string | undefined {
  const t = line.trim();
  if (t.startsWith('==>') && t.endsWith('<==') && t.length > 6) {
    const name = t.slice(3, -3).trim();
    return name || undefined;
  }
  if (!t.startsWith('#')) return undefined;
  let body = trimChar(t, '#').trim();
  const named = /^file:/i.test(body);
  if (named) body = body.slice(5).trim();
  if (!body || /\s/.test(body)) return undefined;
  return named || (body.startsWith('/') && body.endsWith('.conf')) ? body : undefined;
}

/** Is this line a `==> file <==` mark (one that may end an unclosed section of the file before)? */
const isTailMark = (line: string) => line.trim().startsWith('==>') && line.trim().endsWith('<==');

/** Splits a directive's argument text the way ap_getword_conf does: quotes group, backslash escapes a quote. */
export function splitArgs(text: string): { args: string[]; unterminated: boolean; comment?: number } {
  const args: string[] = [];
  let i = 0;
  let comment: number | undefined;
  let unterminated = false;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const q = text[i];
    if (q === '"' || q === "'") {
      let j = i + 1;
      let out = '';
      while (j < text.length && text[j] !== q) {
        if (text[j] === '\\' && (text[j + 1] === q || text[j + 1] === '\\')) j++;
        out += text[j++];
      }
      if (j >= text.length) unterminated = true;
      args.push(out);
      i = j + 1;
    } else {
      if (q === '#' && comment === undefined) comment = args.length;
      let j = i;
      while (j < text.length && !/\s/.test(text[j]!)) j++;
      args.push(text.slice(i, j));
      i = j;
    }
  }
  return { args, unterminated, ...(comment !== undefined && { comment }) };
}

const VAR = /\$\{([A-Za-z0-9_:.-]+)\}/g;

/** Directives whose arguments httpd reads as text where `#` is ordinary (messages, expressions). */
const HASH_IS_TEXT = new Set(['errordocument', 'header', 'requestheader', 'rewritecond', 'rewriterule', 'setenvif', 'setenvifnocase', 'define', 'logformat', 'customlog', 'errorlogformat', 'alias', 'redirect', 'redirectmatch', 'addtype', 'adddescription', 'echo']);

export function parseConfig(text: string, opts: { file?: string } = {}): ParsedConfig {
  const problems: ParseProblem[] = [];
  const defines = new Map<string, string>();
  let file = opts.file ?? '(pasted)';
  const files = [file];
  const nodes: ConfNode[] = [];
  const stack: ConfSection[] = [];
  const add = (n: ConfNode) => (stack.length ? stack[stack.length - 1]!.children : nodes).push(n);
  const problem = (line: number, severity: ParseProblem['severity'], message: string) => {
    if (problems.length < 1000) problems.push({ file, line, severity, message });
  };
  const closeAll = (line: number) => {
    while (stack.length) {
      const s = stack.pop()!;
      problem(s.line, 'error', `<${s.name}> is never closed: httpd stops with "Syntax error … <${s.name}> was not closed." Add </${s.name}> where the section ends.`);
      s.endLine = line;
    }
  };

  const rawLines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  if (rawLines.length > MAX_CONFIG_LINES) {
    problems.push({ file, line: MAX_CONFIG_LINES, severity: 'warning', message: `only the first ${MAX_CONFIG_LINES.toLocaleString('en')} lines were read` });
    rawLines.length = MAX_CONFIG_LINES;
  }
  // Line numbers restart in each file of a multi-file paste.
  let lineBase = 0;
  for (let i = 0; i < rawLines.length; i++) {
    const startLine = i + 1 - lineBase;
    let line = rawLines[i]!;
    const mark = fileMark(line);
    if (mark !== undefined && !stack.length) {
      file = mark;
      if (!files.includes(file)) files.push(file);
      if (files[0] === '(pasted)' && nodes.length === 0) files.shift();
      lineBase = i + 1;
      continue;
    }
    if (mark !== undefined && stack.length && isTailMark(line)) {
      closeAll(startLine);
      file = mark;
      if (!files.includes(file)) files.push(file);
      lineBase = i + 1;
      continue;
    }
    // A backslash as the last character joins the next line (httpd: "line continuation").
    while (/\\$/.test(line) && i + 1 < rawLines.length) line = line.slice(0, -1) + rawLines[++i]!;
    if (line.length > MAX_LINE) {
      problem(startLine, 'error', `a line of ${line.length.toLocaleString('en')} characters: httpd reads at most ${MAX_LINE.toLocaleString('en')} per line (was something else pasted?)`);
      continue;
    }
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    // Binary or non-config text: say so once per file instead of one problem per byte run.
    if (/[\u0000-\u0008\u000e-\u001f]/.test(t)) {
      problem(startLine, 'error', 'control characters: this line is not configuration text');
      continue;
    }
    const expanded = t.replace(VAR, (whole, name: string) => {
      if (defines.has(name)) return defines.get(name)!;
      if (name in ENV_LIKE) return whole;
      problem(startLine, 'warning', `\${${name}} is not defined here: httpd warns "AH00111: Config variable \${${name}} is not defined" and uses the text as written`);
      return whole;
    });

    if (expanded.startsWith('</')) {
      let end = 2;
      while (end < expanded.length && !/[\s>]/.test(expanded[end]!)) end++;
      const name = expanded.slice(2, end);
      const top = stack[stack.length - 1];
      if (!top) {
        problem(startLine, 'error', `</${name}> without an opening <${name}>: httpd stops with "</${name}> without matching <${name}> section"`);
        continue;
      }
      if (top.key !== name.toLowerCase()) {
        const open = stack.findIndex((s) => s.key === name.toLowerCase());
        problem(startLine, 'error', `</${name}> closes a section, but <${top.name}> (line ${top.line}) is still open: httpd stops with "Expected </${top.name}> but saw </${name}>"`);
        if (open < 0) continue;
        while (stack.length > open + 1) {
          const s = stack.pop()!;
          s.endLine = startLine;
        }
      }
      const s = stack.pop()!;
      s.endLine = startLine;
      continue;
    }
    if (expanded.startsWith('<')) {
      // "<Name args>": the name runs to the first space or ">".
      let end = 1;
      while (end < expanded.length && !/[\s>]/.test(expanded[end]!)) end++;
      const sectionName = expanded.slice(1, end);
      if (!sectionName) continue;
      let rest = expanded.slice(end).trim();
      if (!rest.endsWith('>')) problem(startLine, 'error', `<${sectionName}: the section's opening line does not end with ">": httpd stops with "<${sectionName}> directive missing closing '>'"`);
      else rest = rest.slice(0, -1).trim();
      const { args } = splitArgs(rest);
      const section: ConfSection = { type: 'section', name: sectionName, key: sectionName.toLowerCase(), args, raw: t, file, line: startLine, endLine: startLine, children: [] };
      if (stack.length >= MAX_DEPTH) {
        problem(startLine, 'error', `sections nested more than ${MAX_DEPTH} deep`);
        continue;
      }
      add(section);
      stack.push(section);
      continue;
    }
    const sp = expanded.search(/\s/);
    const name = sp < 0 ? expanded : expanded.slice(0, sp);
    // Directive names are words; a log line or a sentence pasted here is not configuration.
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name)) {
      problem(startLine, 'error', `"${name.slice(0, 40)}" is not a directive: httpd stops with "Invalid command '${name.slice(0, 40)}'". Is this line from a log or a message rather than the configuration?`);
      continue;
    }
    const { args, unterminated, comment } = splitArgs(sp < 0 ? '' : expanded.slice(sp + 1));
    const key = name.toLowerCase();
    if (unterminated) problem(startLine, 'error', `${name}: a quote is opened and never closed on this line`);
    if (comment !== undefined && !HASH_IS_TEXT.has(key))
      problem(startLine, 'error', `${name}: "${args.slice(comment).join(' ').slice(0, 60)}" is not a comment here: httpd allows comments only on a line of their own and reads these words as more arguments, so it stops with AH00526 (e.g. "SSLProtocol: Illegal protocol '#'") or takes them as values. Move the comment to the line above.`);
    if (key === 'define' && args[0]) defines.set(args[0], args[1] ?? '');
    if (key === 'undefine' && args[0]) defines.delete(args[0]);
    add({ type: 'directive', name, key, args: comment !== undefined && !HASH_IS_TEXT.has(key) ? args.slice(0, comment) : args, raw: t, file, line: startLine });
  }
  closeAll(rawLines.length - lineBase);
  return { nodes, problems, defines, files, lines: rawLines.length };
}

/** Variables httpd's start-up scripts define (Debian's envvars): not worth a warning. */
const ENV_LIKE: Record<string, true> = { APACHE_RUN_USER: true, APACHE_RUN_GROUP: true, APACHE_LOG_DIR: true, APACHE_PID_FILE: true, APACHE_RUN_DIR: true, APACHE_LOCK_DIR: true, SRVROOT: true };

/** Every node, depth first, with the sections that enclose it (outermost first). */
export function* walk(nodes: readonly ConfNode[], outer: readonly ConfSection[] = []): Generator<{ node: ConfNode; outer: readonly ConfSection[] }> {
  for (const node of nodes) {
    yield { node, outer };
    if (node.type === 'section') yield* walk(node.children, [...outer, node]);
  }
}
