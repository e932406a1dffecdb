import { MAX_LINE } from './limits';

/**
 * The one place where text becomes lines, for the paste box and the CLI alike: a line ends at
 * \r\n, \n or a lone \r (old Mac files, some Windows tools), also when the \r and the \n arrive
 * in different pieces; a final line end does not start another line. Text is pushed piece by
 * piece (a whole paste is one piece, a file many), and at most one (capped) line is held: a
 * line longer than MAX_LINE is passed on with MAX_LINE + 1 characters, enough for the receiver
 * to see that it was cut. onLine returns false to stop: nothing more is passed on.
 */
export class LineSplitter {
  private partial = '';
  /** the current line passed MAX_LINE: drop the rest of it */
  private overflow = false;
  /** the last piece ended with \r: a \n starting the next one belongs to it */
  private afterCR = false;
  private stopped = false;

  constructor(private readonly onLine: (line: string) => boolean | void) {}

  private line(piece: string): void {
    if (!this.overflow) this.partial += piece;
    const l = this.partial.length > MAX_LINE ? this.partial.slice(0, MAX_LINE + 1) : this.partial;
    this.partial = '';
    this.overflow = false;
    if (this.onLine(l) === false) this.stopped = true;
  }

  push(text: string): void {
    if (!text || this.stopped) return; // a decoder waiting for the rest of a character: keep afterCR
    let start = 0;
    if (this.afterCR && text.charCodeAt(0) === 10) start = 1;
    this.afterCR = false;
    // The next \r and \n at or after start; -1 when the piece has no more of them (each is
    // searched again only once passed, so a piece without \r is scanned for one once).
    let cr = text.indexOf('\r', start);
    let nl = text.indexOf('\n', start);
    while ((cr >= 0 || nl >= 0) && !this.stopped) {
      const end = cr < 0 ? nl : nl < 0 ? cr : Math.min(cr, nl);
      this.line(text.slice(start, end));
      if (end === cr && nl === cr + 1) start = nl + 1;
      else start = end + 1;
      if (end === cr && start === text.length) this.afterCR = true;
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
      if (nl >= 0 && nl < start) nl = text.indexOf('\n', start);
    }
    if (!this.overflow && !this.stopped) {
      this.partial += text.slice(start);
      if (this.partial.length > MAX_LINE) {
        this.partial = this.partial.slice(0, MAX_LINE + 1);
        this.overflow = true;
      }
    }
  }

  /** The last line, if the text did not end with a line end. */
  end(): void {
    if (this.partial && !this.stopped) this.onLine(this.partial);
    this.partial = '';
  }
}
