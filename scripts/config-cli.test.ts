import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.join(__dirname, '..', 'bin', 'handshake-diagnose.mjs');
const cli = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [BIN, 'config', ...args], { input, encoding: 'utf8', cwd: os.tmpdir() });

// A vhost with the trap of bug #8051 on an HTTP/2 site (shared with the browser test).
const VHOST = fs.readFileSync(path.join(__dirname, '..', 'lib', 'config', '__fixtures__', 'per-location-h2.conf'), 'utf8');

describe('handshake-diagnose config', () => {
  it('--json: findings with rule, entry, causes, severity, file, line and evidence, and the vhosts', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conf-')), 'portal.conf');
    fs.writeFileSync(file, VHOST);
    const r = cli(['--json', file]);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.findings).toEqual([
      expect.objectContaining({ rule: 'per-directory-verify-client-h2', slug: 'http2-client-certificate-http-1-1-required', url: '/faq/http2-client-certificate-http-1-1-required/', severity: 'error', file, line: 9, evidence: 'SSLVerifyClient require', causes: expect.arrayContaining(['renegotiation-client-cert-per-directory']) }),
    ]);
    expect(j.vhosts).toEqual([expect.objectContaining({ addrs: ['*:443'], serverName: 'portal.example.com', tls: true, certificate: '/etc/ssl/certs/portal.example.com.pem' })]);
  });

  it('reads standard input, prints a report a person reads, and exits 0 on a clean configuration', () => {
    const bad = cli(['-'], VHOST);
    expect(bad.stdout).toMatch(/1\. ERROR {2}per-directory SSLVerifyClient on a vhost that speaks HTTP\/2/);
    expect(bad.stdout).toMatch(/\(standard input\):9 {2}\(\*:443 portal\.example\.com\) {2}SSLVerifyClient require/);
    const fixed = cli(['-'], VHOST.replace('    <Location /admin>\n        SSLVerifyClient require\n    </Location>\n', '    SSLVerifyClient require\n'));
    expect(fixed.stdout).toMatch(/No trap found/);
    expect(fixed.status).toBe(0);
  });

  it('takes the versions from httpd -V in the input, or from --httpd', () => {
    const chain = '<VirtualHost *:443>\n    ServerName a.example.com\n    SSLEngine on\n    SSLCertificateFile /etc/ssl/a.pem\n    SSLCertificateKeyFile /etc/ssl/a.key\n    SSLCertificateChainFile /etc/ssl/chain.pem\n</VirtualHost>\n';
    expect(JSON.parse(cli(['--json', '-'], `Server version: Apache/2.4.6 (CentOS)\n${chain}`).stdout).findings).toEqual([]);
    expect(JSON.parse(cli(['--json', '--httpd', '2.4.62', '-'], chain).stdout).findings.map((f: { rule: string }) => f.rule)).toContain('certificate-chain-file-deprecated');
  });

  it('says so for input that is no configuration, a missing file and a bad option (exit 2)', () => {
    const bin = cli(['-'], Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0x7f, 0]));
    expect(bin.status).toBe(2);
    expect(bin.stderr).toMatch(/no configuration directives in this input/);
    expect(cli(['/nonexistent/x.conf']).stderr).toMatch(/No such file: \/nonexistent\/x\.conf/);
    const opt = cli(['--nope', '-']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toMatch(/Unknown option '--nope'/);
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: handshake-diagnose config/);
  });
});
