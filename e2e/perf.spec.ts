import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { at } from './helpers';

// Measurements, not timed tests: each prints how long a 10,000-line paste takes to show its
// first findings and the longest main-thread task meanwhile; each asserts only that findings come.

/** Pastes text into the diagnose page and times it, all inside the page. */
async function measure(page: Page, text: string) {
  await page.goto(at('/diagnose/'));
  await page.waitForLoadState('networkidle');
  return page.evaluate(async (t) => {
    const long: number[] = [];
    new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
    const area = document.querySelector<HTMLTextAreaElement>('#paste')!;
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // The browser lays out 2 MB of text in the textarea whatever the page does: timed apart.
    const l0 = performance.now();
    area.value = t;
    await frame();
    await frame();
    const layoutMs = performance.now() - l0;
    long.length = 0;
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
    // What a paste then does: the paste and input events.
    area.dispatchEvent(new ClipboardEvent('paste', { bubbles: true }));
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const ms = await shown;
    await new Promise((r) => setTimeout(r, 300));
    return { ms: Math.round(ms), longestTaskMs: Math.round(Math.max(0, ...long)), longTasks: long.length, textareaLayoutMs: Math.round(layoutMs) };
  }, text);
}

function report(name: string, figures: Awaited<ReturnType<typeof measure>>) {
  console.log(
    `PERF paste ${name}: first findings ${figures.ms} ms after the paste; longest main-thread task meanwhile ${figures.longestTaskMs} ms (${figures.longTasks} over 50 ms); the browser's own layout of the text in the textarea before that: ${figures.textareaLayoutMs} ms`,
  );
  test.info().annotations.push({ type: 'perf', description: JSON.stringify({ name, ...figures }) });
}

test('10,000 lines of one connection pattern: time to first findings, longest main-thread task', async ({ page }) => {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const pid = 20000 + (i % 97);
    lines.push(
      i % 10 === 7
        ? `[Mon Nov 23 10:${String(i % 60).padStart(2, '0')}:00.000000 2026] [ssl:error] [pid ${pid}:tid 1] [client 192.0.2.${i % 250}:4${i % 1000}] AH02261: Re-negotiation handshake failed`
        : `[Mon Nov 23 10:${String(i % 60).padStart(2, '0')}:00.000000 2026] [ssl:info] [pid ${pid}:tid 1] [client 192.0.2.${i % 250}:4${i % 1000}] AH01964: Connection to child ${i % 50} established (server www.example.org:443)`,
    );
  }
  report('10,000 lines, one pattern', await measure(page, lines.join('\n')));
  await expect(page.locator('[data-finding]').first()).toHaveAttribute('data-finding', /renegotiation/);
});

test('10,000 distinct lines (the bench\'s varied log): time to first findings, longest main-thread task', async ({ page }) => {
  // The generator runs as its own process: Playwright's loader does not take the .mjs module.
  const text = execFileSync(process.execPath, ['scripts/gen-error-log.mjs', '--kind', 'varied', '--lines', '10000', '--seed', '7', '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(new Set(text.split('\n')).size).toBeGreaterThan(9_900); // nearly every line differs
  report('10,000 distinct lines', await measure(page, text));
  await expect(page.locator('[data-finding]').first()).toBeVisible();
});
