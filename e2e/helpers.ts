import type { Page } from '@playwright/test';
import { BASE_PATH } from '../playwright.config';

/** A site path under the sub-path the test build uses. */
export const at = (p: string) => `${BASE_PATH}${p}`;

/**
 * Records what a user would call a broken page: console errors, uncaught exceptions and any
 * request to a host other than the one serving the site (privacy: nothing leaves the machine).
 */
export function watch(page: Page) {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    // The site's own origin, port included: another server on 127.0.0.1 is another origin too.
    const own = new URL(page.url() && page.url() !== 'about:blank' ? page.url() : r.url()).origin;
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== own) foreign.push(r.url());
  });
  return { errors, foreign };
}
