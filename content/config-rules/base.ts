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

/**
 * A whole Debian-style configuration with none of the traps, as `tail -n +1` prints the files:
 * a *:80 redirect and a *:443 site with h2, HSTS, OCSP stapling and a verified https backend.
 * No rule may report anything on it, and `apache2 -t` loads it.
 */
export const GOOD_DEBIAN_CONFIG = `==> /etc/apache2/mods-enabled/socache_shmcb.load <==
LoadModule socache_shmcb_module /usr/lib/apache2/modules/mod_socache_shmcb.so

==> /etc/apache2/mods-enabled/ssl.load <==
LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so

==> /etc/apache2/mods-enabled/headers.load <==
LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so

==> /etc/apache2/mods-enabled/http2.load <==
LoadModule http2_module /usr/lib/apache2/modules/mod_http2.so

==> /etc/apache2/mods-enabled/proxy.load <==
LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so

==> /etc/apache2/mods-enabled/proxy_http.load <==
LoadModule proxy_http_module /usr/lib/apache2/modules/mod_proxy_http.so

==> /etc/apache2/mods-enabled/ssl.conf <==
<IfModule mod_ssl.c>
	SSLRandomSeed startup builtin
	SSLRandomSeed connect builtin
	AddType application/x-x509-ca-cert .crt
	AddType application/x-pkcs7-crl .crl
	SSLPassPhraseDialog exec:/usr/share/apache2/ask-for-passphrase
	SSLSessionCache shmcb:\${APACHE_RUN_DIR}/ssl_scache(512000)
	SSLSessionCacheTimeout 300
	SSLProtocol -all +TLSv1.2 +TLSv1.3
	SSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305
	SSLHonorCipherOrder off
	SSLSessionTickets off
	SSLUseStapling on
	SSLStaplingCache shmcb:\${APACHE_RUN_DIR}/ssl_stapling(128000)
</IfModule>

==> /etc/apache2/ports.conf <==
Listen 80
<IfModule ssl_module>
	Listen 443
</IfModule>

==> /etc/apache2/sites-enabled/000-default.conf <==
<VirtualHost *:80>
	ServerName www.example.com
	ServerAlias example.com
	ServerAdmin webmaster@example.com
	ErrorLog \${APACHE_LOG_DIR}/error.log
	CustomLog \${APACHE_LOG_DIR}/access.log combined
	Redirect permanent / https://www.example.com/
</VirtualHost>

==> /etc/apache2/sites-enabled/www.example.com-ssl.conf <==
<IfModule mod_ssl.c>
	<VirtualHost *:443>
		ServerName www.example.com
		ServerAlias example.com
		ServerAdmin webmaster@example.com
		DocumentRoot /var/www/html
		ErrorLog \${APACHE_LOG_DIR}/error.log
		CustomLog \${APACHE_LOG_DIR}/access.log combined
		Protocols h2 http/1.1
		SSLEngine on
		SSLCertificateFile /etc/ssl/certs/www.example.com.fullchain.pem
		SSLCertificateKeyFile /etc/ssl/private/www.example.com.key
		Header always set Strict-Transport-Security "max-age=63072000"
		SSLProxyEngine on
		SSLProxyVerify require
		SSLProxyVerifyDepth 3
		SSLProxyCACertificateFile /etc/ssl/certs/ca-certificates.crt
		ProxyPass /api/ https://api.example.net/
		ProxyPassReverse /api/ https://api.example.net/
		<FilesMatch "\\.(?:cgi|shtml|phtml|php)$">
			SSLOptions +StdEnvVars
		</FilesMatch>
	</VirtualHost>
</IfModule>
`;
