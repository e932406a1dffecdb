import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { at, watch } from './helpers';

// Every page a search engine knows about loads with status 200, no console error and no
// request to another host. The axe sweep (WCAG 2.1 A/AA, no serious or critical violation,
// light and dark) covers every page except that generated error-code pages, which share one
// template, are sampled.
const AXE_SAMPLE_OF_CODE_PAGES = 4;

async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const xml = await (await request.get(at('/sitemap.xml'))).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

test('the sitemap lists the site, under its base path', async ({ request }) => {
  const paths = await sitemapPaths(request);
  expect(paths.length).toBeGreaterThan(30);
  expect(paths.every((p) => p.startsWith(at('/')))).toBe(true);
  for (const p of ['/', '/faq/', '/diagnose/', '/errors/']) expect(paths).toContain(at(p));
});

for (const scheme of ['light', 'dark'] as const) {
  for (const half of [0, 1]) {
    test(`sitemap pages are healthy and accessible (${scheme}, part ${half + 1} of 2)`, async ({ page, request }) => {
      test.setTimeout(600_000);
      const all = await sitemapPaths(request);
      const codePages = all.filter((p) => p.startsWith(at('/errors/')) && p !== at('/errors/'));
      const sampled = new Set(codePages.filter((_, i) => i % Math.ceil(codePages.length / AXE_SAMPLE_OF_CODE_PAGES) === 0));
      const mine = all.filter((_, i) => i % 2 === half);
      await page.emulateMedia({ colorScheme: scheme });
      const failures: string[] = [];
      for (const p of mine) {
        const seen = watch(page);
        const res = await page.goto(p);
        if (res?.status() !== 200) failures.push(`${p}: status ${res?.status()}`);
        if (!codePages.includes(p) || sampled.has(p)) {
          const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          for (const v of axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
            failures.push(`${p}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
        for (const e of seen.errors) failures.push(`${p}: console error: ${e}`);
        for (const f of seen.foreign) failures.push(`${p}: request to another host: ${f}`);
        page.removeAllListeners();
      }
      expect(failures).toEqual([]);
    });
  }
}
