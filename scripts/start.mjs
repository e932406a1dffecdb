#!/usr/bin/env node
// `npm start`: install if needed, build the static site, serve it on http://127.0.0.1:3000/.
import { spawnSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env, shell: process.platform === 'win32' }) // npm is npm.cmd there;
if (build.status !== 0) process.exit(build.status ?? 1);
spawnSync(process.execPath, ['scripts/serve.mjs'], { stdio: 'inherit', env });
