// Validates and compiles every entry; the build runs this first so bad content stops it
// with the file, the field and what was expected. `--json` prints a summary object.
import path from 'node:path';
import { loadEntries } from '../lib/content/load';
import { compileMdx } from '../lib/content/mdx';
import { ContentError } from '../lib/content/problems';
import { CONTENT_ROOT } from '../lib/content/kb';
import { ORIGINS } from '../lib/content/origins';
import { WARN_OR_ABOVE } from '../lib/content/schema';
import { loadWizard } from '../lib/wizard/load';
import { SYSTEM_PROBLEMS, SYSTEMS } from '../lib/wizard/systems';
import { buildKbIndex } from '../lib/content/kb-index';
import { LAB_ROOT, loadLab } from '../lib/lab/load';
import { labMisses, labSummary } from '../lib/lab/summary';
import { parseCli } from './is-main.mjs';

const USAGE = `Usage: npm run check:content [-- OPTIONS]
Validates and compiles every entry, the wizard and its systems table; reports the real-httpd lab.
  --json         print a summary object
  --lab-misses   list every lab capture the engine ranks wrongly (not only five)
  --root DIR     check another content tree (tests use it)
  --help         this text`;

async function main() {
  const o = parseCli(USAGE, { json: { type: 'boolean' }, 'lab-misses': { type: 'boolean' }, root: { type: 'string' } }).values as { json?: boolean; 'lab-misses'?: boolean; root?: string };
  const json = Boolean(o.json);
  const started = Date.now();
  // --root DIR checks another content tree (the tests use it); the real one must answer every seed.
  const root = o.root ?? CONTENT_ROOT;
  const entries = loadEntries(root, { requireAllOrigins: root === CONTENT_ROOT });
  const failures: string[] = [];
  for (const e of entries) {
    await compileMdx(e.body, e.file).catch((err: Error) => failures.push(err.message));
  }
  if (failures.length) throw new Error(failures.join('\n'));
  // The wizard of the real knowledge base must be whole: a broken tree stops the build too.
  const wizard = root === CONTENT_ROOT ? loadWizard(entries).report : undefined;
  if (wizard?.problems.length) throw new Error(`the wizard tree (content/wizard/tree.ts) is broken:\n  ${wizard.problems.join('\n  ')}`);
  if (root === CONTENT_ROOT && SYSTEM_PROBLEMS.length) throw new Error(SYSTEM_PROBLEMS.join('\n'));
  // The real-httpd lab's captures (content/lab/, absent until `npm run lab` ran): a bad file or an
  // entry slug that no longer exists stops the build; captures the engine ranks wrongly are reported.
  const lab = loadLab(root === CONTENT_ROOT ? LAB_ROOT : path.join(root, 'lab'));
  const index = buildKbIndex(entries);
  const labFigures = labSummary(lab, index, entries.map((e) => e.slug));
  const count = (f: (e: (typeof entries)[number]) => boolean) => entries.filter(f).length;
  const summary = {
    entries: entries.length,
    kinds: { faq: count((e) => e.kind === 'faq'), error: count((e) => e.kind === 'error'), case: count((e) => e.kind === 'case') },
    status: { current: count((e) => e.status === 'current'), historical: count((e) => e.status === 'historical') },
    origins: { answered: count((e) => e.origin !== undefined), total: ORIGINS.length },
    symptoms: entries.reduce((n, e) => n + e.symptoms.length, 0),
    ...(wizard && {
      wizard: { systems: SYSTEMS.length, nodes: wizard.nodes, leaves: wizard.leaves, unreachable: wizard.unreachable.length, entriesReachable: wizard.entriesReachable, entriesTotal: wizard.entriesTotal, maxOptions: wizard.maxOptions, repeatedLabels: wizard.repeatedLabels, maxDepth: wizard.maxDepth, leavesWithoutCheck: wizard.leavesWithoutCheck },
    }),
    // AH codes with a meaning written by hand (logCodes), and those a default LogLevel shows.
    codes: {
      ah: entries.reduce((n, e) => n + e.logCodes.length, 0),
      ahWarnOrAbove: entries.reduce((n, e) => n + e.logCodes.filter((c) => WARN_OR_ABOVE.includes(c.level)).length, 0),
    },
    lab: labFigures,
  };
  if (json) console.log(JSON.stringify(summary));
  else {
    console.log(`content ok: ${summary.entries} entries (${summary.origins.answered}/${summary.origins.total} seed questions answered, ${summary.symptoms} symptoms) in ${Date.now() - started} ms`);
    const l = labFigures;
    console.log(
      lab.run
        ? `lab (${lab.run.environment.date}): ${l.scenarios} scenarios reproduce ${l.entriesReproduced} entries; ${l.capturesDiagnosedFirst}/${l.captures} captures diagnosed first; ${l.fixesVerified} fixes verified; ${l.snippetsChecked} snippets checked, ${l.snippetsFailing} failing`
        : `lab: no captures (${path.join(lab.dir, 'lab.json')} absent; \`npm run lab\` writes it)`,
    );
    // Not fatal: a miss is work for the knowledge base or the engine, not broken content.
    // The build log shows a few; --lab-misses lists them all.
    const misses = labMisses(lab, index);
    const shown = o['lab-misses'] ? misses : misses.slice(0, 5);
    for (const m of shown)
      console.log(`  lab miss: ${m.file}: captures[${m.capture}] (${m.source}): expected ${m.expected} first, got ${m.got ?? 'no finding'}`);
    if (shown.length < misses.length) console.log(`  … and ${misses.length - shown.length} more lab misses: npm run check:content -- --lab-misses`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ContentError ? err.message : `content check failed: ${(err as Error).message}`);
  process.exit(1);
});
