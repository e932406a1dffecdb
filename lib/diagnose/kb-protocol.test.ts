import { beforeAll, describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';
import type { KbIndex } from './types';

// Protocol-level entries (versions, ciphers, DH, SNI, HTTP/2, noise, interception): a line a user
// really pastes must rank the entry that explains it first.

let index: KbIndex;
const top = (line: string) => diagnose(line, index).findings[0]?.slug;

beforeAll(() => {
  index = buildKbIndex(getEntries());
});

const CASES: [slug: string, line: string][] = [
  // protocol-version-mismatch
  ['protocol-version-mismatch', '[Mon Nov 23 10:15:02.412345 2026] [ssl:info] [pid 3101:tid 139871] SSL Library Error: error:14209102:SSL routines:tls_early_post_process_client_hello:unsupported protocol'],
  ['protocol-version-mismatch', 'curl: (35) error:0A00042E:SSL routines::tlsv1 alert protocol version'],
  ['protocol-version-mismatch', 'javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)'],
  ['protocol-version-mismatch', 'ssl.SSLError: [SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1123)'],
  // no-shared-cipher
  ['no-shared-cipher', '[Mon Nov 23 10:16:44.100200 2026] [ssl:info] [pid 3101:tid 139872] SSL Library Error: error:0A0000C1:SSL routines::no shared cipher -- Too restrictive SSLCipherSuite or using DSA server certificate?'],
  ['no-shared-cipher', 'curl: (35) error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure'],
  ['no-shared-cipher', 'Cannot communicate securely with peer: no common encryption algorithm(s). Error code: SSL_ERROR_NO_CYPHER_OVERLAP'],
  // openssl-3-security-level
  ['openssl-3-security-level', 'ssl.SSLError: [SSL: CA_MD_TOO_WEAK] ca md too weak (_ssl.c:3900)'],
  ['openssl-3-security-level', 'depth=1 C = US, O = Example, CN = Example Legacy CA verify error:num=67:CA certificate key too weak'],
  // dh-parameters-too-small
  ['dh-parameters-too-small', 'curl: (35) error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small'],
  ['dh-parameters-too-small', 'An error occurred during a connection to 192.0.2.1. SSL received a weak ephemeral Diffie-Hellman key in Server Key Exchange handshake message. Error code: SSL_ERROR_WEAK_SERVER_EPHEMERAL_DH_KEY'],
  // sni-default-vhost-wrong-certificate
  ['sni-default-vhost-wrong-certificate', '[Mon Nov 23 10:20:00.000001 2026] [ssl:debug] [pid 3101:tid 139873] ssl_engine_kernel.c(2421): [client 192.0.2.7:50123] AH02645: Server name not provided via TLS extension (using default/first virtual host)'],
  ['sni-default-vhost-wrong-certificate', '[Mon Nov 23 10:20:03.000001 2026] [ssl:debug] [pid 3101:tid 139874] ssl_engine_kernel.c(2399): [client 192.0.2.7:50124] AH02044: No matching SSL virtual host for servername intranet.example.com found (using default/first virtual host)'],
  // misdirected-request-421-sni-host-mismatch
  ['misdirected-request-421-sni-host-mismatch', '[Sun Jul 27 14:02:11.123456 2025] [ssl:error] [pid 2013861:tid 140388841018944] [client 192.168.2.180:36498] AH02032: Hostname default.example.com (default host as no SNI was provided) and hostname www.example.com provided via HTTP have no compatible SSL setup'],
  ['misdirected-request-421-sni-host-mismatch', "[Fri Mar 13 13:32:32.570047 2026] [ssl:error] [pid 3460143:tid 3460183] [client 198.51.100.4:0] AH02032: Hostname www.example.com provided via SNI and hostname shop.example.org provided via HTTP have no compatible SSL setup for policy 'secure', referer: https://shop.example.org/"],
  // unrecognized-name-alert
  ['unrecognized-name-alert', '140579092948288:error:14094458:SSL routines:ssl3_read_bytes:tlsv1 unrecognized name:../ssl/record/rec_layer_s3.c:1552:SSL alert number 112'],
  ['unrecognized-name-alert', 'javax.net.ssl.SSLProtocolException: handshake alert: unrecognized_name'],
  // http2-inadequate-security
  ['http2-inadequate-security', 'This site can’t be reached. The webpage at https://www.example.com/ might be temporarily down. net::ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY'],
  ['http2-inadequate-security', '[Mon Nov 23 10:30:00.000001 2026] [http2:debug] [pid 3101:tid 139875] h2_protocol.c(470): [client 192.0.2.9:50200] AH03052: h2_h2(17): tls cipher ECDHE-RSA-AES256-SHA384 blacklisted by RFC7540'],
  // handshake-noise-from-scanners
  ['handshake-noise-from-scanners', '[Mon Nov 23 03:12:45.123456 2026] [ssl:info] [pid 2211:tid 140233] [client 198.51.100.23:40112] AH02006: SSL handshake stopped: connection was closed'],
  ['handshake-noise-from-scanners', '[Mon Nov 23 03:12:46.223456 2026] [ssl:error] [pid 2211:tid 140234] [client 198.51.100.23:40113] AH02042: rejecting client initiated renegotiation'],
  ['handshake-noise-from-scanners', '[Mon Nov 23 03:12:47.323456 2026] [ssl:info] [pid 2212:tid 140251] SSL Library Error: error:0A000126:SSL routines::unexpected eof while reading'],
  // tls-interception-middlebox
  ['tls-interception-middlebox', 'Software is Preventing Firefox From Safely Connecting to This Site. Error code: MOZILLA_PKIX_ERROR_MITM_DETECTED'],
  // mod-ssl-io-errors (catch-all)
  ['mod-ssl-io-errors', '[Mon Nov 23 11:00:00.000000 2026] [ssl:info] [pid 4100:tid 140100] [remote 192.0.2.20:443] AH10273: SSL Proxy: Peer did not select any of our ALPN protocols [h2].'],
  ['mod-ssl-io-errors', '[Mon Nov 23 11:05:00.000000 2026] [ssl:error] [pid 4100:tid 140101] [client 203.0.113.7:41234] AH10232: coalesce failed to read from FILE bucket'],
  // browser-hangs-http-to-https-port (extended with AH00134/AH01996)
  ['browser-hangs-http-to-https-port', '[Mon Nov 23 11:10:00.000000 2026] [core:error] [pid 4200:tid 140200] [client 203.0.113.8:41235] AH00134: Invalid method in request \\x16\\x03\\x01\\x02 - possible attempt to establish SSL connection on non-SSL port'],
];

describe('protocol entries rank first for their own lines', () => {
  it.each(CASES)('%s', (slug, line) => {
    expect(top(line)).toBe(slug);
  });

  it('every new protocol entry is covered by at least one line', () => {
    const covered = new Set(CASES.map(([slug]) => slug));
    for (const slug of [
      'protocol-version-mismatch', 'no-shared-cipher', 'openssl-3-security-level', 'dh-parameters-too-small',
      'sni-default-vhost-wrong-certificate', 'misdirected-request-421-sni-host-mismatch', 'unrecognized-name-alert',
      'http2-inadequate-security', 'handshake-noise-from-scanners', 'tls-interception-middlebox', 'mod-ssl-io-errors',
    ]) {
      expect(covered.has(slug), slug).toBe(true);
      expect(index.entries.some((e) => e.slug === slug), `${slug} is in the index`).toBe(true);
    }
  });
});
