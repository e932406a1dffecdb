import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const BIN = path.join(__dirname, '..', 'bin', 'handshake-diagnose.mjs');
const cli = (args: string[], input?: string | Buffer) =>
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
    // 3,000 distinct unknown codes: each listed, far more than a pipe's 64 KB buffer.
    const input = Array.from({ length: 3000 }, (_, i) => `${RENEG} AH${90000 + i}`).join('\n');
    const r = cli(['--json', '-'], input);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(JSON.parse(r.stdout).unknown).toHaveLength(3000);
  });

  it('a file read in parts on several threads tells what it tells read whole', () => {
    // Stories that cross the cuts, evidence, counts, unknown codes: the same JSON but for timing.
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const tid = 1000 + (i % 7);
      if (i % 5 === 0) lines.push(...RENEG.replaceAll('140522672846592', String(tid)).split('\n'));
      else lines.push(`[Thu Mar 23 15:0${i % 10}:00.000000 2017] [ssl:info] [pid 7:tid ${tid}] [client 192.0.2.9:${i}] AH01964: Connection to child ${i % 40} established (server www.example.com:443) AH9${String(i % 700).padStart(4, '0')}`);
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-parts-')), 'error_log');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const run = (jobs: string) => {
      const r = cli(['--json', '--jobs', jobs, file]);
      expect(r.status, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      return { j, same: { ...j, stats: { ...j.stats, seconds: 0, peakMemoryMB: 0, threads: 0 } } };
    };
    const one = run('1');
    expect(one.j.stats.threads).toBe(1);
    for (const jobs of ['2', '3']) {
      const parts = run(jobs);
      expect(parts.j.stats.threads).toBe(Number(jobs));
      expect(parts.same).toEqual(one.same);
    }
    expect(one.j.findings[0].story.steps.length).toBeGreaterThanOrEqual(3);
  });

  it('reads the knowledge base from its cache only while no entry changed', () => {
    // A copy of the content whose one entry gains, then loses, a symptom: each run sees the change.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-kb-'));
    fs.cpSync(path.join(__dirname, '..', 'content'), path.join(root, 'content'), { recursive: true });
    const entry = path.join(root, 'content', 'faq', 'no-shared-cipher.mdx');
    const original = fs.readFileSync(entry, 'utf8');
    const run = () => spawnSync(process.execPath, [BIN, '--json', '-'], { input: 'zqxv kestrel handshake failure', encoding: 'utf8', env: { ...process.env, HANDSHAKE_ROOT: root } });
    const slugs = () => JSON.parse(run().stdout).findings.map((f: { slug: string }) => f.slug);
    expect(slugs()).toEqual([]);
    fs.writeFileSync(entry, original.replace('symptoms:\n', 'symptoms:\n  - where: client\n    match: "zqxv kestrel handshake failure"\n'));
    expect(slugs()).toEqual(['no-shared-cipher']);
    expect(slugs()).toEqual(['no-shared-cipher']); // from the cache now
    fs.writeFileSync(entry, original);
    expect(slugs()).toEqual([]);
  });

  it('says what is wrong with bad arguments', () => {
    expect(cli(['--nope']).status).toBe(2);
    expect(cli(['--top', 'x']).stderr).toMatch(/--top wants a whole number/);
    expect(cli(['--jobs', '0']).status).toBe(2);
    expect(cli(['--top=1', '-'], RENEG).stdout).toMatch(/and 1 more \(--top N/);
    const missing = cli(['/no/such/file']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/No such file/);
  });

  describe('every file a user has: gzip, UTF-16, any line ends', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-enc-'));
    const write = (name: string, data: string | Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, data);
      return file;
    };
    const LOG = `${RENEG}\n`;
    /** The first finding, all of it: slug, evidence with its line numbers, times, story. */
    const first = (r: ReturnType<typeof cli>) => {
      expect(r.status, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      return { first: j.findings[0], decoded: j.decoded, lines: j.stats.lines };
    };
    const plain = () => first(cli(['--json', write('error_log', LOG)]));
    // PowerShell's `Get-Content error_log > copy.log` writes UTF-16LE with a BOM and CRLF.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG.replace(/\n/g, '\r\n'), 'utf16le')]);

    it('a gzipped rotated log (error.log.2.gz) finds what the plain file finds, and says it was gzip', () => {
      const want = plain();
      expect(want).toMatchObject({ decoded: 'utf-8', lines: 3, first: { slug: 'per-directory-client-certificate-renegotiation' } });
      const file = write('error.log.2.gz', gzipSync(LOG));
      expect(first(cli(['--json', file]))).toEqual({ ...want, decoded: 'gzip, utf-8' });
      expect(cli([file]).stdout).toMatch(/^\S+error\.log\.2\.gz \(gzip, utf-8\): 3 lines, 3 recognised/);
    });

    it('gzipped standard input (cat error.log.2.gz | handshake-diagnose)', () => {
      const want = plain();
      expect(first(cli(['--json', '-'], gzipSync(LOG)))).toEqual({ ...want, decoded: 'gzip, utf-8' });
      expect(cli([], gzipSync(LOG)).stdout).toMatch(/^standard input \(gzip, utf-8\): 3 lines, 3 recognised/);
    });

    it('a UTF-16LE file with a BOM and CRLF, as Windows PowerShell writes it; gzipped too', () => {
      const want = plain();
      const file = write('powershell.log', utf16);
      expect(first(cli(['--json', file]))).toEqual({ ...want, decoded: 'utf-16le' });
      expect(cli([file]).stdout).toMatch(/powershell\.log \(utf-16le\): 3 lines, 3 recognised/);
      expect(first(cli(['--json', '-'], gzipSync(utf16)))).toEqual({ ...want, decoded: 'gzip, utf-16le' });
    });

    it('UTF-16 cut into one-byte reads on standard input still decodes (odd bytes wait for their pair)', () => {
      const want = plain();
      // a pipe that delivers the bytes in tiny writes
      const script = `const b=Buffer.from(process.argv[1],'base64');let i=0;(function w(){if(i<b.length){process.stdout.write(b.subarray(i,i+=1),()=>setImmediate(w))}})()`;
      const r = spawnSync('bash', ['-c', `"${process.execPath}" -e "$0" "$1" | "${process.execPath}" "${BIN}" --json`, script, utf16.toString('base64')], { encoding: 'utf8', cwd: os.tmpdir() });
      expect(first(r)).toEqual({ ...want, decoded: 'utf-16le' });
    });

    it('lone CR line ends give the same lines, and line numbers, as the paste box', () => {
      const want = plain();
      expect(first(cli(['--json', write('mac.log', LOG.replace(/\n/g, '\r'))]))).toEqual(want);
    });

    it('a gzip file cut short is read up to the cut, with a note; xz is named, not misread', () => {
      const gz = gzipSync(LOG.repeat(200));
      const r = cli(['--json', write('cut.gz', gz.subarray(0, gz.length - 20))]);
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.findings[0].slug).toBe('per-directory-client-certificate-renegotiation');
      expect(j.decodeNotes).toEqual([expect.stringMatching(/gzip data ends early/)]);
      const xz = cli([write('error.log.3.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04]))]);
      expect(xz.status).toBe(1);
      expect(xz.stderr).toMatch(/is xz-compressed: decompress it first, e.g. xzcat \S+error\.log\.3\.xz \| handshake-diagnose/);
    });
  });
});
