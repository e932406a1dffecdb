import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Worker } from '@playwright/test';
import { at } from './helpers';

// Privacy, proved rather than assumed: the pasted text is analysed in a Web Worker, and a Worker
// takes its Content-Security-Policy from its own script's response, not from the page's <meta>.
// Here, code running inside the page's real diagnosis worker tries to reach another origin (a
// server of this test on another port of 127.0.0.1, which counts every request and would answer
// any origin) by every way a worker has, and none gets there. Served without the header (the
// page's <meta> policy unchanged), every one of them reaches it: the header is what protects.

const EXCERPT = `[Mon Nov 23 10:15:30.298632 2026] [ssl:info] [pid 4242:tid 139871202] [client 192.0.2.7:50816] AH02221: Requesting connection re-negotiation, referer: https://search.example.org/
[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 139871202] [client 192.0.2.7:50816] AH02261: Re-negotiation handshake failed: Not accepted by client!?, referer: https://search.example.org/
error:0A00010B:SSL routines::wrong version number`;

/** Another origin: the same address, another port. Never anything but 127.0.0.1. */
let other: http.Server;
let otherOrigin = '';
const reached: string[] = [];

test.beforeAll(async () => {
  other = http.createServer((req, res) => {
    reached.push(`${req.method} ${req.url}`);
    // Were a request let through, CORS would not stop it either: the answer is readable.
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    res.end('reached');
  });
  other.on('upgrade', (req, socket) => {
    reached.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => other.close(resolve));
});

test.beforeEach(() => {
  reached.length = 0;
});

/** The sources a directive allows, falling back on default-src as browsers do. */
function allowed(csp: string, directive: string): string[] | undefined {
  const dirs = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...v]) => [name!.toLowerCase(), v]));
  return dirs.get(directive) ?? dirs.get('default-src');
}

test("the diagnosis worker's script is served with a policy that lets it connect to its own origin only", async ({ request }) => {
  const res = await request.get(at('/workers/diagnose.js'));
  expect(res.status()).toBe(200);
  const csp = res.headers()['content-security-policy'];
  expect(csp, 'the worker script has no Content-Security-Policy header').toBeTruthy();
  const connect = allowed(csp!, 'connect-src');
  expect(connect, `no connect-src nor default-src in: ${csp}`).toBeDefined();
  expect(connect!.length).toBeGreaterThan(0);
  for (const source of connect!) expect(["'self'", "'none'"], `connect-src allows ${source}`).toContain(source);
  // What a worker may load as script (importScripts) is bounded the same way.
  for (const source of allowed(csp!, 'script-src') ?? []) expect(["'self'", "'none'", "'unsafe-inline'"]).toContain(source);
});

test("code running in the page's diagnosis worker cannot reach another origin", async ({ page }) => {
  const started = page.waitForEvent('worker', { predicate: (w) => w.url().endsWith('/workers/diagnose.js') });
  await page.goto(at('/diagnose/'));
  const worker: Worker = await started;

  // The control: the worker can still fetch from its own origin (so a failure below is the policy,
  // not a worker that cannot fetch at all).
  const own = await worker.evaluate((url) => fetch(url).then((r) => r.status), new URL(at('/diagnose-index.json'), page.url()).href);
  expect(own).toBe(200);

  const attempts = await worker.evaluate(async (origin) => {
    const violations: string[] = [];
    self.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const outcome = async (name: string, attempt: () => Promise<string>) => {
      try {
        const late = new Promise<string>((_, reject) => setTimeout(() => reject(Object.assign(new Error(), { name: 'no answer in 3 s' })), 3000));
        return `${name}: reached (${await Promise.race([attempt(), late])})`;
      } catch (e) {
        return `${name}: blocked (${(e as Error).name})`;
      }
    };
    const results = [
      await outcome('fetch', () => fetch(`${origin}/fetch`).then((r) => r.text())),
      await outcome('fetch no-cors', () => fetch(`${origin}/no-cors`, { mode: 'no-cors' }).then((r) => r.type)),
      await outcome('XMLHttpRequest', () => {
        const x = new XMLHttpRequest();
        x.open('GET', `${origin}/xhr`, false); // synchronous: allowed in a worker
        x.send();
        return Promise.resolve(String(x.status));
      }),
      await outcome('importScripts', () => {
        (self as unknown as { importScripts(u: string): void }).importScripts(`${origin}/script.js`);
        return Promise.resolve('ran');
      }),
      await outcome('WebSocket', () =>
        new Promise<string>((resolve, reject) => {
          const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/socket`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => reject(Object.assign(new Error('WebSocket error'), { name: 'WebSocketError' }));
        }),
      ),
      await outcome('EventSource', () =>
        new Promise<string>((resolve, reject) => {
          const es = new EventSource(`${origin}/events`);
          es.onopen = () => resolve('open');
          es.onerror = () => {
            es.close();
            reject(Object.assign(new Error('EventSource error'), { name: 'EventSourceError' }));
          };
        }),
      ),
    ];
    await new Promise((r) => setTimeout(r, 200)); // violation events are queued as tasks
    return { results, violations };
  }, otherOrigin);

  // Soft: a failure lists every way that got through, then what the other server received.
  expect.soft(attempts.results[0]).toBe('fetch: blocked (TypeError)');
  for (const r of attempts.results) expect.soft(r).toMatch(/: blocked \(/);
  // Blocked by the policy (a report for each), not merely by CORS after the request went out.
  expect.soft(attempts.violations, 'no connect-src violation reported').toContainEqual(expect.stringMatching(new RegExp(`^connect-src ${otherOrigin}/fetch`)));
  await page.waitForTimeout(200);
  expect(reached, `requests that reached ${otherOrigin}`).toEqual([]);
});

/** Keeps, in the page or a worker, every request its policy refused (a leak the policy stopped). */
function recordViolations() {
  const seen: string[] = [];
  (globalThis as unknown as { violations: string[] }).violations = seen;
  self.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
}
const violations = () => (globalThis as unknown as { violations: string[] }).violations;

test('pasting and diagnosing a log sends nothing to any other origin, from the page or its worker', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url())); // the context sees the worker's requests too
  await page.addInitScript(recordViolations);
  const started = page.waitForEvent('worker', { predicate: (w) => w.url().endsWith('/workers/diagnose.js') });
  await page.goto(at('/diagnose/'));
  const worker = await started;
  await worker.evaluate(recordViolations);
  const origin = new URL(page.url()).origin;

  await page.getByLabel(/Paste an error log line/).fill(EXCERPT);
  await expect(page.locator('[data-finding]').first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  // What the worker fetched is seen (the diagnosis index), so the list below is complete.
  expect(requests.some((u) => u.endsWith('/diagnose-index.json'))).toBe(true);
  const elsewhere = requests.filter((u) => !/^(?:data|blob):/.test(u) && new URL(u).origin !== origin);
  expect(elsewhere).toEqual([]);
  // Nor a try that the policy stopped (it would not show as a request).
  expect(await page.evaluate(violations), 'the page tried to reach what its policy forbids').toEqual([]);
  expect(await worker.evaluate(violations), 'the worker tried to reach what its policy forbids').toEqual([]);
  expect(reached).toEqual([]);
});
