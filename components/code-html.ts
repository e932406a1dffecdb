import { createElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

// Highlighted snippets as one HTML string rather than a tree of React elements. Shiki gives each
// token a <span style="color:…;--shiki-dark:…">: as elements, a snippet is hundreds of entries in
// the page data and as many nodes for React to hydrate, none of which ever changes. As a string
// (set with dangerouslySetInnerHTML, as the lab's snippets already are) it is one node, and the
// token colours become short classes (globals.css) instead of a style on every token.

/** Token colours of github-light-default / github-dark-default (lib/content/highlight.ts) that
 * globals.css has as classes. A colour missing here keeps its inline style: nothing is lost. */
const TOKEN_CLASSES: Record<string, string> = {
  '#0550ae;#79c0ff': 'tk-c', // constants, numbers, attributes
  '#cf222e;#ff7b72': 'tk-k', // keywords, directives
  '#0a3069;#a5d6ff': 'tk-s', // strings
  '#953800;#ffa657': 'tk-v', // variables
  '#6e7781;#8b949e': 'tk-m', // comments
  '#116329;#7ee787': 'tk-t', // tags
  '#8250df;#d2a8ff': 'tk-f', // functions
  '#82071e;#ffa198': 'tk-i', // invalid
};

const SPAN = /<span style="color:(#[0-9A-Fa-f]{6});--shiki-dark:(#[0-9A-Fa-f]{6})">/g;
const PLAIN = /<span style="color:(#[0-9A-Fa-f]{6});--shiki-dark:(#[0-9A-Fa-f]{6})">([^<]*)<\/span>/g;
const PRE_COLOURS = /<pre [^>]{0,300}?style="[^"]{0,200}?color:(#[0-9A-Fa-f]{6});--shiki-dark:(#[0-9A-Fa-f]{6})/;

/**
 * Shiki's HTML with the token styles as classes, and the tokens in the snippet's own colours
 * (which they would inherit anyway) without a span. `base` is that pair when the <pre> is not
 * in `html` (it is read from the <pre> when it is).
 */
export function compactShikiHtml(html: string, base?: [string, string]): string {
  const pre = PRE_COLOURS.exec(html);
  const own = (pre ? `${pre[1]};${pre[2]}` : base ? `${base[0]};${base[1]}` : '').toLowerCase();
  return html
    .replace(PLAIN, (all, light: string, dark: string, text: string) => (`${light};${dark}`.toLowerCase() === own ? text : all))
    .replace(SPAN, (all, light: string, dark: string) => {
      const cls = TOKEN_CLASSES[`${light};${dark}`.toLowerCase()];
      return cls ? `<span class="${cls}">` : all;
    });
}

export class Unsupported extends Error {}

// As React escapes, text and attributes alike.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escapeText = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const escapeAttr = escapeText;
const VOID = new Set(['br', 'hr', 'img', 'wbr']);

function styleText(style: unknown): string {
  if (!style || typeof style !== 'object') throw new Unsupported();
  return Object.entries(style as Record<string, unknown>)
    .map(([k, v]) => {
      if (typeof v !== 'string') throw new Unsupported(); // numbers would need React's units
      return `${k.startsWith('--') ? k : k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${v}`;
    })
    .join(';');
}

function attributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [k, v] of Object.entries(props)) {
    if (k === 'children' || v === undefined || v === null || v === false) continue;
    if (k === 'style') out += ` style="${escapeAttr(styleText(v))}"`;
    else if (typeof v !== 'string' && typeof v !== 'number') throw new Unsupported();
    else if (k === 'className') out += ` class="${escapeAttr(String(v))}"`;
    else if (k === 'tabIndex') out += ` tabindex="${v}"`;
    else if (/^(?:id|title|lang|dir|(?:data|aria)-[a-z-]{1,40})$/.test(k)) out += ` ${k}="${escapeAttr(String(v))}"`;
    else throw new Unsupported(); // an attribute React would spell differently: leave it to React
  }
  return out;
}

/** The HTML React would render for plain elements and text; Unsupported for anything else. */
export function toHtml(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return escapeText(String(node));
  if (Array.isArray(node)) return node.map(toHtml).join('');
  if (!isValidElement(node)) throw new Unsupported();
  const { type, props } = node as ReactElement<Record<string, unknown>>;
  if (type === Fragment) return toHtml(props.children as ReactNode);
  if (typeof type !== 'string' || !/^[a-z][a-z0-9]{0,15}$/.test(type)) throw new Unsupported();
  if (props.dangerouslySetInnerHTML) throw new Unsupported();
  const open = `<${type}${attributes(props)}>`;
  return VOID.has(type) ? open : `${open}${toHtml(props.children as ReactNode)}</${type}>`;
}

/**
 * A highlighted <pre> element (from MDX) as the same <pre> whose content is set as HTML, or
 * null when it holds anything that is not plain elements and text (then render it as it is).
 */
export function staticPre(pre: ReactNode): ReactElement | null {
  if (!isValidElement(pre) || pre.type !== 'pre') return null;
  const { children, ...own } = pre.props as Record<string, unknown> & { children?: ReactNode };
  try {
    attributes(own); // the <pre>'s own props stay React props: only check they are plain
    const style = own.style as Record<string, unknown> | undefined;
    const base: [string, string] | undefined = typeof style?.color === 'string' && typeof style['--shiki-dark'] === 'string' ? [style.color, style['--shiki-dark'] as string] : undefined;
    const html = compactShikiHtml(toHtml(children), base);
    return createElement('pre', { ...own, dangerouslySetInnerHTML: { __html: html } });
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
