// The real-httpd lab's captures, as committed under content/lab/ by `npm run lab`.
// Pure data: the site, the tests and check:content read it; only lab/ writes it.

/** Where a capture came from: the server's own log, or a real client's output. */
export type CaptureSource =
  | 'server-log' // the ErrorLog while the clients ran (after start-up)
  | 'startup' // what `apache2 -k start` / `apache2 -t` printed, plus the ErrorLog of a failed start
  | 'curl'
  | 'openssl-s_client'
  | 'node'
  | 'chromium';

export interface Capture {
  source: CaptureSource;
  /** the command or call that produced it, with lab paths and ports normalised */
  command: string;
  /** what it printed, normalised (times, pids, ports, temporary paths) */
  text: string;
  /** the entry the engine must rank first on this capture (defaults to the scenario's entry) */
  entry?: string;
  /** why this capture's first entry differs from the scenario's: the text cannot tell them apart */
  because?: string;
  /**
   * Set when the text is what a working server prints, or otherwise says nothing about the failure
   * (e.g. a client that reports only "connection closed"): the engine is not asked to rank it.
   */
  uninformative?: string;
}

export interface LabScenario {
  /** kebab-case id, also the file name content/lab/<id>.json */
  id: string;
  title: string;
  /** the entry this scenario reproduces */
  entry: string;
  /** LogLevel the server ran with (the one the entry tells readers to set) */
  logLevel: string;
  /** the configuration that fails (the vhost part, normalised) */
  config: string;
  captures: Capture[];
  fix?: {
    /** what was changed, in words */
    description: string;
    /** the configuration after the fix (normalised), or the client command that works */
    config: string;
    /** where the fix came from: the entry's own fix snippet, or a change written for the lab */
    from: 'entry-snippet' | 'lab';
    /** `apache2 -t` passed and, after a restart, the clients succeeded */
    verified: boolean;
    /** the entry's "check that it worked" command (normalised) and what it printed after the fix */
    check?: { command: string; text: string };
  };
}

export interface LabEnvironment {
  /** YYYY-MM-DD of the run */
  date: string;
  os: string;
  httpd: string; // "2.4.71"
  openssl: string; // "3.0.19"
  curl: string;
  node: string;
  chromium: string;
}

/** content/lab/lab.json: the environment plus the summary of checks that need a real server. */
export interface LabRun {
  environment: LabEnvironment;
  scenarios: string[];
  /** snippets of the knowledge base marked for httpd 2.4 that were run through `apache2 -t` */
  snippets: { checked: number; failing: { entry: string; line: number; error: string }[] };
}
