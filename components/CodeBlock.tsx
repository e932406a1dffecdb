'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';

const LANG_LABELS: Record<string, string> = {
  apache: 'httpd config', sh: 'shell', log: 'log', text: 'text', ini: 'ini', http: 'HTTP',
};

interface Props {
  children?: ReactNode;
  'data-lang'?: string;
  'data-for'?: string;
  'data-insecure'?: string;
}

/** A highlighted snippet with its versions, a copy button and a wrap toggle for long log lines. */
export function CodeBlock(props: Props) {
  const lang = props['data-lang'] ?? 'text';
  const versions = props['data-for'];
  const insecure = props['data-insecure'] === 'true';
  const ref = useRef<HTMLElement>(null);
  const [ready, setReady] = useState(false); // buttons only once JS can run them
  const [wrap, setWrap] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => setReady(true), []);

  async function copy() {
    const text = ref.current?.querySelector('pre')?.innerText ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2000);
  }

  return (
    <figure ref={ref} data-wrap={wrap} data-lang={lang} className="not-prose my-5">
      {insecure && (
        <div role="note" className="rounded-t-md border border-b-0 border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <strong>Insecure today — do not use.</strong> Shown for history only; use the modern snippet that follows.
        </div>
      )}
      <div className="code-toolbar flex items-center gap-2 rounded-t-md border border-b-0 border-slate-300 bg-slate-100 px-3 py-1 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <span className="font-semibold">{LANG_LABELS[lang] ?? lang}</span>
        {versions && <span>· for {versions}</span>}
        <span className="flex-1" />
        {ready && (
          <>
            <button type="button" onClick={() => setWrap(!wrap)} aria-pressed={wrap} className="rounded px-2 py-0.5 hover:bg-slate-200 dark:hover:bg-slate-800">
              Wrap
            </button>
            <button type="button" onClick={copy} className="rounded px-2 py-0.5 hover:bg-slate-200 dark:hover:bg-slate-800">
              {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
            </button>
            <span className="sr-only" aria-live="polite">{copied === 'copied' ? 'Snippet copied to the clipboard' : ''}</span>
          </>
        )}
      </div>
      {props.children}
    </figure>
  );
}
