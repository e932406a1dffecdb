#!/usr/bin/env -S npx tsx
// `npm run lab`: the real-httpd lab. Makes a throw-away PKI, runs Debian's apache2 with each
// scenario's broken configuration on free loopback ports, meets it with curl, openssl s_client,
// Node and Chromium, applies the fix and checks it, and writes the captures to content/lab/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium as pwChromium, type Browser } from 'playwright-core';
import type { Capture, LabEnvironment, LabRun, LabScenario } from '../lib/lab/types';
import { Normaliser } from '../lib/lab/normalise';
import { chromiumHome, runClient, type ClientContext, type ClientResult } from './clients';
import { freePort, Httpd } from './httpd';
import { HOST, makePki, type Pki } from './pki';
import { ensureTools, findChromium, versions } from './tools';
import { SCENARIOS } from './scenarios';
import type { Ctx, Scenario } from './scenario';
import { run } from './sh';
import { adaptCheck, adaptSnippet, applySnippet, entryCheck, entrySnippet } from './entry-fix';
import { formatProbeLab, runProbeLab } from './probe';
import { isMain, parseCli, usageError } from '../scripts/is-main.mjs';

const OUT = path.resolve(process.env.LAB_OUT ?? 'content/lab');
/** Stable ports shown in captures instead of the ones picked at run time. */
const SHOWN = { tls: 8443, plain: 8080, front: 9443, backend: 9444 } as const;
export const LAB_ROOT_SHOWN = '/etc/handshake-lab';

interface Outcome {
  scenario: LabScenario | null;
  problems: string[];
  ms: number;
  /** not reproducible on this machine: why */
  skipped?: string;
}

/** Lines this machine logs on every start whatever the scenario (see Scenario.machineNoise). */
const MACHINE_NOISE = /^.*\bAH01882: .*(?:\n|$)/gm;

