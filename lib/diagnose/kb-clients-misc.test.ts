import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';

// Client outputs that belong to no single client family: curl's certificate-status check
// (printed by curl 7.88.1 against a server that sends no staple, run here).
const index = buildKbIndex(getEntries());
const first = (text: string) => diagnose(text, index).findings[0]?.slug;

describe('other clients, whole outputs', () => {
  it('curl --cert-status without a staple: the stapling entry', () => {
    expect(first('$ curl -sS --cert-status https://www.example.com/\ncurl: (91) No OCSP response received')).toBe('ocsp-stapling-errors');
  });

  it('…and names the Let\'s Encrypt entry too: since OCSP ended there, no staple can come', () => {
    const slugs = diagnose('curl: (91) No OCSP response received', index).findings.map((f) => f.slug);
    expect(slugs.slice(0, 2)).toEqual(['ocsp-stapling-errors', 'lets-encrypt-ocsp-end-must-staple']);
  });
});
