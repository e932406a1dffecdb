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

/**
 * What to tell someone whose machine lacks the lab's tools and cannot install them without a
 * prompt (not root, no password-less sudo, or no apt): what, how, and what runs without them.
 */
export function installHint(missing: readonly string[], why: string): string {
  return [
    `The real-httpd lab needs ${missing.join(', ')}, and ${why}.`,
    'Install them, then run npm test again:',
    `  Debian/Ubuntu:  sudo apt-get install -y ${missing.join(' ')}`,
    "  (the lab drives Debian's apache2 layout: apache2 with mod_ssl, a2enmod, /usr/sbin/apache2; on another system run it in a Debian container)",
    'Without them, the rest runs on any system: npm run test:unit (unit tests) and, after a build, npm run test:e2e (browser tests; E2E_CHROMIUM=/path/to/chrome picks a browser).',
  ].join('\n');
}

export function ensureTools(): void {
  const missing = NEEDS.filter(([f]) => !fs.existsSync(f)).map(([, p]) => p);
  if (!findChromium()) missing.push('chromium');
  if (!missing.length) return;
  if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) throw new Error(installHint(missing, 'this system has no apt-get to install them with'));
  const root = process.getuid?.() === 0;
  if (!root && runSync('sudo', ['-n', 'true']).code !== 0) throw new Error(installHint(missing, 'installing them needs root (sudo asks for a password, and a test run never waits on a prompt)'));
  // sudo -n never waits for a password: without rights, say what to install and stop.
  const apt = (args: string[]) =>
    root ? runSync('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 600_000 }) : runSync('sudo', ['-n', 'apt-get', ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 600_000 });
  console.log(`lab: installing ${missing.join(', ')} with apt-get`);
  apt(['update', '-qq']);
  const r = apt(['install', '-y', '-qq', ...missing]);
  if (r.code !== 0) throw new Error(`${installHint(missing, `apt-get could not install them (exit ${r.code})`)}\n${r.out.slice(-800)}`);
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
