// The server's side of a TLS handshake as bytes on the wire. Up to TLS 1.2 the Certificate and
// CertificateRequest messages travel in clear, which is the only place the probe can see the
// chain exactly as sent (order and extra certificates included) and the CA names a client
// certificate must come from: Node exposes neither (getPeerCertificate(true) rebuilds the chain by
// issuer, and SSL_get0_peer_CA_list has no binding). Under TLS 1.3 both are encrypted.
import { nameToString } from './der';

export interface ServerFlight {
  /** the bytes did not start like TLS: the first of them, as text (a plain HTTP server's answer) */
  notTls?: string;
  /** ServerHello's version field (0x0301 TLS 1.0 … 0x0303 TLS 1.2; TLS 1.3 also says 0x0303) */
  version?: number;
  /** DER certificates of the Certificate message, in the order sent */
  certificates?: Uint8Array[];
  certificateRequest?: {
    /** ClientCertificateType values (1 rsa_sign, 64 ecdsa_sign, …) */
    types: number[];
    /** CA names as "O=…, CN=…"; empty when the server names none */
    caNames: string[];
  };
  /** a TLS alert in clear: [level, description] */
  alert?: [number, number];
}

const HANDSHAKE = 22;
const CHANGE_CIPHER_SPEC = 20;
const ALERT = 21;

/** Printable start of bytes that are not TLS, for evidence ("HTTP/1.1 400 Bad Request"). */
function printable(b: Uint8Array): string {
  const s = new TextDecoder('latin1').decode(b.subarray(0, 200));
  return s.split(/\r?\n/)[0]!.replace(/[^\x20-\x7e]/g, '.');
}

/**
 * Reads the server's bytes up to its ChangeCipherSpec (after it everything is encrypted).
 * Tolerates a cut-short capture: whatever complete messages there are.
 */
export function parseServerFlight(data: Uint8Array): ServerFlight {
  const out: ServerFlight = {};
  if (data.length === 0) return out;
  // A TLS record starts with a content type 20–23 and major version 3.
  if (data[0]! < 20 || data[0]! > 23 || (data.length > 1 && data[1] !== 3)) {
    out.notTls = printable(data);
    return out;
  }
  let hsBytes = new Uint8Array(0);
  for (let p = 0; p + 5 <= data.length; ) {
    const type = data[p]!;
    const len = (data[p + 3]! << 8) | data[p + 4]!;
    if (p + 5 + len > data.length) break;
    const body = data.subarray(p + 5, p + 5 + len);
    p += 5 + len;
    if (type === CHANGE_CIPHER_SPEC) break;
    if (type === ALERT && body.length >= 2) {
      out.alert = [body[0]!, body[1]!];
      break;
    }
    if (type !== HANDSHAKE) break;
    const joined = new Uint8Array(hsBytes.length + body.length);
    joined.set(hsBytes);
    joined.set(body, hsBytes.length);
    hsBytes = joined;
  }
  // Handshake messages: type(1) length(3) body.
  for (let p = 0; p + 4 <= hsBytes.length; ) {
    const type = hsBytes[p]!;
    const len = (hsBytes[p + 1]! << 16) | (hsBytes[p + 2]! << 8) | hsBytes[p + 3]!;
    if (p + 4 + len > hsBytes.length) break;
    const body = hsBytes.subarray(p + 4, p + 4 + len);
    p += 4 + len;
    try {
      if (type === 2 && body.length >= 2) out.version = (body[0]! << 8) | body[1]!;
      // TLS 1.3 encrypts everything after ServerHello; a 0x0303 ServerHello with supported_versions
      // 1.3 is followed by encrypted records only, so there is nothing more to read in clear.
      else if (type === 11) out.certificates = certificates(body);
      else if (type === 13) out.certificateRequest = certificateRequest(body, out.version ?? 0x0303);
    } catch {
      /* a malformed message: keep what was read before it */
    }
  }
  return out;
}

function u24(b: Uint8Array, p: number): number {
  if (p + 3 > b.length) throw new RangeError('short');
  return (b[p]! << 16) | (b[p + 1]! << 8) | b[p + 2]!;
}
function u16(b: Uint8Array, p: number): number {
  if (p + 2 > b.length) throw new RangeError('short');
  return (b[p]! << 8) | b[p + 1]!;
}

/** TLS ≤ 1.2 Certificate: certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1>. */
function certificates(body: Uint8Array): Uint8Array[] {
  const total = u24(body, 0);
  const end = Math.min(3 + total, body.length);
  const list: Uint8Array[] = [];
  for (let p = 3; p + 3 <= end; ) {
    const len = u24(body, p);
    if (p + 3 + len > end) break;
    list.push(body.slice(p + 3, p + 3 + len));
    p += 3 + len;
  }
  return list;
}

/**
 * TLS 1.0–1.2 CertificateRequest: certificate_types<1..2^8-1>, then (TLS 1.2 only)
 * supported_signature_algorithms<2..2^16-2>, then certificate_authorities<0..2^16-1>.
 */
function certificateRequest(body: Uint8Array, version: number): NonNullable<ServerFlight['certificateRequest']> {
  const nTypes = body[0]!;
  const types = [...body.subarray(1, 1 + nTypes)];
  let p = 1 + nTypes;
  if (version >= 0x0303) p += 2 + u16(body, p);
  const total = u16(body, p);
  p += 2;
  const end = Math.min(p + total, body.length);
  const caNames: string[] = [];
  while (p + 2 <= end) {
    const len = u16(body, p);
    const dn = body.subarray(p + 2, p + 2 + len);
    p += 2 + len;
    try {
      caNames.push(nameToString(dn));
    } catch {
      caNames.push(`(unreadable name, ${len} bytes)`);
    }
  }
  return { types, caNames };
}
