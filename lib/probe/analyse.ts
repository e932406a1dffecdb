// What the probe's observations mean: a pure function from ProbeObservations to findings, each
// with the evidence that produced it. No network, no clock (the probe's own time is "now").
import net from 'node:net';
import type { FindingId } from './entries';
import { TLS_VERSIONS, VERSION_CODE, VERSION_LABEL, type CertInfo, type Failure, type Finding, type Handshake, type ProbeObservations, type Severity, type TlsVersion } from './types';

const DAY = 86_400_000;
/** A certificate this close to its end is worth a warning: renewal has to happen now. */
export const EXPIRES_SOON_DAYS = 14;

const day = (iso: string) => iso.slice(0, 10);
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const cn = (subject: string) => /(?:^|, )CN=([^,]*)/.exec(subject)?.[1];
const shortName = (c: CertInfo) => (cn(c.subject) ? `CN=${cn(c.subject)}` : c.subject);

function normIp(ip: string): string {
  if (!net.isIPv6(ip)) return ip;
  try {
    return new URL(`http://[${ip}]/`).hostname;
  } catch {
    return ip;
  }
}

/** Whether a certificate's subjectAltName covers `name` (RFC 6125: a wildcard stands for one whole left-most label). */
export function nameMatches(name: string, san: readonly string[]): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (net.isIP(n)) return san.some((s) => s.startsWith('IP Address:') && normIp(s.slice(11).toLowerCase()) === normIp(n));
  return san.some((s) => {
    if (!s.startsWith('DNS:')) return false;
    const p = s.slice(4).toLowerCase().replace(/\.$/, '');
    if (p === n) return true;
    if (!p.startsWith('*.')) return false;
    const dot = n.indexOf('.');
    return dot > 0 && n.slice(dot + 1) === p.slice(2);
  });
}

/** At most n characters, cut at a space. */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.lastIndexOf(' ', n);
  return `${s.slice(0, cut > n / 2 ? cut : n)}…`;
}

const sanText = (c: CertInfo) => (c.san.length ? c.san.join(', ') : 'no subjectAltName');

/**
 * What a one-version handshake says about that version: accepted (it completed, or the server
 * answered with that version's ServerHello and failed later, as a required client certificate
 * does), refused (an alert, a TLS error or a closed connection before that), or unknown (timeout).
 */
export function versionState(h: Handshake | undefined, v: TlsVersion): 'accepted' | 'refused' | 'unknown' {
  if (!h) return 'unknown';
  if (h.ok || (VERSION_CODE[v] !== undefined && h.serverHello === VERSION_CODE[v])) return 'accepted';
  return h.failure && ['alert', 'tls', 'closed'].includes(h.failure.kind) ? 'refused' : 'unknown';
}

/** A refusal (the server said no) as opposed to not knowing (timeout, deadline). */
function refused(h: Handshake | undefined): boolean {
  return !!h && !h.ok && !!h.failure && ['alert', 'tls', 'closed'].includes(h.failure.kind);
}

function why(f: Failure | undefined): string {
  if (!f) return 'failed';
  if (f.alert !== undefined) return `alert ${f.alert}, ${f.message}`;
  return f.message;
}

const NOT_TLS = /wrong version number|packet length too long|http request|unknown protocol/i;

