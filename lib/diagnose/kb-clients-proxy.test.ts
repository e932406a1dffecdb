import { beforeAll, describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';
import type { KbIndex } from './types';

// Issue 11, proxies in front of httpd and start-up failures outside mod_ssl: whole outputs as
// users paste them (a proxy's error log, a CDN page, a journal of a failed start) must rank the
// entry that explains them first, and nearby texts of another cause must not be pulled along.

let index: KbIndex;
beforeAll(() => {
  index = buildKbIndex(getEntries());
});

const ranked = (text: string) => diagnose(text, index).findings.map((f) => f.slug);
const scores = (text: string) =>
  diagnose(text, index)
    .findings.map((f) => `${f.slug} ${f.score}`)
    .join(', ');

const PROXY_IN_FRONT = 'proxy-in-front-cannot-reach-httpd-tls';

// nginx error.log: "YYYY/MM/DD HH:MM:SS [level] pid#tid: *conn message while ..., client:, server:,
// request:, upstream:, host:" (nginx src/core/ngx_log.c, src/http/ngx_http_request.c).
const NGINX_VERIFY =
  '2026/12/04 10:00:00 [error] 1234#1234: *5 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream, client: 192.0.2.50, server: www.example.com, request: "GET / HTTP/1.1", upstream: "https://10.0.0.12:443/", host: "www.example.com"';
const NGINX_NAME =
  '2026/12/04 10:00:02 [error] 1234#1234: *7 upstream SSL certificate does not match "backend" while SSL handshaking to upstream, client: 192.0.2.50, server: www.example.com, request: "GET /app/ HTTP/1.1", upstream: "https://10.0.0.12:443/app/", host: "www.example.com"';
const NGINX_PLAIN_PORT =
  '2026/12/04 10:00:04 [error] 1234#1234: *9 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream, client: 192.0.2.50, server: www.example.com, request: "GET / HTTP/1.1", upstream: "https://10.0.0.12:80/", host: "www.example.com"';

// httpd itself as the proxy, the reverse direction (lab capture proxy-backend-not-verified).
const HTTPD_AS_PROXY = [
  '[Fri Dec 04 10:00:00.000003 2026] [ssl:info] [pid 4000:tid 140001] [remote 10.0.0.12:443] AH02276: Certificate Verification: Error (20): unable to get local issuer certificate [subject: CN=www.example.com / issuer: CN=Example Private CA / serial: B7D3 / notbefore: Dec  2 00:00:00 2026 GMT / notafter: Mar  4 00:00:00 2027 GMT]',
  '[Fri Dec 04 10:00:00.000004 2026] [ssl:info] [pid 4000:tid 140001] [remote 10.0.0.12:443] AH02003: SSL Proxy connect failed',
  '[Fri Dec 04 10:00:00.000005 2026] [ssl:info] [pid 4000:tid 140001] SSL Library Error: error:0A000086:SSL routines::certificate verify failed',
  '[Fri Dec 04 10:00:00.000008 2026] [proxy:error] [pid 4000:tid 140001] (20014)Internal error (specific information not available): [client 192.0.2.50:50000] AH01084: pass request body failed to 10.0.0.12:443 (backend.example.com)',
  '[Fri Dec 04 10:00:00.000009 2026] [proxy:error] [pid 4000:tid 140001] [client 192.0.2.50:50000] AH00898: Error during SSL Handshake with remote server returned by /',
  '[Fri Dec 04 10:00:00.000010 2026] [proxy_http:error] [pid 4000:tid 140001] [client 192.0.2.50:50000] AH01097: pass request body failed to 10.0.0.12:443 (backend.example.com) from 192.0.2.50 ()',
].join('\n');

describe('a proxy, load balancer or CDN in front of httpd fails its TLS to httpd', () => {
  it.each([
    ['nginx: upstream verify error (20) with its client/server/request/upstream fields', NGINX_VERIFY],
    ['nginx: upstream name check against proxy_ssl_name', NGINX_NAME],
    [
      'HAProxy: health check marks the httpd server down (Layer6)',
      'Dec  4 10:00:00 lb1 haproxy[2211]: Server be_app/httpd1 is DOWN, reason: Layer6 invalid response, info: "SSL handshake failure", check duration: 3ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.',
    ],
    [
      'HAProxy: refuses to start, ssl server line without a CA file',
      "[ALERT]    (2211) : config : verify is enabled by default but no CA file specified. If you're running on a LAN where you're certain to trust the server's certificate, please set an explicit 'verify none' statement on the 'server' line, or use 'ssl-server-verify none' in the global section to disable server-side verifications by default.",
    ],
    [
      'Envoy: the 503 body with the BoringSSL verify reason',
      'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end',
    ],
    [
      'Envoy: access log line with UF and the transport failure',
      '[2026-12-04T10:00:00.123Z] "GET / HTTP/1.1" 503 UF,URX upstream_reset_before_response_started{remote_connection_failure|TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end} - "-" 0 190 12 - "192.0.2.50" "curl/8.5.0" "5e2b9a" "www.example.com" "10.0.0.12:443"',
    ],
    [
      'Traefik v2: debug line of a 500 caused by the certificate check',
      'time="2026-12-04T10:00:00Z" level=debug msg="\'500 Internal Server Error\' caused by: tls: failed to verify certificate: x509: certificate signed by unknown authority"',
    ],
    [
      'Cloudflare: the 525 page',
      'www.example.com | 525: SSL handshake failed\n\nWhat happened?\nCloudflare is unable to establish an SSL connection to the origin server.',
    ],
    ['Cloudflare: the 526 page title', 'www.example.com | 526: Invalid SSL certificate'],
  ])('%s', (_what, text) => {
    expect(ranked(text)[0], scores(text)).toBe(PROXY_IN_FRONT);
  });

  it('AWS API Gateway wraps a Java verifier message: the trust entry and the proxy entry lead together', () => {
    // The PKIX text names the cause (a chain the Java client does not trust); the prefix says the
    // client is a gateway in front of httpd. Either may come first; both must be at the top.
    const text =
      'Execution failed due to configuration error: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
    expect(ranked(text).slice(0, 2), scores(text)).toContain(PROXY_IN_FRONT);
  });

  it('nginx talking TLS to a plain-HTTP port: the plain-HTTP entry leads, the proxy entry follows', () => {
    const r = ranked(NGINX_PLAIN_PORT);
    expect(r[0], scores(NGINX_PLAIN_PORT)).toBe('browser-hangs-http-to-https-port');
    expect(r.slice(0, 3), scores(NGINX_PLAIN_PORT)).toContain(PROXY_IN_FRONT);
  });
});

describe('ranking stays honest between the two directions and nearby clients', () => {
  it('httpd as the proxy (AH02276, AH02003, AH00898 ...) is the backend-verification entry, not the proxy-in-front one', () => {
    expect(ranked(HTTPD_AS_PROXY)[0], scores(HTTPD_AS_PROXY)).toBe('proxy-backend-certificate-verification');
    expect(ranked(HTTPD_AS_PROXY)[0]).not.toBe(PROXY_IN_FRONT);
  });

  it('the same verify reason in nginx and in curl goes to different entries', () => {
    const curl = 'curl: (60) SSL certificate problem: unable to get local issuer certificate';
    expect(ranked(NGINX_VERIFY)[0], scores(NGINX_VERIFY)).toBe(PROXY_IN_FRONT);
    expect(ranked(curl)[0], scores(curl)).toBe('incomplete-certificate-chain');
  });

  it('httpd refusing a proxy without SNI (AH02033) stays with the SNI entry', () => {
    const line =
      '[Fri Dec 04 10:00:00.000002 2026] [ssl:info] [pid 4000:tid 140001] [client 10.0.0.5:50000] AH02033: No hostname was provided via SNI for a name based virtual host';
    expect(ranked(line)[0], scores(line)).toBe('sni-default-vhost-wrong-certificate');
  });

  it('httpd proxying with SSLProxyEngine off (AH01961) is not taken for a proxy in front', () => {
    const line =
      '[Tue Feb 23 16:03:30.014701 2021] [core:error] [pid 1414:tid 140447502526208] AH01961:  failed to enable ssl support [Hint: if using mod_ssl, see SSLProxyEngine]';
    expect(ranked(line)[0], scores(line)).toBe('proxy-https-backend-sslproxyengine');
  });
});

describe('start-up failures outside mod_ssl', () => {
  it.each([
    [
      'journal of a failed start: port 443 taken (AH00072, no listening sockets, AH00015)',
      [
        'Dec 04 10:00:00 web1 systemd[1]: Starting apache2.service - The Apache HTTP Server...',
        "Dec 04 10:00:00 web1 apachectl[1749]: AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 127.0.1.1. Set the 'ServerName' directive globally to suppress this message",
        'Dec 04 10:00:00 web1 apachectl[1749]: (98)Address already in use: AH00072: make_sock: could not bind to address [::]:443',
        'Dec 04 10:00:00 web1 apachectl[1749]: (98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:443',
        'Dec 04 10:00:00 web1 apachectl[1749]: no listening sockets available, shutting down',
        'Dec 04 10:00:00 web1 apachectl[1749]: AH00015: Unable to open logs',
        "Dec 04 10:00:00 web1 apachectl[1749]: Action 'start' failed.",
        'Dec 04 10:00:00 web1 apachectl[1749]: The Apache error log may have more information.',
        'Dec 04 10:00:00 web1 systemd[1]: apache2.service: Control process exited, code=exited, status=1/FAILURE',
      ].join('\n'),
      'startup-configuration-errors',
    ],
    [
      'apachectl start as a normal user: port 80 needs root',
      '(13)Permission denied: AH00072: make_sock: could not bind to address [::]:80\n(13)Permission denied: AH00072: make_sock: could not bind to address 0.0.0.0:80\nno listening sockets available, shutting down\nAH00015: Unable to open logs',
      'startup-configuration-errors',
    ],
    [
      'systemctl status: the Listen address is not on this host',
      [
        '× httpd.service - The Apache HTTP Server',
        '     Loaded: loaded (/usr/lib/systemd/system/httpd.service; enabled; preset: disabled)',
        '     Active: failed (Result: exit-code) since Fri 2026-12-04 10:00:00 UTC; 5s ago',
        'Dec 04 10:00:00 web1 httpd[1101]: (99)Cannot assign requested address: AH00072: make_sock: could not bind to address 192.0.2.52:443',
        'Dec 04 10:00:00 web1 httpd[1101]: no listening sockets available, shutting down',
        'Dec 04 10:00:00 web1 httpd[1101]: AH00015: Unable to open logs',
      ].join('\n'),
      'startup-configuration-errors',
    ],
    [
      'mod_ssl fatal init, then the core closing line AH00016',
      '[Fri Dec 04 10:00:00.000002 2026] [ssl:emerg] [pid 4000:tid 140001] AH02231: No SSL protocols available [hint: SSLProtocol]\n[Fri Dec 04 10:00:00.000003 2026] [ssl:emerg] [pid 4000:tid 140001] AH02312: Fatal error initialising mod_ssl, exiting.\nAH00016: Configuration Failed',
      'startup-configuration-errors',
    ],
    [
      'AH00016 after an unreadable key stays with the key entry',
      "[Fri Dec 04 10:00:00.000001 2026] [ssl:emerg] [pid 4000:tid 140001] (13)Permission denied: AH02574: Init: Can't open server private key file /etc/pki/tls/private/www.example.com.key\n[Fri Dec 04 10:00:00.000002 2026] [ssl:emerg] [pid 4000:tid 140001] AH02312: Fatal error initialising mod_ssl, exiting.\nAH00016: Configuration Failed",
      'certificate-file-permissions',
    ],
    [
      'module load line: undefined symbol after an OpenSSL change',
      'httpd: Syntax error on line 139 of /usr/local/apache/conf/httpd.conf: Cannot load /usr/local/apache/modules/mod_ssl.so into server: /usr/local/apache/modules/mod_ssl.so: undefined symbol: EC_KEY_free',
      'mod-ssl-openssl-version-mismatch',
    ],
    [
      'module load line: symbol version missing from the loaded libssl',
      "httpd: Syntax error on line 130 of /www/server/apache/conf/httpd.conf: Cannot load modules/mod_ssl.so into server: /usr/lib/aarch64-linux-gnu/libssl.so.1.1: version `OPENSSL_1_1_1' not found (required by /www/server/apache/modules/mod_ssl.so)",
      'mod-ssl-openssl-version-mismatch',
    ],
    [
      'module load line: the libssl the module was built for is gone (Debian apache2ctl)',
      "apache2: Syntax error on line 146 of /etc/apache2/apache2.conf: Syntax error on line 1 of /etc/apache2/mods-enabled/ssl.load: Cannot load /usr/lib/apache2/modules/mod_ssl.so into server: libssl.so.1.1: cannot open shared object file: No such file or directory\nAction 'start' failed.\nThe Apache error log may have more information.",
      'mod-ssl-openssl-version-mismatch',
    ],
    [
      'the builtin pass phrase dialog on the terminal, with a wrong answer',
      '$ sudo apachectl start\nApache/2.4.62 mod_ssl (Pass Phrase Dialog)\nSome of your private key files are encrypted for security reasons.\nIn order to read them you have to provide the pass phrases.\n\nPrivate key www.example.com:443:0 (/etc/pki/tls/private/www.example.com.key)\nEnter pass phrase:\nApache:mod_ssl:Error: Pass phrase incorrect (2 more retries permitted).\nEnter pass phrase:',
      'passphrase-prompt-at-startup',
    ],
    [
      'a VirtualHost name DNS could not resolve at start-up',
      '[Fri Dec 04 10:00:00.000001 2026] [core:error] [pid 4000] (EAI 2)Name or service not known: AH00547: Could not resolve host name www.example.com -- ignoring!',
      'ssl-vhost-port-warnings',
    ],
    [
      'mod_ssl not loaded: AH00526 on its own line, the reason on the next',
      "AH00526: Syntax error on line 12 of /etc/httpd/conf.d/ssl.conf:\nInvalid command 'SSLEngine', perhaps misspelled or defined by a module not included in the server configuration",
      'invalid-command-sslengine-module-not-loaded',
    ],
  ])('%s', (_what, text, slug) => {
    expect(ranked(text)[0], scores(text)).toBe(slug);
  });

  it('generic closing and notice lines alone are weak: they do not outrank a line that names the reason', () => {
    const text =
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 127.0.1.1. Set the 'ServerName' directive globally to suppress this message\nAH00526: Syntax error on line 92 of /usr/local/apache2/conf/extra/httpd-ssl.conf: SSLSessionCache: 'shmcb' session cache not supported (known names: ). Maybe you need to load the appropriate socache module (mod_socache_shmcb?).";
    expect(ranked(text)[0], scores(text)).toBe('session-cache-not-configured');
  });
});
