import { Children, type ReactNode } from 'react';
import { CodeBlock } from './CodeBlock';
import { staticPre } from './code-html';

type Props = { children?: ReactNode; 'data-lang'?: string; 'data-for'?: string; 'data-insecure'?: string };

/** A fenced snippet of an entry: the toolbar of CodeBlock around its highlighted <pre>, sent as HTML. */
export function CodeFigure({ children, ...rest }: Props) {
  return <CodeBlock {...rest}>{Children.map(children, (c) => staticPre(c) ?? c)}</CodeBlock>;
}
