import { StringDecoder } from 'node:string_decoder';
import { MAX_LINE } from './text';

/**
 * Calls onLine for each line of a stream of text (or of UTF-8 bytes) without ever holding more
 * than one chunk and one (capped) line: a 1 GB log, or a 1 GB line without a newline, stays
 * within a few MB. Lines end where toLines() ends them, so the CLI and the paste box number
 * lines alike: at \r\n, \n or a lone \r (old Mac files, some Windows tools), even when a chunk
 * boundary falls between the \r and the \n; a final line end does not start another line.
 * A line longer than MAX_LINE is passed on with MAX_LINE + 1 characters: enough for the
 * receiver to see that it was cut.
 */
export async function forEachLine(stream: AsyncIterable<string | Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let overflow = false; // the current line passed MAX_LINE: drop the rest of it
  let afterCR = false; // the last chunk ended with \r: a \n starting the next one belongs to it
  const line = (piece: string) => {
    if (!overflow) partial += piece;
    onLine(partial.length > MAX_LINE ? partial.slice(0, MAX_LINE + 1) : partial);
    partial = '';
    overflow = false;
  };
  const feed = (text: string) => {
    if (!text) return; // a decoder waiting for the rest of a character: keep afterCR
    let start = 0;
    if (afterCR && text.charCodeAt(0) === 10) start = 1;
    afterCR = false;
    // The next \r and \n at or after start; -1 when the chunk has no more of them (each is
    // searched again only once passed, so a chunk without \r is scanned for one once).
    let cr = text.indexOf('\r', start);
    let nl = text.indexOf('\n', start);
    while (cr >= 0 || nl >= 0) {
      const end = cr < 0 ? nl : nl < 0 ? cr : Math.min(cr, nl);
      line(text.slice(start, end));
      if (end === cr && nl === cr + 1) start = nl + 1;
      else start = end + 1;
      if (end === cr && start === text.length) afterCR = true;
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
      if (nl >= 0 && nl < start) nl = text.indexOf('\n', start);
    }
    if (!overflow) {
      partial += text.slice(start);
      if (partial.length > MAX_LINE) {
        partial = partial.slice(0, MAX_LINE + 1);
        overflow = true;
      }
    }
  };
  for await (const chunk of stream) feed(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
  feed(decoder.end());
  if (partial) onLine(partial);
}
