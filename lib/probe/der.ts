// Just enough DER to read what Node's X509Certificate does not expose: a certificate's signature
// algorithm and extensions, the CA names of a TLS 1.2 CertificateRequest, and a stapled OCSP
// response. Reads only; every read is bounds-checked and a malformed input throws DerError.

export class DerError extends Error {}

export interface Tlv {
  tag: number;
  /** start of the value */
  start: number;
  /** end of the value (exclusive) */
  end: number;
  /** end of the whole TLV (same as end for definite lengths, the only kind DER has) */
  next: number;
}

/** The TLV at `off` within buf[..limit]. */
export function readTlv(buf: Uint8Array, off: number, limit = buf.length): Tlv {
  if (off + 2 > limit) throw new DerError(`truncated at ${off}`);
  const tag = buf[off]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError(`multi-byte tag at ${off}`);
  let len = buf[off + 1]!;
  let p = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) throw new DerError(`bad length at ${off}`);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    p += n;
  }
  if (p + len > limit) throw new DerError(`value past the end at ${off}`);
  return { tag, start: p, end: p + len, next: p + len };
}

/** The TLVs directly inside a constructed value. */
export function children(buf: Uint8Array, t: Pick<Tlv, 'start' | 'end'>): Tlv[] {
  const out: Tlv[] = [];
  for (let p = t.start; p < t.end; ) {
    const c = readTlv(buf, p, t.end);
    out.push(c);
    p = c.next;
  }
  return out;
}

export function oid(buf: Uint8Array, t: Tlv): string {
  if (t.tag !== 0x06 || t.end === t.start) throw new DerError('not an OBJECT IDENTIFIER');
  const parts: number[] = [];
  let v = 0;
  for (let i = t.start; i < t.end; i++) {
    v = v * 128 + (buf[i]! & 0x7f);
    if (!(buf[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  const first = parts.shift() ?? 0;
  return [first < 80 ? Math.floor(first / 40) : 2, first < 80 ? first % 40 : first - 80, ...parts].join('.');
}

const NAME_ATTRS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

function str(buf: Uint8Array, t: Tlv): string {
  const bytes = buf.subarray(t.start, t.end);
  if (t.tag === 0x1e) {
    // BMPString: UTF-16BE
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** An X.501 Name as "O=Example, CN=www.example.com", in the order it is encoded (as Node prints subjects). */
export function nameToString(buf: Uint8Array, t: Tlv = readTlv(buf, 0)): string {
  if (t.tag !== 0x30) throw new DerError('a Name is a SEQUENCE');
  const parts: string[] = [];
  for (const rdn of children(buf, t)) {
    for (const atv of children(buf, rdn)) {
      const [type, value] = children(buf, atv);
      if (!type || !value) throw new DerError('bad AttributeTypeAndValue');
      const id = oid(buf, type);
      parts.push(`${NAME_ATTRS[id] ?? id}=${str(buf, value)}`);
    }
  }
  return parts.join(', ');
}

const SIG_ALGS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

/** TLS Feature (RFC 7633); status_request (5) in it is "OCSP Must-Staple". */
const TLS_FEATURE = '1.3.6.1.5.5.7.1.24';

export interface CertDetails {
  /** OpenSSL's name for the signature algorithm (or the OID when unknown) */
  signatureAlgorithm: string;
  mustStaple: boolean;
}

/** What a certificate's DER says beyond what Node's X509Certificate exposes. */
export function certDetails(der: Uint8Array): CertDetails {
  const cert = readTlv(der, 0);
  const [tbs, sigAlg] = children(der, cert);
  if (!tbs || !sigAlg) throw new DerError('not a certificate');
  const algOid = children(der, sigAlg)[0];
  if (!algOid) throw new DerError('no signature algorithm');
  const id = oid(der, algOid);
  let mustStaple = false;
  // Extensions: [3] EXPLICIT inside the TBSCertificate.
  const exts = children(der, tbs).find((c) => c.tag === 0xa3);
  if (exts) {
    const seq = children(der, exts)[0];
    for (const ext of seq ? children(der, seq) : []) {
      const parts = children(der, ext);
      if (oid(der, parts[0]!) !== TLS_FEATURE) continue;
      const octets = parts.at(-1)!;
      const features = readTlv(der, octets.start, octets.end);
      for (const f of children(der, features)) if (f.tag === 0x02 && f.end - f.start === 1 && der[f.start] === 5) mustStaple = true;
    }
  }
  return { signatureAlgorithm: SIG_ALGS[id] ?? id, mustStaple };
}

export interface OcspSummary {
  /** OCSPResponseStatus: successful, malformedRequest, internalError, tryLater, sigRequired, unauthorized */
  responseStatus: string;
  /** of the first SingleResponse: good, revoked, unknown */
  certStatus?: 'good' | 'revoked' | 'unknown';
  producedAt?: string;
  thisUpdate?: string;
  nextUpdate?: string;
  revokedAt?: string;
}

const OCSP_STATUS = ['successful', 'malformedRequest', 'internalError', 'tryLater', '(4)', 'sigRequired', 'unauthorized'];
const BASIC_OCSP = '1.3.6.1.5.5.7.48.1.1';

function time(buf: Uint8Array, t: Tlv): string {
  const s = new TextDecoder().decode(buf.subarray(t.start, t.end));
  // GeneralizedTime YYYYMMDDHHMMSS[.f]Z, UTCTime YYMMDDHHMMSSZ
  const m = t.tag === 0x18 ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/.exec(s) : /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/.exec(s);
  if (!m) throw new DerError(`bad time ${s}`);
  const year = t.tag === 0x18 ? m[1]! : `${Number(m[1]) < 50 ? '20' : '19'}${m[1]}`;
  return `${year}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

/** The status of a stapled OCSP response (RFC 6960), without checking its signature. */
export function ocspSummary(der: Uint8Array): OcspSummary {
  const resp = readTlv(der, 0);
  const [status, bytes] = children(der, resp);
  if (!status || status.tag !== 0x0a) throw new DerError('not an OCSPResponse');
  const code = der[status.start]!;
  const out: OcspSummary = { responseStatus: OCSP_STATUS[code] ?? `(${code})` };
  if (!bytes || bytes.tag !== 0xa0) return out;
  const rb = children(der, children(der, bytes)[0]!);
  if (oid(der, rb[0]!) !== BASIC_OCSP) return out;
  const basic = readTlv(der, rb[1]!.start, rb[1]!.end);
  const tbs = children(der, children(der, basic)[0]!);
  // ResponseData: [0] version?, responderID ([1] or [2]), producedAt, responses, [1] extensions?
  let i = tbs[0]?.tag === 0xa0 ? 1 : 0;
  i++; // responderID
  out.producedAt = time(der, tbs[i]!);
  const responses = children(der, tbs[i + 1]!);
  const single = responses[0] && children(der, responses[0]);
  if (!single) return out;
  const st = single[1]!;
  out.certStatus = st.tag === 0x80 ? 'good' : st.tag === 0xa1 ? 'revoked' : 'unknown';
  if (st.tag === 0xa1) out.revokedAt = time(der, children(der, st)[0]!);
  out.thisUpdate = time(der, single[2]!);
  const next = single.slice(3).find((c) => c.tag === 0xa0);
  if (next) out.nextUpdate = time(der, children(der, next)[0]!);
  return out;
}
