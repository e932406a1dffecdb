import { expect, test } from '@playwright/test';
import { at } from './helpers';

// A measurement, not a timed test: it prints how long a 10,000-line paste takes to show its
// first findings and the longest main-thread task meanwhile; it asserts only that findings come.
test('a 10,000-line paste: time to first findings and the longest main-thread task', async ({ page }) => {
  await page.goto(at('/diagnose/'));
  await page.waitForLoadState('networkidle');
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const pid = 20000 + (i % 97);
    lines.push(
      i % 10 === 7
        ? `[Mon Nov 23 10:${String(i % 60).padStart(2, '0')}:00.000000 2026] [ssl:error] [pid ${pid}:tid 1] [client 192.0.2.${i % 250}:4${i % 1000}] AH02261: Re-negotiation handshake failed`
        : `[Mon Nov 23 10:${String(i % 60).padStart(2, '0')}:00.000000 2026] [ssl:info] [pid ${pid}:tid 1] [client 192.0.2.${i % 250}:4${i % 1000}] AH01964: Connection to child ${i % 50} established (server www.example.org:443)`,
    );
  }
  const text = lines.join('\n');
  const figures = await page.evaluate(async (t) => {
    const long: number[] = [];
    new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
    const area = document.querySelector<HTMLTextAreaElement>('#paste')!;
    const t0 = performance.now();
    const shown = new Promise<number>((resolve) => {
      const mo = new MutationObserver(() => {
        if (document.querySelector('[data-finding]')) {
          mo.disconnect();
          resolve(performance.now() - t0);
        }
      });
      mo.observe(document.body, { childList: true, subtree: true });
    });
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const ms = await shown;
    await new Promise((r) => setTimeout(r, 300));
    return { ms: Math.round(ms), longestTaskMs: Math.round(Math.max(0, ...long)), longTasks: long.length };
  }, text);
  console.log(`PERF paste 10,000 lines: first findings after ${figures.ms} ms (includes the 150 ms typing pause); longest main-thread task ${figures.longestTaskMs} ms; ${figures.longTasks} long tasks`);
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(figures) });
  await expect(page.locator('[data-finding]').first()).toHaveAttribute('data-finding', /renegotiation/);
});
