import type { LeafNode, ResolvedNode, ResolvedTree, WizardTree } from './types';
import { entryCheck } from './check';
import type { BodyDoc } from '../content/body';

/** What the wizard needs of an entry (a subset of lib/content Entry, so tests can use fixtures). */
export interface WizardEntry {
  slug: string;
  title: string;
  url: string;
  summary: string;
  kind: string;
  causes: string[];
  symptoms: { where: string; codes?: string[]; match?: string }[];
  /** the entry's parsed body, for its "Check that it worked" */
  doc?: BodyDoc;
}

/** The label an entry gets in a "which of these do you see?" list: its most telling text. */
function symptomLabel(e: WizardEntry, where: string): string {
  const s = e.symptoms.find((x) => x.where === where)!;
  const seen = s.codes?.length ? s.codes.slice(0, 2).join(' / ') : s.match!;
  return `${seen.length > 90 ? `${seen.slice(0, 90)}…` : seen} — ${e.title}`;
}

export const leafId = (slug: string) => `leaf:${slug}`;

/**
 * Turns the tree into plain questions and leaves: symptom nodes become questions listing the
 * entries with a symptom at that vantage point; every error and case entry without a hand-written
 * leaf gets one made from its own frontmatter (the knowledge base stays the single source).
 */
export function expandTree(tree: WizardTree, entries: WizardEntry[]): ResolvedTree {
  const bySlug = new Map(entries.map((e) => [e.slug, e]));
  const nodes: Record<string, ResolvedNode> = {};
  const failures = entries.filter((e) => e.kind !== 'faq');
  const handLeaf = new Map<string, string>();
  for (const [id, n] of Object.entries(tree.nodes)) if (n.kind === 'leaf') handLeaf.set(n.entry, id);

  const leafFor = (slug: string): string => handLeaf.get(slug) ?? leafId(slug);
  const resolveLeaf = (id: string, n: LeafNode): ResolvedNode => {
    const e = bySlug.get(n.entry);
    const check = n.check ?? (e?.doc ? entryCheck(e.doc) : undefined);
    return { ...n, ...(check && { check }), id, title: e?.title ?? n.entry, url: e?.url ?? '', summary: e?.summary ?? '' };
  };

  for (const [id, n] of Object.entries(tree.nodes)) {
    if (n.kind === 'symptoms') {
      const options = failures
        .filter((e) => e.symptoms.some((s) => s.where === n.where))
        .map((e) => ({ label: symptomLabel(e, n.where), next: questionFor(tree, e.slug) ?? leafFor(e.slug) }));
      nodes[id] = { kind: 'question', id, title: n.title, help: n.help, options };
    } else if (n.kind === 'leaf') nodes[id] = resolveLeaf(id, n);
    else nodes[id] = { ...n, id };
  }
  for (const e of failures) {
    if (handLeaf.has(e.slug)) continue;
    nodes[leafId(e.slug)] = resolveLeaf(leafId(e.slug), {
      kind: 'leaf', entry: e.slug, cause: e.causes[0] ?? '', answer: e.summary,
    });
  }
  const entryNode: Record<string, string> = {};
  for (const e of entries) entryNode[e.slug] = questionFor(tree, e.slug) ?? leafFor(e.slug);
  return { start: tree.start, nodes, entryNode };
}

/** The hand-written question that separates the causes of this entry, if any. */
function questionFor(tree: WizardTree, slug: string): string | undefined {
  for (const [id, n] of Object.entries(tree.nodes)) if (n.kind === 'question' && n.for?.includes(slug)) return id;
  return undefined;
}
