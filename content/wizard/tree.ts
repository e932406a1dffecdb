// The wizard's knowledge, kept as data like the entries. Hand-written questions separate the
// causes that look alike; the "which of these do you see?" lists are made from the entries'
// own symptoms (kind "symptoms"), and entries without a hand-written leaf get one from their
// frontmatter. `npm run check:content` validates the whole tree.
import type { WizardTree } from '../../lib/wizard/types';

export const tree: WizardTree = {
  start: 'start',
  nodes: {
    start: {
      kind: 'question',
      title: 'Where does the problem show?',
      help: { text: 'Pick where you first noticed it. If you have an error message, pasting it is quickest.' },
      options: [
        { label: 'I have an error message or log line to paste', next: 'paste' },
        { label: 'In a browser', next: 'browser' },
        { label: 'In the server error log', next: 'server-log' },
        { label: 'httpd will not start or reload', next: 'startup' },
        { label: 'A command-line or API client (curl, Java, Python, Node, Go…)', next: 'client' },
        { label: 'Through a reverse proxy or load balancer', next: 'proxy' },
      ],
    },
    paste: { kind: 'paste', title: 'Paste the error' },
    browser: { kind: 'symptoms', where: 'browser', title: 'Which of these does the browser show?', help: { text: 'The error code is on the error page, often under "Advanced" or in the developer console (F12).' } },
    'server-log': { kind: 'symptoms', where: 'server-log', title: 'Which of these is in the error log?', help: { text: 'Look at the lines around the time of the failure. Raise the detail for mod_ssl if needed.', command: 'LogLevel warn ssl:info   # then: tail -f /var/log/apache2/error.log' } },
    startup: { kind: 'symptoms', where: 'startup', title: 'What does httpd say when it fails to start?', help: { text: 'Check the configuration and read the last lines of the error log or the journal.', command: 'apachectl -t && journalctl -u apache2 -n 50 --no-pager' } },
    client: { kind: 'symptoms', where: 'client', title: 'Which of these does the client print?', help: { text: 'Run the client verbosely to see the TLS error.', command: 'curl -v https://www.example.org/' } },
    proxy: { kind: 'symptoms', where: 'proxy', title: 'What do the proxy or the backend report?', help: { text: 'Check the error log of the httpd that proxies, and the status code the user gets (502, 500, 421…).' } },

    // Per-location client certificates: renegotiation, post-handshake auth, HTTP/2, body size.
    reneg: {
      kind: 'question',
      title: 'Is SSLVerifyClient (or SSLCipherSuite) set inside a <Location>, <Directory> or <If>?',
      help: { text: 'Search the configuration for the directive and look at the block around it.', command: 'grep -rn -B3 "SSLVerifyClient" /etc/apache2 /etc/httpd 2>/dev/null' },
      for: ['ie11-cors-client-cert-renegotiation', 'per-directory-client-certificate-renegotiation', 'tls13-post-handshake-auth', 'http2-client-certificate-http-1-1-required', 'renegotiation-buffer-413'],
      options: [
        { label: 'Yes, inside a block', next: 'reneg-protocol' },
        { label: 'No, only at the virtual host level', next: 'leaf-client-cert-rejected' },
      ],
    },
    'reneg-protocol': {
      kind: 'question',
      title: 'Which TLS version and HTTP protocol does the failing client use?',
      help: { text: 'mod_ssl logs the protocol of each handshake at debug level (AH02041); curl -v prints both.', command: 'curl -sv -o /dev/null https://www.example.org/ 2>&1 | grep -E "SSL connection using|ALPN"' },
      options: [
        { label: 'TLS 1.2 over HTTP/1.1', next: 'reneg-who' },
        { label: 'TLS 1.3', next: 'leaf-pha' },
        { label: 'HTTP/2 (h2)', next: 'leaf-h2' },
      ],
    },
    'reneg-who': {
      kind: 'question',
      title: 'What fails, and who needs to present a certificate?',
      help: { text: 'Compare the failing requests with the log: AH02018 means the body was too large; AH02261 means the client refused the renegotiation.' },
      options: [
        { label: 'Browsers fail; only API clients need certificates', next: 'leaf-reneg-api-host' },
        { label: 'Browsers fail, and browser users do need certificates', next: 'leaf-reneg-vhost' },
        { label: 'Uploads (POST/PUT) fail with 413 Request Entity Too Large', next: 'leaf-reneg-413' },
      ],
    },
    'leaf-reneg-api-host': { kind: 'leaf', entry: 'ie11-cors-client-cert-renegotiation', cause: 'renegotiation-client-cert-per-directory', answer: 'The per-location SSLVerifyClient forces a renegotiation that browsers refuse; give certificate clients their own host name and stop asking browsers.', snippet: 'separate-host-for-client-certs' },
    'leaf-reneg-vhost': { kind: 'leaf', entry: 'per-directory-client-certificate-renegotiation', cause: 'renegotiation-client-cert-per-directory', answer: 'The per-location SSLVerifyClient forces a renegotiation; ask for the certificate in the first handshake and decide per location with SSL_CLIENT_VERIFY.', snippet: 'client-cert-at-handshake' },
    'leaf-reneg-413': { kind: 'leaf', entry: 'renegotiation-buffer-413', cause: 'request-body-too-large-for-renegotiation', answer: 'The request body is larger than SSLRenegBufferSize, the buffer mod_ssl keeps while it renegotiates.', snippet: 'renegotiation-buffer' },
    'leaf-pha': { kind: 'leaf', entry: 'tls13-post-handshake-auth', cause: 'renegotiation-client-cert-per-directory', answer: 'Under TLS 1.3 a per-location certificate request needs post-handshake authentication, which browsers do not offer; ask at the handshake instead.', snippet: 'client-cert-at-handshake' },
    'leaf-h2': { kind: 'leaf', entry: 'http2-client-certificate-http-1-1-required', cause: 'http2-cipher-or-tls-requirement', answer: 'HTTP/2 forbids renegotiation, so a per-location certificate request ends the stream with HTTP_1_1_REQUIRED; ask at the handshake instead.', snippet: 'client-cert-at-handshake' },
    'leaf-client-cert-rejected': { kind: 'leaf', entry: 'client-certificate-verification-failed', cause: 'client-cert-required-or-rejected', answer: 'The certificate is asked for at the handshake, so this is not renegotiation: the client certificate is missing or fails verification.' },

    // "unknown protocol" / "wrong version number": who is speaking the wrong protocol?
    'wrong-protocol': {
      kind: 'question',
      title: 'Who connects when the error appears?',
      help: { text: 'Take the client address from the log line and compare it with your own tests.', command: 'curl -v http://www.example.org:443/   # plain HTTP to the TLS port reproduces it' },
      for: ['browser-hangs-http-to-https-port', 'handshake-noise-from-scanners'],
      options: [
        { label: 'My own browser or client: http:// to the HTTPS port, or https:// to a plain port', next: 'leaf-plain-http' },
        { label: 'Unknown addresses now and then, while the site works for users', next: 'leaf-scanner' },
      ],
    },
    'leaf-plain-http': { kind: 'leaf', entry: 'browser-hangs-http-to-https-port', cause: 'plain-http-on-https-port', answer: 'One side speaks plain HTTP where the other expects TLS (or the reverse): fix the URL scheme, the port or the Listen/SSLEngine pairing.', snippet: 'modern-protocols' },
    'leaf-scanner': { kind: 'leaf', entry: 'handshake-noise-from-scanners', cause: 'scanner-noise', answer: 'Scanners and bots probing the port leave failed handshakes behind; it is harmless unless real users see errors.' },

    // Certificate not trusted: which part of the chain is wrong?
    trust: {
      kind: 'question',
      title: 'What does the server send as its certificate chain?',
      help: { text: 'List the certificates the server sends and read the subject and issuer of each.', command: 'openssl s_client -connect www.example.org:443 -servername www.example.org -showcerts </dev/null | grep -E "^ *[0-9] s:|i:"' },
      for: ['incomplete-certificate-chain', 'certificate-chain-wrong-order', 'self-signed-or-private-ca-not-trusted', 'outdated-client-trust-store'],
      options: [
        { label: 'Only one certificate (mine), issued by a public CA', next: 'leaf-chain' },
        { label: 'Several, but the first one is not the server certificate', next: 'leaf-chain-order' },
        { label: 'Issued by our own CA, or self-signed', next: 'leaf-private-ca' },
        { label: 'A complete public chain; only some (old) clients fail', next: 'leaf-old-trust-store' },
      ],
    },
    'leaf-chain': { kind: 'leaf', entry: 'incomplete-certificate-chain', cause: 'missing-intermediate-chain', answer: 'The server sends its certificate without the intermediate CA; browsers may cope, other clients cannot build the chain.', snippet: 'full-chain' },
    'leaf-chain-order': { kind: 'leaf', entry: 'certificate-chain-wrong-order', cause: 'cert-chain-order-wrong', answer: 'The chain file starts with the wrong certificate: the server certificate must come first, then the intermediates.', snippet: 'full-chain' },
    'leaf-private-ca': { kind: 'leaf', entry: 'self-signed-or-private-ca-not-trusted', cause: 'untrusted-self-signed-or-private-ca', answer: 'The client does not trust your own CA: install the CA certificate in the client trust store, or use a public certificate.' },
    'leaf-old-trust-store': { kind: 'leaf', entry: 'outdated-client-trust-store', cause: 'client-trust-store-problem', answer: 'The failing clients carry an outdated list of root CAs: update their CA bundle (ca-certificates, Java cacerts…).' },

    // Handshake failures between versions and ciphers.
    negotiate: {
      kind: 'question',
      title: 'Which clients fail to connect?',
      help: { text: 'Try the handshake with fixed versions and see which one fails.', command: 'openssl s_client -connect www.example.org:443 -servername www.example.org -tls1_2 </dev/null' },
      for: ['protocol-version-mismatch', 'no-shared-cipher', 'openssl-3-security-level', 'dh-parameters-too-small'],
      options: [
        { label: 'Only old clients (old Windows, Java, Android, embedded devices)', next: 'leaf-protocol' },
        { label: 'The log says "no shared cipher"', next: 'leaf-cipher' },
        { label: 'Since an OpenSSL 3 upgrade: "ee key too small" or "ca md too weak"', next: 'leaf-seclevel' },
        { label: 'The error names a weak or small DH key', next: 'leaf-dh' },
      ],
    },
    'leaf-protocol': { kind: 'leaf', entry: 'protocol-version-mismatch', cause: 'protocol-version-mismatch', answer: 'Client and server have no TLS version in common: old clients lack TLS 1.2, or the server refuses what they offer.', snippet: 'modern-protocols' },
    'leaf-cipher': { kind: 'leaf', entry: 'no-shared-cipher', cause: 'no-shared-cipher', answer: 'No cipher suite (or key type) is acceptable to both sides.', snippet: 'modern-protocols' },
    'leaf-seclevel': { kind: 'leaf', entry: 'openssl-3-security-level', cause: 'key-too-small-or-weak-signature', answer: "OpenSSL 3's security level rejects the key size or signature algorithm of a certificate in the chain." },
    'leaf-dh': { kind: 'leaf', entry: 'dh-parameters-too-small', cause: 'weak-dh-params', answer: 'The Diffie-Hellman parameters are too small for the client; use ECDHE suites or 2048-bit DH parameters.' },

    // Reverse proxies in front of HTTPS backends.
    'proxy-backend': {
      kind: 'question',
      title: 'What happens between httpd and the HTTPS backend?',
      help: { text: 'Read the proxy lines of the error log for the failing request.', command: 'grep -E "AH00961|AH01961|AH02039|proxy" /var/log/apache2/error.log | tail' },
      for: ['proxy-https-backend-sslproxyengine', 'proxy-backend-certificate-verification', 'proxy-backend-sni'],
      options: [
        { label: '"failed to enable ssl support" (AH00961/AH01961)', next: 'leaf-sslproxyengine' },
        { label: 'The backend certificate fails verification', next: 'leaf-proxy-verify' },
        { label: 'The backend answers with the wrong certificate or "unrecognized name"', next: 'leaf-proxy-sni' },
      ],
    },
    'leaf-sslproxyengine': { kind: 'leaf', entry: 'proxy-https-backend-sslproxyengine', cause: 'proxy-sslproxyengine-off', answer: 'The backend URL is https:// but SSLProxyEngine is off in this virtual host.', snippet: 'proxy-https-backend' },
    'leaf-proxy-verify': { kind: 'leaf', entry: 'proxy-backend-certificate-verification', cause: 'proxy-backend-tls-verification', answer: "httpd cannot verify the backend's certificate: give it the backend's CA and make the name match.", snippet: 'proxy-https-backend' },
    'leaf-proxy-sni': { kind: 'leaf', entry: 'proxy-backend-sni', cause: 'proxy-backend-sni-missing', answer: 'The backend needs the right SNI name, which the proxy does not send.' },
  },
};
