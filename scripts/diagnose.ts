// `npm run diagnose -- [--json] [FILE|-]`: what is wrong, according to an error_log, a pasted
// excerpt or client output. Streams its input; a whole error_log is summarised.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { CAUSES } from '../lib/content/causes';
import { DiagnoseSession, type SessionPart } from '../lib/diagnose/session';
import { forEachLine } from '../lib/diagnose/lines';
import { BINARY_NOTE, openText } from '../lib/diagnose/input';
import { decodeNote, detectEncoding, SNIFF_BYTES, textKind, type Detected } from '../lib/diagnose/decode';
import type { Diagnosis, KbIndex } from '../lib/diagnose/types';
import type { PartRequest } from './diagnose-part';

const USAGE = `Usage: handshake-diagnose [OPTIONS] [FILE]
       handshake-diagnose config [--json] FILE|-     check an httpd configuration (--help for more)
       handshake-diagnose probe [--json] HOST[:PORT]  probe a live TLS server (--help for more)

Reads FILE (or standard input when FILE is - or absent): an Apache error_log, a pasted excerpt,
browser or client output. Prints which problems it shows, how often, first and last seen.
Gzipped input (error.log.2.gz) is decompressed, UTF-16 and UTF-8 with a BOM are decoded.
  --json     one JSON object: {"findings": [...], "tokens": [...], ...}
  --top N    show the N best findings (default 5)
  --jobs N   threads for a large UTF-8 file (default: one per core, at most 4, for files
             of 32 MB or more; 1 reads it on one thread)
  --help     this text`;

/**
 * The diagnosis index, from a cache beside the bundle when no entry changed since it was written
 * (the MDX files' names, sizes and times are its key): reading ~80 MDX files was 0.15 s of every
 * run's 0.25 s start-up.
 */
async function loadIndex(): Promise<KbIndex> {
  const root = path.join(process.env.HANDSHAKE_ROOT || process.cwd(), 'content');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.mdx')) {
        const st = fs.statSync(p);
        files.push(`${path.relative(root, p)} ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  let key = '';
  let cache = '';
  try {
    walk(root);
    const self = fileURLToPath(import.meta.url);
    key = `${fs.statSync(self).mtimeMs}\n${files.sort().join('\n')}`;
    cache = path.join(path.dirname(self), 'kb-index.json');
    const hit = JSON.parse(fs.readFileSync(cache, 'utf8')) as { key: string; index: KbIndex };
    if (hit.key === key) return hit.index;
  } catch {
    /* no cache yet, or unreadable: build it */
  }
  // Loaded only now: the MDX loader and its schema cost start-up time even when unused.
  const [{ getEntries }, { buildKbIndex }] = await Promise.all([import('../lib/content/kb'), import('../lib/content/kb-index')]);
  const index = buildKbIndex(getEntries());
  if (key && cache) {
    try {
      const tmp = `${cache}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ key, index }));
      fs.renameSync(tmp, cache);
    } catch {
      /* a read-only install: build it every time */
    }
  }
  return index;
}

/** Below this size a second thread costs more (start-up, merging) than it saves. */
const SPLIT_MIN_BYTES = 32 << 20;

class UsageError extends Error {}

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, top: { type: 'string' }, jobs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const count = (name: string, v: string | undefined, dflt: number | undefined, max: number) => {
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new UsageError(`--${name} wants a whole number from 1 to ${max}, not "${v}"`);
    return Number(v);
  };
  if (positionals.length > 1) throw new UsageError('One file at a time');
  return {
    json: Boolean(values.json),
    help: Boolean(values.help),
    top: count('top', values.top, 5, 1000)!,
    jobs: count('jobs', values.jobs, undefined, 64),
    file: positionals[0] ?? '-',
  };
}

/** Where to cut a file into `jobs` parts: after a \n, so that no line is cut. */
function cutPoints(file: string, size: number, jobs: number): number[] {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(64 << 10);
  const points = [0];
  try {
    for (let k = 1; k < jobs; k++) {
      let pos = Math.max(Math.floor((size * k) / jobs), points.at(-1)!);
      let cut = -1;
      while (cut < 0 && pos < size) {
        const got = fs.readSync(fd, buf, 0, buf.length, pos);
        if (!got) break;
        const i = buf.subarray(0, got).indexOf(10);
        if (i >= 0) cut = pos + i + 1;
        pos += got;
      }
      if (cut < 0 || cut >= size) break; // no line end left (one huge line, lone \r ends): fewer parts
      points.push(cut);
    }
  } finally {
    fs.closeSync(fd);
  }
  return [...points, size];
}

