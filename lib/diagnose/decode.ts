// Bytes → text, for every file a user has: UTF-8 with or without a byte-order mark, UTF-16 as
// Windows writes it (PowerShell's `>` writes UTF-16LE with a BOM), and broken UTF-8. Pure: no
// Node APIs, so the browser can use it too. The CLI streams through createDecoder; decodeBytes
// is the whole-buffer form. pasteProblem looks at text that was already decoded (a paste) for
// the signs of a file read with the wrong encoding, or of one that is not text at all.

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
  /** what a reader should know about the decoding: no BOM, bytes that could not be decoded */
  note?: string;
}

/** How many leading bytes decide the encoding of a file without a byte-order mark. */
export const SNIFF_BYTES = 4096;

export interface Detected {
  encoding: TextEncoding;
  /** the bytes start with a byte-order mark (the decoder drops it) */
  bom: boolean;
  note?: string;
}

/**
 * The encoding of a file from its first bytes (SNIFF_BYTES of them are enough): a byte-order
 * mark, else UTF-16 when nearly every other byte is NUL (ASCII text in UTF-16), else UTF-8.
 */
export function detectEncoding(head: Uint8Array): Detected {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const units = Math.min(head.length, SNIFF_BYTES) >> 1;
  if (units >= 2) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < units; i++) {
      if (head[2 * i] === 0) evenNul++;
      if (head[2 * i + 1] === 0) oddNul++;
    }
    // Text mostly in ASCII: its high bytes are NUL, its low bytes are not. Binary data with runs
    // of NULs has them at both positions and stays UTF-8 (textKind then calls it binary).
    const note = 'no byte-order mark; recognised as UTF-16 by its NUL bytes';
    if (oddNul >= units * 0.7 && evenNul <= units * 0.05) return { encoding: 'utf-16le', bom: false, note };
    if (evenNul >= units * 0.7 && oddNul <= units * 0.05) return { encoding: 'utf-16be', bom: false, note };
  }
  return { encoding: 'utf-8', bom: false };
}

export interface StreamDecoder {
  /** The text of the next bytes; a sequence cut by the chunk boundary waits for the next call. */
  write(bytes: Uint8Array): string;
  /** The rest: an incomplete sequence at the very end becomes U+FFFD. */
  end(): string;
  /** byte sequences (UTF-8) or lone surrogates (UTF-16) that could not be decoded, shown as U+FFFD */
  readonly invalid: number;
}

const REPLACEMENT = 0xfffd;

function countChar(s: string, c: string): number {
  let n = 0;
  for (let at = s.indexOf(c); at >= 0; at = s.indexOf(c, at + 1)) n++;
  return n;
}

