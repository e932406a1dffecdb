import { line as fixtureLine } from './__fixtures__/lines';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import { buildMatcher, type Matcher } from './matcher';
import { DiagnoseSession } from './session';
import { buildKbIndex } from '@/lib/content/kb-index';
import { getEntries } from '@/lib/content/kb';
import { isCause } from '@/lib/content/causes';
import type { Diagnosis, KbIndex } from './types';

// Diagnosis against the real knowledge base in content/: the entry that explains a symptom must
// come first, and the finding must say why (evidence on the right line, the story, the causes).

const RENEG = 'ie11-cors-client-cert-renegotiation';
/** The general entry for a refused renegotiation: first when nothing points at IE 11's case. */
const GENERAL_RENEG = 'per-directory-client-certificate-renegotiation';
const HTTP_ON_HTTPS = 'browser-hangs-http-to-https-port';
const KEY_MISMATCH = 'key-matches-certificate';
const PASSPHRASE = 'passphrase-prompt-at-startup';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

let index: KbIndex;
let matcher: Matcher;
const run = (text: string): Diagnosis => diagnose(text, matcher);
const slugs = (d: Diagnosis) => d.findings.map((f) => f.slug);

beforeAll(() => {
  index = buildKbIndex(getEntries());
  matcher = buildMatcher(index);
});

describe('the knowledge base this suite relies on', () => {
  it('has the entries the expectations name', () => {
    const have = index.entries.map((e) => e.slug);
    for (const s of [RENEG, HTTP_ON_HTTPS, KEY_MISMATCH, PASSPHRASE, 'run-your-own-ca', 'test-certificate']) expect(have).toContain(s);
  });
});

describe('the right entry ranks first', () => {
  it.each([
    [
      'AH02261 (renegotiation refused)',
      '[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 139871202] [client 192.0.2.10:50112] AH02261: Re-negotiation handshake failed',
      GENERAL_RENEG,
    ],
    ['SSL23_GET_CLIENT_HELLO:unknown protocol, pasted bare', 'SSL23_GET_CLIENT_HELLO:unknown protocol', HTTP_ON_HTTPS],
    [
      'httpd 2.2 SSL Library Error with 140760FC',
      '[Mon Jan 12 10:00:00 2009] [error] [client 192.0.2.1] SSL Library Error: 336027900 error:140760FC:SSL routines:SSL23_GET_CLIENT_HELLO:unknown protocol speaking not SSL to HTTPS port!?',
      HTTP_ON_HTTPS,
    ],
    [
      'the inconsistent 140760EB ... unknown protocol (the words decide)',
      fixtureLine('openssl-140760eb-22'),
      HTTP_ON_HTTPS,
    ],
    ['error:0A00010B:SSL routines::wrong version number', 'error:0A00010B:SSL routines::wrong version number', HTTP_ON_HTTPS],
    [
      'OpenSSL 1.1.1 wrong version number in an httpd 2.4 line',
      '[Tue Mar 05 10:00:00.123456 2024] [ssl:info] [pid 1234:tid 140000000000001] SSL Library Error: error:1408F10B:SSL routines:ssl3_get_record:wrong version number',
      HTTP_ON_HTTPS,
    ],
    ['Chrome ERR_SSL_PROTOCOL_ERROR', 'This site can’t provide a secure connection. www.example.com sent an invalid response. ERR_SSL_PROTOCOL_ERROR', HTTP_ON_HTTPS],
    ['Firefox SSL_ERROR_RX_RECORD_TOO_LONG', 'Secure Connection Failed. Error code: SSL_ERROR_RX_RECORD_TOO_LONG', HTTP_ON_HTTPS],
    [
      'AH02565 key/certificate mismatch',
      '[Mon Nov 23 02:14:07.312118 2026] [ssl:emerg] [pid 2231] AH02565: Certificate and private key www.example.com:443:0 from /etc/pki/tls/certs/www.crt and /etc/pki/tls/private/www.key do not match',
      KEY_MISMATCH,
    ],
    // Note: remove-key-passphrase lists the same AH02578 symptom and scores the same; the
    // startup entry wins only on the alphabetical tie-break (see the report).
    [
      'AH02578 pass phrase at startup',
      '[Mon Nov 23 02:14:07.312118 2026] [ssl:error] [pid 1412:tid 1412] AH02578: Init: Unable to read pass phrase [Hint: key introduced or changed before restart?]',
      PASSPHRASE,
    ],
  ])('%s', (_what, line, slug) => {
    const d = run(line);
    expect(d.findings[0]?.slug, JSON.stringify(slugs(d))).toBe(slug);
    expect(d.findings[0]!.evidence.map((e) => e.line)).toContain(1);
  });

  it('the 400 page httpd sends to plain HTTP on an HTTPS port points at that entry', () => {
    const page = [
      '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">',
      '<html><head>',
      '<title>400 Bad Request</title>',
      '</head><body>',
      '<h1>Bad Request</h1>',
      '<p>Your browser sent a request that this server could not understand.<br />',
      "Reason: You're speaking plain HTTP to an SSL-enabled server port.<br />",
      ' Instead use the HTTPS scheme to access this URL, please.<br />',
      '</p>',
      '</body></html>',
    ].join('\n');
    const d = run(page);
    expect(d.findings[0]?.slug).toBe(HTTP_ON_HTTPS);
    expect(d.findings[0]!.evidence.map((e) => e.line)).toContain(7);
  });
});

