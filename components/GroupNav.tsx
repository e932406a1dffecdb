/** The row of "jump to a group" pills above a grouped index page. */
export function GroupNav({ label, groups }: { label: string; groups: { id: string; label: string; count: number }[] }) {
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap gap-2 text-sm">
      {groups.map((g) => (
        <a key={g.id} href={`#${g.id}`} className="rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          {g.label} ({g.count})
        </a>
      ))}
    </nav>
  );
}
