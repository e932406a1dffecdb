import Link from 'next/link';
import { WHERE_LABELS, type Symptom } from '@/lib/content/schema';
import { getErrorCodes } from '@/lib/content/codes';

/** The frontmatter symptoms as a reader would recognise them: where, what text, which codes. */
export function SymptomBlock({ symptoms }: { symptoms: Symptom[] }) {
  if (!symptoms.length) return null;
  // Each code links to its error page, which lists every entry that explains it.
  const pages = new Map(getErrorCodes().map((c) => [c.code.toLowerCase(), c.param]));
  return (
    <section aria-labelledby="symptoms-heading" className="my-6 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="symptoms-heading" className="mt-0 mb-3 text-base font-semibold">You see this when…</h2>
      <ul className="space-y-3">
        {symptoms.map((s, i) => (
          <li key={i}>
            <span className="font-medium">
              {WHERE_LABELS[s.where]}
              {s.clients?.length ? ` (${s.clients.join(', ')})` : ''}
              {s.versions ? `, ${s.versions}` : ''}:
            </span>
            <div className="mt-1 flex flex-wrap gap-2">
              {s.codes?.map((c) => (
                <Link key={c} href={`/errors/${pages.get(c.toLowerCase()) ?? ''}/`} prefetch={false} className="rounded bg-white px-1.5 py-0.5 font-mono text-sm text-brand-700 underline-offset-2 ring-1 ring-slate-300 hover:underline dark:bg-slate-950 dark:text-brand-300 dark:ring-slate-700">
                  {c}
                </Link>
              ))}
            </div>
            {s.match && (
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded bg-white p-2 font-mono text-sm ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-700">{s.match}</pre>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
