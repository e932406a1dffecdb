import { describe, expect, it } from 'vitest';
import { pathWords, suggest } from './suggest';

const items = [
  { title: 'How do I check that a private key matches its certificate?', slug: 'key-matches-certificate', url: '/faq/key-matches-certificate/' },
  { title: 'How do I convert a certificate from PEM to DER?', slug: 'convert-pem-to-der', url: '/faq/convert-pem-to-der/' },
  { title: 'Why does my browser hang?', slug: 'browser-hangs-http-to-https-port', url: '/faq/browser-hangs-http-to-https-port/' },
];

describe('404 suggestions', () => {
  it('reads the words of a mistyped address, under a base path too', () => {
    expect(pathWords('/kb/faq/key-match-cert/', '/kb')).toBe('key match cert');
    expect(pathWords('/faq/%E0%A4%A/')).toBe('E0 A4 A');
  });

  it('puts the closest entry first', () => {
    expect(suggest(items, 'key match cert')[0]!.slug).toBe('key-matches-certificate');
    expect(suggest(items, 'pem der')[0]!.slug).toBe('convert-pem-to-der');
  });

  it('suggests nothing for nothing', () => {
    expect(suggest(items, '')).toEqual([]);
  });
});