describe('evidence names the line that matched', () => {
  it('cites the pasted line by its number and text, among noise', () => {
    const lines = [
      '192.0.2.1 - - [05/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5120',
      '[Tue Mar 05 10:00:00.100000 2024] [ssl:info] [pid 1234:tid 140000000000001] [client 203.0.113.5:51234] AH01964: Connection to child 1 established (server www.example.com:443)',
      '',
      '[Tue Mar 05 10:00:00.200000 2024] [ssl:emerg] [pid 2231] AH02565: Certificate and private key www.example.com:443:0 from /etc/pki/tls/certs/www.crt and /etc/pki/tls/private/www.key do not match',
      '192.0.2.1 - - [05/Mar/2024:10:00:01 +0000] "GET /favicon.ico HTTP/1.1" 404 196',
    ];
    const d = run(lines.join('\n'));
    const f = d.findings.find((x) => x.slug === KEY_MISMATCH)!;
    expect(f).toBeDefined();
    expect(f.evidence.length).toBeGreaterThan(0);
    for (const e of f.evidence) {
      expect(e.line).toBe(4);
      expect(e.text).toBe(lines[3]);
    }
    expect(f.evidence.map((e) => e.symptom)).toContain('AH02565');
  });

  it('counts the lines of a CRLF paste the way the user sees them', () => {
    const d = run('first line\r\nsecond line\r\nError code: SSL_ERROR_RX_RECORD_TOO_LONG\r\n');
    expect(d.findings[0]!.evidence[0]!.line).toBe(3);
    expect(d.tokens.map((t) => t.line)).toEqual([3]);
  });
});

