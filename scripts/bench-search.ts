// Search latency over the whole index: every query run REPS times, per-query median and p95 (ms).
import { getEntries } from '../lib/content/kb';
import { getErrorCodes } from '../lib/content/codes';
import { buildSearchRecords } from '../lib/search/records';
import { createSearch } from '../lib/search/query';
import { parseCli, wholeNumber } from './is-main.mjs';

const USAGE = `Usage: npx tsx scripts/bench-search.ts [--reps N]
Search latency over the whole index, as one JSON line: every query run N times, median and p95 (ms).
  --reps N   runs of each query (default 50, or BENCH_SEARCH_REPS)
  --help     this text`;
const { values } = parseCli(USAGE, { reps: { type: 'string', default: process.env.BENCH_SEARCH_REPS || '50', check: wholeNumber(1) } });

const QUERIES = [
  'AH02261', 'ah02039', '0A00010B', 'err_ssl_protocol_error', 'SSL_ERROR_RX_RECORD_TOO_LONG', '0x4c7',
  'renegotation', 'pasphrase', 'certifcate chain', 'intermediate', 'wrong version number', 'unknown protocol',
  'SSLVerifyClient', 'SSLCertificateChainFile', 'SSLProxyEngine', 'SSLUseStapling', 'client certificate',
  'name based virtual hosts', 'self signed', 'expired', 'HTTP/2', 'OCSP', 'mixed content', 'redirect loop',
];
const REPS = values.reps as number;

const records = buildSearchRecords(getEntries(), getErrorCodes());
const t0 = performance.now();
const search = createSearch(records);
const buildMs = performance.now() - t0;
const times: number[] = [];
for (const q of QUERIES) search(q); // warm up
for (let r = 0; r < REPS; r++)
  for (const q of QUERIES) {
    const t = performance.now();
    search(q);
    times.push(performance.now() - t);
  }
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(JSON.stringify({ records: records.length, queries: QUERIES.length, reps: REPS, indexBuildMs: +buildMs.toFixed(1), medianMs: +pct(0.5).toFixed(3), p95Ms: +pct(0.95).toFixed(3), maxMs: +times[times.length - 1]!.toFixed(3) }));
