#!/usr/bin/env node
// Writes a generated httpd 2.4 error_log for the benchmark (`npm run bench`), streaming: a chunk
// of about 1 MB at a time, never the whole log. Seeded: the same kind, seed and length give the
// same bytes on every machine.
//
//   typical  a realistic mix with much repetition: handshakes, scanner noise, a refused
//            renegotiation now and then, verification failures, proxy errors, some 2.2-style
//            lines. Byte for byte the log this script wrote before it had kinds (seed 42).
//   varied   nearly every message distinct, as on a busy server probed by scanners: unique
//            host names, client addresses and ports, paths and URLs, certificate serials,
//            subjects and issuers, pids and thread ids, in the formats of the real captures
//            in content/lab/ (mod_ssl, mod_proxy and core lines).
//   hostile  the varied mix with, among it: 50,000 distinct AH codes no httpd has (AH50000 to
//            AH99999), 16 lines of 1 MiB, runs of binary bytes and of NULs, invalid UTF-8,
//            lone CRs and CRLF line ends, bracket soup, lines just around 4,096 characters.
//
// A "line" ends with \n (a CRLF line too; a lone CR does not end one): `wc -l` gives LINES.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';

export const KINDS = ['typical', 'varied', 'hostile'];
export const DEFAULTS = { kind: 'typical', lines: 1_000_000, seed: 42 };
/** Distinct unknown codes in the hostile log: AH50000…AH99999 (httpd's own end near AH10500). */
export const HOSTILE_CODES = 50_000;
export const HOSTILE_CODE_BASE = 50_000;
/** Lines of one MiB in the hostile log (when it has at least this many lines). */
export const HOSTILE_HUGE_LINES = 16;
export const MIB = 1 << 20;

export const USAGE = `Usage: node scripts/gen-error-log.mjs [--kind KIND] [--lines N] [--seed N] FILE
       node scripts/gen-error-log.mjs FILE [LINES]          (as before: a typical log)
Writes a generated Apache httpd error_log of N lines (default 1,000,000) to FILE, or to
standard output when FILE is -. The same kind, seed and N give the same bytes.
  --kind KIND   typical (default): a realistic mix with much repetition
                varied: nearly every message distinct (unique hosts, clients, paths, URLs,
                        certificates, pids), as on a busy server probed by scanners
                hostile: 50,000 distinct unknown AH codes, 1 MiB lines, binary bytes, NULs,
                        invalid UTF-8, lone CR and CRLF mixes, among varied lines
  --lines N     number of lines (default 1000000; 1_000_000 and 1,000,000 are read too)
  --seed N      seed of the generator, 0 to 4294967295 (default 42)
  --help        this text`;

export class UsageError extends Error {}

const count = (name, v, max) => {
  const s = String(v).replace(/[_,]/g, '');
  if (!/^\d{1,10}$/.test(s) || Number(s) > max) throw new UsageError(`${name} wants a whole number from 0 to ${max}, not "${v}"`);
  return Number(s);
};

/**
 * Reads the command line strictly: an unknown option, a missing or malformed value, a second
 * file or a file name that starts with "-" (other than - itself) is an error, so that a typo
 * never becomes a file called "--line".
 */
export function parseArgs(argv) {
  const o = { ...DEFAULTS, file: undefined, help: false };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      o.help = true;
      continue;
    }
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!['--kind', '--lines', '--seed'].includes(name)) throw new UsageError(`Unknown option ${a}`);
    let value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('-'))) throw new UsageError(`${name} needs a value`);
    if (name === '--kind') {
      if (!KINDS.includes(value)) throw new UsageError(`--kind is one of ${KINDS.join(', ')}, not "${value}"`);
      o.kind = value;
    } else if (name === '--lines') o.lines = count('--lines', value, 1e10);
    else o.seed = count('--seed', value, 0xffffffff);
  }
  if (o.help) return o;
  if (positional.length > 2) throw new UsageError(`One FILE (and, as before, LINES), not: ${positional.join(' ')}`);
  [o.file] = positional;
  if (positional[1] !== undefined) o.lines = count('LINES', positional[1], 1e10);
  if (!o.file) throw new UsageError('No FILE given (- for standard output)');
  return o;
}

// ── Random numbers ───────────────────────────────────────────────────────────────────────────

/** sfc32 seeded through splitmix32: fast, 32-bit integer arithmetic only, the same everywhere. */
function makeRng(seed, salt) {
  let s = (seed ^ Math.imul(salt, 0x9e3779b9)) >>> 0;
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();
  const next = () => u32() / 4294967296;
  const int = (n) => Math.floor(next() * n);
  return {
    u32,
    next,
    int,
    chance: (p) => next() < p,
    pick: (arr) => arr[int(arr.length)],
    hex: (n, upper = false) => {
      let s = '';
      while (s.length < n) s += u32().toString(16).padStart(8, '0');
      s = s.slice(0, n);
      return upper ? s.toUpperCase() : s;
    },
    b36: (n) => {
      let s = '';
      while (s.length < n) s += u32().toString(36);
      return s.slice(0, n);
    },
  };
}

/** Picks a maker by weight: [[weight, make], …]. */
function weighted(r, table) {
  const total = table.reduce((s, [w]) => s + w, 0);
  return () => {
    let x = r.next() * total;
    for (const [w, make] of table) if ((x -= w) < 0) return make;
    return table[0][1];
  };
}