export function analyse(obs: ProbeObservations): Finding[] {
  const out: Finding[] = [];
  const add = (id: FindingId, severity: Severity, evidence: string) => out.push({ id, severity, evidence });
  if (obs.resolve || !obs.main) return out;
  const now = Date.parse(obs.at);
  const main = obs.main;
  const where = `${obs.address ?? obs.target.host}:${obs.target.port}`;
  const plain = obs.plainHttp;
  const v = obs.versions;

  // No connection at all: nothing else can be known.
  const mf = main.failure;
  if (mf?.kind === 'refused') {
    add('port-closed', 'error', `nothing accepts connections on ${where} (connection refused): httpd is not running, has no Listen for this port, or a firewall rejects the connection`);
    return out;
  }
  if (mf?.kind === 'unreachable' || mf?.kind === 'connect-timeout') {
    add('no-tcp-answer', 'error', `${where}: ${mf.message}${mf.kind === 'connect-timeout' ? ': a firewall drops the packets, or nothing is at this address' : ''}`);
    return out;
  }

  const handshakes = [main, obs.noSni, ...TLS_VERSIONS.map((x) => v[x])].filter((h): h is Handshake => !!h);
  const anyOk = handshakes.some((h) => h.ok);

  // Bytes that are not TLS: a plain HTTP (or other) service on this port.
  const notTls = handshakes.find((h) => h.notTls !== undefined)?.notTls;
  if (!anyOk && (notTls !== undefined || NOT_TLS.test(mf?.message ?? ''))) {
    const answer = notTls ? `the answer to a TLS ClientHello is not TLS but "${notTls}"` : `the TLS handshake fails with "${mf?.message}"`;
    add('speaks-plain-http', 'error', `${answer}${plain?.statusLine ? `, and a plain HTTP request gets "${plain.statusLine}"` : ''}: this port speaks plain HTTP, not TLS (no SSLEngine on in the vhost that answers here, or https:// sent to the http port)`);
    return out;
  }
  // Connected, but no TLS answer in time.
  if (!anyOk && mf?.kind === 'timeout') {
    if (plain?.statusLine) add('speaks-plain-http', 'error', `no TLS answer within ${obs.limits.stepTimeoutMs} ms, but a plain HTTP request gets "${plain.statusLine}": this port speaks plain HTTP, not TLS`);
    else add('no-tls-answer', 'error', `${where} accepts the TCP connection but answers neither a TLS ClientHello nor a plain HTTP request within ${obs.limits.stepTimeoutMs} ms: another service, or a firewall or proxy that holds the connection`);
    return out;
  }

  const cert = certificateView(obs);
  const certRequested = handshakes.some((h) => h.certRequest);

  if (!anyOk) {
    const failures = handshakes.map((h) => h.failure).filter((f): f is Failure => !!f);
    const alerts = new Set(failures.map((f) => f.alert));
    if (failures.every((f) => f.alert === 70 || /unsupported protocol|protocol version/i.test(f.message)))
      add('no-common-protocol', 'error', `every handshake from TLS 1.0 to TLS 1.3 is refused (${why(failures[0])})`);
    else if (alerts.has(40) && certRequested) {
      // handled with the client certificate below
    } else if (alerts.has(40)) add('handshake-failure-alert', 'error', `every handshake is refused with alert 40 (handshake failure), from TLS 1.0 to TLS 1.3 and with any cipher: no signature algorithm or cipher suite in common, or a client certificate required`);
    else if (alerts.has(112)) add('unrecognized-name', 'error', `the server answers the SNI name ${obs.servername} with alert 112 (unrecognized name)`);
    else if (failures.every((f) => f.kind === 'closed')) add('closed-in-handshake', 'error', `the server closes the connection during every handshake without a TLS alert (${mf?.message ?? 'closed'})`);
  }

  if (cert) certificateFindings(obs, cert, add, now);
  sniFindings(obs, cert, add);
  protocolFindings(v, add);
  if (main.ok) alpnFindings(main, add);
  if (main.ok && cert) ocspFindings(main, cert.leaf, add, now);
  clientCertFindings(handshakes, main, add);
  if (anyOk && plain) {
    if (plain.statusLine) add('plain-http-answer', 'info', `http://${obs.servername ?? obs.target.host}:${obs.target.port}/ (plain HTTP to this TLS port) gets "${plain.statusLine}"${plain.text ? `: "${clip(plain.text, 200)}"` : ''}`);
    else if (plain.failure && plain.failure.kind !== 'deadline')
      add('plain-http-answer', 'info', `a plain HTTP request to this TLS port gets no answer (${plain.failure.message}): a browser opening http://${obs.servername ?? obs.target.host}:${obs.target.port}/ ${plain.failure.kind === 'timeout' ? 'waits' : 'shows a connection error'}`);
  }
  return out;
}

interface CertView {
  leaf: CertInfo;
  /** the chain as sent when the bytes showed it, else as Node linked it */
  chain: CertInfo[];
  sent?: CertInfo[];
  sentIssuedByNext?: boolean[];
  linked?: CertInfo[];
}

