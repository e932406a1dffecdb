// The benchmark's log generator: deterministic, its logs are what they promise, its command
// line is strict. Sizes and contents only: nothing here times anything.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, HOSTILE_CODE_BASE, HOSTILE_CODES, HOSTILE_HUGE_LINES, KINDS, MIB, parseArgs, records } from './gen-error-log.mjs';

const GEN = path.join(__dirname, 'gen-error-log.mjs');
const bytes = (rec: string | Buffer) => (typeof rec === 'string' ? Buffer.from(rec, 'utf8') : rec);
const firstLines = (kind: (typeof KINDS)[number], n: number, seed?: number) => {
  const out: Buffer[] = [];
  for (const rec of records({ kind, lines: n, seed })) out.push(bytes(rec));
  return out;
};
const gen = (args: string[], cwd: string) => spawnSync(process.execPath, [GEN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });

describe('gen-error-log: deterministic', () => {
  it.each(KINDS)('%s: the same seed gives the same first lines, another seed others', (kind) => {
    const a = firstLines(kind, 3000, 7);
    const b = firstLines(kind, 3000, 7);
    expect(a).toHaveLength(3000);
    expect(Buffer.concat(a).equals(Buffer.concat(b))).toBe(true);
    expect(Buffer.concat(firstLines(kind, 3000, 8)).equals(Buffer.concat(a))).toBe(false);
  });

  it('typical, seed 42, is the log the generator wrote before it had kinds (figures stay comparable)', () => {
    const [l1, l2] = firstLines('typical', 2).map(String);
    expect(l1).toBe('[Mon Nov 01 00:00:00.620521 2026] [ssl:info] [pid 10259:tid 140000914939761] [client 198.51.100.175:55061] AH02008: SSL library error 1 in handshake (server www.example.org:443)\n');
    expect(l2).toBe('[Mon Nov 01 00:00:00.756049 2026] [ssl:info] [pid 10259:tid 140000914939761] [client 198.51.100.175:55061] SSL Library Error: error:0A00010B:SSL routines::wrong version number\n');
  });

  it('the file on disk is what records() yields; a shorter typical or varied log is the start of a longer one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-'));
    for (const kind of KINDS) {
      expect(gen(['--kind', kind, '--lines', '2000', '--seed', '5', 'a.log'], dir).status).toBe(0);
      const file = fs.readFileSync(path.join(dir, 'a.log'));
      expect(file.equals(Buffer.concat(firstLines(kind, 2000, 5)))).toBe(true);
      // (the hostile log spreads its 1 MiB lines over its length, so its start depends on it)
      if (kind !== 'hostile') expect(Buffer.concat(firstLines(kind, 4000, 5)).subarray(0, file.length).equals(file)).toBe(true);
    }
    fs.rmSync(dir, { recursive: true });
  });
});

describe('gen-error-log: varied', () => {
  it('its first 10,000 lines are ≥ 95 % distinct without their time, and most messages differ even without pid and client', () => {
    const lines = firstLines('varied', 10_000).map(String);
    const noTime = lines.map((l) => l.replace(/^\[[^\]]*\] /, ''));
    expect(new Set(noTime).size / lines.length).toBeGreaterThanOrEqual(0.95);
    // The engine blanks [pid …], [client …] and [remote …] before it looks a message up.
    const message = noTime.map((l) => l.replace(/\[(?:pid|client|remote) [^\]]*\]/g, '[]'));
    expect(new Set(message).size / lines.length).toBeGreaterThanOrEqual(0.7);
  });

  it('carries the promised kinds of line, in httpd 2.4 form', () => {
    const text = firstLines('varied', 20_000).join('');
    for (const code of ['AH01964', 'AH02008', 'AH02039', 'AH02276', 'AH01909', 'AH00898', 'AH02032', 'AH01998', 'AH00135'])
      expect(text, code).toMatch(new RegExp(`^\\[\\w{3} \\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6} 2026\\] \\[[\\w_]+:\\w+\\] \\[pid \\d+:tid \\d+\\] .*${code}: `, 'm'));
    expect(text).toMatch(/\] SSL Library Error: error:0A000[0-9A-F]{3}:SSL routines::/);
    expect(text).toMatch(/AH02276: Certificate Verification: Error \(\d+\): [^[]+ \[subject: [^/]+ \/ issuer: [^/]+ \/ serial: [0-9A-F]+ \/ notbefore: \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT \/ notafter: \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT\]/);
    expect(text).toMatch(/AH00898: Error during SSL Handshake with remote server returned by \/\S*/);
    expect(text).toMatch(/AH01909: [\w.-]+:\d+:0 server certificate does NOT include an ID which matches the server name/);
    // Times never go back.
    const times = text.split('\n').filter(Boolean).map((l) => l.slice(1, 33)).filter((t) => /^\w{3} \w{3} \d\d [\d:.]{15} \d{4}$/.test(t)).map((t) => t.slice(11, 26));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });
});

