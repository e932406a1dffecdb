#!/usr/bin/env node
// Serves the static export in out/ the way any plain static file server would (no Next
// runtime), under BASE_PATH if the site was built with one. Used by `npm start` and the tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseCli, UsageError, wholeNumber } from './is-main.mjs';

/** A sub-path as the build takes it: "/kb", never "kb"; a trailing slash dropped. */
const basePath = (v, flag) => {
  if (v && !v.startsWith('/')) throw new UsageError(`${flag} is a path that starts with /, as /kb, not "${v}"`);
  return v.replace(/\/+$/, '');
};

const { values } = parseCli(
  `Usage: npm run serve [-- OPTIONS]
Serves the static export the way a plain file server would, with the pages' security headers.
  --dir DIR     the export (default out, or OUT_DIR)
  --base PATH   the sub-path it was built for, as BASE_PATH=/kb (default none, or BASE_PATH)
  --port N      the port (default 3000, or PORT; 0 picks a free one)
  --host HOST   the address to listen on (default 127.0.0.1, or HOST)
  --help        this text`,
  {
    dir: { type: 'string', default: process.env.OUT_DIR || 'out' },
    base: { type: 'string', default: process.env.BASE_PATH || '', check: basePath },
    port: { type: 'string', default: process.env.PORT || '3000', check: wholeNumber(0, 65535) },
    host: { type: 'string', default: process.env.HOST || '127.0.0.1' },
  },
);
const root = path.resolve(values.dir);
// The real path too: a symlink inside out/ must not lead outside it.
let realRoot = root;
const { base, port, host } = values;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json',
};

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`No built site in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}
realRoot = fs.realpathSync(root);

// The same policy as the pages' <meta> (lib/security-headers.json), sent with every response:
// a Web Worker takes its policy from its own response's headers, not from the page.
const SECURITY = JSON.parse(fs.readFileSync(new URL('../lib/security-headers.json', import.meta.url), 'utf8'));

/** Inside dir, not merely starting with its name ("out-secret" starts with "out"). */
const inside = (dir, p) => p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

// Text is sent gzipped to a client that asks, as any production server does (httpd's
// mod_deflate, in the README's snippet): measuring page weight or Lighthouse over an
// uncompressed local server would count bytes no reader downloads.
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|manifest\+json|xml)|image\/svg\+xml)/;
const gzipped = new Map(); // file → { mtimeMs, body }: each file compressed once per change
let gzippedBytes = 0;

function gzipOf(file, st) {
  const hit = gzipped.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs) return hit.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
  // A bounded cache: a huge export must not hold every page in memory.
  if (gzippedBytes + body.length < 64 << 20) {
    gzipped.set(file, { mtimeMs: st.mtimeMs, body });
    gzippedBytes += body.length;
  }
  return body;
}

function send(req, res, status, file, head) {
  const type = TYPES[path.extname(file)] || 'application/octet-stream';
  const headers = { ...SECURITY, 'Content-Type': type, 'Cache-Control': 'no-cache' };
  const st = fs.statSync(file);
  if (COMPRESSIBLE.test(type)) {
    headers.Vary = 'Accept-Encoding';
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && st.size > 256) {
      const body = gzipOf(file, st);
      res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      return res.end(head ? undefined : body);
    }
  }
  res.writeHead(status, { ...headers, 'Content-Length': st.size });
  if (head) return res.end();
  fs.createReadStream(file).pipe(res);
}

const server = http.createServer((req, res) => {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.writeHead(405, { ...SECURITY, Allow: 'GET, HEAD' });
    return res.end();
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname);
  } catch {
    res.writeHead(400, SECURITY);
    return res.end('Bad request');
  }
  if (pathname.includes('\0')) {
    res.writeHead(400, SECURITY);
    return res.end('Bad request');
  }
  const notFound = () => send(req, res, 404, path.join(root, '404.html'), head);
  if (base && pathname === base) {
    res.writeHead(301, { ...SECURITY, Location: `${base}/` });
    return res.end();
  }
  if (base && !pathname.startsWith(`${base}/`)) return notFound();
  const rel = pathname.slice(base.length);
  const file = path.resolve(root, `.${rel}`);
  if (!inside(root, file)) return notFound(); // no escape from out/: "..", encoded separators
  fs.realpath(file, (rerr, real) => {
    if (!rerr && !inside(realRoot, real)) return notFound(); // nor through a symlink
    serveFile(req, file, rel, head, res, notFound);
  });
});

function serveFile(req, file, rel, head, res, notFound) {
  fs.stat(file, (err, st) => {
    if (!err && st.isFile()) return send(req, res, 200, file, head);
    if (!err && st.isDirectory()) {
      if (!rel.endsWith('/')) {
        // One leading slash: "//host/dir" must not become a redirect to another host.
        res.writeHead(301, { ...SECURITY, Location: `${base}/${rel.replace(/^\/+/, '')}/` });
        return res.end();
      }
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? send(req, res, 200, index, head) : notFound();
    }
    notFound();
  });
}

server.listen(port, host, () => console.log(`Handshake: http://${host}:${server.address().port}${base}/ (serving ${root})`));
