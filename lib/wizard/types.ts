import type { LeafCheck } from './check';

// The wizard's data model. The tree is content (content/wizard/tree.ts); the engine and the
// validator are pure functions over it and the knowledge base.

export interface Help {
  /** how to find the answer, in a sentence */
  text: string;
  /** the command to run (one per line, no trailing comments: it may be pasted anywhere) */
  command?: string;
  /** where to look when there is no command (a log, a browser page, a file) */
  where?: string;
}

export interface Option {
  label: string;
  next: string;
  /** what the help's command or place shows when this is the answer */
  shows?: string;
}

export interface QuestionNode {
  kind: 'question';
  title: string;
  help?: Help;
  options: Option[];
  /** entries whose causes this question separates: a paste that finds one of them lands here */
  for?: string[];
}

/** "Which of these do you see?": options made from the entries' own symptoms at that vantage point. */
export interface SymptomsNode {
  kind: 'symptoms';
  title: string;
  where: 'server-log' | 'startup' | 'browser' | 'client' | 'proxy';
  help?: Help;
}

/** Paste an error: the diagnosis engine picks where to go. */
export interface PasteNode {
  kind: 'paste';
  title: string;
}

export interface LeafNode {
  kind: 'leaf';
  entry: string;
  cause: string;
  /** the cause in a sentence */
  answer: string;
  /** a version-aware snippet from lib/wizard/config.ts; else the entry's own fix is shown */
  snippet?: string;
  /** how to prove the fix worked; else the entry's own "Check that it worked" */
  check?: LeafCheck;
  /** still failing? the node of the next most likely cause */
  next?: string;
}

export type Node = QuestionNode | SymptomsNode | PasteNode | LeafNode;

export interface WizardTree {
  start: string;
  nodes: Record<string, Node>;
}

/** After expansion against the knowledge base: every node is a question, a paste or a leaf. */
export type ResolvedNode = (QuestionNode & { id: string }) | (PasteNode & { id: string }) | (LeafNode & { id: string; title: string; url: string; summary: string });
export type { LeafCheck };

export interface ResolvedTree {
  start: string;
  nodes: Record<string, ResolvedNode>;
  /** entry slug → the node a diagnosis of it should open (a separating question, else its leaf) */
  entryNode: Record<string, string>;
}
