// Bounds and normalisation shared by every recogniser: pasted text can be anything.

import { MAX_LINE, MAX_LINES } from './limits';
import { LineSplitter } from './splitter';

export { MAX_LINE, MAX_LINES };

/** Turn arbitrary input into lines of printable text (see LineSplitter): NULs and control bytes become spaces. */
export function toLines(input: string): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  let truncated = false;
  const split = new LineSplitter((l) => {
    if (lines.length >= MAX_LINES) {
      truncated = true;
      return false;
    }
    if (l.length > MAX_LINE) {
      truncated = true;
      l = l.slice(0, MAX_LINE);
    }
    lines.push(cleanLine(l));
  });
  split.push(input);
  split.end();
  return { lines, truncated };
}

export function cleanLine(l: string): string {
  // eslint-disable-next-line no-control-regex
  return l.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Lower-case, single-spaced: the form symptom texts and codes are compared in. */
export function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** www.example.com, api.internal:8443, app1.internal or www.example.com:443:0 (see below), a letter somewhere, a TLD of letters. */
function isHostName(tok: string): boolean {
  const colon = tok.indexOf(':');
  const host = colon < 0 ? tok : tok.slice(0, colon);
  // a port, or mod_ssl's vhost id "name:port:index"
  if (colon >= 0 && !/^\d{1,5}(?::\d{1,3})?$/.test(tok.slice(colon + 1))) return false;
  const labels = host.split('.');
  const tld = labels[labels.length - 1]!;
  if (labels.length > 12 || !/^[a-z]{2,24}$/i.test(tld)) return false;
  // Two labels are too often a file name (mod_ssl.so, httpd.conf): only with a port, or under an
  // internal-network suffix ("app574.internal").
  if (labels.length < 3 && colon < 0 && !INTERNAL_TLD.test(tld)) return false;
  if (labels.length < 2) return false;
  return labels.every(isLabel);
}

/** [A-Za-z0-9.:-], by character code: this runs around every dot of every line. */
function hostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 46 || c === 45;
}
/** [A-Za-z0-9-]{1,63} */
function isLabel(l: string): boolean {
  if (l.length < 1 || l.length > 63) return false;
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}
const INTERNAL_TLD = /^(?:internal|local|lan|corp|intranet|localdomain|home|test|example|invalid)$/i;

/**
 * Host names masked by hand: only around a dot, so a line without one costs a single indexOf
 * (a regular expression with a callback per word was most of the time on a varied log).
 */
function maskHosts(s: string): string {
  let out = '';
  let from = 0;
  let dot = s.indexOf('.');
  while (dot >= 0) {
    let a = dot;
    while (a > 0 && hostChar(s.charCodeAt(a - 1)) && dot - a < 300) a--;
    let b = dot + 1;
    while (b < s.length && hostChar(s.charCodeAt(b)) && b - dot < 300) b++;
    // A sentence's full stop or a "host:" label is not part of the name.
    while (a < dot && '.:-'.includes(s[a]!)) a++;
    while (b > dot + 1 && '.:-'.includes(s[b - 1]!)) b--;
    if (a >= from && isHostName(s.slice(a, b))) {
      out += `${s.slice(from, a)}#host`;
      from = b;
    }
    dot = s.indexOf('.', b);
  }
  return from === 0 ? s : out + s.slice(from);
}

/** File names that say what went wrong (a module, a certificate, a key): kept, their folder masked. */
const TELLING_FILE = /\.(?:so|dll|pem|crt|cer|der|key|p12|pfx|conf|csr)$/i;
const MONTH_DAY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s{1,2}\d{1,2}\b/g;

/**
 * A line with its variable parts masked, so that a million log lines collapse into the few
 * hundred messages they really are and each is analysed once: times and dates, pid/client/remote
 * groups, certificate details, URLs, host names, addresses and ports, paths, long numbers and
 * hex. What names a problem stays: AH codes, OpenSSL codes and reasons, alert and verify numbers,
 * HTTP statuses, quoted directive names, the file names of modules, certificates and keys.
 */
export function template(line: string): string {
  // Each mask runs only when the line has the character it needs: most lines have few of them,
  // and a scan with indexOf costs a fraction of a regular expression's pass.
  let t = line.charCodeAt(0) === 91 ? line.replace(/^\[[^\]]{0,64}\]\s*/, '') : line;
  if (t.includes('[')) {
    t = t.replace(/\[(?:pid|client|remote)[^[\]]{0,80}\]/g, '[]');
    if (t.includes('[subject: ')) t = t.replace(/\[subject: /g, '\u0000').replace(/\u0000[^\]\u0000]{0,600}\]/g, '[subject]');
    if (t.includes(':]') || t.includes('::')) t = t.replace(/\[[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\](?::\d+)?/gi, '#ip');
  }
  if (t.includes('://')) t = t.replace(/\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'<>)\]]{1,500}/gi, '#url');
  if (t.includes('\\x')) t = t.replace(/(?:\\x[0-9a-fA-F]{2}){2,200}/g, '#bytes');
  if (t.includes('/'))
    t = t.replace(/(?<![\w.:/-])\/(?:[\w.@%+=~-]{1,100}\/){0,30}[\w.@%+=~-]{0,100}(?:[?;][^\s"'<>,)]{0,500})?/g, (p) => {
      const base = p.slice(p.lastIndexOf('/') + 1);
      return TELLING_FILE.test(base) && !/[?;]/.test(base) ? `#dir/${base}` : '#path';
    });
  if (t.includes('.')) {
    t = t.replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '#ip');
    // Host names before numbers: "git-4521.example.net" is one name, not a number in a name.
    t = maskHosts(t);
  }
  if (t.includes(':')) t = t.replace(MONTH_DAY, '#date').replace(/\b\d{1,2}:\d{2}:\d{2}(?:\.\d{1,9})?\b/g, '#time');
  if (t.includes('child ')) t = t.replace(/\bchild \d{1,6}\b/g, 'child #');
  if (t.includes('0x')) t = t.replace(/\b0x[0-9a-f]{1,32}\b/gi, '#hex');
  return t.replace(/\b[0-9a-f]{9,}\b/gi, '#hex').replace(/(?<![A-Za-z:\d])\d{4,}\b/g, '#n');
}

/**
 * A copy of s that holds nothing else alive. A line read from a file is a slice of its 64 KB read
 * chunk, and a kept slice keeps the whole chunk: what the CLI stores (keys, evidence, times,
 * tokens) goes through here, so memory follows what is kept, not what was read.
 */
export function own(s: string): string {
  return (' ' + s).slice(1);
}

/** At most n characters, never ending in half of a surrogate pair, with … when cut. */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  let end = n;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
