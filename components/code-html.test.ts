import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { getMDXComponent } from 'mdx-bundler/client';
import { describe, expect, it } from 'vitest';
import { getEntries } from '@/lib/content/kb';
import { compileMdx } from '@/lib/content/mdx';
import { highlightToHtml } from '@/lib/content/highlight';
import { compactShikiHtml, staticPre, toHtml } from './code-html';

/** Every fenced snippet of an entry, as MDX renders it: the <pre> elements inside its figures. */
async function pres(slug: string): Promise<ReactNode[]> {
  const e = getEntries().find((x) => x.slug === slug)!;
  const Component = getMDXComponent(await compileMdx(e.body, e.file));
  const found: ReactNode[] = [];
  const figure = ({ children }: { children?: ReactNode }) => {
    found.push(children);
    return null;
  };
  renderToStaticMarkup(createElement(Component, { components: { figure, Callout: () => null, a: 'a' } }));
  return found;
}

describe('highlighted snippets as HTML', () => {
  it('writes the same HTML as React for the snippets of real entries, token styles aside', async () => {
    let snippets = 0;
    for (const slug of ['key-matches-certificate', 'browser-hangs-http-to-https-port', 'ie11-cors-client-cert-renegotiation']) {
      for (const pre of await pres(slug)) {
        const react = renderToStaticMarkup(createElement(Fragment, null, pre));
        expect(toHtml(pre)).toBe(react);
        const ours = renderToStaticMarkup(staticPre(pre)!);
        expect(ours).toBe(compactShikiHtml(react));
        // Nothing of the text is lost: the same characters once the tags are gone.
        const text = (h: string) => h.replace(/<[^>]{0,400}>/g, '');
        expect(text(ours)).toBe(text(react));
        snippets++;
      }
    }
    expect(snippets).toBeGreaterThan(10);
  });

  it('turns the token colours into classes and drops the spans in the snippet’s own colours', async () => {
    const html = await highlightToHtml('SSLProtocol all -SSLv3\n# a comment\nServerName "example.org"', 'apache');
    expect(html).toContain('style="color:#CF222E;--shiki-dark:#FF7B72"');
    const out = compactShikiHtml(html);
    expect(out).not.toMatch(/<span style="color:#1F2328;--shiki-dark:#E6EDF3">/i);
    expect(out).toContain('<span class="tk-k">SSLProtocol</span>');
    expect(out).toContain('class="tk-m"');
    // The <pre> keeps its own colours, which the unwrapped tokens inherit.
    expect(out).toMatch(/<pre [^>]*style="[^"]*color:#1f2328;--shiki-dark:#e6edf3/);
  });

  it('keeps the inline style of a colour it has no class for', () => {
    const html = '<pre style="color:#1f2328;--shiki-dark:#e6edf3"><code><span style="color:#123456;--shiki-dark:#654321">x</span></code></pre>';
    expect(compactShikiHtml(html)).toBe(html);
  });

  it('leaves to React what it cannot write as React would', () => {
    const click = createElement('pre', { className: 'shiki' }, createElement('code', null, createElement('span', { onClick: () => {} }, 'x')));
    expect(staticPre(click)).toBeNull();
    const component = createElement('pre', null, createElement(() => null));
    expect(staticPre(component)).toBeNull();
    const numeric = createElement('pre', null, createElement('span', { style: { width: 3 } }, 'x'));
    expect(staticPre(numeric)).toBeNull();
    expect(staticPre(createElement('div', null, 'not a pre'))).toBeNull();
  });

  it('escapes text and attributes', () => {
    const pre = createElement('pre', { title: 'a "b" <c>' }, createElement('code', null, '<script>&amp;</script>'));
    const html = renderToStaticMarkup(staticPre(pre)!);
    expect(html).toBe(renderToStaticMarkup(pre));
  });
});