async function runScenario(s: Scenario, pki: Pki, base: string, browser: () => Promise<Browser>): Promise<Outcome> {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(base, `${s.id}-`));
  fs.chmodSync(dir, 0o755); // httpd runs as nobody and must reach its files
  const ports = { tls: await freePort(), plain: await freePort(), front: await freePort(), backend: await freePort() };
  const ctx: Ctx = { pki, ports, dir };
  const norm = new Normaliser({
    paths: [[pki.dir, `${LAB_ROOT_SHOWN}/pki`], [path.join(dir, 'backend'), `${LAB_ROOT_SHOWN}/backend`], [path.join(dir, 'server'), LAB_ROOT_SHOWN], [dir, LAB_ROOT_SHOWN], [base, LAB_ROOT_SHOWN]],
    ports: (Object.keys(SHOWN) as (keyof typeof SHOWN)[]).map((k) => [ports[k], SHOWN[k]]),
  });
  const cctx: ClientContext = { pki, ports, host: HOST, browser, tmp: dir };
  const problems: string[] = [];
  const captures: Capture[] = [];
  const clean = (t: string) => (s.machineNoise === 'keep' ? t : t.replace(MACHINE_NOISE, '')).trim();
  const expectFor = (k: string) => s.expect?.[k as keyof NonNullable<Scenario['expect']>] ?? {};
  const httpd = new Httpd(path.join(dir, 'server'));
  const backend = s.backend ? new Httpd(path.join(dir, 'backend')) : null;
  let blocker: import('node:net').Server | null = null;

  s.prepare?.(ctx);
  const conf = s.server(ctx);
  httpd.write(conf);
  const configShown = norm.text(conf.body.trim());
  try {
    if (backend) {
      backend.write(s.backend!(ctx));
      const b = await backend.start([ports.backend]);
      if (!b.ok) problems.push(`backend did not start: ${b.out}`);
    }
    if (s.occupy) blocker = await occupy(ports.tls);
    const listening = s.startFails ? [] : [ports.tls];
    const st = await httpd.start(listening.length ? listening : [ports.tls]);
    if (s.startFails) {
      if (st.ok) problems.push('httpd started, but the scenario expects start-up to fail');
      await httpd.settle(50);
      const text = [st.out.trim(), httpd.logSinceMark().trim()].filter(Boolean).join('\n');
      captures.push({ source: 'startup', command: 'apache2 -k start', text: norm.text(clean(text)), ...expectFor('startup') });
    } else if (!st.ok) {
      problems.push(`httpd did not start: ${st.out}\n${httpd.logSinceMark()}`);
    } else {
      if (s.startupLog) {
        await httpd.settle(50);
        const text = [st.out.trim(), httpd.logSinceMark().trim()].filter(Boolean).join('\n');
        if (s.onlyIf && !s.onlyIf.test(text)) {
          await httpd.stop();
          return { scenario: null, problems: [], ms: Date.now() - started, skipped: `start-up did not log ${s.onlyIf.source} on this machine` };
        }
        captures.push({ source: 'startup', command: 'apache2 -k start', text: norm.text(clean(text)), ...expectFor('startup') });
      }
      // The readiness probe's own connection is logged too: let it land, then start reading.
      await httpd.settle(80);
      httpd.markLog();
      backend?.markLog();
      for (const c of s.clients) {
        const r = await runClient(c, cctx);
        await httpd.settle(60);
        if (r.ok && !c.succeeds && c.kind !== 'raw') problems.push(`${c.kind} succeeded against the broken configuration: ${r.text.slice(0, 300)}`);
        if (!r.ok && c.succeeds) problems.push(`${c.kind} was expected to succeed (${c.succeeds}) but failed: ${r.text.slice(0, 300)}`);
        if (r.source === 'raw') continue; // a scanner prints nothing; the server log is the capture
        captures.push(clientCapture(r, norm, c.expect ?? (c.succeeds ? { uninformative: c.succeeds } : expectFor(c.kind))));
      }
      await httpd.settle(60);
      const log = httpd.logSinceMark().trim();
      if (log) captures.push({ source: 'server-log', command: `tail ${LAB_ROOT_SHOWN}/logs/error.log  # LogLevel ${conf.logLevel}`, text: norm.text(clean(log)), ...expectFor('server-log') });
      else if (!expectFor('server-log').uninformative && !s.startupLog) problems.push('the server logged nothing at this LogLevel');
      // Behind a proxy, the backend's own log often names the reason the front only relays.
      const blog = clean(backend?.logSinceMark() ?? '');
      if (blog) captures.push({ source: 'server-log', command: `tail ${LAB_ROOT_SHOWN}/backend/logs/error.log  # the backend, LogLevel ${s.backend!(ctx).logLevel}`, text: norm.text(blog), ...(s.expect?.['backend-log'] ?? {}) });
    }
    await httpd.stop();
    blocker?.close();
    blocker = null;

    let fix: LabScenario['fix'];
    if (s.fix) {
      const fixed = s.fix.server?.(ctx) ?? (s.fix.from === 'entry-snippet' ? applySnippet(conf, adaptSnippet(entrySnippet(s.entry).code, ctx), ctx) : conf);
      if (backend && s.fix.backend) {
        await backend.stop();
        backend.write(s.fix.backend(ctx));
        const b = await backend.start([ports.backend]);
        if (!b.ok) problems.push(`fix: backend did not start: ${b.out}`);
      }
      httpd.write(fixed);
      const t = httpd.test();
      let verified = /Syntax OK/.test(t.out);
      if (!verified) problems.push(`fix: apache2 -t failed: ${t.out}`);
      let check: NonNullable<LabScenario['fix']>['check'];
      if (verified) {
        const st2 = await httpd.start([ports.tls]);
        if (!st2.ok) {
          verified = false;
          problems.push(`fix: httpd did not start: ${st2.out}\n${httpd.logSinceMark()}`);
        } else {
          for (const c of s.fix.clients ?? s.clients) {
            const r = await runClient(c, cctx);
            if (!r.ok) {
              verified = false;
              problems.push(`fix: ${c.kind} still fails: ${r.text.slice(0, 400)}`);
            }
          }
          if (s.fix.check) {
            const cmd =
              'entry' in s.fix.check
                ? adaptCheck(entryCheck(s.entry), ctx, httpd.errorLog)
                : s.fix.check.command.replaceAll('{HOST}', HOST).replaceAll('{PORT}', String(ports.tls)).replaceAll('{CA}', pki.root).replaceAll('{PKI}', pki.dir).replaceAll('{LOG}', httpd.errorLog);
            const r = await run('bash', ['-c', cmd], { timeoutMs: 10_000 });
            if (!s.fix.check.expect.test(r.out)) {
              verified = false;
              problems.push(`fix: check "${cmd}" printed ${r.out.slice(0, 300)}`);
            }
            check = { command: norm.text(cmd), text: norm.text(r.out.trim()) };
          }
        }
        await httpd.stop();
      }
      fix = { description: s.fix.description, config: norm.text(fixed.body.trim()), from: s.fix.from, verified, ...(check && { check }) };
    }
    return { scenario: { id: s.id, title: s.title, entry: s.entry, logLevel: conf.logLevel, config: configShown, captures, ...(fix && { fix }) }, problems, ms: Date.now() - started };
  } finally {
    await httpd.stop();
    await backend?.stop();
    blocker?.close();
  }
}

function clientCapture(r: ClientResult, norm: Normaliser, e: { entry?: string; because?: string; uninformative?: string }): Capture {
  return { source: r.source as Capture['source'], command: norm.text(r.command), text: norm.text(r.text.trim()), ...e };
}

