import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { getErrorCodes } from '../content/codes';
import { buildSearchRecords } from './records';
import { createSearch, looksLikeLogLine, normCode } from './query';

const search = createSearch(buildSearchRecords(getEntries(), getErrorCodes()));
const first = (q: string) => search(q)[0];

describe('search over the whole knowledge base', () => {
  it('finds an entry that explains a code first, in any case and spelling', () => {
    for (const q of ['AH02261', 'ah02261', ' AH02261 ']) {
      const hit = first(q)!;
      expect(hit.how).toBe('exact');
      expect(hit.record.kind).toBe('entry');
      expect(hit.record.codes).toContain('AH02261');
    }
    expect(first('err_ssl_protocol_error')!.record.codes.map(normCode)).toContain('err_ssl_protocol_error');
    expect(first('0a00010b')!.record.codes.map(normCode)).toContain('0a00010b');
  });

  it('forgives typos', () => {
    expect(first('renegotation')!.record.title).toMatch(/renegotiat|client certificate/i);
    expect(first('pasphrase')!.record.title).toMatch(/pass[- ]?phrase/i);
  });

  it('finds entries by directive', () => {
    expect(first('SSLCertificateChainFile')!.record.directives).toContain('SSLCertificateChainFile');
    expect(first('SSLVerifyClient')!.record.directives).toContain('SSLVerifyClient');
  });

  it('marks what matched', () => {
    const hit = search('passphrase').find((h) => h.how === 'fuzzy' && h.marks.title.length)!;
    const [a, b] = hit.marks.title[0]!;
    expect(hit.record.title.slice(a, b + 1).toLowerCase()).toMatch(/pass/);
  });

  it('returns nothing for nothing, and never throws on odd input', () => {
    expect(search('')).toEqual([]);
    expect(() => search('\u0000'.repeat(500) + '(((' + 'x'.repeat(10_000))).not.toThrow();
  });

  it('tells a pasted log line from a search', () => {
    expect(looksLikeLogLine('[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 1] AH02261: Re-negotiation handshake failed')).toBe(true);
    expect(looksLikeLogLine('curl: (60) SSL certificate problem: unable to get local issuer certificate')).toBe(true);
    expect(looksLikeLogLine('AH02261')).toBe(false);
    expect(looksLikeLogLine('renegotiation')).toBe(false);
  });
});
