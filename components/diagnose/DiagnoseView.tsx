'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnosis } from '@/lib/diagnose/types';
import { pasteProblem } from '@/lib/diagnose/decode';
import { toLines } from '@/lib/diagnose/text';
import { diagnosisClient, Superseded } from './engine-client';
import { FindingCard } from './FindingCard';
import { Highlighted } from './Highlighted';
import { HANDOFF_KEY } from '@/components/search/handoff';
import { Timeline } from './Timeline';

const SHARE_LIMIT = 50_000; // characters that still make a usable link
const EXAMPLE = `[Mon Nov 23 10:15:30.298632 2026] [ssl:info] [pid 4242:tid 139871202] [client 192.0.2.10:51234] AH02221: Requesting connection re-negotiation
[Mon Nov 23 10:15:30.298717 2026] [ssl:info] [pid 4242:tid 139871202] [client 192.0.2.10:51234] AH02226: Awaiting re-negotiation handshake
[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 139871202] [client 192.0.2.10:51234] AH02261: Re-negotiation handshake failed`;

type State = { status: 'idle' } | { status: 'working' } | { status: 'done'; result: Diagnosis; lines: string[]; problem?: string } | { status: 'failed'; message: string };

/**
 * The paste box. Everything happens in this browser: the text goes to a Web Worker on this
 * page and nowhere else; a share link carries it only in the URL fragment, and only on request.
 */
