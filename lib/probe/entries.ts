// Which knowledge-base entry explains each thing the probe can find, and which of that entry's
// causes it is. Titles, URLs and the causes' wording come from the entries themselves at run
// time; a test checks that every slug here exists and lists the causes named here.
import type { Finding, Severity } from './types';

export interface FindingKind {
  /** a few words for the report's headline */
  label: string;
  slug: string;
  /** the entry's causes this finding is (empty: a recommendation, not the cause of a failure) */
  causes: string[];
}

export const FINDINGS = {
  'port-closed': { label: 'Nothing accepts connections on this port', slug: 'https-on-a-custom-port', causes: ['port-or-listen-problem'] },
  'no-tcp-answer': { label: 'No answer to the TCP connection', slug: 'https-on-a-custom-port', causes: ['port-or-listen-problem'] },
  'speaks-plain-http': { label: 'The port speaks plain HTTP, not TLS', slug: 'browser-hangs-http-to-https-port', causes: ['plain-http-on-https-port'] },
  'no-tls-answer': { label: 'The port answers neither TLS nor HTTP', slug: 'connection-closed-during-handshake', causes: ['port-or-listen-problem'] },
  'closed-in-handshake': { label: 'Connection closed during the handshake, without an alert', slug: 'connection-closed-during-handshake', causes: ['connection-dropped-in-handshake'] },
  'no-common-protocol': { label: 'No TLS version in common', slug: 'protocol-version-mismatch', causes: ['protocol-version-mismatch'] },
  'handshake-failure-alert': { label: 'Handshake refused (alert 40)', slug: 'no-shared-cipher', causes: ['no-shared-cipher'] },
  'unrecognized-name': { label: 'The SNI name is refused (unrecognized_name)', slug: 'unrecognized-name-alert', causes: ['sni-unrecognized-name'] },
  'chain-incomplete': { label: 'Incomplete certificate chain (intermediate missing)', slug: 'incomplete-certificate-chain', causes: ['missing-intermediate-chain'] },
  'chain-order': { label: 'Certificate chain in the wrong order or with extra certificates', slug: 'certificate-chain-wrong-order', causes: ['cert-chain-order-wrong'] },
  'self-signed': { label: 'Self-signed certificate', slug: 'self-signed-or-private-ca-not-trusted', causes: ['untrusted-self-signed-or-private-ca'] },
  'untrusted-root': { label: 'Certificate from an untrusted (private) CA', slug: 'self-signed-or-private-ca-not-trusted', causes: ['untrusted-self-signed-or-private-ca'] },
  'trusted-only-by-system': { label: 'Trusted by this system only, not by Node’s (Mozilla’s) roots', slug: 'self-signed-or-private-ca-not-trusted', causes: ['untrusted-self-signed-or-private-ca'] },
  expired: { label: 'Certificate expired', slug: 'certificate-expired-or-not-yet-valid', causes: ['expired-or-not-yet-valid'] },
  'not-yet-valid': { label: 'Certificate not yet valid', slug: 'certificate-expired-or-not-yet-valid', causes: ['expired-or-not-yet-valid'] },
  'expires-soon': { label: 'Certificate expires soon', slug: 'certificate-expired-or-not-yet-valid', causes: ['expired-or-not-yet-valid'] },
  'name-mismatch': { label: 'Certificate not valid for this name', slug: 'certificate-name-mismatch', causes: ['hostname-mismatch'] },
  'no-san': { label: 'Certificate without subjectAltName (CN only)', slug: 'certificate-name-mismatch', causes: ['cert-missing-san'] },
  'weak-key': { label: 'Key too small or weak signature', slug: 'openssl-3-security-level', causes: ['key-too-small-or-weak-signature'] },
  'default-cert-differs': { label: 'Clients without SNI get another certificate', slug: 'sni-default-vhost-wrong-certificate', causes: ['client-no-sni'] },
  // Not a failure but old versions kept on: the entry's fix turns them off; no cause of its list applies.
  'legacy-protocols': { label: 'TLS 1.0/1.1 still accepted', slug: 'protocol-version-mismatch', causes: [] },
  'tls13-only': { label: 'Only TLS 1.3 accepted', slug: 'protocol-version-mismatch', causes: ['protocol-version-mismatch'] },
  'no-h2': { label: 'HTTP/2 (h2) not offered', slug: 'tls-server-load', causes: [] },
  'h2-weak-cipher': { label: 'h2 over a cipher HTTP/2 forbids', slug: 'http2-inadequate-security', causes: ['http2-cipher-or-tls-requirement'] },
  'no-ocsp-staple': { label: 'No stapled OCSP response', slug: 'ocsp-stapling-errors', causes: ['ocsp-stapling-problem'] },
  'no-ocsp-uri': { label: 'No stapled OCSP response (the certificate names no OCSP responder)', slug: 'lets-encrypt-ocsp-end-must-staple', causes: ['ocsp-stapling-problem'] },
  'ocsp-staple-bad': { label: 'Stapled OCSP response not usable', slug: 'ocsp-stapling-errors', causes: ['ocsp-stapling-problem'] },
  'client-cert-required': { label: 'A client certificate is required', slug: 'client-certificate-verification-failed', causes: ['client-cert-required-or-rejected'] },
  'client-cert-requested': { label: 'A client certificate is asked for (optional)', slug: 'client-certificate-verification-failed', causes: ['client-cert-required-or-rejected'] },
  'client-cert-no-ca-names': { label: 'Client certificate asked for, naming no CA', slug: 'no-ca-for-client-verification', causes: ['client-cert-required-or-rejected'] },
  'plain-http-answer': { label: 'What plain HTTP to this port gets', slug: 'browser-hangs-http-to-https-port', causes: ['plain-http-on-https-port'] },
} as const satisfies Record<string, FindingKind>;

export type FindingId = keyof typeof FINDINGS;

/** What the probe needs of an entry (lib/content's Entry has these fields). */
export interface EntryRef {
  slug: string;
  title: string;
  url: string;
  causes: readonly string[];
}

export interface ResolvedFinding {
  id: string;
  label: string;
  severity: Severity;
  evidence: string;
  slug: string;
  title: string | null;
  /** null when the entry is missing (a test keeps that from shipping) */
  url: string | null;
  causes: string[];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings with their entries, problems first. `site` is prefixed to the entry URLs (SITE_URL). */
export function resolveFindings(findings: Finding[], entries: readonly EntryRef[], site = ''): ResolvedFinding[] {
  const bySlug = new Map(entries.map((e) => [e.slug, e]));
  return [...findings]
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
    .map((f) => {
      const kind: FindingKind | undefined = (FINDINGS as Record<string, FindingKind>)[f.id];
      if (!kind) throw new Error(`unknown probe finding ${f.id}`);
      const e = bySlug.get(kind.slug);
      return {
        id: f.id,
        label: kind.label,
        severity: f.severity,
        evidence: f.evidence,
        slug: kind.slug,
        title: e?.title ?? null,
        url: e ? `${site}${e.url}` : null,
        causes: e ? kind.causes.filter((c) => e.causes.includes(c)) : [...kind.causes],
      };
    });
}
