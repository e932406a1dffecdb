import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { at, watch } from './helpers';

const RENEG_LINE = '[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 139871202] [client 192.0.2.7:50816] AH02261: Re-negotiation handshake failed';

test('AH02261: from a paste to a version-aware snippet, copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const seen = watch(page);
  await page.goto(at('/wizard/'));
  await page.locator('html[data-search-ready]').waitFor({ state: 'attached' }); // hydrated
  await page.getByRole('link', { name: /error message or log line to paste/ }).click();
  await page.getByLabel(/The error message/).fill(RENEG_LINE);
  await page.getByRole('button', { name: 'Find my path' }).click();
  // The paste goes straight to the question that separates the causes of AH02261: one
  // question per step (HTTP/2 or not, then the TLS version, then what fails).
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Does the failing request use HTTP/2?');
  await page.getByRole('link', { name: /^No, HTTP\/1\.1/ }).click();
  await page.getByRole('link', { name: /^TLS 1\.2 or older/ }).click();
  await page.getByRole('link', { name: /Clients refuse the renegotiation \(AH02261\), and their users need certificates/ }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('The answer');

  await page.getByLabel('httpd').selectOption('2.4.58');
  await page.getByLabel('OpenSSL').selectOption('3.0');
  const block = page.locator('figure[data-lang="apache"]');
  await expect(block).toContainText('# For httpd 2.4.58 with OpenSSL 3.0');
  await expect(block).toContainText('SSLVerifyClient optional');
  await expect(page.getByText('Check that it worked')).toBeVisible();
  await block.getByRole('button', { name: 'Copy' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('# For httpd 2.4.58 with OpenSSL 3.0');
  expect(copied).toContain('SSLVerifyClient optional');
  // The answers so far, as a breadcrumb.
  await expect(page.getByRole('navigation', { name: 'Your answers' }).getByRole('listitem')).toHaveCount(5);
  expect(seen.errors).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test('from "in a browser" to an answer; Back steps back; a reloaded or shared link reproduces the step', async ({ page, browser }) => {
  await page.goto(at('/wizard/'));
  await page.getByRole('link', { name: 'In a browser' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Which of these does the browser show?');
  await page.getByRole('link', { name: /^No secure connection can be made/ }).click();
  await page.getByRole('link', { name: /^Not TLS at all/ }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Who connects when the error appears?');
  const mid = page.url();
  const question = 'Who connects when the error appears?';
  await page.getByRole('link').filter({ hasText: /^My own browser or client/ }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('The answer');
  await expect(page.locator('[data-leaf]')).toHaveAttribute('data-leaf', 'browser-hangs-http-to-https-port');

  await page.goBack();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(question);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(question);
  const other = await browser.newPage();
  await other.goto(mid);
  await expect(other.getByRole('heading', { level: 2 })).toHaveText(question);
  await other.close();
});

test('keyboard only: Tab to an answer and press Enter', async ({ page }) => {
  await page.goto(at('/wizard/'));
  const option = page.getByRole('link', { name: 'In the server error log' });
  for (let i = 0; i < 40 && !(await option.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(option).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Which of these is in the error log?');
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
});

test('says so when no safe configuration exists for the chosen versions', async ({ page }) => {
  await page.goto(at('/wizard/?path=start,browser,negotiate,leaf-protocol&httpd=2.4.62&openssl=0.9.8'));
  await expect(page.getByText('No safe configuration for these versions.')).toBeVisible();
  await expect(page.getByText(/has no TLS 1\.2/)).toBeVisible();
  await expect(page.locator('figure[data-lang="apache"]')).toHaveCount(0);
});

// Every leaf, by the answers that lead to it, for two systems whose layouts differ: the answer,
// where the fix goes with that system's file and reload command, and a check. The paths come
// from the tree itself (scripts/wizard-paths.ts), so a new leaf is walked too.
const LEAVES = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/wizard-paths.ts'], { encoding: 'utf8' })) as { leaf: string; entry: string; path: string[] }[];
const SYSTEMS = [
  { id: 'debian-12', file: '/etc/apache2/sites-available/default-ssl.conf', reload: 'systemctl reload apache2' },
  { id: 'rhel-9', file: '/etc/httpd/conf.d/ssl.conf', reload: 'systemctl reload httpd' },
];
for (const sys of SYSTEMS) {
  test(`every leaf answers, with a check, and on ${sys.id} its fix names ${sys.file}`, async ({ page }) => {
    test.setTimeout(180_000);
    expect(LEAVES.length).toBeGreaterThan(40);
    for (const { leaf, entry, path } of LEAVES) {
      await page.goto(at(`/wizard/?path=${encodeURIComponent(path.join(','))}&system=${sys.id}`));
      const answer = page.locator(`[data-leaf="${entry}"]`);
      await expect(answer, leaf).toBeVisible();
      await expect(page.getByTestId('check'), leaf).toBeVisible();
      await expect(page.getByTestId('check').locator('code'), leaf).not.toBeEmpty();
      const where = page.getByTestId('where-it-goes');
      if (await where.count()) {
        await expect(where, leaf).toContainText(sys.file);
        await expect(where, leaf).toContainText(sys.reload);
      }
    }
  });
}