describe('the #8051 excerpt: IE 11 refuses a renegotiation', () => {
  const MAIN_THREAD = 'pid 4242:tid 139871202';

  /** Line numbers (1-based) of the lines of one thread that carry the code. */
  const linesOf = (text: string, code: string, tid = 'tid 139871202') =>
    text
      .split('\n')
      .map((l, i) => (l.includes(tid) && l.includes(`${code}:`) ? i + 1 : 0))
      .filter(Boolean);

  for (const [name, file] of [
    ['as in the case entry (addresses kept)', '8051-case-excerpt.log'],
    ['as posted in the bug report (client addresses redacted to "[client]")', '8051-seed-excerpt.log'],
  ] as const) {
    describe(name, () => {
      let text: string;
      let d: Diagnosis;
      beforeAll(() => {
        text = fixture(file);
        d = run(text);
      });

      it('ranks the case first', () => {
        expect(d.findings[0]?.slug).toBe(RENEG);
        expect(d.findings[0]!.url).toBe('/cases/ie11-cors-client-cert-renegotiation/');
      });

      it('tells the story of one connection: AH02221, AH02226, AH02261 in log order', () => {
        const story = d.findings[0]!.story!;
        expect(story).toBeDefined();
        expect(story.connection).toBe(MAIN_THREAD);
        const codes = story.steps.map((s) => s.code);
        const at = ['AH02221', 'AH02226', 'AH02261'].map((c) => codes.indexOf(c));
        expect(at.every((i) => i >= 0), JSON.stringify(codes)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
        // steps in log order, each on a line of that thread that carries its code
        const nums = story.steps.map((s) => s.line);
        expect([...nums].sort((a, b) => a - b)).toEqual(nums);
        const lines = text.split('\n');
        for (const s of story.steps) {
          expect(lines[s.line - 1]).toContain(`${s.code}:`);
          expect(lines[s.line - 1]).toContain('tid 139871202');
        }
        expect(story.steps.find((s) => s.code === 'AH02261')!.message).toMatch(/^Re-negotiation handshake failed/);
      });

      it('a session fed line by line without templates (every line analysed) tells the same story', () => {
        const sum = new DiagnoseSession(index, { templates: 0 });
        for (const l of text.split('\n')) sum.add(l);
        const f = sum.result().findings[0]!;
        expect(f.slug).toBe(RENEG);
        expect(f.story).toEqual(d.findings[0]!.story);
      });

      it('leaves the interleaved second connection out of the story', () => {
        const other = text
          .split('\n')
          .map((l, i) => (l.includes('tid 139871309') ? i + 1 : 0))
          .filter(Boolean);
        expect(other.length).toBeGreaterThan(0);
        for (const s of d.findings[0]!.story!.steps) expect(other).not.toContain(s.line);
      });

      it('cites the lines of AH02221, AH02226 and AH02261 as evidence', () => {
        const cited = d.findings[0]!.evidence;
        for (const code of ['AH02221', 'AH02226', 'AH02261']) {
          const want = linesOf(text, code);
          expect(want).toHaveLength(1);
          expect(cited.find((e) => e.symptom === code)?.line, code).toBe(want[0]);
        }
      });

      it('explains every code of the excerpt; a code it does not know is listed at its first line', () => {
        // AH02034 and AH02041 (debug lines of every connection) have /errors/ pages now: nothing unknown.
        expect(d.unknown).toEqual([]);
        const withUnknown = `${text}\n[Mon Nov 23 10:15:31.000000 2026] [ssl:debug] [pid 4242:tid 139871202] AH02182: an example code\n`;
        const u = diagnose(withUnknown, index).unknown;
        expect(u.map((x) => [x.value, x.line])).toEqual([['AH02182', withUnknown.split('\n').findIndex((l) => l.includes('AH02182')) + 1]]);
      });

      it('keeps the two connections apart in the timeline', () => {
        const conns = d.timeline.map((t) => t.connection);
        expect(conns).toContain(MAIN_THREAD);
        expect(conns).toContain('pid 4242:tid 139871309');
        const main = d.timeline.find((t) => t.connection === MAIN_THREAD)!;
        expect(main.lines.map((l) => l.code)).toEqual(expect.arrayContaining(['AH02221', 'AH02226', 'AH02261']));
      });
    });
  }

  it('only the AH02261 line (default LogLevel warn): the general entry first, the case next, no story', () => {
    const line = fixture('8051-case-excerpt.log')
      .split('\n')
      .find((l) => l.includes('AH02261:'))!;
    const d = run(line);
    expect(d.findings[0]?.slug).toBe(GENERAL_RENEG);
    expect(d.findings.slice(0, 3).map((f) => f.slug)).toContain(RENEG);
    expect(d.findings[0]!.story).toBeUndefined();
  });

  it('no story from steps spread over different connections', () => {
    const d = run(
      [
        '[Mon Nov 23 10:15:30.298632 2026] [ssl:info] [pid 4242:tid 1] [client 192.0.2.10:50112] AH02221: Requesting connection re-negotiation',
        '[Mon Nov 23 10:15:30.298717 2026] [ssl:info] [pid 4242:tid 2] [client 192.0.2.10:50113] AH02226: Awaiting re-negotiation handshake',
        '[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 3] [client 192.0.2.10:50114] AH02261: Re-negotiation handshake failed',
      ].join('\n'),
    );
    expect(d.findings[0]?.slug).toBe(GENERAL_RENEG);
    expect(d.findings[0]!.story).toBeUndefined();
  });

  // A worker thread serves one client after another: one thread is not one connection.
  const step = (time: string, client: string, code: string, msg: string, level = 'info') =>
    `[Mon Nov 23 ${time} 2026] [ssl:${level}] [pid 4242:tid 7] [client ${client}] ${code}: ${msg}`;
  it('no story from three clients served by one thread', () => {
    const d = run(
      [
        step('10:15:30.100000', '192.0.2.10:50112', 'AH02221', 'Requesting connection re-negotiation'),
        step('10:15:31.100000', '198.51.100.4:40001', 'AH02226', 'Awaiting re-negotiation handshake'),
        step('10:15:32.100000', '203.0.113.9:33333', 'AH02261', 'Re-negotiation handshake failed', 'error'),
      ].join('\n'),
    );
    expect(d.findings.filter((f) => f.story)).toEqual([]);
  });

  it('no story from one client\'s steps hours apart, nor across the end of its connection', () => {
    const hoursApart = run(
      [
        step('10:15:30.100000', '192.0.2.10:50112', 'AH02221', 'Requesting connection re-negotiation'),
        step('10:15:30.200000', '192.0.2.10:50112', 'AH02226', 'Awaiting re-negotiation handshake'),
        step('14:02:11.000000', '192.0.2.10:50112', 'AH02261', 'Re-negotiation handshake failed', 'error'),
      ].join('\n'),
    );
    expect(hoursApart.findings.filter((f) => f.story)).toEqual([]);
    const closedBetween = run(
      [
        step('10:15:30.100000', '192.0.2.10:50112', 'AH02221', 'Requesting connection re-negotiation'),
        step('10:15:30.200000', '192.0.2.10:50112', 'AH02226', 'Awaiting re-negotiation handshake'),
        step('10:15:30.300000', '192.0.2.10:50112', 'AH01998', 'Connection closed to child 3 with abortive shutdown (server www.example.org:443)'),
        step('10:15:31.000000', '192.0.2.10:50112', 'AH02261', 'Re-negotiation handshake failed', 'error'),
      ].join('\n'),
    );
    expect(closedBetween.findings.filter((f) => f.story)).toEqual([]);
    // The same three steps, seconds apart, with no end between: a story.
    const story = run(
      [
        step('10:15:30.100000', '192.0.2.10:50112', 'AH02221', 'Requesting connection re-negotiation'),
        step('10:15:30.200000', '192.0.2.10:50112', 'AH02226', 'Awaiting re-negotiation handshake'),
        step('10:15:31.000000', '192.0.2.10:50112', 'AH02261', 'Re-negotiation handshake failed', 'error'),
      ].join('\n'),
    );
    expect(story.findings[0]!.story?.steps.map((x) => x.code)).toEqual(['AH02221', 'AH02226', 'AH02261']);
  });

  it('the 2.2 form of the same failure (no AH codes) still finds the case', () => {
    const d = run('[Mon Jan 12 10:00:00 2009] [error] [client 192.0.2.10] Re-negotiation handshake failed: Not accepted by client!?');
    expect(d.findings[0]?.slug).toBe(RENEG);
  });

  it('the IE side of it: "XMLHttpRequest: Network Error 0x4c7" finds the case', () => {
    const d = run(fixtureLine('ie-0x4c7-script'));
    expect(d.findings[0]?.slug).toBe(RENEG);
  });

  // Regression (was a bug): findStories takes the AH codes an entry lists as a sequence, duplicates included.
  // client-auth-fails-after-upgrade lists AH02039 four times (one per message variant), so three
  // AH02039 lines handled by one prefork child (same pid) become a three-step "story" of the
  // same line repeated, and +12 on the score. A story should need distinct steps.
  it('three repeats of one AH02039 line are not a story', () => {
    const line = (i: number) =>
      `[Wed Oct 11 14:32:5${i}.123456 2023] [ssl:info] [pid 4711] [client 198.51.100.${i}:40112] AH02039: Certificate Verification: Error (20): unable to get local issuer certificate`;
    const d = run([line(1), line(2), line(3)].join('\n'));
    // No entry gets a story (and its bonus) out of one repeated line; the first finding is one
    // that explains AH02039 itself.
    expect(d.findings.filter((f) => f.story)).toEqual([]);
    expect(d.findings[0]!.evidence.map((e) => e.symptom)).toContain('AH02039');
  });
});

describe('unknown codes are reported, never dropped', () => {
  const MADE_UP =
    '[Tue Mar 05 10:00:00.123456 2024] [ssl:error] [pid 1234:tid 140000000000001] [client 203.0.113.5:51234] AH02182: an example message';

  it('AH02182 (reserved for examples) is listed with its line and the nearest known AH codes', () => {
    const d = run(MADE_UP);
    expect(d.findings).toEqual([]);
    expect(d.unknown).toHaveLength(1);
    const u = d.unknown[0]!;
    expect(u).toMatchObject({ line: 1, value: 'AH02182', kind: 'ah-code' });
    expect(u.closest.length).toBeGreaterThan(0);
    const known = matcher.knownCodes.filter((k) => /^AH\d{5}$/.test(k));
    for (const c of u.closest) expect(known).toContain(c);
    // nearest by number first
    const dist = (c: string) => Math.abs(Number(c.slice(2)) - 2182);
    const best = Math.min(...known.map(dist));
    expect(dist(u.closest[0]!)).toBe(best);
    expect(u.closest.map(dist)).toEqual([...u.closest.map(dist)].sort((a, b) => a - b));
  });

  it('is still reported beside a known code, on its own line number', () => {
    const d = run(
      [
        '[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 139871202] [client 192.0.2.10:50112] AH02261: Re-negotiation handshake failed',
        MADE_UP,
      ].join('\n'),
    );
    expect(d.findings[0]?.slug).toBe(GENERAL_RENEG);
    expect(d.unknown.map((u) => [u.value, u.line])).toEqual([['AH02182', 2]]);
    expect(d.tokens.find((t) => t.value === 'AH02261')?.known).toBe(true);
    expect(d.tokens.find((t) => t.value === 'AH02182')?.known).toBeFalsy();
  });

  it('is listed once however often it repeats, at its first line', () => {
    const d = run(['noise', MADE_UP, MADE_UP, MADE_UP].join('\n'));
    expect(d.unknown.map((u) => [u.value, u.line])).toEqual([['AH02182', 2]]);
  });
});

describe('findings carry what the page shows', () => {
  it('title, summary, url and causes of the entry, and its fix', () => {
    const inputs = [
      fixture('8051-case-excerpt.log'),
      'error:0A00010B:SSL routines::wrong version number',
      '[Mon Nov 23 02:14:07.312118 2026] [ssl:emerg] [pid 2231] AH02565: Certificate and private key www.example.com:443:0 from /etc/pki/tls/certs/www.crt and /etc/pki/tls/private/www.key do not match',
    ];
    for (const input of inputs) {
      const d = run(input);
      expect(d.findings.length).toBeGreaterThan(0);
      for (const f of d.findings) {
        const e = index.entries.find((x) => x.slug === f.slug)!;
        expect(f.url).toBe(e.url);
        expect(f.url).toMatch(/^\/(faq|cases)\/[a-z0-9-]+\/$/);
        expect(f.title).toBe(e.title);
        expect(f.summary).toBe(e.summary);
        expect(f.causes).toEqual(e.causes);
        expect(f.causes.length).toBeGreaterThan(0);
        for (const c of f.causes) expect(isCause(c), c).toBe(true);
        expect(f.score).toBeGreaterThan(0);
      }
    }
    const reneg = run(fixture('8051-case-excerpt.log')).findings[0]!;
    expect(reneg.causes).toContain('renegotiation-client-cert-per-directory');
    expect(reneg.fix?.lang).toBe('apache');
    expect(reneg.fix?.code).toMatch(/SSLVerifyClient/);
  });
});

describe('distinct: what tells two findings apart', () => {
  it('one curl line matching two entries: each finding names the symptom only it has', () => {
    const d = run('curl: (60) SSL certificate problem: self signed certificate in certificate chain');
    expect(d.findings.length).toBeGreaterThan(1);
    for (const f of d.findings) expect(f.evidence[0]!.line, f.slug).toBe(1);
    // What one finding claims as its own, no other finding has.
    for (const f of d.findings)
      for (const g of d.findings) if (f !== g) for (const s of f.distinct) expect(g.distinct, `${f.slug} vs ${g.slug}`).not.toContain(s);
    expect(d.findings.some((f) => f.distinct.length > 0)).toBe(true);
  });

  // Regression (was a bug): distinct is filtered in place, one finding after the other, so each later finding is
  // compared with the already-filtered lists of the earlier ones. Two findings that share a
  // symptom (AH02578 is listed by passphrase-prompt-at-startup and remove-key-passphrase):
  // the first loses it, the second keeps it and claims it as what tells it apart.
  it('a symptom both findings share is distinct for neither', () => {
    const d = run('[Mon Nov 23 02:14:07.312118 2026] [ssl:error] [pid 1412:tid 1412] AH02578: Init: Unable to read pass phrase [Hint: key introduced or changed before restart?]');
    expect(slugs(d)).toEqual(expect.arrayContaining([PASSPHRASE, 'remove-key-passphrase']));
    for (const f of d.findings) expect(f.distinct, f.slug).not.toContain('AH02578');
  });

  // An entry may list one code in two symptoms (SSL23_GET_CLIENT_HELLO for "http request" and
  // for "unknown protocol"): the page must still show it once.
  it('no symptom is listed twice in distinct, and no line is cited twice for one symptom', () => {
    const f = run('SSL23_GET_CLIENT_HELLO:unknown protocol').findings[0]!;
    expect(f.distinct).toEqual([...new Set(f.distinct)]);
    const cites = f.evidence.map((e) => `${e.line}:${e.symptom}`);
    expect(cites).toEqual([...new Set(cites)]);
  });
});

describe('noise finds nothing', () => {
  it('access-log lines, prose and markup: no findings, no tokens, no unknowns', () => {
    const d = run(
      [
        '192.0.2.1 - - [05/Mar/2024:10:00:00 +0000] "GET /index.html HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"',
        '198.51.100.7 - alice [05/Mar/2024:10:00:01 +0000] "POST /api/v2/accounts HTTP/1.1" 201 87 "https://app.example.org/" "Mozilla/5.0"',
        'We moved the site to a new server last week and since then some visitors cannot log in.',
        '<script>alert(1)</script>',
      ].join('\n'),
    );
    expect(d.findings).toEqual([]);
    expect(d.tokens).toEqual([]);
    expect(d.unknown).toEqual([]);
    expect(d.stats.recognisedLines).toBe(0);
  });
});

describe('ranking rules taught by a real server', () => {
  it('an alert the log names outranks the connection noise around it (ssl:info)', () => {
    const d = run(
      [
        '[Fri Dec 04 10:00:00.000001 2026] [ssl:info] [pid 4000:tid 140001] [client 127.0.0.1:50000] AH01964: Connection to child 1 established (server www.example.test:443)',
        '[Fri Dec 04 10:00:00.000002 2026] [ssl:info] [pid 4000:tid 140001] [client 127.0.0.1:50000] AH02008: SSL library error 1 in handshake (server www.example.test:443)',
        '[Fri Dec 04 10:00:00.000003 2026] [ssl:info] [pid 4000:tid 140001] SSL Library Error: error:0A000415:SSL routines::sslv3 alert certificate expired (SSL alert number 45)',
        '[Fri Dec 04 10:00:00.000004 2026] [ssl:info] [pid 4000:tid 140001] [client 127.0.0.1:50000] AH01998: Connection closed to child 1 with abortive shutdown (server www.example.test:443)',
        '[Fri Dec 04 10:00:00.000005 2026] [ssl:info] [pid 4000:tid 140002] (70014)End of file found: [client 127.0.0.1:50001] AH02006: SSL handshake stopped: connection was closed',
      ].join('\n'),
    );
    expect(d.findings[0]?.slug).toBe('certificate-expired-or-not-yet-valid');
  });

  it('the same alert words mean the other side in curl\'s output: the client certificate was refused', () => {
    expect(run('curl: (56) OpenSSL SSL_read: OpenSSL/3.0.19: error:0A000418:SSL routines::tlsv1 alert unknown ca, errno 0').findings[0]?.slug).toBe('client-certificate-verification-failed');
  });

  it('curl: (56) … SSL_read … alert handshake failure came after the handshake: a refused renegotiation, not no shared cipher', () => {
    expect(run('curl: (56) OpenSSL SSL_read: OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure, errno 0').findings[0]?.slug).toBe('per-directory-client-certificate-renegotiation');
    // …while the same alert during the handshake (exit 35) is the cipher or protocol mismatch.
    expect(run('curl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure').findings[0]?.slug).toBe('no-shared-cipher');
  });

  it('a lone 403 page or s_client\'s usual "No client certificate CA names sent" makes no finding', () => {
    expect(run('HTTP/1.1 403 Forbidden').findings).toEqual([]);
    expect(run('No client certificate CA names sent').findings).toEqual([]);
  });

  it('a lone generic line still finds the entry that owns its code', () => {
    const d = run('[Fri Dec 04 10:00:00.000005 2026] [ssl:info] [pid 4000:tid 140002] (70014)End of file found: [client 127.0.0.1:50001] AH02006: SSL handshake stopped: connection was closed');
    expect(d.findings[0]?.slug).toBe('handshake-noise-from-scanners');
  });

  it('a historical entry yields to the current one on the same evidence', () => {
    const d = run('[Mon Nov 23 10:15:30.100000 2026] [ssl:emerg] [pid 1:tid 2] SSL Library Error: error:0A00018E:SSL routines::ca md too weak');
    expect(d.findings.map((f) => f.slug).slice(0, 2)).toEqual(['openssl-3-security-level', '2048-bit-key']);
  });
});
