import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.join(__dirname, '..', 'bin', 'handshake-diagnose.mjs');
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: os.tmpdir(), maxBuffer: 1 << 28 });

const RENEG = [
  '[Thu Mar 23 15:04:30.298632 2017] [ssl:info] [pid 21982:tid 140522672846592] [client 192.0.2.7:50816] AH02221: Requesting connection re-negotiation',
  '[Thu Mar 23 15:04:30.298717 2017] [ssl:info] [pid 21982:tid 140522672846592] [client 192.0.2.7:50816] AH02226: Awaiting re-negotiation handshake',
  '[Thu Mar 23 15:04:30.492266 2017] [ssl:error] [pid 21982:tid 140522672846592] [client 192.0.2.7:50816] AH02261: Re-negotiation handshake failed',
].join('\n');

describe('handshake-diagnose CLI', () => {
  it('--json prints one object with ranked findings and tokens, from any directory', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-')), 'error_log');
    fs.writeFileSync(file, `${RENEG}\n[Thu Mar 23 15:05:00.000000 2017] [ssl:error] [pid 1:tid 2] [client 192.0.2.8:1] AH02182: example\n`);
    const r = cli(['--json', file]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    // Three steps of a refused renegotiation, nothing of IE 11: the general entry, with its story.
    expect(j.findings[0]).toMatchObject({ slug: 'per-directory-client-certificate-renegotiation', url: '/faq/per-directory-client-certificate-renegotiation/' });
    expect(j.findings[0].causes).toContain('renegotiation-client-cert-per-directory');
    expect(j.findings[0].evidence.map((e: { line: number }) => e.line)).toEqual([1, 2, 3]);
    expect(j.findings[0].firstSeen).toBe('Thu Mar 23 15:04:30.298632 2017');
    expect(j.findings[0].story).toMatchObject({ connection: 'pid 21982:tid 140522672846592', steps: [{ line: 1, code: 'AH02221' }, { line: 2, code: 'AH02226' }, { line: 3, code: 'AH02261' }] });
    expect(j.tokens).toContainEqual({ line: 4, kind: 'ah-code', value: 'AH02182', known: false });
    expect(j.unknown.map((u: { value: string }) => u.value)).toEqual(['AH02182']);
  });

  it('reads standard input when FILE is - or absent, and summarises counts', () => {
    const r = cli([], `${RENEG}\n${RENEG}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/standard input: 6 lines, 6 recognised/);
    expect(r.stdout).toMatch(/IE 11 CORS calls fail/);
    expect(r.stdout).toMatch(/story \(pid 21982:tid 140522672846592\): AH02221 → AH02226 → AH02261, lines 1–3/);
    expect(cli(['-'], RENEG).stdout).toMatch(/3 lines/);
  });

  it('prints the whole JSON even when it is large (no cut-off on a pipe)', () => {
    const r = cli(['--json', '-'], `${RENEG}\n`.repeat(3000));
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(JSON.parse(r.stdout).tokens).toHaveLength(9000);
  });

  it('says what is wrong with bad arguments', () => {
    expect(cli(['--nope']).status).toBe(2);
    const missing = cli(['/no/such/file']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/No such file/);
  });
});
