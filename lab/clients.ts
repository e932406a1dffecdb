// Real clients against the lab's httpd: curl, openssl s_client, Node's https, and Chromium through
// Playwright. Every name resolves to 127.0.0.1 by the client's own option, never by DNS.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { run, runSync } from './sh';
import type { Pki } from './pki';

export type Trust = 'lab' | 'system' | 'private' | 'outdated' | 'inspection';

export interface ClientCall {
  kind: 'curl' | 's_client' | 'node' | 'chromium' | 'raw';
  /** raw: bytes to send (hex) before closing; empty = connect and close, as a port check does */
  bytes?: string;
  /** which port: the TLS vhost (default), the plain one, or the front proxy */
  port?: 'tls' | 'plain' | 'front';
  scheme?: 'https' | 'http';
  host?: string;
  path?: string;
  /** whom the client trusts: the lab root (default), only the system store, or the private root */
  trust?: Trust;
  /** client certificate bundle (curl, s_client, node) */
  cert?: 'client' | 'client-expired' | 'client-other-ca' | 'client-weak';
  /** chromium: what the page's console reported (mixed content, blocked requests) counts as the failure */
  console?: boolean;
  /** no SNI (s_client -noservername, curl to the IP) */
  noSni?: boolean;
  /** extra arguments for curl or s_client; for node, options merged into the request */
  args?: string[];
  node?: Record<string, unknown>;
  /** request body size in bytes (curl POST) */
  body?: number;
  /** this client is expected to succeed even against the broken server: why (shown with the capture) */
  succeeds?: string;
  /** what to expect of this capture instead of the scenario's entry ranked first */
  expect?: { entry?: string; because?: string; uninformative?: string };
  /** curl: follow redirects */
  follow?: boolean;
}

export interface ClientResult {
  source: 'curl' | 'openssl-s_client' | 'node' | 'chromium' | 'raw';
  command: string;
  text: string;
  /** the request got a 2xx answer and the certificate was verified */
  ok: boolean;
}

export interface ClientContext {
  pki: Pki;
  ports: Record<'tls' | 'plain' | 'front', number>;
  host: string;
  browser: () => Promise<Browser>;
  tmp: string;
}

function target(c: ClientCall, ctx: ClientContext) {
  const port = ctx.ports[c.port ?? 'tls'];
  const host = c.host ?? ctx.host;
  const scheme = c.scheme ?? (c.port === 'plain' ? 'http' : 'https');
  return { port, host, scheme, url: `${scheme}://${host}:${port}${c.path ?? '/'}` };
}

const caFile = (t: Trust | undefined, pki: Pki) => (t === 'system' ? undefined : t === 'private' ? pki.privateRoot : t === 'outdated' ? pki.files['outdated-bundle'] : t === 'inspection' ? pki.files['inspection-root'] : pki.root);

export async function curl(c: ClientCall, ctx: ClientContext): Promise<ClientResult> {
  const t = target(c, ctx);
  const args = ['-sS', '-i', '--max-time', '8'];
  if (c.noSni) args.push('--connect-to', `${t.host}:${t.port}:127.0.0.1:${t.port}`);
  else args.push('--resolve', `${t.host}:${t.port}:127.0.0.1`);
  const ca = caFile(c.trust, ctx.pki);
  if (ca && t.scheme === 'https') args.push('--cacert', ca);
  if (c.cert) args.push('--cert', ctx.pki.files[`${c.cert}-bundle`]!);
  if (c.body) {
    const f = path.join(ctx.tmp, `body-${c.body}`);
    if (!fs.existsSync(f)) fs.writeFileSync(f, 'x'.repeat(c.body));
    args.push('--data-binary', `@${f}`, '-H', 'Content-Type: application/octet-stream');
  }
  if (c.follow) args.push('-L');
  args.push(...(c.args ?? []), c.noSni ? t.url.replace(t.host, '127.0.0.1') : t.url);
  const r = await run('curl', args, { timeoutMs: 12_000 });
  const status = /^HTTP\/[\d.]+ (\d{3})/m.exec(r.stdout)?.[1];
  return { source: 'curl', command: `curl ${args.join(' ')}`, text: r.out, ok: r.code === 0 && status !== undefined && status.startsWith('2') };
}

