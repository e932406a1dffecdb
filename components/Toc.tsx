import type { Heading } from '@/lib/content/body';

export function Toc({ headings }: { headings: Heading[] }) {
  if (headings.length < 2) return null;
  return (
    <nav aria-label="Table of contents" className="text-sm">
      <h2 className="mb-2 font-semibold text-slate-700 dark:text-slate-300">On this page</h2>
      <ul className="space-y-1 border-l border-slate-200 dark:border-slate-800">
        {headings.map((h) => (
          <li key={h.id} className={h.depth === 3 ? 'pl-6' : 'pl-3'}>
            <a href={`#${h.id}`} className="text-slate-700 hover:text-brand-700 hover:underline dark:text-slate-300 dark:hover:text-brand-300">
              {h.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
