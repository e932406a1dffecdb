import { chromium } from '@playwright/test';
const [url, out, dark, w, h, full] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const p = await b.newPage({ viewport: { width: Number(w||1280), height: Number(h||900) }, colorScheme: dark==='dark' ? 'dark' : 'light' });
await p.goto(url); await p.waitForTimeout(300);
await p.screenshot({ path: out, fullPage: full==='full' }); await b.close();
