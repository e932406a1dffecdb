import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getEntries, getEntry } from '@/lib/content/kb';
import { EntryPage } from './EntryPage';

type Params = { params: Promise<{ slug: string }> };

/** The route handlers of /faq/[slug] and /cases/[slug]: same page, different kinds. */
export function entryRoute(section: 'faq' | 'cases') {
  const belongs = (kind: string) => (kind === 'case') === (section === 'cases');
  return {
    generateStaticParams: () => getEntries().filter((e) => belongs(e.kind)).map((e) => ({ slug: e.slug })),
    async generateMetadata({ params }: Params): Promise<Metadata> {
      const entry = getEntry((await params).slug);
      return entry ? { title: entry.title, description: entry.summary } : {};
    },
    async Page({ params }: Params) {
      const entry = getEntry((await params).slug);
      if (!entry || !belongs(entry.kind)) notFound();
      return <EntryPage entry={entry} />;
    },
  };
}
