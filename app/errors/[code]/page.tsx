import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { explainingEntries, findErrorCode, getErrorCodes } from '@/lib/content/codes';
import { getEntry } from '@/lib/content/kb';
import { WHERE_LABELS } from '@/lib/content/schema';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { StatusBadge } from '@/components/StatusBadge';
import { SeenOnRealServer } from '@/components/lab/SeenOnRealServer';

type Params = { params: Promise<{ code: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getErrorCodes().map((c) => ({ code: c.param }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const code = findErrorCode((await params).code);
  if (!code) return {};
  const first = code.appearances[0] && getEntry(code.appearances[0].slug);
  return {
    title: `${code.code} — what it means and how to fix it`,
    ...(first && { description: first.summary }),
  };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default async function ErrorCodePage({ params }: Params) {
  const code = findErrorCode((await params).code);
  if (!code) notFound();
  const explainers = explainingEntries(code).map((a) => ({ a, entry: getEntry(a.slug) }));
  const several = explainers.length > 1;
  return (
    <article>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Error codes', href: '/errors/' }, { label: code.code }]} />
      <header className="mb-6">
        <p className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
          <Link href={`/errors/#${code.family}`} className="hover:underline">{code.familyLabel}</Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">
          <code className="break-words">{code.code}</code>
        </h1>
{code.meaning && (
          <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="code-meaning">
            <p className="text-lg">{code.meaning.text}</p>
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
              Logged by httpd at level <strong>{code.meaning.level}</strong>
              {['emerg', 'alert', 'crit', 'error', 'warn'].includes(code.meaning.level) ? ' (shown by the default LogLevel warn)' : ` (shown only with LogLevel ssl:${code.meaning.level} or more)`}.
              {code.meaning.wording?.length ? <> Other wordings: {code.meaning.wording.map((w) => <code key={w} className="mx-1">{w}</code>)}</> : null}
            </p>
          </div>
        )}
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
          Seen in {code.appearances.length} place{code.appearances.length === 1 ? '' : 's'},
          explained by {explainers.length} entr{explainers.length === 1 ? 'y' : 'ies'}.
        </p>
      </header>

      <SeenOnRealServer code={code.code} />

      <section aria-labelledby="where-heading" className="my-6 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="where-heading" className="mt-0 mb-3 text-lg font-semibold">Where you see it</h2>
        <ul className="space-y-4">
          {code.appearances.map((s, i) => (
            <li key={i}>
              <span className="font-medium">
                {capitalize(WHERE_LABELS[s.where])}
                {s.clients?.length ? ` (${s.clients.join(', ')})` : ''}
                {s.versions ? `, ${s.versions}` : ''}
                {s.match ? ':' : ''}
              </span>
              {s.match && (
                <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded bg-white p-2 font-mono text-sm ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-700">{s.match}</pre>
              )}
              {several && (
                <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                  Explained in <Link href={s.url} className="text-brand-700 hover:underline dark:text-brand-300">{s.title}</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="entries-heading" className="mt-8">
        <h2 id="entries-heading" className="mb-3 text-lg font-semibold">Entries that explain it</h2>
        <ul className="space-y-3">
          {explainers.map(({ a, entry }) => (
            <li key={a.slug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
              <div className="flex flex-wrap items-baseline gap-2">
                <h3 className="font-semibold">
                  <Link href={a.url} className="text-brand-700 hover:underline dark:text-brand-300">{a.title}</Link>
                </h3>
                <StatusBadge status={a.status} />
                {entry?.kind === 'case' && (
                  <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900 dark:bg-sky-900 dark:text-sky-50">Case</span>
                )}
              </div>
              {entry && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{entry.summary}</p>}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
