// The page's one way into the diagnosis engine, for the paste view and the wizard alike: a Web
// Worker on this origin (the text never leaves the tab), only the latest run kept, a run still
// going for an older text stopped rather than waited for.
import type { Diagnosis } from '@/lib/diagnose/types';
import type { ConfigReport } from '@/lib/config/check';
import type { Versions } from '@/lib/config/model';
import type { WorkerRequest, WorkerResponse } from '@/lib/diagnose/worker-protocol';
import { kbIndexUrl, loadKbIndex } from './load-index';

/** The promise of a run overtaken by a newer one rejects with this. */
export class Superseded extends Error {
  constructor() {
    super('a newer text replaced this one');
  }
}

type Pending = { id: number; resolve: (r: Diagnosis | ConfigReport) => void; reject: (e: Error) => void };

export class DiagnosisClient {
  private worker: Worker | null = null;
  private pending: Pending | undefined;
  private nextId = 0;

  /** Built by scripts/build-worker.mjs into public/workers/, same origin. */
  private start(): Worker | null {
    try {
      const w = new Worker(`${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/workers/diagnose.js`);
      w.onmessage = (ev: MessageEvent<WorkerResponse>) => {
        const p = this.pending;
        if (!p || ev.data.id !== p.id) return; // an older text's answer
        this.pending = undefined;
        if ('result' in ev.data) p.resolve(ev.data.result);
        else if ('config' in ev.data) p.resolve(ev.data.config);
        else p.reject(new Error(ev.data.error));
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        const p = this.pending;
        this.pending = undefined;
        this.worker?.terminate();
        this.worker = null;
        p?.reject(new Error(ev.message || 'the diagnosis worker failed'));
      };
      w.postMessage({ type: 'init', url: kbIndexUrl() } satisfies WorkerRequest);
      return w;
    } catch {
      return null;
    }
  }

  /** Starts the worker ahead of the first text, so that the index is loaded by then. */
  warm(): void {
    this.worker ??= this.start();
  }

  run(text: string): Promise<Diagnosis> {
    return this.send((id) => ({ type: 'run', id, text }), (id) => this.runHere(id, text)) as Promise<Diagnosis>;
  }

  /** The configuration check, in the same worker (the text stays in the tab). */
  checkConfig(text: string, versions?: Versions): Promise<ConfigReport> {
    return this.send((id) => ({ type: 'config', id, text, versions }), (id) => this.checkHere(id, text, versions)) as Promise<ConfigReport>;
  }

  private send(message: (id: number) => WorkerRequest, here: (id: number) => Promise<Diagnosis | ConfigReport>): Promise<Diagnosis | ConfigReport> {
    const id = ++this.nextId;
    if (this.pending) {
      // A run still going belongs to an older text: stop it rather than compute it in full.
      this.pending.reject(new Superseded());
      this.pending = undefined;
      this.worker?.terminate();
      this.worker = null;
    }
    this.worker ??= this.start();
    const w = this.worker;
    if (!w) return here(id);
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      w.postMessage(message(id));
    });
  }

  private async checkHere(id: number, text: string, versions?: Versions): Promise<ConfigReport> {
    const [{ checkConfig }, { CONFIG_RULES }] = await Promise.all([import('@/lib/config/check'), import('@/content/config-rules')]);
    if (id !== this.nextId) throw new Superseded();
    return checkConfig(text, CONFIG_RULES, { versions });
  }

  /** No Worker (a very old browser, or one that forbids them): the same engine on this thread. */
  private async runHere(id: number, text: string): Promise<Diagnosis> {
    const [{ diagnose }, { forDisplay }, index] = await Promise.all([import('@/lib/diagnose/diagnose'), import('@/lib/diagnose/display'), loadKbIndex()]);
    if (id !== this.nextId) throw new Superseded();
    return forDisplay(diagnose(text, index));
  }

  /** Stops the run going, if any (the text was cleared, the page left). */
  cancel(): void {
    this.pending?.reject(new Superseded());
    this.pending = undefined;
    this.worker?.terminate();
    this.worker = null;
  }
}

let shared: DiagnosisClient | undefined;

/** One client per page: the paste view and the wizard share its worker. */
export function diagnosisClient(): DiagnosisClient {
  shared ??= new DiagnosisClient();
  return shared;
}
