import { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from './splitter';

/**
 * Calls onLine for each line of a stream of text (or of UTF-8 bytes) without ever holding more
 * than one chunk and one (capped) line: a 1 GB log, or a 1 GB line without a newline, stays
 * within a few MB. Lines end where the paste box ends them (LineSplitter).
 */
export async function forEachLine(stream: AsyncIterable<string | Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  const split = new LineSplitter(onLine);
  for await (const chunk of stream) split.push(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
  split.push(decoder.end());
  split.end();
}
