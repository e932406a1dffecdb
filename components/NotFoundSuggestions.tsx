'use client';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import type { Suggestible } from '@/lib/search/suggest';

/** Reads the mistyped address in the browser (the 404 page is one static file for all). */
export function NotFoundSuggestions({ entries }: { entries: Suggestible[] }) {
  const [found, setFound] = useState<Suggestible[] | null>(null);
  useEffect(() => {
    // Loaded on demand: the root not-found boundary ships with every page, fuse.js need not.
    void import('@/lib/search/suggest').then(({ pathWords, suggest }) =>
      setFound(suggest(entries, pathWords(window.location.pathname, process.env.NEXT_PUBLIC_BASE_PATH))),
    );
  }, [entries]);
  if (!found) return null;
  if (!found.length) return <p className="mt-4">No entry looks close to that address.</p>;
  return (
    <section aria-labelledby="maybe" className="mt-6">
      <h2 id="maybe" className="text-lg font-semibold">Did you mean</h2>
      <ul className="mt-2 list-disc pl-6">
        {found.map((e) => (
          <li key={e.slug}>
            <Link href={e.url} className="text-brand-700 hover:underline dark:text-brand-300">{e.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
