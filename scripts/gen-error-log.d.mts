// Types of scripts/gen-error-log.mjs, for the TypeScript tests that import it.
export type Kind = 'typical' | 'varied' | 'hostile';
export interface Options {
  kind?: Kind;
  lines?: number;
  seed?: number;
}
export interface Args {
  kind: Kind;
  lines: number;
  seed: number;
  file: string | undefined;
  help: boolean;
}
export const KINDS: Kind[];
export const DEFAULTS: { kind: Kind; lines: number; seed: number };
export const HOSTILE_CODES: number;
export const HOSTILE_CODE_BASE: number;
export const HOSTILE_HUGE_LINES: number;
export const MIB: number;
export const USAGE: string;
export class UsageError extends Error {}
export function parseArgs(argv: string[]): Args;
/** Each line with its line end: a string, or a Buffer where it holds raw bytes. */
export function records(opts?: Options): Generator<string | Buffer>;
export function chunks(opts?: Options, size?: number): Generator<Buffer>;
