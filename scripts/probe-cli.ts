// `handshake-diagnose probe [--json] [--servername NAME] [--ca FILE] HOST[:PORT]`: connects to one
// live TLS server and says which knowledge-base entry applies to what it finds.
import fs from 'node:fs';
import { CAUSES } from '../lib/content/causes';
import { analyse } from '../lib/probe/analyse';
import { resolveFindings, type EntryRef } from '../lib/probe/entries';
import { pemsIn, probe, STEP_TIMEOUT_MS, TOTAL_MS, type ProbeOptions } from '../lib/probe/probe';
import { blocker, toJson, toText } from '../lib/probe/report';
import { isHostName, parseTarget } from '../lib/probe/target';
import { parseCli, usageError, UsageError } from './is-main.mjs';

const USAGE = `Usage: handshake-diagnose probe [--json] [--servername NAME] [--ca FILE] HOST[:PORT]
Connects to HOST (port 443 unless given; [2001:db8::1]:443 for IPv6) with Node's TLS and reports
what a client meets there, each problem with the entry that explains it: the chain the server
sends, whether it verifies (Node's roots, the system's, --ca), dates, the name, what clients without
SNI get, which of TLS 1.0–1.3 it accepts, ALPN h2, a stapled OCSP response, whether it asks for a
client certificate, and what plain HTTP to the port gets. Only HOST is contacted (one lookup, then
that address and port); each step has a timeout and the whole probe ends within ${TOTAL_MS / 1000} s.
  --json              one JSON object: {target, findings:[{slug, url, causes, severity, evidence}],
                      chain:[…], protocols:{…}, alpn, ocsp, …}
  --servername NAME   the SNI name, and the name the certificate must cover (default: HOST;
                      none for an IP address)
  --ca FILE           also verify against the CA certificate(s) in FILE (PEM): a private CA
  --timeout SECONDS   per step (default ${STEP_TIMEOUT_MS / 1000}, from 0.1 to 10)
  --help              this text
Exit status: 0 nothing of severity error or warning, 1 errors or warnings found (or the host not
reached), 2 bad usage.`;

const seconds = (v: string, flag: string) => {
  if (!/^\d{1,2}(\.\d{1,3})?$/.test(v) || Number(v) < 0.1 || Number(v) > 10) throw new UsageError(`${flag} wants seconds from 0.1 to 10, not "${v}"`);
  return Math.round(Number(v) * 1000);
};

/** Entries as the probe needs them, from the knowledge base of this checkout or package (HANDSHAKE_ROOT). */
async function entries(): Promise<EntryRef[]> {
  const { getEntries } = await import('../lib/content/kb');
  return getEntries();
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(
    USAGE,
    {
      json: { type: 'boolean' },
      servername: {
        type: 'string',
        check: (v, flag) => {
          if (!isHostName(v)) throw new UsageError(`${flag} wants a DNS name (SNI carries no IP address), not "${v}"`);
          return v.replace(/\.$/, '');
        },
      },
      ca: { type: 'string' },
      timeout: { type: 'string', check: seconds },
    },
    { positionals: 1, args: argv },
  );
  const [input] = positionals;
  if (input === undefined) return usageError(USAGE, 'Which server? Give HOST[:PORT], e.g. www.example.com or www.example.com:8443');
  const target = parseTarget(input);
  if ('error' in target) return usageError(USAGE, target.error);
  const o: ProbeOptions = { ...(values.servername !== undefined && { servername: values.servername as string }), ...(values.timeout !== undefined && { stepTimeoutMs: values.timeout as number }) };
  if (values.ca !== undefined) {
    const file = values.ca as string;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      return usageError(USAGE, `--ca: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const pems = pemsIn(text);
    if (!pems.length) return usageError(USAGE, `--ca: no PEM certificate (-----BEGIN CERTIFICATE-----) in ${file}`);
    o.ca = { source: `--ca ${file} (${pems.length})`, pems };
  }

  // Loaded while the network steps run: the knowledge base takes a moment to read.
  const kb = entries();
  kb.catch(() => {});
  if (!values.json && process.stderr.isTTY) process.stderr.write(`Probing ${input} (at most ${TOTAL_MS / 1000} s)…\n`);
  const obs = await probe(target, o);
  const site = (process.env.SITE_URL || '').replace(/\/+$/, '');
  const findings = resolveFindings(analyse(obs), await kb, site);
  if (values.json) process.stdout.write(`${JSON.stringify(toJson(obs, findings), null, 2)}\n`);
  else console.log(toText(obs, findings, (c) => CAUSES[c as keyof typeof CAUSES] ?? c));
  // A lookup the probe stopped waiting for still runs in libuv's thread pool and would hold the
  // process past the 20 s: leave once the output is out.
  if (obs.resolve?.kind === 'timeout') setTimeout(() => process.exit(), 200).unref();
  return blocker(obs) || findings.some((f) => f.severity !== 'info') ? 1 : 0;
}
