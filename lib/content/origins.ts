// The seed questions every one of which one entry must answer (GUIDE section 6).
export const ORIGINS = [
  'module/apache-ssl-differences', 'module/avoid-apache-ssl', 'module/apache-ssl-base-version',
  'module/version-2-0-0', 'module/version-naming', 'module/y2k', 'module/wassenaar',
  'config/http-and-https', 'config/https-port', 'config/speak-https-manually', 'config/browser-hangs',
  'config/relative-links-scheme',
  'certs/what-are-keys-csrs-certs', 'certs/startup-passphrase', 'certs/dummy-test-cert',
  'certs/real-server-cert', 'certs/own-ca', 'certs/change-passphrase', 'certs/remove-passphrase',
  'certs/key-matches-cert', 'certs/2048-bit-key', 'certs/client-auth-after-upgrade', 'certs/pem-to-der',
  'protocol/higher-load', 'protocol/supported-ciphers', 'protocol/name-based-vhosts',
  'protocol/basic-auth-lock-icon', 'protocol/msie-io-errors',
  'support/information-resources', 'support/support-contacts', 'support/bug-report-details',
  'support/core-dump-backtrace',
  'case/8051-ie11-cors-renegotiation',
] as const;

export type Origin = (typeof ORIGINS)[number];
