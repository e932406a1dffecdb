import { z } from 'zod';
import type { Capture, LabRun, LabScenario } from './types';

// The lab's JSON is checked field by field so a bad capture stops the build with the file and
// the field, like a bad frontmatter does. Objects are strict: a field the site does not know
// is more likely a lab/ change types.ts has not caught up with than something to ignore.

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug like "key-matches-certificate"');
const nonEmpty = z.string().trim().min(1, 'a non-empty string');

export const CAPTURE_SOURCES = ['server-log', 'startup', 'curl', 'openssl-s_client', 'node', 'chromium'] as const;

export const captureSchema = z
  .object({
    source: z.enum(CAPTURE_SOURCES),
    command: nonEmpty,
    // May be empty: a client that printed nothing is a capture too (and then `uninformative`).
    text: z.string(),
    entry: slug.optional(),
    because: nonEmpty.optional(),
    uninformative: nonEmpty.optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    id: slug,
    title: nonEmpty,
    entry: slug,
    logLevel: nonEmpty,
    config: nonEmpty,
    captures: z.array(captureSchema),
    fix: z
      .object({
        description: nonEmpty,
        config: nonEmpty,
        from: z.enum(['entry-snippet', 'lab']),
        verified: z.boolean(),
        check: z.object({ command: nonEmpty, text: z.string() }).strict().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  // A capture that expects another entry than its scenario's says why: never a silent exception.
  .superRefine((sc, ctx) =>
    sc.captures.forEach((c, i) => {
      if (c.entry && c.entry !== sc.entry && !c.because)
        ctx.addIssue({ code: 'custom', path: ['captures', i, 'because'], message: `expects ${c.entry} instead of the scenario's ${sc.entry}: say why in "because"` });
    }),
  );

export const runSchema = z
  .object({
    environment: z
      .object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
        os: nonEmpty,
        httpd: nonEmpty,
        openssl: nonEmpty,
        curl: nonEmpty,
        node: nonEmpty,
        chromium: nonEmpty,
      })
      .strict(),
    scenarios: z.array(slug),
    snippets: z
      .object({
        checked: z.number().int().nonnegative(),
        failing: z.array(z.object({ entry: slug, line: z.number().int().positive(), error: nonEmpty }).strict()),
      })
      .strict(),
  })
  .strict();

// types.ts is the contract with lab/: if either side changes, tsc points here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameCapture: Same<z.infer<typeof captureSchema>, Capture> = true;
const sameScenario: Same<z.infer<typeof scenarioSchema>, LabScenario> = true;
const sameRun: Same<z.infer<typeof runSchema>, LabRun> = true;
void [sameCapture, sameScenario, sameRun];
