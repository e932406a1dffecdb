import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';

// Client-certificate entries: for each, a line as users paste it must rank that entry first.
const index = buildKbIndex(getEntries());
const top = (line: string) => diagnose(line, index).findings[0]?.slug;

const cases: [slug: string, line: string][] = [
  [
    'per-directory-client-certificate-renegotiation',
    '[Mon Nov 23 10:15:02.402117 2026] [ssl:debug] [pid 3120:tid 139912] ssl_engine_kernel.c(984): [client 203.0.113.7:51522] AH02260: Performing full renegotiation: complete handshake protocol (client does not support secure renegotiation)',
  ],
  [
    'per-directory-client-certificate-renegotiation',
    '[Mon Nov 23 10:15:02.403001 2026] [ssl:error] [pid 3120:tid 139912] [client 203.0.113.7:51522] AH02225: Re-negotiation request failed',
  ],
  [
    'per-directory-client-certificate-renegotiation',
    'Get "https://portal.example.com/secret": local error: tls: no renegotiation',
  ],
  [
    'tls13-post-handshake-auth',
    '[Mon Nov 23 11:02:17.118310 2026] [ssl:error] [pid 2211:tid 140190] [client 198.51.100.23:60412] AH10158: cannot perform post-handshake authentication',
  ],
  [
    'tls13-post-handshake-auth',
    "You don't have permission to access this resource.Reason: Cannot perform Post-Handshake Authentication.",
  ],
  [
    'http2-client-certificate-http-1-1-required',
    '* HTTP/2 stream 1 was not closed cleanly: HTTP_1_1_REQUIRED (err 13)',
  ],
  [
    'http2-client-certificate-http-1-1-required',
    '[Mon Nov 23 12:40:55.902114 2026] [http2:debug] [pid 4410:tid 139877] h2_headers.c(168): [client 192.0.2.44:52918] AH10399: h2_headers(17): renegotiate forbidden, cause: verify-client',
  ],
  [
    'http2-client-certificate-http-1-1-required',
    'okhttp3.internal.http2.StreamResetException: stream was reset: HTTP_1_1_REQUIRED',
  ],
  [
    'renegotiation-buffer-413',
    '[Mon Nov 23 13:05:41.224871 2026] [ssl:error] [pid 5120:tid 140051] [client 203.0.113.50:40112] AH02018: request body exceeds maximum size (131072) for SSL buffer',
  ],
  [
    'renegotiation-buffer-413',
    '[Mon Nov 23 13:05:41.224930 2026] [ssl:error] [pid 5120:tid 140051] [client 203.0.113.50:40112] AH02257: could not buffer message body to allow SSL renegotiation to proceed',
  ],
  [
    'renegotiation-buffer-413',
    '[Mon Nov 23 13:05:41.224930 2026] [ssl:error] [pid 5120:tid 140051] [client 203.0.113.50:40112] AH10228: could not buffer message body to allow TLS Post-Handshake Authentication to proceed',
  ],
  [
    'client-certificate-verification-failed',
    '[Mon Nov 23 14:21:09.331822 2026] [ssl:error] [pid 6102:tid 140380] [client 192.0.2.81:55020] AH02039: Certificate Verification: Error (10): certificate has expired',
  ],
  [
    'client-certificate-verification-failed',
    '[Mon Nov 23 14:25:40.100200 2026] [ssl:error] [pid 6102:tid 140381] [client 192.0.2.81:55031] AH02229: access to /srv/www/admin failed, reason: SSL requirement expression not fulfilled',
  ],
  [
    'client-certificate-chain-too-long',
    '[Mon Nov 23 15:02:44.610219 2026] [ssl:error] [pid 7012:tid 139940] [client 198.51.100.9:49233] AH02040: Certificate Verification: Certificate Chain too long (chain has 2 certificates, but maximum allowed are only 1)',
  ],
  [
    'no-ca-for-client-verification',
    '[Mon Nov 23 16:10:03.002281 2026] [ssl:warn] [pid 812] AH01897: Init: Oops, you want to request client authentication, but no CAs are known for verification!?  [Hint: SSLCACertificate*]',
  ],
  [
    'no-ca-for-client-verification',
    '[Mon Nov 23 16:12:55.410021 2026] [ssl:emerg] [pid 830] AH01896: Unable to determine list of acceptable CA certificates for client authentication',
  ],
  [
    'safari-client-certificates',
    'Safari wants to sign using key "Alice Example" in your keychain.',
  ],
  [
    'acme-tls-alpn-challenge-certificate',
    '[Mon Nov 23 17:30:12.771003 2026] [ssl:warn] [pid 901:tid 140002] [client 192.0.2.200:38814] AH10086: Failed to configure challenge certificate www.example.org',
  ],
];

describe('client-certificate entries rank first for their own symptoms', () => {
  it.each(cases)('%s <- %s', (slug, line) => {
    expect(top(line)).toBe(slug);
  });
});
