// The systems the wizard can start from (content/wizard/systems.json): which httpd and OpenSSL a
// system packages, where its TLS configuration goes, its logs and its test and reload commands.
// Validated like the entries: a wrong field stops the build with the system and the field named.
import { z } from 'zod';
import data from '../../content/wizard/systems.json';
import { HTTPD_VERSIONS, OPENSSL_VERSIONS } from './config';

const SystemSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9.-]{2,40}$/, 'lower-case letters, digits, dots and dashes'),
    label: z.string().min(3).max(80),
    httpd: z.string().refine((v) => HTTPD_VERSIONS.includes(v), 'a version the snippets know (lib/wizard/config.ts HTTPD_VERSIONS)').nullable(),
    openssl: z.string().refine((v) => OPENSSL_VERSIONS.includes(v), 'an OpenSSL series the snippets know (OPENSSL_VERSIONS)').nullable(),
    packaged: z.object({ httpd: z.string(), openssl: z.string() }),
    sslConfig: z.string().min(3),
    enable: z.string().min(3).optional(),
    errorLog: z.string().min(3),
    sslErrorLog: z.string().min(3).optional(),
    configTest: z.string().min(3),
    reload: z.string().min(3),
    sources: z.array(z.string().min(8)).min(1, 'at least one source'),
    checked: z.string().min(10),
    unverified: z.array(z.enum(['httpd', 'openssl', 'sslConfig', 'errorLog', 'reload', 'configTest'])),
  })
  .strict();

export type System = z.infer<typeof SystemSchema>;
/** What the wizard page needs of a system (its sources stay in the build). */
export type SystemView = Omit<System, 'sources' | 'checked' | 'packaged' | 'unverified'>;

/** Problems of the systems table, each naming the system and the field. */
export function checkSystems(raw: unknown): { systems: System[]; problems: string[] } {
  const problems: string[] = [];
  const list = (raw as { systems?: unknown })?.systems;
  if (!Array.isArray(list)) return { systems: [], problems: ['content/wizard/systems.json: expected {"systems": [...]}'] };
  const systems: System[] = [];
  const ids = new Set<string>();
  list.forEach((s, i) => {
    const r = SystemSchema.safeParse(s);
    const name = (s as { id?: string })?.id ?? `#${i}`;
    if (!r.success) for (const issue of r.error.issues) problems.push(`content/wizard/systems.json: system "${name}": ${issue.path.join('.') || '(whole)'}: ${issue.message}`);
    else if (ids.has(r.data.id)) problems.push(`content/wizard/systems.json: system "${name}" listed twice`);
    else {
      ids.add(r.data.id);
      systems.push(r.data);
    }
  });
  return { systems, problems };
}

export const { systems: SYSTEMS, problems: SYSTEM_PROBLEMS } = checkSystems(data);

export function systemById(id: string | null | undefined): System | undefined {
  return id ? SYSTEMS.find((s) => s.id === id) : undefined;
}
