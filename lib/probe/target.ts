// HOST[:PORT] as the probe takes it: a DNS name, an IPv4 address or a bracketed IPv6 address,
// and a port (443 when absent). Anything else is refused with a sentence saying what to write.
import net from 'node:net';
import type { Target } from './types';

export const DEFAULT_PORT = 443;

/** A host name: dot-separated labels of letters, digits, hyphens (and underscores, which DNS allows), 253 characters at most. */
const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

export function isHostName(s: string): boolean {
  const name = s.endsWith('.') ? s.slice(0, -1) : s;
  if (!name || name.length > 253) return false;
  const labels = name.split('.');
  // An all-numeric last label is a mistyped IPv4 address, not a name.
  return labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels.at(-1)!);
}

/** The target, or a message saying why it is not one. */
export function parseTarget(input: string): Target | { error: string } {
  const s = input.trim();
  if (!s) return { error: 'No target: give HOST[:PORT], e.g. www.example.com or www.example.com:8443' };
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(s);
  if (url) return { error: `Give HOST[:PORT], not a URL: for ${s} write ${url[1] || 'the host'}` };
  if (/[/?#@\s]/.test(s)) return { error: `Not a host: "${s}" (give HOST[:PORT], e.g. www.example.com:443)` };

  let host: string;
  let portText: string | undefined;
  if (s.startsWith('[')) {
    const m = /^\[([^\]]+)\](?::(.*))?$/.exec(s);
    if (!m || !net.isIPv6(m[1]!)) return { error: `Not an IPv6 address in brackets: "${s}" (e.g. [2001:db8::1]:443)` };
    host = m[1]!;
    portText = m[2];
  } else if (net.isIPv6(s)) {
    return { error: `Write an IPv6 address in brackets, with the port after them: [${s}]:${DEFAULT_PORT}` };
  } else {
    const i = s.lastIndexOf(':');
    host = i < 0 ? s : s.slice(0, i);
    portText = i < 0 ? undefined : s.slice(i + 1);
    if (host.includes(':')) return { error: `Not a host: "${s}" (an IPv6 address goes in brackets: [2001:db8::1]:443)` };
  }
  let port = DEFAULT_PORT;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) return { error: `Not a port: "${portText}" (1 to 65535)` };
    port = Number(portText);
  }
  const ip = net.isIP(host) !== 0;
  if (!ip) {
    if (/^[\d.]+$/.test(host)) return { error: `Not an IPv4 address: "${host}"` };
    if (!isHostName(host)) return { error: `Not a host name: "${host}" (letters, digits, hyphens and dots)` };
  }
  return { host, port, ip };
}

/** host:port as the user would write it back: [v6]:port. */
export function formatTarget(t: Pick<Target, 'host' | 'port'>): string {
  return `${net.isIPv6(t.host) ? `[${t.host}]` : t.host}:${t.port}`;
}
