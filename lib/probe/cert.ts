// A certificate as the probe reports it, from its DER (Node's X509Certificate plus the few fields
// it lacks, read by der.ts). Local computation only.
import { X509Certificate } from 'node:crypto';
import { certDetails } from './der';
import type { CertInfo } from './types';

const KEY_TYPES: Record<string, string> = { rsa: 'RSA', 'rsa-pss': 'RSA-PSS', ec: 'EC', dsa: 'DSA', ed25519: 'Ed25519', ed448: 'Ed448', dh: 'DH' };

const iso = (s: string) => {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
};

/** "DNS:a, DNS:b, IP Address:192.0.2.1" → its entries (Node quotes a value that holds a comma). */
export function splitSan(s: string | undefined): string[] {
  if (!s) return [];
  return s.split(/, (?=[A-Za-z][A-Za-z ]*:)/).map((x) => x.trim()).filter(Boolean);
}

function accessUris(info: string | undefined, method: string): string[] {
  if (!info) return [];
  return info
    .split('\n')
    .filter((l) => l.startsWith(`${method} - URI:`))
    .map((l) => l.slice(method.length + 7));
}

export function describeCert(der: Uint8Array): CertInfo {
  const x = new X509Certificate(der);
  const details = certDetails(der);
  const pk = x.publicKey;
  const kd = pk.asymmetricKeyDetails ?? {};
  const bits = kd.modulusLength ?? (pk.asymmetricKeyType === 'ed25519' ? 256 : pk.asymmetricKeyType === 'ed448' ? 456 : undefined);
  return {
    subject: x.subject.split('\n').join(', '),
    issuer: x.issuer.split('\n').join(', '),
    selfSigned: isIssuedBy(x, x),
    ca: x.ca,
    key: { type: KEY_TYPES[pk.asymmetricKeyType ?? ''] ?? String(pk.asymmetricKeyType), ...(bits !== undefined && { bits }), ...(kd.namedCurve && { curve: kd.namedCurve }) },
    signatureAlgorithm: details.signatureAlgorithm,
    notBefore: iso(x.validFrom),
    notAfter: iso(x.validTo),
    san: splitSan(x.subjectAltName),
    ocspUris: accessUris(x.infoAccess, 'OCSP'),
    caIssuers: accessUris(x.infoAccess, 'CA Issuers'),
    mustStaple: details.mustStaple,
    fingerprint256: x.fingerprint256,
  };
}

/** Whether `parent` issued `child`: names match and parent's key verifies child's signature. */
export function isIssuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/** For each certificate but the last: whether the next one is its issuer. */
export function issuedByNext(ders: Uint8Array[]): boolean[] {
  const xs = ders.map((d) => new X509Certificate(d));
  return xs.slice(0, -1).map((x, i) => isIssuedBy(x, xs[i + 1]!));
}

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/**
 * Each certificate block of a PEM bundle, markers included. indexOf, not a lazy regex: a bundle
 * full of unmatched markers would make the regex quadratic.
 */
export function pemBlocks(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const b = text.indexOf(BEGIN, from);
    if (b < 0) break;
    const e = text.indexOf(END, b + BEGIN.length);
    if (e < 0) break;
    out.push(text.slice(b, e + END.length));
    from = e + END.length;
  }
  return out;
}

/** The certificates of a PEM bundle (a CA file), as DER. */
export function pemCertificates(text: string): Uint8Array[] {
  return pemBlocks(text).map((block) => Buffer.from(block.slice(BEGIN.length, -END.length).replace(/\s+/g, ''), 'base64'));
}
