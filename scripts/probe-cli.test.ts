// `handshake-diagnose probe`: its command line, and both outputs against Node TLS servers on
// 127.0.0.1 (certificates made by openssl for the test). Nothing else is contacted.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestPki, NAME, type TestPki } from '../lib/probe/test-pki';
import { main } from './probe-cli';

let pki: TestPki;
let caFile: string;
beforeAll(() => {
  pki = makeTestPki();
  caFile = path.join(pki.dir, 'root.pem');
}, 60_000);
afterAll(() => pki?.cleanup());

const servers: net.Server[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(o: tls.TlsOptions): Promise<number> {
  const s = tls.createServer(o, (c) => c.on('error', () => {}).end());
  s.on('tlsClientError', () => {});
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as net.AddressInfo).port;
}

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** main() with its output captured; parseCli's process.exit (for --help and usage errors) becomes a code. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (out += `${a.join(' ')}\n`));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (err += `${a.join(' ')}\n`));
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process, 'exit').mockImplementation(((c?: number) => {
    throw new Exit(c ?? 0);
  }) as never);
  try {
    const code = await main(argv);
    return { code, out, err };
  } catch (e) {
    if (e instanceof Exit) return { code: e.code, out, err };
    throw e;
  } finally {
    vi.restoreAllMocks();
  }
}

describe('the command line', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: handshake-diagnose probe \[--json\] \[--servername NAME\] \[--ca FILE\] HOST\[:PORT\]/);
    expect(r.out).toContain('the whole probe ends within 20 s');
  });

  it.each([
    [['--nope', 'x'], /^Unknown option '--nope'/],
    [[], /^Which server\? Give HOST\[:PORT\]/],
    [['a', 'b'], /^Unexpected argument 'b'/],
    [['https://www.example.com/'], /^Give HOST\[:PORT\], not a URL: for https:\/\/www\.example\.com\/ write www\.example\.com/],
    [['2001:db8::1'], /^Write an IPv6 address in brackets/],
    [['www.example.com:99999'], /^Not a port: "99999"/],
    [['--servername', '192.0.2.1', 'www.example.com'], /^--servername wants a DNS name/],
    [['--timeout', '0', 'www.example.com'], /^--timeout wants seconds from 0.1 to 10, not "0"/],
    [['--timeout', '11', 'www.example.com'], /^--timeout wants seconds/],
    [['--ca', '/nonexistent/ca.pem', 'www.example.com'], /^--ca: cannot read \/nonexistent\/ca\.pem \(ENOENT\)/],
    [['--ca', __filename, 'www.example.com'], /^--ca: no PEM certificate/],
  ])('%j: one line, exit 2', async (argv, message) => {
    const r = await cli(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(2); // the reason, then how to get the usage
    expect(r.err).toContain('(handshake-diagnose probe --help prints the usage)');
    expect(r.out).toBe('');
  });
});