export async function sClient(c: ClientCall, ctx: ClientContext): Promise<ClientResult> {
  const t = target(c, ctx);
  const args = ['s_client', '-connect', `127.0.0.1:${t.port}`];
  args.push(...(c.noSni ? ['-noservername'] : ['-servername', t.host]));
  const ca = caFile(c.trust, ctx.pki);
  if (ca) args.push('-CAfile', ca);
  else args.push('-CApath', '/etc/ssl/certs');
  if (c.cert) args.push('-cert', ctx.pki.files[`${c.cert}-bundle`]!);
  args.push('-ign_eof', ...(c.args ?? []));
  const req = `GET ${c.path ?? '/'} HTTP/1.1\r\nHost: ${t.host}\r\nConnection: close\r\n\r\n`;
  const r = await run('openssl', args, { input: req, timeoutMs: 10_000 });
  const ok = /Verify return code: 0 \(ok\)/.test(r.out) && /HTTP\/1\.1 2\d\d/.test(r.out);
  return { source: 'openssl-s_client', command: `openssl ${args.join(' ')}`, text: elideSession(r.out), ok };
}

/** Certificate bodies and session tickets change on every run and tell nothing: elide them. */
export function elideSession(out: string): string {
  return out
    .replace(/(-----BEGIN CERTIFICATE-----\n)[A-Za-z0-9+/=\n]+?(-----END CERTIFICATE-----)/g, '$1(base64 elided)\n$2')
    // Session-ticket hex dump: n bytes, then n characters; text the HTTP answer wrote on the same line stays.
    .replace(/^ {4}[0-9a-f]{4} - ((?:[0-9a-f]{2}[ -]){0,15}[0-9a-f]{2}) {3,}(.*)$/gm, (_m, hex: string, rest: string) => {
      const n = hex.split(/[ -]/).length;
      const after = rest.slice(n);
      return after ? `    (hex elided)\n${after}` : '    (hex elided)';
    })
    .replace(/^ {4}[0-9a-f]{4} - (?:[0-9a-f]{2}[ -])+(?=HTTP\/)/gm, '    (hex elided)\n')
    .replace(/(?: {4}\(hex elided\)\n)+/g, '    (hex elided)\n')
    .replace(/(Session-ID|Resumption PSK|Master-Key): [0-9A-F]+/g, '$1: (elided)')
    .replace(/Start Time: \d+/g, 'Start Time: (elided)');
}

/**
 * Node: a small program that lets an error go uncaught, so the capture is exactly what Node prints
 * to an administrator (stack, code, and the OpenSSL reason where there is one).
 */
