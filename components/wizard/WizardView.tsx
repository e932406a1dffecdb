'use client';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import type { KbEntry } from '@/lib/diagnose/types';
import { diagnosisClient, Superseded } from '@/components/diagnose/engine-client';
import type { ResolvedTree } from '@/lib/wizard/types';
import { parsePath, pathForEntry, walk } from '@/lib/wizard/engine';
import { DEFAULT_VERSIONS, HTTPD_VERSIONS, OPENSSL_VERSIONS, renderSnippet, type Versions } from '@/lib/wizard/config';
import type { SystemView as System } from '@/lib/wizard/systems';
import { adaptCommand } from '@/lib/wizard/adapt';
import { looksLikeConfig } from '@/lib/config/detect';
import { CAUSES } from '@/lib/content/causes';
import { CodeBlock } from '@/components/CodeBlock';

const BASE = '/wizard/';

/** What the URL remembers besides the path: the system and versions the user picked. */
type Chosen = Partial<Versions> & { system?: string };

/** The URL is the whole state: each answer is a step in the browser's history. */
function href(path: string[], v: Chosen): string {
  const q = new URLSearchParams();
  if (path.length > 1) q.set('path', path.join(','));
  if (v.system) q.set('system', v.system);
  if (v.httpd) q.set('httpd', v.httpd);
  if (v.openssl) q.set('openssl', v.openssl);
  const s = q.toString();
  return s ? `${BASE}?${s}` : BASE;
}

/** The fix snippet of each entry a leaf names, by slug (picked at build: no index in the page). */
export type Fixes = Record<string, KbEntry['fix']>;

/** Where the build wrote the whole tree (app/wizard-tree.json/route.ts). */
function treeUrl(): string {
  return new URL(`${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/wizard-tree.json`, window.location.href).href;
}

