// The server context every rule example is checked inside: what a careful Debian-style setup
// has around its vhosts, so an example shows only its own trap. The lab loads base + each fixed
// example with `apache2 -t`.
export const EXAMPLE_BASE = `ServerName www.example.com
Listen 80
Listen 443
SSLSessionCache shmcb:/var/run/apache2/ssl_scache(512000)
SSLProtocol -all +TLSv1.2 +TLSv1.3
SSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384
`;

/**
 * The same for examples about releases before httpd 2.4.36 / OpenSSL 1.1.1 (RHEL 7's 2.4.6 with
 * 1.0.2k), which refuse TLSv1.3 in SSLProtocol.
 */
export const EXAMPLE_BASE_OLD = EXAMPLE_BASE.replace('SSLProtocol -all +TLSv1.2 +TLSv1.3', 'SSLProtocol -all +TLSv1.2');
