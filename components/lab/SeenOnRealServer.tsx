import Link from 'next/link';
import { getEntry } from '@/lib/content/kb';
import { capturedLinesForCode, loadLab } from '@/lib/lab/load';
import { scenarioAnchor } from './LabScenario';
import { environmentText } from './labels';

/** On an /errors/AH… page: lines with this code that a real httpd printed in the lab. */
export function SeenOnRealServer({ code }: { code: string }) {
  const lab = loadLab();
  const lines = capturedLinesForCode(code, lab);
  if (!lab.run || !lines.length) return null;
  const env = lab.run.environment;
  return (
    <section aria-labelledby="seen-heading" data-testid="seen-on-real-server" className="my-6 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="seen-heading" className="mt-0 mb-1 text-lg font-semibold">Seen on a real server</h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        Printed by {environmentText(env)}, on <time dateTime={env.date}>{env.date}</time>, when the lab reproduced a failure.
      </p>
      <ul className="space-y-3">
        {lines.map(({ line, scenario }) => {
          const entry = getEntry(scenario.entry);
          return (
            <li key={line}>
              <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded bg-white p-2 font-mono text-sm ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-700">{line}</pre>
              {entry && (
                <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                  Captured while reproducing{' '}
                  <Link href={`${entry.url}#${scenarioAnchor(scenario.id)}`} prefetch={false} className="text-brand-700 hover:underline dark:text-brand-300">{scenario.title}</Link>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
