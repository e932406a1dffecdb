import { beforeAll, describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';
import type { KbIndex } from './types';

// Certificate trust, names and dates as clients other than httpd report them (issue 11): whole
// outputs as they are pasted (stack traces with their Caused by lines, tracebacks, error objects,
// error pages, s_client transcripts) must put the entry that explains them first.
//
// Where a client's words cannot tell two causes apart, the entry marked `primary` for those words
// is expected, and a comment says so. Pairs from one client family with a different cause keep
// the ranking honest (Java PKIX vs Java name check, Go unknown authority vs Go "valid for",
// Python expired vs unknown issuer, Node leaf alone vs unknown root).
// Strings come from /tmp/issue11/strings.md rows marked SRC, BIN, RUN or PUB; hosts are examples.

let index: KbIndex;
beforeAll(() => {
  index = buildKbIndex(getEntries());
});

const ranked = (text: string) => diagnose(text, index).findings.map((f) => `${f.slug}:${f.score}`);
const lines = (...l: string[]) => l.join('\n');
/** The test of every table below: the entry named ranks first for the whole output. */
function ranksFirst(_what: string, text: string, slug: string) {
  const all = ranked(text);
  expect(all[0]?.split(':')[0], JSON.stringify(all)).toBe(slug);
}

describe("Java (JSSE)", () => {
  it.each([
    // Java prints this for a missing intermediate, a private CA, an old cacerts and an intercepting proxy alike (RUN: leaf alone, self-signed and private root gave the same text); the private-CA entry is primary for it.
    [
      "JDK 17, private CA: PKIX path building failed with its Caused by chain",
      lines(
        "Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
        "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)",
        "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:371)",
        "\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.consume(CertificateMessage.java:1215)",
        "Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
        "\tat java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:439)",
        "\t... 19 more",
        "Caused by: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
        "\tat java.base/sun.security.provider.certpath.SunCertPathBuilder.build(SunCertPathBuilder.java:148)",
        "\t... 25 more",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "JDK 25 puts the alert name in front: (certificate_unknown) PKIX path building failed",
      lines(
        "javax.net.ssl.SSLHandshakeException: (certificate_unknown) PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
        "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)",
        "Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
        "Caused by: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "certificate without the requested DNS name",
      lines(
        "javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching api.example.com found.",
        "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)",
        "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:371)",
        "Caused by: java.security.cert.CertificateException: No subject alternative DNS name matching api.example.com found.",
        "\tat java.base/sun.security.util.HostnameChecker.matchDNS(HostnameChecker.java:207)",
        "\tat java.base/sun.security.util.HostnameChecker.match(HostnameChecker.java:101)",
      ),
      "certificate-name-mismatch",
    ],
    [
      "URL with an IP address the certificate does not list",
      lines(
        "javax.net.ssl.SSLHandshakeException: No subject alternative names matching IP address 192.0.2.10 found",
        "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)",
        "Caused by: java.security.cert.CertificateException: No subject alternative names matching IP address 192.0.2.10 found",
        "\tat java.base/sun.security.util.HostnameChecker.matchIP(HostnameChecker.java:160)",
      ),
      "certificate-name-mismatch",
    ],
    [
      "certificate without DNS names, CN does not fit",
      lines(
        "javax.net.ssl.SSLHandshakeException: No name matching www.example.com found",
        "Caused by: java.security.cert.CertificateException: No name matching www.example.com found",
        "\tat java.base/sun.security.util.HostnameChecker.matchDNS(HostnameChecker.java:228)",
      ),
      "certificate-name-mismatch",
    ],
    [
      "expired leaf: validity check failed, Caused by CertificateExpiredException",
      lines(
        "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed",
        "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)",
        "Caused by: sun.security.validator.ValidatorException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed",
        "\tat java.base/sun.security.validator.PKIXValidator.doValidate(PKIXValidator.java:369)",
        "Caused by: java.security.cert.CertPathValidatorException: validity check failed",
        "\tat java.base/sun.security.provider.certpath.PKIXMasterCertPathValidator.validate(PKIXMasterCertPathValidator.java:135)",
        "Caused by: java.security.cert.CertificateExpiredException: NotAfter: Wed Jan 01 00:00:00 UTC 2025",
        "\tat java.base/sun.security.x509.CertificateValidity.valid(CertificateValidity.java:181)",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "JDK 25, expired: (certificate_expired) PKIX path validation failed",
      lines(
        "javax.net.ssl.SSLHandshakeException: (certificate_expired) PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed",
        "Caused by: java.security.cert.CertPathValidatorException: validity check failed",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
  ])('%s', ranksFirst);
});

describe("Go (crypto/tls, net/http)", () => {
  it.each([
    // Go does not fetch missing intermediates either, so the same words cover a missing intermediate; the private-CA entry is primary.
    [
      "Go 1.20+: tls: failed to verify certificate: x509: certificate signed by unknown authority",
      "Get \"https://intranet.example.lan/\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "before Go 1.20, logged by the program: the bare x509 text",
      "2026/12/04 10:00:00 Get \"https://registry.example.lan/v2/\": x509: certificate signed by unknown authority",
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "certificate is valid for A, not B",
      "Get \"https://api.example.com/\": tls: failed to verify certificate: x509: certificate is valid for www.example.com, example.com, not api.example.com",
      "certificate-name-mismatch",
    ],
    [
      "IP address without an IP SAN",
      "Get \"https://192.0.2.10/\": tls: failed to verify certificate: x509: cannot validate certificate for 192.0.2.10 because it doesn't contain any IP SANs",
      "certificate-name-mismatch",
    ],
    [
      "certificate has expired or is not yet valid, with the times",
      "Get \"https://www.example.com/\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-12-04T10:00:00Z is after 2026-11-30T23:59:59Z",
      "certificate-expired-or-not-yet-valid",
    ],
  ])('%s', ranksFirst);
});

describe("Python (ssl, urllib, requests, aiohttp)", () => {
  it.each([
    // unable to get local issuer certificate = missing intermediate OR unknown root (RUN: both); as for curl, the missing-intermediate entry is primary.
    [
      "requests traceback tail: Max retries exceeded ... Caused by SSLError(unable to get local issuer certificate)",
      lines(
        "Traceback (most recent call last):",
        "  File \"/usr/lib/python3/dist-packages/urllib3/connectionpool.py\", line 467, in _make_request",
        "    self._validate_conn(conn)",
        "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)",
        "",
        "During handling of the above exception, another exception occurred:",
        "",
        "urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
        "",
        "During handling of the above exception, another exception occurred:",
        "",
        "requests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
      ),
      "incomplete-certificate-chain",
    ],
    [
      "requests: Caused by SSLError(certificate has expired)",
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='www.example.com', port=443): Max retries exceeded with url: /api/status (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)')))",
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "ssl: Hostname mismatch, certificate is not valid for",
      "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'www.example.com'. (_ssl.c:1006)",
      "certificate-name-mismatch",
    ],
    [
      "urllib: self-signed certificate in certificate chain",
      "urllib.error.URLError: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)>",
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "ssl: self-signed certificate",
      "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1006)",
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "aiohttp ClientConnectorCertificateError, unable to get local issuer certificate",
      "aiohttp.client_exceptions.ClientConnectorCertificateError: Cannot connect to host www.example.com:443 ssl:True [SSLCertVerificationError: (1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')]",
      "incomplete-certificate-chain",
    ],
  ])('%s', ranksFirst);
});

describe("Node.js", () => {
  it.each([
    // Node does tell the two apart (research 14.12), so the pair below checks both sides.
    [
      "leaf sent alone: UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      lines(
        "Error: unable to verify the first certificate",
        "    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34)",
        "    at TLSSocket.emit (node:events:519:28)",
        "    at TLSSocket._finishInit (node:_tls_wrap:1070:8)",
        "    at ssl.onhandshakedone (node:_tls_wrap:856:12) {",
        "  code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'",
        "}",
      ),
      "incomplete-certificate-chain",
    ],
    // A lab capture (client-trust-store-outdated, node) pins this code to the trust-store entry.
    [
      "complete chain, root not known to Node: UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
      lines(
        "Error: unable to get local issuer certificate",
        "    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34)",
        "    at TLSSocket.emit (node:events:519:28)",
        "    at TLSSocket._finishInit (node:_tls_wrap:1070:8)",
        "    at ssl.onhandshakedone (node:_tls_wrap:856:12) {",
        "  code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'",
        "}",
      ),
      "outdated-client-trust-store",
    ],
    [
      "self-signed leaf: DEPTH_ZERO_SELF_SIGNED_CERT",
      lines(
        "Error: self-signed certificate",
        "    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34)",
        "    at TLSSocket.emit (node:events:519:28) {",
        "  code: 'DEPTH_ZERO_SELF_SIGNED_CERT'",
        "}",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "private root sent along: SELF_SIGNED_CERT_IN_CHAIN",
      lines(
        "Error: self-signed certificate in certificate chain",
        "    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34)",
        "    at TLSSocket.emit (node:events:519:28) {",
        "  code: 'SELF_SIGNED_CERT_IN_CHAIN'",
        "}",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "CERT_HAS_EXPIRED",
      lines(
        "Error: certificate has expired",
        "    at TLSSocket.onConnectSecure (node:_tls_wrap:1659:34)",
        "    at TLSSocket.emit (node:events:519:28) {",
        "  code: 'CERT_HAS_EXPIRED'",
        "}",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "ERR_TLS_CERT_ALTNAME_INVALID with plain names",
      lines(
        "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:www.example.com, DNS:example.com",
        "    at Object.checkServerIdentity (node:tls:316:12)",
        "    at TLSSocket.onConnectSecure (node:_tls_wrap:1657:27) {",
        "  reason: \"Host: api.example.com. is not in the cert's altnames: DNS:www.example.com, DNS:example.com\",",
        "  host: 'api.example.com',",
        "  code: 'ERR_TLS_CERT_ALTNAME_INVALID'",
        "}",
      ),
      "certificate-name-mismatch",
    ],
    [
      "warning: NODE_TLS_REJECT_UNAUTHORIZED set to 0",
      lines(
        "(node:30862) Warning: Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections and HTTPS requests insecure by disabling certificate verification.",
        "(Use `node --trace-warnings ...` to show where the warning was created)",
      ),
      "make-clients-trust-your-ca",
    ],
    [
      "warning: NODE_EXTRA_CA_CERTS file cannot be loaded",
      "Warning: Ignoring extra certs from `/etc/pki/tls/certs/internal-root-ca.pem`, load failed: error:80000002:system library::No such file or directory",
      "make-clients-trust-your-ca",
    ],
  ])('%s', ranksFirst);
});

describe(".NET and Schannel", () => {
  it.each([
    // RemoteCertificateChainErrors covers every chain failure; the private-CA entry is primary.
    [
      "HttpClient: The SSL connection could not be established ... RemoteCertificateChainErrors",
      lines(
        "System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.",
        " ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors",
        "   at System.Net.Security.SslStream.SendAuthResetSignal(ReadOnlySpan`1 alert, ExceptionDispatchInfo exception)",
        "   at System.Net.Security.SslStream.CompleteHandshake(SslAuthenticationOptions sslAuthenticationOptions)",
        "   --- End of inner exception stack trace ---",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "HttpClient: ... RemoteCertificateNameMismatch",
      lines(
        "System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.",
        " ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch",
        "   at System.Net.Security.SslStream.SendAuthResetSignal(ReadOnlySpan`1 alert, ExceptionDispatchInfo exception)",
        "   --- End of inner exception stack trace ---",
      ),
      "certificate-name-mismatch",
    ],
    [
      "errors in the certificate chain: UntrustedRoot",
      "System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot",
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "errors in the certificate chain: PartialChain",
      "System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: PartialChain",
      "incomplete-certificate-chain",
    ],
    [
      "errors in the certificate chain: NotTimeValid",
      "System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: NotTimeValid",
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "Windows curl: SEC_E_UNTRUSTED_ROOT (0x80090325)",
      lines(
        "curl: (60) schannel: SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.",
        "More details here: https://curl.se/docs/sslcerts.html",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "Windows curl: SEC_E_WRONG_PRINCIPAL (0x80090322)",
      "curl: (60) schannel: SNI or certificate check failed: SEC_E_WRONG_PRINCIPAL (0x80090322) - The target principal name is incorrect.",
      "certificate-name-mismatch",
    ],
  ])('%s', ranksFirst);
});

describe("PHP", () => {
  it.each([
    // PHP's usual case is a PHP without a CA bundle (openssl.cafile); the trust-store entry owns the PHP warning.
    [
      "file_get_contents: SSL operation failed with code 1 ... certificate verify failed",
      lines(
        "PHP Warning:  file_get_contents(): SSL operation failed with code 1. OpenSSL Error messages:",
        "error:0A000086:SSL routines::certificate verify failed in /var/www/app/fetch.php on line 12",
        "PHP Warning:  file_get_contents(): Failed to enable crypto in /var/www/app/fetch.php on line 12",
      ),
      "outdated-client-trust-store",
    ],
    [
      "stream_socket_client: Peer certificate CN did not match expected CN",
      "Warning: stream_socket_client(): Peer certificate CN=`www.example.com' did not match expected CN=`api.example.com' in /var/www/app/client.php on line 5",
      "certificate-name-mismatch",
    ],
  ])('%s', ranksFirst);
});

describe("Ruby", () => {
  it.each([
    [
      "SSL_connect returned=1 errno=0 ... certificate verify failed (unable to get local issuer certificate)",
      "OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 peeraddr=192.0.2.10:443 state=error: certificate verify failed (unable to get local issuer certificate)",
      "incomplete-certificate-chain",
    ],
    [
      "SSL_connect ... (self-signed certificate)",
      "OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 peeraddr=192.0.2.10:443 state=error: certificate verify failed (self-signed certificate)",
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "SSL_connect ... (certificate has expired), gem before peeraddr=",
      "OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 state=error: certificate verify failed (certificate has expired)",
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "hostname \"...\" does not match the server certificate",
      "OpenSSL::SSL::SSLError: hostname \"api.example.com\" does not match the server certificate",
      "certificate-name-mismatch",
    ],
  ])('%s', ranksFirst);
});

describe("wget (OpenSSL and GnuTLS builds)", () => {
  it.each([
    // verify error 20 again: primary in the missing-intermediate entry, like curl's wording.
    [
      "OpenSSL build: cannot verify ...'s certificate, issued by ...: Unable to locally verify the issuer's authority",
      lines(
        "--2026-12-04 10:00:00--  https://www.example.com/",
        "Resolving www.example.com (www.example.com)... 192.0.2.10",
        "Connecting to www.example.com (www.example.com)|192.0.2.10|:443... connected.",
        "ERROR: cannot verify www.example.com's certificate, issued by ‘CN=Example Issuing CA,O=Example’:",
        "  Unable to locally verify the issuer's authority.",
        "To connect to www.example.com insecurely, use `--no-check-certificate'.",
      ),
      "incomplete-certificate-chain",
    ],
    [
      "OpenSSL build: Self-signed certificate encountered",
      lines(
        "ERROR: cannot verify intranet.example.lan's certificate, issued by ‘CN=intranet.example.lan’:",
        "  Self-signed certificate encountered.",
        "To connect to intranet.example.lan insecurely, use `--no-check-certificate'.",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "OpenSSL build: Issued certificate has expired",
      lines(
        "ERROR: cannot verify www.example.com's certificate, issued by ‘CN=Example Issuing CA,O=Example’:",
        "  Issued certificate has expired.",
        "To connect to www.example.com insecurely, use `--no-check-certificate'.",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "OpenSSL build: no certificate subject alternative name matches",
      lines(
        "ERROR: no certificate subject alternative name matches",
        "\trequested host name ‘api.example.com’.",
        "To connect to api.example.com insecurely, use `--no-check-certificate'.",
      ),
      "certificate-name-mismatch",
    ],
    // GnuTLS words a missing intermediate and a self-signed leaf the same (RUN); missing-intermediate entry is primary.
    [
      "GnuTLS build: is not trusted / doesn't have a known issuer",
      lines(
        "Connecting to www.example.com (www.example.com)|192.0.2.10|:443... connected.",
        "ERROR: The certificate of ‘www.example.com’ is not trusted.",
        "ERROR: The certificate of ‘www.example.com’ doesn't have a known issuer.",
      ),
      "incomplete-certificate-chain",
    ],
    [
      "GnuTLS build: has expired",
      lines(
        "ERROR: The certificate of ‘www.example.com’ is not trusted.",
        "ERROR: The certificate of ‘www.example.com’ has expired.",
        "The certificate has expired",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "GnuTLS build: The certificate's owner does not match hostname",
      "The certificate's owner does not match hostname ‘api.example.com’",
      "certificate-name-mismatch",
    ],
  ])('%s', ranksFirst);
});

describe("curl (OpenSSL, GnuTLS, NSS)", () => {
  it.each([
    [
      "exit 60, unable to get local issuer certificate, with curl's advice paragraph",
      lines(
        "curl: (60) SSL certificate problem: unable to get local issuer certificate",
        "More details here: https://curl.se/docs/sslcerts.html",
        "",
        "curl failed to verify the legitimacy of the server and therefore could not",
        "establish a secure connection to it. To learn more about this situation and",
        "how to fix it, please visit the web page mentioned above.",
      ),
      "incomplete-certificate-chain",
    ],
    [
      "exit 60, self-signed certificate, with the advice paragraph",
      lines(
        "curl: (60) SSL certificate problem: self-signed certificate",
        "More details here: https://curl.se/docs/sslcerts.html",
        "",
        "curl failed to verify the legitimacy of the server and therefore could not",
        "establish a secure connection to it. To learn more about this situation and",
        "how to fix it, please visit the web page mentioned above.",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "curl 8.7+: ... matches target hostname",
      lines(
        "curl: (60) SSL: no alternative certificate subject name matches target hostname 'api.example.com'",
        "More details here: https://curl.se/docs/sslcerts.html",
      ),
      "certificate-name-mismatch",
    ],
    [
      "curl 7.62-8.6: ... matches target host name",
      lines(
        "curl: (60) SSL: no alternative certificate subject name matches target host name 'api.example.com'",
        "More details here: https://curl.se/docs/sslcerts.html",
      ),
      "certificate-name-mismatch",
    ],
    [
      "certificate subject name does not match target host name",
      "curl: (60) SSL: certificate subject name 'www.example.com' does not match target host name 'example.com'",
      "certificate-name-mismatch",
    ],
    // any unknown issuer under GnuTLS; missing-intermediate entry is primary.
    [
      "GnuTLS build (git on Debian/Ubuntu): server certificate verification failed. CAfile: ...",
      "curl: (60) server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none",
      "incomplete-certificate-chain",
    ],
    [
      "GnuTLS build: server certificate expiration date has passed",
      "curl: (60) server certificate expiration date has passed.",
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "NSS build: Peer's Certificate has expired",
      "curl: (60) Peer's Certificate has expired.",
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "NSS build, exit 51: requested domain name does not match",
      "curl: (51) Unable to communicate securely with peer: requested domain name does not match the server's certificate.",
      "certificate-name-mismatch",
    ],
    [
      "NSS build: Peer's Certificate issuer is not recognized",
      "curl: (60) Peer's Certificate issuer is not recognized.",
      "self-signed-or-private-ca-not-trusted",
    ],
  ])('%s', ranksFirst);
});

describe("Browsers (Chrome/Edge, Firefox, Safari)", () => {
  it.each([
    [
      "Chrome: Your connection is not private, NET::ERR_CERT_AUTHORITY_INVALID",
      lines(
        "Your connection is not private",
        "Attackers might be trying to steal your information from intranet.example.lan (for example, passwords, messages, or credit cards). Learn more",
        "NET::ERR_CERT_AUTHORITY_INVALID",
        "Advanced",
        "This server could not prove that it is intranet.example.lan; its security certificate is not trusted by your computer's operating system. This may be caused by a misconfiguration or an attacker intercepting your connection.",
        "Proceed to intranet.example.lan (unsafe)",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "Chrome: NET::ERR_CERT_COMMON_NAME_INVALID",
      lines(
        "Privacy error",
        "Your connection is not private",
        "Attackers might be trying to steal your information from example.com (for example, passwords, messages, or credit cards). Learn more",
        "NET::ERR_CERT_COMMON_NAME_INVALID",
      ),
      "certificate-name-mismatch",
    ],
    [
      "Chrome: NET::ERR_CERT_DATE_INVALID",
      lines(
        "Your connection is not private",
        "Attackers might be trying to steal your information from www.example.com (for example, passwords, messages, or credit cards). Learn more",
        "NET::ERR_CERT_DATE_INVALID",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "Chrome: Your clock is behind",
      lines(
        "Your clock is behind",
        "A private connection to www.example.com can't be established because your computer's date and time (1/1/2020) are incorrect.",
        "NET::ERR_CERT_DATE_INVALID",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    // the page itself lists three causes; the private-CA entry is primary for SEC_ERROR_UNKNOWN_ISSUER, as for ERR_CERT_AUTHORITY_INVALID.
    [
      "Firefox: Warning: Potential Security Risk Ahead, SEC_ERROR_UNKNOWN_ISSUER",
      lines(
        "Warning: Potential Security Risk Ahead",
        "Firefox detected a potential security threat and did not continue to intranet.example.lan. If you visit this site, attackers could try to steal information like your passwords, emails, or credit card details.",
        "intranet.example.lan uses an invalid security certificate.",
        "Websites prove their identity via certificates. Firefox does not trust intranet.example.lan because its certificate issuer is unknown, the certificate is self-signed, or the server is not sending the correct intermediate certificates.",
        "Error code: SEC_ERROR_UNKNOWN_ISSUER",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "Firefox: SSL_ERROR_BAD_CERT_DOMAIN with its page text",
      lines(
        "Warning: Potential Security Risk Ahead",
        "Websites prove their identity via certificates. Firefox does not trust this site because it uses a certificate that is not valid for api.example.com. The certificate is only valid for www.example.com.",
        "Error code: SSL_ERROR_BAD_CERT_DOMAIN",
      ),
      "certificate-name-mismatch",
    ],
    [
      "Firefox: SEC_ERROR_EXPIRED_CERTIFICATE with its page text",
      lines(
        "Warning: Potential Security Risk Ahead",
        "Websites prove their identity via certificates, which are valid for a set time period. The certificate for www.example.com expired on 30/11/2026.",
        "Error code: SEC_ERROR_EXPIRED_CERTIFICATE",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    // Safari shows no code; any certificate cause gives this heading.
    [
      "Safari: This Connection Is Not Private (no code)",
      "This Connection Is Not Private",
      "self-signed-or-private-ca-not-trusted",
    ],
  ])('%s', ranksFirst);
});

describe("OpenSSL tools (s_client, verify)", () => {
  it.each([
    [
      "s_client: one certificate, verify error 21",
      lines(
        "depth=0 CN = www.example.com",
        "verify error:num=20:unable to get local issuer certificate",
        "verify return:1",
        "depth=0 CN = www.example.com",
        "verify error:num=21:unable to verify the first certificate",
        "verify return:1",
        "CONNECTED(00000003)",
        "---",
        "Certificate chain",
        " 0 s:CN = www.example.com",
        "   i:C = US, O = Example, CN = Example Issuing CA",
        "   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256",
        "---",
        "Verification error: unable to verify the first certificate",
        "---",
        "SSL handshake has read 1534 bytes and written 393 bytes",
        "Verification error: unable to verify the first certificate",
        "---",
        "Verify return code: 21 (unable to verify the first certificate)",
      ),
      "incomplete-certificate-chain",
    ],
    [
      "s_client: complete chain, verify return code 20",
      lines(
        "depth=1 C = US, O = Example, CN = Example Issuing CA",
        "verify error:num=20:unable to get local issuer certificate",
        "verify return:1",
        "CONNECTED(00000003)",
        "---",
        "Certificate chain",
        " 0 s:CN = www.example.com",
        "   i:C = US, O = Example, CN = Example Issuing CA",
        " 1 s:C = US, O = Example, CN = Example Issuing CA",
        "   i:C = US, O = Example, CN = Example Root CA",
        "---",
        "Verify return code: 20 (unable to get local issuer certificate)",
      ),
      "outdated-client-trust-store",
    ],
    [
      "s_client: verify error 18",
      lines(
        "depth=0 CN = intranet.example.lan",
        "verify error:num=18:self-signed certificate",
        "verify return:1",
        "CONNECTED(00000003)",
        "---",
        "Certificate chain",
        " 0 s:CN = intranet.example.lan",
        "   i:CN = intranet.example.lan",
        "---",
        "Verification error: self-signed certificate",
        "---",
        "Verify return code: 18 (self-signed certificate)",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "s_client, OpenSSL 3: verify error 19",
      lines(
        "depth=2 CN = Example Test Root CA",
        "verify error:num=19:self-signed certificate in certificate chain",
        "verify return:1",
        "CONNECTED(00000003)",
        "---",
        "Verification error: self-signed certificate in certificate chain",
        "---",
        "Verify return code: 19 (self-signed certificate in certificate chain)",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
    [
      "s_client: verify error 10 with notAfter",
      lines(
        "depth=0 CN = www.example.com",
        "verify error:num=10:certificate has expired",
        "notAfter=Jan  1 00:00:00 2025 GMT",
        "verify return:1",
        "CONNECTED(00000003)",
        "---",
        "Verification error: certificate has expired",
        "---",
        "Verify return code: 10 (certificate has expired)",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "s_client -verify_hostname: verify error 62",
      lines(
        "depth=0 CN = www.example.com",
        "verify error:num=62:hostname mismatch",
        "verify return:1",
        "CONNECTED(00000003)",
        "---",
        "Verify return code: 62 (hostname mismatch)",
      ),
      "certificate-name-mismatch",
    ],
    [
      "openssl verify: error 20 at 0 depth lookup",
      lines(
        "CN = www.example.com",
        "error 20 at 0 depth lookup: unable to get local issuer certificate",
        "error www.example.com.pem: verification failed",
      ),
      "incomplete-certificate-chain",
    ],
    [
      "openssl verify: error 10 at 0 depth lookup",
      lines(
        "CN = www.example.com",
        "error 10 at 0 depth lookup: certificate has expired",
        "error www.example.com.pem: verification failed",
      ),
      "certificate-expired-or-not-yet-valid",
    ],
    [
      "openssl verify: error 18 at 0 depth lookup",
      lines(
        "CN = intranet.example.lan",
        "error 18 at 0 depth lookup: self-signed certificate",
        "error intranet.example.lan.pem: verification failed",
      ),
      "self-signed-or-private-ca-not-trusted",
    ],
  ])('%s', ranksFirst);
});

describe("Nearby texts from another cause keep their own entry", () => {
  it.each([
    [
      "PHP, same warning with wrong version number: the plain-HTTP entry, not the trust store",
      lines(
        "PHP Warning:  file_get_contents(): SSL operation failed with code 1. OpenSSL Error messages:",
        "error:0A00010B:SSL routines::wrong version number in /var/www/app/fetch.php on line 12",
        "PHP Warning:  file_get_contents(): Failed to enable crypto in /var/www/app/fetch.php on line 12",
      ),
      "browser-hangs-http-to-https-port",
    ],
    [
      "Firefox names the interception itself",
      lines(
        "Software is Preventing Firefox From Safely Connecting to This Site",
        "Error code: MOZILLA_PKIX_ERROR_MITM_DETECTED",
      ),
      "tls-interception-middlebox",
    ],
    [
      "Go 1.20+, two labels below a wildcard: the wildcard entry",
      "Get \"https://a.b.example.com/\": tls: failed to verify certificate: x509: certificate is valid for *.example.com, example.com, not a.b.example.com",
      "wildcard-certificate-scope",
    ],
    [
      "Node.js, bare domain against a wildcard: the wildcard entry",
      lines(
        "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: example.com. is not in the cert's altnames: DNS:*.example.com",
        "    at Object.checkServerIdentity (node:tls:316:12) {",
        "  code: 'ERR_TLS_CERT_ALTNAME_INVALID'",
        "}",
      ),
      "wildcard-certificate-scope",
    ],
    [
      ".NET with both flags: the name mismatch is the one to fix first",
      "System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch, RemoteCertificateChainErrors",
      "certificate-name-mismatch",
    ],
  ])('%s', ranksFirst);
});
