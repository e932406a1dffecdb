import { expect, test } from '@playwright/test';
import { at, watch } from './helpers';

test('Ctrl-K opens search from any page; an exact code finds its entry first', async ({ page }) => {
  const seen = watch(page);
  await page.goto(at('/faq/'));
  await page.locator('html[data-search-ready]').waitFor({ state: 'attached' });
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: /Search codes/ });
  await expect(box).toBeFocused();
  await box.fill('ah02261');
  const first = page.getByRole('option').first();
  await expect(first).toContainText(/renegotiat|client certificate/i);
  await box.press('Enter');
  await expect(page).toHaveURL(/\/(faq|cases)\/[a-z0-9-]+\/$/);
  await expect(page.locator('main').getByText('AH02261').first()).toBeVisible();
  expect(seen.foreign).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('"/" opens search; a typo still finds the entry, arrows and Enter open it', async ({ page }) => {
  await page.goto(at('/'));
  await page.locator('html[data-search-ready]').waitFor({ state: 'attached' });
  await page.locator('body').press('/');
  const box = page.getByRole('combobox', { name: /Search codes/ });
  await box.fill('pasphrase');
  await expect(page.getByRole('option').first()).toContainText(/pass[- ]?phrase/i);
  await expect(page.getByRole('option').first().locator('mark').first()).toBeVisible();
  await box.press('ArrowDown');
  await expect(page.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/pass[- ]?phrase/i);
});

test('the results page can be linked to, and a directive finds the entry about it first', async ({ page }) => {
  await page.goto(at('/search/?q=SSLCertificateChainFile'));
  const first = page.getByTestId('search-results').getByRole('link').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.getByText('SSLCertificateChainFile').first()).toBeVisible();
});

test('a log line pasted into search is handed to the diagnosis view, not put in a URL', async ({ page }) => {
  await page.goto(at('/'));
  await page.locator('html[data-search-ready]').waitFor({ state: 'attached' });
  await page.keyboard.press('Control+k');
  const line = '[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 1:tid 2] [client 192.0.2.7:50816] AH02261: Re-negotiation handshake failed';
  await page.getByRole('combobox', { name: /Search codes/ }).fill(line);
  await expect(page.getByRole('option').first()).toContainText('diagnose it');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${at('/diagnose/')}$`));
  await expect(page.getByLabel(/Paste an error log line/)).toHaveValue(line);
  await expect(page.locator('[data-finding]').first()).toBeVisible();
});
