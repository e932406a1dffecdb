/**
 * Aho-Corasick: finds every occurrence of many patterns in one pass over a line, so matching a
 * pasted line against a thousand symptom texts costs the length of the line, not a thousand scans.
 */
export interface Automaton {
  next: Map<string, number>[];
  fail: number[];
  /** pattern indexes that end at this node (its own and, through fail links, shorter ones) */
  out: number[][];
  lengths: number[];
}

export function buildAutomaton(patterns: string[]): Automaton {
  const next: Map<string, number>[] = [new Map()];
  const out: number[][] = [[]];
  patterns.forEach((p, i) => {
    let s = 0;
    for (const ch of p) {
      let t = next[s]!.get(ch);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        out.push([]);
        next[s]!.set(ch, t);
      }
      s = t;
    }
    out[s]!.push(i);
  });
  const fail = new Array<number>(next.length).fill(0);
  const queue: number[] = [...next[0]!.values()];
  while (queue.length) {
    const s = queue.shift()!;
    for (const [ch, t] of next[s]!) {
      queue.push(t);
      let f = fail[s]!;
      while (f && !next[f]!.has(ch)) f = fail[f]!;
      const g = next[f]!.get(ch);
      fail[t] = g !== undefined && g !== t ? g : 0;
      out[t] = [...out[t]!, ...out[fail[t]!]!];
    }
  }
  return { next, fail, out, lengths: patterns.map((p) => [...p].length) };
}

/** Every (pattern, start index in code units) found in text. */
export function findAll(a: Automaton, text: string): { pattern: number; start: number }[] {
  const found: { pattern: number; start: number }[] = [];
  let s = 0;
  let i = 0;
  for (const ch of text) {
    while (s && !a.next[s]!.has(ch)) s = a.fail[s]!;
    s = a.next[s]!.get(ch) ?? 0;
    i += ch.length;
    for (const p of a.out[s]!) found.push({ pattern: p, start: i - a.lengths[p]! });
  }
  return found;
}
