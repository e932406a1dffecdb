import type { ResolvedTree } from './types';
import type { WizardEntry } from './expand';
import { SNIPPETS } from './config';

export interface WizardReport {
  nodes: number;
  leaves: number;
  unreachable: string[];
  entriesReachable: number;
  entriesTotal: number;
  problems: string[];
}

/**
 * Every node reachable from the start, every option leading to a node, every leaf on an existing
 * entry with a known cause and snippet, every error/case entry reachable, no cycles.
 */
export function validateWizard(t: ResolvedTree, entries: WizardEntry[], causes: readonly string[]): WizardReport {
  const problems: string[] = [];
  const slugs = new Set(entries.map((e) => e.slug));
  if (!t.nodes[t.start]) problems.push(`start node "${t.start}" does not exist`);

  for (const n of Object.values(t.nodes)) {
    if (n.kind === 'question') {
      if (!n.options.length) problems.push(`question "${n.id}" has no options`);
      for (const o of n.options) if (!t.nodes[o.next]) problems.push(`question "${n.id}": option "${o.label}" leads to unknown node "${o.next}"`);
      for (const s of n.for ?? []) if (!slugs.has(s)) problems.push(`question "${n.id}": "for" names unknown entry "${s}"`);
    }
    if (n.kind === 'leaf') {
      if (!slugs.has(n.entry)) problems.push(`leaf "${n.id}": unknown entry "${n.entry}"`);
      if (!causes.includes(n.cause)) problems.push(`leaf "${n.id}": unknown cause "${n.cause}"`);
      if (n.snippet && !SNIPPETS[n.snippet]) problems.push(`leaf "${n.id}": unknown snippet "${n.snippet}"`);
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

  const reachedEntries = new Set(Object.values(t.nodes).filter((n) => n.kind === 'leaf' && colour.has(n.id)).map((n) => (n as { entry: string }).entry));
  const failures = entries.filter((e) => e.kind !== 'faq');
  for (const e of failures) if (!reachedEntries.has(e.slug)) problems.push(`entry "${e.slug}" (kind ${e.kind}) has no reachable leaf`);

  return {
    nodes: Object.keys(t.nodes).length,
    leaves: Object.values(t.nodes).filter((n) => n.kind === 'leaf').length,
    unreachable,
    entriesReachable: failures.filter((e) => reachedEntries.has(e.slug)).length,
    entriesTotal: failures.length,
    problems,
  };
}
