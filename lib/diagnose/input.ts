// The CLI's input, whatever the file: gzip (a rotated error.log.2.gz, or `zcat`-less stdin) is
// decompressed on the fly, UTF-16 and UTF-8 with a BOM are decoded (lib/diagnose/decode.ts),
// in chunks: memory stays at a few chunks whatever the size of the file.
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { createDecoder, decodeNote, detectEncoding, SNIFF_BYTES, textKind } from './decode';
import { nodeUtf8 } from './node-utf8';

export interface TextInput {
  /** the text, chunk by chunk */
  chunks: AsyncIterable<string>;
  /** what was decoded: "utf-8", "utf-8-bom", "gzip, utf-16le"… (complete once chunks are read) */
  decoded(): string;
  /**
   * what a reader should know: no BOM, undecodable bytes, a cut gzip file, binary data;
   * moreInvalid: undecodable sequences found in the same file's other parts (read on other threads)
   */
  notes(moreInvalid?: number): string[];
}

export const BINARY_NOTE = 'this does not look like text (binary data?): findings may be missing';

/** Compressed formats Node cannot read on its own: the command that can. */
const OTHER_COMPRESSION: { magic: number[]; name: string; command: string }[] = [
  { magic: [0x42, 0x5a, 0x68], name: 'bzip2', command: 'bzcat FILE' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz', command: 'xzcat FILE' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd', command: 'zstdcat FILE' },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'zip', command: 'unzip -p FILE' },
];

const starts = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);

/** The first `want` bytes of a stream (fewer if it is shorter), and the stream from there on. */
async function peek(source: AsyncIterable<Uint8Array>, want: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    parts.push(chunk);
    size += chunk.length;
  }
  const head = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  async function* rest() {
    if (head.length) yield head;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head, rest: rest() };
}

/** Opens a byte stream (a file, standard input) as text: decompressed, decoded. */
export async function openText(source: AsyncIterable<Uint8Array>, name = 'the input'): Promise<TextInput> {
  const notes: string[] = [];
  const decoded: string[] = [];
  let { head, rest } = await peek(source, 6);
  for (const c of OTHER_COMPRESSION) {
    if (starts(head, c.magic)) throw new Error(`${name} is ${c.name}-compressed: decompress it first, e.g. ${c.command.replace('FILE', name === 'standard input' ? '…' : name)} | handshake-diagnose`);
  }
  if (starts(head, [0x1f, 0x8b])) {
    decoded.push('gzip');
    rest = gunzip(rest, notes);
  }
  const text = await peek(rest, SNIFF_BYTES);
  const detected = detectEncoding(text.head);
  decoded.push(detected.encoding);
  const decoder = createDecoder(detected.encoding, nodeUtf8);
  let sampled = false;
  async function* chunks() {
    for await (const bytes of text.rest) {
      const s = decoder.write(bytes);
      if (!sampled && s) {
        sampled = true;
        if (textKind(s) === 'binary') notes.push(BINARY_NOTE);
      }
      yield s;
    }
    yield decoder.end();
  }
  return {
    chunks: chunks(),
    decoded: () => decoded.join(', '),
    notes: (moreInvalid = 0) => {
      const note = decodeNote(detected, decoder.invalid + moreInvalid);
      return note ? [note, ...notes] : notes;
    },
  };
}

/**
 * Decompresses gzip (several members one after the other too). A file cut short, or damaged
 * after a while (trailing garbage), is read up to there, with a note.
 */
async function* gunzip(source: AsyncIterable<Uint8Array>, notes: string[]): AsyncIterable<Uint8Array> {
  const z = zlib.createGunzip({ chunkSize: 64 * 1024 });
  pipeline(Readable.from(source), z, () => {
    /* errors reach the loop below through z */
  });
  let out = 0;
  try {
    for await (const chunk of z) {
      out += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (!err.code?.startsWith('Z_')) throw err; // not zlib's: a read error
    if (err.code === 'Z_BUF_ERROR') notes.push('the gzip data ends early (a cut or still-growing file?): read up to there');
    else if (out) notes.push(`the gzip data is damaged after ${out.toLocaleString('en-US')} bytes (${err.message}): read up to there`);
    else throw new Error(`not valid gzip data (${err.message})`);
  }
}