describe('the outputs', () => {
  it('--json: {target, findings:[{slug, url, causes, severity, evidence}], chain, protocols, alpn, ocsp}; exit 1 on a problem', async () => {
    const port = await serve({ key: pki.leaf.good!.key, cert: pki.leaf.good!.cert, ALPNProtocols: ['h2', 'http/1.1'] });
    const r = await cli('--json', '--servername', NAME, '--ca', caFile, '--timeout', '3', `127.0.0.1:${port}`);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.target).toBe(`127.0.0.1:${port}`);
    expect(j.servername).toBe(NAME);
    expect(j.findings[0]).toEqual({
      slug: 'incomplete-certificate-chain',
      url: '/faq/incomplete-certificate-chain/',
      causes: ['missing-intermediate-chain'],
      severity: 'error',
      evidence: expect.stringContaining('the server sends 1 certificate'),
      id: 'chain-incomplete',
      title: expect.stringContaining('unable to get local issuer certificate'),
    });
    expect(j.chain).toHaveLength(1);
    expect(j.chain[0]).toMatchObject({ subject: `CN=${NAME}, O=Probe Test`, key: { type: 'RSA', bits: 2048 }, signatureAlgorithm: 'sha256WithRSAEncryption' });
    expect(j.chainSource).toBe('sent');
    expect(j.protocols).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    expect(j.alpn).toBe('h2');
    expect(j.ocsp).toEqual({ stapled: false });
    expect(j.trust.ca).toEqual({ roots: `--ca ${caFile} (1)`, verified: false, error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(j.clientCertificate).toEqual({ requested: false, required: false, caNames: null });
  });

  it('the text report: problems first, each with its entry URL under SITE_URL', async () => {
    const port = await serve({ key: pki.leaf.expired!.key, cert: pki.leaf.expired!.cert + pki.intermediate });
    vi.stubEnv('SITE_URL', 'https://kb.example/');
    try {
      const r = await cli('--servername', NAME, '--ca', caFile, `127.0.0.1:${port}`);
      expect(r.code).toBe(1);
      const lines = r.out.split('\n');
      expect(lines[0]).toMatch(new RegExp(`^127\\.0\\.0\\.1:${port}, SNI ${NAME.replace(/\./g, '\\.')}: \\d+\\.\\d\\d s$`));
      expect(r.out).toContain('1 problem:\n\n1. [error] Certificate expired  [expired]\n   the server\'s certificate (CN=www.probe.test) expired on');
      expect(r.out).toContain('   → Why is my certificate reported as expired (or not yet valid) although I renewed it?\n     https://kb.example/faq/certificate-expired-or-not-yet-valid/\n   cause: certificate expired or not yet valid (clock skew included)');
      expect(r.out.indexOf('Notes:')).toBeGreaterThan(r.out.indexOf('[error]'));
      expect(r.out).toContain('Certificate chain as sent (2, in order):');
      expect(r.out).toMatch(/Protocols\s+TLS 1\.0 no \(alert 70, tlsv1 alert protocol version\)/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('nothing wrong: exit 0', async () => {
    const port = await serve({ key: pki.leaf.good!.key, cert: pki.leaf.good!.cert + pki.intermediate, ALPNProtocols: ['h2', 'http/1.1'] });
    const r = await cli('--servername', NAME, '--ca', caFile, `127.0.0.1:${port}`);
    expect(r.out).toContain('No problems found.');
    expect(r.code).toBe(0);
  });

  it('a refused port and an unresolvable name: said in a sentence, exit 1', async () => {
    const port = await serve({ key: pki.leaf.good!.key, cert: pki.leaf.good!.cert });
    await new Promise((r) => servers.pop()!.close(r));
    const refused = await cli(`127.0.0.1:${port}`);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`Could not probe: 127.0.0.1:${port}: connection refused`);
    expect(refused.out).toContain('[error] Nothing accepts connections on this port');
    const invalid = await cli('--json', 'nonexistent.invalid');
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.out)).toMatchObject({ target: 'nonexistent.invalid:443', error: 'nonexistent.invalid does not resolve (.invalid never does, RFC 6761)', findings: [] });
  });
});

it('is reached through handshake-diagnose probe (scripts/diagnose.ts dispatches to it)', async () => {
  const tsx = pathToFileURL(createRequire(__filename).resolve('tsx')).href;
  const repo = path.join(__dirname, '..');
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
      execFile(process.execPath, ['--import', tsx, path.join(repo, 'scripts', 'diagnose.ts'), ...args], { cwd: repo }, (e, out, err) => resolve({ code: e ? (e as { code?: number }).code ?? 1 : 0, out, err })),
    );
  const help = await run(['probe', '--help']);
  expect(help.code).toBe(0);
  expect(help.out).toMatch(/^Usage: handshake-diagnose probe/);
  const bad = await run(['probe', 'no_such host']);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/^Not a host/);
  expect(fs.existsSync(path.join(repo, 'scripts', 'probe-cli.ts'))).toBe(true);
}, 60_000);
