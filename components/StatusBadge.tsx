import type { Entry } from '@/lib/content/load';

/** "Current" or "Historical" at a glance: old advice must never pass for today's. */
export function StatusBadge({ status }: { status: Entry['status'] }) {
  return status === 'historical' ? (
    <span className="badge badge-historical" title="The original advice is outdated; the entry says what replaced it">
      Historical
    </span>
  ) : (
    <span className="badge badge-current" title="Still true today">
      Current
    </span>
  );
}
