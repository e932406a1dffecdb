import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import SECURITY_HEADERS from '@/lib/security-headers.json';
import { IntentLink as Link } from '@/components/IntentLink';
import './globals.css';
import { ThemeToggle } from '@/components/ThemeToggle';
import { SearchDialog } from '@/components/search/SearchDialog';
import { SITE } from '@/lib/site';

function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="mr-2 inline-block h-6 w-6 align-[-5px]">
      <rect width="32" height="32" rx="6" fill="#174c9c" />
      <path d="M10 14v-3a6 6 0 0 1 12 0v3" fill="none" stroke="#fff" strokeWidth="3" />
      <rect x="7" y="14" width="18" height="13" rx="2" fill="#fff" />
      <circle cx="16" cy="20" r="2" fill="#174c9c" />
    </svg>
  );
}

export const metadata: Metadata = {
  title: { default: `${SITE.name}: ${SITE.tagline}`, template: `%s · ${SITE.name}` },
  description: SITE.description,
};

// Privacy, enforced by the browser: scripts, styles, data and workers only from this site, so
// nothing pasted here can be sent anywhere else. A static export cannot set headers, hence the
// meta tag; 'unsafe-inline' is for the theme script and Next's inline page data. Production
// only: the dev server needs eval and its own websocket.
const CSP = SECURITY_HEADERS['Content-Security-Policy'];

// Runs before first paint so a dark-mode reader never sees a white flash.
const themeScript = `(function(){try{var t=localStorage.getItem('theme');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})()`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {process.env.NODE_ENV === 'production' && <meta httpEquiv="Content-Security-Policy" content={CSP} />}
        <link rel="manifest" href={`${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/manifest.webmanifest`} />
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a href="#main" className="skip-link sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-brand-700 focus:px-3 focus:py-2 focus:text-white">
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="text-lg font-bold tracking-tight text-slate-900 no-underline dark:text-white">
              <Logo />{SITE.name}
            </Link>
            <nav aria-label="Main" className="flex flex-1 basis-full flex-wrap gap-x-4 gap-y-1 whitespace-nowrap text-sm sm:basis-auto">
              <Link href="/diagnose/" className="hover:underline">Diagnose</Link>
              <Link href="/wizard/" className="hover:underline">Wizard</Link>
              <Link href="/check/" className="hover:underline">Check config</Link>
              <Link href="/faq/" className="hover:underline">FAQ</Link>
              <Link href="/cases/" className="hover:underline">Cases</Link>
              <Link href="/errors/" className="hover:underline">Errors</Link>
            </nav>
            <SearchDialog />
            <ThemeToggle />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          {SITE.name}: {SITE.tagline}. What you paste stays in your browser.
        </footer>
      </body>
    </html>
  );
}