/** A file worth splitting: large, uncompressed UTF-8, and the reader thread's bundle beside this one. */
function partsFor(file: string, jobs: number | undefined): { points: number[]; detected: Detected; sniff: Uint8Array } | undefined {
  if (file === '-' || !fs.existsSync(new URL('./diagnose-part.mjs', import.meta.url))) return undefined;
  const size = fs.statSync(file).size;
  const want = jobs ?? (size >= SPLIT_MIN_BYTES ? Math.min(4, os.availableParallelism()) : 1);
  if (want < 2) return undefined;
  const head = Buffer.alloc(SNIFF_BYTES);
  const fd = fs.openSync(file, 'r');
  const got = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const sniff = head.subarray(0, got);
  if (sniff[0] === 0x1f && sniff[1] === 0x8b) return undefined; // gzip: one stream
  const detected = detectEncoding(sniff);
  if (!detected.encoding.startsWith('utf-8')) return undefined;
  const points = cutPoints(file, size, want);
  return points.length > 2 ? { points, detected, sniff } : undefined;
}

/**
 * Each reader thread's heap is capped, so that two or four of them stay within the memory of
 * one (the data they keep is bounded; the cap only makes them collect garbage sooner).
 */
const PART_HEAP_MB = 128;

function inWorker(req: PartRequest): Promise<{ part: SessionPart; invalid: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./diagnose-part.mjs', import.meta.url), { workerData: { handshakePart: req }, resourceLimits: { maxOldGenerationSizeMb: PART_HEAP_MB, maxYoungGenerationSizeMb: 16 } });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => code && reject(new Error(`a reader thread stopped (exit code ${code})`)));
  });
}

/** The whole input through one session, or a large file in parts on several threads, merged. */
async function diagnoseInput(file: string, jobs: number | undefined, name: string): Promise<{ r: Diagnosis; decoded: string; notes: string[]; threads: number }> {
  const index = await loadIndex();
  const split = partsFor(file, jobs);
  const notes: string[] = [];
  if (split) {
    const { points, detected, sniff } = split;
    try {
      const parts = await Promise.all(points.slice(0, -1).map((start, k) => inWorker({ file, start, end: points[k + 1]!, index })));
      const merged = new DiagnoseSession(index);
      for (const p of parts) merged.absorb(p.part);
      const note = decodeNote(detected, parts.reduce((s, p) => s + p.invalid, 0));
      if (note) notes.push(note);
      if (textKind(new TextDecoder().decode(sniff)) === 'binary') notes.push(BINARY_NOTE);
      return { r: merged.result(), decoded: detected.encoding, notes, threads: points.length - 1 };
    } catch (e) {
      // A thread that failed (out of memory on a pathological file): read it again on this one.
      notes.push(`reading in ${points.length - 1} parts failed (${(e as Error).message}): read on one thread`);
    }
  }
  const session = new DiagnoseSession(index);
  const input = await openText(file === '-' ? process.stdin : fs.createReadStream(file), name);
  await forEachLine(input.chunks, (l) => session.add(l));
  return { r: session.result(), decoded: input.decoded(), notes: [...notes, ...input.notes()], threads: 1 };
}

