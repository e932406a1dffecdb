import type { Metadata } from 'next';
import { getEntries } from '@/lib/content/kb';
import { loadWizard } from '@/lib/wizard/load';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { WizardView } from '@/components/wizard/WizardView';
import { SYSTEMS } from '@/lib/wizard/systems';

export const metadata: Metadata = {
  title: 'Guided troubleshooting',
  description: 'Answer a few questions about what you see and get the cause and a fix written for your httpd and OpenSSL versions.',
};

export default function WizardPage() {
  const { tree } = loadWizard(getEntries());
  // Only the first step goes into the page; the rest of the tree is fetched (wizard-tree.json).
  const first = { start: tree.start, nodes: { [tree.start]: tree.nodes[tree.start]! }, entryNode: {} };
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Guided troubleshooting' }]} />
      <h1 className="mb-4 text-3xl font-bold tracking-tight">Guided troubleshooting</h1>
      {/* Rendered at its first step: the question and its answers (links) are in the HTML. */}
      <WizardView first={first} systems={SYSTEMS.map(({ sources: _s, checked: _c, packaged: _p, unverified: _u, ...view }) => view)} />
      <noscript>
        <p className="mt-4">The first question works without JavaScript; the steps after it need it. Without it, use the <a href="../faq/">FAQ</a> or the <a href="../errors/">error codes</a>.</p>
      </noscript>
    </>
  );
}
