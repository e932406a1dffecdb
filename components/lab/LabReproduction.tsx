import { loadLab, scenariosForEntry } from '@/lib/lab/load';
import { LabScenario } from './LabScenario';
import { environmentText } from './labels';

/**
 * "Reproduced on …": the lab's real runs of this entry's failure, each folded. Nothing when the
 * lab has not run in this checkout or never reproduced this entry.
 */
export function LabReproduction({ slug }: { slug: string }) {
  const lab = loadLab();
  const scenarios = scenariosForEntry(slug, lab);
  if (!lab.run || !scenarios.length) return null;
  const env = lab.run.environment;
  return (
    <section aria-labelledby="lab-heading" data-testid="lab-reproduction" className="my-6 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="lab-heading" className="mt-0 mb-1 text-base font-semibold">
        Reproduced on {environmentText(env)}, on <time dateTime={env.date}>{env.date}</time>
      </h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        A real server was given the failing configuration and real clients were pointed at it; this is what they printed.
      </p>
      <div className="space-y-2">
        {scenarios.map((s) => <LabScenario key={s.id} scenario={s} env={env} slug={slug} />)}
      </div>
    </section>
  );
}