describe('gen-error-log: hostile', () => {
  it('the 1,000,000-line log holds what it promises', () => {
    const kb = (dir: string): string =>
      fs.readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? kb(path.join(dir, d.name)) : fs.readFileSync(path.join(dir, d.name), 'latin1'))).join('\n');
    const known = new Set(kb(path.join(__dirname, '..', 'content')).match(/AH\d{5}/g));
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const unknown = new Set<string>();
    let n = 0, huge = 0, nulRuns = 0, invalid = 0, loneCR = 0, crlf = 0, cut = 0;
    const NUL_RUN = '\0'.repeat(1024);
    for (const rec of records({ kind: 'hostile', lines: DEFAULTS.lines })) {
      n++;
      // Text records are JavaScript strings (valid UTF-16, written as UTF-8); raw bytes come as
      // Buffers, read here byte for byte (latin1).
      const s = typeof rec === 'string' ? rec : rec.toString('latin1');
      if (s.indexOf('\n') !== s.length - 1) throw new Error(`record ${n} does not end with its only newline`);
      for (const m of s.matchAll(/AH[5-9]\d{4}(?!\d)/g)) unknown.add(m[0]);
      if (s.includes('\r')) {
        if (/\r(?!\n)/.test(s)) loneCR++;
        if (s.endsWith('\r\n')) crlf++;
      }
      if (s.length > 4096 && s.length < 4200) cut++;
      if (typeof rec === 'string') continue;
      if (rec.length >= MIB) huge++;
      if (s.includes(NUL_RUN)) nulRuns++;
      try {
        fatal.decode(rec);
      } catch {
        invalid++;
      }
    }
    expect(n).toBe(DEFAULTS.lines);
    expect(unknown.size).toBe(HOSTILE_CODES);
    expect([...unknown].every((c) => Number(c.slice(2)) >= HOSTILE_CODE_BASE && !known.has(c))).toBe(true);
    expect(huge).toBe(HOSTILE_HUGE_LINES);
    expect(nulRuns).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(10_000);
    expect(loneCR).toBeGreaterThan(10_000);
    expect(crlf).toBeGreaterThan(50_000);
    expect(cut).toBeGreaterThan(100);
  });
});

describe('gen-error-log: command line', () => {
  it('--help prints the usage and writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-'));
    const r = gen(['--help'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: node scripts\/gen-error-log\.mjs/);
    expect(r.stdout).toMatch(/--kind KIND/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an unknown option, a missing or bad value, a second file: an error, and never a file named like a flag', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-'));
    for (const args of [['--line', '10', 'x.log'], ['x.log', '--lines'], ['--lines'], ['--kind', 'odd', 'x.log'], ['--lines', '-5', 'x.log'], ['--lines', '1e3', 'x.log'], ['--seed', '99999999999', 'x.log'], ['-x'], ['--kind'], ['a.log', '10', 'b.log'], [], ['--lines=10']]) {
      const r = gen(args, dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/Usage:/);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reads --opt value, --opt=value and the old FILE LINES; - is standard output', () => {
    expect(parseArgs(['--kind=varied', '--lines', '1_000', '--seed=3', 'f.log'])).toMatchObject({ kind: 'varied', lines: 1000, seed: 3, file: 'f.log' });
    expect(parseArgs(['f.log', '2,000'])).toMatchObject({ kind: 'typical', lines: 2000, seed: 42, file: 'f.log' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-'));
    const r = gen(['--kind', 'varied', '--lines', '500', '-'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(501);
    expect(r.stderr).toMatch(/standard output: varied, 500 lines/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
