import { describe, expect, it } from 'vitest';
import { insecureReasons } from './insecure';

describe('insecureReasons', () => {
  it('flags protocols and ciphers that are broken today', () => {
    expect(insecureReasons('SSLProtocol +SSLv2 +SSLv3 +TLSv1')).toEqual(['SSLProtocol enables SSLv2', 'SSLProtocol enables SSLv3']);
    expect(insecureReasons('SSLCipherSuite ALL:!ADH:RC4+RSA:+HIGH:+MEDIUM:+LOW:+SSLv2:+EXP')).toEqual([
      'SSLCipherSuite allows RC4+RSA',
      'SSLCipherSuite allows SSLv2',
      'SSLCipherSuite allows EXP',
    ]);
    expect(insecureReasons('SSLProxyCipherSuite EXP-RC4-MD5:NULL-SHA')).toHaveLength(2);
  });

  it('accepts modern settings and exclusions of weak ones', () => {
    expect(insecureReasons('SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1')).toEqual([]);
    expect(insecureReasons('SSLCipherSuite HIGH:!aNULL:!MD5:!RC4:!EXP')).toEqual([]);
    expect(insecureReasons('SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256')).toEqual([]);
    expect(insecureReasons('# SSLProtocol +SSLv3 (commented out)\nSSLEngine on')).toEqual([]);
  });
});
