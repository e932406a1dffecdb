import type { Metadata } from 'next';
import { getEntries } from '@/lib/content/kb';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { EntryList } from '@/components/EntryList';

export const metadata: Metadata = { title: 'Cases', description: 'Real incidents with Apache httpd and mod_ssl, traced from symptom to fix.' };

export default function CasesIndex() {
  const cases = getEntries().filter((e) => e.kind === 'case');
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Cases' }]} />
      <h1 className="text-3xl font-bold tracking-tight">Cases</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Real incidents, traced from the first symptom to the fix.</p>
      <EntryList entries={cases} />
    </>
  );
}
