import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { createDecoder, decodeBytes, detectEncoding, pasteProblem, textKind, type TextEncoding } from './decode';

const LINE = '[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 139871202] [client 192.0.2.7:50816] AH02261: Re-negotiation handshake failed';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const utf16 = (s: string, be = false) => {
  const b = Buffer.from(s, 'utf16le');
  if (be) b.swap16();
  return new Uint8Array(b);
};
const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));

/** Decodes in the given chunks through the streaming decoder. */
function streamed(encoding: TextEncoding, data: Uint8Array, cuts: number[]) {
  const d = createDecoder(encoding);
  let out = '';
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < data.length).sort((a, b) => a - b), data.length]) {
    out += d.write(data.subarray(at, cut));
    at = cut;
  }
  return { text: out + d.end(), invalid: d.invalid };
}

describe('decodeBytes: what a file holds', () => {
  it('plain UTF-8 (and ASCII) is utf-8, with nothing to say', () => {
    expect(decodeBytes(bytes(`${LINE}\nxé €😀\n`))).toEqual({ text: `${LINE}\nxé €😀\n`, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('UTF-8 with a byte-order mark: the mark is dropped', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], LINE))).toEqual({ text: LINE, encoding: 'utf-8-bom' });
  });

  it('UTF-16LE with a BOM, as PowerShell `>` writes it', () => {
    expect(decodeBytes(bytes([0xff, 0xfe], utf16(`${LINE}\r\n😀`)))).toEqual({ text: `${LINE}\r\n😀`, encoding: 'utf-16le' });
  });

  it('UTF-16BE with a BOM', () => {
    expect(decodeBytes(bytes([0xfe, 0xff], utf16(`${LINE}\n😀`, true)))).toEqual({ text: `${LINE}\n😀`, encoding: 'utf-16be' });
  });

  it('UTF-16LE and BE without a BOM are recognised by their NUL bytes, and say so', () => {
    for (const be of [false, true]) {
      const d = decodeBytes(utf16(`${LINE}\n`, be));
      expect(d.text).toBe(`${LINE}\n`);
      expect(d.encoding).toBe(be ? 'utf-16be' : 'utf-16le');
      expect(d.note).toMatch(/no byte-order mark.*NUL/);
    }
    // A few non-ASCII letters do not hide it.
    expect(decodeBytes(utf16('Grüße aus Köln: AH02261 überall')).encoding).toBe('utf-16le');
  });

  it('binary data with NULs in both positions is not taken for UTF-16', () => {
    const b = new Uint8Array(4000);
    for (let i = 0; i < b.length; i += 7) b[i] = 0x41;
    expect(detectEncoding(b).encoding).toBe('utf-8');
    expect(detectEncoding(bytes('AB')).encoding).toBe('utf-8');
    expect(detectEncoding(bytes([0x41, 0]))).toEqual({ encoding: 'utf-8', bom: false }); // one unit: too little to tell
  });

  it('invalid UTF-8 becomes U+FFFD, is counted and never throws; a real U+FFFD is not counted', () => {
    const d = decodeBytes(bytes('A', [0xff], 'B', [0xc3, 0x28], '\ufffd', [0xe2, 0x82]));
    expect(d.text).toBe('A\ufffdB\ufffd(\ufffd\ufffd');
    expect(d.encoding).toBe('utf-8');
    expect(d.note).toBe('3 invalid byte sequences shown as \ufffd');
    expect(decodeBytes(bytes('\ufffd\ufffd')).note).toBeUndefined();
  });

  it('an unpaired surrogate and an odd last byte in UTF-16 become U+FFFD, counted', () => {
    const d = decodeBytes(bytes([0xff, 0xfe], utf16('a'), [0x00, 0xd8], utf16('b'), [0x41]));
    expect(d.text).toBe('a\ufffdb\ufffd');
    expect(d.note).toBe('2 unpaired surrogates shown as \ufffd');
  });

  it('never throws on random bytes, and its text has no lone surrogate', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => {
        const d = decodeBytes(b);
        expect(d.text.match(LONE_SURROGATE)).toBeNull();
      }),
      { seed: 1208, numRuns: 500 },
    );
  });
});

