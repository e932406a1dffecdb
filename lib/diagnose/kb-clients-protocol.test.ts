import { beforeAll, describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';
import type { KbIndex } from './types';

// What clients other than httpd print when the handshake fails on version, cipher, plain HTTP on
// the TLS port, a client certificate httpd demands, or a connection dropped mid-handshake: whole
// outputs as users paste them (Java traces with their Caused by lines, Python wrappers, Node
// error objects, curl with each TLS backend, browser pages). Texts follow the client sources and
// the lab runs recorded for issue 11; host names are examples.

let index: KbIndex;
const ranked = (text: string) => diagnose(text, index).findings.map((f) => f.slug);
const top = (text: string) => ranked(text)[0];

beforeAll(() => {
  index = buildKbIndex(getEntries());
});

const CASES: [slug: string, text: string][] = [
  ["protocol-version-mismatch", "Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:117)\n\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:365)\n\tat java.base/sun.security.ssl.Alert$AlertConsumer.consume(Alert.java:293)\n\tat java.base/sun.security.ssl.TransportContext.dispatch(TransportContext.java:204)\n\tat java.base/sun.security.ssl.SSLTransport.decode(SSLTransport.java:172)\n\tat java.base/sun.security.ssl.SSLSocketImpl.decode(SSLSocketImpl.java:1506)\n\tat java.base/sun.security.ssl.SSLSocketImpl.readHandshakeRecord(SSLSocketImpl.java:1421)\n\tat java.base/sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:455)"],
  ["protocol-version-mismatch", "Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: (protocol_version) Received fatal alert: protocol_version\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:134)\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:117)\n\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:337)"],
  ["protocol-version-mismatch", "javax.net.ssl.SSLHandshakeException: The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:117)\n\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:365)\n\tat java.base/sun.security.ssl.ServerHello$ServerHelloConsumer.onServerHello(ServerHello.java:911)"],
  ["protocol-version-mismatch", "Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)\n\tat java.base/sun.security.ssl.HandshakeContext.<init>(HandshakeContext.java:164)\n\tat java.base/sun.security.ssl.ClientHandshakeContext.<init>(ClientHandshakeContext.java:107)"],
  ["protocol-version-mismatch", "Get \"https://www.example.com/\": remote error: tls: protocol version not supported"],
  ["protocol-version-mismatch", "requests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1006)')))"],
  ["protocol-version-mismatch", "Error: write EPROTO 80CCF352CF7F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 70\n\n    at WriteWrap.onWriteComplete [as oncomplete] (node:internal/stream_base_commons:95:16) {\n  errno: -71,\n  code: 'EPROTO',\n  syscall: 'write'\n}"],
  ["protocol-version-mismatch", "curl: (35) TLS connect error: OpenSSL/3.0.13: error:0A00042E:SSL routines::tlsv1 alert protocol version"],
  ["protocol-version-mismatch", "curl: (35) A bad protocol version was encountered"],
  ["protocol-version-mismatch", "Secure Connection Failed\n\nAn error occurred during a connection to www.example.com. Peer reports incompatible or unsupported protocol version.\n\nError code: SSL_ERROR_PROTOCOL_VERSION_ALERT"],
  ["protocol-version-mismatch", "This site can’t provide a secure connection\nwww.example.com uses an unsupported protocol.\nERR_SSL_VERSION_OR_CIPHER_MISMATCH"],
  ["no-shared-cipher", "Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:117)\n\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:365)\n\tat java.base/sun.security.ssl.Alert$AlertConsumer.consume(Alert.java:293)"],
  ["no-shared-cipher", "Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: (handshake_failure) Received fatal alert: handshake_failure\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:134)"],
  ["no-shared-cipher", "Get \"https://www.example.com/\": remote error: tls: handshake failure"],
  ["no-shared-cipher", "Traceback (most recent call last):\n  File \"/srv/app/fetch.py\", line 4, in <module>\n    r = requests.get(\"https://www.example.com/\")\nrequests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)')))"],
  ["no-shared-cipher", "httpx.ConnectError: [SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)"],
  ["no-shared-cipher", "curl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure"],
  ["no-shared-cipher", "curl: (35) Cannot communicate securely with peer: no common encryption algorithm(s)."],
  ["no-shared-cipher", "curl: (35) Could not negotiate an SSL cipher suite with the server"],
  ["no-shared-cipher", "curl: (35) schannel: next InitializeSecurityContext failed: SEC_E_ALGORITHM_MISMATCH (0x80090331) - The client and server cannot communicate, because they do not possess a common algorithm."],
  ["no-shared-cipher", "System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n ---> System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception.\n ---> System.ComponentModel.Win32Exception (0x80090331): The client and server cannot communicate, because they do not possess a common algorithm."],
  ["no-shared-cipher", "Secure Connection Failed\n\nAn error occurred during a connection to www.example.com. Cannot communicate securely with peer: no common encryption algorithm(s).\n\nError code: SSL_ERROR_NO_CYPHER_OVERLAP"],
  ["browser-hangs-http-to-https-port", "Traceback (most recent call last):\n  File \"/srv/app/fetch.py\", line 4, in <module>\n    r = requests.get(\"https://www.example.com:8080/\")\nrequests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=8080): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)')))"],
  ["browser-hangs-http-to-https-port", "urllib.error.URLError: <urlopen error [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)>"],
  ["browser-hangs-http-to-https-port", "Get \"https://www.example.com:8080/\": tls: first record does not look like a TLS handshake"],
  ["browser-hangs-http-to-https-port", "Get \"https://www.example.com:8080/\": http: server gave HTTP response to HTTPS client"],
  ["browser-hangs-http-to-https-port", "Exception in thread \"main\" javax.net.ssl.SSLException: Unsupported or unrecognized SSL message\n\tat java.base/sun.security.ssl.SSLSocketInputRecord.handleUnknownRecord(SSLSocketInputRecord.java:462)"],
  ["browser-hangs-http-to-https-port", "curl: (35) TLS connect error: OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number"],
  ["browser-hangs-http-to-https-port", "curl: (35) SSL received a record that exceeded the maximum permissible length."],
  ["browser-hangs-http-to-https-port", "Secure Connection Failed\n\nAn error occurred during a connection to www.example.com:8080. SSL received a record that exceeded the maximum permissible length.\n\nError code: SSL_ERROR_RX_RECORD_TOO_LONG"],
  ["browser-hangs-http-to-https-port", "This site can’t provide a secure connection\nwww.example.com sent an invalid response.\nERR_SSL_PROTOCOL_ERROR"],
  ["browser-hangs-http-to-https-port", "System.IO.IOException: The handshake failed due to an unexpected packet format."],
  ["browser-hangs-http-to-https-port", "--2026-12-05 00:20:06--  https://www.example.com:8080/\nResolving www.example.com (www.example.com)... 192.0.2.10\nConnecting to www.example.com (www.example.com)|192.0.2.10|:8080... connected.\nGnuTLS: An unexpected TLS packet was received.\nUnable to establish SSL connection."],
  ["client-certificate-verification-failed", "curl: (56) OpenSSL SSL_read: OpenSSL/3.0.19: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0"],
  ["client-certificate-verification-failed", "This site can’t provide a secure connection\nwww.example.com didn’t accept your login certificate, or one may not have been provided.\nERR_BAD_SSL_CLIENT_AUTH_CERT"],
  ["client-certificate-verification-failed", "httpx.ReadError: [SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate required (_ssl.c:2580)"],
  ["client-certificate-verification-failed", "Get \"https://www.example.com/\": remote error: tls: certificate required"],
  ["client-certificate-verification-failed", "curl: (35) SSL peer handshake failed, the server most likely requires a client certificate to connect"],
  ["connection-closed-during-handshake", "Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake\n\tat java.base/sun.security.ssl.SSLSocketImpl.handleEOF(SSLSocketImpl.java:1716)\n\tat java.base/sun.security.ssl.SSLSocketImpl.decode(SSLSocketImpl.java:1514)\n\tat java.base/sun.security.ssl.SSLSocketImpl.readHandshakeRecord(SSLSocketImpl.java:1421)\n\tat java.base/sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:455)\nCaused by: java.io.EOFException: SSL peer shut down incorrectly\n\tat java.base/sun.security.ssl.SSLSocketInputRecord.read(SSLSocketInputRecord.java:489)"],
  ["connection-closed-during-handshake", "javax.net.ssl.SSLHandshakeException: Remote host closed connection during handshake\nCaused by: java.io.EOFException: SSL peer shut down incorrectly"],
  ["connection-closed-during-handshake", "requests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLEOFError(8, '[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1006)')))"],
  ["connection-closed-during-handshake", "ssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:1129)"],
  ["connection-closed-during-handshake", "Error: Client network socket disconnected before secure TLS connection was established\n    at connResetException (node:internal/errors:787:14)\n    at TLSSocket.onConnectEnd (node:_tls_wrap:1727:19)\n    at TLSSocket.emit (node:events:531:35) {\n  code: 'ECONNRESET',\n  path: null,\n  host: 'www.example.com',\n  port: 443,\n  localAddress: undefined\n}"],
  ["connection-closed-during-handshake", "curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to www.example.com:443 "],
  ["connection-closed-during-handshake", "curl: (35) Recv failure: Connection reset by peer"],
  ["connection-closed-during-handshake", "Get \"https://www.example.com/\": net/http: TLS handshake timeout"],
  ["connection-closed-during-handshake", "--2026-12-05 00:20:06--  https://www.example.com/\nResolving www.example.com (www.example.com)... 192.0.2.10\nConnecting to www.example.com (www.example.com)|192.0.2.10|:443... connected.\nGnuTLS: The TLS connection was non-properly terminated.\nUnable to establish SSL connection."],
  ["connection-closed-during-handshake", "curl: (35) schannel: failed to receive handshake, SSL/TLS connection failed"],
  ["connection-closed-during-handshake", "System.IO.IOException: Authentication failed because the remote party has closed the transport stream."],
  ["connection-closed-during-handshake", "40671A17287F0000:error:0A000126:SSL routines:ssl3_read_n:unexpected eof while reading:../ssl/record/rec_layer_s3.c:318:\nCONNECTED(00000003)\n---\nno peer certificate available\n---\nNo client certificate CA names sent\n---\nSSL handshake has read 0 bytes and written 322 bytes\nVerification: OK\n---\nNew, (NONE), Cipher is (NONE)"],
  ["handshake-noise-from-scanners", "[Fri Dec 04 10:00:00.000002 2026] [ssl:info] [pid 4000:tid 140001] (70014)End of file found: [client 127.0.0.1:50000] AH02006: SSL handshake stopped: connection was closed"],
  ["client-certificate-verification-failed", "curl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure\n[Sat Dec 05 00:39:09.708836 2026] [ssl:info] [pid 14852:tid 14864] [client 192.0.2.50:45070] AH01964: Connection to child 0 established (server www.example.com:443)\n[Sat Dec 05 00:39:09.711454 2026] [ssl:info] [pid 14852:tid 14864] [client 192.0.2.50:45070] AH02008: SSL library error 1 in handshake (server www.example.com:443)\n[Sat Dec 05 00:39:09.711469 2026] [ssl:info] [pid 14852:tid 14864] SSL Library Error: error:0A0000C7:SSL routines::peer did not return a certificate -- No CAs known to server for verification?\n[Sat Dec 05 00:39:09.711474 2026] [ssl:info] [pid 14852:tid 14864] [client 192.0.2.50:45070] AH01998: Connection closed to child 0 with abortive shutdown (server www.example.com:443)"],
  ["connection-closed-during-handshake", "*   Trying 192.0.2.10:443...\n* Connected to www.example.com (192.0.2.10) port 443 (#0)\n* ALPN: offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n*  CAfile: /etc/ssl/certs/ca-certificates.crt\n*  CApath: /etc/ssl/certs\n* OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to www.example.com:443 \n* Closing connection 0\ncurl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to www.example.com:443 "],
  ["connection-closed-during-handshake", "Error: read ECONNRESET\n    at TLSWrap.onStreamRead (node:internal/stream_base_commons:218:20) {\n  errno: -104,\n  code: 'ECONNRESET',\n  syscall: 'read'\n}"],
  ["connection-closed-during-handshake", "Exception in thread \"main\" java.net.SocketException: Connection reset"],
  ["connection-closed-during-handshake", "requests.exceptions.ConnectionError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))"],
  ["connection-closed-during-handshake", "write:errno=104\nCONNECTED(00000003)\n---\nno peer certificate available\n---\nNo client certificate CA names sent\n---\nSSL handshake has read 0 bytes and written 315 bytes"],
  ["unrecognized-name-alert", "javax.net.ssl.SSLHandshakeException: (handshake_failure) received handshake warning: unrecognized_name"],
  ["openssl-3-security-level", "javax.net.ssl.SSLHandshakeException: Certificates do not conform to algorithm constraints"],
  ["connection-closed-during-handshake", "2026/12/04 10:00:00 [error] 1234#1234: *5 peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking to upstream, client: 192.0.2.50, server: www.example.com, request: \"GET / HTTP/1.1\", upstream: \"https://192.0.2.10:443/\", host: \"www.example.com\""],
  ["connection-closed-during-handshake", "This page isn’t working\nwww.example.com unexpectedly closed the connection.\nERR_CONNECTION_CLOSED"],
];

const CHROME_VERSION_OR_CIPHER_PAGE = "This site can’t provide a secure connection\nwww.example.com uses an unsupported protocol.\nUnsupported protocol\nThe client and server don't support a common SSL protocol version or cipher suite.\nERR_SSL_VERSION_OR_CIPHER_MISMATCH";

const CURL_V_TLS12_NO_CLIENT_CERT = "* TLSv1.2 (IN), TLS handshake, Certificate (11):\n* TLSv1.2 (IN), TLS handshake, Server key exchange (12):\n* TLSv1.2 (IN), TLS handshake, Request CERT (13):\n* TLSv1.2 (IN), TLS handshake, Server finished (14):\n* TLSv1.2 (OUT), TLS handshake, Certificate (11):\n* TLSv1.2 (OUT), TLS handshake, Client key exchange (16):\n* TLSv1.2 (OUT), TLS change cipher, Change cipher spec (1):\n* TLSv1.2 (OUT), TLS handshake, Finished (20):\n* TLSv1.2 (IN), TLS alert, handshake failure (552):\n* OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure\n* Closing connection 0\ncurl: (35) OpenSSL/3.0.19: error:0A000410:SSL routines::sslv3 alert handshake failure";
// Same client family, different cause: the reason inside the wrapper decides, not the wrapper.
const PAIRS: [what: string, a: [slug: string, text: string], b: [slug: string, text: string]][] = [
  [
    'Python requests: plain HTTP port vs refused version',
    ['browser-hangs-http-to-https-port', "requests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=8080): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)')))"],
    ['protocol-version-mismatch', "requests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1006)')))"],
  ],
  [
    'Python requests: alert 40 vs silent close',
    ['no-shared-cipher', "requests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)')))"],
    ['connection-closed-during-handshake', "requests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLEOFError(8, '[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1006)')))"],
  ],
  [
    'Java: handshake_failure alert vs connection terminated',
    ['no-shared-cipher', 'Exception in thread "main" javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)'],
    ['connection-closed-during-handshake', 'Exception in thread "main" javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake\n\tat java.base/sun.security.ssl.SSLSocketImpl.handleEOF(SSLSocketImpl.java:1716)\nCaused by: java.io.EOFException: SSL peer shut down incorrectly'],
  ],
  [
    'Java: protocol_version alert vs plain HTTP answer',
    ['protocol-version-mismatch', 'Exception in thread "main" javax.net.ssl.SSLHandshakeException: (protocol_version) Received fatal alert: protocol_version'],
    ['browser-hangs-http-to-https-port', 'Exception in thread "main" javax.net.ssl.SSLException: Unsupported or unrecognized SSL message'],
  ],
  [
    'Go: remote handshake failure vs not TLS at all',
    ['no-shared-cipher', 'Get "https://www.example.com/": remote error: tls: handshake failure'],
    ['browser-hangs-http-to-https-port', 'Get "https://www.example.com:8080/": tls: first record does not look like a TLS handshake'],
  ],
  [
    'Node: EPROTO alert 70 vs socket closed',
    ['protocol-version-mismatch', "Error: write EPROTO 80CCF352CF7F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 70\n{ errno: -71, code: 'EPROTO', syscall: 'write' }"],
    ['connection-closed-during-handshake', "Error: Client network socket disconnected before secure TLS connection was established\n{ code: 'ECONNRESET', path: null, host: 'www.example.com', port: 443, localAddress: undefined }"],
  ],
  [
    'curl: client certificate missing under TLS 1.3 (exit 56) vs a version refusal (exit 35)',
    ['client-certificate-verification-failed', 'curl: (56) OpenSSL SSL_read: OpenSSL/3.0.19: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0'],
    ['protocol-version-mismatch', 'curl: (35) OpenSSL/3.0.19: error:0A00042E:SSL routines::tlsv1 alert protocol version'],
  ],
  [
    'curl: SSL_ERROR_SYSCALL vs wrong version number',
    ['connection-closed-during-handshake', 'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to www.example.com:443 '],
    ['browser-hangs-http-to-https-port', 'curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number'],
  ],
];

describe('client outputs about protocol, cipher, plain HTTP, client certificates and dropped handshakes', () => {
  it.each(CASES)('%s <- %s', (slug, text) => {
    expect(top(text)).toBe(slug);
  });

  it.each(PAIRS)('%s', (_what, [slugA, textA], [slugB, textB]) => {
    expect(top(textA)).toBe(slugA);
    expect(top(textB)).toBe(slugB);
    expect(slugA).not.toBe(slugB);
  });

  it("Chrome's ERR_SSL_VERSION_OR_CIPHER_MISMATCH page names both possible causes first", () => {
    // The same page is shown for a version and a cipher mismatch; both entries lead.
    expect(ranked(CHROME_VERSION_OR_CIPHER_PAGE).slice(0, 2).sort()).toEqual(['no-shared-cipher', 'protocol-version-mismatch']);
  });

  it('curl under TLS 1.2 without a client certificate: exit 35, alert 40; the server log decides', () => {
    // On its own the client side cannot tell a missing client certificate from a cipher
    // mismatch (curl -v's 'Request CERT' also shows on handshakes that succeed): the cipher
    // entry leads, and the server's 'peer did not return a certificate' settles it.
    expect(top(CURL_V_TLS12_NO_CLIENT_CERT)).toBe('no-shared-cipher');
    const serverLog = [
      '[Sat Dec 05 00:39:09.708836 2026] [ssl:info] [pid 14852:tid 14864] [client 192.0.2.50:45070] AH01964: Connection to child 0 established (server www.example.com:443)',
      '[Sat Dec 05 00:39:09.711454 2026] [ssl:info] [pid 14852:tid 14864] [client 192.0.2.50:45070] AH02008: SSL library error 1 in handshake (server www.example.com:443)',
      '[Sat Dec 05 00:39:09.711469 2026] [ssl:info] [pid 14852:tid 14864] SSL Library Error: error:0A0000C7:SSL routines::peer did not return a certificate -- No CAs known to server for verification?',
    ].join('\n');
    expect(top(`${CURL_V_TLS12_NO_CLIENT_CERT}\n${serverLog}`)).toBe('client-certificate-verification-failed');
  });

  it('the new dropped-handshake entry is in the index with its cause', () => {
    const e = index.entries.find((x) => x.slug === 'connection-closed-during-handshake');
    expect(e?.causes).toContain('connection-dropped-in-handshake');
  });
});
