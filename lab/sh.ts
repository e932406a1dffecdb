// Running the lab's real programs: every call has a timeout, so a stuck client never hangs the lab.
import { spawn, spawnSync } from 'node:child_process';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as a terminal would show them (stderr after stdout) */
  out: string;
  timedOut: boolean;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

export function runSync(cmd: string, args: string[], opts: RunOptions = {}): Ran {
  const r = spawnSync(cmd, args, {
    input: opts.input,
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    timeout: opts.timeoutMs ?? 20_000,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  return { code: r.status, stdout, stderr, out: stdout + stderr, timedOut: r.error?.message.includes('ETIMEDOUT') ?? false };
}

/** Async variant: lets a client run while the lab reads the server's log. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 15_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: stderr + String(e.message), out: stdout + stderr + e.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, out: stdout + stderr, timedOut });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

export function must(r: Ran, what: string): Ran {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.out}`);
  return r;
}
