import { z } from 'zod';
import { CAUSES } from './causes';
import { ORIGINS } from './origins';

export const KINDS = ['faq', 'error', 'case'] as const;
export const CATEGORIES = [
  'module', 'configuration', 'certificates', 'protocol', 'clients', 'proxy', 'support',
] as const;
export const STATUSES = ['current', 'historical'] as const;
export const WHERE = ['server-log', 'startup', 'browser', 'client', 'proxy'] as const;

export const CATEGORY_LABELS: Record<(typeof CATEGORIES)[number], string> = {
  module: 'The module',
  configuration: 'Configuration',
  certificates: 'Keys and certificates',
  protocol: 'The TLS protocol',
  clients: 'Browsers and clients',
  proxy: 'Reverse proxies',
  support: 'Getting help',
};

export const WHERE_LABELS: Record<(typeof WHERE)[number], string> = {
  'server-log': 'in the server error log',
  startup: 'when httpd starts or reloads',
  browser: 'in a browser',
  client: 'in a command-line or API client',
  proxy: 'on a proxy in front of or behind httpd',
};

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug like "key-matches-certificate"');
const nonEmpty = z.string().trim().min(1, 'a non-empty string');
const causeSlugs = Object.keys(CAUSES) as [string, ...string[]];

// YAML turns 2026-11-23 into a Date; keep the plain YYYY-MM-DD text either way.
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
);

export const symptomSchema = z
  .object({
    where: z.enum(WHERE),
    codes: z.array(nonEmpty).optional(),
    match: nonEmpty.optional(),
    clients: z.array(nonEmpty).optional(),
    versions: nonEmpty.optional(),
    /**
     * Seen on connections that fail for any reason, or on none (a connection opened or closed):
     * weak evidence alone, so it never outweighs a line that names the reason.
     */
    generic: z.boolean().optional(),
    /** several entries list this text and this one should be read first (the usual cause) */
    primary: z.boolean().optional(),
  })
  .strict()
  .refine((s) => (s.codes?.length ?? 0) > 0 || s.match !== undefined, {
    message: 'at least one of "codes" or "match"',
  });

export const LOG_LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug', 'trace1', 'trace2', 'trace3', 'trace4', 'trace5', 'trace6', 'trace7', 'trace8'] as const;
/** Levels a default `LogLevel warn` shows. */
export const WARN_OR_ABOVE: readonly string[] = ['emerg', 'alert', 'crit', 'error', 'warn'];

/** One AH code this entry explains: its level and what it means, written by hand. */
export const logCodeSchema = z
  .object({
    code: z.string().regex(/^AH\d{5}$/, 'an httpd log code like "AH02039"'),
    level: z.enum(LOG_LEVELS),
    meaning: nonEmpty.max(240, 'at most 240 characters: one line'),
    /** other wordings of the message in other releases, matched like a symptom's `match` */
    wording: z.array(nonEmpty).optional(),
    /** logged whatever the reason (like a symptom's `generic`): weak evidence alone */
    generic: z.boolean().optional(),
  })
  .strict();

export const frontmatterSchema = z
  .object({
    title: nonEmpty,
    kind: z.enum(KINDS),
    category: z.enum(CATEGORIES),
    origin: z.enum(ORIGINS).optional(),
    status: z.enum(STATUSES),
    summary: nonEmpty.max(300, 'at most 300 characters'),
    updated: isoDate,
    causes: z.array(z.enum(causeSlugs, { message: `a cause slug from lib/content/causes.ts` })).default([]),
    symptoms: z.array(symptomSchema).default([]),
    directives: z.array(z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'an httpd directive name like "SSLVerifyClient"')).default([]),
    applies: z
      .object({ httpd: nonEmpty.optional(), openssl: nonEmpty.optional(), tls: nonEmpty.optional() })
      .strict()
      .optional(),
    related: z.array(slug).default([]),
    logCodes: z.array(logCodeSchema).default([]),
    /**
     * AH codes one connection logs in this order when this problem happens (e.g. a refused
     * renegotiation); the diagnosis tells the story when a log shows three or more of them.
     */
    sequence: z.array(z.string().regex(/^AH\d{5}$/, 'an httpd log code like "AH02261"')).min(3, 'at least three codes: a story').optional(),
  })
  .strict()
  .superRefine((fm, ctx) => {
    if (fm.sequence) {
      const own = new Set([...fm.symptoms.flatMap((s) => s.codes ?? []), ...fm.logCodes.map((l) => l.code)]);
      fm.sequence.forEach((c, i) => {
        if (!own.has(c)) ctx.addIssue({ code: 'custom', path: ['sequence', i], message: `${c} is not among this entry's symptom codes or logCodes` });
        if (fm.sequence!.indexOf(c) !== i) ctx.addIssue({ code: 'custom', path: ['sequence', i], message: `${c} is listed twice` });
      });
    }
    // A failure without causes or symptoms cannot be found by the diagnosis engine.
    if (fm.kind !== 'faq') {
      if (fm.causes.length === 0)
        ctx.addIssue({ code: 'custom', path: ['causes'], message: `at least one cause for kind "${fm.kind}"` });
      if (fm.symptoms.length === 0)
        ctx.addIssue({ code: 'custom', path: ['symptoms'], message: `at least one symptom for kind "${fm.kind}"` });
    }
  });

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Symptom = z.infer<typeof symptomSchema>;
export type LogCode = z.infer<typeof logCodeSchema>;
export type Kind = Frontmatter['kind'];
export type Category = Frontmatter['category'];
