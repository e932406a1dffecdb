import { getMDXComponent } from 'mdx-bundler/client';
import { Callout } from './Callout';
import { CodeFigure } from './CodeFigure';
import { ContentLink } from './ContentLink';

// The only components MDX can use (lib/content/rules.ts keeps the list in sync).
const components = { Callout, figure: CodeFigure, a: ContentLink };

export function Mdx({ code }: { code: string }) {
  const Component = getMDXComponent(code);
  return <Component components={components} />;
}
