import type { Metadata } from 'next';
import { IntentLink as Link } from '@/components/IntentLink';
import { GroupNav } from '@/components/GroupNav';
import { explainingEntries, FAMILIES, FAMILY_LABELS, getErrorCodes } from '@/lib/content/codes';
import { Breadcrumbs } from '@/components/Breadcrumbs';

export const metadata: Metadata = {
  title: 'Error codes and messages',
  description: 'Every error code and message from httpd, OpenSSL, browsers and clients that the knowledge base explains, with the entries that fix it.',
};

export default function ErrorsIndex() {
  const codes = getErrorCodes();
  const groups = FAMILIES.map((f) => ({ f, items: codes.filter((c) => c.family === f) })).filter((g) => g.items.length);
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Error codes' }]} />
      <h1 className="text-3xl font-bold tracking-tight">Error codes and messages</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {codes.length} codes and messages from the httpd log, OpenSSL, browsers and clients: pick the one you see to find where it shows up and which entries explain it.
      </p>
      <GroupNav label="Error code families" groups={groups.map(({ f, items }) => ({ id: f, label: FAMILY_LABELS[f], count: items.length }))} />
      {groups.map(({ f, items }) => (
        <section key={f} aria-labelledby={f} className="mt-8">
          <h2 id={f} className="text-xl font-semibold">{FAMILY_LABELS[f]}</h2>
          <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
            {items.map((c) => (
              <li key={c.param} className="py-2 sm:flex sm:items-baseline sm:gap-4">
                <Link href={`/errors/${c.param}/`} className="shrink-0 font-medium text-brand-700 hover:underline sm:w-80 dark:text-brand-300">
                  <code>{c.code}</code>
                </Link>
                <span className="block text-sm text-slate-700 dark:text-slate-300">
                  {explainingEntries(c).map((a) => a.title).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
