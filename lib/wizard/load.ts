import { tree } from '../../content/wizard/tree';
import type { Entry } from '../content/load';
import { CAUSES } from '../content/causes';
import { expandTree } from './expand';
import { validateWizard, type WizardReport } from './validate';
import type { ResolvedTree } from './types';

/** The wizard of this checkout, expanded against the knowledge base and validated. */
export function loadWizard(entries: Entry[]): { tree: ResolvedTree; report: WizardReport } {
  const resolved = expandTree(tree, entries);
  return { tree: resolved, report: validateWizard(resolved, entries, Object.keys(CAUSES)) };
}
