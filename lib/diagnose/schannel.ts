// Windows status codes that .NET, PowerShell, curl's Schannel backend and IE print for TLS and
// certificate failures, as hex (0x80090325) or by name (SEC_E_UNTRUSTED_ROOT). Values as
// dotnet/runtime's SECURITY_STATUS enum and curl's lib/strerror.c list them; CERT_E_* and
// CRYPT_E_* as Windows' wincrypt headers define them.
export const WINDOWS_STATUS: Record<string, string> = {
  '0x80090302': 'SEC_E_UNSUPPORTED_FUNCTION',
  '0x80090304': 'SEC_E_INTERNAL_ERROR',
  '0x80090308': 'SEC_E_INVALID_TOKEN',
  '0x8009030d': 'SEC_E_UNKNOWN_CREDENTIALS',
  '0x8009030e': 'SEC_E_NO_CREDENTIALS',
  '0x8009030f': 'SEC_E_MESSAGE_ALTERED',
  '0x80090318': 'SEC_E_INCOMPLETE_MESSAGE',
  '0x80090322': 'SEC_E_WRONG_PRINCIPAL',
  '0x80090324': 'SEC_E_TIME_SKEW',
  '0x80090325': 'SEC_E_UNTRUSTED_ROOT',
  '0x80090326': 'SEC_E_ILLEGAL_MESSAGE',
  '0x80090327': 'SEC_E_CERT_UNKNOWN',
  '0x80090328': 'SEC_E_CERT_EXPIRED',
  '0x80090330': 'SEC_E_DECRYPT_FAILURE',
  '0x80090331': 'SEC_E_ALGORITHM_MISMATCH',
  '0x80090349': 'SEC_E_CERT_WRONG_USAGE',
  '0x80090350': 'SEC_E_DOWNGRADE_DETECTED',
  '0x80090367': 'SEC_E_APPLICATION_PROTOCOL_MISMATCH',
  '0x80092010': 'CRYPT_E_REVOKED',
  '0x80092012': 'CRYPT_E_NO_REVOCATION_CHECK',
  '0x80092013': 'CRYPT_E_REVOCATION_OFFLINE',
  '0x800b0101': 'CERT_E_EXPIRED',
  '0x800b0109': 'CERT_E_UNTRUSTEDROOT',
  '0x800b010f': 'CERT_E_CN_NO_MATCH',
};

/** The name's hex value, so that an entry listing either knows both. */
export const WINDOWS_STATUS_BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(WINDOWS_STATUS).map(([hex, name]) => [name, hex]));