function occupy(port: number): Promise<import('node:net').Server> {
  return import('node:net').then(
    (net) =>
      new Promise((resolve) => {
        const s = net.createServer((c) => c.destroy());
        s.listen(port, '127.0.0.1', () => resolve(s));
      }),
  );
}

const USAGE = `Usage: npm run lab [-- [SCENARIO…]]
The real-httpd lab: runs Debian's apache2 (installed with apt when missing, as root or with
password-less sudo) with each scenario's broken configuration, meets it with curl, openssl s_client,
Node and Chromium, applies the fix and checks it, and writes the captures to content/lab/ (or
LAB_OUT). With SCENARIOs, only those, and lab.json and the snippet check are left as they are.
  --list   print the scenario ids and exit
  --help   this text`;

/** The scenarios asked for (all without any), before anything is installed, started or written. */
function picked(): { chosen: Scenario[]; only: boolean } {
  const { values, positionals } = parseCli(USAGE, { list: { type: 'boolean' } }, { positionals: Infinity });
  if (values.list) {
    console.log(SCENARIOS.map((s) => s.id).join('\n'));
    process.exit(0);
  }
  const unknown = positionals.find((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown) usageError(USAGE, `No scenario '${unknown}' (npm run lab -- --list names them)`);
  return { chosen: positionals.length ? SCENARIOS.filter((s) => positionals.includes(s.id)) : SCENARIOS, only: positionals.length > 0 };
}

async function main() {
  const { chosen, only } = picked();
  ensureTools();
  const started = Date.now();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'handshake-lab-'));
  fs.chmodSync(base, 0o755);
  const pki = makePki(path.join(base, 'pki'));
  const home = chromiumHome(path.join(base, 'chromium-home'), pki.root);
  let browser: Browser | null = null;
  const getBrowser = async () =>
    (browser ??= await pwChromium.launch({
      executablePath: findChromium() ?? undefined,
      env: { ...process.env, HOME: home },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', `--host-resolver-rules=MAP *.example.test 127.0.0.1`],
    }));
  const env: LabEnvironment = versions(await getBrowser());

  fs.mkdirSync(OUT, { recursive: true });
  let failed = 0;
  const written: string[] = [];
  for (const s of chosen) {
    const o: Outcome = await runScenario(s, pki, base, getBrowser).catch((e: Error) => ({ scenario: null, problems: [e.stack ?? String(e)], ms: 0 }));
    if (o.scenario) {
      fs.writeFileSync(path.join(OUT, `${s.id}.json`), JSON.stringify(o.scenario, null, 2) + '\n');
      written.push(s.id);
    }
    const mark = o.skipped ? 'skip' : o.problems.length ? 'FAIL' : 'ok  ';
    if (o.skipped) {
      console.log(`skip ${s.id}: ${o.skipped}`);
      continue;
    }
    if (o.problems.length) failed++;
    console.log(`${mark} ${s.id} (${(o.ms / 1000).toFixed(1)} s)${o.problems.map((p) => `\n     - ${p.split('\n').slice(0, 6).join('\n       ')}`).join('')}`);
  }
  await (browser as Browser | null)?.close();

  // The live probe (handshake-diagnose probe) against real httpd: each finding on a configuration that has it.
  if (!only) {
    const probed = await runProbeLab(pki, base);
    console.log(formatProbeLab(probed));
    const probeFailed = probed.filter((r) => !r.ok).length;
    console.log(`probe: ${probed.length} configurations, ${probeFailed} with problems`);
    failed += probeFailed;
  }

  if (!only) {
    const { checkSnippets } = await import('./snippets');
    const snippets = await checkSnippets();
    const labRun: LabRun = { environment: env, scenarios: written, snippets };
    fs.writeFileSync(path.join(OUT, 'lab.json'), JSON.stringify(labRun, null, 2) + '\n');
    // Captures of scenarios that no longer exist would be shown as real: remove them.
    for (const f of fs.readdirSync(OUT)) if (f.endsWith('.json') && f !== 'lab.json' && !labRun.scenarios.includes(f.slice(0, -5))) fs.rmSync(path.join(OUT, f));
    console.log(`snippets: ${snippets.checked} checked, ${snippets.failing.length} failing`);
  }
  fs.rmSync(base, { recursive: true, force: true });
  console.log(`lab: ${chosen.length} scenarios, ${failed} with problems, ${((Date.now() - started) / 1000).toFixed(1)} s; captures in ${path.relative(process.cwd(), OUT)}/`);
  process.exit(failed ? 1 : 0);
}

if (isMain(import.meta.url))
  main().catch((e) => {
    console.error(`lab failed: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
