import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { highlightToHast } from './highlight';
import { metaFlag, metaValue } from './fences';
import { plainHeading } from './headings';

/**
 * Turns each fenced block into <figure data-lang data-for data-insecure> around a highlighted
 * <pre>; the `figure` entry of the component map renders the toolbar and warnings.
 */
export function rehypeCodeBlocks() {
  return async (tree: Root) => {
    const jobs: Promise<void>[] = [];
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (!code) return;
      const cls = ((code.properties.className as string[] | undefined) ?? []).find((c) => c.startsWith('language-'));
      const lang = cls ? cls.slice('language-'.length) : 'text';
      const meta = ((code.data as { meta?: string } | undefined)?.meta ?? '') as string;
      const text = toString(code).replace(/\n$/, '');
      jobs.push(
        highlightToHast(text, lang).then((pre) => {
          const figure: Element = {
            type: 'element',
            tagName: 'figure',
            properties: {
              dataLang: lang,
              dataFor: metaValue(meta, 'for') ?? '',
              dataInsecure: metaFlag(meta, 'insecure') ? 'true' : undefined,
            },
            children: [pre],
          };
          parent.children[index] = figure;
        }),
      );
      return 'skip';
    });
    await Promise.all(jobs);
  };
}

/** ids for h2/h3 (same slugs as the table of contents) and a visible # anchor after the text. */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const text = plainHeading(toString(node));
      const id = slugger.slug(text);
      node.properties.id = id;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['heading-anchor'], ariaLabel: `Link to section: ${text}` },
        children: [{ type: 'text', value: '#' }],
      });
    });
  };
}
