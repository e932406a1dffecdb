import { describe, expect, it } from 'vitest';
import { codeFamily, codeParam, collectErrorCodes, findErrorCode, getErrorCodes, type CodeSource } from './codes';
import type { Symptom } from './schema';

function entry(slug: string, symptoms: Symptom[], status: CodeSource['status'] = 'current'): CodeSource {
  return { slug, title: `Title of ${slug}`, url: `/faq/${slug}/`, status, symptoms };
}

describe('collectErrorCodes', () => {
  it('groups one code across entries and case, keeping the most common spelling', () => {
    const codes = collectErrorCodes([
      entry('a', [{ where: 'server-log', codes: ['AH02261'], match: 'Re-negotiation handshake failed' }]),
      entry('b', [
        { where: 'server-log', codes: ['ah02261'], versions: 'httpd 2.4' },
        { where: 'client', codes: ['Wrong Version Number'] },
      ], 'historical'),
      entry('c', [
        { where: 'client', codes: ['wrong version number'], clients: ['curl'] },
        { where: 'client', codes: ['wrong version number', 'WRONG VERSION NUMBER'] },
      ]),
    ]);
    expect(codes.map((c) => c.code)).toEqual(['AH02261', 'wrong version number']);

    const ah = codes[0]!;
    expect(ah.appearances).toEqual([
      { slug: 'a', title: 'Title of a', url: '/faq/a/', status: 'current', where: 'server-log', match: 'Re-negotiation handshake failed' },
      { slug: 'b', title: 'Title of b', url: '/faq/b/', status: 'historical', where: 'server-log', versions: 'httpd 2.4' },
    ]);

    const wvn = codes[1]!;
    // one appearance per symptom, even when a symptom names the code twice
    expect(wvn.appearances.map((a) => a.slug)).toEqual(['b', 'c', 'c']);
    expect(wvn.appearances[1]!.clients).toEqual(['curl']);
    expect(wvn.param).toBe('wrong-version-number');
  });

  it('keeps the spelling met first when spellings are equally common', () => {
    const [c] = collectErrorCodes([entry('a', [{ where: 'browser', codes: ['0x4C7'] }]), entry('b', [{ where: 'browser', codes: ['0x4c7'] }])]);
    expect(c!.code).toBe('0x4C7');
    expect(c!.appearances).toHaveLength(2);
  });

  it('sorts Apache codes by number, then the rest alphabetically', () => {
    const codes = collectErrorCodes([
      entry('a', [{ where: 'server-log', codes: ['ssl3_get_record', 'AH10158', 'AH01998', 'ERR_SSL_PROTOCOL_ERROR', '0A00010B', 'AH02039'] }]),
    ]);
    expect(codes.map((c) => c.code)).toEqual(['AH01998', 'AH02039', 'AH10158', '0A00010B', 'ERR_SSL_PROTOCOL_ERROR', 'ssl3_get_record']);
  });

  it('makes params unique, also across case', () => {
    const codes = collectErrorCodes([
      entry('a', [{ where: 'client', codes: ['no shared cipher', 'no-shared-cipher', 'no shared  cipher!', 'No_Shared_Cipher', 'no_shared_cipher '] }]),
    ]);
    const params = Object.fromEntries(codes.map((c) => [c.code, c.param]));
    // 'No_Shared_Cipher' and 'no_shared_cipher' are one code; the others are different codes with one slug
    expect(codes).toHaveLength(4);
    expect(params['No_Shared_Cipher']).toBe('No_Shared_Cipher');
    expect(new Set(Object.values(params).map((p) => p.toLowerCase())).size).toBe(4);
    expect(Object.values(params).filter((p) => p.startsWith('no-shared-cipher')).sort()).toEqual([
      'no-shared-cipher',
      'no-shared-cipher-2',
      'no-shared-cipher-3',
    ]);
  });

  it('ignores entries without codes', () => {
    expect(collectErrorCodes([entry('a', [{ where: 'browser', match: 'bad data from the server' }])])).toEqual([]);
  });
});

describe('codeParam', () => {
  it.each([
    ['AH02261', 'AH02261'],
    ['wrong version number', 'wrong-version-number'],
    ['0x4c7', '0x4c7'],
    ['NET::ERR_CERT_AUTHORITY_INVALID', 'NET-ERR_CERT_AUTHORITY_INVALID'],
    ['  tlsv1 alert: unknown ca! ', 'tlsv1-alert-unknown-ca'],
    ['error:0A00010B:SSL routines::wrong version number', 'error-0A00010B-SSL-routines-wrong-version-number'],
    ['curl: (35)', 'curl-35'],
    ['..', 'code'],
    ['???', 'code'],
  ])('%s → %s', (code, param) => {
    expect(codeParam(code)).toBe(param);
  });
});

describe('codeFamily', () => {
  it.each([
    ['AH02261', 'apache'],
    ['AH10158', 'apache'],
    ['1408F10B', 'openssl'],
    ['0a00010b', 'openssl'],
    ['SSL23_GET_CLIENT_HELLO', 'openssl'],
    ['ssl3_get_record', 'openssl'],
    ['wrong version number', 'openssl'],
    ['tlsv1 alert unknown ca', 'openssl'],
    ['ERR_SSL_PROTOCOL_ERROR', 'browser'],
    ['NET::ERR_CERT_COMMON_NAME_INVALID', 'browser'],
    ['SSL_ERROR_RX_RECORD_TOO_LONG', 'browser'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'browser'],
    ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'browser'],
    ['PR_END_OF_FILE_ERROR', 'browser'],
    ['0x4c7', 'browser'],
    ['12157', 'browser'],
    ['CURLE_SSL_CONNECT_ERROR', 'client'],
    ['curl: (35)', 'client'],
    ['AH0226', 'other'],
    ['Unable to configure RSA server private key', 'other'],
  ] as const)('%s is %s', (code, family) => {
    expect(codeFamily(code)).toBe(family);
  });
});

describe('the codes of the knowledge base in content/', () => {
  const codes = getErrorCodes();

  it('says AH02261 is explained first by the entry that owns it, and by the IE11 CORS case', () => {
    const c = findErrorCode('AH02261')!;
    expect(c.family).toBe('apache');
    expect(c.meaning).toMatchObject({ slug: 'per-directory-client-certificate-renegotiation', level: 'error' });
    expect(c.appearances[0]!.url).toBe('/faq/per-directory-client-certificate-renegotiation/');
    expect(c.appearances.map((a) => a.slug)).toContain('ie11-cors-client-cert-renegotiation');
  });

  it('gives every code a unique, URL-safe param', () => {
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) {
      expect(c.param, c.code).toMatch(/^[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*$/);
      expect(c.param).not.toMatch(/^\.+$/);
      expect(findErrorCode(c.param)).toBe(c);
    }
    expect(new Set(codes.map((c) => c.param.toLowerCase())).size).toBe(codes.length);
  });

  it('lists each code once and every appearance under an existing entry', () => {
    expect(new Set(codes.map((c) => c.code.toLowerCase())).size).toBe(codes.length);
    for (const c of codes) expect(c.appearances.length, c.code).toBeGreaterThan(0);
  });

  it('is memoized', () => {
    expect(getErrorCodes()).toBe(codes);
  });
});
