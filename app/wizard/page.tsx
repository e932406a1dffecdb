import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getEntries } from '@/lib/content/kb';
import { buildKbIndex } from '@/lib/content/kb-index';
import { loadWizard } from '@/lib/wizard/load';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { WizardView } from '@/components/wizard/WizardView';

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
      <Suspense fallback={<p>Loading the questions…</p>}>
        <WizardView tree={tree} fixes={fixes} />
      </Suspense>
      <noscript>
        <p className="mt-4">The guided questions need JavaScript. Without it, use the <a href="../faq/">FAQ</a> or the <a href="../errors/">error codes</a>.</p>
      </noscript>
    </>
  );
}
