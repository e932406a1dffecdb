// Decoding OpenSSL's packed error codes. The packing differs by generation (1.0.x/1.1.x put
// the library in bits 24-31 and a function in 12-23; 3.x puts the library in bits 23-30 and
// has no function), so one hex code can mean different things: we say which reading fits.

/** Library numbers (ERR_LIB_*) and the names OpenSSL prints for them. */
const LIBS: Record<number, string> = {
  2: 'system library', 4: 'rsa routines', 5: 'Diffie-Hellman routines', 6: 'digital envelope routines',
  8: 'object identifier routines', 9: 'PEM routines', 11: 'x509 certificate routines', 13: 'asn1 encoding routines',
  14: 'configuration file routines', 16: 'elliptic curve routines', 20: 'SSL routines', 32: 'BIO routines',
  34: 'X509 V3 routines', 35: 'PKCS12 routines', 39: 'OCSP routines', 57: 'Provider routines', 60: 'DECODER routines',
};

/** TLS alert descriptions (RFC 5246 / RFC 8446), for "SSL alert number N" and reasons 1000+N. */
export const TLS_ALERTS: Record<number, string> = {
  0: 'close_notify', 10: 'unexpected_message', 20: 'bad_record_mac', 21: 'decryption_failed', 22: 'record_overflow',
  30: 'decompression_failure', 40: 'handshake_failure', 41: 'no_certificate', 42: 'bad_certificate',
  43: 'unsupported_certificate', 44: 'certificate_revoked', 45: 'certificate_expired', 46: 'certificate_unknown',
  47: 'illegal_parameter', 48: 'unknown_ca', 49: 'access_denied', 50: 'decode_error', 51: 'decrypt_error',
  60: 'export_restriction', 70: 'protocol_version', 71: 'insufficient_security', 80: 'internal_error',
  86: 'inappropriate_fallback', 90: 'user_canceled', 100: 'no_renegotiation', 109: 'missing_extension',
  110: 'unsupported_extension', 111: 'certificate_unobtainable', 112: 'unrecognized_name',
  113: 'bad_certificate_status_response', 114: 'bad_certificate_hash_value', 115: 'unknown_psk_identity',
  116: 'certificate_required', 120: 'no_application_protocol',
};

export type Generation = '1.0.x' | '1.1.x' | '1.x' | '3.x';

export interface Decoded {
  generation: Generation;
  lib: number;
  libName?: string;
  func?: number;
  reason: number;
  /** TLS alert number when the reason is 1000 + alert */
  alert?: number;
  fatal?: boolean;
  /** 3.x: a library-independent (ERR_R_*) reason, looked up without the library */
  common?: boolean;
}

export function decode1x(code: number): Decoded {
  const lib = (code >>> 24) & 0xff;
  const reason = code & 0xfff;
  return { generation: '1.x', lib, libName: LIBS[lib], func: (code >>> 12) & 0xfff, reason, alert: alertOf(reason) };
}

export function decode3x(code: number): Decoded {
  if (code & 0x80000000) return { generation: '3.x', lib: 2, libName: LIBS[2], reason: code & 0x7fffffff };
  const lib = (code >>> 23) & 0xff;
  const raw = code & 0x7fffff;
  const reason = raw & 0x3ffff; // bits 18-22 are flags (fatal, common)
  const common = Boolean(raw & 0x80000);
  return { generation: '3.x', lib, libName: LIBS[lib], reason, fatal: Boolean(raw & 0x40000), common, alert: common ? undefined : alertOf(reason) };
}

function alertOf(reason: number): number | undefined {
  const a = reason - 1000;
  return a >= 0 && TLS_ALERTS[a] !== undefined ? a : undefined;
}

/**
 * The generation a printed error string comes from, by its shape:
 * `error:X:lib:FUNC_IN_CAPS:reason` is 0.9.x/1.0.x, `error:X:lib:lower_func:reason` 1.0.2/1.1.x,
 * `error:X:lib::reason` (empty function) 3.x.
 */
export function generationOfShape(func: string): Generation {
  if (func === '') return '3.x';
  if (/^[A-Z0-9_]+$/.test(func)) return '1.0.x';
  // 1.0.2 also prints some names in lower case; tls_* and ossl_statem_* exist only from 1.1.0.
  if (/^(?:tls_|ossl_statem)/.test(func)) return '1.1.x';
  return '1.x';
}

/**
 * The reading of a printed `error:X:lib:func:reason` whose library matches the printed library
 * name: 3.x's ERR_print_errors fills in a function name too, so the shape alone can mislead.
 */
export function decodePrinted(hex: string, libText: string, func: string): Decoded {
  const code = Number.parseInt(hex, 16);
  const shape = generationOfShape(func);
  const one = { ...decode1x(code), generation: shape === '3.x' ? ('1.x' as Generation) : shape };
  const three = decode3x(code);
  const lib = libText.trim().toLowerCase();
  if (shape === '3.x') return three;
  if (three.libName?.toLowerCase() === lib && one.libName?.toLowerCase() !== lib) return three;
  return one;
}

/** Both readings of a bare hex code, the one whose library OpenSSL knows first. */
export function decodeBare(hex: string): Decoded[] {
  const code = Number.parseInt(hex, 16);
  const readings = [decode1x(code), decode3x(code)];
  return readings.sort((a, b) => Number(Boolean(b.libName)) - Number(Boolean(a.libName)));
}

const GENERATION_LABEL: Record<Generation, string> = { '1.0.x': '1.0.x', '1.1.x': '1.1.x', '1.x': '1.0.2/1.1.x', '3.x': '3.x' };

export function describe(d: Decoded): string {
  const lib = d.libName ? `${d.libName} (${d.lib})` : `library ${d.lib}`;
  if (d.common) return `OpenSSL ${GENERATION_LABEL[d.generation]}: ${lib}, common (library-independent) reason ${d.reason}${d.fatal ? ', fatal' : ''}`;
  const func = d.func ? `, function ${d.func}` : '';
  const alert = d.alert !== undefined ? ` = TLS alert ${d.alert} ${TLS_ALERTS[d.alert]}` : '';
  return `OpenSSL ${GENERATION_LABEL[d.generation]}: ${lib}${func}, reason ${d.reason}${alert}`;
}
