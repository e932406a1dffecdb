import { IntentLink as Link } from './IntentLink';
import type { AnchorHTMLAttributes } from 'react';

/** Links inside entries: site links go through next/link so they follow the basePath. */
export function ContentLink({ href = '', ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  if (href.startsWith('/')) return <Link href={href} {...rest} />;
  if (/^https?:/.test(href)) return <a href={href} rel="noopener noreferrer" {...rest} />;
  return <a href={href} {...rest} />;
}