// ── typical: the log of the first version of this script, unchanged ──────────────────────────

function* typicalRecords(n, seed0) {
  // The original generator's LCG, floating-point rounding and all: seed 42 gives the same
  // file as before, so figures stay comparable with earlier runs.
  let seed = seed0;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  let t = Date.UTC(2026, 10, 1);
  function time() {
    t += Math.floor(rnd() * 900);
    const d = new Date(t);
    const p = (x, k = 2) => String(x).padStart(k, '0');
    return `${days[d.getUTCDay()]} Nov ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000 + Math.floor(rnd() * 1000), 6)} 2026`;
  }
  const ip = () => `198.51.100.${Math.floor(rnd() * 250) + 1}:${40000 + Math.floor(rnd() * 20000)}`;
  const pid = () => `${10000 + Math.floor(rnd() * 500)}:tid ${140000000000000 + Math.floor(rnd() * 1e9)}`;
  const line = (mod, lvl, p, client, rest) => `[${time()}] [${mod}:${lvl}] [pid ${p}] [client ${client}] ${rest}`;
  const TEMPLATES = [
    [40, (p, c) => [line('ssl', 'info', p, c, 'AH01964: Connection to child 12 established (server www.example.org:443)')]],
    [20, (p, c) => [line('ssl', 'info', p, c, 'AH02008: SSL library error 1 in handshake (server www.example.org:443)'),
      line('ssl', 'info', p, c, 'SSL Library Error: error:0A00010B:SSL routines::wrong version number')]],
    [10, (p, c) => [line('ssl', 'info', p, c, 'AH01998: Connection closed to child 12 with abortive shutdown (server www.example.org:443)')]],
    [8, (p, c) => [line('ssl', 'info', p, c, 'AH02008: SSL library error 1 in handshake (server www.example.org:443)'),
      line('ssl', 'info', p, c, 'SSL Library Error: error:0A000126:SSL routines::unexpected eof while reading')]],
    [5, (p, c) => [line('core', 'error', p, c, 'AH00135: Invalid method in request \\x16\\x03\\x01')]],
    [4, (p, c) => [line('ssl', 'info', p, c, 'AH01996: SSL handshake failed: HTTP spoken on HTTPS port; trying to send HTML error page'),
      line('ssl', 'info', p, c, 'SSL Library Error: error:0A00009C:SSL routines::http request')]],
    [3, (p, c) => [line('ssl', 'debug', p, c, 'ssl_engine_kernel.c(570): AH02255: Changed client verification type will force renegotiation'),
      line('ssl', 'info', p, c, 'AH02221: Requesting connection re-negotiation'),
      line('ssl', 'info', p, c, 'AH02226: Awaiting re-negotiation handshake'),
      line('ssl', 'error', p, c, 'AH02261: Re-negotiation handshake failed'),
      line('ssl', 'info', p, c, 'AH01998: Connection closed to child 136 with abortive shutdown (server www.example.org:443)')]],
    [3, (p, c) => [line('ssl', 'info', p, c, 'AH02276: Certificate Verification: Error (20): unable to get local issuer certificate'),
      line('ssl', 'info', p, c, 'AH02039: Certificate Verification: Error (20): unable to get local issuer certificate')]],
    [3, (p, c) => [line('proxy', 'error', p, c, 'AH00961: HTTPS: failed to enable ssl support for 10.0.0.5:8443 (backend.internal)')]],
    [2, () => [`[${time()}] [error] [client ${ip().split(':')[0]}] File does not exist: /var/www/html/favicon.ico`]],
    [2, (p, c) => [line('ssl', 'warn', p, c, 'AH01909: www.example.org:443:0 server certificate does NOT include an ID which matches the server name')]],
  ];
  const weights = TEMPLATES.reduce((s, [w]) => s + w, 0);
  let written = 0;
  while (written < n) {
    let x = rnd() * weights;
    const [, make] = TEMPLATES.find(([w]) => (x -= w) < 0) ?? TEMPLATES[0];
    for (const l of make(pid(), ip())) {
      if (written >= n) break;
      yield `${l}\n`;
      written++;
    }
  }
}

// ── varied: a busy server probed by scanners ─────────────────────────────────────────────────

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (x) => (x < 10 ? `0${x}` : `${x}`);

