// Whether a regular expression can backtrack catastrophically, the same answer on every run:
// recheck's automaton checker is exact and deterministic; its fuzzer (only for what the automaton
// cannot model: lookbehind, backreferences) is random and timed, so it gets a fixed seed. A
// fuzzer run without one returned "vulnerable" or "unknown" for the same pattern on different runs.
import { checkSync, type Diagnostics } from 'recheck';

export function regexVerdict(source: string, flags: string): Diagnostics {
  const f = flags.replace(/[gy]/g, '');
  const d = checkSync(source, f, { checker: 'automaton', timeout: 60_000 });
  return d.status === 'unknown' ? checkSync(source, f, { checker: 'fuzz', timeout: 60_000, randomSeed: 8051 }) : d;
}