/** The server's certificate with SNI, from the first handshake that got one; its chain as sent when a TLS ≤ 1.2 handshake showed it. */
export function certificateView(obs: ProbeObservations): CertView | undefined {
  const withSni = [obs.main, obs.versions['TLSv1.3'], obs.versions['TLSv1.2'], obs.versions['TLSv1.1'], obs.versions.TLSv1];
  const linkedBy = withSni.find((h) => h?.linked?.length);
  const leaf0 = linkedBy?.linked?.[0];
  const wire = [obs.versions['TLSv1.2'], obs.versions['TLSv1.1'], obs.versions.TLSv1, obs.main].find((h) => h?.sent?.length && (!leaf0 || h.sent[0]!.fingerprint256 === leaf0.fingerprint256));
  const leaf = leaf0 ?? wire?.sent?.[0];
  if (!leaf) return undefined;
  return { leaf, chain: wire?.sent ?? linkedBy!.linked!, sent: wire?.sent, sentIssuedByNext: wire?.sentIssuedByNext, linked: linkedBy?.linked };
}

type Add = (id: FindingId, severity: Severity, evidence: string) => void;

function certificateFindings(obs: ProbeObservations, c: CertView, add: Add, now: number): void {
  const { leaf, chain } = c;
  const which = (i: number) => (i === 0 ? `the server's certificate (${shortName(leaf)})` : `the ${chain[i]!.ca ? 'CA ' : ''}certificate ${shortName(chain[i]!)} (number ${i + 1} in the chain)`);

  // Dates, for everything the server sends.
  chain.forEach((x, i) => {
    const end = Date.parse(x.notAfter);
    const start = Date.parse(x.notBefore);
    if (end < now) add('expired', 'error', `${which(i)} expired on ${day(x.notAfter)} (${plural(Math.floor((now - end) / DAY), 'day')} ago)`);
    else if (start > now) add('not-yet-valid', 'error', `${which(i)} is valid only from ${x.notBefore.replace('.000Z', 'Z')} (in ${plural(Math.ceil((start - now) / DAY), 'day')}): issued with a future start, or this machine's clock is behind`);
    else if (i === 0 && end - now < EXPIRES_SOON_DAYS * DAY) add('expires-soon', 'warning', `${which(i)} expires on ${day(x.notAfter)}, in ${plural(Math.max(0, Math.floor((end - now) / DAY)), 'day')}`);
  });

  trustFindings(obs, c, add);

  // The order as sent: each certificate followed by its issuer.
  if (c.sent && c.sentIssuedByNext) {
    const sent = c.sent;
    c.sentIssuedByNext.forEach((ok, i) => {
      if (ok) return;
      const issuerAt = sent.findIndex((y, j) => j > i + 1 && y.subject === sent[i]!.issuer);
      const nextIssuesEarlier = sent.slice(0, i + 1).some((y) => y.issuer === sent[i + 1]!.subject);
      if (issuerAt > 0) add('chain-order', 'warning', `certificate ${i + 1} (${shortName(sent[i]!)}) is followed by ${shortName(sent[i + 1]!)}, not by its issuer, which comes later as certificate ${issuerAt + 1}: the chain is out of order`);
      else if (!nextIssuesEarlier) add('chain-order', 'warning', `certificate ${i + 2} (${shortName(sent[i + 1]!)}) issued none of the certificates before it: an extra or stale certificate in the chain file`);
    });
  }

  // The name.
  const name = obs.servername ?? (obs.target.ip ? obs.target.host : undefined);
  if (!leaf.san.length) add('no-san', 'error', `the certificate has no subjectAltName, only ${shortName(leaf)}: Chrome (58+), Go (1.15+) and Apple's platforms ignore the CN, so no name matches`);
  else if (name && !nameMatches(name, leaf.san)) add('name-mismatch', 'error', `the certificate covers ${sanText(leaf)}, not ${name}`);

  // Keys and signatures the security level refuses.
  chain.forEach((x, i) => {
    if ((x.key.type === 'RSA' || x.key.type === 'RSA-PSS' || x.key.type === 'DSA') && x.key.bits !== undefined && x.key.bits < 2048)
      add('weak-key', 'error', `${which(i)} has a ${x.key.bits}-bit ${x.key.type} key: OpenSSL at security level 2 (the default from 3.2, and Debian's setting) refuses keys under 2048 bits`);
    if (!x.selfSigned && /^(md5|sha1)With|with-SHA1$/i.test(x.signatureAlgorithm))
      add('weak-key', 'error', `${which(i)} is signed with ${x.signatureAlgorithm}: OpenSSL 3 refuses SHA-1 and MD5 signatures from security level 1`);
  });
}

const INCOMPLETE = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);

