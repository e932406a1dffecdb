// The probe's two outputs: one JSON object, and a report to read (problems first, each with its
// entry). Pure functions of the observations and the resolved findings.
import { certificateView, clip, nameMatches, versionState } from './analyse';
import type { ResolvedFinding } from './entries';
import { formatTarget } from './target';
import { TLS_VERSIONS, VERSION_LABEL, type CertInfo, type Failure, type Handshake, type ProbeObservations, type TrustCheck } from './types';

/** What the probe cannot see through Node, said in the output wherever it matters. */
export const NOT_OBSERVABLE = {
  sentChainTls13: 'the chain exactly as sent (order, extra certificates) is read from a TLS 1.2 or older handshake, where it travels in clear; a server that speaks only TLS 1.3 encrypts it, and Node rebuilds the chain by issuer (getPeerCertificate), so only the certificates it could link are shown',
  caNamesTls13: 'the CA names of a certificate request are read from a TLS 1.2 or older handshake; under TLS 1.3 the request is encrypted and Node has no API for its CA list',
};

/** The top-level failure that kept the probe from going further, if any. */
export function blocker(obs: ProbeObservations): string | undefined {
  if (obs.resolve) return obs.resolve.message;
  const f = obs.main?.failure;
  if (f && !f.connected && (f.kind === 'refused' || f.kind === 'unreachable' || f.kind === 'connect-timeout')) return `${obs.address}:${obs.target.port}: ${f.message}`;
  return undefined;
}

const failureText = (f: Failure | undefined) => (f ? (f.alert !== undefined ? `alert ${f.alert}, ${f.message}` : f.message) : 'failed');

function certJson(c: CertInfo) {
  return c;
}

function clientCert(obs: ProbeObservations) {
  const hs = [obs.main, obs.noSni, ...TLS_VERSIONS.map((v) => obs.versions[v])].filter((h): h is Handshake => !!h);
  const requested = hs.some((h) => h.certRequest);
  const caNames = hs.find((h) => h.certRequest?.caNames)?.certRequest?.caNames ?? null;
  const after = obs.main?.after;
  const required = requested ? (after !== undefined && after !== 'open') || hs.some((h) => h.certRequest && !h.ok && h.failure?.kind === 'alert') : false;
  return { requested, required, caNames, ...(requested && !caNames && { caNamesNote: NOT_OBSERVABLE.caNamesTls13 }) };
}

export function toJson(obs: ProbeObservations, findings: ResolvedFinding[]) {
  const view = certificateView(obs);
  const name = obs.servername ?? (obs.target.ip ? obs.target.host : undefined);
  const noSniLeaf = obs.noSni?.linked?.[0];
  const trust = (t: TrustCheck) => ({ roots: t.source, verified: t.error === undefined ? null : t.error === null, ...(t.error && { error: t.error }), ...(t.skipped && { skipped: t.skipped }) });
  return {
    target: formatTarget(obs.target),
    address: obs.address ?? null,
    servername: obs.servername ?? null,
    at: obs.at,
    seconds: obs.seconds,
    ...(blocker(obs) && { error: blocker(obs) }),
    findings: findings.map((f) => ({ slug: f.slug, url: f.url, causes: f.causes, severity: f.severity, evidence: f.evidence, id: f.id, title: f.title })),
    chain: view ? view.chain.map(certJson) : [],
    chainSource: view ? (view.sent ? 'sent' : 'linked') : null,
    ...(view && !view.sent && { chainNote: NOT_OBSERVABLE.sentChainTls13 }),
    trust: { node: trust(obs.trust.node), system: trust(obs.trust.system), ...(obs.trust.ca && { ca: trust(obs.trust.ca) }) },
    name: view && name ? { checked: name, matches: nameMatches(name, view.leaf.san), subjectAltName: view.leaf.san.length > 0 } : null,
    withoutSni: obs.noSni
      ? obs.noSni.ok && noSniLeaf
        ? { sameCertificate: !!view && noSniLeaf.fingerprint256 === view.leaf.fingerprint256, subject: noSniLeaf.subject, san: noSniLeaf.san }
        : { error: failureText(obs.noSni.failure) }
      : null,
    protocols: Object.fromEntries(TLS_VERSIONS.map((v) => [v, { accepted: true, refused: false, unknown: null }[versionState(obs.versions[v], v)]])),
    protocolDetails: Object.fromEntries(TLS_VERSIONS.map((v) => [v, obs.versions[v] ? (obs.versions[v]!.ok ? { cipher: obs.versions[v]!.cipher } : { error: failureText(obs.versions[v]!.failure) }) : null])),
    negotiated: obs.main?.ok ? { protocol: obs.main.protocol, cipher: obs.main.cipher } : null,
    alpn: obs.main?.ok ? (obs.main.alpn ?? null) : null,
    ocsp: obs.main?.ocsp ? { stapled: obs.main.ocsp.stapled, ...(obs.main.ocsp.bytes && { bytes: obs.main.ocsp.bytes }), ...obs.main.ocsp.summary, ...(obs.main.ocsp.unreadable && { unreadable: obs.main.ocsp.unreadable }) } : null,
    clientCertificate: obs.main ? clientCert(obs) : null,
    plainHttp: obs.plainHttp ? (obs.plainHttp.statusLine ? { statusLine: obs.plainHttp.statusLine, text: obs.plainHttp.text ?? '' } : { error: failureText(obs.plainHttp.failure) }) : null,
    limits: obs.limits,
  };
}

const DAY = 86_400_000;

