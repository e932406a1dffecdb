import { IntentLink as Link } from '@/components/IntentLink';
import { getEntries } from '@/lib/content/kb';
import { CATEGORIES, CATEGORY_LABELS } from '@/lib/content/schema';
import { SITE } from '@/lib/site';
import { EntryList } from '@/components/EntryList';
import { DiagnoseView } from '@/components/diagnose/DiagnoseView';

export default function Home() {
  const entries = getEntries();
  const failures = entries.filter((e) => e.kind !== 'faq');
  return (
    <>
      <section className="py-4">
        <h1 className="text-4xl font-bold tracking-tight">{SITE.name}</h1>
        <p className="mt-3 max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          Your HTTPS site is broken and the log says <code>AH02261</code> or <code>SSL23_GET_CLIENT_HELLO:unknown protocol</code>.
          Find the cause and the fix here: every classic mod_ssl question answered for today&apos;s httpd and OpenSSL.
        </p>
      </section>
      <section aria-label="Diagnose" className="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <DiagnoseView />
      </section>
      <p className="mt-4 max-w-2xl">
        No error yet? <Link href="/check/" className="font-semibold text-brand-700 underline dark:text-brand-300">Check my configuration</Link> reads your vhosts
        for the traps explained here, before anything fails. Not sure where to start? <Link href="/wizard/" className="font-semibold text-brand-700 underline dark:text-brand-300">Follow the wizard</Link>.
      </p>
      <section aria-labelledby="topics" className="mt-10">
        <h2 id="topics" className="text-xl font-semibold">Browse by topic</h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {CATEGORIES.map((c) => ({ c, n: entries.filter((e) => e.kind !== 'case' && e.category === c).length }))
            .filter(({ n }) => n > 0)
            .map(({ c, n }) => (
              <li key={c}>
                <Link href={`/faq/#${c}`} className="block rounded-lg border border-slate-200 p-4 hover:border-brand-600 dark:border-slate-800">
                  <span className="font-semibold">{CATEGORY_LABELS[c]}</span>
                  <span className="block text-sm text-slate-600 dark:text-slate-400">{n} question{n === 1 ? '' : 's'}</span>
                </Link>
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="errors" className="mt-10">
        <h2 id="errors" className="text-xl font-semibold">Errors and cases</h2>
        <EntryList entries={failures} />
      </section>
    </>
  );
}
