// What the lab needs on the machine: apache2, curl, openssl, certutil (Chromium's trust store) and
// a Chromium. Installed with apt when missing, as `npm test` does for Chromium; never with a prompt.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { LabEnvironment } from '../lib/lab/types';
import { APACHE2 } from './httpd';
import { runSync } from './sh';

const NEEDS: [check: string, pkg: string][] = [
  [APACHE2, 'apache2'],
  ['/usr/bin/curl', 'curl'],
  ['/usr/bin/openssl', 'openssl'],
  ['/usr/bin/certutil', 'libnss3-tools'],
  ['/usr/bin/setpriv', 'util-linux'],
];

export function findChromium(): string | null {
  for (const p of [process.env.E2E_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
    if (p && fs.existsSync(p)) return p;
  return null;
}

export function ensureTools(): void {
  const missing = NEEDS.filter(([f]) => !fs.existsSync(f)).map(([, p]) => p);
  if (!findChromium()) missing.push('chromium');
  if (!missing.length) return;
  const root = process.getuid?.() === 0;
  // sudo -n never waits for a password: without rights, say what to install and stop.
  const apt = (args: string[]) =>
    root ? runSync('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 600_000 }) : runSync('sudo', ['-n', 'apt-get', ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 600_000 });
  console.log(`lab: installing ${missing.join(', ')} with apt-get`);
  apt(['update', '-qq']);
  const r = apt(['install', '-y', '-qq', ...missing]);
  if (r.code !== 0) throw new Error(`could not install ${missing.join(', ')} (apt-get exit ${r.code}); install them by hand:\n  apt-get install ${missing.join(' ')}\n${r.out.slice(-800)}`);
}

const first = (r: { out: string }, re: RegExp) => re.exec(r.out)?.[1] ?? 'unknown';

export function versions(browser: Browser): LabEnvironment {
  const os = fs.existsSync('/etc/os-release') ? (/^PRETTY_NAME="?([^"\n]+)/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux') : process.platform;
  return {
    date: new Date().toISOString().slice(0, 10),
    os,
    httpd: first(runSync(APACHE2, ['-v']), /Apache\/(\S+)/),
    openssl: first(runSync('openssl', ['version']), /OpenSSL (\S+)/),
    curl: first(runSync('curl', ['--version']), /curl (\S+)/),
    node: process.versions.node,
    chromium: browser.version(),
  };
}
