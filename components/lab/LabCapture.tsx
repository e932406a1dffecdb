import Link from 'next/link';
import { getEntry } from '@/lib/content/kb';
import type { Capture, LabEnvironment, LabScenario } from '@/lib/lab/types';
import { captureLabel } from './labels';

// Captured HTTP responses keep their CRLF; a <pre> wants plain newlines.
export const lf = (s: string) => s.replace(/\r\n?/g, '\n');

const PRE = 'overflow-x-auto whitespace-pre-wrap break-words rounded p-2 font-mono text-sm ring-1 ring-slate-300 dark:ring-slate-700';

/** One real capture: who printed it, the command that ran, and what came out, as it came out. */
export function LabCapture({ capture: c, scenario, env, slug }: { capture: Capture; scenario: LabScenario; env: LabEnvironment; slug: string }) {
  // A capture may be ranked to another entry than the one on screen: say which, and why.
  const other = c.entry && c.entry !== slug ? getEntry(c.entry) : undefined;
  return (
    <figure className="my-4">
      <figcaption className="mb-1 text-sm font-semibold">{captureLabel(c, scenario, env)}</figcaption>
      <span className="sr-only">Command:</span>
      <pre className={`${PRE} bg-slate-100 dark:bg-slate-800`}>
        <span aria-hidden="true" className="select-none text-slate-600 dark:text-slate-400">$ </span>
        {c.command}
      </pre>
      <span className="sr-only">Output:</span>
      {/* Long outputs (a whole s_client session) scroll inside; the scroll region takes focus for keyboards. */}
      <pre tabIndex={0} className={`${PRE} mt-1 max-h-96 overflow-y-auto bg-white dark:bg-slate-950`}>{lf(c.text) || '(nothing printed)'}</pre>
      {c.uninformative && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Why this output does not show the failure: {c.uninformative.replace(/\.$/, '')}.</p>}
      {other && (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          The diagnosis puts{' '}
          <Link href={other.url} prefetch={false} className="text-brand-700 hover:underline dark:text-brand-300">{other.title}</Link>
          {' '}first for this output{c.because ? `: ${c.because.replace(/\.$/, '')}.` : '.'}
        </p>
      )}
    </figure>
  );
}
