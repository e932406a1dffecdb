// Types of scripts/is-main.mjs, for the TypeScript scripts that read their command line with it.
import type { ParseArgsConfig } from 'node:util';

type Option = NonNullable<ParseArgsConfig['options']>[string] & { check?: (value: string, flag: string) => unknown };
export type Options = Record<string, Option>;
export type Values = Record<string, string | boolean | number | string[] | boolean[] | undefined>;

export function isMain(moduleUrl: string): boolean;
export class UsageError extends Error {}
export function helpHint(usage: string): string;
export function usageError(usage: string, message: string): never;
export function wholeNumber(min: number, max?: number): (value: string, flag: string) => number;
export function parseCli(usage: string, options?: Options, config?: { positionals?: number; args?: string[] }): { values: Values; positionals: string[] };
export function siteCheckArgs(usage: string, options?: Options, positionals?: number): { dir: string; values: Values; positionals: string[] };
