import Link from 'next/link';
import type { Entry } from '@/lib/content/load';
import { getEntries } from '@/lib/content/kb';
import { compileMdx } from '@/lib/content/mdx';
import { CAUSES } from '@/lib/content/causes';
import { getErrorCodes } from '@/lib/content/codes';
import { CATEGORY_LABELS } from '@/lib/content/schema';
import { Breadcrumbs } from './Breadcrumbs';
import { IntentLink } from './IntentLink';
import { Mdx } from './Mdx';
import { StatusBadge } from './StatusBadge';
import { SymptomBlock } from './SymptomBlock';
import { Toc } from './Toc';
import { LabReproduction } from './lab/LabReproduction';

function formatDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export async function EntryPage({ entry }: { entry: Entry }) {
  const code = await compileMdx(entry.body, `content/${entry.file}`);
  const all = getEntries();
  const related = entry.related.map((s) => all.find((e) => e.slug === s)!);
  const section = entry.kind === 'case' ? { label: 'Cases', href: '/cases/' } : { label: 'FAQ', href: '/faq/' };
  const applies = entry.applies && Object.entries(entry.applies).filter(([, v]) => v);

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_14rem] lg:gap-10">
      <article className="min-w-0">
        <Breadcrumbs
          items={[
            { label: 'Home', href: '/' },
            section,
            ...(entry.kind === 'case' ? [] : [{ label: CATEGORY_LABELS[entry.category], href: `/faq/#${entry.category}` }]),
            { label: entry.title },
          ]}
        />
        <header className="mb-6">
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <StatusBadge status={entry.status} />
            {entry.kind === 'error' && <span className="badge bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-50">Error</span>}
            {entry.kind === 'case' && <span className="badge bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-50">Case</span>}
          </div>
          <h1 className="text-3xl font-bold tracking-tight">{entry.title}</h1>
          <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{entry.summary}</p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
            {entry.causes.length > 0 && (
              <>
                <dt className="font-semibold">Cause{entry.causes.length > 1 ? 's' : ''}</dt>
                <dd>
                  <ul>{entry.causes.map((c) => <li key={c}>{CAUSES[c as keyof typeof CAUSES]}</li>)}</ul>
                </dd>
              </>
            )}
            {entry.directives.length > 0 && (
              <>
                <dt className="font-semibold">Directives</dt>
                <dd className="flex flex-wrap gap-1">{entry.directives.map((d) => <code key={d}>{d}</code>)}</dd>
              </>
            )}
            {applies && applies.length > 0 && (
              <>
                <dt className="font-semibold">Applies to</dt>
                <dd>{applies.map(([k, v]) => `${k === 'tls' ? 'TLS' : k === 'openssl' ? 'OpenSSL' : 'httpd'} ${v}`).join(', ')}</dd>
              </>
            )}
            <dt className="font-semibold">Last updated</dt>
            <dd><time dateTime={entry.updated}>{formatDate(entry.updated)}</time></dd>
          </dl>
        </header>
        <SymptomBlock symptoms={entry.symptoms} />
        <LabReproduction slug={entry.slug} />
        <div className="prose prose-slate max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none prose-pre:bg-transparent prose-pre:p-0">
          <Mdx code={code} />
        </div>
        {entry.logCodes.length > 0 && <LogCodes entry={entry} />}
        {related.length > 0 && (
          <section aria-labelledby="related-heading" className="mt-10 border-t border-slate-200 pt-6 dark:border-slate-800">
            <h2 id="related-heading" className="mb-3 text-lg font-semibold">Related</h2>
            <ul className="space-y-2">
              {related.map((r) => (
                <li key={r.slug}>
                  <IntentLink href={r.url} className="font-medium text-brand-700 hover:underline dark:text-brand-300">{r.title}</IntentLink>{' '}
                  <StatusBadge status={r.status} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
      <aside className="no-print mt-8 lg:mt-0">
        <div className="lg:sticky lg:top-6">
          <Toc headings={entry.headings} />
        </div>
      </aside>
    </div>
  );
}

/** The AH codes this entry owns: level and meaning, each linking to its error page. */
function LogCodes({ entry }: { entry: Entry }) {
  const params = new Map(getErrorCodes().map((c) => [c.code.toLowerCase(), c.param]));
  return (
    <section aria-labelledby="logcodes-heading" className="mt-10 border-t border-slate-200 pt-6 dark:border-slate-800">
      <h2 id="logcodes-heading" className="mb-3 text-lg font-semibold">Log codes explained here</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700"><th className="py-1 pr-3">Code</th><th className="py-1 pr-3">Level</th><th className="py-1">Meaning</th></tr>
          </thead>
          <tbody>
            {entry.logCodes.map((c) => (
              <tr key={c.code} id={c.code} className="border-b border-slate-200 align-top dark:border-slate-800">
                <td className="py-1 pr-3"><Link href={`/errors/${params.get(c.code.toLowerCase()) ?? c.code}/`} prefetch={false} className="font-mono text-brand-700 hover:underline dark:text-brand-300">{c.code}</Link></td>
                <td className="py-1 pr-3">{c.level}</td>
                <td className="py-1">{c.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
