import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { ContentError } from '../content/problems';
import { capturedLinesForCode, loadLab, scenariosForEntry, type Lab } from './load';
import { labMisses, labSummary } from './summary';
import type { LabScenario } from './types';

const FIXTURES = path.join(__dirname, '__fixtures__');
const GOOD = path.join(FIXTURES, 'good');
const good = () => loadLab(GOOD);

const entries = getEntries();
const index = buildKbIndex(entries);
const slugs = entries.map((e) => e.slug);

/** A throw-away lab directory: lab.json (or none) plus scenario files. */
function labDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-'));
  for (const [name, data] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
  return dir;
}
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(GOOD, name), 'utf8'));
const runOf = (...scenarios: string[]) => ({ ...fixture('lab.json'), scenarios });
const problemsOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as Error).message;
  }
  throw new Error('expected a ContentError');
};

describe('loadLab', () => {
  it('reads lab.json and its scenarios, in the order lab.json lists them', () => {
    const lab = good();
    expect(lab.run?.environment).toMatchObject({ httpd: '2.4.71', openssl: '3.0.19', os: 'Debian GNU/Linux 12 (bookworm)', date: '2026-12-04' });
    expect(lab.scenarios.map((s) => s.id)).toEqual(['key-cert-mismatch', 'plain-http-on-tls-port', 'per-location-verify-client']);
    expect(lab.scenarios[1]!.captures.map((c) => c.source)).toEqual(['curl', 'chromium', 'server-log']);
  });

  it('loads each directory once per process', () => {
    expect(loadLab(GOOD)).toBe(loadLab(path.join(GOOD, '.')));
  });

  it('without lab.json there is no lab, whatever else the directory holds', () => {
    expect(loadLab(path.join(os.tmpdir(), 'no-such-lab-dir'))).toMatchObject({ run: null, scenarios: [] });
    // A half-written run (scenario files, no lab.json yet) must not break the build either.
    expect(loadLab(labDir({ 'key-cert-mismatch.json': { id: 'key-cert-mismatch' } }))).toMatchObject({ run: null, scenarios: [] });
  });

  it('stops on a malformed capture file, naming the file and each bad field', () => {
    const msg = problemsOf(() => loadLab(path.join(FIXTURES, 'malformed')));
    expect(msg).toMatch(/lib\/lab\/__fixtures__\/malformed\/plain-http-on-tls-port\.json: captures\[1\]\.source: .*"chromium"/);
    expect(msg).toMatch(/plain-http-on-tls-port\.json: fix\.verified: .*boolean/);
  });

  it('stops on broken JSON, a bad lab.json, a wrong id and files lab.json does not account for', () => {
    const scenario = fixture('key-cert-mismatch.json');
    expect(problemsOf(() => loadLab(labDir({ 'lab.json': runOf('x'), 'x.json': '{ "id": "x",' })))).toMatch(/x\.json: JSON: not valid JSON/);
    expect(problemsOf(() => loadLab(labDir({ 'lab.json': { ...runOf(), environment: { os: 'Debian 12' } } })))).toMatch(/lab\.json: environment\.httpd: /);
    expect(problemsOf(() => loadLab(labDir({ 'lab.json': runOf('other'), 'other.json': scenario })))).toMatch(/other\.json: id: "key-cert-mismatch" differs from the file name/);
    expect(problemsOf(() => loadLab(labDir({ 'lab.json': runOf('gone') })))).toMatch(/lab\.json: scenarios\[0\]: "gone" is listed but .*gone\.json does not exist/);
    expect(problemsOf(() => loadLab(labDir({ 'lab.json': runOf(), 'key-cert-mismatch.json': scenario })))).toMatch(/key-cert-mismatch\.json: id: .*not listed/);
  });
});

describe('scenariosForEntry', () => {
  const ids = (slug: string) => scenariosForEntry(slug, good()).map((s) => s.id);
  it('finds a scenario by its entry and by the entry of one of its captures', () => {
    expect(ids('key-matches-certificate')).toEqual(['key-cert-mismatch']);
    expect(ids('per-directory-client-certificate-renegotiation')).toEqual(['per-location-verify-client']);
    expect(ids('ie11-cors-client-cert-renegotiation')).toEqual(['per-location-verify-client']);
    expect(ids('supported-ciphers')).toEqual([]);
  });
  it('finds nothing when the lab has not run', () => {
    expect(scenariosForEntry('key-matches-certificate', { run: null, scenarios: [], dir: 'content/lab' })).toEqual([]);
  });
});

