import type { ResolvedNode, ResolvedTree } from './types';

export interface Crumb {
  id: string;
  title: string;
  /** the answer given at this node (the label of the option taken), if any */
  answer?: string;
}

export interface Position {
  node: ResolvedNode;
  /** the valid prefix of the requested path: what the URL should say */
  path: string[];
  crumbs: Crumb[];
}

/** "start,browser,leaf:x" → ids; junk in a hand-edited URL is dropped, never thrown. */
export function parsePath(param: string | null | undefined): string[] {
  if (!param) return [];
  return param.split(',').map((s) => s.trim()).filter((s) => /^[\w:.-]{1,120}$/.test(s)).slice(0, 50);
}

/**
 * Where a path leads. Each step must be an option of the node before it (or, after the paste
 * node, the node a diagnosis chose); the walk stops at the first step that is not.
 */
export function walk(t: ResolvedTree, requested: string[]): Position {
  const path = [t.start];
  const crumbs: Crumb[] = [];
  let node = t.nodes[t.start]!;
  for (const next of requested[0] === t.start ? requested.slice(1) : requested) {
    let label: string | undefined;
    if (node.kind === 'question') label = node.options.find((o) => o.next === next)?.label;
    else if (node.kind === 'paste') label = Object.values(t.entryNode).includes(next) ? 'Pasted an error' : undefined;
    if (label === undefined || !t.nodes[next]) break;
    crumbs.push({ id: node.id, title: node.title, answer: label });
    path.push(next);
    node = t.nodes[next]!;
  }
  return { node, path, crumbs };
}

/** The path a diagnosed entry opens: start → paste → its separating question or its leaf. */
export function pathForEntry(t: ResolvedTree, slug: string): string[] | undefined {
  const target = t.entryNode[slug];
  const paste = Object.values(t.nodes).find((n) => n.kind === 'paste');
  const startNode = t.nodes[t.start];
  if (!target || !paste || startNode?.kind !== 'question' || !startNode.options.some((o) => o.next === paste.id)) return undefined;
  return [t.start, paste.id, target];
}
