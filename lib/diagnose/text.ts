// Bounds and normalisation shared by every recogniser: pasted text can be anything.

import { MAX_LINE, MAX_LINES } from './limits';

export { MAX_LINE, MAX_LINES };

/** Turn arbitrary input into lines of printable text: NULs and control bytes become spaces. */
export function toLines(input: string): { lines: string[]; truncated: boolean } {
  let truncated = false;
  // A final newline ends the last line; it does not start another.
  const raw = input.replace(/(?:\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/, MAX_LINES + 1);
  if (raw.length > MAX_LINES) {
    raw.length = MAX_LINES;
    truncated = true;
  }
  const lines = raw.map((l) => {
    if (l.length > MAX_LINE) {
      truncated = true;
      l = l.slice(0, MAX_LINE);
    }
    return cleanLine(l);
  });
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

/** www.example.com, www.example.com:8443 or www.example.com:443:0: three labels or more, a letter somewhere, a TLD of letters. */
function isHostName(tok: string): boolean {
  const colon = tok.indexOf(':');
  const host = colon < 0 ? tok : tok.slice(0, colon);
  // a port, or mod_ssl's vhost id "name:port:index"
  if (colon >= 0 && !/^\d{1,5}(?::\d{1,3})?$/.test(tok.slice(colon + 1))) return false;
  const labels = host.split('.');
  if (labels.length < 3 || labels.length > 12 || !/^[a-z]{2,24}$/i.test(labels[labels.length - 1]!)) return false;
  return labels.every((l) => /^[a-z0-9-]{1,63}$/i.test(l));
}

/** File names that say what went wrong (a module, a certificate, a key): kept, their folder masked. */
const TELLING_FILE = /\.(?:so|dll|pem|crt|cer|der|key|p12|pfx|conf|csr)$/i;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

/**
 * A line with its variable parts masked, so that a million log lines collapse into the few
 * hundred messages they really are and each is analysed once: times and dates, pid/client/remote
 * groups, certificate details, URLs, host names, addresses and ports, paths, long numbers and
 * hex. What names a problem stays: AH codes, OpenSSL codes and reasons, alert and verify numbers,
 * HTTP statuses, quoted directive names, the file names of modules, certificates and keys.
 */
export function template(line: string): string {
  return line
    .replace(/^\[[^\]]{0,64}\]\s*/, '')
    .replace(/\[(?:pid|client|remote)[^[\]]{0,80}\]/g, '[]')
    .replace(/\[subject: /g, '\u0000')
    .replace(/\u0000[^\]\u0000]{0,600}\]/g, '[subject]')
    .replace(/\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s"'<>)\]]{1,500}/gi, '#url')
    .replace(/(?<![\w.:/-])\/(?:[\w.@%+=~-]{1,100}\/){0,30}[\w.@%+=~-]{0,100}/g, (p) => {
      const base = p.slice(p.lastIndexOf('/') + 1);
      return TELLING_FILE.test(base) ? `#dir/${base}` : '#path';
    })
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '#ip')
    .replace(/\[[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\](?::\d+)?/gi, '#ip')
    .replace(/[A-Za-z0-9][A-Za-z0-9.:-]{0,299}/g, (tok) => (isHostName(tok) ? '#host' : tok))
    .replace(new RegExp(`\\b${MONTH}\\s{1,2}\\d{1,2}\\b`, 'g'), '#date')
    .replace(/\b\d{1,2}:\d{2}:\d{2}(?:\.\d{1,9})?\b/g, '#time')
    .replace(/\b0x[0-9a-f]{1,32}\b/gi, '#hex')
    .replace(/\b[0-9a-f]{9,}\b/gi, '#hex')
    .replace(/(?<![A-Za-z:\d])\d{4,}\b/g, '#n');
}

/** At most n characters, never ending in half of a surrogate pair, with … when cut. */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  let end = n;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
