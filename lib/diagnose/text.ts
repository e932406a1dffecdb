// Bounds and normalisation shared by every recogniser: pasted text can be anything.

/** Lines longer than this are scanned only up to here: a 200,000-character line stays cheap. */
export const MAX_LINE = 4096;
/** Pastes longer than this many lines are cut (the CLI streams instead). */
export const MAX_LINES = 100_000;

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

/**
 * A line with its variable parts (times, numbers, addresses, hex) blanked, so a million
 * log lines collapse into the few hundred distinct messages they really are.
 */
export function template(line: string): string {
  return line
    .replace(/^\[[^\]]{0,64}\]\s*/, '')
    .replace(/\[(?:pid|client|remote)[^[\]]{0,80}\]/g, '[]')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '#ip')
    .replace(/\b\d{6,}\b/g, '#n');
}

/** At most n characters, never ending in half of a surrogate pair, with … when cut. */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  let end = n;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
