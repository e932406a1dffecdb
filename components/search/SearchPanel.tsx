'use client';
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { looksLikeLogLine, type SearchHit } from '@/lib/search/query';
import { useSearch } from './useSearch';
import { Marked } from './Marked';

export const HANDOFF_KEY = 'handshake:diagnose-handoff';

/** Send pasted log text to the diagnosis view through sessionStorage: never through a URL. */
export function handOffToDiagnose(text: string, go: (href: string) => void) {
  try {
    sessionStorage.setItem(HANDOFF_KEY, text);
  } catch {
    /* storage off: the diagnose page simply opens empty */
  }
  go('/diagnose/');
}

/** The search dialog: Ctrl/⌘-K or "/" from any page; arrows move, Enter opens. */
export function SearchDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const { search, error } = useSearch(open);
  const hits: SearchHit[] = search && q.trim() ? search(q, 8) : [];
  const logLine = looksLikeLogLine(q);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.key === 'k' && (e.metaKey || e.ctrlKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    document.documentElement.dataset.searchReady = 'true'; // the shortcuts work from now on
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function show() {
    setOpen(true);
    if (!dialog.current?.open) dialog.current?.showModal();
    input.current?.focus();
  }
  function close() {
    dialog.current?.close();
    setOpen(false);
  }
  function go(href: string) {
    close();
    router.push(href);
  }
  const count = hits.length + (logLine ? 1 : 0);

  return (
    <>
      <button type="button" onClick={show} className="no-print flex items-center gap-2 rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800" aria-keyshortcuts="Control+K Meta+K /">
        Search <kbd className="hidden rounded border border-slate-300 px-1 text-xs sm:inline dark:border-slate-600">Ctrl K</kbd>
      </button>
      <dialog ref={dialog} onClose={() => setOpen(false)} aria-label="Search" className="m-auto mt-[10vh] w-[min(40rem,95vw)] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100">
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
