'use client';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import type { Suggestible } from '@/lib/search/suggest';

/**
 * Reads the mistyped address in the browser (the 404 page is one static file for all). The
 * entries to choose from and fuse.js are both fetched here, on demand: the root not-found
 * boundary ships with every page, and neither should.
 */
export function NotFoundSuggestions() {
  const [found, setFound] = useState<Suggestible[] | null>(null);
  useEffect(() => {
    const base = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
    let live = true;
    Promise.all([
      fetch(`${base}/entry-titles.json`).then((r) => {
        if (!r.ok) throw new Error(`entry-titles.json: HTTP ${r.status}`);
        return r.json() as Promise<Suggestible[]>;
      }),
      import('@/lib/search/suggest'),
    ]).then(
      ([entries, { pathWords, suggest }]) => live && setFound(suggest(entries, pathWords(window.location.pathname, base))),
      () => undefined, // no list, no suggestions: the link to the FAQ stays
    );
    return () => {
      live = false;
    };
  }, []);
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