const LABELS = ['www', 'shop', 'mail', 'api', 'cdn', 'static', 'portal', 'login', 'vpn', 'git', 'wiki', 'intranet', 'app', 'm', 'admin', 'dev', 'stage', 'beta', 'img', 'media', 'docs', 'status', 'pay', 'auth', 'sso', 'files', 'owa', 'autodiscover', 'webmail', 'cloud', 'crm', 'erp', 'jira', 'grafana', 'kibana', 'registry'];
const ZONES = ['example.com', 'example.net', 'example.org', 'example.edu', 'example', 'test', 'invalid'];
const ORGS = ['Example Corp', 'Contoso Ltd', 'Fabrikam Inc', 'Northwind Traders', 'Tailspin Toys', 'Wide World Importers', 'Acme Widgets GmbH', 'Globex', 'Initech', 'Umbrella plc', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Vandelay Industries', 'Handshake Lab'];
const UNITS = ['IT', 'Engineering', 'Operations', 'Finance', 'Sales', 'Support', 'Research', 'Security'];
const CITIES = [['Springfield', 'Oregon', 'US'], ['Berlin', 'Berlin', 'DE'], ['Paris', 'Ile-de-France', 'FR'], ['Toronto', 'Ontario', 'CA'], ['Melbourne', 'Victoria', 'AU'], ['Osaka', 'Osaka', 'JP'], ['Leeds', 'West Yorkshire', 'GB'], ['Utrecht', 'Utrecht', 'NL']];
const FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'yusuf'];
const LAST = ['smith', 'jones', 'garcia', 'mueller', 'martin', 'tanaka', 'nguyen', 'kowalski', 'rossi', 'dubois', 'silva', 'novak'];
const PUBLIC_CAS = ['R10', 'R11', 'E5', 'E6', 'GTS CA 1C3', 'GTS CA 1D4', 'Sectigo RSA Domain Validation Secure Server CA', 'DigiCert Global G2 TLS RSA SHA256 2020 CA1', 'GlobalSign GCC R3 DV TLS CA 2020', 'Amazon RSA 2048 M02', 'ZeroSSL RSA Domain Secure Site CA', 'HARICA DV TLS RSA'];
const PROBES = ['/wp-login.php', '/xmlrpc.php', '/.env', '/.git/config', '/wp-admin/setup-config.php', '/phpmyadmin/index.php', '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '/cgi-bin/luci/;stok=/locale', '/actuator/health', '/server-status', '/owa/auth/logon.aspx', '/remote/fgt_lang', '/boaform/admin/formLogin', '/HNAP1/', '/solr/admin/info/system', '/api/v1/pods', '/.aws/credentials', '/config.json', '/login.action', '/geoserver/web/', '/_ignition/execute-solution', '/console/', '/manager/html', '/autodiscover/autodiscover.json', '/Telerik.Web.UI.WebResource.axd', '/cgi-bin/.%2e/.%2e/.%2e/.%2e/bin/sh', '/.DS_Store', '/backup.sql', '/db.sql.gz', '/wp-content/plugins/wp-file-manager/readme.txt', '/.well-known/security.txt', '/favicon.ico', '/robots.txt', '/sitemap.xml'];
const SEGMENTS = ['api', 'v1', 'v2', 'users', 'orders', 'items', 'cart', 'checkout', 'static', 'assets', 'img', 'search', 'account', 'session', 'reports', 'export', 'download', 'media', 'blog', 'tags', 'feed'];
const PARAMS = ['id', 'q', 'page', 'session', 'token', 'ref', 'utm_source', 'lang', 'sort', 'redirect'];
const CIPHERS = [['TLSv1.3', 'TLS_AES_256_GCM_SHA384', 256], ['TLSv1.3', 'TLS_AES_128_GCM_SHA256', 128], ['TLSv1.3', 'TLS_CHACHA20_POLY1305_SHA256', 256], ['TLSv1.2', 'ECDHE-RSA-AES128-GCM-SHA256', 128], ['TLSv1.2', 'ECDHE-ECDSA-AES256-GCM-SHA384', 256], ['TLSv1.2', 'ECDHE-RSA-CHACHA20-POLY1305', 256]];
const APR_ERRORS = ['(70014)End of file found', '(104)Connection reset by peer', '(70007)The timeout specified has expired', '(32)Broken pipe', '(110)Connection timed out'];
/** OpenSSL 3 reasons of the SSL library (0x0A000000 | reason), with mod_ssl's hint where it adds one. */
const SSL3_REASONS = [
  [0x10b, 'wrong version number'], [0x126, 'unexpected eof while reading'], [0x09c, 'http request'], [0x09b, 'https proxy request'],
  [0x102, 'unsupported protocol'], [0x0c1, 'no shared cipher -- Too restrictive SSLCipherSuite or using DSA server certificate?'],
  [0x086, 'certificate verify failed'], [0x0c7, 'peer did not return a certificate -- No CAs known to server for verification?'],
  [0x076, 'no suitable signature algorithm'], [0x06c, 'bad key share'], [0x18c, 'version too low'], [0x0c6, 'packet length too long'],
  [0x119, 'decryption failed or bad record mac'], [0x0f4, 'unexpected message'], [0x175, 'inappropriate fallback'], [0x0bf, 'no protocols available'],
];
const ALERTS = [[40, 'sslv3 alert handshake failure'], [42, 'sslv3 alert bad certificate'], [44, 'sslv3 alert certificate revoked'], [45, 'sslv3 alert certificate expired'], [46, 'sslv3 alert certificate unknown'], [48, 'tlsv1 alert unknown ca'], [50, 'tlsv1 alert decode error'], [51, 'tlsv1 alert decrypt error'], [70, 'tlsv1 alert protocol version'], [71, 'tlsv1 alert insufficient security'], [80, 'tlsv1 alert internal error'], [112, 'tlsv1 unrecognized name'], [116, 'tlsv13 alert certificate required'], [120, 'tlsv1 alert no application protocol'], [10, 'sslv3 alert unexpected message']];
const VERIFY = [[2, 'unable to get issuer certificate'], [7, 'certificate signature failure'], [9, 'certificate is not yet valid'], [10, 'certificate has expired'], [18, 'self-signed certificate'], [19, 'self-signed certificate in certificate chain'], [20, 'unable to get local issuer certificate'], [21, 'unable to verify the first certificate'], [23, 'certificate revoked'], [24, 'invalid CA certificate'], [26, 'unsupported certificate purpose'], [66, 'EE certificate key too weak']];

/** The line makers shared by varied and hostile: each call returns the lines of one event. */
function variedMakers(r) {
  // Microseconds since 1970, never going back: a line every 1.5 ms on average, so that a
  // million lines are 25 minutes of a busy server.
  let us = Date.UTC(2026, 10, 1, 6, 25, 0) * 1000;
  let lastSec = -1;
  let prefix = '';
  let year = '';
  const stamp = () => {
    us += r.int(3000);
    const sec = Math.floor(us / 1e6);
    if (sec !== lastSec) {
      lastSec = sec;
      const d = new Date(sec * 1000);
      prefix = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      year = String(d.getUTCFullYear());
    }
    return `${prefix}.${String(us % 1e6).padStart(6, '0')} ${year}`;
  };
  const stamp22 = () => {
    const s = stamp();
    return `${s.slice(0, 19)} ${s.slice(-4)}`;
  };
  const ipv4 = () => {
    let a = 1 + r.int(223);
    if (a === 10 || a === 127) a = 45;
    return `${a}.${r.int(256)}.${r.int(256)}.${1 + r.int(254)}`;
  };
  const ip = () => (r.chance(0.15) ? `2001:db8:${r.hex(4)}:${r.hex(4)}::${r.hex(3)}` : ipv4());
  const port = () => 1024 + r.int(64512);
  const client = () => `${ip()}:${port()}`;
  const pidTid = () => `${1000 + r.int(4_000_000)}:tid ${139_600_000_000_000 + r.int(1e6) * 1e6 + r.int(1e6)}`;
  const host = () => {
    const label = r.pick(LABELS);
    const first = r.chance(0.6) ? `${label}-${r.b36(5)}` : label;
    return `${first}.${r.pick(LABELS)}${r.int(100_000)}.${r.pick(ZONES)}`;
  };
  const vhost = () => `${host()}:${r.chance(0.85) ? 443 : 8443}`;
  const backend = () => `${r.pick(['app', 'api', 'auth', 'search', 'pay'])}${r.int(1000)}.${r.pick(['internal', 'svc.cluster.local', 'corp.example.net'])}`;
  const privIp = () => `10.${r.int(256)}.${r.int(256)}.${1 + r.int(254)}`;
  const path = () => {
    if (r.chance(0.5)) {
      const probe = r.pick(PROBES);
      return r.chance(0.7) ? `${probe}?${r.pick(PARAMS)}=${r.b36(6 + r.int(10))}` : `/${r.b36(4)}${probe}`;
    }
    let p = '';
    for (let i = 1 + r.int(4); i > 0; i--) p += `/${r.pick(SEGMENTS)}`;
    p += `/${r.int(10_000_000)}`;
    return r.chance(0.5) ? `${p}?${r.pick(PARAMS)}=${r.b36(8)}&${r.pick(PARAMS)}=${r.int(100_000)}` : p;
  };
  const url = () => `https://${host()}${path()}`;
  const referer = () => (r.chance(0.3) ? `, referer: ${url()}` : '');
  const serial = () => r.hex(r.pick([4, 8, 16, 32, 36, 38]), true).replace(/^0+/, '') || '1';
  const certDate = (t) => {
    const d = new Date(t);
    return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
  };
  const person = () => {
    const [city, st, c] = r.pick(CITIES);
    const cn = `${r.pick(FIRST)}.${r.pick(LAST)}${r.int(100_000)}`;
    return r.chance(0.5) ? `O=${r.pick(ORGS)},CN=${cn}` : `CN=${cn},OU=${r.pick(UNITS)},O=${r.pick(ORGS)},L=${city},ST=${st},C=${c}`;
  };
  const issuer = () => (r.chance(0.4) ? `CN=${r.pick(PUBLIC_CAS)},O=${r.pick(ORGS)},C=US` : `CN=${r.pick(ORGS)} Issuing CA ${r.int(1000)},OU=${r.pick(UNITS)},O=${r.pick(ORGS)}`);
  const certInfo = (subject) => {
    const from = Date.UTC(2019, 0, 1) + r.int(8 * 365) * 86_400_000 + r.int(86_400) * 1000;
    const to = from + r.pick([90, 365, 398, 730, 3650]) * 86_400_000;
    return `[subject: ${subject} / issuer: ${issuer()} / serial: ${serial()} / notbefore: ${certDate(from)} / notafter: ${certDate(to)}]`;
  };
  const sslError = () => {
    if (r.chance(0.4)) {
      const [n, text] = r.pick(ALERTS);
      return `SSL Library Error: error:0A000${(1000 + n).toString(16).toUpperCase()}:SSL routines::${text} (SSL alert number ${n})`;
    }
    const [code, text] = r.pick(SSL3_REASONS);
    return `SSL Library Error: error:0A000${code.toString(16).toUpperCase().padStart(3, '0')}:SSL routines::${text}`;
  };
  const escapedBytes = () => {
    let s = '\\x16\\x03\\x01';
    for (let i = 4 + r.int(28); i > 0; i--) s += `\\x${r.hex(2)}`;
    return s;
  };
  // [time] [module:level] [pid …] (errno)text: [client …] message — each group optional.
  const L = (mod, lvl, pt, msg, peer, status, src) =>
    `[${stamp()}] [${mod}:${lvl}] [pid ${pt}] ${src ? `${src}: ` : ''}${status ? `${status}: ` : ''}${peer ? `[${peer}] ` : ''}${msg}\n`;

  const site = () => `/var/www/${host()}`;
  const table = [
    // A handshake that fails: OpenSSL's reason on a line of its own.
    [10, () => {
      const pt = pidTid(), c = `client ${client()}`, v = vhost(), child = r.int(1000);
      return [
        L('ssl', 'info', pt, `AH01964: Connection to child ${child} established (server ${v})`, c),
        L('ssl', 'info', pt, `AH02008: SSL library error 1 in handshake (server ${v})`, c),
        L('ssl', 'info', pt, sslError()),
        L('ssl', 'info', pt, `AH01998: Connection closed to child ${child} with abortive shutdown (server ${v})`, c),
      ];
    }],
    // A scanner that connects and goes away.
    [6, () => {
      const pt = pidTid(), c = `client ${client()}`, v = vhost(), child = r.int(1000);
      const mid = r.chance(0.6)
        ? L('ssl', 'info', pt, 'AH02006: SSL handshake stopped: connection was closed', c, '(70014)End of file found')
        : L('ssl', 'info', pt, 'AH01991: SSL input filter read failed.', c, '(104)Connection reset by peer');
      return [L('ssl', 'info', pt, `AH01964: Connection to child ${child} established (server ${v})`, c), mid,
        L('ssl', 'info', pt, `AH01998: Connection closed to child ${child} with abortive shutdown (server ${v})`, c)];
    }],
    // Plain HTTP to the TLS port.
    [2, () => {
      const pt = pidTid(), c = `client ${client()}`;
      return [L('ssl', 'info', pt, 'AH01996: SSL handshake failed: HTTP spoken on HTTPS port; trying to send HTML error page', c),
        L('ssl', 'info', pt, 'SSL Library Error: error:0A00009C:SSL routines::http request')];
    }],
    // A client certificate that does not verify: AH02276 at info (with the certificate), else AH02039.
    [8, () => {
      const pt = pidTid(), c = `client ${client()}`, v = vhost(), child = r.int(1000);
      const [n, why] = r.pick(VERIFY);
      return [
        L('ssl', 'info', pt, `AH01964: Connection to child ${child} established (server ${v})`, c),
        r.chance(0.75)
          ? L('ssl', 'info', pt, `AH02276: Certificate Verification: Error (${n}): ${why} ${certInfo(person())}`, c)
          : L('ssl', 'error', pt, `AH02039: Certificate Verification: Error (${n}): ${why}`, c),
        L('ssl', 'info', pt, `AH02008: SSL library error 1 in handshake (server ${v})`, c),
        L('ssl', 'info', pt, 'SSL Library Error: error:0A000086:SSL routines::certificate verify failed'),
        L('ssl', 'info', pt, `AH01998: Connection closed to child ${child} with abortive shutdown (server ${v})`, c),
      ];
    }],
    // A backend whose certificate the proxy does not trust.
    [3, () => {
      const pt = pidTid(), c = `client ${client()}`, b = backend(), rem = `remote ${privIp()}:${8443 + r.int(100)}`, v = vhost(), child = r.int(1000);
      const [n, why] = r.pick(VERIFY);
      return [
        L('ssl', 'info', pt, `AH01964: Connection to child ${child} established (server ${v})`, rem),
        L('ssl', 'info', pt, `AH02276: Certificate Verification: Error (${n}): ${why} ${certInfo(`CN=${b},O=${r.pick(ORGS)}`)}`, rem),
        L('ssl', 'info', pt, 'AH02003: SSL Proxy connect failed', rem),
        L('ssl', 'info', pt, 'SSL Library Error: error:0A000086:SSL routines::certificate verify failed'),
        L('ssl', 'info', pt, `AH01998: Connection closed to child ${child} with abortive shutdown (server ${v})`, rem),
        L('ssl', 'info', pt, 'AH01997: SSL handshake failed: sending 502', rem),
        L('proxy', 'error', pt, `AH00898: Error during SSL Handshake with remote server returned by ${path()}${referer()}`, c),
      ];
    }],
    // A backend that is slow or gone.
    [4, () => {
      const pt = pidTid(), c = `client ${client()}`;
      return [
        L('proxy_http', 'error', pt, `AH01102: error reading status line from remote server ${backend()}:${8000 + r.int(1000)}`, c, r.pick(APR_ERRORS)),
        L('proxy', 'error', pt, `AH00898: Error reading from remote server returned by ${path()}${referer()}`, c),
      ];
    }],
    [2, () => {
      const pt = pidTid(), b = backend(), a = `${privIp()}:${8000 + r.int(1000)}`;
      return [
        L('proxy', 'error', pt, `AH00957: HTTPS: attempt to connect to ${a} (${b}) failed`, undefined, '(111)Connection refused'),
        L('proxy', 'error', pt, `AH00959: ap_proxy_connect_backend disabling worker for (${b}) for 60s`),
        L('proxy_http', 'error', pt, `AH01114: HTTP: failed to make connection to backend: ${b}`, `client ${client()}`),
      ];
    }],
    [1, () => [L('proxy', 'error', pidTid(), `AH00961: HTTPS: failed to enable ssl support for ${privIp()}:${8443 + r.int(100)} (${backend()})`)]],
    // SNI and Host disagree.
    [8, () => {
      const pt = pidTid(), c = `client ${client()}`, sni = host(), h = host();
      const msg = r.pick([
        `AH02032: Hostname ${sni} provided via SNI and hostname ${h} provided via HTTP have no compatible SSL setup`,
        `AH02032: Hostname ${sni} provided via SNI and hostname ${h} provided via HTTP are different`,
        `AH02032: Hostname ${sni} (default host as no SNI was provided) and hostname ${h} provided via HTTP have no compatible SSL setup for policy 'secure'`,
      ]);
      return [L('ssl', 'error', pt, msg, c)];
    }],
    [4, () => {
      const pt = pidTid(), c = `client ${client()}`;
      return [r.chance(0.8)
        ? L('ssl', 'debug', pt, `AH02044: No matching SSL virtual host for servername ${r.chance(0.3) ? ipv4() : host()} found (using default/first virtual host)`, c, undefined, 'ssl_engine_kernel.c(2230)')
        : L('ssl', 'info', pt, 'AH02033: No hostname was provided via SNI for a name based virtual host', c)];
    }],
    // A restart: every virtual host says what is wrong with its certificate.
    [4, () => {
      const pt = pidTid();
      return [L('ssl', 'warn', pt, `AH01909: ${vhost()}:0 server certificate does NOT include an ID which matches the server name`),
        L('ssl', 'warn', pt, `AH01909: ${vhost()}:0 server certificate does NOT include an ID which matches the server name`)];
    }],
    // Requests that go well, at debug.
    [6, () => {
      const pt = pidTid(), c = `client ${client()}`, v = vhost(), child = r.int(1000);
      const [proto, cipher, bits] = r.pick(CIPHERS);
      return [
        L('ssl', 'debug', pt, `AH02041: Protocol: ${proto}, Cipher: ${cipher} (${bits}/${bits} bits)`, c, undefined, 'ssl_engine_kernel.c(2082)'),
        L('ssl', 'debug', pt, `AH02034: Initial (No.1) HTTPS request received for child ${child} (server ${v})`, c, undefined, 'ssl_engine_kernel.c(254)'),
        L('ssl', 'debug', pt, `AH02001: Connection closed to child ${child} with standard shutdown (server ${v})`, c, undefined, 'ssl_engine_io.c(1150)'),
      ];
    }],
    // Scanners at the core: TLS to a plain port, odd URIs, probes for well-known files.
    [24, () => {
      const pt = pidTid(), c = `client ${client()}`;
      switch (r.int(6)) {
        case 0: return [L('core', 'error', pt, `AH00135: Invalid method in request ${escapedBytes()}`, c)];
        case 1: return [L('core', 'error', pt, `AH00126: Invalid URI in request GET ${path()} HTTP/1.1`, c)];
        case 2: return [L('authz_core', 'error', pt, `AH01630: client denied by server configuration: ${site()}${path().split('?')[0]}${referer()}`, c)];
        case 3: return [L('core', 'info', pt, `AH00128: File does not exist: ${site()}/htdocs${r.pick(PROBES)}${referer()}`, c)];
        case 4: return [L('autoindex', 'error', pt, `AH01276: Cannot serve directory ${site()}/${r.pick(SEGMENTS)}/${r.b36(6)}/: No matching DirectoryIndex (index.html,index.php) found, and server-generated directory index forbidden by Options directive`, c)];
        default: return [L('core', 'error', pt, `AH10244: invalid URI path (${path()})`, c)];
      }
    }],
    // OCSP responders out of reach.
    [1, () => [L('ssl', 'error', pidTid(), `AH01974: could not connect to OCSP responder '${r.pick(['ocsp', 'r10.o', 'status'])}.${host()}'`, `client ${client()}`, '(110)Connection timed out')]],
    // A 2.2 server's lines in the same file.
    [3, () => [`[${stamp22()}] [error] [client ${ipv4()}] File does not exist: /var/www/html${r.pick(PROBES)}\n`]],
  ];
  return { table, stamp, pidTid };
}

function* variedRecords(n, seed) {
  const r = makeRng(seed, 2);
  const next = weighted(r, variedMakers(r).table);
  let written = 0;
  while (written < n) {
    for (const l of next()()) {
      if (written++ >= n) return;
      yield l;
    }
  }
}

// ── hostile: what a log can hold that no template expects ────────────────────────────────────

function* hostileRecords(n, seed) {
  const r = makeRng(seed, 3);
  const { table, stamp, pidTid: pt } = variedMakers(r);
  const background = weighted(r, table);
  let pending = [];
  const normal = () => {
    if (!pending.length) pending = background()();
    return pending.shift();
  };
  // Every unknown code once before any twice, in a seeded order.
  const codes = new Int32Array(HOSTILE_CODES);
  for (let i = 0; i < codes.length; i++) codes[i] = HOSTILE_CODE_BASE + i;
  for (let i = codes.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [codes[i], codes[j]] = [codes[j], codes[i]];
  }
  let nextCode = 0;
  const code = () => `AH${codes[nextCode++ % codes.length]}`;
  const head = () => `[${stamp()}]`;
  const bytes = (k, lo = 0, hi = 256) => {
    const b = Buffer.allocUnsafe(k);
    for (let i = 0; i < k; i++) {
      let x = lo + r.int(hi - lo);
      if (x === 10) x = 0; // never a newline: one record stays one line
      b[i] = x;
    }
    return b;
  };
  const withNl = (...parts) => Buffer.concat([...parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)), Buffer.from('\n')]);
  const MODS = ['ssl', 'core', 'proxy', 'http2', 'md', 'socache_shmcb', 'mpm_event', 'authnz_ldap', 'security2', 'evasive20'];
  const LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug', 'trace3'];
  const unknownLine = () => {
    const extra = r.chance(0.1) ? ` (see ${code()} and ${code()})` : '';
    const peer = r.chance(0.7) ? `[client ${r.int(224)}.${r.int(256)}.${r.int(256)}.${r.int(256)}:${1024 + r.int(64000)}] ` : '';
    return `${head()} [${r.pick(MODS)}:${r.pick(LEVELS)}] [pid ${pt()}] ${peer}${code()}: ${r.pick(['Handshake state', 'Module', 'Session', 'Worker', 'Filter'])} ${r.b36(6)} ${r.pick(['failed', 'refused', 'timed out', 'misbehaved', 'was reset'])} after ${r.int(100_000)} ms${extra}\n`;
  };

  // Invalid and unusual UTF-8: lone continuation bytes, overlong forms, encoded surrogates,
  // a sequence cut short, code points past U+10FFFF, then valid oddities (BOM, RTL override,
  // zero-width joiner, emoji, combining marks).
  const ODD_UTF8 = [[0x80], [0xbf, 0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff], [0xe2, 0x82], [0xf0, 0x9f, 0x98]];
  const ODD_TEXT = ['\ufeff', '\u202e', '\u200d', '\u{1f512}', 'e\u0301\u0301\u0301', '\u0000', '\u2028', '\ud7ff'];
  const oddUtf8 = () => {
    const parts = [head(), ` [core:error] [pid ${pt()}] [client 203.0.113.${r.int(256)}:${1024 + r.int(60000)}] AH00126: Invalid URI in request GET /`];
    for (let i = 1 + r.int(6); i > 0; i--) parts.push(r.chance(0.6) ? Buffer.from(r.pick(ODD_UTF8)) : r.pick(ODD_TEXT), r.b36(3));
    parts.push(' HTTP/1.1');
    return withNl(...parts);
  };
  const soup = () => {
    switch (r.int(14)) {
      case 0: return '[\n';
      case 1: return ']\n';
      case 2: return `${'['.repeat(1 + r.int(3000))}\n`;
      case 3: return `[${r.pick(DAYS)} Nov 02 10:00:00.${r.int(1e6)} 2026 [ssl:error] [pid ${pt()} [client ${code()}\n`;
      case 4: return `[${'x'.repeat(60 + r.int(200))}] [ssl:error] [pid ${pt()}] ${code()}: long time\n`;
      case 5: return `${head()} [ssl:error] [pid ${'9'.repeat(20 + r.int(300))}:tid ${'1'.repeat(30 + r.int(300))}] [client ${'a'.repeat(50 + r.int(200))}] AH02008: SSL library error 1 in handshake\n`;
      case 6: return `${head()} [ssl:info] [pid ${pt()}] [client 192.0.2.1:1] AH02276: Certificate Verification: Error (20): unable to get local issuer certificate [subject: ${'CN=a,'.repeat(400 + r.int(400))}\n`;
      case 7: return `${head()} [core:error] [pid ${pt()}] AH00128: File does not exist: ${'/a'.repeat(1000 + r.int(2000))}\n`;
      case 8: return `${head()} [ssl:warn] [pid ${pt()}] AH01909: ${'a.'.repeat(500 + r.int(2000))}example:443:0 server certificate does NOT include an ID which matches the server name\n`;
      case 9: {
        // Around the engine's 4,096-character cut: an AH code straddling it.
        const len = 4090 + r.int(12);
        const h = `${head()} [ssl:error] [pid ${pt()}] `;
        return `${h}${'z'.repeat(Math.max(0, len - h.length))}${code()}: cut here\n`;
      }
      case 10: return '\n';
      case 11: return `${' \t'.repeat(1 + r.int(40))}\n`;
      case 12: return `${head()} [ssl:info] [pid ${pt()}] SSL Library Error: error:${r.hex(8, true)}:${r.pick(['SSL routines', 'PEM routines', 'unknown library', ''])}::${r.b36(12)} (SSL alert number ${r.int(100000)})\f\v\x1b[31m\n`;
      default: {
        // Many codes on one line: a report pasted into the log.
        let s = `${head()} [core:notice] [pid ${pt()}] codes:`;
        for (let i = 50 + r.int(400); i > 0; i--) s += ` ${code()}`;
        return `${s}\n`;
      }
    }
  };
  const huge = (k) => {
    // One MiB lines, each different.
    const h = Buffer.from(`${head()} [ssl:error] [pid ${pt()}] [client 198.51.100.7:4444] `);
    const fill = MIB - h.length - 1;
    switch (k % 8) {
      case 0: return Buffer.concat([h, Buffer.alloc(fill, 'A'), Buffer.from('\n')]);
      case 1: return Buffer.concat([h, bytes(fill), Buffer.from('\n')]); // binary, NULs included
      case 2: return Buffer.concat([Buffer.alloc(MIB - 1, 0), Buffer.from('\n')]); // all NUL
      case 3: {
        let s = '';
        while (s.length < fill - 16) s += `${code()}: `;
        return Buffer.concat([h, Buffer.from(s.padEnd(fill, ' ')), Buffer.from('\n')]);
      }
      case 4: return Buffer.concat([h, Buffer.from(`AH00898: Error during SSL Handshake with remote server returned by /${'x'.repeat(fill - 80)}`.padEnd(fill, 'y')), Buffer.from('\n')]);
      case 5: return Buffer.concat([Buffer.alloc(MIB - 1, '['), Buffer.from('\n')]);
      case 6: return Buffer.concat([h, Buffer.alloc(fill, '\r'), Buffer.from('\n')]); // lone CRs
      default: return Buffer.concat([h, Buffer.from('\u00e9\u{1f512}'.repeat(Math.floor(fill / 6))), Buffer.alloc(fill - Math.floor(fill / 6) * 6, 'e'), Buffer.from('\n')]);
    }
  };

  const hugeEvery = n >= HOSTILE_HUGE_LINES * 4 ? Math.floor(n / (HOSTILE_HUGE_LINES + 1)) : 0;
  const pickKind = weighted(r, [
    [45, 'normal'], [22, 'unknown'], [0.1, 'crlf-run'], [2, 'lone-cr'], [2, 'binary'], [1, 'utf8'], [1.5, 'soup'], [0.02, 'nul-run'],
  ]);
  let crlf = 0;
  let huges = 0;
  for (let i = 1; i <= n; i++) {
    if (hugeEvery && i % hugeEvery === 0 && huges < HOSTILE_HUGE_LINES) {
      yield huge(huges++);
      continue;
    }
    if (crlf > 0) {
      crlf--;
      yield normal().replace(/\n$/, '\r\n');
      continue;
    }
    switch (pickKind()) {
      case 'unknown':
        yield unknownLine();
        break;
      case 'crlf-run':
        // A stretch pasted from Windows: this line and up to 200 more end in CRLF.
        crlf = r.int(200);
        yield normal().replace(/\n$/, '\r\n');
        break;
      case 'lone-cr': {
        // Two messages joined by a lone CR, or one that starts or ends with one.
        const a = normal().slice(0, -1);
        yield r.chance(0.5) ? `${a}\r${normal()}` : r.chance(0.5) ? `\r${a}\n` : `${a}\r\r\n`;
        break;
      }
      case 'binary':
        // Raw bytes where a request line was expected (a TLS ClientHello, garbage).
        yield withNl(`${head()} [core:error] [pid ${pt()}] [client 192.0.2.${r.int(256)}:${1024 + r.int(60000)}] AH00135: Invalid method in request `, bytes(16 + r.int(400)));
        break;
      case 'utf8':
        yield oddUtf8();
        break;
      case 'soup':
        yield soup();
        break;
      case 'nul-run':
        // A crash: the file was extended, then never written, then the server started again.
        yield Buffer.concat([Buffer.alloc(1024 + r.int(64 * 1024), 0), Buffer.from(normal())]);
        break;
      default:
        yield normal();
    }
  }
}

