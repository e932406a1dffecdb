'use client';
import { useEffect, useState, type ComponentType } from 'react';
import { useRouter } from 'next/navigation';

type Panel = ComponentType<{ open: boolean; asked: number; onClose: () => void }>;
let loading: Promise<Panel> | undefined;

/** The dialog and the search code behind it: fetched once, when first wanted, not with every page. */
function loadPanel(): Promise<Panel> {
  loading ??= import('./SearchPanel').then((m) => m.SearchPanel);
  loading.catch(() => {
    loading = undefined; // try again next time
  });
  return loading;
}

/** The search button in the header, and Ctrl/⌘-K or "/" from any page; the dialog opens on either. */
export function SearchDialog() {
  const router = useRouter();
  const [Panel, setPanel] = useState<Panel | null>(null);
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(0); // each ask focuses the box again, open or not

  function show() {
    setOpen(true);
    setAsked((n) => n + 1);
    loadPanel().then(
      (P) => setPanel(() => P),
      () => router.push('/search/'), // the dialog could not be loaded: the search page does the same
    );
  }

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

  return (
    <>
      <button
        type="button"
        onClick={show}
        // Pointer over it or focused on it: fetch the dialog now, so it opens at once on the click.
        onPointerEnter={() => void loadPanel().catch(() => undefined)}
        onFocus={() => void loadPanel().catch(() => undefined)}
        className="no-print flex items-center gap-2 rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
        aria-keyshortcuts="Control+K Meta+K /"
      >
        Search <kbd className="hidden rounded border border-slate-300 px-1 text-xs sm:inline dark:border-slate-600">Ctrl K</kbd>
      </button>
      {Panel && <Panel open={open} asked={asked} onClose={() => setOpen(false)} />}
    </>
  );
}