export function DiagnoseView({ autoFocus = false }: { autoFocus?: boolean }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const runId = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<State>({ status: 'idle' });
  const [share, setShare] = useState(false);
  const [shareUrl, setShareUrl] = useState('');

  const run = useCallback((text: string) => {
    const id = ++runId.current;
    if (!text.trim()) {
      diagnosisClient().cancel();
      return setState({ status: 'idle' });
    }
    setState({ status: 'working' });
    // Numbered as the engine numbers them (the same splitter), for marking what it found.
    const { lines } = toLines(text);
    // UTF-16 read as bytes, a .gz, binary: say so rather than only "nothing found" (looks at the first 8 KB).
    const problem = pasteProblem(text);
    diagnosisClient()
      .run(text)
      .then(
        (result) => id === runId.current && setState({ status: 'done', result, lines, problem }),
        (e: Error) => !(e instanceof Superseded) && id === runId.current && setState({ status: 'failed', message: e.message }),
      );
  }, []);

  useEffect(() => {
    const client = diagnosisClient();
    // Where the box is the page's purpose (/diagnose), the worker and its index are fetched at
    // once; where it is one part of the page (home), when the reader turns to it.
    if (autoFocus) client.warm();
    // Text handed over by the search box (sessionStorage: it never travels in a URL).
    let handed: string | null = null;
    try {
      handed = sessionStorage.getItem(HANDOFF_KEY);
      sessionStorage.removeItem(HANDOFF_KEY);
    } catch {
      /* storage off */
    }
    if (handed && area.current) {
      area.current.value = handed;
      run(handed);
    }
    // A shared link: the text is in the fragment, which browsers never send to a server.
    const m = /^#text=(.*)$/s.exec(window.location.hash);
    if (m && area.current) {
      try {
        area.current.value = decodeURIComponent(m[1]!);
      } catch {
        area.current.value = '';
      }
      run(area.current.value);
    }
    return () => client.cancel();
  }, [run, autoFocus]);

  const updateShare = useCallback((on: boolean, text: string) => {
    const base = `${window.location.pathname}${window.location.search}`;
    if (on && text && text.length <= SHARE_LIMIT) {
      const url = `${base}#text=${encodeURIComponent(text)}`;
      window.history.replaceState(null, '', url);
      setShareUrl(`${window.location.origin}${url}`);
    } else {
      if (window.location.hash) window.history.replaceState(null, '', base);
      setShareUrl('');
    }
  }, []);

  // Typing waits for a pause; a paste is read at once.
  const onInput = (now = false) => {
    clearTimeout(timer.current);
    const text = area.current?.value ?? '';
    const go = () => {
      run(text);
      if (share) updateShare(true, text);
    };
    if (now) go();
    else timer.current = setTimeout(go, 150);
  };

  const result = state.status === 'done' ? state.result : undefined;
  const text = area.current?.value ?? '';
  return (
    <div>
      <label htmlFor="paste" className="block font-semibold">Paste an error log line, an excerpt, a browser error or curl output</label>
      <p id="paste-help" className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        It is analysed in this browser tab and never sent anywhere.{' '}
        <button type="button" className="text-brand-700 underline dark:text-brand-300" onClick={() => { if (area.current) { area.current.value = EXAMPLE; run(EXAMPLE); } }}>
          Try an example
        </button>
      </p>
      <textarea
        id="paste"
        ref={area}
        aria-describedby="paste-help"
        autoFocus={autoFocus}
        spellCheck={false}
        onFocus={() => diagnosisClient().warm()}
        onPointerEnter={() => diagnosisClient().warm()}
        onInput={() => onInput()}
        onPaste={() => setTimeout(() => onInput(true), 0)}
        rows={8}
        className="mt-2 w-full rounded-md border border-slate-400 bg-white p-3 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
        placeholder="[ssl:error] [pid 1234] [client 192.0.2.1:51234] AH02261: Re-negotiation handshake failed"
      />
      <div className="mt-2 flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={share} onChange={(e) => { setShare(e.target.checked); updateShare(e.target.checked, area.current?.value ?? ''); }} />
          Put the text in a share link (kept in the address after #, never sent to a server)
        </label>
        {share && shareUrl && (
          <button type="button" className="rounded border border-slate-400 px-2 py-0.5 dark:border-slate-600" onClick={() => void navigator.clipboard.writeText(shareUrl)}>
            Copy share link
          </button>
        )}
        {share && text.length > SHARE_LIMIT && <span>Too long for a link ({text.length.toLocaleString()} characters; the limit is {SHARE_LIMIT.toLocaleString()}).</span>}
      </div>

      <div aria-live="polite" className="mt-6">
        {state.status === 'working' && <p>Analysing…</p>}
        {state.status === 'failed' && <p role="alert">Could not analyse this text: {state.message}</p>}
        {result && (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="diagnosis-stats">
              {result.stats.lines.toLocaleString()} line{result.stats.lines === 1 ? '' : 's'}, {result.stats.recognisedLines.toLocaleString()} recognised
              {result.stats.truncated ? ' (very long input: only the first 100,000 lines and 4,096 characters of each line were read)' : ''}.
            </p>
            {state.status === 'done' && state.problem && (
              <p className="mt-3 font-semibold" data-testid="paste-problem">
                {state.problem}
              </p>
            )}
            {result.findings.length === 0 && !(state.status === 'done' && state.problem) && (
              <p className="mt-3 font-semibold">No known problem recognised in this text.{result.unknown.length ? '' : ' Paste the lines around the error, or the browser or curl message.'}</p>
            )}
          </>
        )}
      </div>
      {result && result.findings.length > 0 && (
        <section aria-labelledby="findings-heading" className="mt-4">
          <h2 id="findings-heading" className="text-xl font-semibold">{result.findings.length === 1 ? 'What it means' : `${result.findings.length} possible explanations, best first`}</h2>
          <div className="mt-3 space-y-4">
            {result.findings.slice(0, 5).map((f, i) => <FindingCard key={f.slug} f={f} rank={i + 1} others={result.findings.length - 1} />)}
          </div>
        </section>
      )}
      {result && result.unknown.length > 0 && (
        <section aria-labelledby="unknown-heading" className="mt-6 rounded-md border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
          <h2 id="unknown-heading" className="font-semibold">Not in the knowledge base yet</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {result.unknown.slice(0, 20).map((u) => (
              <li key={u.value}>
                <code>{u.value}</code> (line {u.line}) is not explained here yet.{u.closest.length > 0 && <> Closest known: {u.closest.map((c) => <code key={c} className="mx-1">{c}</code>)}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.status === 'done' && <Timeline timeline={state.result.timeline} />}
      {state.status === 'done' && <Highlighted lines={state.lines} tokens={state.result.tokens} />}
    </div>
  );
}
