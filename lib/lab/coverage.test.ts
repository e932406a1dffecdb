// The knowledge base against what a real httpd and real clients print (content/lab/).
//
// 1. Every symptom of an entry the lab reproduces is either seen in a real capture, or scoped:
//    its `versions` says which other releases or clients print it, or its `clients` are clients
//    the lab does not run. A symptom the lab's own versions never print must not pass for today's.
// 2. Every AH code a real line shows and an entry explains (`logCodes`) has the level the real
//    line shows, unless the entry says that another release logs it at another level.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import type { Entry } from '../content/load';
import type { Symptom } from '../content/schema';
import { norm } from '../diagnose/text';
import { loadLab, RUN_FILE, scenarioFile, type Lab } from './load';

/** Clients the lab runs (curl, openssl s_client, Node, Chromium), by the names entries give them. */
export const LAB_CLIENTS = ['curl', 'openssl s_client', 's_client', 'node.js', 'node', 'chrome', 'chromium', 'edge', 'browsers'] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `needle` in `hay` with no letter or digit glued to either end (AH0226 is not in AH02261). */
const wholeWord = (needle: string) => new RegExp(`(?<![a-z0-9_])${escape(needle)}(?![a-z0-9_])`);

/** A `clients` item names a lab client: "Chrome", "curl with NSS", "Chrome on old Android"… */
export function namesLabClient(client: string): boolean {
  const c = norm(client);
  return LAB_CLIENTS.some((l) => wholeWord(l).test(c));
}

/** Every line the lab captured, normalised as the engine compares texts (lower case, single spaces). */
export function captureLines(lab: Lab): string[] {
  return lab.scenarios.flatMap((s) => s.captures.flatMap((c) => c.text.split(/\r?\n/).map(norm)));
}

/** Why a symptom is acceptable, or null when it is neither seen nor scoped. */
export function symptomCoverage(s: Symptom, lines: readonly string[]): 'seen' | 'versions' | 'other-clients' | null {
  const match = s.match ? norm(s.match) : undefined;
  if (match && lines.some((l) => l.includes(match))) return 'seen';
  const codes = (s.codes ?? []).map((c) => wholeWord(norm(c)));
  if (codes.some((re) => lines.some((l) => re.test(l)))) return 'seen';
  if (s.versions?.trim()) return 'versions';
  if (s.clients?.length && !s.clients.some(namesLabClient)) return 'other-clients';
  return null;
}

/** A real server line's module, level and first AH code: `[ssl:info] … AH02276: …`. */
export function realLevel(line: string): { module: string; level: string; code: string } | null {
  const m = /^\[[^\]]*\] \[([a-z0-9_]+):([a-z0-9]+)\]/i.exec(line);
  const code = /\b(AH\d{5})\b/.exec(line);
  return m && code ? { module: m[1]!, level: m[2]!.toLowerCase(), code: code[1]! } : null;
}

/** The entry says the code is logged at `level` somewhere (another release, another condition). */
export function mentionsLevel(text: string, level: string): boolean {
  return new RegExp(`\\bat ${level}\\b|\\b${level} level\\b|:${level}\\]`, 'i').test(text);
}

const lab = loadLab();
const env = lab.run?.environment;
const NO_LAB = `skipped: no ${path.join(lab.dir, RUN_FILE)} in this checkout, so nothing real to compare the entries with (run \`npx tsx lab/run.ts\` to capture it)`;
if (!lab.run) console.warn(`lib/lab/coverage.test.ts ${NO_LAB}`);

const entries = lab.run ? getEntries() : [];
const shownFile = (e: Entry) => path.join('content', e.file);
const label = (s: Symptom) =>
  [s.codes?.length ? `codes [${s.codes.join(', ')}]` : '', s.match !== undefined ? `match ${JSON.stringify(s.match)}` : ''].filter(Boolean).join(', ');

