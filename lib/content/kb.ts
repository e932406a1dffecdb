import path from 'node:path';
import { loadEntries, type Entry } from './load';

// The knowledge base of this checkout, loaded once per process.
let entries: Entry[] | undefined;

// HANDSHAKE_ROOT lets the CLI find its knowledge base from any working directory.
export const CONTENT_ROOT = path.join(process.env.HANDSHAKE_ROOT || process.cwd(), 'content');

export function getEntries(): Entry[] {
  entries ??= loadEntries(CONTENT_ROOT, { requireAllOrigins: true });
  return entries;
}

export function getEntry(slug: string): Entry | undefined {
  return getEntries().find((e) => e.slug === slug);
}
