// The entries' own fixes, applied to a scenario: the first config snippet under "## Fix" and the
// first command under "## Check that it worked", with the entry's example names, paths and ports
// turned into the lab's. What passes here is what a reader would paste.
import { getEntries } from '../lib/content/kb';
import { fixSnippet } from '../lib/content/kb-index';
import { sectionRange } from '../lib/content/body';
import type { ServerConfig } from './httpd';
import { HOST } from './pki';
import type { Ctx } from './scenario';

function entry(slug: string) {
  const e = getEntries().find((x) => x.slug === slug);
  if (!e) throw new Error(`no entry ${slug}`);
  return e;
}

/** The entry's fix snippet, as written. */
export function entrySnippet(slug: string): { code: string; for?: string } {
  const f = fixSnippet(entry(slug).doc);
  if (!f) throw new Error(`${slug} has no config snippet under "## Fix"`);
  return f;
}

/** The entry's first shell command under "## Check that it worked", as written. */
export function entryCheck(slug: string): string {
  const e = entry(slug);
  const range = sectionRange(e.doc, /^Check that it worked/i);
  const fence = range && e.doc.fences.find((f) => f.lang === 'sh' && f.line > range.from && f.line < range.to);
  if (!fence) throw new Error(`${slug} has no sh command under "## Check that it worked"`);
  return fence.code.replace(/\\\n\s*/g, ' ').split('\n')[0]!.trim();
}

/** The example names an entry uses for its site. */
const SITE_NAMES = /\b(?:www|portal|secure|shop)\.example\.(?:com|org)\b|\bexample\.(?:com|org)\b/g;

/** Example paths to the lab's files, by what the path names. */
function labPath(p: string, c: Ctx): string {
  if (/client-ca|ca-bundle/.test(p)) return c.pki.clientCa;
  if (/\.key$|privkey/.test(p)) return c.pki.leaf.good!.key;
  if (/fullchain|chain|\.crt$|\.pem$|cert/.test(p)) return c.pki.files.fullchain!;
  return p;
}

export function adaptSnippet(code: string, c: Ctx): string {
  return code
    .replace(SITE_NAMES, (m) => (m.startsWith('example.') ? 'example.test' : HOST))
    .replace(/<VirtualHost \*:443>/g, `<VirtualHost *:${c.ports.tls}>`)
    .replace(/<VirtualHost \*:80>/g, `<VirtualHost *:${c.ports.plain}>`)
    .replace(/https:\/\/www\.example\.test\//g, `https://${HOST}:${c.ports.tls}/`)
    .replace(/(SSLCertificateFile|SSLCertificateKeyFile|SSLCACertificateFile)(\s+)"?([^"\s]+)"?/g, (_m, d: string, sp: string, p: string) => `${d}${sp}${labPath(p, c)}`)
    .replace(/<Location "\/admin">/g, '<Location "/secure/">');
}

/** Server-level only: these cannot go inside a VirtualHost. */
const GLOBAL_ONLY = /^\s*(?:SSLStaplingCache|SSLSessionCache|SSLPassPhraseDialog|SSLRandomSeed|Listen|LoadModule|Mutex)\b/;

/**
 * Apply a snippet to a scenario's configuration: its VirtualHost blocks replace the lab's for the
 * same port; bare directives replace the TLS vhost's lines of the same name or, when they are
 * server-level only, go before the vhosts.
 */
export function applySnippet(base: ServerConfig, snippet: string, c: Ctx): ServerConfig {
  const vhost = (port: number) => new RegExp(`<VirtualHost \\*:${port}>[\\s\\S]*?</VirtualHost>`);
  let body = base.body;
  const blocks = snippet.match(/<VirtualHost \*:\d+>[\s\S]*?<\/VirtualHost>/g) ?? [];
  for (const b of blocks) {
    const port = Number(/<VirtualHost \*:(\d+)>/.exec(b)![1]);
    body = vhost(port).test(body) ? body.replace(vhost(port), () => b) : `${body}\n${b}`;
  }
  const rest = blocks.reduce((s, b) => s.replace(b, ''), snippet).split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  const global = rest.filter((l) => GLOBAL_ONLY.test(l));
  const inside = rest.filter((l) => !GLOBAL_ONLY.test(l));
  // A snippet's directive replaces the vhost's own lines of that name (a second SSLCertificateFile
  // would add a certificate, not replace one).
  const names = new Set(inside.map((l) => l.trim().split(/\s+/)[0]!));
  if (inside.length)
    body = body.replace(vhost(c.ports.tls), (m) => {
      const kept = m.split('\n').filter((l) => !/^ {4}\S/.test(l) || !names.has(l.trim().split(/\s+/)[0]!));
      kept.pop(); // </VirtualHost>
      return [...kept, ...inside.map((l) => `    ${l.trim()}`), '</VirtualHost>'].join('\n');
    });
  if (global.length) body = `${global.join('\n')}\n${body}`;
  return { ...base, body };
}

/** The entry's check command, run against the lab: names resolve to 127.0.0.1, the lab CA is trusted. */
export function adaptCheck(cmd: string, c: Ctx, errorLog: string): string {
  return cmd
    .replace(SITE_NAMES, (m) => (m.startsWith('example.') ? 'example.test' : HOST))
    .replace(/-connect [\w.-]+:443/g, `-connect 127.0.0.1:${c.ports.tls} -CAfile ${c.pki.root}`)
    .replace(/\bcurl\b/g, `curl --resolve ${HOST}:${c.ports.tls}:127.0.0.1 --resolve example.test:${c.ports.tls}:127.0.0.1 --cacert ${c.pki.root}`)
    .replace(/https:\/\/([\w.-]+)\//g, `https://$1:${c.ports.tls}/`)
    .replace(/\/\S+\/private\/\S+\.key|\/etc\/letsencrypt\/live\/\S+\/privkey\.pem/g, c.pki.leaf.good!.key)
    .replace(/\/var\/log\/(?:httpd|apache2)\/\S*error_log|\/var\/log\/apache2\/\S*error\.log/g, errorLog);
}