describe('capturedLinesForCode', () => {
  it('returns the real server lines with the code, from the log and from start-up', () => {
    const [startup] = capturedLinesForCode('AH02565', good());
    expect(startup).toMatchObject({ source: 'startup', scenario: { id: 'key-cert-mismatch' } });
    expect(startup!.line).toMatch(/^\[Fri Dec 04 .*\] \[ssl:emerg\] .*AH02565: Certificate and private key .* do not match$/);
    expect(capturedLinesForCode('ah02261', good()).map((l) => l.source)).toEqual(['server-log']);
  });

  it('ignores client output, other codes and codes that are not AH codes', () => {
    expect(capturedLinesForCode('AH02039', good())).toEqual([]);
    expect(capturedLinesForCode('0A00009C', good())).toEqual([]);
    // AH0226 is a prefix of AH02261, not a code of it.
    expect(capturedLinesForCode('AH0226', good())).toEqual([]);
  });

  it('keeps the first few, each message once', () => {
    const at = (t: number, client: number, server: string) =>
      `[Fri Dec 04 10:00:00.00000${t} 2026] [ssl:info] [pid 4000:tid 14000${t}] [client 127.0.0.1:5000${client}] AH01964: Connection to child ${client} established (server ${server}:443)`;
    const s = (id: string, text: string): LabScenario => ({
      id, title: id, entry: 'browser-hangs-http-to-https-port', logLevel: 'warn ssl:info', config: 'SSLEngine on',
      captures: [{ source: 'curl', command: 'curl', text: at(0, 0, 'client.example.test') }, { source: 'server-log', command: 'tail', text }],
    });
    const lab: Lab = {
      run: good().run, dir: 'x',
      // Lines that differ in time, thread, port, child number and host name only are one message;
      // another wording of the same code is another.
      scenarios: [
        s('a', `${at(1, 0, 'www.example.test')}\r\n${at(2, 1, 'www.example.test')}`),
        s('b', at(3, 2, 'api.example.test')),
        s('c', `${at(4, 3, 'mail.example.test').replace(/ \(server .*\)$/, '')}`),
        s('d', `${at(5, 4, 'www.example.test').replace('established', 'set up')}`),
      ],
    };
    expect(capturedLinesForCode('AH01964', lab).map((l) => l.scenario.id)).toEqual(['a', 'c', 'd']);
    expect(capturedLinesForCode('AH01964', lab)[0]!.line).toBe(at(1, 0, 'www.example.test'));
    expect(capturedLinesForCode('AH01964', lab, 1)).toHaveLength(1);
  });
});

describe('labSummary', () => {
  it('counts the fixture run against the real knowledge base', () => {
    expect(labSummary(good(), index, slugs)).toEqual({
      scenarios: 3,
      // key-matches-certificate, browser-hangs-…, per-directory-…, and the case a capture names
      entriesReproduced: 4,
      // 8 captures, 2 marked uninformative
      captures: 6,
      capturesDiagnosedFirst: 5,
      snippetsChecked: 42,
      snippetsFailing: 1,
      fixesVerified: 2,
    });
  });

  it('lists the capture the engine ranks wrongly, with what it ranked instead', () => {
    // A bare "403 Forbidden" cannot point at the per-location renegotiation: a real miss.
    const misses = labMisses(good(), index);
    expect(misses).toEqual([
      {
        scenario: 'per-location-verify-client', capture: 0, source: 'curl',
        file: path.join(path.relative(process.cwd(), GOOD), 'per-location-verify-client.json'),
        expected: 'per-directory-client-certificate-renegotiation', got: misses[0]!.got,
      },
    ]);
    expect(misses[0]!.got).not.toBe('per-directory-client-certificate-renegotiation');
  });

  it('an AH line the knowledge base explains ranks the entry that owns the code', () => {
    const owner = entries.find((e) => e.logCodes.some((c) => c.code === 'AH02565'))!;
    const line = capturedLinesForCode('AH02565', good())[0]!.line;
    const lab: Lab = {
      run: good().run, dir: 'x',
      scenarios: [{ id: 's', title: 's', entry: owner.slug, logLevel: 'warn', config: 'SSLEngine on', captures: [{ source: 'startup', command: 'apache2 -t', text: line }] }],
    };
    expect(labSummary(lab, index, slugs)).toMatchObject({ captures: 1, capturesDiagnosedFirst: 1, entriesReproduced: 1 });
    expect(labMisses(lab, index)).toEqual([]);
  });

  it('is all zeros when the lab has not run', () => {
    expect(labSummary({ run: null, scenarios: [], dir: 'content/lab' }, index, slugs)).toEqual({
      scenarios: 0, entriesReproduced: 0, captures: 0, capturesDiagnosedFirst: 0, snippetsChecked: 0, snippetsFailing: 0, fixesVerified: 0,
    });
  });

  it('stops on an entry slug that does not exist, naming the lab file and the field', () => {
    const msg = problemsOf(() => labSummary(loadLab(path.join(FIXTURES, 'unknown-entry')), index, slugs));
    expect(msg).toMatch(/unknown-entry\/key-cert-mismatch\.json: entry: unknown entry "key-matches-certificat"/);
    expect(msg).toMatch(/unknown-entry\/key-cert-mismatch\.json: captures\[1\]\.entry: unknown entry "no-such-entry"/);
  });
});

describe('npm run check:content with a lab', () => {
  // The real entries beside a fixture lab: --root makes it a tree of its own.
  const tree = (lab: string) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-lab-'));
    for (const d of ['faq', 'cases']) fs.cpSync(path.join(process.cwd(), 'content', d), path.join(root, d), { recursive: true });
    fs.cpSync(path.join(FIXTURES, lab), path.join(root, 'lab'), { recursive: true });
    return root;
  };
  const check = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../scripts/check-content.ts'), '--root', root, ...args], { encoding: 'utf8' });

  it('adds the lab figures to the summary and the text output', () => {
    const root = tree('good');
    const json = check(root, '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).lab).toMatchObject({ scenarios: 3, captures: 6, capturesDiagnosedFirst: 5, fixesVerified: 2 });
    const text = check(root).stdout;
    expect(text).toMatch(/^lab \(2026-12-04\): 3 scenarios reproduce 4 entries; 5\/6 captures diagnosed first; 2 fixes verified; 42 snippets checked, 1 failing$/m);
    expect(text).toMatch(/lab miss: .*per-location-verify-client\.json: captures\[0\] \(curl\): expected per-directory-client-certificate-renegotiation first/);
  });

  it('fails on an entry slug the knowledge base does not have', () => {
    const r = check(tree('unknown-entry'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/lab\/key-cert-mismatch\.json: entry: unknown entry "key-matches-certificat"/);
  });
});
