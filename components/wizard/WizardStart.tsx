import Link from 'next/link';
import type { ResolvedTree } from '@/lib/wizard/types';

/** The wizard's first question as plain HTML and links: what a reader sees before scripts run. */
export function WizardStart({ tree }: { tree: ResolvedTree }) {
  const node = tree.nodes[tree.start];
  if (node?.kind !== 'question') return null;
  return (
    <div>
      <h2 className="text-2xl font-semibold" data-node={node.id}>{node.title}</h2>
      {node.help && <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">How to tell: {node.help.text}</p>}
      <ul className="mt-4 space-y-2">
        {node.options.map((o) => (
          <li key={`${o.next}-${o.label}`}>
            <Link href={`/wizard/?path=${encodeURIComponent(`${tree.start},${o.next}`)}`} className="block rounded-md border border-slate-300 px-4 py-3 dark:border-slate-700">
              {o.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
