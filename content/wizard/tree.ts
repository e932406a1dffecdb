// The wizard's knowledge, kept as data like the entries. The first step asks where the problem
// shows; the next one groups the messages by what they mean (not trusted, wrong name, dates,
// protocol, refused or reset, client certificate, HTTP status, start-up); the questions after
// that separate the causes that look alike, each with a way to tell. Every error and case entry
// has hand-written leaves, one per cause the path establishes. `npm run check:content`
// validates the whole tree (at most 7 answers a step, 6 steps to any leaf, a check at every leaf).
import type { WizardTree } from '../../lib/wizard/types';

const HOST = 'www.example.org';
const S_CLIENT = `openssl s_client -connect ${HOST}:443 -servername ${HOST}`;
/** The error logs of the usual layouts (Debian/Ubuntu, RHEL and relatives), whichever exists. */
const LOGS = '/var/log/apache2/*error.log /var/log/httpd/*error_log';
const grepLog = (codes: string) => `grep -hE '${codes}' ${LOGS} 2>/dev/null | tail -n 5`;

export const tree: WizardTree = {
  start: 'start',
  nodes: {
    start: {
      kind: 'question',
      title: 'What do you have?',
      help: { text: 'Pick the place where you first saw the problem. If you have an error message or a log line, pasting it is quickest.' },
      options: [
        { label: 'I have an error message or log line to paste', next: 'paste' },
        { label: 'An error in a browser', next: 'browser' },
        { label: 'A message in the server error log', next: 'server-log' },
        { label: 'httpd will not start or reload', next: 'startup' },
        { label: 'An error from a command-line or API client (curl, Java, Python, Node, Go…)', next: 'client' },
        { label: 'A failure through a reverse proxy, load balancer or CDN', next: 'proxy' },
        { label: 'No error yet: my configuration, to check before it fails', next: 'paste' },
      ],
    },
    paste: { kind: 'paste', title: 'Paste the error, or your configuration' },

    // ───────────────────────────── where it shows ─────────────────────────────
    browser: {
      kind: 'question',
      title: 'Which of these does the browser show?',
      help: {
        text: 'Read the code on the error page (Chrome and Edge: under the message or "Advanced"; Firefox: "Advanced" or "Error code"). For a page that loads but misbehaves, open the developer tools (F12) and look at the console and the status column of the network tab.',
        where: 'The browser error page, or the developer tools (F12): Console and Network',
      },
      options: [
        { label: 'The certificate is not trusted', next: 'trust', shows: 'ERR_CERT_AUTHORITY_INVALID, SEC_ERROR_UNKNOWN_ISSUER, MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT, MOZILLA_PKIX_ERROR_MITM_DETECTED, "This Connection Is Not Private"' },
        { label: 'The certificate is for another name', next: 'name', shows: 'ERR_CERT_COMMON_NAME_INVALID, SSL_ERROR_BAD_CERT_DOMAIN, ERR_SSL_UNRECOGNIZED_NAME_ALERT' },
        { label: 'The certificate has expired, is not yet valid, or its revocation status fails', next: 'dates', shows: 'ERR_CERT_DATE_INVALID, "Your clock is behind", SEC_ERROR_EXPIRED_CERTIFICATE, SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE, SEC_ERROR_OCSP_TRY_SERVER_LATER, MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING' },
        { label: 'No secure connection can be made (protocol or cipher)', next: 'negotiate', shows: 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH, ERR_SSL_PROTOCOL_ERROR, SSL_ERROR_RX_RECORD_TOO_LONG, SSL_ERROR_NO_CYPHER_OVERLAP, ERR_SSL_OBSOLETE_VERSION, ERR_SSL_WEAK_SERVER_EPHEMERAL_DH_KEY, ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY' },
        { label: 'The connection is refused, closed or reset', next: 'conn', shows: 'ERR_CONNECTION_REFUSED, ERR_CONNECTION_CLOSED, ERR_CONNECTION_RESET, "unexpectedly closed the connection"' },
        { label: 'Something about a client certificate', next: 'clientcert', shows: 'ERR_BAD_SSL_CLIENT_AUTH_CERT, SSL_ERROR_UNKNOWN_CA_ALERT, SSL_ERROR_RX_CERTIFICATE_REQUIRED_ALERT, ERR_HTTP_1_1_REQUIRED, a certificate picker that keeps coming back, Safari "can\'t establish a secure connection"' },
        { label: 'The page loads, but with an HTTP error, a redirect loop or blocked content', next: 'http', shows: '400, 403, 413, 421, 500, 502 or 503 pages, ERR_TOO_MANY_REDIRECTS, "Mixed Content" in the console' },
      ],
    },
    'server-log': {
      kind: 'question',
      title: 'Which of these is in the error log?',
      help: {
        text: 'Raise the detail for mod_ssl only, reload, repeat the failing request, and read the lines written at that moment. Put the first line in the virtual host (or server config), then follow the log.',
        command: `LogLevel warn ssl:info\ntail -f ${LOGS}`,
      },
      options: [
        { label: 'Handshake failures that give a reason', next: 'negotiate', shows: 'AH02008 followed by "SSL Library Error" with unsupported protocol, no shared cipher, http request, dh key too small, legacy sigalg disallowed; or AH01996' },
        { label: 'Client-certificate lines', next: 'clientcert', shows: 'AH02039, AH02276, AH02040, AH02261, AH02221, AH10158, AH02018, AH02263, "peer did not return a certificate"' },
        { label: 'Clients reject the server certificate (unknown CA alert)', next: 'trust', shows: '"tlsv1 alert unknown ca" (alert 48), 14094418 or 0A000418, from clients that do not send a certificate' },
        { label: 'Clients reject the dates of the server certificate', next: 'dates', shows: '"alert certificate expired" (alert 45), 14094415 or 0A000415, or "alert bad certificate" (alert 42)' },
        { label: 'OCSP stapling lines', next: 'ocsp', shows: 'AH01941, AH01955, AH01936, AH02218, AH01926, AH02604, AH02217' },
        { label: 'Reverse proxy or SNI lines', next: 'log-proxy-sni', shows: 'AH00961, AH01961, AH02003, AH01997, AH02268, AH02032, AH02645, AH02044, AH02033' },
        { label: 'Something else (frequent short failures, mod_md, session cache, I/O)', next: 'log-other', shows: 'AH02006, AH01991, AH01992, AH10116, AH10266, AH02026, AH02024, AH02015, AH02012, AH10273, an SELinux denial for httpd_t' },
      ],
    },
    client: {
      kind: 'question',
      title: 'Which of these does the client print?',
      help: {
        text: 'Run the request verbosely and read the last error line; for the certificate details add openssl s_client.',
        command: `curl -v https://${HOST}/ -o /dev/null\n${S_CLIENT} </dev/null`,
      },
      options: [
        { label: 'The certificate is not trusted', next: 'trust', shows: 'curl: (60) "unable to get local issuer certificate" or "self-signed certificate in certificate chain"; Java "PKIX path building failed"; Go "x509: certificate signed by unknown authority"; Node UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
        { label: 'The certificate does not match the host name', next: 'name', shows: '"no alternative certificate subject name matches target host name", "Hostname mismatch", ERR_TLS_CERT_ALTNAME_INVALID, "x509: certificate is valid for …", "No subject alternative DNS name matching", or alert 112 unrecognized_name' },
        { label: 'The certificate has expired or is not yet valid', next: 'dates', shows: '"certificate has expired", "certificate is not yet valid", CERT_HAS_EXPIRED, CertificateExpiredException, "Verify return code: 10"; or OCSP errors (curl (91))' },
        { label: 'The handshake fails on the protocol, a cipher or a key size', next: 'negotiate', shows: '"wrong version number", "tlsv1 alert protocol version", "unsupported protocol", "sslv3 alert handshake failure" (alert 40), "dh key too small", "EE certificate key too weak", INADEQUATE_SECURITY' },
        { label: 'The connection is refused, closed or reset', next: 'conn', shows: '"Connection refused", curl (35) SSL_ERROR_SYSCALL, "Connection reset by peer", "Remote host terminated the handshake", ECONNRESET, "unexpected eof while reading"' },
        { label: 'The server wants a client certificate or rejects it', next: 'clientcert', shows: '"tlsv1 alert unknown ca" with --cert, "tlsv13 alert certificate required", "local error: tls: no renegotiation", HTTP_1_1_REQUIRED, a 403 saying "Cannot perform Post-Handshake Authentication"' },
        { label: 'An HTTP status or too many redirects', next: 'http', shows: 'HTTP/1.1 400, 403, 413, 421, 500, 502 or 503; "Maximum (50) redirects followed", "Exceeded 30 redirects"' },
      ],
    },
    proxy: {
      kind: 'question',
      title: 'Where does the proxy sit, and what fails?',
      help: {
        text: 'Work out which program makes the failing TLS connection: httpd passing requests on to an HTTPS backend (ProxyPass https://…), or a proxy, load balancer or CDN in front of httpd.',
        command: 'apachectl -S\ngrep -rn "ProxyPass\\|SSLProxy" /etc/apache2 /etc/httpd 2>/dev/null',
      },
      options: [
        { label: 'httpd is the proxy and its HTTPS backend fails (500 or 502 Proxy Error)', next: 'proxy-backend', shows: 'ProxyPass lines with https:// in your configuration; "Proxy Error" pages; AH00961, AH01961, AH02003, AH02268 in the error log' },
        { label: 'A proxy, load balancer or CDN in front of httpd cannot connect to it', next: 'upstream', shows: 'Cloudflare 525 or 526, nginx "upstream SSL certificate verify error", HAProxy "Layer6 invalid response", AWS API Gateway "Execution failed due to configuration error"' },
        { label: 'TLS ends at the balancer, and the site loops or loads http:// parts', next: 'page-https', shows: 'ERR_TOO_MANY_REDIRECTS through the balancer, or "Mixed Content" warnings, while direct HTTPS to httpd works' },
        { label: 'Requests through the proxy get 421 Misdirected Request', next: 'sni421', shows: 'HTTP 421 and AH02032 in the error log of the httpd behind the proxy' },
      ],
    },

    // ───────────────────────────── certificate not trusted ─────────────────────────────
    trust: {
      kind: 'question',
      title: 'What does the server send as its certificate chain?',
      help: {
        text: `List the certificates the connection delivers, with the subject (s:) and issuer (i:) of each, from the machine where the error appears. This project's probe runs these checks from outside in one go and names the entry for each problem: npm run diagnose -- probe ${HOST}.`,
        command: `${S_CLIENT} -showcerts </dev/null`,
      },
      for: ['incomplete-certificate-chain', 'certificate-chain-wrong-order', 'self-signed-or-private-ca-not-trusted', 'outdated-client-trust-store', 'tls-interception-middlebox'],
      options: [
        { label: 'One certificate, issued by an intermediate CA', next: 'leaf-chain', shows: 'Only "0 s:CN = www.example.org" with an "i:" naming an intermediate CA, and no certificate 1; "Verify return code: 21 (unable to verify the first certificate)"' },
        { label: 'Several, but the first is not your host', next: 'leaf-chain-order', shows: 'Certificate 0 has a CA name as its subject, or certificate 1 is not the issuer of certificate 0' },
        { label: 'Issued by your own or your company\'s CA, or self-signed', next: 'leaf-private-ca', shows: 'The issuer is a CA you run (or equals the subject); "Verify return code: 18" or "19"' },
        { label: 'The issuer is an antivirus or proxy vendor', next: 'leaf-interception', shows: 'The issuer names Zscaler, ESET, Avast, Kaspersky, Fortinet or a corporate proxy; the same command run from another network shows your real CA' },
        { label: 'The issuer is "Apache Managed Domain Fallback"', next: 'leaf-md-fallback', shows: 'A self-signed certificate made by mod_md, while the site answers 503' },
        { label: 'The chain is fine; only one old client fails', next: 'leaf-old-trust-store', shows: '"Verify return code: 0 (ok)" from a current machine, while an old device, Java, Python certifi or a slim container still fails' },
      ],
    },
    'leaf-chain': { kind: 'leaf', entry: 'incomplete-certificate-chain', cause: 'missing-intermediate-chain', answer: 'httpd sends its own certificate but not the intermediate CA that signed it; browsers often fill the gap, most other clients cannot.', snippet: 'full-chain', next: 'leaf-chain-order' },
    'leaf-chain-order': { kind: 'leaf', entry: 'certificate-chain-wrong-order', cause: 'cert-chain-order-wrong', answer: 'The certificates are in the wrong order: the server certificate must come first, followed by the intermediate that issued it, and so on upwards.', snippet: 'full-chain', next: 'leaf-old-trust-store' },
    'leaf-private-ca': { kind: 'leaf', entry: 'self-signed-or-private-ca-not-trusted', cause: 'untrusted-self-signed-or-private-ca', answer: 'The certificate comes from your own CA (or signs itself), which the client has never been told to trust: import that CA certificate on the clients, or use a public CA for public sites.', next: 'leaf-interception' },
    'leaf-interception': { kind: 'leaf', entry: 'tls-interception-middlebox', cause: 'tls-interception-proxy', answer: 'An antivirus shield or an inspecting proxy on the user\'s side ends the TLS connection and presents its own certificate; the fix belongs on that device or network, not on httpd.', next: 'leaf-old-trust-store' },
    'leaf-old-trust-store': { kind: 'leaf', entry: 'outdated-client-trust-store', cause: 'client-trust-store-problem', answer: 'The failing client carries an outdated list of root CAs (or none): update its CA bundle, Java cacerts or certifi, or point it at the system bundle.', next: 'leaf-expired-root' },

    // ───────────────────────────── wrong name ─────────────────────────────
    name: {
      kind: 'question',
      title: 'Which names does the certificate you receive carry?',
      help: {
        text: `Print the subject and the subjectAltName list of the certificate the client gets, once with SNI and once without, and compare them with the host name in the URL. This project's probe runs these checks from outside in one go and names the entry for each problem: npm run diagnose -- probe ${HOST}.`,
        command: `${S_CLIENT} </dev/null 2>/dev/null | openssl x509 -noout -subject -ext subjectAltName\nopenssl s_client -connect ${HOST}:443 -noservername </dev/null 2>/dev/null | openssl x509 -noout -subject -ext subjectAltName`,
      },
      for: ['certificate-name-mismatch', 'sni-default-vhost-wrong-certificate', 'name-based-ssl-vhosts', 'wildcard-certificate-scope'],
      options: [
        { label: 'Your certificate, but the host name is not in its list', next: 'leaf-name-mismatch', shows: 'The subjectAltName lists other names of yours (www.example.org but not shop.example.org, or only the bare domain)' },
        { label: 'Your certificate, with a CN and no subjectAltName at all', next: 'leaf-missing-san', shows: '"subject=CN = www.example.org" and no "X509v3 Subject Alternative Name" section' },
        { label: 'A wildcard that should cover the name but does not', next: 'leaf-wildcard', shows: '"DNS:*.example.org" while the URL is example.org or a.b.example.org' },
        { label: 'Another site\'s certificate, but the right one with -servername', next: 'leaf-sni-default', shows: 'The first command shows the right names, the second (no SNI) shows another vhost\'s certificate: the failing client or proxy sends no SNI' },
        { label: 'Another site\'s certificate even with -servername', next: 'leaf-sni-no-vhost', shows: 'Both commands show the default vhost\'s certificate: no <VirtualHost> on that address claims the name in ServerName or ServerAlias' },
        { label: 'No certificate: an "unrecognized name" alert (112)', next: 'leaf-unrecognized-name', shows: '"tlsv1 unrecognized name", "SSL alert number 112", ERR_SSL_UNRECOGNIZED_NAME_ALERT, Java "unrecognized_name"' },
      ],
    },
    'leaf-name-mismatch': { kind: 'leaf', entry: 'certificate-name-mismatch', cause: 'hostname-mismatch', answer: 'The requested host name is not among the certificate\'s subjectAltName entries: reissue the certificate with every name clients use, and keep ServerName/ServerAlias in line with it.', next: 'leaf-sni-no-vhost' },
    'leaf-missing-san': { kind: 'leaf', entry: 'certificate-name-mismatch', cause: 'cert-missing-san', answer: 'The certificate names the host only in its CN; current clients read only subjectAltName, so reissue it with the names as subjectAltName entries.', next: 'leaf-name-mismatch' },
    'leaf-wildcard': { kind: 'leaf', entry: 'wildcard-certificate-scope', cause: 'hostname-mismatch', answer: 'A wildcard matches exactly one label: *.example.org covers www.example.org, not example.org and not a.b.example.org. Add those names to the certificate separately.', next: 'leaf-name-mismatch' },
    'leaf-sni-default': { kind: 'leaf', entry: 'sni-default-vhost-wrong-certificate', cause: 'client-no-sni', answer: 'The failing client or proxy does not send SNI, so httpd answers with the first virtual host on that address: make it send the name, and make the default vhost a deliberate choice.', next: 'leaf-name-based' },
    'leaf-sni-no-vhost': { kind: 'leaf', entry: 'sni-default-vhost-wrong-certificate', cause: 'name-based-vhost-without-sni', answer: 'The SNI name arrives, but no virtual host on that address and port lists it in ServerName or ServerAlias, so the default vhost and its certificate answer.', next: 'leaf-name-mismatch' },
    'leaf-name-based': { kind: 'leaf', entry: 'name-based-ssl-vhosts', cause: 'name-based-vhost-without-sni', answer: 'Several TLS virtual hosts share one IP address and port, and a client without SNI (or an httpd linked to an OpenSSL without TLS extensions) always gets the first one\'s certificate.', next: 'leaf-sni-default' },
    'leaf-unrecognized-name': { kind: 'leaf', entry: 'unrecognized-name-alert', cause: 'sni-unrecognized-name', answer: 'A server in the path rejects the SNI name with alert 112; current httpd never sends it, so look at the proxy, CDN or backend, or at an httpd older than 2.4.10.', next: 'leaf-proxy-sni-alert' },

    // ───────────────────────────── dates, revocation, stapling ─────────────────────────────
    dates: {
      kind: 'question',
      title: 'What do the certificate dates and the clock say?',
      help: {
        text: `Compare the dates of the certificate the server sends, the file on disk, the issuers in the chain, and the clock of the failing machine. This project's probe runs these checks from outside in one go and names the entry for each problem: npm run diagnose -- probe ${HOST}.`,
        command: `${S_CLIENT} </dev/null 2>/dev/null | openssl x509 -noout -subject -dates\n${S_CLIENT} -showcerts </dev/null 2>/dev/null | grep -E "^ *[0-9]+ s:|^ *i:"\ndate -u`,
      },
      for: ['certificate-expired-or-not-yet-valid'],
      options: [
        { label: 'The served notAfter is in the past, though you renewed', next: 'leaf-expired-old-file', shows: 'notAfter is older than the certificate file on disk: httpd still serves the previous certificate' },
        { label: 'The dates are fine, but the failing machine\'s clock is wrong', next: 'leaf-clock', shows: 'date -u on that machine is days or years away from the real time; Chrome says "Your clock is behind"' },
        { label: 'The dates are fine; an expired root appears in the chain', next: 'leaf-expired-root', shows: '"DST Root CA X3" or "AddTrust External CA Root" as an issuer, seen by old clients (OpenSSL 1.0.x, old Android)' },
        { label: 'The dates are fine; the error is about OCSP or revocation', next: 'ocsp', shows: 'SEC_ERROR_OCSP_TRY_SERVER_LATER, MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING, curl (91), "certificate revoked", stapling lines in the error log' },
      ],
    },
    'leaf-expired-old-file': { kind: 'leaf', entry: 'certificate-expired-or-not-yet-valid', cause: 'expired-or-not-yet-valid', answer: 'The renewed certificate is on disk, but httpd still serves the old one: it was not reloaded after the renewal, or its SSLCertificateFile points to another path.', next: 'leaf-clock' },
    'leaf-clock': { kind: 'leaf', entry: 'certificate-expired-or-not-yet-valid', cause: 'expired-or-not-yet-valid', answer: 'The certificate is valid; the failing machine\'s clock is outside its validity period. Correct that clock (NTP), not the certificate.', next: 'leaf-expired-root' },
    'leaf-expired-root': { kind: 'leaf', entry: 'certificate-expired-or-not-yet-valid', cause: 'client-trust-store-problem', answer: 'The chain leads old clients to an expired cross-signed root (such as DST Root CA X3); they need a current CA bundle, or the server a chain that avoids that root.', next: 'leaf-old-trust-store' },

    ocsp: {
      kind: 'question',
      title: 'Which OCSP check fails?',
      help: {
        text: `Ask for the stapled OCSP answer, and look for OCSP lines in the error log. This project's probe runs these checks from outside in one go and names the entry for each problem: npm run diagnose -- probe ${HOST}.`,
        command: `${S_CLIENT} -status </dev/null 2>/dev/null | grep -A3 "OCSP"\n${grepLog('AH01941|AH01955|AH01958|AH02217|AH02218|AH02604|AH01974|AH01980|AH03239')}`,
      },
      for: ['ocsp-stapling-errors', 'ocsp-responder-errors', 'lets-encrypt-ocsp-end-must-staple'],
      options: [
        { label: 'AH02218 "no OCSP URI", or "no response sent" with a recent certificate', next: 'leaf-le-ocsp', shows: '"OCSP response: no response sent" and AH02218/AH02604 at start-up, often with a Let\'s Encrypt certificate issued since May 2025; Firefox MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING for Must-Staple' },
        { label: 'AH02217: the issuer certificate is missing', next: 'leaf-stapling-issuer', shows: 'AH02217 at start-up; s_client -showcerts lists one certificate only' },
        { label: 'Other stapling errors: responder unreachable, no cache, bad answer', next: 'leaf-stapling', shows: 'AH01941, AH01955, AH01958, AH01936; "OCSP Response Status: trylater"; SEC_ERROR_OCSP_TRY_SERVER_LATER' },
        { label: 'Client certificates are checked by OCSP and refused', next: 'leaf-ocsp-client', shows: 'SSLOCSPEnable in the configuration; AH01974, AH01980, AH03239; verify error 23 (revoked) or 50 in AH02039/AH02276; the client sees "alert certificate revoked"' },
      ],
    },
    'leaf-le-ocsp': { kind: 'leaf', entry: 'lets-encrypt-ocsp-end-must-staple', cause: 'ocsp-stapling-problem', answer: 'The certificate has no OCSP address any more, so stapling has nothing to fetch: turn SSLUseStapling off for it, and do not order Must-Staple certificates.', next: 'leaf-stapling' },
    'leaf-stapling-issuer': { kind: 'leaf', entry: 'ocsp-stapling-errors', cause: 'missing-intermediate-chain', answer: 'Stapling needs the issuer of the server certificate, and httpd does not have it: serve the intermediate with the certificate.', snippet: 'full-chain', next: 'leaf-stapling' },
    'leaf-stapling': { kind: 'leaf', entry: 'ocsp-stapling-errors', cause: 'ocsp-stapling-problem', answer: 'mod_ssl cannot obtain or keep an OCSP answer for its own certificate: the stapling cache is missing, or the responder cannot be reached or answers badly.', snippet: 'ocsp-stapling', next: 'leaf-le-ocsp' },
    'leaf-ocsp-client': { kind: 'leaf', entry: 'ocsp-responder-errors', cause: 'client-cert-required-or-rejected', answer: 'With SSLOCSPEnable, each client certificate is checked with an OCSP responder during the handshake; an unreachable responder, a bad answer or a "revoked" answer makes the certificate fail.', next: 'cc-verify' },

    // ───────────────────────────── protocol or cipher ─────────────────────────────
    negotiate: {
      kind: 'question',
      title: 'Which reason does the failed handshake give?',
      help: {
        text: `Try each protocol version from a machine with a current OpenSSL and read the reason; the server log (LogLevel ssl:info) gives the other side's reason after AH02008. This project's probe runs these checks from outside in one go and names the entry for each problem: npm run diagnose -- probe ${HOST}.`,
        command: `${S_CLIENT} -tls1_2 -brief </dev/null\n${S_CLIENT} -tls1_3 -brief </dev/null\ncurl -v https://${HOST}/ -o /dev/null`,
      },
      for: ['protocol-version-mismatch', 'no-shared-cipher', 'openssl-3-security-level', 'dh-parameters-too-small', 'http2-inadequate-security'],
      options: [
        { label: 'Not TLS at all: "wrong version number", "http request", RX_RECORD_TOO_LONG', next: 'wrong-protocol', shows: 'curl "wrong version number", Go "first record does not look like a TLS handshake", Firefox SSL_ERROR_RX_RECORD_TOO_LONG, server AH01996 or "http request"' },
        { label: 'No common version: an old client against your server', next: 'leaf-protocol', shows: 'Server log "unsupported protocol"; the client only speaks TLS 1.0/1.1 (old Java, Android, Windows, devices), while -tls1_2 from a current machine works' },
        { label: 'No common version: a current client against an old server', next: 'leaf-protocol-old-server', shows: '-tls1_2 and -tls1_3 fail with "tlsv1 alert protocol version" or "unsupported protocol"; the server (or a backend) still tops out at TLS 1.0/1.1' },
        { label: 'The version is agreed but no cipher is ("no shared cipher", alert 40)', next: 'leaf-cipher', shows: 'Server "no shared cipher" or "no shared signature algorithms"; client "sslv3 alert handshake failure" (alert 40), SSL_ERROR_NO_CYPHER_OVERLAP' },
        { label: 'OpenSSL 3 refuses a key, a signature or an old version', next: 'seclevel', shows: '"ee key too small", "ca md too weak", "legacy sigalg disallowed", "no protocols available", ERR_SSL_EE_KEY_TOO_SMALL, usually right after an OpenSSL 3 upgrade' },
        { label: '"dh key too small" or a weak ephemeral DH key', next: 'leaf-dh', shows: '"dh key too small", DH_KEY_TOO_SMALL, ERR_SSL_WEAK_SERVER_EPHEMERAL_DH_KEY, Java "Could not generate DH keypair"' },
        { label: 'HTTP/2 "inadequate security"', next: 'leaf-h2-inadequate', shows: 'ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY, NS_ERROR_NET_INADEQUATE_SECURITY, INADEQUATE_SECURITY from curl or nghttp' },
      ],
    },
    'leaf-protocol': { kind: 'leaf', entry: 'protocol-version-mismatch', cause: 'protocol-version-mismatch', answer: 'The client offers only TLS versions your server no longer allows; upgrade or replace the client rather than reopening old versions on the main site.', snippet: 'modern-protocols', check: { command: `${S_CLIENT} -tls1_2 -brief </dev/null`, expect: '"CONNECTION ESTABLISHED" and "Protocol version: TLSv1.2" (TLSv1.3 with -tls1_3); the updated client connects, and "unsupported protocol" stops appearing after AH02008 at LogLevel ssl:info.' }, next: 'leaf-cipher' },
    'leaf-protocol-old-server': { kind: 'leaf', entry: 'protocol-version-mismatch', cause: 'protocol-version-mismatch', answer: 'The server (or the backend behind it) offers only TLS 1.0/1.1, which current clients refuse: enable TLS 1.2 (and 1.3), upgrading OpenSSL first if it is older than 1.0.1.', snippet: 'modern-protocols', check: { command: `${S_CLIENT} -tls1_2 -brief </dev/null`, expect: '"CONNECTION ESTABLISHED" with "Protocol version: TLSv1.2" (or TLSv1.3 with -tls1_3), and the current client connects without "tlsv1 alert protocol version".' }, next: 'leaf-seclevel-protocol' },
    'leaf-cipher': { kind: 'leaf', entry: 'no-shared-cipher', cause: 'no-shared-cipher', answer: 'Client and server agree on a TLS version but on no cipher suite or signature type: widen SSLCipherSuite to a current list, and keep an RSA certificate if old clients matter.', snippet: 'modern-protocols', next: 'leaf-dh' },
    seclevel: {
      kind: 'question',
      title: 'What does OpenSSL 3 refuse?',
      help: {
        text: 'Read the reason after the last colon of the OpenSSL error, and look at the key size and signature of each certificate in the chain.',
        command: `${S_CLIENT} -showcerts </dev/null 2>/dev/null | grep -E "Server public key|Peer signature|s:|i:"\nopenssl version`,
      },
      options: [
        { label: 'A key or signature: "ee key too small", "ca md too weak", "legacy sigalg"', next: 'leaf-seclevel', shows: 'A 1024-bit RSA key, or a SHA-1 signature, in the server (or client) certificate or its CA' },
        { label: 'An old protocol: "no protocols available", or TLS 1.0/1.1 needed', next: 'leaf-seclevel-protocol', shows: 'The peer only speaks TLS 1.0/1.1 and OpenSSL 3 at its default level will not; it works only with @SECLEVEL=0' },
      ],
    },
    'leaf-seclevel': { kind: 'leaf', entry: 'openssl-3-security-level', cause: 'key-too-small-or-weak-signature', answer: 'OpenSSL 3\'s security level rejects a key that is too small or a signature hash that is too weak somewhere in the chain: replace that certificate; lowering the level is only a stopgap.', next: 'leaf-dh' },
    'leaf-seclevel-protocol': { kind: 'leaf', entry: 'openssl-3-security-level', cause: 'protocol-version-mismatch', answer: 'OpenSSL 3 no longer allows TLS 1.0/1.1 at its default security level, so the old peer and the new one have no version in common: move the old side to TLS 1.2.', next: 'leaf-protocol-old-server' },
    'leaf-dh': { kind: 'leaf', entry: 'dh-parameters-too-small', cause: 'weak-dh-params', answer: 'A DHE suite was chosen with a Diffie-Hellman group smaller than the client accepts: prefer ECDHE suites, or load a 2048-bit DH group.', snippet: 'modern-protocols', next: 'leaf-seclevel' },
    'leaf-h2-inadequate': { kind: 'leaf', entry: 'http2-inadequate-security', cause: 'http2-cipher-or-tls-requirement', answer: 'HTTP/2 is negotiated over a cipher suite HTTP/2 forbids (CBC, non-ECDHE): put AEAD ECDHE suites first, or allow TLS 1.3.', snippet: 'http2-with-tls', next: 'leaf-cipher' },

    // "unknown protocol" / "wrong version number": who is speaking the wrong protocol?
    'wrong-protocol': {
      kind: 'question',
      title: 'Who connects when the error appears?',
      help: {
        text: 'Take the client address from the log line and compare it with your own tests; send plain HTTP to the TLS port and TLS to the plain port, and see which one answers wrongly.',
        command: `curl -sv http://${HOST}:443/ -o /dev/null\ncurl -sv https://${HOST}:80/ -o /dev/null\napachectl -t -D DUMP_VHOSTS`,
      },
      for: ['browser-hangs-http-to-https-port', 'handshake-noise-from-scanners', 'ssl-vhost-port-warnings'],
      options: [
        { label: 'My own browser or client: http:// to the HTTPS port, or https:// to a plain port', next: 'leaf-plain-http', shows: 'The first curl gets httpd\'s 400 "speaking plain HTTP to an SSL-enabled server port"; an https:// URL with :80 or :8080 fails with "wrong version number"' },
        { label: 'Every client, with the right URL: the vhost on that port has the wrong SSLEngine', next: 'leaf-vhost-port', shows: 'https://host/ itself fails; start-up logged AH01916 (443 without SSLEngine on) or AH01915 (80 with SSLEngine on)' },
        { label: 'Unknown addresses now and then, while the site works for users', next: 'leaf-scanner', shows: 'The client addresses are not yours or your users\'; the lines are spread over the day' },
      ],
    },
    'leaf-plain-http': { kind: 'leaf', entry: 'browser-hangs-http-to-https-port', cause: 'plain-http-on-https-port', answer: 'One side speaks plain HTTP where the other expects TLS (or the reverse): use https:// for the TLS port, and make sure the virtual host behind that port has SSLEngine on and a matching Listen.', next: 'leaf-vhost-port' },
    'leaf-vhost-port': { kind: 'leaf', entry: 'ssl-vhost-port-warnings', cause: 'plain-http-on-https-port', answer: 'A <VirtualHost *:443> lacks SSLEngine on (AH01916), or one on port 80 has it (AH01915): move the SSL lines into the right block.', next: 'leaf-plain-http' },
    'leaf-scanner': { kind: 'leaf', entry: 'handshake-noise-from-scanners', cause: 'scanner-noise', answer: 'Scanners, bots and health checks leave failed handshakes behind; it is harmless while real users connect, so filter it rather than change TLS settings.', next: 'conn' },

    // ───────────────────────────── refused, closed, reset ─────────────────────────────
    conn: {
      kind: 'question',
      title: 'What happens when you connect to the port yourself?',
      help: {
        text: 'Talk to the port from the failing machine, then from the httpd host itself, and see which program owns the port there.',
        command: `${S_CLIENT} </dev/null\nss -ltnp | grep ':443 '\napachectl -S`,
      },
      for: ['connection-closed-during-handshake'],
      options: [
        { label: 'Connection refused: httpd is not running', next: 'startup', shows: '"connect: Connection refused", and ss lists nothing on :443; systemctl status shows httpd failed' },
        { label: 'CONNECTED, then nothing, but it works on the server itself', next: 'leaf-conn-path', shows: '"SSL handshake has read 0 bytes" from outside; the same command against 127.0.0.1 on the httpd host completes the handshake' },
        { label: 'It fails on the server too, and ss shows another program on 443', next: 'leaf-conn-port', shows: 'ss names a process that is not httpd or apache2 (another web server, a VPN, a proxy)' },
        { label: 'httpd owns the port, but the vhost for it has no SSLEngine on', next: 'leaf-conn-notls', shows: 'apachectl -S lists the address under a vhost without SSL; curl prints "wrong version number"' },
        { label: 'It fails only from some networks, or only for some names', next: 'leaf-conn-interception', shows: 'The office network or a machine with an antivirus TLS filter fails, a mobile connection works' },
        { label: 'The error log shows a child crashing at that moment', next: 'leaf-conn-crash', shows: 'AH00052 "child pid … exit signal Segmentation fault" next to the failed connection' },
        { label: 'httpd logs AH02006 for these connections, from many unknown addresses', next: 'leaf-scanner', shows: 'AH02006 "SSL handshake stopped: connection was closed" from addresses that are not your users' },
      ],
    },
    'leaf-conn-path': { kind: 'leaf', entry: 'connection-closed-during-handshake', cause: 'connection-dropped-in-handshake', answer: 'A firewall, IPS or load balancer between the client and httpd ends the connection without a TLS alert: let TLS through to httpd, or give the balancer a TLS (or pass-through) listener.', next: 'leaf-conn-interception' },
    'leaf-conn-port': { kind: 'leaf', entry: 'connection-closed-during-handshake', cause: 'port-or-listen-problem', answer: 'Another program answers on the port clients use: stop it or move httpd, and make httpd listen where clients connect.', next: 'leaf-conn-notls' },
    'leaf-conn-notls': { kind: 'leaf', entry: 'connection-closed-during-handshake', cause: 'plain-http-on-https-port', answer: 'httpd owns the port, but the virtual host for that address does not speak TLS: give it SSLEngine on with a certificate and key (and "Listen 443 https").', next: 'leaf-vhost-port' },
    'leaf-conn-interception': { kind: 'leaf', entry: 'connection-closed-during-handshake', cause: 'tls-interception-proxy', answer: 'A filtering device on those networks (an inspecting proxy, antivirus or firewall) drops the handshake; the fix is on that device, not in httpd.', next: 'leaf-interception' },
    'leaf-conn-crash': { kind: 'leaf', entry: 'connection-closed-during-handshake', cause: 'connection-dropped-in-handshake', answer: 'The httpd child handling the connection crashed, so the kernel closed the socket without an alert; find the crashing module (often one built against another OpenSSL).', next: 'leaf-openssl-mismatch' },

    // ───────────────────────────── client certificates ─────────────────────────────
    clientcert: {
      kind: 'question',
      title: 'What does the server log about the client certificate?',
      help: {
        text: 'Look for mod_ssl\'s client-certificate lines at the time of the failure (at LogLevel ssl:info), and check where SSLVerifyClient is set.',
        command: `${grepLog('AH02039|AH02276|AH02040|AH02261|AH02221|AH10158|AH02018|AH02263|AH01897|peer did not return')}\ngrep -rn -B3 "SSLVerifyClient" /etc/apache2 /etc/httpd 2>/dev/null`,
      },
      options: [
        { label: 'A verification error: the certificate arrived and was refused', next: 'cc-verify', shows: 'AH02039 or AH02276 "Certificate Verification: Error (N)", AH02040, or the client sees "unknown ca", "certificate expired"' },
        { label: 'No certificate arrives at all', next: 'cc-nocert', shows: '"peer did not return a certificate", AH02263, "tlsv13 alert certificate required", or no certificate line at all though the user has one' },
        { label: 'Renegotiation or post-handshake lines: SSLVerifyClient sits in a <Location>', next: 'reneg', shows: 'AH02221, AH02261, AH02260, AH10158, AH10129, ERR_HTTP_1_1_REQUIRED; SSLVerifyClient (or SSLCipherSuite) inside <Location>, <Directory> or <If>' },
        { label: 'Uploads fail with 413 on a location that asks for a certificate', next: 'http-413', shows: 'AH02018 "request body exceeds maximum size", then AH02257 or AH10228' },
        { label: 'httpd is the client: a backend asks the proxy for a certificate', next: 'leaf-proxy-client-cert', shows: 'AH02268 ("Proxy client certificate callback") and a 500 Proxy Error' },
      ],
    },
    'cc-verify': {
      kind: 'question',
      title: 'Which check fails for the client certificate?',
      help: {
        text: 'At LogLevel ssl:info, AH02276 gives the failed check by number; below that AH02039 does. Compare the client certificate\'s issuer and dates with your SSLCACertificateFile.',
        command: `${grepLog('AH02039|AH02276|AH02040')}\nopenssl x509 -in client.pem -noout -subject -issuer -dates`,
      },
      for: ['client-certificate-verification-failed', 'client-auth-fails-after-upgrade', 'client-certificate-chain-too-long'],
      options: [
        { label: 'Error 20, 2 or 19: the issuer is unknown to the server', next: 'leaf-cc-unknown-ca', shows: '"Error (20): unable to get local issuer certificate" or "(19) self-signed certificate in certificate chain"; the client sees "tlsv1 alert unknown ca"' },
        { label: 'Error 22 or AH02040: the chain is too long', next: 'leaf-cc-depth', shows: 'AH02040 "Certificate Verification: Certificate Chain too long" for a certificate issued by an intermediate CA' },
        { label: 'Error 10 or 9: expired or not yet valid', next: 'leaf-cc-expired', shows: '"Error (10): certificate has expired" or "(9) certificate is not yet valid"; the client sees "sslv3 alert certificate expired"' },
        { label: 'Error 23 or 50: revoked, or the OCSP check failed', next: 'leaf-ocsp-client', shows: '"Error (23): certificate revoked" or "(50)"; SSLOCSPEnable is on' },
        { label: 'It worked until an upgrade; SSLCACertificatePath is used', next: 'leaf-cc-hash', shows: 'SSLCACertificatePath names a directory of hash-named links that were made by an older OpenSSL' },
        { label: 'It worked until OpenSSL 3; the client certificate is weak', next: 'leaf-cc-weak', shows: 'The client certificate or its CA has a 1024-bit key or a SHA-1 signature; "ca md too weak" or "ee key too small"' },
      ],
    },
    'leaf-cc-unknown-ca': { kind: 'leaf', entry: 'client-certificate-verification-failed', cause: 'client-cert-required-or-rejected', answer: 'The CA that issued the client certificate (or its intermediate) is not in SSLCACertificateFile, so OpenSSL cannot verify it: add that CA.', next: 'leaf-cc-depth' },
    'leaf-cc-depth': { kind: 'leaf', entry: 'client-certificate-chain-too-long', cause: 'client-cert-required-or-rejected', answer: 'SSLVerifyDepth defaults to 1, too little for a client certificate issued by an intermediate CA: set it to the real depth of your client PKI.', next: 'leaf-cc-unknown-ca' },
    'leaf-cc-expired': { kind: 'leaf', entry: 'client-certificate-verification-failed', cause: 'expired-or-not-yet-valid', answer: 'The client certificate is outside its validity dates: issue the user a new certificate.', next: 'leaf-cc-unknown-ca' },
    'leaf-cc-hash': { kind: 'leaf', entry: 'client-auth-fails-after-upgrade', cause: 'client-cert-required-or-rejected', answer: 'SSLCACertificatePath finds CAs through hash-named links whose hash changed with the OpenSSL upgrade: rebuild them with openssl rehash, or use one SSLCACertificateFile.', next: 'leaf-cc-weak' },
    'leaf-cc-weak': { kind: 'leaf', entry: 'client-auth-fails-after-upgrade', cause: 'key-too-small-or-weak-signature', answer: 'OpenSSL 3 rejects client certificates with small keys or SHA-1 signatures: reissue them with at least 2048-bit RSA (or ECDSA) and SHA-256.', next: 'leaf-cc-hash' },

    'cc-nocert': {
      kind: 'question',
      title: 'Does the server ask for the right certificates?',
      help: {
        text: 'See which CA names the server sends in its certificate request: the client only offers certificates issued by one of them.',
        command: `${S_CLIENT} </dev/null 2>/dev/null | grep -A5 "client certificate CA names"`,
      },
      for: ['no-ca-for-client-verification', 'safari-client-certificates'],
      options: [
        { label: '"No client certificate CA names sent"', next: 'leaf-no-ca', shows: 'That line instead of a list of CAs; AH01897 at start-up' },
        { label: 'The right CA names, but the client sends nothing', next: 'leaf-cc-missing', shows: 'Your client CA is listed; the client has no certificate from it loaded, or none was given to curl (--cert) or the program' },
        { label: 'The right CA names; only Safari or an iOS app fails', next: 'leaf-safari', shows: 'Other browsers work; Safari shows "can\'t establish a secure connection"; the log shows "peer did not return a certificate" or AH02263' },
      ],
    },
    'leaf-no-ca': { kind: 'leaf', entry: 'no-ca-for-client-verification', cause: 'client-cert-required-or-rejected', answer: 'SSLVerifyClient is on but no CA is configured to check clients against and to name in the request, so no client certificate can pass: set SSLCACertificateFile.', next: 'leaf-cc-missing' },
    'leaf-cc-missing': { kind: 'leaf', entry: 'client-certificate-verification-failed', cause: 'client-cert-required-or-rejected', answer: 'The server asks for a certificate and names the right CA, but the client has none from that CA to offer: install or pass the certificate and key on the client.', next: 'leaf-safari' },
    'leaf-safari': { kind: 'leaf', entry: 'safari-client-certificates', cause: 'client-cert-required-or-rejected', answer: 'Safari takes the identity from the keychain and remembers the choice per URL; stale identity preferences, or an iOS app that cannot see the identity, send no certificate.', check: { command: grepLog('AH02263|AH02039|peer did not return'), expect: 'After choosing the certificate once in a restarted Safari, other pages load without a new prompt and no new AH02263 or "peer did not return a certificate" line appears for that client.' }, next: 'leaf-safari-reneg' },

    // Per-location client certificates: HTTP/2 and the TLS version are two separate questions.
    reneg: {
      kind: 'question',
      title: 'Does the failing request use HTTP/2?',
      help: {
        text: 'In the browser, the Protocol column of the network tab (F12) shows "h2" for HTTP/2; curl prints what ALPN chose. A request asked for with a per-location SSLVerifyClient on HTTP/2 ends with HTTP_1_1_REQUIRED, whatever the TLS version.',
        command: `curl -sv -o /dev/null https://${HOST}/ 2>&1 | grep -E "ALPN|HTTP/2|HTTP/1"`,
      },
      for: ['per-directory-client-certificate-renegotiation', 'ie11-cors-client-cert-renegotiation', 'tls13-post-handshake-auth', 'http2-client-certificate-http-1-1-required'],
      options: [
        { label: 'Yes, HTTP/2 (h2)', next: 'leaf-h2', shows: '"ALPN: server accepted h2"; ERR_HTTP_1_1_REQUIRED in Chrome; AH10399 or AH03061 in the log' },
        { label: 'No, HTTP/1.1', next: 'reneg-tls', shows: '"ALPN: server accepted http/1.1", or no ALPN line; "http/1.1" in the Protocol column' },
        { label: 'SSLVerifyClient is set only at the virtual-host level', next: 'cc-verify', shows: 'grep finds SSLVerifyClient only directly inside <VirtualHost>, not in <Location>, <Directory> or <If>' },
      ],
    },
    'reneg-tls': {
      kind: 'question',
      title: 'Which TLS version does the connection use?',
      help: {
        text: 'curl prints the negotiated version; in the log, TLS 1.3 shows post-handshake lines (AH10158, AH10129), TLS 1.2 shows renegotiation lines (AH02221, AH02261).',
        command: `curl -sv --http1.1 -o /dev/null https://${HOST}/ 2>&1 | grep "SSL connection using"`,
      },
      options: [
        { label: 'TLS 1.3', next: 'reneg-tls13', shows: '"SSL connection using TLSv1.3"' },
        { label: 'TLS 1.2 or older', next: 'reneg-tls12', shows: '"SSL connection using TLSv1.2" (or older)' },
      ],
    },
    'reneg-tls13': {
      kind: 'question',
      title: 'Under TLS 1.3, what does the block ask for, and what fails?',
      help: {
        text: 'Look at the directives inside the <Location> or <Directory> and at the log lines of the failing request.',
        command: `${grepLog('AH10158|AH10129|AH10228|AH02039|AH02276')}\ngrep -rn -A4 "<Location\\|<Directory" /etc/apache2 /etc/httpd 2>/dev/null`,
      },
      options: [
        { label: 'SSLVerifyClient; browsers get 403 and the log shows AH10158', next: 'leaf-pha', shows: '"AH10158: cannot perform post-handshake authentication", "extension not received"; the page says "Cannot perform Post-Handshake Authentication"' },
        { label: 'Uploads (POST/PUT) get 413, with AH10228', next: 'leaf-reneg-413-tls13', shows: 'AH02018 then "AH10228: could not buffer message body to allow TLS Post-Handshake Authentication to proceed"' },
        { label: 'Only SSLCipherSuite in the block, and it is not enforced', next: 'leaf-cipher-tls13', shows: 'The block has SSLCipherSuite but no SSLVerifyClient; requests succeed with ciphers the block does not list' },
        { label: 'AH10129, then a verification error', next: 'leaf-cc-after-exchange', shows: 'The post-handshake request went out (AH10129) and AH02276 or AH02039 follows: the certificate itself was refused' },
        { label: 'Only Safari fails', next: 'leaf-safari-reneg', shows: 'Chrome and Firefox behave differently from Safari; AH10158 or AH02263 for the Safari client' },
      ],
    },
    'reneg-tls12': {
      kind: 'question',
      title: 'Under TLS 1.2, who fails, and how?',
      help: {
        text: 'Compare the failing clients with the renegotiation trace: at LogLevel ssl:debug it runs AH02255 (or AH02220), AH02221, AH02226 and ends in AH02261 when the client does not take part.',
        command: grepLog('AH02255|AH02220|AH02221|AH02260|AH02261|AH02018|AH02257|AH02039'),
      },
      options: [
        { label: 'Clients refuse the renegotiation (AH02261), and their users need certificates', next: 'leaf-reneg-vhost', shows: 'AH02221 then AH02261 "Re-negotiation handshake failed"; Go "no renegotiation"; a 403' },
        { label: 'Browsers refuse it, but only API clients need certificates', next: 'leaf-reneg-api-host', shows: 'The same trace for browser users who never needed a certificate on that path' },
        { label: 'Only IE 11: the CORS preflight gets 403, the XHR fails with 0x4c7', next: 'leaf-reneg-ie11', shows: 'OPTIONS answered 403; "XMLHttpRequest: Network Error 0x4c7"; AH02261 or AH02007 for the IE client' },
        { label: '"client does not support secure renegotiation"', next: 'leaf-reneg-legacy', shows: 'AH02260 with that text, then AH02225 or AH02261 and "unsafe legacy renegotiation disabled"' },
        { label: 'Uploads (POST/PUT) get 413, with AH02257', next: 'leaf-reneg-413', shows: 'AH02018 "request body exceeds maximum size (131072)" then AH02257' },
        { label: 'The renegotiation works, then a verification error', next: 'leaf-cc-after-exchange', shows: 'AH02221 and AH02226 without AH02261, then AH02276 or AH02039' },
        { label: 'Only Safari', next: 'leaf-safari-reneg', shows: 'Safari fails while other browsers pass; AH02261 for the Safari client' },
      ],
    },
    'leaf-cc-after-exchange': { kind: 'leaf', entry: 'client-certificate-verification-failed', cause: 'client-cert-required-or-rejected', answer: 'The certificate exchange itself worked, and the certificate that came back was refused: the number in AH02276 (or AH02039) names the check that failed.', next: 'cc-verify' },
    'leaf-h2': { kind: 'leaf', entry: 'http2-client-certificate-http-1-1-required', cause: 'http2-cipher-or-tls-requirement', answer: 'HTTP/2 allows neither renegotiation nor post-handshake authentication, so a per-location certificate request ends the stream with HTTP_1_1_REQUIRED: ask at the handshake, or serve that host over HTTP/1.1.', snippet: 'client-cert-at-handshake', next: 'reneg-tls' },
    'leaf-pha': { kind: 'leaf', entry: 'tls13-post-handshake-auth', cause: 'renegotiation-client-cert-per-directory', answer: 'Under TLS 1.3 the per-location SSLVerifyClient needs post-handshake authentication, which Chrome and (by default) Firefox do not offer: request the certificate at the virtual-host level.', snippet: 'client-cert-at-handshake', check: { command: grepLog('AH10158'), expect: 'No new AH10158 line after opening the protected path in Chrome; the certificate picker appears when the connection opens and the page loads.' }, next: 'leaf-reneg-413-tls13' },
    'leaf-cipher-tls13': { kind: 'leaf', entry: 'per-directory-client-certificate-renegotiation', cause: 'renegotiation-client-cert-per-directory', answer: 'A per-directory SSLCipherSuite has no effect on TLS 1.3 connections, and nothing is renegotiated for it: put the strict cipher list on a virtual host of its own.', next: 'leaf-pha' },
    'leaf-reneg-vhost': { kind: 'leaf', entry: 'per-directory-client-certificate-renegotiation', cause: 'renegotiation-client-cert-per-directory', answer: 'The per-location SSLVerifyClient forces a renegotiation after the request, which many clients refuse: ask for the certificate in the first handshake and decide per location with an access rule.', snippet: 'client-cert-at-handshake', next: 'leaf-reneg-api-host' },
    'leaf-reneg-api-host': { kind: 'leaf', entry: 'per-directory-client-certificate-renegotiation', cause: 'renegotiation-client-cert-per-directory', answer: 'The renegotiation is forced on browsers that never needed a certificate: give certificate clients a host name of their own that asks at the handshake, and ask nothing on the public name.', snippet: 'separate-host-for-client-certs', next: 'leaf-reneg-vhost' },
    'leaf-reneg-ie11': { kind: 'leaf', entry: 'ie11-cors-client-cert-renegotiation', cause: 'renegotiation-client-cert-per-directory', answer: 'IE 11 never finishes the renegotiation a per-location SSLVerifyClient starts, so its CORS preflight gets a 403: ask for the certificate in the first handshake, or not at all.', snippet: 'client-cert-at-handshake', next: 'leaf-reneg-vhost' },
    'leaf-reneg-legacy': { kind: 'leaf', entry: 'per-directory-client-certificate-renegotiation', cause: 'legacy-renegotiation-disabled', answer: 'The client predates secure renegotiation (RFC 5746) and OpenSSL refuses the insecure kind: do not enable SSLInsecureRenegotiation, remove the need to renegotiate.', snippet: 'client-cert-at-handshake', next: 'leaf-reneg-vhost' },
    'leaf-safari-reneg': { kind: 'leaf', entry: 'safari-client-certificates', cause: 'renegotiation-client-cert-per-directory', answer: 'Safari\'s support for renegotiation and post-handshake authentication is not documented; a per-location certificate request is unreliable there, so request it in the first handshake.', snippet: 'client-cert-at-handshake', check: { command: grepLog('AH02261|AH10158|AH02263'), expect: 'No new AH02261, AH10158 or AH02263 line for the Safari client; the protected page loads after one certificate choice.' }, next: 'leaf-safari' },

    // ───────────────────────────── HTTP-level errors ─────────────────────────────
    http: {
      kind: 'question',
      title: 'Which HTTP status or page problem do you get?',
      help: {
        text: 'Fetch the failing URL with curl (the status is the "< HTTP/" line) and read the error log lines written at that moment.',
        command: `curl -sv -o /dev/null https://${HOST}/path 2>&1 | grep -E "^< HTTP|^< Location"\ntail -n 20 ${LOGS}`,
      },
      options: [
        { label: '400 "You\'re speaking plain HTTP to an SSL-enabled server port"', next: 'leaf-plain-http', shows: 'That sentence on the 400 page; AH01996 in the error log' },
        { label: '403 on paths that need a client certificate', next: 'reneg', shows: '"Cannot perform Post-Handshake Authentication", or a bare 403 with AH02261 or AH10158 in the log' },
        { label: '413 Request Entity Too Large on uploads', next: 'http-413', shows: '413 for large POST/PUT bodies only; AH02018 in the log' },
        { label: '421 Misdirected Request', next: 'sni421', shows: '421 and AH02032 "… provided via SNI and hostname … provided via HTTP have no compatible SSL setup"' },
        { label: '500 or 502 Proxy Error', next: 'proxy-backend', shows: '"Proxy Error", "Error during SSL Handshake with remote server", AH00961, AH02003' },
        { label: '503 Service Unavailable on a mod_md managed domain', next: 'leaf-md-fallback', shows: 'A 503 and the certificate "Apache Managed Domain Fallback"; AH10085 at start-up' },
        { label: 'A redirect loop or mixed-content warnings', next: 'page-https', shows: 'ERR_TOO_MANY_REDIRECTS, or "Mixed Content" / "Blocked loading mixed active content" in the console' },
      ],
    },
    'http-413': {
      kind: 'question',
      title: 'Which line follows AH02018 in the error log?',
      help: {
        text: 'The 413 comes from the body mod_ssl must hold before the certificate exchange; the line after AH02018 says whether that exchange is a renegotiation (TLS 1.2) or post-handshake authentication (TLS 1.3). Without AH02018 the limit is LimitRequestBody, not mod_ssl.',
        command: grepLog('AH02018|AH02257|AH10228'),
      },
      for: ['renegotiation-buffer-413'],
      options: [
        { label: 'AH02257 (renegotiation, TLS 1.2)', next: 'leaf-reneg-413', shows: '"AH02257: could not buffer message body to allow SSL renegotiation to proceed"' },
        { label: 'AH10228 (post-handshake authentication, TLS 1.3)', next: 'leaf-reneg-413-tls13', shows: '"AH10228: could not buffer message body to allow TLS Post-Handshake Authentication to proceed"' },
        { label: 'AH02015: the client stopped sending the body', next: 'leaf-io-buffer', shows: 'AH02015 instead of AH02018, while the body was being read' },
      ],
    },
    'leaf-reneg-413': { kind: 'leaf', entry: 'renegotiation-buffer-413', cause: 'request-body-too-large-for-renegotiation', answer: 'On TLS 1.2 the body must be held while mod_ssl renegotiates, and it is larger than SSLRenegBufferSize (128 KiB by default): ask for the certificate at the virtual host, or raise the buffer only where uploads happen.', snippet: 'renegotiation-buffer', check: { command: grepLog('AH02018|AH02257|AH10228'), expect: 'No new lines after repeating the large upload with curl --http1.1 -H "Expect:" --data-binary; the upload returns 200 (or your application\'s success code) instead of 413.' }, next: 'leaf-reneg-vhost' },
    'leaf-reneg-413-tls13': { kind: 'leaf', entry: 'renegotiation-buffer-413', cause: 'request-body-too-large-for-renegotiation', answer: 'On TLS 1.3 the body must be held while mod_ssl requests the certificate after the handshake, and it is larger than SSLRenegBufferSize: ask for the certificate at the virtual host, or raise the buffer only where uploads happen.', snippet: 'renegotiation-buffer', check: { command: grepLog('AH02018|AH10228'), expect: 'No new AH02018 or AH10228 after repeating the large upload; it returns 200 (or your application\'s success code) instead of 413.' }, next: 'leaf-pha' },

    sni421: {
      kind: 'question',
      title: 'Which hosts does the AH02032 line name?',
      help: {
        text: 'The AH02032 line names the host the handshake was made for and the host the request asked for; the [client …] address says who sent it.',
        command: grepLog('AH02032|AH02031'),
      },
      for: ['misdirected-request-421-sni-host-mismatch'],
      options: [
        { label: 'Your default host, "default host as no SNI was provided"', next: 'leaf-421-nosni', shows: '"Hostname default.example.org (default host as no SNI was provided) and hostname www.example.org provided via HTTP have no compatible SSL setup", usually from your proxy\'s address' },
        { label: 'Two of your hosts, for requests from a proxy', next: 'leaf-421-proxy', shows: 'The proxy sends SNI for one name and forwards a Host header with another' },
        { label: 'Two of your hosts, for browsers now and then', next: 'leaf-421-reuse', shows: 'Browsers reuse an HTTP/2 connection made for one name (covered by the same certificate) for another vhost with different TLS settings' },
      ],
    },
    'leaf-421-nosni': { kind: 'leaf', entry: 'misdirected-request-421-sni-host-mismatch', cause: 'client-no-sni', answer: 'The client (usually a proxy) sends no SNI, so since httpd 2.4.64 its connection counts as made for the default vhost, whose TLS setup differs from the requested one: make it send SNI.', check: { command: `curl -s -o /dev/null -w '%{http_code}\\n' https://${HOST}/`, expect: 'Through the proxy: your normal status (200, 301…) instead of 421, and no new AH02032 lines in the error log.' }, next: 'leaf-421-proxy' },
    'leaf-421-proxy': { kind: 'leaf', entry: 'misdirected-request-421-sni-host-mismatch', cause: 'proxy-backend-sni-missing', answer: 'The proxy sends SNI for one name and a Host header for another: send the SNI of the forwarded host (nginx proxy_ssl_server_name, httpd ProxyPreserveHost On).', check: { command: `curl -s -o /dev/null -w '%{http_code}\\n' https://${HOST}/`, expect: 'Through the proxy: your normal status instead of 421, and AH02032 stops appearing in the error log.' }, next: 'leaf-421-reuse' },
    'leaf-421-reuse': { kind: 'leaf', entry: 'misdirected-request-421-sni-host-mismatch', cause: 'sni-host-mismatch-421', answer: 'Two vhosts share a certificate but not their TLS settings, so a connection made for one cannot serve the other: give them the same TLS setup, or separate addresses.', check: { command: `curl -s -o /dev/null -w '%{http_code}\\n' https://${HOST}/`, expect: 'Your normal status instead of 421, and no new AH02032 lines in the error log.' }, next: 'leaf-421-nosni' },

    'page-https': {
      kind: 'question',
      title: 'What goes wrong with the page?',
      help: {
        text: 'Follow the redirects, and list the http:// references in the page you get.',
        command: `curl -sIL https://${HOST}/ | grep -iE "^HTTP|^location"\ncurl -s https://${HOST}/ | grep -oE '(src|href|action)="http://[^"]+' | sort -u`,
      },
      for: ['mixed-content', 'redirect-loop-behind-tls-proxy'],
      options: [
        { label: 'A redirect loop: https:// redirects to the same https:// URL', next: 'leaf-redirect-loop', shows: 'The same Location line again and again; a load balancer or CDN ends TLS and talks plain HTTP to httpd' },
        { label: 'http:// links to your own host, generated by an app behind the balancer', next: 'leaf-mixed-upstream', shows: 'The http:// URLs carry your host name and come from the application, which believes the request was plain HTTP' },
        { label: 'http:// links in templates, content or third-party widgets', next: 'leaf-mixed', shows: 'The http:// URLs are written into the pages or point to other hosts' },
      ],
    },
    'leaf-redirect-loop': { kind: 'leaf', entry: 'redirect-loop-behind-tls-proxy', cause: 'tls-terminated-upstream', answer: 'TLS ends at the balancer, so every request reaches httpd as plain HTTP and the "redirect to https" rule fires forever: redirect on X-Forwarded-Proto, or let the balancer redirect.', snippet: 'forwarded-proto', next: 'leaf-mixed-upstream' },
    'leaf-mixed-upstream': { kind: 'leaf', entry: 'mixed-content', cause: 'tls-terminated-upstream', answer: 'The application behind the TLS-terminating proxy believes it is served over HTTP and builds http:// URLs: tell it the public scheme (X-Forwarded-Proto) and fix redirects with ProxyPassReverse.', next: 'leaf-mixed' },
    'leaf-mixed': { kind: 'leaf', entry: 'mixed-content', cause: 'mixed-content-insecure-urls', answer: 'The HTTPS page refers to scripts, styles or images by http:// URLs: change them at the source to https:// or relative links; upgrade-insecure-requests is only a stopgap.', next: 'leaf-mixed-upstream' },

    // ───────────────────────────── reverse proxy ─────────────────────────────
    'proxy-backend': {
      kind: 'question',
      title: 'What happens between httpd and the HTTPS backend?',
      help: {
        text: 'Read the proxy lines of the error log for the failing request; the OpenSSL line after AH02003 gives the reason.',
        command: grepLog('AH00961|AH01961|AH02003|AH02005|AH02411|AH02004|AH02268|AH00976|AH01997|AH10273'),
      },
      for: ['proxy-https-backend-sslproxyengine', 'proxy-backend-certificate-verification', 'proxy-backend-client-certificate'],
      options: [
        { label: '"failed to enable ssl support" (AH00961, AH01961)', next: 'leaf-sslproxyengine', shows: '"AH01961: SSL Proxy requested for … but not enabled [Hint: SSLProxyEngine]", AH00961, AH10272 at debug level; SSLProxyEngine is missing from the vhost holding the ProxyPass' },
        { label: 'AH01961 although SSLProxyEngine on is set: mod_ssl is not loaded', next: 'leaf-sslproxy-module', shows: 'apachectl -M | grep ssl_module prints nothing; the SSLProxyEngine line may sit in an <IfModule> block that is skipped' },
        { label: 'The backend certificate fails verification', next: 'leaf-proxy-verify', shows: 'AH02003 then "certificate verify failed"; AH02005 or AH02411 "Peer certificate does not match for hostname"; AH02004 (expired)' },
        { label: 'The backend sends the wrong certificate, or "unrecognized name"', next: 'proxy-sni', shows: 'A default certificate from the backend, a 403 or 421 from it, or "tlsv1 unrecognized name" after AH02003' },
        { label: 'The backend asks httpd for a certificate (AH02268)', next: 'leaf-proxy-client-cert', shows: 'AH02268, "tlsv13 alert certificate required" after AH02003' },
        { label: 'AJP: AH00976 for requests with a client certificate', next: 'leaf-proxy-ajp', shows: 'ProxyPass … ajp://, AH00976 (or AH00977–AH00979) and a 400 for users with large certificates' },
        { label: 'ALPN towards the backend fails (AH10273)', next: 'leaf-io-alpn', shows: 'AH10273 or AH03310 for ProxyPass h2:// backends' },
      ],
    },
    'leaf-sslproxyengine': { kind: 'leaf', entry: 'proxy-https-backend-sslproxyengine', cause: 'proxy-sslproxyengine-off', answer: 'The backend URL is https://, but SSLProxyEngine is off in the virtual host that holds the ProxyPass.', snippet: 'proxy-https-backend', next: 'leaf-proxy-verify' },
    'leaf-sslproxy-module': { kind: 'leaf', entry: 'proxy-https-backend-sslproxyengine', cause: 'module-not-loaded', answer: 'mod_ssl is not loaded, so httpd cannot open TLS connections to the backend at all: load mod_ssl, then set SSLProxyEngine on.', next: 'leaf-sslproxyengine' },
    'leaf-proxy-verify': { kind: 'leaf', entry: 'proxy-backend-certificate-verification', cause: 'proxy-backend-tls-verification', answer: 'httpd reaches the backend but refuses its certificate (unknown CA, wrong name or expired): give SSLProxyCACertificateFile the backend\'s CA and make the ProxyPass host match its certificate.', snippet: 'proxy-https-backend', next: 'proxy-sni' },
    'proxy-sni': {
      kind: 'question',
      title: 'What does the backend do with the name httpd sends?',
      help: {
        text: 'mod_ssl sends the ProxyPass host as SNI (the client\'s Host with ProxyPreserveHost On) and none for an IP address; AH02002 at debug level shows the name it set. Compare with what the backend expects.',
        command: `${grepLog('AH02002|SNI extension for SSL Proxy')}\nopenssl s_client -connect backend.internal:8443 -servername backend.internal </dev/null 2>/dev/null | openssl x509 -noout -subject`,
      },
      for: ['proxy-backend-sni'],
      options: [
        { label: 'It sends its default certificate or site: no or the wrong SNI', next: 'leaf-proxy-sni', shows: 'The ProxyPass URL uses an IP address, or a name other than the backend\'s site; with -servername the backend shows the right certificate' },
        { label: 'It ends the handshake with "unrecognized name"', next: 'leaf-proxy-sni-alert', shows: '"tlsv1 unrecognized name" (alert 112) after AH02003' },
      ],
    },
    'leaf-proxy-sni': { kind: 'leaf', entry: 'proxy-backend-sni', cause: 'proxy-backend-sni-missing', answer: 'The backend picks its certificate or site by SNI, and httpd sends none (an IP address in ProxyPass) or another name: proxy to the backend\'s name, or use ProxyPreserveHost On when the backend serves the public name.', next: 'leaf-proxy-sni-alert' },
    'leaf-proxy-sni-alert': { kind: 'leaf', entry: 'proxy-backend-sni', cause: 'sni-unrecognized-name', answer: 'The backend does not know the SNI name httpd sends and answers with alert 112: send a name the backend serves (the ProxyPass host, or the client\'s Host with ProxyPreserveHost).', next: 'leaf-unrecognized-name' },
    'leaf-proxy-client-cert': { kind: 'leaf', entry: 'proxy-backend-client-certificate', cause: 'client-cert-required-or-rejected', answer: 'The backend wants a client certificate from httpd, and none is configured: put a certificate with its unencrypted key in SSLProxyMachineCertificateFile.', check: { command: grepLog('AH02268|AH02252|AH02326|AH02003'), expect: 'After a restart no AH02252 or AH02326, and a request through the proxy returns the backend\'s answer with no new AH02268 (at LogLevel ssl:debug, AH02277 names the certificate sent).' }, next: 'leaf-proxy-verify' },
    'leaf-proxy-ajp': { kind: 'leaf', entry: 'proxy-backend-client-certificate', cause: 'client-cert-required-or-rejected', answer: 'mod_proxy_ajp forwards the browser\'s client certificate inside the AJP packet, and a large certificate overflows the default 8 KB: raise ProxyIOBufferSize and the connector\'s packetSize to the same value.', check: { command: grepLog('AH00976'), expect: 'A browser with its client certificate gets the page, and no new AH00976 line is logged.' }, next: 'leaf-proxy-client-cert' },

    upstream: {
      kind: 'question',
      title: 'What does the proxy in front of httpd report?',
      help: {
        text: 'Read the proxy\'s own log (nginx error.log, HAProxy log, the CDN\'s error page), then connect to httpd the way the proxy does, with and without SNI.',
        command: `openssl s_client -connect httpd.internal:443 -servername ${HOST} -showcerts </dev/null\nopenssl s_client -connect httpd.internal:443 -noservername </dev/null`,
      },
      for: ['proxy-in-front-cannot-reach-httpd-tls'],
      options: [
        { label: 'Certificate verify error, and httpd sends only its own certificate', next: 'leaf-up-chain', shows: '"upstream SSL certificate verify error: (20:unable to get local issuer certificate)" or Cloudflare 526; s_client shows one certificate' },
        { label: 'Certificate verify error, and httpd\'s certificate is self-signed or from a private CA', next: 'leaf-up-private', shows: '"self-signed certificate" or an issuer the proxy does not trust; Cloudflare 526 in Full (strict) mode' },
        { label: 'Name mismatch: without SNI httpd sends another site\'s certificate', next: 'leaf-up-nosni', shows: '"upstream SSL certificate does not match", and the -noservername test returns the default vhost; nginx proxy_ssl_server_name is off' },
        { label: 'Name mismatch although SNI is sent', next: 'leaf-up-name', shows: 'The proxy connects by IP or an internal name that is not in httpd\'s certificate' },
        { label: 'No common protocol or cipher', next: 'leaf-up-protocol', shows: 'nginx "SSL_do_handshake() failed (… alert handshake failure …) while SSL handshaking to upstream", Cloudflare 525; the proxy\'s upstream protocol or cipher list shares nothing with httpd\'s' },
        { label: 'httpd answers 421 Misdirected Request', next: 'sni421', shows: 'The handshake works, the response is 421 and httpd logs AH02032' },
        { label: 'Something else: the proxy\'s log names another reason', next: 'leaf-up-general', shows: '"Connection closed during SSL handshake", "TLS_error", "upstream connect error", or the proxy verifies without a CA file' },
      ],
    },
    'leaf-up-chain': { kind: 'leaf', entry: 'proxy-in-front-cannot-reach-httpd-tls', cause: 'missing-intermediate-chain', answer: 'The proxy is a TLS client of httpd and cannot build the chain, because httpd does not send the intermediate CA.', snippet: 'full-chain', next: 'leaf-up-private' },
    'leaf-up-private': { kind: 'leaf', entry: 'proxy-in-front-cannot-reach-httpd-tls', cause: 'untrusted-self-signed-or-private-ca', answer: 'The proxy does not trust httpd\'s self-signed or private-CA certificate: give the proxy that CA, or give httpd a certificate the proxy trusts.', next: 'leaf-up-name' },
    'leaf-up-nosni': { kind: 'leaf', entry: 'proxy-in-front-cannot-reach-httpd-tls', cause: 'client-no-sni', answer: 'The proxy sends no SNI, so httpd answers with its default vhost\'s certificate: make the proxy send the site\'s name (nginx proxy_ssl_server_name on).', next: 'leaf-up-name' },
    'leaf-up-name': { kind: 'leaf', entry: 'proxy-in-front-cannot-reach-httpd-tls', cause: 'hostname-mismatch', answer: 'The proxy checks httpd\'s certificate against the address it connects to, which the certificate does not name: connect by a name in the certificate, or tell the proxy which name to verify.', next: 'leaf-up-nosni' },
    'leaf-up-protocol': { kind: 'leaf', entry: 'proxy-in-front-cannot-reach-httpd-tls', cause: 'protocol-version-mismatch', answer: 'The proxy and httpd share no TLS version (or cipher): bring httpd to TLS 1.2/1.3, or widen the proxy\'s upstream settings.', snippet: 'modern-protocols', next: 'leaf-up-general' },
    'leaf-up-general': { kind: 'leaf', entry: 'proxy-in-front-cannot-reach-httpd-tls', cause: 'upstream-proxy-tls-to-httpd', answer: 'The proxy cannot finish its own TLS connection to httpd; its log names the reason (trust, SNI, name or protocol), and the fix is in its upstream settings or httpd\'s certificate.', next: 'leaf-up-chain' },

    // ───────────────────────────── more server-log lines ─────────────────────────────
    'log-proxy-sni': {
      kind: 'question',
      title: 'Which of these lines is it?',
      help: { text: 'Find the code at the time of the failing request.', command: grepLog('AH00961|AH01961|AH02003|AH01997|AH02268|AH02032|AH02645|AH02044|AH02033') },
      options: [
        { label: 'Proxy lines: AH00961, AH01961, AH02003, AH01997, AH02268', next: 'proxy-backend', shows: 'Lines about the SSL proxy and the backend (remote server)' },
        { label: 'AH02032: the SNI and Host header select different hosts', next: 'sni421', shows: '"… provided via SNI and hostname … provided via HTTP have no compatible SSL setup"; clients get 421' },
        { label: 'AH02645 or AH02033: connections without SNI', next: 'leaf-sni-default', shows: '"Server name not provided via TLS extension (using default/first virtual host)" at debug level; AH02033 and a 403 when SSLStrictSNIVHostCheck is on' },
        { label: 'AH02044: no vhost for the SNI name', next: 'leaf-sni-no-vhost', shows: '"No matching SSL virtual host for servername …" at debug level: no ServerName or ServerAlias lists the name' },
      ],
    },
    'log-other': {
      kind: 'question',
      title: 'Which kind of line is it?',
      help: { text: 'Read the code and the module in brackets ([ssl:…], [md:…], [socache…]) of the line.', where: `The error log (${LOGS}), at LogLevel ssl:info` },
      options: [
        { label: 'Short handshake failures at info level, from many addresses', next: 'leaf-scanner', shows: 'AH02006, AH02008, AH01991, AH01992, "unexpected eof while reading", spread over the day' },
        { label: 'mod_md lines ([md:…], AH10116, AH10266, AH10086)', next: 'st-md', shows: 'Lines about the managed domain, the ACME order or the challenge certificate' },
        { label: 'Session cache lines (AH02026, AH02024, AH01875)', next: 'leaf-session-cache', shows: 'Errors storing or fetching TLS sessions in the cache' },
        { label: 'mod_ssl I/O lines (AH02015, AH02012, AH10232, AH02030)', next: 'log-io', shows: 'Lines from mod_ssl\'s connection layer about buffering, merging output or upgrades' },
        { label: 'An SELinux denial for httpd', next: 'leaf-perm', shows: 'An AVC denial with scontext=system_u:system_r:httpd_t:s0 for a certificate or key file, in /var/log/audit/audit.log' },
        { label: '"key values mismatch"', next: 'st-keymatch', shows: '"X509_check_private_key:key values mismatch" (0B080074 or 05800074)' },
        { label: 'An old "SetEnvIf User-Agent MSIE … ssl-unclean-shutdown" rule', next: 'leaf-msie', shows: 'The rule in ssl.conf or default-ssl.conf; "bad data from the server" complaints from ancient MSIE' },
      ],
    },
    'log-io': {
      kind: 'question',
      title: 'Which mod_ssl I/O code is it?',
      help: { text: 'Find the code; the line after it (if any) names the reason.', command: grepLog('AH02015|AH0201[2-4]|AH1023[23]|AH02003|AH01997|AH10273|AH10274|AH03310|AH0202[89]|AH02030') },
      for: ['mod-ssl-io-errors'],
      options: [
        { label: 'AH02015 to AH02020: a request body held for a renegotiation', next: 'leaf-io-buffer', shows: 'AH02015 (client stopped sending) or AH02018 (body too large)' },
        { label: 'AH02012 to AH02014, AH10232, AH10233: output could not be merged', next: 'leaf-io', shows: 'A response cut off while mod_ssl joined it into TLS records' },
        { label: 'AH02003 or AH01997: httpd\'s own handshake to a backend failed', next: 'leaf-io-proxy', shows: 'AH02003 followed by an OpenSSL reason; AH01997 "sending 502"' },
        { label: 'AH10273, AH10274, AH03310: ALPN towards a backend', next: 'leaf-io-alpn', shows: 'The backend chose no protocol for h2:// or another ALPN scheme' },
        { label: 'AH02028 to AH02030: a TLS upgrade on a plain connection', next: 'leaf-io-upgrade', shows: 'SSLEngine optional and an "Upgrade: TLS/1.0" request (printers, IPP)' },
      ],
    },
    'leaf-io-buffer': { kind: 'leaf', entry: 'mod-ssl-io-errors', cause: 'request-body-too-large-for-renegotiation', answer: 'mod_ssl had to hold a request body before a renegotiation and could not (too large, or the client stopped sending): move the client-certificate request to the virtual host.', snippet: 'client-cert-at-handshake', next: 'http-413' },
    'leaf-io': { kind: 'leaf', entry: 'mod-ssl-io-errors', cause: 'ssl-connection-io-failure', answer: 'mod_ssl could not read or split the response it was given: look at what produced it (a file changed while sent, a dying CGI or backend, a third-party filter).', next: 'log-io' },
    'leaf-io-proxy': { kind: 'leaf', entry: 'mod-ssl-io-errors', cause: 'proxy-backend-tls-verification', answer: 'httpd\'s handshake as a proxy failed; the OpenSSL line after AH02003 gives the reason (trust, name, SNI, protocol), and the client sees 500 although AH01997 says 502.', next: 'proxy-backend' },
    'leaf-io-alpn': { kind: 'leaf', entry: 'mod-ssl-io-errors', cause: 'ssl-connection-io-failure', answer: 'httpd insists on the ALPN protocol of the ProxyPass scheme (h2:// for HTTP/2) and the backend does not accept it: use a scheme the backend really speaks.', next: 'leaf-io-proxy' },
    'leaf-io-upgrade': { kind: 'leaf', entry: 'mod-ssl-io-errors', cause: 'ssl-connection-io-failure', answer: 'The handshake after an RFC 2817 upgrade (SSLEngine optional) failed: treat it like any handshake failure and read the OpenSSL reason on the next line.', next: 'negotiate' },
    'leaf-msie': { kind: 'leaf', entry: 'msie-io-errors', cause: 'legacy-client-bug', answer: 'The SetEnvIf MSIE rule worked around bugs of browsers that no longer exist; it only costs performance today, so remove it.', next: 'log-other' },

    // ───────────────────────────── httpd will not start ─────────────────────────────
    startup: {
      kind: 'question',
      title: 'What does httpd say when it fails to start?',
      help: {
        text: 'Test the configuration, then read the first error of the last start attempt (not the last line): the journal or the error log.',
        command: 'apachectl -t\njournalctl -u apache2 -u httpd -n 50 --no-pager',
      },
      options: [
        { label: 'A certificate, key or CA file cannot be read or used', next: 'st-files', shows: '"does not exist or is empty", "Permission denied", "no start line", "Private key not found", AH02565, "Enter pass phrase", AH02572, AH02210' },
        { label: '"Invalid command" or a directive error', next: 'st-directives', shows: 'AH00526 "Invalid command \'SSLEngine\'", "Invalid command \'SSLMutex\'", "SSLProtocol: SSLv2 is no longer supported", "session cache not supported"' },
        { label: 'A port cannot be used, or port warnings', next: 'st-ports', shows: 'AH00072 "(98)Address already in use", "no listening sockets available", AH01915 or AH01916' },
        { label: '"Fatal error initialising mod_ssl" after an SSL setting', next: 'st-settings', shows: 'AH02311/AH02312, "Illegal protocol", "no cipher match", SSLOpenSSLConfCmd errors (AH02407), "ee key too small", SSLFIPS or SSLCryptoDevice errors' },
        { label: 'An OpenSSL library error: undefined symbol, cannot open shared object', next: 'leaf-openssl-mismatch', shows: '"mod_ssl.so: undefined symbol", "cannot open shared object file", "not found (required by …)", AH01882 (built against another OpenSSL)' },
        { label: 'mod_md lines (managed domain, ACME)', next: 'st-md', shows: 'AH10085, AH10040, AH10105, AH10266, AH10086–AH10088' },
        { label: 'It starts, but logs SSL warnings', next: 'st-warnings', shows: 'AH01909, AH01873, AH02218, AH01897, AH02292, "_default_ VirtualHost overlap", AH02559' },
      ],
    },
    'st-files': {
      kind: 'question',
      title: 'What is wrong with the file?',
      help: {
        text: 'Read the first SSL error; it names the directive and the file. Then look at the file and the permissions along its path.',
        command: 'apachectl -t\nnamei -l /etc/ssl/private/www.example.org.key\nhead -c 64 /etc/ssl/certs/www.example.org.pem',
      },
      for: ['certificate-file-permissions', 'no-certificate-configured', 'passphrase-prompt-at-startup'],
      options: [
        { label: '"does not exist or is empty", "Permission denied", "Can\'t open"', next: 'leaf-perm', shows: 'AH02574, AH02201, "fopen:Permission denied"; namei shows a missing file or a directory httpd cannot enter; on RHEL an SELinux denial' },
        { label: '"no start line", "PEM lib", "Private key not found", without a prompt', next: 'st-format', shows: 'AH02561/AH02562, AH02579, "Expecting: TRUSTED CERTIFICATE" or "ANY PRIVATE KEY"' },
        { label: 'AH02565 or "key values mismatch"', next: 'st-keymatch', shows: '"Certificate and private key … do not match", X509_check_private_key' },
        { label: 'A pass phrase prompt, or httpd exits asking for one', next: 'leaf-passphrase', shows: '"Enter pass phrase:", "Pass phrase incorrect", AH02577/AH02580; under systemd httpd fails with no prompt to answer' },
        { label: 'AH02572: a TLS vhost without a certificate', next: 'leaf-no-cert', shows: '"Failed to configure at least one certificate and key", "no certificate assigned"' },
        { label: 'The CA file or path for client certificates cannot be read', next: 'leaf-no-ca-file', shows: 'AH02210, AH01895, AH01896 (SSLCACertificateFile/Path, CRL files)' },
        { label: 'The proxy client certificate file (AH02252, AH02326)', next: 'leaf-proxy-client-cert-file', shows: 'SSLProxyMachineCertificateFile: a key missing or encrypted (AH02252), or a certificate and key that do not match (AH02326)' },
      ],
    },
    'leaf-perm': { kind: 'leaf', entry: 'certificate-file-permissions', cause: 'permission-or-path-problem', answer: 'httpd cannot open the file: the path is wrong, a symlink points nowhere, a directory on the way is not searchable, or SELinux labels keep httpd out. Fix the path first, then ownership, mode and context.', next: 'st-format' },
    'st-format': {
      kind: 'question',
      title: 'What is in the file the directive names?',
      help: {
        text: 'Look at the first bytes of the file each directive names: a PEM file starts with a "-----BEGIN" line saying what it holds.',
        command: 'head -n 1 /etc/ssl/certs/www.example.org.pem\nhead -n 1 /etc/ssl/private/www.example.org.key\nfile /etc/ssl/certs/www.example.org.pem',
      },
      for: ['wrong-certificate-file-or-format'],
      options: [
        { label: 'Binary data, no BEGIN line (DER, PKCS#12, UTF-16)', next: 'leaf-format-der', shows: 'file says "data" or "UTF-16"; the name ends in .der, .cer, .pfx or .p12' },
        { label: 'A BEGIN line of the wrong kind for that directive', next: 'leaf-format-wrongfile', shows: '"BEGIN CERTIFICATE REQUEST" or "BEGIN PRIVATE KEY" in SSLCertificateFile, "BEGIN CERTIFICATE" in SSLCertificateKeyFile' },
      ],
    },
    'leaf-format-der': { kind: 'leaf', entry: 'wrong-certificate-file-or-format', cause: 'wrong-file-format-pem-der', answer: 'The file holds the right data in the wrong encoding (DER, PKCS#12 or UTF-16): convert it to PEM text.', next: 'leaf-format-wrongfile' },
    'leaf-format-wrongfile': { kind: 'leaf', entry: 'wrong-certificate-file-or-format', cause: 'wrong-file-in-directive', answer: 'A directive names the wrong file (a CSR, the key or the chain where the certificate belongs, or the reverse): point each directive at the right file.', next: 'st-keymatch' },
    'st-keymatch': {
      kind: 'question',
      title: 'Which certificate is first in the file, and does the key belong to it?',
      help: {
        text: 'Compare the public key of the first certificate in SSLCertificateFile with the one derived from SSLCertificateKeyFile, and read that certificate\'s subject.',
        command: 'openssl x509 -in /etc/ssl/certs/www.example.org.pem -noout -subject -pubkey | openssl sha256\nopenssl pkey -in /etc/ssl/private/www.example.org.key -pubout | openssl sha256',
      },
      for: ['key-matches-certificate'],
      options: [
        { label: 'The first certificate is a CA, not your host', next: 'leaf-chain-order-startup', shows: 'The subject is an intermediate CA name; your host\'s certificate comes later in the file' },
        { label: 'It is your host, but the hashes differ', next: 'leaf-key-mismatch', shows: 'Two different sha256 values: the key belongs to another certificate (an older CSR, another renewal)' },
        { label: 'The certificate and key directives are swapped', next: 'leaf-key-swapped', shows: 'SSLCertificateFile names the .key file and SSLCertificateKeyFile the certificate' },
      ],
    },
    'leaf-chain-order-startup': { kind: 'leaf', entry: 'certificate-chain-wrong-order', cause: 'cert-chain-order-wrong', answer: 'An intermediate comes first in SSLCertificateFile, so httpd compares the key with the wrong certificate and stops (AH02565): put the server certificate first.', snippet: 'full-chain', next: 'leaf-key-mismatch' },
    'leaf-key-mismatch': { kind: 'leaf', entry: 'key-matches-certificate', cause: 'key-cert-mismatch', answer: 'The private key is not the one the certificate was issued for: point SSLCertificateKeyFile at the matching key (or reissue the certificate for this key).', next: 'leaf-key-swapped' },
    'leaf-key-swapped': { kind: 'leaf', entry: 'key-matches-certificate', cause: 'wrong-file-in-directive', answer: 'The certificate and key directives name each other\'s files: swap them back.', next: 'leaf-key-mismatch' },
    'leaf-passphrase': { kind: 'leaf', entry: 'passphrase-prompt-at-startup', cause: 'encrypted-key-passphrase-at-startup', answer: 'The private key is encrypted, and under systemd there is no terminal for its pass phrase: remove the pass phrase and protect the file, or give SSLPassPhraseDialog a program.', next: 'leaf-perm' },
    'leaf-no-cert': { kind: 'leaf', entry: 'no-certificate-configured', cause: 'no-certificate-configured', answer: 'A virtual host has SSLEngine on but no usable certificate and key: give every TLS vhost its own SSLCertificateFile and SSLCertificateKeyFile.', next: 'leaf-perm' },
    'leaf-no-ca-file': { kind: 'leaf', entry: 'no-ca-for-client-verification', cause: 'permission-or-path-problem', answer: 'The CA file or directory for client verification (or a CRL) cannot be read, so httpd stops: fix the path and permissions of SSLCACertificateFile/Path.', next: 'leaf-perm' },
    'leaf-proxy-client-cert-file': { kind: 'leaf', entry: 'proxy-backend-client-certificate', cause: 'client-cert-required-or-rejected', answer: 'SSLProxyMachineCertificateFile must hold each certificate next to its own unencrypted key; proxy keys cannot have a pass phrase.', check: { command: 'apachectl -t', expect: '"Syntax OK", and after a restart no AH02252 or AH02326 in the error log.' }, next: 'leaf-proxy-client-cert' },

    'st-directives': {
      kind: 'question',
      title: 'Which directive does httpd reject?',
      help: { text: 'The AH00526 line names the file, the line and the directive.', command: 'apachectl -t\napachectl -M | grep -E "ssl|socache"' },
      for: ['session-cache-not-configured'],
      options: [
        { label: '"Invalid command \'SSLEngine\'" (or any SSL… directive)', next: 'leaf-module', shows: 'Every SSL directive is unknown; apachectl -M lists no ssl_module' },
        { label: 'SSLMutex, SSLStaplingMutex, NameVirtualHost, SSLv2, SSLCertificateChainFile', next: 'leaf-deprecated', shows: '"Invalid command \'SSLMutex\'", "SSLProtocol: SSLv2 is no longer supported", AH00548, AH02559' },
        { label: 'SSLSessionCache: "session cache not supported"', next: 'leaf-session-cache-module', shows: '"Maybe you need to load the appropriate socache module (mod_socache_shmcb?)"; apachectl -M lists no socache_shmcb_module' },
      ],
    },
    'leaf-module': { kind: 'leaf', entry: 'invalid-command-sslengine-module-not-loaded', cause: 'module-not-loaded', answer: 'mod_ssl is not loaded before the first file that uses its directives: install or enable it (a2enmod ssl, the mod_ssl package, or the LoadModule line).', next: 'leaf-openssl-mismatch' },
    'leaf-deprecated': { kind: 'leaf', entry: 'deprecated-ssl-directives', cause: 'deprecated-directive', answer: 'The configuration uses a directive this httpd removed or no longer honours: replace it (Mutex for SSLMutex, SSLCertificateFile with the chain) or delete it.', next: 'leaf-module' },
    'leaf-session-cache-module': { kind: 'leaf', entry: 'session-cache-not-configured', cause: 'module-not-loaded', answer: 'SSLSessionCache names a cache type whose module is not loaded: load mod_socache_shmcb, and set the cache in the global configuration.', snippet: 'session-cache', next: 'leaf-session-cache' },
    'leaf-session-cache': { kind: 'leaf', entry: 'session-cache-not-configured', cause: 'session-cache-problem', answer: 'No usable SSLSessionCache is set, so httpd processes cannot share TLS sessions and resuming clients pay for a full handshake: set a shmcb cache globally.', snippet: 'session-cache', next: 'leaf-session-cache-module' },

    'st-ports': {
      kind: 'question',
      title: 'What does httpd say about the port?',
      help: { text: 'See who holds the port, and which virtual host serves each address.', command: 'ss -ltnp | grep -E ":(80|443) "\napachectl -S' },
      options: [
        { label: 'AH00072 "(98)Address already in use"', next: 'leaf-port-in-use', shows: 'ss names another process on the port, or two Listen lines for the same port' },
        { label: 'AH01915 or AH01916: SSLEngine on the wrong port', next: 'leaf-vhost-port', shows: '"You configured HTTPS(443) on the standard HTTP(80) port!" or the reverse' },
      ],
    },
    'leaf-port-in-use': { kind: 'leaf', entry: 'startup-configuration-errors', cause: 'port-or-listen-problem', answer: 'httpd cannot bind the port: another program (or another httpd instance) holds it, or the same Listen appears twice.', next: 'leaf-vhost-port' },

    'st-settings': {
      kind: 'question',
      title: 'Which setting does the first error name?',
      help: { text: 'The lines before "Fatal error initialising mod_ssl" name the directive OpenSSL could not use.', command: 'apachectl -t\njournalctl -u apache2 -u httpd -n 50 --no-pager' },
      for: ['startup-configuration-errors'],
      options: [
        { label: 'SSLProtocol: "Illegal protocol", or no protocol left', next: 'leaf-st-protocol', shows: '"SSLProtocol: Illegal protocol \'TLSv1.3\'", "no protocols available"' },
        { label: 'SSLCipherSuite: "no cipher match"', next: 'leaf-st-cipher', shows: 'AH01898 "Unable to configure permitted SSL ciphers", 1410D0B9 or 0A0000B9 "no cipher match"' },
        { label: 'SSLOpenSSLConfCmd, SSLCryptoDevice, SSLFIPS or SSLSessionTicketKeyFile', next: 'leaf-st-setting', shows: 'AH02407 "unknown cmd name", AH01888/AH01889 (engine), AH01885 (FIPS), AH02287 (ticket key file shorter than 48 bytes)' },
        { label: 'DHParameters, or "dh key too small"', next: 'leaf-dh', shows: 'An SSLOpenSSLConfCmd DHParameters error, or 0A00018A "dh key too small"' },
        { label: '"ee key too small" or "ca md too weak"', next: 'leaf-seclevel', shows: '0A00018F or 140AB18F "ee key too small", 0A00018E "ca md too weak" while loading the certificate' },
      ],
    },
    'leaf-st-protocol': { kind: 'leaf', entry: 'startup-configuration-errors', cause: 'protocol-version-mismatch', answer: 'SSLProtocol names a version this httpd and OpenSSL do not know, or leaves none enabled: list only versions they support.', snippet: 'modern-protocols', next: 'leaf-st-cipher' },
    'leaf-st-cipher': { kind: 'leaf', entry: 'startup-configuration-errors', cause: 'no-shared-cipher', answer: 'SSLCipherSuite leaves OpenSSL no cipher it knows: use a current standard list.', snippet: 'modern-protocols', next: 'leaf-st-setting' },
    'leaf-st-setting': { kind: 'leaf', entry: 'startup-configuration-errors', cause: 'ssl-setting-rejected-at-startup', answer: 'An SSL directive value OpenSSL cannot use (an SSLOpenSSLConfCmd command, an engine, FIPS mode, a ticket key file) stops mod_ssl: correct or remove that value.', next: 'leaf-openssl-mismatch' },
    'leaf-openssl-mismatch': { kind: 'leaf', entry: 'mod-ssl-openssl-version-mismatch', cause: 'openssl-library-mismatch', answer: 'mod_ssl was built against one OpenSSL and the loader finds another: rebuild mod_ssl against the library you run, or make the runtime find the one it was built for.', next: 'leaf-module' },

    'st-md': {
      kind: 'question',
      title: 'What does mod_md report?',
      help: { text: 'Read the mod_md lines and the status of the managed domain.', command: grepLog('AH10085|AH10040|AH10105|AH10116|AH10266|AH1008[678]|acme-tls/1') },
      for: ['mod-md-fallback-certificate', 'acme-tls-alpn-challenge-certificate'],
      options: [
        { label: 'AH10085: no certificate yet, the fallback is used', next: 'leaf-md-fallback', shows: '"This host is part of a Managed Domain, but no SSL certificate is available (yet)"; visitors get 503' },
        { label: 'AH10266, AH10086, AH10087 or a tls-alpn-01 validation failure', next: 'leaf-acme-alpn', shows: '"Failed to parse PEM of challenge certificate", "Incorrect validation certificate for tls-alpn-01 challenge", "protocol \'acme-tls/1\' not enabled"' },
        { label: 'AH10088: challenge certificate and key do not match', next: 'leaf-acme-key', shows: '"Challenge certificate and private key … do not match"' },
      ],
    },
    'leaf-md-fallback': { kind: 'leaf', entry: 'mod-md-fallback-certificate', cause: 'acme-fallback-cert-pending', answer: 'mod_md has not obtained the certificate yet and lends mod_ssl a temporary self-signed one, with a 503 for every request: find out why the ACME order is stuck, then reload.', next: 'leaf-acme-alpn' },
    'leaf-acme-alpn': { kind: 'leaf', entry: 'acme-tls-alpn-challenge-certificate', cause: 'acme-fallback-cert-pending', answer: 'For tls-alpn-01 the CA must receive mod_md\'s challenge certificate; mod_ssl could not install it (or acme-tls/1 is missing from Protocols), so validation fails and no certificate arrives.', next: 'leaf-md-fallback' },
    'leaf-acme-key': { kind: 'leaf', entry: 'acme-tls-alpn-challenge-certificate', cause: 'key-cert-mismatch', answer: 'The tls-alpn-01 challenge certificate and its key do not belong together, so the challenge answer is unusable: let mod_md create them again.', next: 'leaf-acme-alpn' },

    'st-warnings': {
      kind: 'question',
      title: 'Which SSL warning does httpd log at start?',
      help: { text: 'Read the warnings of the last start.', command: `${grepLog('AH01909|AH01873|AH02218|AH02604|AH01897|AH02292|AH01917|overlap|AH02559|AH00548|AH01915|AH01916')}` },
      options: [
        { label: 'AH01909: the certificate does not match the server name', next: 'name', shows: '"server certificate does NOT include an ID which matches the server name"' },
        { label: 'AH01873: session cache not configured', next: 'leaf-session-cache', shows: '"Session Cache is not configured [hint: SSLSessionCache]"' },
        { label: 'AH02218 or AH02604: stapling cannot be set up', next: 'ocsp', shows: '"no OCSP URI in certificate", "Unable to configure certificate … for stapling"' },
        { label: 'AH01897: no CAs for client verification', next: 'leaf-no-ca', shows: '"Init: Oops, you want to request client authentication, but no CAs are known for verification!?"' },
        { label: 'AH02292, AH01917 or "_default_ VirtualHost overlap on port 443"', next: 'leaf-name-based', shows: 'Several TLS vhosts on one address and port, reported by an httpd without SNI support' },
        { label: 'AH01915 or AH01916: SSLEngine and port disagree', next: 'leaf-vhost-port', shows: '"You configured HTTP(80) on the standard HTTPS(443) port!" or the reverse' },
        { label: 'AH02559 or AH00548: a deprecated directive', next: 'leaf-deprecated', shows: '"SSLCertificateChainFile is deprecated", "NameVirtualHost has no effect"' },
      ],
    },
  },
};
