import type { Token } from '@/lib/diagnose/types';

import { SHOWN_TOKEN_LINES as MAX_SHOWN } from '@/lib/diagnose/limits';

/** The pasted lines that hold something we recognised, with each token marked. React escapes it all. */
export function Highlighted({ lines, tokens }: { lines: string[]; tokens: Token[] }) {
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const shown = [...byLine.keys()].sort((a, b) => a - b).slice(0, MAX_SHOWN);
  if (!shown.length) return null;
  return (
    <section aria-labelledby="recognised-heading" className="mt-6">
      <h2 id="recognised-heading" className="text-lg font-semibold">What we recognised</h2>
      <ol className="mt-2 max-h-96 overflow-auto rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs leading-relaxed dark:border-slate-700 dark:bg-slate-900">
        {shown.map((n) => {
          const text = lines[n - 1] ?? '';
          const parts: React.ReactNode[] = [];
          let at = 0;
          for (const t of byLine.get(n)!.sort((a, b) => a.start - b.start)) {
            if (t.start < at) continue;
            parts.push(text.slice(at, t.start));
            parts.push(
              <mark key={t.start} data-kind={t.kind} data-known={t.known ? 'true' : 'false'} title={`${t.kind}${t.note ? `: ${t.note}` : ''}${t.known ? '' : ' (not in the knowledge base)'}`}
                className={t.known ? 'rounded bg-amber-200 px-0.5 text-slate-900 dark:bg-amber-700 dark:text-white' : 'rounded bg-slate-300 px-0.5 text-slate-900 dark:bg-slate-600 dark:text-white'}>
                {text.slice(t.start, t.end)}
              </mark>,
            );
            at = t.end;
          }
          parts.push(text.slice(at, 400));
          return (
            <li key={n} className="whitespace-pre-wrap break-all">
              <span className="mr-2 select-none text-slate-600 dark:text-slate-400">{n}</span>
              {parts}
            </li>
          );
        })}
      </ol>
      {byLine.size > MAX_SHOWN && <p className="mt-1 text-sm">Showing the first {MAX_SHOWN} of {byLine.size} lines with something recognised.</p>}
    </section>
  );
}
