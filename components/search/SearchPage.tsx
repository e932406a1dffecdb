'use client';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { looksLikeLogLine } from '@/lib/search/query';
import { useSearch } from './useSearch';
import { Marked } from './Marked';
import { handOffToDiagnose } from './handoff';

/** /search?q=…: the full, linkable results. */
export function SearchPage() {
  const params = useSearchParams();
  const router = useRouter();
  const q = params.get('q') ?? '';
  const { search, error } = useSearch(true);
  const hits = search && q.trim() ? search(q, 50) : [];
  return (
    <>
      <form role="search" onSubmit={(e) => { e.preventDefault(); const v = String(new FormData(e.currentTarget).get('q') ?? ''); router.push(`/search/?q=${encodeURIComponent(v)}`); }}>
        <label htmlFor="search-q" className="sr-only">Search</label>
        <input id="search-q" name="q" type="search" defaultValue={q} key={q} className="w-full rounded-md border border-slate-400 bg-white p-3 dark:border-slate-600 dark:bg-slate-900" placeholder="AH02261, wrong version number, SSLVerifyClient…" />
      </form>
      {looksLikeLogLine(q) && (
        <p className="mt-4"><button type="button" className="font-semibold text-brand-700 underline dark:text-brand-300" onClick={() => handOffToDiagnose(q, (h) => router.push(h))}>This looks like an error line: diagnose it →</button></p>
      )}
      {error && <p role="alert" className="mt-4">Search is unavailable: {error}</p>}
      {q && search && <p className="mt-4 text-sm text-slate-700 dark:text-slate-300" role="status">{hits.length} result{hits.length === 1 ? '' : 's'} for “{q}”</p>}
      <ol className="mt-2 divide-y divide-slate-200 dark:divide-slate-800" data-testid="search-results">
        {hits.map((h) => (
          <li key={h.record.url} className="py-3">
            <Link href={h.record.url} className="font-medium text-brand-700 hover:underline dark:text-brand-300"><Marked text={h.record.title} ranges={h.marks.title} /></Link>
            {h.how === 'exact' && <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50">exact code</span>}
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300"><Marked text={h.record.summary} ranges={h.marks.summary} /></p>
          </li>
        ))}
      </ol>
    </>
  );
}