function trustFindings(obs: ProbeObservations, c: CertView, add: Add): void {
  const { node, system, ca } = obs.trust;
  const { leaf, chain } = c;
  const top = chain.at(-1)!;
  const sentText = c.sent ? `the server sends ${plural(c.sent.length, 'certificate')} (${c.sent.map(shortName).join(' → ')})` : `the chain Node could link is ${chain.map(shortName).join(' → ')} (the chain as sent is not visible: the server speaks only TLS 1.3)`;
  if (node.error === null || ca?.error === null) {
    // Verified. Still incomplete when it verifies only because this machine holds an intermediate.
    if (c.sent && c.linked) {
      const sentFp = new Set(c.sent.map((x) => x.fingerprint256));
      const fromStore = c.linked.find((x) => !sentFp.has(x.fingerprint256));
      if (fromStore && !fromStore.selfSigned)
        add('chain-incomplete', 'warning', `${sentText}; it verifies here only because this machine's trust store holds the intermediate ${shortName(fromStore)}; clients without it fail`);
    }
    return;
  }
  if (system.error === null && !ca) {
    add('trusted-only-by-system', 'warning', `the chain verifies against ${system.source} but not against ${node.source} (${node.error}): a CA added to this machine's store; Node, Java and Firefox bring their own roots and refuse it`);
    return;
  }
  const check = ca?.error ? ca : node;
  const err = check.error;
  if (!err) return;
  if (err === 'DEPTH_ZERO_SELF_SIGNED_CERT') add('self-signed', 'error', `the server's certificate (${shortName(leaf)}) is signed by itself; it is not among the roots checked (${check.source}), so clients refuse it unless it is imported into their trust store`);
  else if (err === 'SELF_SIGNED_CERT_IN_CHAIN') add('untrusted-root', 'error', `${sentText}; it ends at the root ${shortName(top)}, which is not among the roots checked (${check.source}): a private CA that clients must be given`);
  else if (INCOMPLETE.has(err)) {
    if (top.selfSigned) add('untrusted-root', 'error', `${sentText}; the root ${shortName(top)} is not among the roots checked (${check.source}, ${err})`);
    else
      add(
        'chain-incomplete',
        'error',
        `${sentText}; the issuer of the last one, "${top.issuer}", is neither sent nor among the roots checked (${check.source}, ${err})${top.caIssuers.length ? `; browsers may fetch it from ${top.caIssuers[0]}, curl, Java, Python, Go and Node do not` : ''}. If that issuer is a private CA rather than an intermediate, clients need its root instead`,
      );
  }
}

function sniFindings(obs: ProbeObservations, c: CertView | undefined, add: Add): void {
  const { main, noSni, servername } = obs;
  if (!servername || !main?.ok || !noSni || !c) return;
  const other = noSni.linked?.[0];
  if (noSni.ok && other && other.fingerprint256 !== c.leaf.fingerprint256 && !nameMatches(servername, other.san))
    add('default-cert-differs', 'warning', `with SNI ${servername} the server sends ${shortName(c.leaf)}; without SNI it sends ${shortName(other)} (${sanText(other)}), which does not cover ${servername}: clients and proxies that send no SNI get the default (first) vhost's certificate`);
  else if (!noSni.ok && noSni.failure && refused(noSni))
    add('default-cert-differs', 'warning', `with SNI ${servername} the handshake works; without SNI it fails (${why(noSni.failure)}): clients and proxies that send no SNI cannot connect`);
}

function protocolFindings(v: ProbeObservations['versions'], add: Add): void {
  const ok = (x: TlsVersion) => versionState(v[x], x) === 'accepted';
  const no = (x: TlsVersion) => versionState(v[x], x) === 'refused';
  const old = (['TLSv1', 'TLSv1.1'] as const).filter(ok);
  const names = (xs: readonly TlsVersion[]) => xs.map((x) => VERSION_LABEL[x]).join(' and ');
  const cipher = (x: TlsVersion) => v[x]!.cipher ?? 'then refused for another reason';
  if (old.length && (ok('TLSv1.2') || ok('TLSv1.3')))
    add('legacy-protocols', 'warning', `accepts ${names(old)} (${old.map((x) => `${VERSION_LABEL[x]}: ${cipher(x)}`).join(', ')}): browsers no longer use them and OpenSSL 3 clients refuse them at their default security level; SSLProtocol -all +TLSv1.2 +TLSv1.3 turns them off`);
  if (old.length && no('TLSv1.2') && no('TLSv1.3'))
    add('no-common-protocol', 'error', `accepts only ${names(old)}: current browsers, curl and Node need TLS 1.2 or 1.3 and cannot connect (TLS 1.2: ${why(v['TLSv1.2']!.failure)})`);
  if (ok('TLSv1.3') && no('TLSv1.2') && no('TLSv1.1') && no('TLSv1'))
    add('tls13-only', 'warning', `accepts TLS 1.3 only (TLS 1.2: ${why(v['TLSv1.2']!.failure)}): clients without TLS 1.3 (OpenSSL 1.0.2, Java 8 clients before 8u341 by default, Windows before 11 and Server 2022) cannot connect`);
}