/** EF BF BD (a real U+FFFD in the input) ending inside `bytes`; `before` holds the 2 bytes preceding them. */
function countEncodedReplacement(before: number[], bytes: Uint8Array): number {
  const b = (i: number) => (i < 0 ? before[before.length + i] : bytes[i]);
  let n = 0;
  // sequences that began in the previous chunk
  for (let i = -Math.min(2, before.length); i < 0; i++) if (b(i) === 0xef && b(i + 1) === 0xbf && b(i + 2) === 0xbd) n++;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

/** Decodes UTF-8 piece by piece: a sequence cut by a piece boundary is kept back, what is not UTF-8 becomes U+FFFD. */
export interface Utf8Engine {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** The platform's decoder, in the browser and in Node. It drops a leading BOM. */
const textDecoderEngine = (): Utf8Engine => {
  const d = new TextDecoder('utf-8');
  return { write: (bytes) => d.decode(bytes, { stream: true }), end: () => d.decode() };
};

/**
 * UTF-8 with the replaced sequences counted. The engine can be Node's StringDecoder (the CLI
 * passes it: ICU's TextDecoder serialises threads of one process); a leading BOM is dropped
 * whichever is used.
 */
export function utf8Decoder(engine: Utf8Engine = textDecoderEngine()): StreamDecoder {
  let invalid = 0;
  let tail: number[] = [];
  let first = true;
  const count = (out: string, bytes: Uint8Array) => {
    if (first && out) {
      first = false;
      if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    }
    // U+FFFD out and not EF BF BD in: a replacement. Counted only when one shows (rare).
    if (out.includes('\ufffd')) invalid += countChar(out, '\ufffd') - countEncodedReplacement(tail, bytes);
    tail = bytes.length >= 2 ? [bytes[bytes.length - 2]!, bytes[bytes.length - 1]!] : [...tail, ...bytes].slice(-2);
    return out;
  };
  return {
    write: (bytes) => count(engine.write(bytes), bytes),
    end: () => count(engine.end(), new Uint8Array(0)),
    get invalid() {
      return invalid;
    },
  };
}

function utf16Decoder(bigEndian: boolean): StreamDecoder {
  // The platform's UTF-16LE decoder (fast: ~1 GB/s), fed whole code units and whole surrogate
  // pairs only: what a chunk boundary cuts (an odd byte, a high surrogate) waits in `carry`.
  // Big-endian bytes are swapped first (UTF-16BE is not in every TextDecoder).
  const d = new TextDecoder('utf-16le', { ignoreBOM: true });
  let carry = new Uint8Array(0);
  let first = true;
  let invalid = 0;
  const unitAt = (b: Uint8Array, i: number) => (bigEndian ? (b[i]! << 8) | b[i + 1]! : b[i]! | (b[i + 1]! << 8));
  const decode = (bytes: Uint8Array, last: boolean): string => {
    let all = bytes;
    if (carry.length) {
      all = new Uint8Array(carry.length + bytes.length);
      all.set(carry);
      all.set(bytes, carry.length);
    }
    let n = all.length & ~1;
    if (!last && n >= 2) {
      const u = unitAt(all, n - 2);
      if (u >= 0xd800 && u <= 0xdbff) n -= 2; // its low half may start the next chunk
    }
    carry = all.slice(n);
    let body = all.subarray(0, n);
    if (bigEndian) {
      const swapped = new Uint8Array(n);
      for (let i = 0; i < n; i += 2) {
        swapped[i] = body[i + 1]!;
        swapped[i + 1] = body[i]!;
      }
      body = swapped;
    }
    let out = d.decode(body);
    if (first && out) {
      first = false;
      if (out.charCodeAt(0) === 0xfeff) out = out.slice(1); // the byte-order mark
    }
    if (out.includes('\ufffd')) {
      // U+FFFD out that was not U+FFFD in (FD FF): an unpaired surrogate
      let real = 0;
      for (let i = 0; i < n; i += 2) if (body[i] === 0xfd && body[i + 1] === 0xff) real++;
      invalid += countChar(out, '\ufffd') - real;
    }
    if (last && carry.length) {
      // a high surrogate or a single byte with nothing after it
      const left = (carry.length >> 1) + (carry.length & 1);
      out += '\ufffd'.repeat(left);
      invalid += left;
      carry = new Uint8Array(0);
    }
    return out;
  };
  return {
    write: (bytes) => decode(bytes, false),
    end: () => decode(new Uint8Array(0), true),
    get invalid() {
      return invalid;
    },
  };
}

/** A decoder for a stream of bytes in one encoding, fed chunk by chunk; a leading BOM is dropped. */
export function createDecoder(encoding: TextEncoding, utf8?: () => Utf8Engine): StreamDecoder {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? utf16Decoder(encoding === 'utf-16be') : utf8Decoder(utf8?.());
}

/** What to tell a reader about a decoding: the detector's note and anything that was replaced. */
export function decodeNote(detected: Detected, invalid: number): string | undefined {
  const parts: string[] = [];
  if (detected.note) parts.push(detected.note);
  if (invalid) {
    const what = detected.encoding.startsWith('utf-16') ? 'unpaired surrogate' : 'invalid byte sequence';
    parts.push(`${invalid.toLocaleString('en-US')} ${what}${invalid === 1 ? '' : 's'} shown as \ufffd`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

/** A whole file's bytes as text, with what was decoded. Never throws. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const detected = detectEncoding(bytes);
  const d = createDecoder(detected.encoding);
  const text = d.write(bytes) + d.end();
  const note = decodeNote(detected, d.invalid);
  return note ? { text, encoding: detected.encoding, note } : { text, encoding: detected.encoding };
}

/** Characters looked at by textKind: enough to tell, cheap on a 5 MB paste. */
const SAMPLE = 8192;

/**
 * What decoded text that is not a readable log looks like, from its first SAMPLE characters:
 * UTF-16 read as 8-bit text (a NUL between every two characters, or its byte-order mark shown
 * as "ÿþ"), a gzip file, or other binary data (many control characters); undefined for text.
 */
export function textKind(text: string): 'utf-16-as-bytes' | 'gzip' | 'binary' | undefined {
  if (typeof text !== 'string' || !text) return undefined;
  const s = text.slice(0, SAMPLE);
  // The byte-order mark FF FE / FE FF read as Latin-1 or Windows-1252 (ÿþ, þÿ) or as UTF-8 (two
  // U+FFFD); the clipboard may have cut the rest at the first NUL.
  const head = s.slice(0, 2);
  if (head === '\u00ff\u00fe' || head === '\u00fe\u00ff' || head === '\ufffd\ufffd') return 'utf-16-as-bytes';
  // gzip's magic bytes 1F 8B, read as Latin-1 (U+008B), Windows-1252 (‹) or UTF-8 (U+FFFD).
  if (s.charCodeAt(0) === 0x1f && [0x8b, 0x2039, REPLACEMENT].includes(s.charCodeAt(1))) return 'gzip';
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) {
      if (i & 1) oddNul++;
      else evenNul++;
    } else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0) || c === REPLACEMENT) control++;
  }
  const nul = evenNul + oddNul;
  if (nul >= 4 && nul >= s.length * 0.25 && Math.max(evenNul, oddNul) >= nul * 0.9) return 'utf-16-as-bytes';
  if (s.length >= 16 && nul + control >= s.length * 0.1) return 'binary';
  return undefined;
}

const PASTE_PROBLEMS = {
  'utf-16-as-bytes': 'This looks like UTF-16 text read as bytes: save the log as UTF-8 (or open it in a text editor and copy it from there) and paste again.',
  gzip: 'This looks like a gzip-compressed log (such as error.log.2.gz), not text: decompress it first (zcat error.log.2.gz) and paste the text.',
  binary: 'This looks like binary data, not a text log: paste the text of the error_log (decompress a rotated .gz log first, with zcat).',
} as const;

/** One sentence for the paste box when pasted text is not a readable log (see textKind), with what to do. */
export function pasteProblem(text: string): string | undefined {
  const kind = textKind(text);
  return kind && PASTE_PROBLEMS[kind];
}
