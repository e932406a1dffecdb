import Link from 'next/link';
import { NotFoundSuggestions } from '@/components/NotFoundSuggestions';

export default function NotFound() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        There is no page at this address. Try the <Link href="/faq/" className="text-brand-700 underline dark:text-brand-300">FAQ</Link> or one of these:
      </p>
      <NotFoundSuggestions />
    </>
  );
}
