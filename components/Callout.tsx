import type { ReactNode } from 'react';

const STYLES = {
  note: { label: 'Note', cls: 'border-sky-400 bg-sky-50 dark:bg-sky-950' },
  tip: { label: 'Tip', cls: 'border-emerald-500 bg-emerald-50 dark:bg-emerald-950' },
  warning: { label: 'Warning', cls: 'border-amber-500 bg-amber-50 dark:bg-amber-950' },
  today: { label: 'Today', cls: 'border-violet-500 bg-violet-50 dark:bg-violet-950' },
} as const;

export function Callout({ kind = 'note', title, children }: { kind?: keyof typeof STYLES; title?: string; children?: ReactNode }) {
  const s = STYLES[kind] ?? STYLES.note;
  return (
    <aside className={`my-5 rounded-md border-l-4 px-4 py-1 ${s.cls}`}>
      <p className="font-semibold">{title ?? s.label}</p>
      <div className="[&>p]:mt-1">{children}</div>
    </aside>
  );
}
