#!/usr/bin/env node
// Writes a realistic httpd 2.4 error_log of N lines (default 1,000,000) for benchmarks:
// handshakes, scanner noise, a refused renegotiation now and then, verification failures,
// proxy errors and some 2.2-style lines, with varying times, pids and clients. Seeded: the
// same N gives the same file.
// Usage: node scripts/gen-error-log.mjs FILE [N]
import fs from 'node:fs';

const [file, nArg] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node scripts/gen-error-log.mjs FILE [LINES]');
  process.exit(2);
}
const N = Number(nArg || 1_000_000);
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
let t = Date.UTC(2026, 10, 1);

function time() {
  t += Math.floor(rnd() * 900);
  const d = new Date(t);
  const p = (x, n = 2) => String(x).padStart(n, '0');
  return `${days[d.getUTCDay()]} Nov ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000 + Math.floor(rnd() * 1000), 6)} 2026`;
}
const ip = () => `198.51.100.${Math.floor(rnd() * 250) + 1}:${40000 + Math.floor(rnd() * 20000)}`;
const pid = () => `${10000 + Math.floor(rnd() * 500)}:tid ${140000000000000 + Math.floor(rnd() * 1e9)}`;
const line = (mod, lvl, p, client, rest) => `[${time()}] [${mod}:${lvl}] [pid ${p}] [client ${client}] ${rest}`;

const TEMPLATES = [
  [40, (p, c) => [line('ssl', 'info', p, c, 'AH01964: Connection to child 12 established (server www.example.org:443)')]],
  [20, (p, c) => [line('ssl', 'info', p, c, 'AH02008: SSL library error 1 in handshake (server www.example.org:443)'),
    line('ssl', 'info', p, c, 'SSL Library Error: error:0A00010B:SSL routines::wrong version number')]],
  [10, (p, c) => [line('ssl', 'info', p, c, 'AH01998: Connection closed to child 12 with abortive shutdown (server www.example.org:443)')]],
  [8, (p, c) => [line('ssl', 'info', p, c, 'AH02008: SSL library error 1 in handshake (server www.example.org:443)'),
    line('ssl', 'info', p, c, 'SSL Library Error: error:0A000126:SSL routines::unexpected eof while reading')]],
  [5, (p, c) => [line('core', 'error', p, c, "AH00135: Invalid method in request \\x16\\x03\\x01")]],
  [4, (p, c) => [line('ssl', 'info', p, c, 'AH01996: SSL handshake failed: HTTP spoken on HTTPS port; trying to send HTML error page'),
    line('ssl', 'info', p, c, 'SSL Library Error: error:0A00009C:SSL routines::http request')]],
  [3, (p, c) => [line('ssl', 'debug', p, c, 'ssl_engine_kernel.c(570): AH02255: Changed client verification type will force renegotiation'),
    line('ssl', 'info', p, c, 'AH02221: Requesting connection re-negotiation'),
    line('ssl', 'info', p, c, 'AH02226: Awaiting re-negotiation handshake'),
    line('ssl', 'error', p, c, 'AH02261: Re-negotiation handshake failed'),
    line('ssl', 'info', p, c, 'AH01998: Connection closed to child 136 with abortive shutdown (server www.example.org:443)')]],
  [3, (p, c) => [line('ssl', 'info', p, c, 'AH02276: Certificate Verification: Error (20): unable to get local issuer certificate'),
    line('ssl', 'info', p, c, 'AH02039: Certificate Verification: Error (20): unable to get local issuer certificate')]],
  [3, (p, c) => [line('proxy', 'error', p, c, 'AH00961: HTTPS: failed to enable ssl support for 10.0.0.5:8443 (backend.internal)')]],
  [2, () => [`[${time()}] [error] [client ${ip().split(':')[0]}] File does not exist: /var/www/html/favicon.ico`]],
  [2, (p, c) => [line('ssl', 'warn', p, c, 'AH01909: www.example.org:443:0 server certificate does NOT include an ID which matches the server name')]],
];
const weights = TEMPLATES.reduce((s, [w]) => s + w, 0);

const out = fs.createWriteStream(file);
let written = 0;
let buf = [];
function next() {
  while (written < N) {
    let r = rnd() * weights;
    const [, make] = TEMPLATES.find(([w]) => (r -= w) < 0) ?? TEMPLATES[0];
    for (const l of make(pid(), ip())) {
      if (written >= N) break;
      buf.push(l);
      written++;
    }
    if (buf.length >= 5000) {
      const ok = out.write(`${buf.join('\n')}\n`);
      buf = [];
      if (!ok) return out.once('drain', next);
    }
  }
  if (buf.length) out.write(`${buf.join('\n')}\n`);
  out.end();
}
next();
out.on('finish', () => console.log(`${file}: ${N.toLocaleString('en-US')} lines, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`));
