import type { Metadata } from 'next';
import { getEntries } from '@/lib/content/kb';
import { CATEGORIES, CATEGORY_LABELS } from '@/lib/content/schema';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { EntryList } from '@/components/EntryList';
import { GroupNav } from '@/components/GroupNav';

export const metadata: Metadata = { title: 'FAQ', description: 'Every question about Apache httpd, mod_ssl and TLS, grouped by topic.' };

export default function FaqIndex() {
  const entries = getEntries().filter((e) => e.kind !== 'case');
  const groups = CATEGORIES.map((c) => ({ c, items: entries.filter((e) => e.category === c) })).filter((g) => g.items.length);
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'FAQ' }]} />
      <h1 className="text-3xl font-bold tracking-tight">Frequently asked questions</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {entries.length} questions. <strong>Current</strong> answers hold today; <strong>historical</strong> ones keep an old question and say what replaced the advice.
      </p>
      <GroupNav label="Categories" groups={groups.map(({ c, items }) => ({ id: c, label: CATEGORY_LABELS[c], count: items.length }))} />
      {groups.map(({ c, items }) => (
        <section key={c} aria-labelledby={c} className="mt-8">
          <h2 id={c} className="text-xl font-semibold">{CATEGORY_LABELS[c]}</h2>
          <EntryList entries={items} />
        </section>
      ))}
    </>
  );
}
