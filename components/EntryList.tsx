import type { Entry } from '@/lib/content/load';
import { IntentLink as Link } from './IntentLink';
import { StatusBadge } from './StatusBadge';

/** Entries with their status and summary. Styled from .entry-list (globals.css): a long list
 * should not repeat the same utility classes on every row, in the HTML and again in the page data. */
export function EntryList({ entries }: { entries: Entry[] }) {
  return (
    <ul className="entry-list">
      {entries.map((e) => (
        <li key={e.slug}>
          <div>
            <Link href={e.url}>{e.title}</Link>
            <StatusBadge status={e.status} />
          </div>
          <p>{e.summary}</p>
        </li>
      ))}
    </ul>
  );
}