async function main(argv: string[]): Promise<number> {
  let o;
  try {
    o = options(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  const { json, top, file } = o;
  if (file !== '-' && !fs.existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  if (file === '-' && process.stdin.isTTY) console.error('Reading standard input (paste, then Ctrl-D)…');

  const started = process.hrtime.bigint();
  const name = file === '-' ? 'standard input' : file;
  const { r, decoded, notes, threads } = await diagnoseInput(file, o.jobs, name);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const site = (process.env.SITE_URL || '').replace(/\/+$/, '');

  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        decoded,
        decodeNotes: notes,
        findings: r.findings.map((f) => ({ slug: f.slug, title: f.title, url: `${site}${f.url}`, causes: f.causes, score: f.score, evidence: f.evidence, lines: f.lines, firstSeen: f.firstSeen, lastSeen: f.lastSeen, story: f.story })),
        tokens: r.tokens.map(({ line, kind, value, known }) => ({ line, kind, value, known: Boolean(known) })),
        tokensTruncated: r.stats.tokensTruncated,
        unknown: r.unknown,
        unknownOther: r.unknownOther,
        stats: { ...r.stats, threads, seconds: Math.round(seconds * 1000) / 1000, peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024) },
      })}\n`,
    );
    return 0;
  }

  const n = (x: number) => x.toLocaleString('en-US');
  const out: string[] = [];
  // Plain UTF-8 goes without saying; anything else is named: "error.log.2.gz (gzip, utf-16le): …"
  out.push(`${name}${decoded === 'utf-8' ? '' : ` (${decoded})`}: ${n(r.stats.lines)} lines, ${n(r.stats.recognisedLines)} recognised, ${n(r.stats.distinctMessages)} distinct messages, ${seconds.toFixed(2)} s${threads > 1 ? ` on ${threads} threads` : ''}`);
  for (const note of notes) out.push(`   note: ${note}`);
  if (!r.findings.length) out.push('\nNo known problem recognised.');
  r.findings.slice(0, top).forEach((f, i) => {
    out.push(`\n${i + 1}. ${f.title}`);
    out.push(`   ${site}${f.url}   score ${f.score}, ${n(f.lines)} line${f.lines === 1 ? '' : 's'}${f.firstSeen ? `, first ${f.firstSeen}, last ${f.lastSeen}` : ''}`);
    out.push(`   cause: ${f.causes.map((c) => CAUSES[c as keyof typeof CAUSES] ?? c).join('; ')}`);
    if (f.story) out.push(`   story (${f.story.connection}): ${f.story.steps.map((s) => s.code).join(' → ')}, lines ${f.story.steps[0]!.line}–${f.story.steps.at(-1)!.line}`);
    for (const e of f.evidence.slice(0, 3)) out.push(`   line ${e.line} [${e.how}: ${e.symptom}]: ${e.text.slice(0, 160)}`);
    if (f.distinct.length && r.findings.length > 1) out.push(`   only this one: ${f.distinct.slice(0, 4).join(' · ')}`);
  });
  if (r.findings.length > top) out.push(`\n…and ${r.findings.length - top} more (--top N to see them).`);
  if (r.unknown.length) {
    out.push('\nNot in the knowledge base yet:');
    for (const u of r.unknown.slice(0, 10)) out.push(`   ${u.value} (${n(u.count)}×, first on line ${u.line}); closest known: ${u.closest.join(', ') || 'none'}`);
    const more = r.unknown.length - 10;
    if (more > 0 || r.unknownOther) out.push(`   …and ${n(Math.max(0, more))} more distinct${r.unknownOther ? `, plus ${n(r.unknownOther)} occurrences of codes past the first ${n(r.unknown.length)}` : ''} (--json lists them).`);
  }
  if (r.stats.longLines) out.push(`\n${n(r.stats.longLines)} line(s) longer than 4,096 characters were read only up to there.`);
  console.log(out.join('\n'));
  return 0;
}

// `handshake-diagnose big.log | head`: the reader went away, which is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/** Subcommands, loaded only when named: each its own module with main(argv) → exit code. */
const SUBCOMMANDS: Record<string, () => Promise<{ main: (argv: string[]) => Promise<number> }>> = {
  config: () => import('./config-cli'),
  probe: () => import('./probe-cli'),
};

function dispatch(argv: string[]): Promise<number> {
  const sub = argv[0] !== undefined && Object.hasOwn(SUBCOMMANDS, argv[0]) ? SUBCOMMANDS[argv[0]] : undefined;
  return sub ? sub().then((m) => m.main(argv.slice(1))) : main(argv);
}

// exitCode, not exit(): exit() would cut off output still queued for a pipe.
dispatch(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`handshake-diagnose: ${err.message}`);
    process.exitCode = 1;
  },
);