function alpnFindings(main: Handshake, add: Add): void {
  if (main.alpn === 'h2') {
    if (main.protocol === 'TLSv1.2' && main.cipher && !/GCM|CHACHA20|CCM/.test(main.cipher))
      add('h2-weak-cipher', 'warning', `the server agrees to h2 over TLS 1.2 with ${main.cipher}, a suite HTTP/2 forbids: browsers refuse it (ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY)`);
    return;
  }
  add('no-h2', 'info', `offered h2 and http/1.1 by ALPN, the server chose ${main.alpn ? main.alpn : 'neither'}: no HTTP/2 here (Protocols h2 http/1.1 with mod_http2 loaded enables it)`);
}

function ocspFindings(main: Handshake, leaf: CertInfo, add: Add, now: number): void {
  const o = main.ocsp;
  if (!o) return;
  if (!o.stapled) {
    const must = leaf.mustStaple ? ': the certificate demands one (OCSP Must-Staple), and Firefox refuses it without' : '';
    if (!leaf.ocspUris.length) add('no-ocsp-uri', leaf.mustStaple ? 'error' : 'info', `no OCSP response stapled, and the certificate names no OCSP responder, so there is none to staple${must}`);
    else add('no-ocsp-staple', leaf.mustStaple ? 'error' : 'info', `no OCSP response stapled, although the certificate names a responder (${leaf.ocspUris[0]}): SSLUseStapling is off, or httpd could not fetch an answer${must}`);
    return;
  }
  const s = o.summary;
  if (!s) return add('ocsp-staple-bad', 'warning', `the stapled OCSP response (${o.bytes} bytes) cannot be read: ${o.unreadable}`);
  if (s.responseStatus !== 'successful') return add('ocsp-staple-bad', 'warning', `the stapled OCSP response says ${s.responseStatus}, not a certificate status`);
  if (s.certStatus === 'revoked') add('ocsp-staple-bad', 'error', `the stapled OCSP response says the certificate was revoked${s.revokedAt ? ` on ${day(s.revokedAt)}` : ''}`);
  else if (s.nextUpdate && Date.parse(s.nextUpdate) < now) add('ocsp-staple-bad', 'warning', `the stapled OCSP response is stale: its next update was due ${s.nextUpdate}`);
}

function clientCertFindings(handshakes: Handshake[], main: Handshake, add: Add): void {
  const requests = handshakes.filter((h) => h.certRequest);
  if (!requests.length) return;
  const names = requests.find((h) => h.certRequest?.caNames)?.certRequest?.caNames;
  const caText = names
    ? names.length
      ? `; it names ${plural(names.length, 'CA')}: ${names.join('; ')}`
      : '; it names no CA'
    : '; which CAs it names cannot be seen: the request came only under TLS 1.3, where it is encrypted, and Node has no API for its CA list';
  const after = main.after;
  // TLS 1.3: the refusal of our empty certificate comes after the handshake; TLS ≤ 1.2: it ends the handshake.
  const refusedLate = after && after !== 'open' ? (after === 'closed' ? 'closes the connection' : `sends alert ${after.alert ?? ''} (${after.message})`) : undefined;
  const refusedEarly = requests.find((h) => !h.ok && h.failure?.kind === 'alert');
  if (refusedLate || refusedEarly)
    add('client-cert-required', 'warning', `the server asks for a client certificate in the handshake and, when none is sent, ${refusedLate ?? `refuses the handshake (${why(refusedEarly!.failure)})`}${caText}`);
  else add('client-cert-requested', 'info', `the server asks for a client certificate in the handshake and completes it without one (SSLVerifyClient optional, or a check later in the request)${caText}`);
  if (names && !names.length) add('client-cert-no-ca-names', 'warning', `the certificate request names no CA, as httpd's does when the vhost has no SSLCACertificateFile or SSLCACertificatePath (AH01897 at start-up): then no client certificate passes verification, unless SSLVerifyClient is optional_no_ca`);
}
