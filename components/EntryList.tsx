import Link from 'next/link';
import type { Entry } from '@/lib/content/load';
import { StatusBadge } from './StatusBadge';

export function EntryList({ entries }: { entries: Entry[] }) {
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {entries.map((e) => (
        <li key={e.slug} className="py-3">
          <div className="flex flex-wrap items-baseline gap-2">
            <Link href={e.url} className="font-medium text-brand-700 hover:underline dark:text-brand-300">{e.title}</Link>
            <StatusBadge status={e.status} />
          </div>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{e.summary}</p>
        </li>
      ))}
    </ul>
  );
}
