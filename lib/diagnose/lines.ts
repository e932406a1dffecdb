import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { MAX_LINE } from './text';

/**
 * Calls onLine for each line of a stream without ever holding more than one chunk and one
 * (capped) line: a 1 GB log, or a 1 GB line without a newline, stays within a few MB.
 */
export async function forEachLine(stream: Readable, onLine: (line: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let overflow = false; // the current line passed MAX_LINE: drop the rest of it
  const feed = (text: string) => {
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      let piece = text.slice(start, nl);
      if (piece.endsWith('\r')) piece = piece.slice(0, -1);
      onLine(overflow ? partial : partial + piece);
      partial = '';
      overflow = false;
      start = nl + 1;
    }
    if (!overflow) {
      partial += text.slice(start);
      if (partial.length > MAX_LINE) {
        partial = partial.slice(0, MAX_LINE);
        overflow = true;
      }
    }
  };
  for await (const chunk of stream) feed(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
  feed(decoder.end());
  if (partial) onLine(partial);
}
