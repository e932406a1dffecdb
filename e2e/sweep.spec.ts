import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { at, watch } from './helpers';

// Every page of the sitemap answers 200. In the browser, every page except the generated
// error-code pages is loaded in light and dark mode: no console error, no request to another
// host, no serious or critical WCAG 2.1 A/AA violation (axe). The error-code pages share one
// template and number in the hundreds: a spread sample of them gets the same browser checks.
const CODE_SAMPLE = { light: 16, dark: 6 };

async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const xml = await (await request.get(at('/sitemap.xml'))).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

const isCodePage = (p: string) => p.startsWith(at('/errors/')) && p !== at('/errors/');
const spread = <T,>(xs: T[], n: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);

test('the sitemap lists the site under its base path, and every page in it answers 200', async ({ request }) => {
  const paths = await sitemapPaths(request);
  expect(paths.length).toBeGreaterThan(100);
  expect(paths.every((p) => p.startsWith(at('/')))).toBe(true);
  for (const p of ['/', '/faq/', '/diagnose/', '/wizard/', '/search/', '/errors/']) expect(paths).toContain(at(p));
  const bad: string[] = [];
  for (const p of paths) {
    const res = await request.get(p);
    if (res.status() !== 200) bad.push(`${p}: ${res.status()}`);
  }
  expect(bad).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const half of [0, 1]) {
    test(`pages are healthy and accessible in the browser (${scheme}, part ${half + 1} of 2)`, async ({ page, request }) => {
      test.setTimeout(600_000);
      const all = await sitemapPaths(request);
      const chosen = [...all.filter((p) => !isCodePage(p)), ...spread(all.filter(isCodePage), CODE_SAMPLE[scheme])];
      const mine = chosen.filter((_, i) => i % 2 === half);
      await page.emulateMedia({ colorScheme: scheme });
      const failures: string[] = [];
      for (const p of mine) {
        const seen = watch(page);
        const res = await page.goto(p);
        if (res?.status() !== 200) failures.push(`${p}: status ${res?.status()}`);
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
          failures.push(`${p}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        for (const e of seen.errors) failures.push(`${p}: console error: ${e}`);
        for (const f of seen.foreign) failures.push(`${p}: request to another host: ${f}`);
        page.removeAllListeners();
      }
      expect(failures).toEqual([]);
    });
  }
}
