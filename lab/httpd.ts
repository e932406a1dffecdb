// One real httpd (Debian's apache2) as a child process of the lab: its own ServerRoot, PidFile and
// ErrorLog in a temporary folder, loopback ports picked free, stopped by its own pid. It never
// reads /etc/apache2 and never touches another httpd.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { runSync, type Ran } from './sh';

export const APACHE2 = process.env.LAB_APACHE2 ?? '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

/** Modules every lab server loads (mod_ssl only when the scenario wants it). */
const BASE_MODULES = ['mpm_event', 'authz_core', 'authz_host', 'mime', 'dir', 'alias', 'headers', 'rewrite', 'setenvif', 'env'];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect({ host: '127.0.0.1', port });
    c.once('connect', () => (c.destroy(), resolve(true)));
    c.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** As root, httpd runs as nobody so that file permissions mean what they mean on a real server. */
function asServerUser(args: string[]): [string, string[]] {
  if (process.getuid?.() === 0) return ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', APACHE2, ...args]];
  return [APACHE2, args];
}

export interface ServerConfig {
  /** LogLevel line value, e.g. "warn ssl:info" */
  logLevel: string;
  /** load mod_ssl (default true) */
  ssl?: boolean;
  modules?: string[];
  /** server-level directives and vhosts */
  body: string;
}

export class Httpd {
  readonly dir: string;
  readonly conf: string;
  readonly errorLog: string;
  private child: ChildProcess | null = null;
  private childOut = '';
  private logMark = 0;

  constructor(dir: string) {
    this.dir = dir;
    fs.mkdirSync(path.join(dir, 'htdocs', 'secure'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'htdocs', 'index.html'), '<!doctype html><title>lab</title><p>it works</p>\n');
    fs.writeFileSync(path.join(dir, 'htdocs', 'secure', 'index.html'), '<!doctype html><title>secure</title><p>secret</p>\n');
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(path.join(dir, 'logs'), 0o777);
    this.conf = path.join(dir, 'httpd.conf');
    this.errorLog = path.join(dir, 'logs', 'error.log');
  }

  write(c: ServerConfig): string {
    const mods = [...BASE_MODULES, ...(c.ssl === false ? [] : ['socache_shmcb', 'ssl']), ...(c.modules ?? [])];
    const text = [
      `ServerRoot "${this.dir}"`,
      `PidFile "${this.dir}/logs/httpd.pid"`,
      `ErrorLog "${this.errorLog}"`,
      `DefaultRuntimeDir "${this.dir}/logs"`,
      `Mutex file:${this.dir}/logs default`,
      `LogLevel ${c.logLevel}`,
      'ServerName localhost',
      `DocumentRoot "${this.dir}/htdocs"`,
      ...[...new Set(mods)].map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
      // One small child keeps pids stable and start-up fast on two cores.
      'StartServers 1', 'ServerLimit 1', 'ThreadsPerChild 8', 'MaxRequestWorkers 8', 'MinSpareThreads 1', 'MaxSpareThreads 8', 'ThreadLimit 8',
      'TypesConfig /dev/null',
      `<Directory "${this.dir}/htdocs">`, '  Require all granted', '</Directory>',
      c.body,
      '',
    ].join('\n');
    fs.writeFileSync(this.conf, text);
    return text;
  }

  /** `apache2 -t` on the written configuration. */
  test(): Ran {
    const [cmd, args] = asServerUser(['-t', '-f', this.conf]);
    return runSync(cmd, args, { timeoutMs: 20_000 });
  }

  /** Start in the foreground as our child; resolves when every port answers, or with the failure. */
  async start(ports: number[]): Promise<{ ok: boolean; out: string }> {
    if (this.child) throw new Error('httpd already running');
    this.logMark = fs.existsSync(this.errorLog) ? fs.statSync(this.errorLog).size : 0;
    const [cmd, args] = asServerUser(['-f', this.conf, '-DFOREGROUND']);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.childOut = '';
    child.stdout!.on('data', (d: Buffer) => (this.childOut += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.childOut += d.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    for (let i = 0; i < 100; i++) {
      await sleep(50);
      if (exited) {
        this.child = null;
        return { ok: false, out: this.childOut };
      }
      const up = await Promise.all(ports.map(canConnect));
      if (up.every(Boolean) && fs.existsSync(path.join(this.dir, 'logs', 'httpd.pid'))) return { ok: true, out: this.childOut };
    }
    await this.stop();
    return { ok: false, out: `${this.childOut}\n(httpd did not answer on ${ports.join(', ')} within 5 s)` };
  }

  /** Stop by the pid we started (the PidFile names the same process). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) {
      this.child = null;
      return;
    }
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(t);
    this.child = null;
  }

  /** The error log written since the last start (or since the last call to markLog). */
  logSinceMark(): string {
    if (!fs.existsSync(this.errorLog)) return '';
    const buf = fs.readFileSync(this.errorLog);
    return buf.subarray(this.logMark).toString('utf8');
  }

  markLog(): void {
    this.logMark = fs.existsSync(this.errorLog) ? fs.statSync(this.errorLog).size : 0;
  }

  /** Wait until the error log stops growing: httpd writes some lines after the client has gone. */
  async settle(ms = 150): Promise<void> {
    let size = -1;
    for (let i = 0; i < 20; i++) {
      const now = fs.existsSync(this.errorLog) ? fs.statSync(this.errorLog).size : 0;
      if (now === size) return;
      size = now;
      await sleep(ms);
    }
  }
}