describe('createDecoder: chunk boundaries anywhere', () => {
  const TEXT = `${LINE}\r\nä😀€\n`;

  it('UTF-16LE/BE: a boundary inside a code unit (an odd byte) and inside a surrogate pair', () => {
    for (const be of [false, true] as const) {
      const data = bytes(be ? [0xfe, 0xff] : [0xff, 0xfe], utf16(TEXT, be));
      const emoji = 2 + 2 * TEXT.indexOf('😀');
      // every single cut, then the cuts that split the emoji's high and low halves three ways
      for (let cut = 0; cut <= data.length; cut++) expect(streamed(be ? 'utf-16be' : 'utf-16le', data, [cut]), `cut ${cut}`).toEqual({ text: TEXT, invalid: 0 });
      for (const cuts of [[emoji + 1, emoji + 2, emoji + 3], [emoji + 2], [1, emoji + 1, emoji + 3]]) {
        expect(streamed(be ? 'utf-16be' : 'utf-16le', data, cuts)).toEqual({ text: TEXT, invalid: 0 });
      }
      // one byte at a time
      expect(streamed(be ? 'utf-16be' : 'utf-16le', data, Array.from({ length: data.length }, (_, i) => i))).toEqual({ text: TEXT, invalid: 0 });
    }
  });

  it('UTF-8: a boundary inside a multi-byte character, and inside a real U+FFFD (not counted)', () => {
    const text = `${TEXT}\ufffd`;
    const data = bytes([0xef, 0xbb, 0xbf], text);
    for (let cut = 0; cut <= data.length; cut++) expect(streamed('utf-8-bom', data, [cut]), `cut ${cut}`).toEqual({ text, invalid: 0 });
    expect(streamed('utf-8-bom', data, Array.from({ length: data.length }, (_, i) => i))).toEqual({ text, invalid: 0 });
    // an incomplete character at the very end
    expect(streamed('utf-8', bytes('ab', [0xf0, 0x9f]), [3])).toEqual({ text: 'ab\ufffd', invalid: 1 });
  });

  it('a high surrogate waiting for the next chunk that never brings its low half', () => {
    const data = bytes(utf16('x'), [0x3d, 0xd8], utf16('y'));
    expect(streamed('utf-16le', data, [4])).toEqual({ text: 'x\ufffdy', invalid: 1 });
    expect(streamed('utf-16le', bytes(utf16('x'), [0x3d, 0xd8]), [2])).toEqual({ text: 'x\ufffd', invalid: 1 });
  });

  it('a U+FEFF after the start is text, not a mark to drop', () => {
    const data = bytes([0xff, 0xfe], utf16('a\ufeffb'));
    expect(streamed('utf-16le', data, [2, 4])).toEqual({ text: 'a\ufeffb', invalid: 0 });
  });

  it('property: any string, in UTF-16LE or BE with a BOM, cut anywhere, decodes to itself (lone surrogates as U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }), fc.array(fc.nat(900), { maxLength: 8 }), fc.boolean(), (s, lone, cuts, be) => {
        const text = s + lone + s;
        const data = bytes(be ? [0xfe, 0xff] : [0xff, 0xfe], utf16(text, be));
        const want = text.replace(LONE_SURROGATE, '\ufffd');
        const got = streamed(be ? 'utf-16be' : 'utf-16le', data, cuts);
        expect(got.text).toBe(want);
        expect(got.invalid).toBe((text.match(LONE_SURROGATE) ?? []).length);
      }),
      { seed: 2261, numRuns: 400 },
    );
  });
});

describe('pasteProblem: text that is not a readable log', () => {
  const log = `${LINE}\n${LINE}\n`;

  it('UTF-16 read as 8-bit text: a NUL between every two characters', () => {
    for (const asRead of [Buffer.from(log, 'utf16le').toString('latin1'), Buffer.from(`\ufeff${log}`, 'utf16le').toString('latin1'), Buffer.from(`\ufeff${log}`, 'utf16le').toString('utf8')]) {
      expect(textKind(asRead)).toBe('utf-16-as-bytes');
      expect(pasteProblem(asRead)).toMatch(/^This looks like UTF-16 text read as bytes: save the log as UTF-8/);
    }
    // the clipboard cut the text at its first NUL: only the mark read as Latin-1 is left
    expect(textKind('\u00ff\u00fe[')).toBe('utf-16-as-bytes');
  });

  it('a gzip file read as text, and other binary data', () => {
    const gz = gzipSync(log.repeat(50));
    expect(textKind(gz.toString('latin1'))).toBe('gzip');
    expect(textKind(gz.toString('utf8'))).toBe('gzip');
    expect(pasteProblem(gz.toString('latin1'))).toMatch(/gzip-compressed.*zcat/);
    const rnd = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(textKind(`x${rnd.toString('utf8')}`)).toBe('binary');
    expect(textKind(`x${rnd.toString('latin1')}`)).toBe('binary');
    expect(pasteProblem(`x${rnd.toString('latin1')}`)).toMatch(/binary data/);
  });

  it('text is text: logs, CRLF, tabs, other scripts, emoji, a few control characters', () => {
    for (const t of ['', 'AH02261', log, log.replace(/\n/g, '\r\n'), `\t${log}\f`, 'Grüße 日本語のログ 😀 ошибка', `${log}\u0000${log}`, `${log}\u001b[31mred\u001b[0m`]) {
      expect(pasteProblem(t), JSON.stringify(t.slice(0, 40))).toBeUndefined();
    }
  });
});
