// What a lab scenario is: a configuration that fails, the real clients that meet it, and the fix.
import type { ClientCall, ClientContext } from './clients';
import type { ServerConfig } from './httpd';
import type { Pki } from './pki';

export interface Ctx {
  pki: Pki;
  ports: ClientContext['ports'] & { backend: number };
  dir: string;
}

/** What to expect of one client's capture, when it is not "rank the scenario's entry first". */
export interface CaptureExpectation {
  entry?: string;
  /** required with `entry`: why the text cannot point at the scenario's own entry */
  because?: string;
  uninformative?: string;
}

export interface Scenario {
  id: string;
  title: string;
  entry: string;
  /** the failing server; `logLevel` is the one the entry tells readers to set */
  server: (c: Ctx) => ServerConfig;
  /** the failure is at start-up: httpd must refuse to start */
  startFails?: boolean;
  /**
   * Keep warnings this machine logs at every start (AH01882, an OpenSSL older than the one mod_ssl
   * was built with). Other scenarios drop them: they belong to the machine, not the scenario.
   */
  machineNoise?: 'keep';
  /** only reproducible where start-up logged this (else the scenario is skipped, and says so) */
  onlyIf?: RegExp;
  /** keep what start-up logged (a warning at start) as a capture even when httpd starts */
  startupLog?: boolean;
  /** a second server the first one talks to (proxy backends) */
  backend?: (c: Ctx) => ServerConfig;
  /** files the scenario needs beside the PKI (an unreadable key, a pass-phrase program) */
  prepare?: (c: Ctx) => void;
  /** another program already holding a port (the port-in-use scenario) */
  occupy?: 'tls';
  clients: ClientCall[];
  /** per client kind (or "server-log" / "startup"): the entry expected instead, or why not ranked */
  expect?: Partial<Record<ClientCall['kind'] | 'server-log' | 'startup' | 'backend-log', CaptureExpectation>>;
  fix?: {
    description: string;
    /** entry-snippet: the entry's own fix snippet is applied to the failing configuration */
    from: 'entry-snippet' | 'lab';
    server?: (c: Ctx) => ServerConfig;
    /** the backend after the fix, when the fix is there */
    backend?: (c: Ctx) => ServerConfig;
    /** clients after the fix (default: the same clients); client-side fixes change these */
    clients?: ClientCall[];
    /**
     * A "check that it worked" command run after the fix: the entry's own (`entry: true`, adapted
     * to the lab) or one written here (shell, with {HOST} {PORT} {CA} {PKI} {LOG}); its output must
     * match `expect`.
     */
    check?: { command: string; expect: RegExp } | { entry: true; expect: RegExp };
  };
}
