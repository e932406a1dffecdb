#!/usr/bin/env node
// `npm start`: install if needed, build the static site, serve it on http://127.0.0.1:3000/.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';
import { parseCli, wholeNumber } from './is-main.mjs';

const { values } = parseCli(
  `Usage: npm start [-- OPTIONS]
Installs the dependencies when they are missing, builds the static site (under BASE_PATH if
set) and serves it, by default on http://127.0.0.1:3000/.
  --port N      the port (default 3000, or PORT)
  --host HOST   the address to listen on (default 127.0.0.1, or HOST)
  --help        this text`,
  { port: { type: 'string', check: wholeNumber(0, 65535) }, host: { type: 'string' } },
);

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
ensureDeps();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
// npm is npm.cmd on Windows, which spawns only through a shell.
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const serveArgs = [...(values.port !== undefined ? ['--port', String(values.port)] : []), ...(values.host !== undefined ? ['--host', values.host] : [])];
const served = spawnSync(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), ...serveArgs], { stdio: 'inherit', env });
process.exit(served.status ?? 0);
