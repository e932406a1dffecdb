import type { Entry } from '@/lib/content/load';

/** "Current" or "Historical" at a glance: old advice must never pass for today's. */
export function StatusBadge({ status }: { status: Entry['status'] }) {
  return status === 'historical' ? (
    <span className="inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-50" title="The original advice is outdated; the entry says what replaced it">
      Historical
    </span>
  ) : (
    <span className="inline-block rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50" title="Still true today">
      Current
    </span>
  );
}
