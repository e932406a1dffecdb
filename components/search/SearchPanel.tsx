'use client';
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { looksLikeLogLine, type SearchHit } from '@/lib/search/query';
import { handOffToDiagnose } from './handoff';
import { useSearch } from './useSearch';
import { Marked } from './Marked';

/**
 * The search dialog itself, loaded by SearchDialog the first time it is asked for (with the
 * search code it needs): open while `open`, the box focused at each ask, and says so through
 * onClose when it closes.
 */
export function SearchPanel({ open, asked, onClose }: { open: boolean; asked: number; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const { search, error } = useSearch(open);
  const hits: SearchHit[] = search && q.trim() ? search(q, 8) : [];
  const logLine = looksLikeLogLine(q);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open) {
      if (!d.open) d.showModal();
      input.current?.focus();
    } else if (d.open) d.close();
  }, [open, asked]);

  function go(href: string) {
    onClose();
    router.push(href);
  }
  const count = hits.length + (logLine ? 1 : 0);

  return (
    <>
      <dialog ref={dialog} onClose={onClose} aria-label="Search" className="m-auto mt-[10vh] w-[min(40rem,95vw)] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100">
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (logLine && active === 0) return handOffToDiagnose(q, go);
            const hit = hits[active - (logLine ? 1 : 0)];
            go(hit ? hit.record.url : `/search/?q=${encodeURIComponent(q)}`);
          }}
        >
          <input
            ref={input}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, Math.max(count - 1, 0)));
              else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
              else return;
              e.preventDefault();
            }}
            role="combobox"
            aria-expanded={count > 0}
            aria-controls="search-results"
            aria-activedescendant={count ? `search-opt-${active}` : undefined}
            aria-label="Search codes, errors, directives and questions"
            placeholder="AH02261, wrong version number, SSLVerifyClient…"
            className="w-full rounded-t-lg border-b border-slate-300 bg-transparent p-4 text-lg outline-none dark:border-slate-700"
          />
          <ul id="search-results" role="listbox" aria-label="Results" className="max-h-[60vh] overflow-y-auto p-2">
            {logLine && (
              <li id="search-opt-0" role="option" aria-selected={active === 0} onClick={() => handOffToDiagnose(q, go)} className={`cursor-pointer rounded p-2 ${active === 0 ? 'bg-brand-100 dark:bg-slate-800' : ''}`}>
                <strong>This looks like an error line:</strong> diagnose it →
              </li>
            )}
            {hits.map((h, i) => {
              const n = i + (logLine ? 1 : 0);
              return (
                <li key={h.record.url} id={`search-opt-${n}`} role="option" aria-selected={active === n} onClick={() => go(h.record.url)} onMouseEnter={() => setActive(n)} className={`cursor-pointer rounded p-2 ${active === n ? 'bg-brand-100 dark:bg-slate-800' : ''}`}>
                  <span className="block font-medium"><Marked text={h.record.title} ranges={h.marks.title} /></span>
                  <span className="block truncate text-sm text-slate-600 dark:text-slate-400"><Marked text={h.record.summary} ranges={h.marks.summary} /></span>
                </li>
              );
            })}
            {error && <li className="p-2">Search is unavailable: {error}</li>}
            {!error && q.trim().length > 1 && search && !count && <li className="p-2">No match. Try a code (AH02261), an error (wrong version number) or a directive.</li>}
          </ul>
          <p className="border-t border-slate-200 p-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">↑ ↓ to move, Enter to open, Esc to close · Enter with nothing selected shows all results</p>
        </form>
      </dialog>
    </>
  );
}
