import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import { highlightToHast } from './highlight';
import type { Root as MdRoot } from 'mdast';
import { headingIds, metaFlag, metaValue } from './body';

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

/**
 * ids for h2/h3 from the same function the table of contents and the link checks use
 * (body.ts headingIds), set on the markdown tree so the HTML heading carries them.
 */
export function remarkHeadingIds() {
  return (tree: MdRoot) => {
    // hProperties is mdast-util-to-hast's way to set attributes of the element a node becomes.
    for (const [h, id] of headingIds(tree)) {
      const data = (h.data ?? {}) as { hProperties?: Record<string, unknown> };
      h.data = { ...data, hProperties: { ...data.hProperties, id } } as typeof h.data;
    }
  };
}

/** A visible # anchor after the text of each h2/h3 that has an id. */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['heading-anchor'], ariaLabel: `Link to section: ${toString(node).trim()}` },
        children: [{ type: 'text', value: '#' }],
      });
    });
  };
}