function certLines(c: CertInfo, i: number, now: number): string[] {
  const left = Math.floor((Date.parse(c.notAfter) - now) / DAY);
  const key = `${c.key.type}${c.key.bits ? ` ${c.key.bits}` : ''}${c.key.curve ? ` ${c.key.curve}` : ''}`;
  return [
    `  ${i + 1}. ${c.subject}${c.selfSigned ? '  (self-signed)' : ''}`,
    `     issuer   ${c.issuer}`,
    `     key      ${key}, signed with ${c.signatureAlgorithm}${c.ca ? ', CA' : ''}`,
    `     valid    ${c.notBefore.slice(0, 10)} → ${c.notAfter.slice(0, 10)} (${left >= 0 ? `${left} days left` : `expired ${-left} days ago`})`,
    ...(c.san.length ? [`     SAN      ${c.san.join(', ')}`] : []),
  ];
}

/** The report to read. `causeText` turns a cause slug into its sentence. */
export function toText(obs: ProbeObservations, findings: ResolvedFinding[], causeText: (slug: string) => string = (s) => s): string {
  const out: string[] = [];
  const now = Date.parse(obs.at);
  out.push(`${formatTarget(obs.target)}${obs.address && obs.address !== obs.target.host ? ` (${obs.address})` : ''}, ${obs.servername ? `SNI ${obs.servername}` : 'no SNI (an IP address; --servername NAME to send one)'}: ${obs.seconds.toFixed(2)} s`);
  const stop = blocker(obs);
  if (stop) out.push(`\nCould not probe: ${stop}`);

  const problems = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info');
  if (!stop || findings.length) out.push(problems.length ? `\n${problems.length} problem${problems.length === 1 ? '' : 's'}:` : '\nNo problems found.');
  const show = (f: ResolvedFinding, n: number) => {
    out.push(`\n${n}. [${f.severity}] ${f.label}  [${f.id}]`);
    out.push(`   ${f.evidence}`);
    if (f.url) out.push(`   → ${f.title}\n     ${f.url}`);
    else out.push(`   → (entry ${f.slug} is missing from this knowledge base)`);
    if (f.causes.length) out.push(`   cause: ${f.causes.map(causeText).join('; ')}`);
  };
  problems.forEach((f, i) => show(f, i + 1));
  if (notes.length) {
    out.push(`\nNotes:`);
    notes.forEach((f, i) => show(f, problems.length + i + 1));
  }
  if (stop) return out.join('\n');

  const view = certificateView(obs);
  if (view) {
    out.push(`\nCertificate chain ${view.sent ? `as sent (${view.sent.length}, in order)` : `as Node links it (${view.chain.length}; not the order as sent: TLS 1.3 only)`}:`);
    view.chain.forEach((c, i) => out.push(...certLines(c, i, now)));
  }
  const row = (k: string, v: string) => out.push(`${k.padEnd(19)}${v}`);
  out.push('');
  const trust = (t: TrustCheck) => `${t.source}: ${t.error === null ? 'verified' : t.error ? t.error : `not checked (${t.skipped ?? 'no handshake'})`}`;
  row('Trust', trust(obs.trust.node));
  row('', trust(obs.trust.system));
  if (obs.trust.ca) row('', trust(obs.trust.ca));
  const name = obs.servername ?? (obs.target.ip ? obs.target.host : undefined);
  if (view && name) row('Name', `${name}: ${nameMatches(name, view.leaf.san) ? 'covered' : 'NOT covered'} (${view.leaf.san.length ? `subjectAltName ${view.leaf.san.join(', ')}` : 'no subjectAltName'})`);
  if (obs.noSni && obs.servername) {
    const other = obs.noSni.linked?.[0];
    row('Without SNI', obs.noSni.ok && other ? (view && other.fingerprint256 === view.leaf.fingerprint256 ? 'the same certificate' : `another certificate: ${other.subject} (${other.san.join(', ') || 'no subjectAltName'})`) : `the handshake fails: ${failureText(obs.noSni.failure)}`);
  }
  row('Protocols', TLS_VERSIONS.map((v) => {
    const h = obs.versions[v];
    const state = versionState(h, v);
    return `${VERSION_LABEL[v]} ${!h ? '?' : h.ok ? `yes (${h.cipher})` : state === 'accepted' ? `yes, then refused (${failureText(h.failure)})` : state === 'refused' ? `no (${failureText(h.failure)})` : `? (${failureText(h.failure)})`}`;
  }).join('\n'.padEnd(20)));
  if (obs.main?.ok) {
    row('Negotiated', `${obs.main.protocol}, ${obs.main.cipher}`);
    row('ALPN', `${obs.main.alpn ?? 'none'} chosen (h2 and http/1.1 offered)`);
    const o = obs.main.ocsp;
    const s = o?.summary;
    row('OCSP staple', !o?.stapled ? 'none' : s ? `${s.responseStatus}${s.certStatus ? `, ${s.certStatus}` : ''}${s.thisUpdate ? `, this update ${s.thisUpdate}` : ''}${s.nextUpdate ? `, next ${s.nextUpdate}` : ''}` : `${o.bytes} bytes, unreadable (${o.unreadable})`);
  } else if (obs.main) row('Default handshake', `fails: ${failureText(obs.main.failure)}`);
  const cc = clientCert(obs);
  row('Client certificate', !cc.requested ? 'not asked for in the handshake' : `asked for, ${cc.required ? 'required' : 'optional'}; CA names: ${cc.caNames ? (cc.caNames.length ? cc.caNames.join('; ') : 'none') : 'not observable (TLS 1.3 only: the request is encrypted, and Node has no API for its CA list)'}`);
  const p = obs.plainHttp;
  if (p) row('Plain HTTP', p.statusLine ? `"${p.statusLine}"${p.text ? ` ${clip(p.text, 100)}` : ''}` : `no answer (${failureText(p.failure)})`);
  return out.join('\n');
}
