import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { SearchPage } from '@/components/search/SearchPage';

export const metadata: Metadata = { title: 'Search', description: 'Search every answer, error code and directive.' };

export default function Search() {
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Search' }]} />
      <h1 className="mb-4 text-3xl font-bold tracking-tight">Search</h1>
      <Suspense fallback={<p>Loading…</p>}>
        <SearchPage />
      </Suspense>
    </>
  );
}
