'use client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConfigFinding, ConfigReport } from '@/lib/config/check';
import { MAX_PER_RULE } from '@/lib/config/limits';
import type { Versions } from '@/lib/config/model';
import { HTTPD_VERSIONS, OPENSSL_VERSIONS } from '@/lib/wizard/config';
import { diagnosisClient, Superseded } from '@/components/diagnose/engine-client';

/** The trap of bug #8051 and its neighbours: what "Try an example" pastes. */
const EXAMPLE = `==> /etc/apache2/sites-enabled/portal.conf <==
Protocols h2 http/1.1
<VirtualHost *:443>
    ServerName portal.example.com
    SSLEngine on
    SSLCertificateFile /etc/ssl/certs/portal.example.com.pem
    SSLCertificateKeyFile /etc/ssl/private/portal.example.com.key
    SSLCertificateChainFile /etc/ssl/certs/intermediate.pem
    <Location /admin>
        SSLVerifyClient require
        SSLVerifyDepth 2
    </Location>
</VirtualHost>`;

type State = { status: 'idle' } | { status: 'working' } | { status: 'done'; report: ConfigReport } | { status: 'failed'; message: string };

const BADGE: Record<ConfigFinding['severity'], string> = {
  error: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  info: 'bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100',
};

/**
 * The configuration check: the text goes to the page's Web Worker (the same one the paste box
 * uses) and nowhere else. entries maps an entry's slug to its title, for the links.
 */
