// `npm run diagnose -- [--json] [FILE|-]`: what is wrong, according to an error_log, a pasted
// excerpt or client output. Streams its input; a whole error_log is summarised.
import fs from 'node:fs';
import { getEntries } from '../lib/content/kb';
import { buildKbIndex } from '../lib/content/kb-index';
import { CAUSES } from '../lib/content/causes';
import { DiagnoseSession } from '../lib/diagnose/session';
import { forEachLine } from '../lib/diagnose/lines';
import { openText } from '../lib/diagnose/input';

const USAGE = `Usage: handshake-diagnose [--json] [FILE]
Reads FILE (or standard input when FILE is - or absent): an Apache error_log, a pasted excerpt,
browser or client output. Prints which problems it shows, how often, first and last seen.
Gzipped input (error.log.2.gz) is decompressed, UTF-16 and UTF-8 with a BOM are decoded.
  --json   one JSON object: {"findings": [...], "tokens": [...], ...}
  --top N  show the N best findings (default 5)`;

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const topAt = argv.indexOf('--top');
  const top = topAt >= 0 ? Number(argv[topAt + 1]) || 5 : 5;
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--top');
  const unknownFlag = argv.find((a) => a.startsWith('--') && !['--json', '--top', '--help'].includes(a));
  if (unknownFlag || files.length > 1) {
    console.error(unknownFlag ? `Unknown option ${unknownFlag}\n\n${USAGE}` : `One file at a time\n\n${USAGE}`);
    return 2;
  }
  const file = files[0] ?? '-';
  if (file !== '-' && !fs.existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  if (file === '-' && process.stdin.isTTY) console.error('Reading standard input (paste, then Ctrl-D)…');

  const started = process.hrtime.bigint();
  const summary = new DiagnoseSession(buildKbIndex(getEntries()));
  const name = file === '-' ? 'standard input' : file;
  const input = await openText(file === '-' ? process.stdin : fs.createReadStream(file), name);
  await forEachLine(input.chunks, (l) => summary.add(l));
  const decoded = input.decoded();
  const notes = input.notes();
  const r = summary.result();
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
        stats: { ...r.stats, seconds: Math.round(seconds * 1000) / 1000, peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024) },
      })}\n`,
    );
    return 0;
  }

  const n = (x: number) => x.toLocaleString('en-US');
  const out: string[] = [];
  // Plain UTF-8 goes without saying; anything else is named: "error.log.2.gz (gzip, utf-16le): …"
  out.push(`${name}${decoded === 'utf-8' ? '' : ` (${decoded})`}: ${n(r.stats.lines)} lines, ${n(r.stats.recognisedLines)} recognised, ${n(r.stats.distinctMessages)} distinct messages, ${seconds.toFixed(2)} s`);
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

// exitCode, not exit(): exit() would cut off output still queued for a pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`handshake-diagnose: ${err.message}`);
    process.exitCode = 1;
  },
);