export function WizardView({ first: firstStep, systems }: { first: ResolvedTree; systems: System[] }) {
  // The first step comes with the page; the whole tree (and its fixes) right after.
  const [{ tree, fixes }, setLoaded] = useState<{ tree: ResolvedTree; fixes: Fixes }>({ tree: firstStep, fixes: {} });
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    fetch(treeUrl())
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((j: { tree: ResolvedTree; fixes: Fixes }) => setLoaded(j), (e: Error) => setLoadError(e.message));
  }, []);
  // The step lives in the URL query, which a static page cannot read when it is built: the page
  // is rendered (and hydrated) at the first step, and QuerySync moves it to the URL's step once
  // the browser runs it. The first step is then real HTML, kept in place, not a placeholder.
  const [search, setSearch] = useState('');
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const router = useRouter();
  const pos = walk(tree, parsePath(params.get('path')));
  const system = systems.find((x) => x.id === params.get('system'));
  // Versions picked by hand win; else the system's packaged ones; else a common default.
  const versions: Versions = {
    httpd: HTTPD_VERSIONS.includes(params.get('httpd') ?? '') ? params.get('httpd')! : system?.httpd ?? DEFAULT_VERSIONS.httpd,
    openssl: OPENSSL_VERSIONS.includes(params.get('openssl') ?? '') ? params.get('openssl')! : system?.openssl ?? DEFAULT_VERSIONS.openssl,
  };
  const chosen: Chosen = { system: system?.id, httpd: params.get('httpd') ?? undefined, openssl: params.get('openssl') ?? undefined };
  // Versions picked but maybe not yet in the URL: router.replace lands after a render, so two
  // quick changes (httpd, then OpenSSL) would otherwise build the second URL from stale params.
  const picked = useRef<Chosen>(chosen);
  const query = params.toString();
  useEffect(() => {
    const q = new URLSearchParams(query);
    picked.current = { system: q.get('system') ?? undefined, httpd: q.get('httpd') ?? undefined, openssl: q.get('openssl') ?? undefined };
  }, [query]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [pasteNote, setPasteNote] = useState('');
  // What the configuration check found, kept while the wizard walks to its first entry.
  const [configNote, setConfigNote] = useState('');
  const pasteArea = useRef<HTMLTextAreaElement>(null);
  const first = useRef(true);

  // Move focus to the new question, so keyboard and screen-reader users follow each step.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [pos.node.id]);

  const node = pos.node;
  return (
    <div>
      <Suspense fallback={null}>
        <QuerySync onChange={setSearch} />
      </Suspense>
      {loadError && <p role="alert" className="mb-4">The later questions did not load ({loadError}); reload the page, or use the FAQ and the error codes.</p>}
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="wizard-system">Your system (optional: the fix and the commands are written for it):</label>
        <select
          id="wizard-system"
          value={system?.id ?? ''}
          onChange={(e) => {
            // A new system brings its own versions: drop the ones picked for the old one.
            picked.current = { system: e.target.value || undefined };
            router.replace(href(pos.path, picked.current), { scroll: false });
          }}
          className="rounded border border-slate-400 bg-white p-1 dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="">Not chosen</option>
          {systems.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
        </select>
      </p>
      {pos.crumbs.length > 0 && (
        <nav aria-label="Your answers" className="mb-4 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
          <ol className="space-y-1">
            {pos.crumbs.map((c, i) => (
              <li key={c.id}>
                <Link href={href(pos.path.slice(0, i + 1), chosen)} className="text-brand-700 hover:underline dark:text-brand-300">{c.title}</Link>
                <span className="text-slate-700 dark:text-slate-300"> → {c.answer}</span>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <h2 ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none" data-node={node.id}>
        {node.kind === 'leaf' ? 'The answer' : node.title}
      </h2>

      {node.kind === 'question' && (
        <>
          {node.help && (
            <div className="mt-2 text-sm text-slate-700 dark:text-slate-300">
              <p>How to tell: {node.help.text}</p>
              {node.help.command && <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900"><code>{system ? adaptCommand(node.help.command, system) : node.help.command}</code></pre>}
              {node.help.where && <p className="mt-1">Where to look: {system ? adaptCommand(node.help.where, system) : node.help.where}</p>}
            </div>
          )}
          <ul className="mt-4 space-y-2">
            {node.options.map((o) => (
              <li key={`${o.next}-${o.label}`}>
                <Link href={href([...pos.path, o.next], chosen)} scroll={false} className="block rounded-md border border-slate-300 px-4 py-3 hover:border-brand-600 hover:bg-brand-50 focus:outline-2 focus:outline-brand-600 dark:border-slate-700 dark:hover:bg-slate-900">
                  {o.label}
                  {o.shows && <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">It shows: {o.shows}</span>}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {configNote && (
        <p role="status" className="mt-3 rounded-md border border-slate-300 p-3 dark:border-slate-700" data-testid="wizard-config-note">
          {configNote} <Link href="/check/" className="underline">Every finding, with its line: Check my configuration</Link>.
        </p>
      )}

      {node.kind === 'paste' && (
        // Not a <form>: a submit before the page is interactive would put the pasted text in
        // the URL; a plain button does nothing until the script can handle it in the browser.
        <div className="mt-3">
          <label htmlFor="wizard-paste" className="block text-sm">The error message, log line or client output, or your configuration (it stays in this browser):</label>
          <textarea id="wizard-paste" ref={pasteArea} rows={4} className="mt-1 w-full rounded-md border border-slate-400 bg-white p-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900" />
          <button
            type="button"
            className="mt-2 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600"
            onClick={() => {
              const text = pasteArea.current?.value ?? '';
              setPasteNote('Reading it…');
              if (looksLikeConfig(text)) {
                // A configuration: the check's most serious trap leads the way, the /check/ page has them all.
                diagnosisClient().checkConfig(text).then((r) => {
                  const top = r.findings[0];
                  const path = top && pathForEntry(tree, top.slug);
                  setConfigNote(r.findings.length ? `${r.findings.length} trap${r.findings.length === 1 ? '' : 's'} in this configuration; the most serious: ${top!.title} (${top!.file}:${top!.line}).` : 'No trap found in this configuration.');
                  if (path) router.push(href(path, chosen), { scroll: false });
                  else setPasteNote('');
                }, (e: Error) => !(e instanceof Superseded) && setPasteNote(`Could not read that here: ${e.message}. Try the menus instead.`));
                return;
              }
              setConfigNote('');
              diagnosisClient().run(text).then((d) => {
                const top = d.findings[0];
                const path = top && pathForEntry(tree, top.slug);
                if (path) router.push(href(path, chosen), { scroll: false });
                else setPasteNote(d.unknown.length ? `Not in the knowledge base yet: ${d.unknown.map((u) => u.value).join(', ')}. Try the menus instead.` : 'No known error recognised in that text. Try the menus instead.');
              }, (e: Error) => !(e instanceof Superseded) && setPasteNote(`Could not read that here: ${e.message}. Try the menus instead.`));
            }}
          >
            Find my path
          </button>
          {pasteNote && <p role="status" className="mt-2">{pasteNote}</p>}
        </div>
      )}

      {node.kind === 'leaf' && <Leaf node={node} fix={fixes[node.entry]} versions={versions} system={system} next={node.next ? href([...pos.path, node.next], chosen) : undefined} onVersions={(v) => {
            picked.current = { ...picked.current, ...v };
            router.replace(href(pos.path, picked.current), { scroll: false });
          }} />}

      <p className="mt-8 flex gap-4 text-sm">
        {pos.path.length > 1 && <Link href={href(pos.path.slice(0, -1), chosen)} className="underline">← Back one step</Link>}
        {pos.path.length > 1 && <Link href={href([], chosen)} className="underline">Start again</Link>}
      </p>
    </div>
  );
}

function Leaf({ node, fix: entryFix, versions, system, next, onVersions }: {
  node: Extract<ResolvedTree['nodes'][string], { kind: 'leaf' }>;
  fix: KbEntry['fix'];
  versions: Versions;
  system?: System;
  /** "still failing?": the next most likely cause */
  next?: string;
  onVersions: (v: Partial<Versions>) => void;
}) {
  const rendered = node.snippet ? renderSnippet(node.snippet, versions) : undefined;
  return (
    <div className="mt-3" data-leaf={node.entry}>
      <p className="text-lg">{node.answer}</p>
      <p className="mt-2 text-sm"><span className="font-semibold">Cause:</span> {CAUSES[node.cause as keyof typeof CAUSES] ?? node.cause}</p>
      <p className="mt-2"><Link href={node.url} className="font-semibold text-brand-700 underline dark:text-brand-300">Read: {node.title}</Link></p>

      {node.snippet && (
        <fieldset className="mt-6 flex flex-wrap gap-4 rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700">
          <legend className="px-1 font-semibold">Your versions (the fix is written for them)</legend>
          <label className="flex items-center gap-2">httpd
            <select value={versions.httpd} onChange={(e) => onVersions({ httpd: e.target.value })} className="rounded border border-slate-400 bg-white p-1 dark:border-slate-600 dark:bg-slate-900">
              {HTTPD_VERSIONS.map((v) => <option key={v}>{v}</option>)}
            </select>
          </label>
          <label className="flex items-center gap-2">OpenSSL
            <select value={versions.openssl} onChange={(e) => onVersions({ openssl: e.target.value })} className="rounded border border-slate-400 bg-white p-1 dark:border-slate-600 dark:bg-slate-900">
              {OPENSSL_VERSIONS.map((v) => <option key={v}>{v}</option>)}
            </select>
          </label>
          <span className="text-slate-600 dark:text-slate-400">Find yours: <code>httpd -v</code>, <code>openssl version</code></span>
        </fieldset>
      )}

      {rendered?.unsupported && (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <strong>No safe configuration for these versions.</strong> {rendered.unsupported}
        </p>
      )}
      {rendered?.text && (
        <CodeBlock data-lang="apache" data-for={`httpd ${versions.httpd}, OpenSSL ${versions.openssl}`}>
          <pre className="shiki"><code>{rendered.text}</code></pre>
        </CodeBlock>
      )}
      {!rendered && entryFix && (
        <CodeBlock data-lang="apache" data-for={entryFix.for}>
          <pre className="shiki"><code>{entryFix.code}</code></pre>
        </CodeBlock>
      )}
      {rendered?.notes.map((n) => <p key={n} className="mt-2 text-sm">{n}</p>)}
      {(rendered || entryFix) && (
        <div className="mt-4 text-sm" data-testid="where-it-goes">
          <p className="font-semibold">Where it goes{system ? ` on ${system.label}` : ''}</p>
          {system ? (
            <ol className="mt-1 list-decimal space-y-1 pl-5">
              {system.enable && <li>If TLS is not set up yet: <code>{system.enable}</code></li>}
              <li>Edit <code>{system.sslConfig}</code> (inside the <code>{'<VirtualHost *:443>'}</code> of the site, unless the snippet says otherwise).</li>
              <li>Test, then reload: <code>{system.configTest}</code>, then <code>{system.reload}</code></li>
              <li>Watch <code>{system.sslErrorLog ?? system.errorLog}</code> while you try again.</li>
            </ol>
          ) : (
            <p className="mt-1">In the TLS virtual host of the site; choose your system at the top for the file, the test and the reload command.</p>
          )}
        </div>
      )}
      {(rendered || node.check) && (
        <div className="mt-4" data-testid="check">
          <p className="font-semibold">Check that it worked</p>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-sm dark:bg-slate-900"><code>{rendered ? rendered.verify.command : system ? adaptCommand(node.check!.command, system) : node.check!.command}</code></pre>
          <p className="mt-1 whitespace-pre-wrap text-sm">You should see: {rendered ? rendered.verify.expect : node.check!.expect}</p>
        </div>
      )}
      {next && (
        <p className="mt-6"><Link href={next} scroll={false} className="text-brand-700 underline dark:text-brand-300">Still failing after this? The next most likely cause →</Link></p>
      )}
    </div>
  );
}

/** Tells the view the URL query whenever it changes (a link, Back, a reload). Renders nothing. */
function QuerySync({ onChange }: { onChange: (query: string) => void }) {
  const query = useSearchParams().toString();
  useEffect(() => onChange(query), [query, onChange]);
  return null;
}
