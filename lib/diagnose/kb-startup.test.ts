import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { diagnose } from './diagnose';

// Start-up failures of mod_ssl (group B): for a line a user really sees, the entry that explains
// its cause must rank first against the whole knowledge base.

const index = buildKbIndex(getEntries());
const first = (line: string) => {
  const d = diagnose(line, index);
  return { slug: d.findings[0]?.slug, all: d.findings.map((f) => `${f.slug} ${f.score}`).join(', ') };
};

describe('start-up entries rank first for their own lines', () => {
  it.each([
    [
      'module not loaded: AH00526 Invalid command SSLEngine from the journal',
      "Nov 23 10:15:02 web1 apachectl[11924]: AH00526: Syntax error on line 36 of /etc/apache2/sites-enabled/default-ssl.conf: Invalid command 'SSLEngine', perhaps misspelled or defined by a module not included in the server configuration",
      'invalid-command-sslengine-module-not-loaded',
    ],
    [
      'module not loaded: httpd 2.2 wording without a code',
      "Invalid command 'SSLCertificateFile', perhaps misspelled or defined by a module not included in the server configuration",
      'invalid-command-sslengine-module-not-loaded',
    ],
    [
      'DER certificate: OpenSSL 1.1.1 no start line with the mod_ssl hint',
      '[Mon Nov 23 10:15:02.123789 2026] [ssl:emerg] [pid 4242:tid 140213145679680] SSL Library Error: error:0909006C:PEM routines:get_name:no start line (Expecting: TRUSTED CERTIFICATE) -- Bad file contents or format - or even just a forgotten SSLCertificateKeyFile?',
      'wrong-certificate-file-or-format',
    ],
    [
      'certificate in the key directive: AH02579',
      '[Mon Nov 23 10:15:02.123456 2026] [ssl:error] [pid 4242:tid 140213145679680] AH02579: Init: Private key not found',
      'wrong-certificate-file-or-format',
    ],
    [
      'unreadable key: AH02574 with EACCES',
      "[Mon Nov 23 10:15:02.123456 2026] [ssl:emerg] [pid 4242:tid 140213145679680] (13)Permission denied: AH02574: Init: Can't open server private key file /etc/pki/tls/private/www.example.com.key",
      'certificate-file-permissions',
    ],
    [
      'missing certificate file caught at parse time',
      "AH00526: Syntax error on line 103 of /etc/httpd/conf.d/ssl.conf: SSLCertificateFile: file '/etc/pki/tls/certs/www.example.com.crt' does not exist or is empty",
      'certificate-file-permissions',
    ],
    [
      'SELinux denial for httpd',
      'type=AVC msg=audit(1763892902.114:812): avc:  denied  { read } for  pid=4242 comm="httpd" name="www.example.com.key" dev="dm-0" ino=131588 scontext=system_u:system_r:httpd_t:s0 tcontext=unconfined_u:object_r:user_home_t:s0 tclass=file permissive=0',
      'certificate-file-permissions',
    ],
    [
      'SSLMutex after an upgrade to 2.4',
      "AH00526: Syntax error on line 12 of /etc/httpd/conf.d/ssl.conf: Invalid command 'SSLMutex', perhaps misspelled or defined by a module not included in the server configuration",
      'deprecated-ssl-directives',
    ],
    [
      'NameVirtualHost notice in the journal',
      'Nov 23 10:15:02 web1 httpd[809]: AH00548: NameVirtualHost has no effect and will be removed in the next release /etc/httpd/conf/httpd.conf:358',
      'deprecated-ssl-directives',
    ],
    [
      'SSLCertificateChainFile warning of 2.4.8-2.4.14',
      'AH02559: The SSLCertificateChainFile directive (/etc/httpd/conf.d/ssl.conf:105) is deprecated, SSLCertificateFile should be used instead',
      'deprecated-ssl-directives',
    ],
    [
      'older OpenSSL loaded than mod_ssl was built for',
      '[Mon Feb 12 10:43:39.469567 2024] [ssl:warn] [pid 869:tid 139937286648960] AH01882: Init: this version of mod_ssl was compiled against a newer library (OpenSSL 1.1.1d  10 Sep 2019, version currently loaded is OpenSSL 1.1.1c  28 May 2019) - may result in undefined or erroneous behavior',
      'mod-ssl-openssl-version-mismatch',
    ],
    [
      'mod_ssl cannot be loaded: undefined symbol',
      'httpd: Syntax error on line 56 of /etc/httpd/conf/httpd.conf: Cannot load modules/mod_ssl.so into server: /etc/httpd/modules/mod_ssl.so: undefined symbol: SSL_CTX_set_ciphersuites',
      'mod-ssl-openssl-version-mismatch',
    ],
    [
      'no session cache configured',
      '[Mon Nov 23 10:15:02.123456 2026] [ssl:warn] [pid 4242:tid 140213145679680] AH01873: Init: Session Cache is not configured [hint: SSLSessionCache]',
      'session-cache-not-configured',
    ],
    [
      'shmcb cache without mod_socache_shmcb',
      "AH00526: Syntax error on line 92 of /usr/local/apache2/conf/extra/httpd-ssl.conf: SSLSessionCache: 'shmcb' session cache not supported (known names: ). Maybe you need to load the appropriate socache module (mod_socache_shmcb?).",
      'session-cache-not-configured',
    ],
    [
      'SSLProtocol left nothing',
      '[Mon Nov 23 10:15:02.123456 2026] [ssl:emerg] [pid 4242:tid 140213145679680] AH02231: No SSL protocols available [hint: SSLProtocol]',
      'startup-configuration-errors',
    ],
    [
      'SSLCipherSuite matched nothing (OpenSSL 3)',
      '[Mon Nov 23 10:15:02.123456 2026] [ssl:emerg] [pid 4242:tid 140213145679680] SSL Library Error: error:0A0000B9:SSL routines::no cipher match',
      'startup-configuration-errors',
    ],
    [
      'the fatal summary line',
      '[Mon Nov 23 10:15:02.123456 2026] [ssl:emerg] [pid 4242:tid 140213145679680] AH02312: Fatal error initialising mod_ssl, exiting.',
      'startup-configuration-errors',
    ],
  ])('%s', (_what, line, slug) => {
    const { slug: got, all } = first(line);
    expect(got, all).toBe(slug);
  });
});
