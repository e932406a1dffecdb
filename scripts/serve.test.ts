import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SECURITY from '../lib/security-headers.json';

// The static server `npm start` runs, against a made-up export beside a sibling folder whose
// name starts like it ("out-secret"), a symlink pointing out and files of each type.
const SERVE = path.join(__dirname, 'serve.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
const out = path.join(work, 'out');
const secret = path.join(work, 'out-secret');
let server: ChildProcess;
let origin = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A raw request: fetch() would normalise "..", "%2e%2e" and friends before sending them. */
function raw(target: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(origin);
    const sock = net.connect(Number(u.port), u.hostname, () => sock.write(`${method} ${target} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: close\r\n\r\n`));
    let data = '';
    sock.on('data', (d) => (data += d.toString('latin1')));
    sock.on('error', reject);
    sock.on('end', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const [status, ...lines] = head!.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(status!.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

beforeAll(async () => {
  fs.mkdirSync(path.join(out, 'kb', 'faq', 'x'), { recursive: true });
  fs.mkdirSync(path.join(out, 'workers'), { recursive: true });
  fs.writeFileSync(path.join(out, 'index.html'), '<p>home</p>');
  fs.writeFileSync(path.join(out, '404.html'), '<p>not found</p>');
  fs.writeFileSync(path.join(out, 'kb', 'faq', 'x', 'index.html'), '<p>entry</p>');
  fs.writeFileSync(path.join(out, 'workers', 'diagnose.js'), 'self.onmessage=()=>{}');
  fs.writeFileSync(path.join(out, 'big.js'), `// ${'compressible '.repeat(500)}\n`);
  fs.writeFileSync(path.join(out, 'icon.png'), Buffer.alloc(2000, 7));
  fs.writeFileSync(path.join(out, 'data.json'), '{}');
  fs.mkdirSync(secret);
  fs.writeFileSync(path.join(secret, 's.txt'), 'SECRET');
  fs.symlinkSync(secret, path.join(out, 'link'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [SERVE], { env: { ...process.env, OUT_DIR: out, PORT: String(port), BASE_PATH: '' }, stdio: 'pipe' });
  await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));
});
afterAll(() => {
  server?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it.each([
    ['/../out-secret/s.txt'],
    ['/..%2fout-secret%2fs.txt'],
    ['/%2e%2e/out-secret/s.txt'],
    ['/..%5cout-secret%5cs.txt'],
    ['/link/s.txt'],
    ['/x%00.html'],
  ])('never serves a file outside the export: %s', async (target) => {
    const r = await raw(target);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain('SECRET');
  });

  it('serves files with their type and the security headers, the worker script included', async () => {
    const worker = await raw('/workers/diagnose.js');
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const [name, value] of Object.entries(SECURITY)) expect(worker.headers[name.toLowerCase()], name).toBe(value);
    expect((await raw('/data.json')).headers['content-type']).toBe('application/json');
    expect((await raw('/')).body).toContain('home');
  });

  it('answers HEAD without a body, a missing page with the 404 page, other methods with 405', async () => {
    const h = await raw('/', 'HEAD');
    expect(h.status).toBe(200);
    expect(h.body).toBe('');
    const missing = await raw('/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('not found');
    expect((await raw('/', 'POST')).status).toBe(405);
  });

  it('redirects a folder to its slash, never to another host', async () => {
    expect((await raw('/kb/faq/x')).headers.location).toBe('/kb/faq/x/');
    const odd = await raw('//kb/faq/x');
    expect(odd.headers.location ?? '/').toMatch(/^\/(?!\/)/);
  });
});

describe("the README's httpd hosting snippet", () => {
  it('sends the same security headers as serve.mjs', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const sent = Object.fromEntries([...readme.matchAll(/^ {4}Header always set (\S+) "([^"]+)"$/gm)].map((m) => [m[1], m[2]]));
    expect(sent).toEqual(SECURITY);
  });
});

describe('compression', () => {
  const get = (p: string, enc?: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${origin}${p}`, { headers: enc ? { 'Accept-Encoding': enc } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('gzips text for a client that asks, and only then; images go as they are', async () => {
    const file = fs.readFileSync(path.join(out, 'big.js'));
    const z = await get('/big.js', 'gzip, deflate, br');
    expect(z.headers['content-encoding']).toBe('gzip');
    expect(z.headers.vary).toBe('Accept-Encoding');
    expect(Number(z.headers['content-length'])).toBe(z.body.length);
    expect(z.body.length).toBeLessThan(file.length / 10);
    expect(zlib.gunzipSync(z.body).equals(file)).toBe(true);
    const plain = await get('/big.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
    const png = await get('/icon.png', 'gzip');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.length).toBe(2000);
  });
});