export function ConfigCheckView({ entries }: { entries: Record<string, string> }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const runId = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<State>({ status: 'idle' });
  const [versions, setVersions] = useState<Versions>({});

  const run = useCallback((text: string, v: Versions) => {
    const id = ++runId.current;
    if (!text.trim()) {
      diagnosisClient().cancel();
      return setState({ status: 'idle' });
    }
    setState({ status: 'working' });
    diagnosisClient()
      .checkConfig(text, v)
      .then(
        (report) => id === runId.current && setState({ status: 'done', report }),
        (e: Error) => !(e instanceof Superseded) && id === runId.current && setState({ status: 'failed', message: e.message }),
      );
  }, []);

  useEffect(() => () => diagnosisClient().cancel(), []);

  const onInput = (now = false) => {
    clearTimeout(timer.current);
    const go = () => run(area.current?.value ?? '', versions);
    if (now) go();
    else timer.current = setTimeout(go, 200);
  };
  const choose = (k: keyof Versions, value: string) => {
    const v = { ...versions, [k]: value || undefined };
    setVersions(v);
    run(area.current?.value ?? '', v);
  };

  const report = state.status === 'done' ? state.report : undefined;
  return (
    <div>
      <label htmlFor="config" className="block font-semibold">Paste your configuration</label>
      <p id="config-help" className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        A vhost, <code>ssl.conf</code>, <code>httpd.conf</code> with its included files one after another (a line <code>==&gt; /path/file.conf &lt;==</code> names each, as <code>tail -n +1</code> prints them),
        and if you have them the outputs of <code>apachectl -S</code>, <code>apachectl -M</code>, <code>httpd -V</code> and <code>apachectl -t -D DUMP_INCLUDES</code>.
        It is checked in this browser tab and never sent anywhere.{' '}
        <button type="button" className="text-brand-700 underline dark:text-brand-300" onClick={() => { if (area.current) { area.current.value = EXAMPLE; run(EXAMPLE, versions); } }}>
          Try an example
        </button>
      </p>
      <textarea
        id="config"
        ref={area}
        aria-describedby="config-help"
        spellCheck={false}
        onInput={() => onInput()}
        onPaste={() => setTimeout(() => onInput(true), 0)}
        rows={12}
        className="mt-2 w-full rounded-md border border-slate-400 bg-white p-3 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
        placeholder={'<VirtualHost *:443>\n    ServerName www.example.com\n    SSLEngine on\n    …'}
      />
      <fieldset className="mt-2 flex flex-wrap items-center gap-4 text-sm">
        <legend className="sr-only">Versions</legend>
        <label className="flex items-center gap-2">
          httpd
          <select value={versions.httpd ?? ''} onChange={(e) => choose('httpd', e.target.value)} className="rounded border border-slate-400 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900">
            <option value="">from httpd -V, else unknown</option>
            {HTTPD_VERSIONS.filter((v) => v.startsWith('2.4.')).map((v) => <option key={v}>{v}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2">
          OpenSSL
          <select value={versions.openssl ?? ''} onChange={(e) => choose('openssl', e.target.value)} className="rounded border border-slate-400 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900">
            <option value="">from a start-up log line, else unknown</option>
            {OPENSSL_VERSIONS.map((v) => <option key={v}>{v}</option>)}
          </select>
        </label>
      </fieldset>

      <div aria-live="polite" className="mt-6">
        {state.status === 'working' && <p>Checking…</p>}
        {state.status === 'failed' && <p role="alert">Could not check this text: {state.message}</p>}
        {report && (
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="config-stats">
            {report.stats.directives.toLocaleString()} directive{report.stats.directives === 1 ? '' : 's'}, {report.vhosts.length} virtual host{report.vhosts.length === 1 ? '' : 's'} ({report.vhosts.filter((v) => v.tls).length} with TLS)
            {report.versions.httpd || report.versions.openssl ? `; checked for ${[report.versions.httpd && `httpd ${report.versions.httpd}`, report.versions.openssl && `OpenSSL ${report.versions.openssl}`].filter(Boolean).join(' and ')}` : '; versions unknown: choose them above for version-aware advice'}.
            {report.kinds.some((k) => k !== 'config') && ` Also read: ${[...new Set(report.kinds.filter((k) => k !== 'config'))].map((k) => KIND_NAMES[k]).join(', ')}.`}
          </p>
        )}
        {report && report.stats.directives === 0 && report.kinds.every((k) => k === 'config') && (
          <p className="mt-3 font-semibold">No configuration directives found in this text. For an error message or a log excerpt, use <Link href="/diagnose/" className="underline">Diagnose an error</Link>.</p>
        )}
        {report && report.stats.directives > 0 && report.findings.length === 0 && report.problems.length === 0 && (
          <p className="mt-3 font-semibold">No trap found in this configuration.</p>
        )}
      </div>

      {report && report.problems.length > 0 && (
        <section aria-labelledby="syntax-heading" className="mt-4 rounded-md border border-red-400 p-4 dark:border-red-700">
          <h2 id="syntax-heading" className="font-semibold">Syntax</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {report.problems.slice(0, 20).map((p, i) => (
              <li key={i}><span className="font-mono">{p.file}:{p.line}</span> {p.severity}: {p.message}</li>
            ))}
          </ul>
        </section>
      )}

      {report && report.findings.length > 0 && (
        <section aria-labelledby="config-findings-heading" className="mt-4">
          <h2 id="config-findings-heading" className="text-xl font-semibold">{report.findings.length === 1 ? 'One trap found' : `${report.findings.length} traps found, most serious first`}</h2>
          <ol className="mt-3 space-y-4">
            {report.findings.map((f, i) => (
              <li key={`${f.rule}:${f.file}:${f.line}:${i}`} className="rounded-md border border-slate-300 p-4 dark:border-slate-700" data-rule={f.rule}>
                <p className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${BADGE[f.severity]}`}>{f.severity}</span>
                  <span className="font-semibold">{f.title}</span>
                </p>
                <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                  <span className="font-mono">{f.file}:{f.line}</span>{f.vhost && <> in <span className="font-mono">{f.vhost}</span></>}
                </p>
                <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-sm dark:bg-slate-800"><code>{f.evidence}</code></pre>
                <p className="mt-2">{f.message}</p>
                <p className="mt-2"><Link href={f.url} className="font-semibold text-brand-700 underline dark:text-brand-300">{entries[f.slug] ?? f.slug}</Link></p>
              </li>
            ))}
          </ol>
          {report.stats.omitted > 0 && <p className="mt-3">…and {report.stats.omitted.toLocaleString()} more findings of the kinds above, each already listed {MAX_PER_RULE} times.</p>}
        </section>
      )}

      {report && report.vhosts.length > 0 && (
        <section aria-labelledby="vhosts-heading" className="mt-6">
          <h2 id="vhosts-heading" className="text-lg font-semibold">Virtual hosts read</h2>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead><tr><th className="pr-4">Address</th><th className="pr-4">ServerName</th><th className="pr-4">TLS</th><th className="pr-4">Certificate</th><th>Where</th></tr></thead>
              <tbody>
                {report.vhosts.map((v, i) => (
                  <tr key={i} className="border-t border-slate-200 dark:border-slate-700">
                    <td className="pr-4 font-mono">{v.addrs.join(' ')}</td>
                    <td className="pr-4 font-mono">{v.serverName ?? '(none)'}{v.aliases.length > 0 && ` + ${v.aliases.join(' ')}`}</td>
                    <td className="pr-4">{v.tls ? 'yes' : 'no'}</td>
                    <td className="pr-4 font-mono">{v.certificate ?? ''}</td>
                    <td className="font-mono">{v.file}:{v.line}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

const KIND_NAMES: Record<ConfigReport['kinds'][number], string> = {
  config: 'configuration',
  vhosts: 'apachectl -S',
  modules: 'apachectl -M',
  version: 'httpd -V',
  includes: 'DUMP_INCLUDES',
};
