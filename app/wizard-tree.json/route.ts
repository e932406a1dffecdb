import { getEntries } from '@/lib/content/kb';
import { buildKbIndex } from '@/lib/content/kb-index';
import { loadWizard } from '@/lib/wizard/load';

// Written once at build into out/wizard-tree.json: the whole decision tree and the fixes its
// leaves show. A file of its own, fetched after the first step is on screen, so the wizard's
// HTML does not carry ~170 kB of steps a reader may never open.
export const dynamic = 'force-static';

export function GET() {
  const entries = getEntries();
  const { tree } = loadWizard(entries);
  const leaves = new Set(Object.values(tree.nodes).flatMap((n) => (n.kind === 'leaf' ? [n.entry] : [])));
  const fixes = Object.fromEntries(buildKbIndex(entries).entries.filter((e) => leaves.has(e.slug)).map((e) => [e.slug, e.fix]));
  return Response.json({ tree, fixes });
}
