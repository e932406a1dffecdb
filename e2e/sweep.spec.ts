import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { at, watch } from './helpers';

// Every page a search engine knows about: loads, no console errors, no foreign requests,
// no serious or critical WCAG 2.1 A/AA violations, in light and in dark mode.
test('the sitemap lists the site', async ({ request }) => {
  const xml = await (await request.get(at('/sitemap.xml'))).text();
  expect(xml.match(/<loc>/g)?.length).toBeGreaterThan(30);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every sitemap page is healthy and accessible (${scheme})`, async ({ page, request }) => {
    test.setTimeout(300_000);
    const xml = await (await request.get(at('/sitemap.xml'))).text();
    const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(paths.every((p) => p.startsWith(at('/')))).toBe(true);
    await page.emulateMedia({ colorScheme: scheme });
    const failures: string[] = [];
    for (const p of paths) {
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
