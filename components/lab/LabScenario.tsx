import Link from 'next/link';
import { getEntry } from '@/lib/content/kb';
import type { LabEnvironment, LabScenario as Scenario } from '@/lib/lab/types';
import { LabCapture, lf } from './LabCapture';
import { LabCode } from './LabCode';
import { looksLikeCommand } from './labels';

const H3 = 'mt-4 mb-1 text-sm font-semibold';
const NOTE = 'text-sm text-slate-700 dark:text-slate-300';

/** The anchor of a scenario on its entry pages (the error-code pages link to it). */
export const scenarioAnchor = (id: string) => `lab-${id}`;

/** One reproduction, folded: a plain <details>, so it opens with JavaScript off too. */
export function LabScenario({ scenario: s, env, slug }: { scenario: Scenario; env: LabEnvironment; slug: string }) {
  const versions = `httpd ${env.httpd}, OpenSSL ${env.openssl} (as run in the lab)`;
  const other = s.entry !== slug ? getEntry(s.entry) : undefined;
  const fixIsCommand = s.fix && looksLikeCommand(s.fix.config);
  return (
    <details id={scenarioAnchor(s.id)} className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <summary className="cursor-pointer px-3 py-2 font-medium">
        {s.title}
        <span className="ml-2 text-sm font-normal text-slate-700 dark:text-slate-300">
          {s.captures.length} capture{s.captures.length === 1 ? '' : 's'}{s.fix?.verified ? ', fix verified' : ''}
        </span>
      </summary>
      <div className="border-t border-slate-200 px-3 pb-3 dark:border-slate-800">
        {other && (
          <p className={`mt-3 ${NOTE}`}>
            Reproduces <Link href={other.url} prefetch={false} className="text-brand-700 hover:underline dark:text-brand-300">{other.title}</Link>.
          </p>
        )}
        <h3 className={H3}>The configuration that fails</h3>
        <LabCode code={s.config} lang="apache" versions={versions} />
        <h3 className={H3}>What the server and the clients printed</h3>
        {s.captures.map((c, i) => <LabCapture key={i} capture={c} scenario={s} env={env} slug={slug} />)}
        {s.fix && (
          <>
            <h3 className={H3}>The fix</h3>
            <p className={NOTE}>
              {s.fix.description} {s.fix.from === 'entry-snippet' ? '(the fix this entry gives)' : '(a change written for the lab)'}
            </p>
            <LabCode code={s.fix.config} lang={fixIsCommand ? 'sh' : 'apache'} versions={fixIsCommand ? undefined : versions} />
            <p className={`${NOTE} font-medium`}>
              {s.fix.verified ? 'Verified: the failure was gone after a restart.' : 'Not verified: the lab could not confirm that the failure was gone after this change.'}
            </p>
            {s.fix.check && (
              <figure className="my-4">
                <figcaption className="mb-1 text-sm font-semibold">Check that it worked</figcaption>
                <span className="sr-only">Command:</span>
                <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 font-mono text-sm ring-1 ring-slate-300 dark:bg-slate-800 dark:ring-slate-700">
                  <span aria-hidden="true" className="select-none text-slate-600 dark:text-slate-400">$ </span>
                  {s.fix.check.command}
                </pre>
                <span className="sr-only">Output:</span>
                <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded bg-white p-2 font-mono text-sm ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-700">{lf(s.fix.check.text) || '(nothing printed)'}</pre>
              </figure>
            )}
          </>
        )}
      </div>
    </details>
  );
}
