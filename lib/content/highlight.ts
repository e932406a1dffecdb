import { createHighlighter, createJavaScriptRegexEngine, type Highlighter } from 'shiki';
import type { Element, Root } from 'hast';

// Fence language → shiki grammar. `log` and `text` stay plain where shiki has nothing better.
const GRAMMAR: Record<string, string> = {
  apache: 'apache', sh: 'shellscript', log: 'log', ini: 'ini', http: 'http', text: 'text', '': 'text',
};

// Both themes are rendered at build time as CSS variables; the stylesheet picks one per mode.
export const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: Object.values(THEMES),
    langs: ['apache', 'shellscript', 'log', 'ini', 'http'],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** Highlight one snippet into a hast <pre>; unknown languages fall back to plain text. */
export async function highlightToHast(code: string, lang: string): Promise<Element> {
  const h = await getHighlighter();
  const root = h.codeToHast(code, { lang: GRAMMAR[lang] ?? 'text', themes: THEMES, defaultColor: 'light' }) as Root;
  return root.children.find((n): n is Element => n.type === 'element')!;
}

/** The same highlighting as HTML, for code that is not MDX (the lab's captured configurations). */
export async function highlightToHtml(code: string, lang: string): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code, { lang: GRAMMAR[lang] ?? 'text', themes: THEMES, defaultColor: 'light' });
}
