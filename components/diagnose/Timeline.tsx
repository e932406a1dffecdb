import type { Diagnosis } from '@/lib/diagnose/types';

/** Lines shown per connection: enough to follow a story, few enough to render at once. */
import { SHOWN_GROUP_LINES as LINES_SHOWN, SHOWN_GROUPS } from '@/lib/diagnose/limits';

/** The log lines of a pasted excerpt grouped by connection (pid/tid or client), in order. */
export function Timeline({ timeline }: { timeline: Diagnosis['timeline'] }) {
  const groups = timeline.filter((g) => g.lines.length > 1);
  if (!groups.length) return null;
  return (
    <section aria-labelledby="timeline-heading" className="mt-6">
      <h2 id="timeline-heading" className="text-lg font-semibold">Timeline by connection</h2>
      <div className="mt-2 space-y-2">
        {groups.slice(0, SHOWN_GROUPS).map((g) => (
          <details key={g.connection} className="rounded-md border border-slate-300 p-2 text-sm dark:border-slate-700">
            <summary className="cursor-pointer font-medium">{g.connection} — {g.lines.length} lines</summary>
            <ol className="mt-2 space-y-1 font-mono text-xs">
              {g.lines.slice(0, LINES_SHOWN).map((l) => (
                <li key={l.line} className="break-words">
                  <span className="text-slate-600 dark:text-slate-400">{l.time?.replace(/^\w{3} /, '')}</span>{' '}
                  <span className="font-semibold">{l.level}</span> {l.code && <strong>{l.code}</strong>} {l.message.slice(0, 240)}
                </li>
              ))}
            </ol>
            {g.lines.length > LINES_SHOWN && <p className="mt-1 text-xs">…and {g.lines.length - LINES_SHOWN} more lines of this connection.</p>}
          </details>
        ))}
      </div>
    </section>
  );
}
