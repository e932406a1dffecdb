import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { LabRun, LabScenario } from '../lib/lab/types';
import { at, watch } from './helpers';

// The real-httpd lab's captures on the site. They exist only once `npm run lab` has written
// content/lab/lab.json (HANDSHAKE_LAB points the build and these tests at another lab directory).
const LAB = path.resolve(process.env.HANDSHAKE_LAB || 'content/lab');
const hasLab = fs.existsSync(path.join(LAB, 'lab.json'));
const read = <T,>(f: string): T => JSON.parse(fs.readFileSync(path.join(LAB, f), 'utf8')) as T;
const run = hasLab ? read<LabRun>('lab.json') : undefined;
const scenario = run?.scenarios[0] ? read<LabScenario>(`${run.scenarios[0]}.json`) : undefined;
const entryPath = (slug: string) => (fs.existsSync(path.join('content', 'cases', `${slug}.mdx`)) ? `/cases/${slug}/` : `/faq/${slug}/`);

test.describe('lab captures', () => {
  test.skip(!scenario, `no lab captures: ${path.relative(process.cwd(), LAB)}/lab.json is absent (run \`npm run lab\` to write it)`);

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });
    test('an entry the lab reproduced shows where, and each scenario opens to its config, captures and fix', async ({ page }) => {
      await page.goto(at(entryPath(scenario!.entry)));
      const block = page.getByRole('region', { name: /^Reproduced on / });
      const env = run!.environment;
      await expect(block.getByRole('heading', { level: 2 })).toHaveText(`Reproduced on Apache httpd ${env.httpd} + OpenSSL ${env.openssl}, ${env.os}, on ${env.date}`);
      const details = block.locator(`details#lab-${scenario!.id}`);
      await expect(details.getByRole('heading', { name: 'The configuration that fails' })).toBeHidden();
      await details.getByText(scenario!.title).click();
      await expect(details.getByRole('heading', { name: 'The configuration that fails' })).toBeVisible();
      await expect(details.locator('figure[data-lang="apache"] pre').first()).toContainText(scenario!.config.split('\n')[0]!.trim());
      await expect(details.locator('figcaption')).toHaveCount(scenario!.captures.length + (scenario!.fix?.check ? 1 : 0));
      if (scenario!.fix) await expect(details.getByRole('heading', { name: 'The fix' })).toBeVisible();
    });
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the opened reproduction is accessible (${scheme})`, async ({ page }) => {
      const seen = watch(page);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(at(entryPath(scenario!.entry)));
      const block = page.getByTestId('lab-reproduction');
      for (const summary of await block.locator('summary').all()) await summary.click();
      const axe = await new AxeBuilder({ page }).include('[data-testid="lab-reproduction"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(seen.errors).toEqual([]);
    });
  }

  test('an error-code page shows a line a real server logged with that code', async ({ page, request }) => {
    // Every AH code the knowledge base explains has a page; find one the lab captured.
    const codes = [...new Set(run!.scenarios.flatMap((id) => read<LabScenario>(`${id}.json`).captures)
      .filter((c) => c.source === 'server-log' || c.source === 'startup')
      .flatMap((c) => c.text.match(/\bAH\d{5}\b/g) ?? []))];
    let code: string | undefined;
    for (const c of codes) if ((await request.get(at(`/errors/${c}/`))).ok()) { code = c; break; }
    test.skip(!code, `the lab captured no AH code the knowledge base explains (${codes.join(', ') || 'none'})`);
    await page.goto(at(`/errors/${code}/`));
    const seen = page.getByRole('region', { name: 'Seen on a real server' });
    await expect(seen.locator('pre').first()).toContainText(code!);
    const link = seen.getByRole('link').first();
    await link.click();
    await expect(page.locator('details[id^="lab-"]').first()).toBeAttached();
    expect(new URL(page.url()).hash).toMatch(/^#lab-/);
  });
});