export async function nodeClient(c: ClientCall, ctx: ClientContext): Promise<ClientResult> {
  const t = target(c, ctx);
  const opts: Record<string, unknown> = { host: '127.0.0.1', port: t.port, path: c.path ?? '/', headers: { Host: t.host }, ...(c.node ?? {}) };
  if (!c.noSni) opts.servername = t.host;
  const ca = caFile(c.trust, ctx.pki);
  const cert = c.cert ? ctx.pki.files[`${c.cert}-bundle`] : undefined;
  const mod = t.scheme === 'http' ? 'http' : 'https';
  const program = [
    `const fs = require('fs');`,
    `const o = ${JSON.stringify(opts)};`,
    ca && mod === 'https' ? `o.ca = fs.readFileSync(${JSON.stringify(ca)});` : '',
    cert ? `o.cert = fs.readFileSync(${JSON.stringify(cert)}); o.key = o.cert;` : '',
    // An error page's text is what a script's author would log next to the status.
    `require('${mod}').get(o, (res) => { let b = ''; console.log(res.statusCode + ' ' + res.statusMessage); res.on('data', (d) => (b += d)); res.on('end', () => { if (res.statusCode >= 300) console.log(b.replace(/<[^>]*>/g, '').replace(/\\n\\s*\\n/g, '\\n').trim()); process.exit(res.statusCode < 300 ? 0 : 3); }); })`,
    `  .on('error', (e) => { throw e; });`,
  ].filter(Boolean).join('\n');
  const file = path.join(ctx.tmp, 'node-client.js');
  fs.writeFileSync(file, program);
  const r = await run(process.execPath, [file], { timeoutMs: 10_000 });
  const shown = `node -e "require('${mod}').get(${JSON.stringify({ hostname: t.host, port: t.port, path: c.path ?? '/', ...(c.node ?? {}) })}${cert ? ' + client cert' : ''})"`;
  // Node's uncaught-error report names the temporary file; keep what an administrator would see.
  return { source: 'node', command: shown, text: r.out.replaceAll(file, '/srv/app/client.js'), ok: r.code === 0 };
}

export async function chromium(c: ClientCall, ctx: ClientContext): Promise<ClientResult> {
  const t = target(c, ctx);
  const browser = await ctx.browser();
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${m.type()}: ${m.text()}`);
  });
  let text: string;
  let ok = false;
  try {
    const res = await page.goto(t.url, { timeout: 8000, waitUntil: 'load' });
    const body = (await page.locator('body').innerText({ timeout: 2000 }).catch(() => '')).trim();
    ok = (res?.status() ?? 0) >= 200 && (res?.status() ?? 0) < 300;
    text = `${res?.status()} ${res?.statusText()}\n${body}`;
    if (c.console) {
      await page.waitForTimeout(300);
      if (consoleLines.length) ok = false;
      text = `${text}\n${consoleLines.map((l) => `console ${l}`).join('\n')}`.trim();
    }
  } catch (e) {
    // Playwright's message starts with the net::ERR_* code Chromium reported.
    text = String((e as Error).message).split('\n')[0]!.replace(/^page\.goto: /, '');
  } finally {
    await context.close();
  }
  return { source: 'chromium', command: `chromium ${t.url}`, text, ok };
}

/** A scanner or health check: open, maybe write some bytes, close. It prints nothing of its own. */
export async function raw(c: ClientCall, ctx: ClientContext): Promise<ClientResult> {
  const net = await import('node:net');
  const port = ctx.ports[c.port ?? 'tls'];
  await new Promise<void>((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => {
      if (c.bytes) s.write(Buffer.from(c.bytes, 'hex'));
      setTimeout(() => s.destroy(), 150);
    });
    s.on('error', () => resolve());
    s.on('close', () => resolve());
    s.on('data', () => {});
  });
  return { source: 'raw', command: c.bytes ? `printf '${c.bytes.replace(/(..)/g, '\\x$1')}' | nc 127.0.0.1 ${port}` : `nc -z 127.0.0.1 ${port}`, text: '', ok: false };
}

export function runClient(c: ClientCall, ctx: ClientContext): Promise<ClientResult> {
  switch (c.kind) {
    case 'raw':
      return raw(c, ctx);
    case 'curl':
      return curl(c, ctx);
    case 's_client':
      return sClient(c, ctx);
    case 'node':
      return nodeClient(c, ctx);
    case 'chromium':
      return chromium(c, ctx);
  }
}

/** An NSS database under a private HOME that trusts the lab root: Chromium's trust store on Linux. */
export function chromiumHome(dir: string, root: string): string {
  const db = path.join(dir, '.pki', 'nssdb');
  fs.mkdirSync(db, { recursive: true });
  runSync('certutil', ['-d', `sql:${db}`, '-N', '--empty-password']);
  runSync('certutil', ['-d', `sql:${db}`, '-A', '-t', 'C,,', '-n', 'Handshake Lab Root CA', '-i', root]);
  return dir;
}
