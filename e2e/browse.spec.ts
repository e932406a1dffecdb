import { expect, test } from '@playwright/test';
import { at, watch } from './helpers';

test('browse from the home page to an entry and copy its snippet', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const seen = watch(page);
  await page.goto(at('/'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'FAQ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Frequently asked questions' })).toBeVisible();

  // Grouped by category, each entry with its status badge.
  const certs = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Keys and certificates' }) });
  await expect(certs.getByText('Historical').first()).toBeVisible();
  await certs.getByRole('link', { name: /private key match/i }).click();

  await expect(page).toHaveURL(new RegExp(`${at('/faq/key-matches-certificate/')}$`));
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'FAQ' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You see this when…' })).toBeVisible();
  await expect(page.getByText('AH02565').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link').first()).toBeVisible();
  await expect(page.getByText(/Last updated/)).toBeVisible();

  // The entry's own snippets (.prose), not those folded in the lab's reproductions.
  const block = page.locator('.prose figure[data-lang="sh"]').first();
  const expected = (await block.locator('pre').innerText()).trim();
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(expected);
  expect(expected.length).toBeGreaterThan(10);

  await block.getByRole('button', { name: 'Wrap' }).click();
  await expect(block).toHaveAttribute('data-wrap', 'true');
  expect(seen.errors).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test('table of contents links land on their headings', async ({ page }) => {
  await page.goto(at('/cases/ie11-cors-client-cert-renegotiation/'));
  const toc = page.getByRole('navigation', { name: 'Table of contents' });
  const first = toc.getByRole('link').nth(1);
  const href = (await first.getAttribute('href'))!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(href)).toBeInViewport();
});

test('dark mode is chosen before first paint and survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(at('/faq/'));
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await page.reload({ waitUntil: 'commit' });
  await page.waitForSelector('html[data-theme]');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('an entry reads fully: text, symptoms, snippets and related links', async ({ page }) => {
    await page.goto(at('/faq/browser-hangs-http-to-https-port/'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'You see this when…' })).toBeVisible();
    await expect(page.locator('.prose figure pre').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Related' })).toBeVisible();
    // Buttons that need JavaScript are not offered when it is off.
    await expect(page.getByRole('button', { name: 'Copy' })).toHaveCount(0);
  });
});

test('a mistyped address gets a 404 that suggests the closest entries', async ({ page }) => {
  const res = await page.goto(at('/faq/key-match-cert/'));
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const suggestions = page.getByRole('region', { name: 'Did you mean' }).getByRole('link');
  await expect(suggestions.first()).toHaveAttribute('href', at('/faq/key-matches-certificate/'));
});

test('a phone-sized screen shows the entry without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(at('/cases/ie11-cors-client-cert-renegotiation/'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the skip link moves focus to the content', async ({ page }) => {
  await page.goto(at('/faq/'));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('robots.txt names the sitemap, the web manifest and its icons load, the favicon is an icon', async ({ request }) => {
  const robots = await request.get(at('/robots.txt'));
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(new RegExp(`Sitemap: https?://[^\\s]+${at('/sitemap.xml').replace(/\//g, '\\/')}`));
  const manifest = await request.get(at('/manifest.webmanifest'));
  expect(manifest.status()).toBe(200);
  const m = (await manifest.json()) as { start_url: string; icons: { src: string; type: string }[] };
  expect(m.start_url).toBe('./');
  for (const icon of m.icons) {
    const r = await request.get(at(`/${icon.src}`));
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()['content-type'], icon.src).toBe(icon.type);
  }
});

test('every page links the web manifest under the base path', async ({ page }) => {
  await page.goto(at('/faq/'));
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', at('/manifest.webmanifest'));
});
