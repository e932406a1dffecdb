import type { LogLine } from './types';

// httpd 2.4: [time] [module:level] [pid N:tid N] file.c(123): [client ip:port] AHnnnnn: message
// httpd 2.2: [time] [level] [client ip] message
// Every part after the time is optional; quantifiers are bounded so no line can make it crawl.
const ERROR_LOG =
  /^\[([^\]]{1,64})\] \[(?:([\w-]{1,32}):)?(emerg|alert|crit|error|warn|notice|info|debug|trace[1-8])\] (?:\[pid (\d{1,10})(?::tid (\d{1,24}))?\] )?(?:([\w.-]{1,64}\(\d{1,6}\)): )?(?:\((-?\d{1,6})\)([^:[\]]{0,80}): )?(?:\[(client|remote)(?: ([^\]]{0,80}))?\] )?(?:(AH\d{5}): )?/;

export function parseLogLine(text: string, line: number): LogLine | undefined {
  const m = ERROR_LOG.exec(text);
  if (!m) return undefined;
  const [all, time, module, level, pid, tid, source, errno, errnoText, side, client, code] = m;
  return {
    line,
    format: module || pid || code ? '2.4' : '2.2',
    time,
    module,
    level,
    pid,
    tid,
    source,
    client: client || undefined,
    ...(side && { side: side as 'client' | 'remote' }),
    code,
    status: errno ? `(${errno})${errnoText ?? ''}` : undefined,
    message: text.slice(all!.length),
  };
}

/** mod_ssl's explanation appended to an OpenSSL error: " -- hint" (2.4) or plain words (2.2). */
export function sslLibraryHint(message: string): string | undefined {
  if (!message.startsWith('SSL Library Error:')) return undefined;
  const dash = message.indexOf(' -- ');
  if (dash >= 0) return message.slice(dash + 4).trim();
  // 2.2 appends the hint after the reason with a space: the reason is lower-case words, the
  // hint starts with a capital ("Bad file contents…", "You entered…") or "speaking …".
  const rest = message.slice(message.lastIndexOf(':') + 1).trim();
  const words = rest.split(' ');
  const at = words.findIndex((w, i) => i > 0 && (/^[A-Z]/.test(w) || /^(?:speaking|probably|maybe|perhaps)$/.test(w)));
  return at > 0 ? words.slice(at).join(' ') : undefined;
}

/**
 * Which connection a line belongs to: pid/tid on 2.4, the client address otherwise.
 * Used to tell interleaved connections apart in an excerpt.
 */
const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** "Mon Nov 23 10:15:30.298632 2026" (2.4) or "Mon Nov 23 10:15:30 2026" (2.2) in ms, else undefined. */
export function logTimeMs(time: string | undefined): number | undefined {
  const m = time ? /^\w{3} (\w{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (\d{4})$/.exec(time) : null;
  if (!m || MONTHS[m[1]!] === undefined) return undefined;
  return Date.UTC(Number(m[7]), MONTHS[m[1]!]!, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Math.floor(Number((m[6] ?? '0').padEnd(6, '0')) / 1000));
}

/**
 * One TLS connection, for stories: the worker thread and the peer it serves, and which side the
 * peer is. A thread serves many clients over a day; a proxy's backend ([remote …]) is not the client.
 */
export function storyConnectionOf(l: LogLine): string {
  const peer = l.client ? ` ${l.side ?? 'client'} ${l.client}` : '';
  return `${connectionOf(l)}${peer}`;
}

export function connectionOf(l: LogLine): string {
  if (l.pid) return l.tid ? `pid ${l.pid}:tid ${l.tid}` : `pid ${l.pid}`;
  if (l.client) return `client ${l.client}`;
  return 'server';
}
