import type { ResolvedTree } from './types';
import type { WizardEntry } from './expand';
import { SNIPPETS } from './config';

export interface WizardReport {
  nodes: number;
  leaves: number;
  unreachable: string[];
  entriesReachable: number;
  entriesTotal: number;
  /** the most answers any one step offers (at most MAX_OPTIONS) */
  maxOptions: number;
  /** steps where two answers share a label */
  repeatedLabels: number;
  /** the most answers from the start to a leaf */
  maxDepth: number;
  leavesWithoutCheck: number;
  problems: string[];
}

/** One question per step, and few enough answers to read at a glance. */
export const MAX_OPTIONS = 7;
/** Every entry within this many answers of the start. */
export const MAX_DEPTH = 6;

/**
 * Every node reachable from the start, every option leading to a node, every leaf on an existing
 * entry with a known cause and snippet, every error/case entry reachable, no cycles.
 */
export function validateWizard(t: ResolvedTree, entries: WizardEntry[], causes: readonly string[]): WizardReport {
  const problems: string[] = [];
  const slugs = new Set(entries.map((e) => e.slug));
  if (!t.nodes[t.start]) problems.push(`start node "${t.start}" does not exist`);

  let maxOptions = 0;
  let repeatedLabels = 0;
  let leavesWithoutCheck = 0;
  for (const n of Object.values(t.nodes)) {
    if (n.kind === 'question') {
      if (!n.options.length) problems.push(`question "${n.id}" has no options`);
      maxOptions = Math.max(maxOptions, n.options.length);
      if (n.options.length > MAX_OPTIONS) problems.push(`question "${n.id}" offers ${n.options.length} answers (at most ${MAX_OPTIONS}): ask a question that splits them`);
      const labels = n.options.map((o) => o.label.toLowerCase());
      if (new Set(labels).size < labels.length) {
        repeatedLabels++;
        problems.push(`question "${n.id}": two answers share a label`);
      }
      if (n.help?.command && /\s#\s/.test(n.help.command)) problems.push(`question "${n.id}": its command has a trailing comment, which breaks when pasted into a configuration`);
      for (const o of n.options) if (!t.nodes[o.next]) problems.push(`question "${n.id}": option "${o.label}" leads to unknown node "${o.next}"`);
      for (const s of n.for ?? []) if (!slugs.has(s)) problems.push(`question "${n.id}": "for" names unknown entry "${s}"`);
    }
    if (n.kind === 'leaf') {
      if (!slugs.has(n.entry)) problems.push(`leaf "${n.id}": unknown entry "${n.entry}"`);
      if (!causes.includes(n.cause)) problems.push(`leaf "${n.id}": unknown cause "${n.cause}"`);
      if (n.snippet && !SNIPPETS[n.snippet]) problems.push(`leaf "${n.id}": unknown snippet "${n.snippet}"`);
      if (!n.check) {
        leavesWithoutCheck++;
        problems.push(`leaf "${n.id}": no way to check the fix (give it a check, or give entry "${n.entry}" a "## Check that it worked" with a command)`);
      }
      if (n.next && !t.nodes[n.next]) problems.push(`leaf "${n.id}": "still failing" leads to unknown node "${n.next}"`);
    }
  }

  // Reachability and cycles in one depth-first walk (grey = on the current path). The paste
  // shortcut does not count: the tree must lead to every answer by questions alone.
  const colour = new Map<string, 'grey' | 'black'>();
  const visit = (id: string, path: string[]) => {
    const c = colour.get(id);
    if (c === 'grey') return problems.push(`cycle: ${[...path, id].join(' → ')}`);
    if (c === 'black' || !t.nodes[id]) return;
    colour.set(id, 'grey');
    const n = t.nodes[id]!;
    if (n.kind === 'question') for (const o of n.options) visit(o.next, [...path, id]);
    colour.set(id, 'black');
  };
  visit(t.start, []);
  const unreachable = Object.keys(t.nodes).filter((id) => !colour.has(id));
  for (const id of unreachable) problems.push(`node "${id}" cannot be reached from "${t.start}"`);

  // Depth: the fewest answers to each node from the start (breadth first), the largest of them.
  const depth = new Map<string, number>([[t.start, 0]]);
  const queue = [t.start];
  while (queue.length) {
    const id = queue.shift()!;
    const n = t.nodes[id];
    if (n?.kind !== 'question') continue;
    for (const o of n.options) if (!depth.has(o.next) && t.nodes[o.next]) {
      depth.set(o.next, depth.get(id)! + 1);
      queue.push(o.next);
    }
  }
  const leafDepths = [...depth.entries()].filter(([id]) => t.nodes[id]?.kind === 'leaf').map(([, d]) => d);
  const maxDepth = Math.max(0, ...leafDepths);
  for (const [id, d] of depth) if (d > MAX_DEPTH && t.nodes[id]?.kind === 'leaf') problems.push(`leaf "${id}" is ${d} answers from the start (at most ${MAX_DEPTH})`);

  const reachedEntries = new Set(Object.values(t.nodes).filter((n) => n.kind === 'leaf' && colour.has(n.id)).map((n) => (n as { entry: string }).entry));
  const failures = entries.filter((e) => e.kind !== 'faq');
  for (const e of failures) if (!reachedEntries.has(e.slug)) problems.push(`entry "${e.slug}" (kind ${e.kind}) has no reachable leaf`);

  return {
    nodes: Object.keys(t.nodes).length,
    leaves: Object.values(t.nodes).filter((n) => n.kind === 'leaf').length,
    unreachable,
    entriesReachable: failures.filter((e) => reachedEntries.has(e.slug)).length,
    entriesTotal: failures.length,
    maxOptions,
    repeatedLabels,
    maxDepth,
    leavesWithoutCheck,
    problems,
  };
}
