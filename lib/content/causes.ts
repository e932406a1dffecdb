// The shared vocabulary of root causes (GUIDE section 4). Entries name these slugs in
// frontmatter; the diagnosis engine reports them with each finding. Add, never rename.
export const CAUSES = {
  'plain-http-on-https-port': "plain HTTP sent to a TLS port, or TLS sent to a plain-HTTP port",
  'protocol-version-mismatch': "no TLS/SSL version that both sides accept",
  'no-shared-cipher': "no cipher suite (or signature/key type) that both sides accept",
  'http2-cipher-or-tls-requirement': "HTTP/2 rules broken: forbidden cipher, renegotiation not allowed",
  'renegotiation-client-cert-per-directory': "per-directory SSLVerifyClient/SSLCipherSuite forces a renegotiation (TLS <= 1.2) or post-handshake auth (TLS 1.3) that the client does not complete",
  'legacy-renegotiation-disabled': "insecure (pre-RFC 5746) renegotiation refused by one side",
  'request-body-too-large-for-renegotiation': "request body larger than SSLRenegBufferSize when renegotiation is needed",
  'client-cert-required-or-rejected': "client certificate missing, untrusted, or rejected",
  'missing-intermediate-chain': "server does not send the intermediate CA certificate(s)",
  'cert-chain-order-wrong': "chain file in the wrong order, or wrong certificate first",
  'untrusted-self-signed-or-private-ca': "self-signed or private-CA certificate the client does not trust",
  'client-trust-store-problem': "the client's CA bundle is missing or outdated",
  'hostname-mismatch': "certificate names do not cover the requested host",
  'cert-missing-san': "certificate has only a CN, no subjectAltName, rejected by modern clients",
  'sni-host-mismatch-421': "SNI name and Host header select different vhosts (400/421)",
  'client-no-sni': "client or proxy sends no SNI, so the default vhost's certificate is used",
  'sni-unrecognized-name': "server answers the SNI name with an unrecognized_name alert",
  'name-based-vhost-without-sni': "name-based SSL vhosts without SNI; _default_ overlap on 443",
  'expired-or-not-yet-valid': "certificate expired or not yet valid (clock skew included)",
  'key-cert-mismatch': "private key does not match the certificate",
  'wrong-file-in-directive': "a directive points at the wrong file (key vs cert vs chain)",
  'wrong-file-format-pem-der': "PEM vs DER vs PKCS#12, \"no start line\", bad encoding",
  'encrypted-key-passphrase-at-startup': "pass-phrase-protected key: dialog, wrong phrase, no terminal",
  'no-certificate-configured': "SSL vhost without a usable certificate and key",
  'key-too-small-or-weak-signature': "key size or signature algorithm below the security level",
  'weak-dh-params': "Diffie-Hellman parameters too small (or too large for old clients)",
  'ocsp-stapling-problem': "OCSP stapling responder, cache or URI problems",
  'session-cache-problem': "SSLSessionCache missing or broken, session reuse issues",
  'proxy-backend-tls-verification': "mod_proxy cannot verify the HTTPS backend's certificate",
  'proxy-backend-sni-missing': "backend needs SNI the proxy does not send",
  'proxy-sslproxyengine-off': "https:// backend without SSLProxyEngine on",
  'deprecated-directive': "directive removed or deprecated in this httpd version",
  'openssl-library-mismatch': "module built against another OpenSSL than the one loaded",
  'acme-fallback-cert-pending': "mod_md is still obtaining the certificate (fallback / 503)",
  'tls-interception-proxy': "antivirus, corporate proxy or captive portal intercepting TLS",
  'permission-or-path-problem': "file missing or not readable by httpd",
  'legacy-client-bug': "bugs of old clients (MSIE keep-alive and close_notify, export ciphers, SGC)",
  'port-or-listen-problem': "Listen/port/instance problems, HTTPS on a non-default port",
  'module-not-loaded': "mod_ssl (or a needed module) not loaded: \"Invalid command 'SSLEngine'\"",
  'scanner-noise': "harmless handshake failures from scanners, health checks and bots",
  'ssl-setting-rejected-at-startup': "an SSL directive value OpenSSL cannot use (protocols, ciphers, SSLOpenSSLConfCmd, engine, FIPS), so mod_ssl stops httpd at start-up",
  'mixed-content-insecure-urls': "an HTTPS page refers to scripts, styles, images or API calls with http:// URLs",
  'tls-terminated-upstream': "TLS ends at a load balancer or proxy, so httpd or the application behind it believes the request came over plain HTTP",
  'ssl-connection-io-failure': "mod_ssl's connection layer could not read, hold or pass on data (client or backend gone, broken response, proxy/ALPN/upgrade handshake)",
} as const satisfies Record<string, string>;

export type CauseSlug = keyof typeof CAUSES;

export function isCause(slug: string): slug is CauseSlug {
  return Object.prototype.hasOwnProperty.call(CAUSES, slug);
}
