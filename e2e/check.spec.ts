import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { at, watch } from './helpers';

// A vhost with the trap of bug #8051 on an HTTP/2 site (shared with the CLI's test).
const CONFIG = fs.readFileSync(path.join(__dirname, '..', 'lib', 'config', '__fixtures__', 'per-location-h2.conf'), 'utf8').trimEnd();

test('a pasted configuration gets its traps with line and entry, checked in the page', async ({ page }) => {
  const seen = watch(page);
  // Reached from the home page, as a reader would.
  await page.goto(at('/'));
  await page.getByRole('main').getByRole('link', { name: 'Check my configuration' }).click();
  await expect(page).toHaveURL(at('/check/'));
  await page.waitForLoadState('networkidle');
  const sent: string[] = [];
  page.on('request', (r) => sent.push(r.url()));
  await page.getByLabel('Paste your configuration').fill(CONFIG);

  const finding = page.locator('[data-rule="per-directory-verify-client-h2"]');
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('(pasted):9');
  await expect(finding).toContainText('*:443 portal.example.com');
  await expect(finding.locator('pre')).toHaveText('SSLVerifyClient require');
  await expect(finding.getByRole('link')).toHaveAttribute('href', at('/faq/http2-client-certificate-http-1-1-required/'));
  await expect(page.getByTestId('config-stats')).toContainText('1 virtual host (1 with TLS)');
  await expect(page.getByRole('cell', { name: 'portal.example.com', exact: true })).toBeVisible();

  // Fixing it in the box clears the finding: the check follows the text.
  await page.getByLabel('Paste your configuration').fill(CONFIG.replace('    <Location /admin>\n        SSLVerifyClient require\n    </Location>\n', '    SSLVerifyClient require\n'));
  await expect(page.getByText('No trap found in this configuration.')).toBeVisible();

  // The text was checked in the page: no request carried it anywhere, none left the site.
  expect(sent.filter((u) => !/\.(js|json|css|woff2?|svg|png|ico|txt)(\?|$)/.test(u))).toEqual([]);
  expect(seen.foreign).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('text that is not configuration, and a broken section, get a plain answer', async ({ page }) => {
  await page.goto(at('/check/'));
  const box = page.getByLabel('Paste your configuration');
  await box.fill('[ssl:error] [pid 1] AH02261: Re-negotiation handshake failed');
  await expect(page.getByText(/No configuration directives found in this text/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Diagnose an error' })).toBeVisible();
  await box.fill('<VirtualHost *:443>\n    ServerName a.example.com\n');
  await expect(page.getByRole('heading', { name: 'Syntax' })).toBeVisible();
  await expect(page.getByText(/<VirtualHost> is never closed/)).toBeVisible();
});

test('the wizard takes a configuration as its paste step and walks to the entry of its worst trap', async ({ page }) => {
  await page.goto(at('/wizard/'));
  await page.locator('html[data-search-ready]').waitFor({ state: 'attached' }); // hydrated
  await page.getByRole('link', { name: /No error yet: my configuration/ }).click();
  await page.getByLabel(/or your configuration/).fill(CONFIG);
  await page.getByRole('button', { name: 'Find my path' }).click();
  await expect(page.getByTestId('wizard-config-note')).toContainText('1 trap in this configuration; the most serious: per-directory SSLVerifyClient on a vhost that speaks HTTP/2 ((pasted):9)');
  await expect(page.getByRole('link', { name: /Every finding, with its line/ })).toHaveAttribute('href', at('/check/'));
  // It walked on from the paste step, to the question or answer of that entry.
  await expect(page.getByRole('heading', { level: 2 })).not.toHaveText(/Paste the error/);
});
