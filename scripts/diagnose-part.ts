// A reader thread of handshake-diagnose: one part of a large file (bytes [start, end), cut after a
// line end), through a session of its own; its data goes back to the CLI, which merges the parts
// in order (DiagnoseSession.absorb). Kept small: it is what each thread loads.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { DiagnoseSession, type SessionPart } from '../lib/diagnose/session';
import { createDecoder } from '../lib/diagnose/decode';
import { nodeUtf8 } from '../lib/diagnose/node-utf8';
import { LineSplitter } from '../lib/diagnose/splitter';
import type { KbIndex } from '../lib/diagnose/types';

export interface PartRequest {
  file: string;
  start: number;
  end: number;
  index: KbIndex;
}

export async function readPart({ file, start, end, index }: PartRequest): Promise<{ part: SessionPart; invalid: number }> {
  const session = new DiagnoseSession(index, { edges: true });
  const decoder = createDecoder('utf-8', nodeUtf8);
  const split = new LineSplitter((l) => session.add(l));
  for await (const bytes of fs.createReadStream(file, { start, end: end - 1, highWaterMark: 64 << 10 })) split.push(decoder.write(bytes as Buffer));
  split.push(decoder.end());
  split.end();
  return { part: session.part(), invalid: decoder.invalid };
}

if (parentPort && workerData?.handshakePart) {
  readPart(workerData.handshakePart as PartRequest).then(
    (r) => parentPort!.postMessage(r),
    (e: Error) => {
      throw e; // reaches the CLI as the worker's 'error'
    },
  );
}
