import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { CONTENT_ROOT } from '../content/kb';
import { fieldName } from '../content/load';
import { template } from '../diagnose/text';
import { ContentError, type Problem } from '../content/problems';
import { runSchema, scenarioSchema } from './schema';
import type { CaptureSource, LabRun, LabScenario } from './types';

export interface Lab {
  /** null when the lab has not been run in this checkout (no lab.json): the site shows nothing of it */
  run: LabRun | null;
  /** in the order lab.json lists them */
  scenarios: LabScenario[];
  /** the lab directory as messages name it (relative to the working directory when inside it) */
  dir: string;
}

// HANDSHAKE_LAB points the site at another lab directory, e.g. the fixtures, to preview the lab
// blocks before `npm run lab` has run: HANDSHAKE_LAB=lib/lab/__fixtures__/good npm run build
export const LAB_ROOT = process.env.HANDSHAKE_LAB ? path.resolve(process.env.HANDSHAKE_LAB) : path.join(CONTENT_ROOT, 'lab');
export const RUN_FILE = 'lab.json';

/** How messages name a file: short when it is under the working directory. */
function shown(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** The file a scenario was read from, for messages about it. */
export function scenarioFile(lab: Pick<Lab, 'dir'>, id: string): string {
  return path.join(lab.dir, `${id}.json`);
}

function readJson<T>(abs: string, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  const file = shown(abs);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(abs, 'utf8'));
  } catch (e) {
    problems.push({ file, field: 'JSON', message: `not valid JSON: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    problems.push({ file, field: issue.path.length ? fieldName(issue.path) : '(whole file)', message: issue.message });
  return undefined;
}

function readLab(root: string): Lab {
  const dir = shown(root);
  const runPath = path.join(root, RUN_FILE);
  // The lab is optional: a checkout where it never ran builds the same site without it.
  if (!fs.existsSync(runPath)) return { run: null, scenarios: [], dir };
  const problems: Problem[] = [];
  const run = readJson(runPath, runSchema, problems);
  const byId = new Map<string, LabScenario>();
  for (const name of fs.readdirSync(root).sort()) {
    if (!name.endsWith('.json') || name === RUN_FILE) continue;
    const abs = path.join(root, name);
    const s = readJson(abs, scenarioSchema, problems);
    if (!s) continue;
    const id = name.slice(0, -'.json'.length);
    if (s.id !== id) problems.push({ file: shown(abs), field: 'id', message: `"${s.id}" differs from the file name: expected "${id}"` });
    else byId.set(id, s);
  }
  if (run) {
    // lab.json says what one run produced, in one environment: a scenario file it does not
    // list is left over from another run and would be shown under the wrong versions.
    for (const [i, id] of run.scenarios.entries())
      if (!byId.has(id) && !fs.existsSync(path.join(root, `${id}.json`)))
        problems.push({ file: shown(runPath), field: `scenarios[${i}]`, message: `"${id}" is listed but ${path.join(dir, `${id}.json`)} does not exist` });
    for (const id of byId.keys())
      if (!run.scenarios.includes(id))
        problems.push({ file: path.join(dir, `${id}.json`), field: 'id', message: `"${id}" is not listed in ${path.join(dir, RUN_FILE)} scenarios: left over from another run, or a new scenario run alone? Run the whole lab, or delete the file` });
  }
  if (problems.length || !run) throw new ContentError(problems);
  return { run, scenarios: run.scenarios.map((id) => byId.get(id)!), dir };
}

// Loaded once per process and directory, like getEntries(): every page of the build asks.
const cache = new Map<string, Lab>();

/** Read and validate the lab's captures; throws ContentError naming the file and the field. */
export function loadLab(root: string = LAB_ROOT): Lab {
  const key = path.resolve(root);
  let lab = cache.get(key);
  if (!lab) {
    lab = readLab(key);
    cache.set(key, lab);
  }
  return lab;
}

/** Scenarios that reproduce an entry: as their own entry, or as the entry of one of their captures. */
export function scenariosForEntry(slug: string, lab: Lab = loadLab()): LabScenario[] {
  return lab.scenarios.filter((s) => s.entry === slug || s.captures.some((c) => c.entry === slug));
}

export interface CapturedLine {
  line: string;
  source: Extract<CaptureSource, 'server-log' | 'startup'>;
  scenario: LabScenario;
}

/**
 * Real lines the server printed with this AH code: the first few, each message once (lines that
 * differ only in time, pid, client address or a counter are one message).
 */
export function capturedLinesForCode(code: string, lab: Lab = loadLab(), limit = 3): CapturedLine[] {
  const ah = code.toUpperCase();
  if (!/^AH\d{5}$/.test(ah)) return [];
  const word = new RegExp(`\\b${ah}\\b`);
  const seen = new Set<string>();
  const out: CapturedLine[] = [];
  for (const scenario of lab.scenarios)
    for (const c of scenario.captures) {
      if (c.source !== 'server-log' && c.source !== 'startup') continue;
      for (const raw of c.text.split('\n')) {
        const line = raw.trim();
        if (!word.test(line)) continue;
        const key = template(line).replace(/\b\d+\b/g, "#"); // one message: whatever the time, thread, port, child or host
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ line, source: c.source, scenario });
        if (out.length >= limit) return out;
      }
    }
  return out;
}
