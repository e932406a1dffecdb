import type { Token, TokenKind } from './types';
import { decodeBare, decodePrinted, describe, TLS_ALERTS } from './openssl';
import { clip, norm } from './text';
import { WINDOWS_STATUS, WINDOWS_STATUS_BY_NAME } from './schannel';

interface Recogniser {
  kind: TokenKind;
  /** global, with bounded quantifiers only (checked for backtracking in tests) */
  re: RegExp;
  /** canonical value, extra lookup keys and a note for one match; undefined to ignore it */
  read: (m: RegExpExecArray) => { value: string; keys?: string[]; note?: string } | undefined;
}

/** mod_ssl 2.2 appends its hint to the reason ("http request speaking HTTP to HTTPS port!?"). */
function cutHint(reason: string): string {
  const m = / (?:speaking|probably|maybe|perhaps)\b/i.exec(reason);
  return m ? reason.slice(0, m.index) : reason;
}

/** "WRONG_VERSION_NUMBER" → "wrong version number": OpenSSL prints reason macros this way. */
const macroText = (s: string) => s.toLowerCase().replace(/_/g, ' ');

export const RECOGNISERS: Recogniser[] = [
  {
    kind: 'ah-code',
    re: /\bAH\d{5}\b/g,
    read: (m) => ({ value: m[0] }),
  },
  {
    kind: 'openssl-error',
    // error:0A00010B:SSL routines::wrong version number (also with file:line:data after it).
    // The reason stops before "(", ")" and " -- ": mod_ssl's data and hints, nginx's wrapping.
    re: /\berror:([0-9A-Fa-f]{8}):([^:\n]{0,60}):([^:\n]{0,80}):(reason\(\d{1,7}\)|[^:\n()]{0,120})/g,
    read: (m) => {
      const [, hex, lib, func, reasonText] = m as unknown as [string, string, string, string, string];
      const d = decodePrinted(hex, lib, func);
      const reason = cutHint(reasonText.split(' -- ')[0]!).trim();
      const keys = [hex.toUpperCase(), reason, func].filter((k) => k && !/^reason\(\d+\)$/.test(k));
      return { value: `error:${hex.toUpperCase()}`, keys, note: `${describe(d)}; printed reason: "${reason}"` };
    },
  },
  {
    kind: 'openssl-error',
    // a bare packed code in a log line: "SSL Library Error: 336027900 error:..." handled above;
    // here "OpenSSL error 0A000086" or "(0x1408F10B)". Both readings are reported.
    re: /\b(?:error|code|err|Error)[ :=(]{1,3}(0x)?([0-9A-Fa-f]{8})\b/g,
    read: (m) => {
      const raw = m[2]!;
      // Without 0x, only OpenSSL's own spelling (%08lX: upper case, a letter or a leading 0);
      // "error 00002ef3" is Windows talking, and 336027900 is a decimal number.
      if (!m[1] && (/[a-f]/.test(raw) || (!/[A-F]/.test(raw) && !/^0/.test(raw)))) return undefined;
      // 0x8009…/0x800B… are Windows security statuses ("Unknown error (0x80092012)"), read below.
      if (m[1] && /^800[9Bb]/.test(raw)) return undefined;
      const hex = raw.toUpperCase();
      const readings = decodeBare(hex);
      return { value: `error:${hex}`, keys: [hex], note: `bare code, ${readings.map(describe).join(' | or | ')}` };
    },
  },
  {
    kind: 'openssl-function',
    // SSL23_GET_CLIENT_HELLO:unknown protocol, pasted without the error:XXXXXXXX: prefix
    re: /\b((?:SSL(?:23|2|3)?|TLS|X509|PEM)_[A-Z0-9_]{3,60}):([a-z][a-z0-9 ]{2,60})?/g,
    read: (m) => ({ value: m[1]!, keys: m[2] ? [m[2].trim()] : [] }),
  },
  {
    kind: 'openssl-reason',
    // Python and others print the reason macro: [SSL: WRONG_VERSION_NUMBER], [SSL: CERTIFICATE_VERIFY_FAILED]
    re: /\[(SSL|X509|PEM|EVP|ASN1): ([A-Z0-9_]{3,80})\]/g,
    read: (m) => ({ value: macroText(m[2]!), keys: [m[2]!] }),
  },
  {
    kind: 'tls-alert',
    re: /\bSSL alert number (\d{1,3})\b/g,
    read: (m) => {
      const n = Number(m[1]);
      const name = TLS_ALERTS[n];
      return { value: `alert ${n}`, keys: name ? [name, name.replace(/_/g, ' ')] : [], note: name ? `TLS alert ${n}: ${name}` : `TLS alert ${n}` };
    },
  },
  {
    kind: 'tls-alert',
    re: /\b(?:sslv3|tlsv1|tlsv13|ssl\/tls) alert ([a-z ]{3,40}?)(?=$|[^a-z ]| \(| in | on )/g,
    read: (m) => ({ value: norm(m[0]), keys: [norm(m[1]!)] }),
  },
  {
    kind: 'verify-error',
    // openssl s_client "verify error:num=20:unable to get local issuer certificate",
    // "Verify return code: 20 (unable to get local issuer certificate)", mod_ssl "Error (20): ..."
    re: /\b(?:verify error:num=(\d{1,3}):([^\n]{1,100})|Verify return code: (\d{1,3}) \(([^)\n]{1,100})\)|Verification: Error \((\d{1,3})\): ([^\n[]{1,100}))/g,
    read: (m) => {
      const num = m[1] ?? m[3] ?? m[5]!;
      const text = (m[2] ?? m[4] ?? m[6]!).trim();
      if (num === '0') return undefined; // 0 = ok
      return { value: norm(text), keys: [`verify ${num}`], note: `X509 verify error ${num} (numbers changed between OpenSSL versions; the text decides)` };
    },
  },
  {
    kind: 'browser-error',
    // Chrome: net::ERR_SSL_PROTOCOL_ERROR, NET::ERR_CERT_AUTHORITY_INVALID
    re: /\b(?:net::|NET::)?(ERR_(?:SSL|CERT|BAD_SSL|CONNECTION|TOO_MANY|HTTP2|QUIC|EMPTY|TUNNEL|PROXY|CLEARTEXT|TIMED|NAME|ADDRESS|INSECURE|SSL_VERSION|BLOCKED|UNSAFE|H2)[A-Z0-9_]{0,60})\b/g,
    read: (m) => ({ value: m[1]! }),
  },
  {
    kind: 'browser-error',
    // Firefox / NSS
    // (SSL_ERROR_SYSCALL, _SSL, _ZERO_RETURN, _WANT_* are OpenSSL's own result codes, not Firefox's)
    re: /\b(SSL_ERROR_(?!SYSCALL\b|SSL\b|ZERO_RETURN\b|WANT_)[A-Z0-9_]{2,60}|(?:SEC_ERROR|MOZILLA_PKIX_ERROR)_[A-Z0-9_]{2,60}|PR_(?:CONNECT_RESET|END_OF_FILE|CONNECT_REFUSED|IO_TIMEOUT)_ERROR)\b/g,
    read: (m) => ({ value: m[1]! }),
  },
  {
    kind: 'client-error',
    // Windows' TLS and certificate statuses (.NET, PowerShell, curl with Schannel, IE): by hex
    // value or by name, each with the other as a key.
    re: /\b(0x80(?:09|0[Bb])[0-9A-Fa-f]{4}|(?:SEC_E|CRYPT_E|CERT_E)_[A-Z_]{3,40})\b/g,
    read: (m) => {
      const hex = m[1]!.toLowerCase();
      const name = WINDOWS_STATUS[hex] ?? (WINDOWS_STATUS_BY_NAME[m[1]!] ? m[1]! : undefined);
      if (!name) return /^0x/i.test(m[1]!) ? { value: hex, note: 'Windows security status (not one this site decodes)' } : { value: m[1]!.toUpperCase() };
      return { value: name, keys: [WINDOWS_STATUS_BY_NAME[name]!], note: `Windows status ${name} (${WINDOWS_STATUS_BY_NAME[name]})` };
    },
  },
  {
    kind: 'client-error',
    // What Java, Python, Node, .NET, PHP, Ruby, wget and Go's net/http print for a failed TLS
    // connection, in words: the whole phrase is the token.
    re: /\b(Received fatal alert: [a-z_]{3,40}|Remote host (?:terminated the handshake|closed connection during handshake)|No subject alternative (?:DNS name|names) matching [^\n]{1,100}? found|No name matching [^\n]{1,100}? found|No appropriate protocol \(protocol is disabled or cipher suites are inappropriate\)|The server selected protocol version [A-Z0-9]{4,8} is not accepted by client preferences|SSLEOFError|UNEXPECTED_EOF_WHILE_READING|EOF occurred in violation of protocol|Client network socket disconnected before secure TLS connection was established|socket hang up|ECONNRESET|RemoteCertificate(?:NameMismatch|ChainErrors|NotAvailable)|The remote certificate is invalid (?:according to the validation procedure|because of errors in the certificate chain)|The SSL connection could not be established|SSL operation failed with code \d{1,3}|SSL_connect returned=\d{1,3} errno=\d{1,4}|Unable to locally verify the issuer's authority|cannot verify [^\n]{1,100}?'s certificate|http: server gave HTTP response to HTTPS client|net\/http: TLS handshake timeout)/g,
    read: (m) => ({ value: clip(m[1]!, 80) }),
  },
  {
    kind: 'browser-error',
    // Internet Explorer / Edge legacy / WinINet and WinHTTP codes
    re: /\b(0x(?:4c7|2ef3|2efd|2f7d|2f8f|2f17|2f06|80072f8f|80072f7d|800c0019|80090326|80090327|80090308)|ERROR_(?:INTERNET|WINHTTP)_[A-Z_]{3,60}|SEC_E_[A-Z_]{3,40})\b/gi,
    read: (m) => ({ value: /^0x/i.test(m[1]!) ? m[1]!.toLowerCase() : m[1]!.toUpperCase() }),
  },
  {
    kind: 'browser-error',
    re: /\b(?:WinINet|WinHTTP|error|Error)\D{0,12}\b(12157|12175|12029|12030|12038|12045|12044)\b/g,
    read: (m) => ({ value: m[1]!, note: 'WinINet/WinHTTP error number' }),
  },
  {
    kind: 'client-error',
    // curl: (60) SSL certificate problem: unable to get local issuer certificate
    // The message is read by a lookahead, so the tokens inside it are recognised too.
    re: /\bcurl: \((\d{1,3})\)(?= ?([^\n]{0,200}))/g,
    // An alert read by SSL_read came after the handshake (a renegotiation or post-handshake auth
    // the server asked for), not during it: a key of its own tells the two apart.
    read: (m) => {
      const rest = (m[2] ?? '').trim();
      const late = /\bSSL_read: .{0,80}?((?:sslv3|tlsv1|tlsv13|ssl\/tls) alert [a-z ]{3,40}?)(?:,|$)/.exec(rest);
      return { value: `curl (${m[1]})`, keys: [rest, ...(late ? [`SSL_read ${late[1]}`] : [])].filter(Boolean) };
    },
  },
  {
    kind: 'client-error',
    // Java, Python, Node, Go, nginx, HAProxy, wget
    re: /\b(SSL_ERROR_(?:SYSCALL|SSL|ZERO_RETURN)\b|javax\.net\.ssl\.[A-Za-z]{3,40}|PKIX path building failed|unable to find valid certification path to requested target|ssl\.SSL[A-Za-z]{0,30}Error|SSLCertVerificationError|SSLV3_ALERT_[A-Z_]{3,40}|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_[A-Z_]{3,40}|ERR_SSL_[A-Z_]{3,40}|EPROTO|x509: [a-z][^\n]{2,100}|tls: [a-z][^\n]{2,100}|SSL_do_handshake\(\) failed|SSL_read\(\) failed|SSL_write\(\) failed|upstream SSL certificate verify error|SSL handshake failure|Unable to establish SSL connection)/g,
    read: (m) => ({ value: clip(m[1]!, 80) }),
  },
  {
    kind: 'http-status',
    re: /\b(400 Bad Request|421 Misdirected Request|403 Forbidden|413 (?:Request Entity|Payload|Content) Too Large|502 Bad Gateway|503 Service Unavailable)\b/g,
    read: (m) => ({ value: m[1]!.slice(0, 3), keys: [m[1]!] }),
  },
];

/** Every token in one line, in order of position; overlapping matches of later recognisers are dropped. */
export function recogniseLine(text: string, line: number): Token[] {
  const found: Token[] = [];
  for (const r of RECOGNISERS) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((t) => start < t.end && end > t.start)) continue;
      const read = r.read(m);
      if (!read) continue;
      found.push({ kind: r.kind, value: read.value, line, start, end, keys: read.keys ?? [], note: read.note });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
