// Lab captures are committed: take out what changes on every run (temporary paths, ports, times,
// pids) so that a rerun changes only what the server or a client really prints differently.

export interface NormaliseMap {
  /** [from, to] literal replacements (temporary folders) */
  paths: [string, string][];
  /** [port picked at run time, stable port shown] */
  ports: [number, number][];
}

const LOG_TIME = /\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{2}:\d{2}:\d{2}\.\d{6} \d{4}\]/g;

export class Normaliser {
  private pids = new Map<string, string>();
  private clientPorts = new Map<string, string>();
  private children = new Map<string, string>();
  private tick = 0;
  constructor(private readonly map: NormaliseMap) {}

  text(s: string): string {
    let out = s;
    for (const [from, to] of this.map.paths) out = out.split(from).join(to);
    for (const [from, to] of this.map.ports) out = out.replace(new RegExp(`(?<![\\d.])${from}(?!\\d)`, 'g'), String(to));
    // One fixed day; each log line one microsecond later, so order survives.
    out = out.replace(LOG_TIME, () => `[Fri Dec 04 10:00:00.${String(++this.tick).padStart(6, '0')} 2026]`);
    out = out.replace(/\[pid (\d+)(?::tid (\d+))?\]/g, (_m, pid: string, tid?: string) => {
      const p = this.id(this.pids, `p${pid}`, 4000);
      return tid ? `[pid ${p}:tid ${this.id(this.pids, `t${tid}`, 140000)}]` : `[pid ${p}]`;
    });
    // OpenSSL's error lines start with the thread's id; mod_ssl numbers connections per child.
    out = out.replace(/\b[0-9A-F]{12,16}(?=:error:[0-9A-F]{8}:)/g, '40A7C1E2B37F0000');
    out = out.replace(/Connection (to|closed to) child (\d+)/g, (_m, w: string, n: string) => `Connection ${w} child ${this.id(this.children, n, 0)}`);
    // HTTP answers carry the time they were made.
    out = out.replace(/^(Date|Last-Modified|date|last-modified): .*GMT\r?$/gm, '$1: Fri, 04 Dec 2026 10:00:00 GMT');
    out = out.replace(/^(ETag|etag): .*$/gm, '$1: W/"31-5f0c6a1b2c3d4"');
    // Client source ports change every connection; keep them apart but stable.
    out = out.replace(/\b(client|remote) 127\.0\.0\.1:(\d+)/g, (m, who: string, port: string) =>
      Number(port) < 10_000 ? m : `${who} 127.0.0.1:${this.id(this.clientPorts, port, 50000)}`,
    );
    return out;
  }

  private id(m: Map<string, string>, key: string, base: number): string {
    let v = m.get(key);
    if (!v) m.set(key, (v = String(base + m.size)));
    return v;
  }
}