/** Each line of the log, with its line end: a string, or a Buffer where it holds raw bytes. */
export function records({ kind = DEFAULTS.kind, lines = DEFAULTS.lines, seed = DEFAULTS.seed } = {}) {
  if (kind === 'typical') return typicalRecords(lines, seed);
  if (kind === 'varied') return variedRecords(lines, seed);
  if (kind === 'hostile') return hostileRecords(lines, seed);
  throw new UsageError(`Unknown kind ${kind}`);
}

/** The log as Buffers of about `size` bytes: what is written, one at a time. */
export function* chunks(opts, size = MIB) {
  let parts = [];
  let text = [];
  let bytes = 0;
  const close = () => {
    if (text.length) parts.push(Buffer.from(text.join(''), 'utf8'));
    text = [];
  };
  for (const rec of records(opts)) {
    if (typeof rec === 'string') text.push(rec);
    else {
      close();
      parts.push(rec);
    }
    bytes += rec.length;
    if (bytes >= size) {
      close();
      yield Buffer.concat(parts);
      parts = [];
      bytes = 0;
    }
  }
  close();
  if (parts.length) yield Buffer.concat(parts);
}

async function main(argv) {
  let o;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  const toStdout = o.file === '-';
  const out = toStdout ? process.stdout : fs.createWriteStream(o.file);
  let size = 0;
  const counted = Readable.from(
    (function* () {
      for (const c of chunks(o)) {
        size += c.length;
        yield c;
      }
    })(),
  );
  try {
    await pipeline(counted, out);
  } catch (e) {
    if (e.code === 'EPIPE') return 0;
    console.error(`gen-error-log: ${e.message}`);
    return 1;
  }
  const msg = `${toStdout ? 'standard output' : o.file}: ${o.kind}, ${o.lines.toLocaleString('en-US')} lines, ${(size / 1e6).toFixed(0)} MB (seed ${o.seed})`;
  if (toStdout) console.error(msg);
  else console.log(msg);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
