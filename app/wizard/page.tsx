import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getEntries } from '@/lib/content/kb';
import { buildKbIndex } from '@/lib/content/kb-index';
import { loadWizard } from '@/lib/wizard/load';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { WizardView } from '@/components/wizard/WizardView';
import { WizardStart } from '@/components/wizard/WizardStart';
import { SYSTEMS } from '@/lib/wizard/systems';

export const metadata: Metadata = {
  title: 'Guided troubleshooting',
  description: 'Answer a few questions about what you see and get the cause and a fix written for your httpd and OpenSSL versions.',
};

export default function WizardPage() {
  const entries = getEntries();
  const { tree } = loadWizard(entries);
  const leaves = new Set(Object.values(tree.nodes).flatMap((n) => (n.kind === 'leaf' ? [n.entry] : [])));
  const fixes = Object.fromEntries(buildKbIndex(entries).entries.filter((e) => leaves.has(e.slug)).map((e) => [e.slug, e.fix]));
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Guided troubleshooting' }]} />
      <h1 className="mb-4 text-3xl font-bold tracking-tight">Guided troubleshooting</h1>
      {/* The first step is in the HTML: it reads and works (as links) before any script runs. */}
      <Suspense fallback={<WizardStart tree={tree} />}>
        <WizardView tree={tree} fixes={fixes} systems={SYSTEMS.map(({ sources: _s, checked: _c, packaged: _p, unverified: _u, ...view }) => view)} />
      </Suspense>
      <noscript>
        <p className="mt-4">The guided questions need JavaScript. Without it, use the <a href="../faq/">FAQ</a> or the <a href="../errors/">error codes</a>.</p>
      </noscript>
    </>
  );
}
