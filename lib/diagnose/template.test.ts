import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { loadLab } from '../lab/load';
import { buildMatcher, matchLine } from './matcher';
import { recogniseLine } from './recognise';
import { cleanLine, template } from './text';

// template() is the CLI's cache key: lines with one template are analysed once, as the first of
// them. On real lines, two lines that share a template must get the same diagnosis.
const m = buildMatcher(buildKbIndex(getEntries()));
const lab = loadLab();
const fixtures = path.join(__dirname, '__fixtures__');
const corpus = [
  ...lab.scenarios.flatMap((s) => s.captures.flatMap((c) => c.text.split(/\r?\n/))),
  ...fs.readdirSync(fixtures).filter((f) => /\.(log|txt)$/.test(f)).flatMap((f) => fs.readFileSync(path.join(fixtures, f), 'utf8').split('\n')),
].filter((l) => l.trim());

function diagnosis(line: string): string {
  const text = cleanLine(line);
  const tokens = recogniseLine(text, 1);
  const hits = matchLine(m, text, tokens).map((h) => `${h.pattern.entry}:${h.pattern.symptom}`);
  const unknown = tokens.filter((t) => !t.known).map((t) => t.value);
  return JSON.stringify([[...new Set(hits)].sort(), unknown.sort()]);
}

describe('template(): the CLI cache key', () => {
  it('masks what varies from line to line and keeps what names the problem', () => {
    const a = template('[Fri Dec 04 10:00:00.000003 2026] [ssl:info] [pid 4000:tid 140001] [client 203.0.113.7:50001] AH02276: Certificate Verification: Error (20): unable to get local issuer certificate [subject: O=Lab,CN=alice / issuer: CN=Client CA / serial: 1A84 / notbefore: Dec  2 00:00:00 2026 GMT / notafter: Mar  4 00:00:00 2027 GMT]');
    const b = template('[Sat Dec 05 11:12:13.141516 2026] [ssl:info] [pid 17:tid 99] [client 198.51.100.9:40404] AH02276: Certificate Verification: Error (20): unable to get local issuer certificate [subject: O=Other,CN=bob / issuer: CN=Another CA / serial: 0F / notbefore: Jan  1 10:00:00 2025 GMT / notafter: Jan  1 10:00:00 2026 GMT]');
    expect(a).toBe(b);
    expect(template('AH00898: Error during SSL Handshake with remote server returned by /shop/cart/42')).toBe(template('AH00898: Error during SSL Handshake with remote server returned by /api/v2/users'));
    expect(template('AH02032: Hostname www.example.org (default host as no SNI was provided) and hostname api.example.org provided via HTTP have no compatible SSL setup')).toBe(
      template('AH02032: Hostname shop.example.net (default host as no SNI was provided) and hostname blog.example.net provided via HTTP have no compatible SSL setup'),
    );
    // What names the problem is kept apart.
    expect(template('AH02261: Re-negotiation handshake failed')).not.toBe(template('AH02262: Re-negotiation handshake failed'));
    expect(template('SSL Library Error: error:0A000418:SSL routines::tlsv1 alert unknown ca')).not.toBe(template('SSL Library Error: error:0A000415:SSL routines::sslv3 alert certificate expired'));
    expect(template('Certificate Verification: Error (20): x')).not.toBe(template('Certificate Verification: Error (10): x'));
    expect(template("Invalid command 'SSLMutex', perhaps misspelled")).not.toBe(template("Invalid command 'SSLEngine', perhaps misspelled"));
    expect(template('Cannot load /usr/lib/apache2/modules/mod_ssl.so into server')).not.toBe(template('Cannot load /usr/lib/apache2/modules/mod_md.so into server'));
  });

  it(`lines that share a template get the same diagnosis (${corpus.length} real lines)`, () => {
    const byTemplate = new Map<string, Map<string, string>>();
    for (const line of corpus) {
      const t = template(line);
      const g = byTemplate.get(t) ?? new Map<string, string>();
      if (g.size < 20) g.set(line, diagnosis(line));
      byTemplate.set(t, g);
    }
    const split = [...byTemplate.values()].filter((g) => new Set(g.values()).size > 1).map((g) => [...g.keys()].slice(0, 2));
    expect(split).toEqual([]);
    // And the masking is worth it: real lines collapse.
    expect(byTemplate.size).toBeLessThan(new Set(corpus).size * 0.8);
  });
});
