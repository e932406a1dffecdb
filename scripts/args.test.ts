import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every script reads its command line through scripts/is-main.mjs: --help prints the usage and
// does nothing else (no install, no build, no server, no file), an unknown option or a bad value
// is one line and a pointer to --help, exit 2. Nothing here builds or serves anything.
const repo = path.join(__dirname, '..');
const tsx = pathToFileURL(createRequire(__filename).resolve('tsx')).href;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'script args '));

/** Every file below dir, with its size and time: what a script that wrote anything would change. */
function tree(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).map((e) => {
    const p = path.join(e.parentPath, e.name);
    const st = fs.statSync(p);
    return `${path.relative(dir, p)} ${e.isFile() ? `${st.size} ${st.mtimeMs}` : ''}`;
  }).sort();
}

/**
 * The plain Node scripts, copied into a made-up checkout (with a space in its path) beside the
 * modules they import: whatever they would write, relative to themselves or to the working
 * directory, lands inside it. No node_modules: --help must not need the dependencies.
 */
function checkout(): string {
  const dir = fs.mkdtempSync(path.join(work, 'checkout '));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.mkdirSync(path.join(dir, 'lib'));
  for (const f of fs.readdirSync(path.join(repo, 'scripts')).filter((f) => f.endsWith('.mjs'))) fs.copyFileSync(path.join(repo, 'scripts', f), path.join(dir, 'scripts', f));
  fs.copyFileSync(path.join(repo, 'lib', 'security-headers.json'), path.join(dir, 'lib', 'security-headers.json'));
  return dir;
}

const NODE_SCRIPTS: [string, string[]][] = [
  ['bench.mjs', ['--runs', '0']],
  ['build-worker.mjs', ['extra']],
  ['build-cli.mjs', ['extra']],
  ['lighthouse.mjs', ['--port', 'x']],
  ['serve.mjs', ['--port', '70000']],
  ['start.mjs', ['--port', 'x']],
  ['test.mjs', ['extra']],
  ['check-links.mjs', ['a', 'b', 'c']],
  ['page-weight.mjs', ['--budget=yes']],
];

// In place, through tsx: they import the knowledge base. The working directory is an empty folder.
const TS_SCRIPTS: [string, string[]][] = [
  ['lab/run.ts', ['no-such-scenario']],
  ['scripts/wizard-paths.ts', ['extra']],
  ['scripts/bench-search.ts', ['--reps', '0']],
  ['scripts/bench-config.ts', ['extra']],
  ['scripts/check-regex.ts', ['extra']],
  ['scripts/check-content.ts', ['--root']],
  ['scripts/eval-public.ts', [path.join(work, 'no-such-file.json')]],
];

type Run = { status: number | null; stdout: string; stderr: string };
/** A script run to its end (at most 30 s), without blocking the others: the cases run at once. */
const node = (args: string[], cwd: string) =>
  new Promise<Run>((resolve) => {
    const child = execFile(process.execPath, args, { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, PORT: '', BENCH_RUNS: '' } }, (_, stdout, stderr) =>
      resolve({ status: child.exitCode, stdout, stderr }),
    );
  });

function expectRefused(r: Run, what: RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(2);
  expect(lines[0]).toMatch(what);
  expect(lines[1]).toMatch(/--help prints the usage/);
}

describe.concurrent('plain Node scripts', () => {
  const dir = checkout();
  const before = tree(dir);
  it.each(NODE_SCRIPTS)('%s: --help and -h print the usage, exit 0 and write nothing', async (name) => {
    for (const flag of ['--help', '-h']) {
      const r = await node([path.join(dir, 'scripts', name), flag], dir);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Usage: /);
    }
    expect(tree(dir)).toEqual(before);
  });
  it.each(NODE_SCRIPTS)('%s: an unknown option or a bad value is one line, exit 2', async (name, bad) => {
    expectRefused(await node([path.join(dir, 'scripts', name), '--nope'], dir), /Unknown option '--nope'/);
    expectRefused(await node([path.join(dir, 'scripts', name), ...bad], dir), /\S/);
    expect(tree(dir)).toEqual(before);
  });
});

describe.concurrent('TypeScript scripts', () => {
  it.each(TS_SCRIPTS)('%s: --help prints the usage, writes nothing; a bad option or value is refused', async (script, bad) => {
    const cwd = fs.mkdtempSync(path.join(work, 'cwd-'));
    const file = path.join(repo, script);
    const [help, unknown, wrong] = await Promise.all([['--help'], ['--nope'], bad].map((a) => node(['--import', tsx, file, ...a], cwd)));
    expect(help!.status, help!.stderr).toBe(0);
    expect(help!.stdout).toMatch(/^Usage: /);
    expectRefused(unknown!, /Unknown option '--nope'/);
    expectRefused(wrong!, /\S/);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe('the shared helper', () => {
  const dir = checkout();
  const probe = path.join(dir, 'scripts', 'probe.mjs');
  fs.writeFileSync(probe, "import { isMain } from './is-main.mjs';\nexport const main = isMain(import.meta.url);\nif (main) console.log('main');\n");

  it('isMain: true when run, by a relative path or through a symlink; false when imported', async () => {
    expect((await node([path.join('scripts', 'probe.mjs')], dir)).stdout).toBe('main\n');
    if (process.platform !== 'win32') {
      // (Windows lets only administrators make symlinks.)
      const link = path.join(work, 'probe link.mjs');
      fs.symlinkSync(probe, link);
      expect((await node([link], dir)).stdout).toBe('main\n');
    }
    const importer = path.join(dir, 'importer.mjs');
    fs.writeFileSync(importer, "import { main } from './scripts/probe.mjs';\nconsole.log(String(main));\n");
    expect((await node([importer], dir)).stdout).toBe('false\n');
  });

  it('names the command to ask for help with', async () => {
    const { helpHint } = await import('./is-main.mjs');
    expect(helpHint('Usage: npm run bench [-- OPTIONS]')).toBe('npm run bench -- --help prints the usage');
    expect(helpHint('Usage: npm start [-- OPTIONS]')).toBe('npm start -- --help prints the usage');
    expect(helpHint('Usage: npx tsx scripts/wizard-paths.ts')).toBe('npx tsx scripts/wizard-paths.ts --help prints the usage');
    expect(helpHint('Usage: node scripts/serve.mjs [--port N]')).toBe('node scripts/serve.mjs --help prints the usage');
  });

  it('a value that looks like an option is named, on one line', async () => {
    const r = await node([path.join(dir, 'scripts', 'bench.mjs'), '--runs', '--logs'], dir);
    expectRefused(r, /^Option '--runs' needs a value \(one that starts with '-' is written --runs=-…\)$/);
  });
});
