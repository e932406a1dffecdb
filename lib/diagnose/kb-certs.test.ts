import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';

// The certificate entries (chain, trust, names, dates, missing certificate, port warnings):
// a line as a user would paste it must put the entry that explains it first.

const index = buildKbIndex(getEntries());
const first = (line: string) => {
  const d = diagnose(line, index);
  return { slug: d.findings[0]?.slug, all: d.findings.map((f) => `${f.slug}:${f.score}`) };
};

describe('certificate entries rank first for their own symptoms', () => {
  it.each([
    // incomplete-certificate-chain
    ['s_client, leaf sent alone', 'Verify return code: 21 (unable to verify the first certificate)', 'incomplete-certificate-chain'],
    [
      'Node.js, leaf sent alone',
      "Error: unable to verify the first certificate at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34) { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }",
      'incomplete-certificate-chain',
    ],
    ['SSL Labs summary', "This server's certificate chain is incomplete. Grade capped to B.", 'incomplete-certificate-chain'],
    // certificate-chain-wrong-order
    ['SSL Labs chain row', 'Chain issues Incorrect order, Contains anchor', 'certificate-chain-wrong-order'],
    // self-signed-or-private-ca-not-trusted
    [
      'AH01906 at startup',
      '[Mon Nov 23 09:12:44.118201 2026] [ssl:warn] [pid 3104:tid 140245118201664] AH01906: intranet.example.lan:443:0 server certificate is a CA certificate (BasicConstraints: CA == TRUE !?)',
      'self-signed-or-private-ca-not-trusted',
    ],
    [
      'Firefox, CA certificate used as server certificate',
      'Secure Connection Failed. Error code: MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY',
      'self-signed-or-private-ca-not-trusted',
    ],
    // outdated-client-trust-store
    [
      'curl without its CA bundle',
      'curl: (77) error setting certificate verify locations:  CAfile: /etc/pki/tls/certs/ca-bundle.crt CApath: none',
      'outdated-client-trust-store',
    ],
    [
      'Go in a scratch container',
      'Get "https://www.example.com/": x509: failed to load system roots and no roots provided',
      'outdated-client-trust-store',
    ],
    // certificate-name-mismatch
    [
      'AH01909 at startup',
      '[Mon Nov 23 09:12:44.120533 2026] [ssl:warn] [pid 3104:tid 140245118201664] AH01909: www.example.com:443:0 server certificate does NOT include an ID which matches the server name',
      'certificate-name-mismatch',
    ],
    [
      'Go and a CN-only certificate',
      'Get "https://intranet.example.lan/": x509: certificate relies on legacy Common Name field, use SANs or temporarily enable Common Name matching with GODEBUG=x509ignoreCN=0',
      'certificate-name-mismatch',
    ],
    // wildcard-certificate-scope
    [
      'Node.js, bare domain against a wildcard',
      "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: example.com. is not in the cert's altnames: DNS:*.example.com",
      'wildcard-certificate-scope',
    ],
    [
      'Go, two labels below a wildcard',
      'Get "https://a.b.example.com/": x509: certificate is valid for *.example.com, not a.b.example.com',
      'wildcard-certificate-scope',
    ],
    // certificate-expired-or-not-yet-valid
    ['curl, expired', 'curl: (60) SSL certificate problem: certificate has expired', 'certificate-expired-or-not-yet-valid'],
    [
      's_client, expired DST root above the cross-sign',
      'depth=3 O = Digital Signature Trust Co., CN = DST Root CA X3 verify error:num=10:certificate has expired',
      'certificate-expired-or-not-yet-valid',
    ],
    ['Firefox, not yet valid', 'Error code: MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', 'certificate-expired-or-not-yet-valid'],
    // no-certificate-configured
    [
      'AH02572 at startup',
      '[Mon Nov 23 09:30:01.402115 2026] [ssl:emerg] [pid 5120:tid 140031204857664] AH02572: Failed to configure at least one certificate and key for www.example.com:443',
      'no-certificate-configured',
    ],
    [
      'OpenSSL 3 line after AH02572',
      '[Mon Nov 23 09:30:01.402160 2026] [ssl:emerg] [pid 5120:tid 140031204857664] SSL Library Error: error:0A0000B1:SSL routines::no certificate assigned',
      'no-certificate-configured',
    ],
    [
      'httpd 2.2 without a certificate',
      '[Mon Nov 23 09:30:01 2009] [error] Server should be SSL-aware but has no certificate configured [Hint: SSLCertificateFile] ((null):0)',
      'no-certificate-configured',
    ],
    // ssl-vhost-port-warnings
    [
      'AH01916 at startup',
      '[Mon Nov 23 09:30:01.398820 2026] [ssl:warn] [pid 5120:tid 140031204857664] AH01916: Init: (www.example.com:443) You configured HTTP(80) on the standard HTTPS(443) port!',
      'ssl-vhost-port-warnings',
    ],
    [
      'AH01915 at startup',
      '[Mon Nov 23 09:30:01.398790 2026] [ssl:warn] [pid 5120:tid 140031204857664] AH01915: Init: (www.example.com:80) You configured HTTPS(443) on the standard HTTP(80) port!',
      'ssl-vhost-port-warnings',
    ],
  ])('%s', (_what, line, slug) => {
    const { slug: got, all } = first(line);
    expect(got, JSON.stringify(all)).toBe(slug);
  });
});
