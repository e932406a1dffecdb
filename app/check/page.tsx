import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/Breadcrumbs';
import { ConfigCheckView } from '@/components/config/ConfigCheckView';
import { CONFIG_RULES } from '@/content/config-rules';
import { getEntries } from '@/lib/content/kb';

export const metadata: Metadata = {
  title: 'Check my configuration',
  description: 'Paste an httpd configuration (and apachectl -S, -M, httpd -V output): get the mod_ssl traps it holds, with the line and the entry that explains each. Nothing leaves your browser.',
};

export default function CheckPage() {
  // Only the titles of the entries the rules name travel to the page.
  const wanted = new Set(CONFIG_RULES.map((r) => r.entry));
  const entries = Object.fromEntries(getEntries().filter((e) => wanted.has(e.slug)).map((e) => [e.slug, e.title]));
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Check my configuration' }]} />
      <h1 className="mb-2 text-3xl font-bold tracking-tight">Check my configuration</h1>
      <p className="mb-4 max-w-prose">
        {CONFIG_RULES.length} checks for the traps this knowledge base explains: per-directory client certificates (bug #8051), chains, protocols and ciphers, SNI and
        vhosts, stapling and session caches, HTTPS backends. Each finding names the file and line and links to the entry. To test a live server instead, run{' '}
        <code>npm run diagnose -- probe www.example.com</code> in a checkout of this project.
      </p>
      <ConfigCheckView entries={entries} />
    </>
  );
}
