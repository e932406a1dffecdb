import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli } from './build-cli.mjs';

const ROOT = path.join(__dirname, '..');

describe('the published package', () => {
  // Regression (was a defect): the bin bundled itself on first run, so esbuild and tsx had to be
  // runtime dependencies. Now the bundle is built at install/build time and shipped in dist/cli/.
  it('runs the CLI from its own files alone: no node_modules, no esbuild, no tsx', async () => {
    await buildCli(ROOT);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' })) as { files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/cli/diagnose.mjs');
    expect(files).toContain('dist/cli/diagnose-part.mjs');
    expect(files.some((f) => f.startsWith('scripts/') || f.startsWith('lib/') || f.startsWith('node_modules/'))).toBe(false);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handshake-pkg-'));
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    }
    const line = '[Thu Mar 23 15:04:30.492266 2017] [ssl:error] [pid 1:tid 2] [client 192.0.2.7:50816] AH02261: Re-negotiation handshake failed\n';
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'handshake-diagnose.mjs'), '--json', '-'], { input: line, cwd: os.tmpdir(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).findings[0].slug).toBe('per-directory-client-certificate-renegotiation');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