describe('symptomCoverage', () => {
  const lines = ['[ssl:info] [client 127.0.0.1:50000] ah02261: re-negotiation handshake failed', 'curl: (35) error:0a000410:ssl routines::sslv3 alert handshake failure'];
  it('accepts a symptom whose match or one of whose codes a capture shows', () => {
    expect(symptomCoverage({ where: 'server-log', match: 'Re-negotiation  handshake FAILED' }, lines)).toBe('seen');
    expect(symptomCoverage({ where: 'client', codes: ['0A000410', 'no-such-code'] }, lines)).toBe('seen');
  });
  it('refuses a symptom nothing shows, unless versions or clients scope it away from the lab', () => {
    const unseen: Symptom = { where: 'server-log', codes: ['AH0226'], match: 'Not accepted by client!?' };
    expect(symptomCoverage(unseen, lines)).toBeNull();
    expect(symptomCoverage({ ...unseen, versions: 'httpd 2.2' }, lines)).toBe('versions');
    expect(symptomCoverage({ ...unseen, clients: ['Firefox', 'Java'] }, lines)).toBe('other-clients');
    expect(symptomCoverage({ ...unseen, clients: ['Firefox', 'curl with NSS'] }, lines)).toBeNull();
    expect(symptomCoverage({ ...unseen, clients: ['Chrome on old Android'] }, lines)).toBeNull();
    expect(symptomCoverage({ ...unseen, clients: ['Node.js'] }, lines)).toBeNull();
  });
  it('reads the level of a real line and what an entry says about other levels', () => {
    expect(realLevel('[Fri Dec 04 10:00:00.000002 2026] [ssl:info] [pid 4000:tid 1] [client 127.0.0.1:50000] AH02276: x')).toEqual({ module: 'ssl', level: 'info', code: 'AH02276' });
    expect(realLevel('AH00526: Syntax error on line 3')).toBeNull();
    expect(mentionsLevel('logged at info from 2.4.60 on', 'info')).toBe(true);
    expect(mentionsLevel('an error, not a false result', 'error')).toBe(false);
  });
});

describe.skipIf(!lab.run)(lab.run ? `entries against the lab (httpd ${env!.httpd}, OpenSSL ${env!.openssl})` : `entries against the lab: ${NO_LAB}`, () => {
  const lines = captureLines(lab);
  const clients = env ? `curl ${env.curl}, openssl s_client, Node ${env.node}, Chromium ${env.chromium}` : '';

  it('every symptom of a reproduced entry is seen in a real capture, or scoped by versions or clients', () => {
    const scenariosOf = new Map<string, Set<string>>();
    for (const s of lab.scenarios)
      for (const slug of [s.entry, ...s.captures.flatMap((c) => (c.entry ? [c.entry] : []))])
        scenariosOf.set(slug, (scenariosOf.get(slug) ?? new Set()).add(s.id));
    const reproduced = entries.filter((e) => scenariosOf.has(e.slug));
    expect(reproduced.length, 'the lab names entries that the knowledge base has').toBeGreaterThan(0);

    const problems: string[] = [];
    let checked = 0;
    for (const e of reproduced)
      e.symptoms.forEach((s, i) => {
        checked++;
        if (symptomCoverage(s, lines)) return;
        problems.push(
          `${shownFile(e)}: symptoms[${i}] (${label(s)}) appears in no capture of the lab (httpd ${env!.httpd}, OpenSSL ${env!.openssl}; ${clients}; ` +
            `scenarios for this entry: ${[...scenariosOf.get(e.slug)!].join(', ')}). Either write the wording a capture shows, ` +
            `or add versions: naming the releases or clients that print this text (or list in clients: the other clients that show it)`,
        );
      });
    expect(checked).toBeGreaterThan(0);
    if (problems.length) expect.fail(`${problems.length} of ${checked} symptoms are neither seen nor scoped:\n${problems.join('\n')}`);
  });

  it('every AH code a real line shows is explained at the level it was logged at', () => {
    const owners = new Map(entries.flatMap((e) => e.logCodes.map((lc) => [lc.code, { e, lc }] as const)));
    // One problem per entry, code and real level: the first line that shows it, and how many do.
    const problems = new Map<string, { text: string; lines: number }>();
    let compared = 0;
    for (const s of lab.scenarios)
      for (const c of s.captures) {
        if (c.source !== 'server-log' && c.source !== 'startup') continue;
        for (const line of c.text.split(/\r?\n/)) {
          const real = realLevel(line.trim());
          const owner = real && owners.get(real.code);
          if (!real || !owner) continue;
          compared++;
          if (owner.lc.level === real.level) continue;
          const said = [owner.lc.meaning, ...(owner.lc.wording ?? [])].join(' ');
          if (mentionsLevel(said, real.level)) continue;
          const key = `${owner.e.file} ${real.code} ${real.level}`;
          const seen = problems.get(key);
          if (seen) seen.lines++;
          else
            problems.set(key, {
              lines: 1,
              text:
                `${shownFile(owner.e)}: logCodes ${real.code} says level ${owner.lc.level}, but httpd ${env!.httpd} logged [${real.module}:${real.level}] ` +
                `(first in ${scenarioFile(lab, s.id)}, ${c.source}: ${line.trim().slice(0, 160)}). Write level: ${real.level}, or say in meaning which release logs it at ${owner.lc.level}`,
            });
        }
      }
    expect(compared).toBeGreaterThan(0);
    const list = [...problems.values()].map((p) => `${p.text} [${p.lines} real line${p.lines === 1 ? '' : 's'}]`);
    if (list.length) expect.fail(`${list.length} logCodes levels differ from the real lines (${compared} lines compared):\n${list.join('\n')}`);
  });
});
