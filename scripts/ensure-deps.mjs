// Installs the locked dependencies when they are missing or older than the lock file, so
// `npm start` and `npm test` work on a fresh clone with nothing installed by hand.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function ensureDeps() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync('package-lock.json').mtimeMs;
  if (!stale) return;
  // `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages (next, tailwind
  // native builds) out of the lock file, and `npm ci` then refuses it as out of sync.
  console.log('── Installing dependencies (npm install)');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' }) // npm is npm.cmd there;
  if (r.status !== 0) {
    console.error('npm install failed: see the messages above.');
    process.exit(r.status ?? 1);
  }
}
