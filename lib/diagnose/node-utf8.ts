import { StringDecoder } from 'node:string_decoder';
import type { Utf8Engine } from './decode';

/**
 * Node's own UTF-8 decoder for the CLI: as fast as ICU's TextDecoder on one thread, and it does
 * not hold up the other threads of the process as ICU's does.
 */
export const nodeUtf8 = (): Utf8Engine => {
  const d = new StringDecoder('utf8');
  return { write: (b) => d.write(b as Buffer), end: () => d.end() };
};
