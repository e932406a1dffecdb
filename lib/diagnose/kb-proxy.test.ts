import { beforeAll, describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';
import type { KbIndex } from './types';

// OCSP, stapling, proxy-to-backend TLS, redirect loops, mixed content and mod_md: for each entry
// a line as users paste it (error_log line, browser page, client message) must rank that entry first.

let index: KbIndex;
beforeAll(() => {
  index = buildKbIndex(getEntries());
});

const first = (line: string) => diagnose(line, index).findings[0]?.slug;

describe('OCSP and stapling', () => {
  it.each([
    [
      'ocsp-stapling-errors',
      '[Thu May 02 03:06:38.713291 2019] [ssl:error] [pid 16491] AH01941: stapling_renew_response: responder error',
    ],
    [
      'ocsp-stapling-errors',
      '[Mon Nov 23 09:00:01.120331 2026] [ssl:emerg] [pid 3120:tid 140022] AH01958: SSLStapling: no stapling cache available',
    ],
    [
      'ocsp-stapling-errors',
      '[Mon Nov 23 09:00:01.118402 2026] [ssl:error] [pid 3120:tid 140022] AH02217: ssl_stapling_init_cert: can\'t retrieve issuer certificate! [subject: CN=www.example.com / issuer: CN=Example Issuing CA 2 / serial: 5A0F31 / notbefore: Oct  1 00:00:00 2026 GMT / notafter: Dec 30 23:59:59 2026 GMT]',
    ],
    [
      'lets-encrypt-ocsp-end-must-staple',
      '[Sat Nov 21 04:10:02.118731 2026] [ssl:error] [pid 1208:tid 140211] AH02218: ssl_stapling_init_cert: no OCSP URI in certificate and no SSLStaplingForceURL set [subject: CN=www.example.org / issuer: CN=R12,O=Let\'s Encrypt,C=US / serial: 04A1B2C3D4 / notbefore: Oct 22 04:09:30 2026 GMT / notafter: Jan 20 04:09:29 2027 GMT]',
    ],
    [
      'lets-encrypt-ocsp-end-must-staple',
      'Secure Connection Failed. An error occurred during a connection to www.example.org. A required TLS feature is missing. Error code: MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING',
    ],
    [
      'ocsp-responder-errors',
      "[Thu May 02 03:06:38.701122 2019] [ssl:error] [pid 40752] (101)Network is unreachable: [client 121.240.38.40:5858] AH01974: could not connect to OCSP responder 'ocsp.example-ca.com'",
    ],
    [
      'ocsp-responder-errors',
      '[Mon Nov 23 11:42:10.550921 2026] [ssl:error] [pid 5522:tid 1398] [client 198.51.100.23:61022] AH03239: OCSP validation completed, certificate status: revoked (1, 1) [subject: CN=alice,O=Example / issuer: CN=Example Client CA / serial: 1F22 / notbefore: Jan  1 00:00:00 2026 GMT / notafter: Jan  1 00:00:00 2027 GMT]',
    ],
  ])('%s ranks first', (slug, line) => {
    expect(first(line)).toBe(slug);
  });
});

describe('httpd as a TLS client of the backend', () => {
  it.each([
    [
      'proxy-https-backend-sslproxyengine',
      '[Tue Feb 23 16:03:30.014784 2021] [proxy:error] [pid 1414:tid 140447502526208] AH00961: HTTPS: failed to enable ssl support for 192.0.2.15:443 (backend.example.com)',
    ],
    [
      'proxy-https-backend-sslproxyengine',
      '[Tue Feb 23 16:03:30.014701 2021] [core:error] [pid 1414:tid 140447502526208] AH01961:  failed to enable ssl support [Hint: if using mod_ssl, see SSLProxyEngine]',
    ],
    [
      'proxy-https-backend-sslproxyengine',
      '[Thu Nov 16 01:33:10 2017] [error] [client 192.168.0.53] SSL Proxy requested for www.test-example.com:443 but not enabled [Hint: SSLProxyEngine]',
    ],
    [
      'proxy-backend-certificate-verification',
      '[Mon Nov 23 10:12:01.482211 2026] [proxy:error] [pid 3311:tid 140211] [client 203.0.113.9:50122] AH00898: Error during SSL Handshake with remote server returned by /app/',
    ],
    [
      'proxy-backend-certificate-verification',
      '[Mon Nov 23 10:12:01.480017 2026] [ssl:info] [pid 3311:tid 140211] [remote 10.0.0.12:443] AH02411: SSL Proxy: Peer certificate does not match for hostname 10.0.0.12',
    ],
    [
      'proxy-backend-sni',
      // ProxyPreserveHost On: the public name goes to the backend as SNI (AH02002 belongs to
      // sni-default-vhost-wrong-certificate, which covers missing SNI in general)
      "[Mon Nov 23 09:41:17.201934 2026] [ssl:trace3] [pid 2290:tid 139911] ssl_engine_io.c(1298): [remote 10.0.0.12:443] SNI extension for SSL Proxy request set to 'www.example.com'",
    ],
    [
      'proxy-backend-client-certificate',
      '[Mon Nov 23 12:03:44.019283 2026] [ssl:warn] [pid 4410:tid 140301] [remote 10.0.0.30:8443] AH02268: Proxy client certificate callback: (www.example.com:443) downstream server wanted client certificate but none are configured',
    ],
    [
      'proxy-backend-client-certificate',
      '[Mon Nov 23 12:10:02.771812 2026] [proxy_ajp:error] [pid 4411:tid 140302] [client 198.51.100.8:52211] AH00976: ajp_marshal_into_msgb: Error appending the SSL certificates',
    ],
  ])('%s ranks first', (slug, line) => {
    expect(first(line)).toBe(slug);
  });
});

describe('what browsers and clients report', () => {
  it.each([
    [
      'redirect-loop-behind-tls-proxy',
      "This page isn't working. www.example.com redirected you too many times. Try deleting your cookies. ERR_TOO_MANY_REDIRECTS",
    ],
    ['redirect-loop-behind-tls-proxy', 'curl: (47) Maximum (50) redirects followed'],
    [
      'mixed-content',
      "Mixed Content: The page at 'https://www.example.com/' was loaded over HTTPS, but requested an insecure script 'http://cdn.example.net/app.js'. This request has been blocked; the content must be served over HTTPS.",
    ],
    ['mixed-content', 'Blocked loading mixed active content “http://cdn.example.net/jquery.min.js”'],
  ])('%s ranks first', (slug, line) => {
    expect(first(line)).toBe(slug);
  });
});

describe('mod_md before the first certificate', () => {
  it.each([
    [
      'mod-md-fallback-certificate',
      '[Mon Nov 23 08:00:01.004512 2026] [md:debug] [pid 1001:tid 140001] mod_md.c(1212): AH10116: www.example.com: providing rsa fallback certificate for server www.example.com',
    ],
    [
      'mod-md-fallback-certificate',
      "[Mon Nov 23 08:00:01.009331 2026] [ssl:warn] [pid 1001:tid 140001] AH10085: Init: www.example.com:443 will respond with '503 Service Unavailable' for now. There are no SSL certificates configured and no other module contributed any.",
    ],
  ])('%s ranks first', (slug, line) => {
    expect(first(line)).toBe(slug);
  });
});
