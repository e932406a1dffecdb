import Link from 'next/link';
import type { Finding } from '@/lib/diagnose/types';
import { CAUSES } from '@/lib/content/causes';

function strength(score: number): string {
  return score >= 20 ? 'Strong match' : score >= 8 ? 'Likely' : 'Possible';
}

export function FindingCard({ f, rank, others }: { f: Finding; rank: number; others: number }) {
  return (
    <article aria-labelledby={`finding-${f.slug}`} data-finding={f.slug} className="rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <div className="flex flex-wrap items-baseline gap-2 text-sm">
        <span className="font-semibold text-slate-700 dark:text-slate-300">#{rank}</span>
        <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-300">
          {strength(f.score)} · score {f.score}
        </span>
      </div>
      <h3 id={`finding-${f.slug}`} className="mt-1 text-lg font-semibold">
        <Link prefetch={false} href={f.url} className="text-brand-700 hover:underline dark:text-brand-300">{f.title}</Link>
      </h3>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{f.summary}</p>
      <p className="mt-2 text-sm"><span className="font-semibold">Cause: </span>{f.causes.map((c) => CAUSES[c as keyof typeof CAUSES] ?? c).join('; ')}</p>
      {f.story && (
        <div className="mt-3">
          <p className="text-sm font-semibold">The story in your log ({f.story.connection}):</p>
          <ol className="mt-1 list-decimal pl-6 text-sm">
            {f.story.steps.map((s) => (
              <li key={s.line}><code>{s.code}</code> (line {s.line}): {s.message}</li>
            ))}
          </ol>
        </div>
      )}
      <details className="mt-3 text-sm" open={rank === 1}>
        <summary className="cursor-pointer font-semibold">Evidence ({f.evidence.length})</summary>
        <ul className="mt-1 space-y-1">
          {f.evidence.map((e, i) => (
            <li key={i} className="break-words">
              line {e.line}: <code>{e.symptom}</code> <span className="text-slate-600 dark:text-slate-400">({e.how === 'code' ? 'exact code' : e.how === 'message' ? 'message text' : 'similar wording'})</span>
            </li>
          ))}
        </ul>
      </details>
      {others > 0 && f.distinct.length > 0 && (
        <p className="mt-2 text-sm"><span className="font-semibold">Only this one explains: </span>{f.distinct.slice(0, 5).join(' · ')}</p>
      )}
      {f.fix && (
        <div className="mt-3">
          <p className="text-sm font-semibold">The fix{f.fix.for ? ` (for ${f.fix.for})` : ''}:</p>
          <pre className="mt-1 overflow-x-auto rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"><code>{f.fix.code}</code></pre>
        </div>
      )}
      <p className="mt-3 text-sm"><Link prefetch={false} href={f.url} className="font-semibold text-brand-700 underline dark:text-brand-300">Read the whole answer →</Link></p>
    </article>
  );
}
