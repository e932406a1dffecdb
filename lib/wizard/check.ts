import { sectionRange, type BodyDoc } from '../content/body';

/** The start of a command a reader can run. */
const COMMAND = /^(?:openssl|curl|apachectl|apache2ctl|httpd|apache2|grep|tail|journalctl|systemctl|ss|wget|certbot|keytool|nc|python3?|node)\b/;

export interface LeafCheck {
  /** what to run */
  command: string;
  /** what it prints when the fix worked */
  expect: string;
}

/**
 * An entry's own "## Check that it worked": its first shell command, and what it should show
 * (the output block after it, else the sentence after it). A leaf without a check of its own
 * shows this one, so the knowledge base stays the one place that says how to check.
 */
export function entryCheck(doc: BodyDoc): LeafCheck | undefined {
  const range = sectionRange(doc, /^Check that it worked/i);
  if (!range) return undefined;
  const inSection = (line: number) => line > range.from && line < range.to;
  const fences = doc.fences.filter((f) => inSection(f.line));
  const prose = doc.prose.filter((p) => inSection(p.line) && p.text);
  const clip = (t: string) => (t.length > 400 ? `${t.slice(0, 399)}…` : t);
  const firstLines = (code: string) => code.split('\n').slice(0, 4).join('\n');
  const cmd = fences.find((f) => ['sh', 'bash', 'shell', 'console'].includes(f.lang));
  if (!cmd) {
    // The command named in the prose ("Run `openssl s_client …` again"), and the prose as what to expect.
    const named = prose.flatMap((p) => p.inlineCode).find((c) => c.length >= 4 && COMMAND.test(c));
    if (!named) return undefined;
    const out = fences.find((f) => ['text', 'log', ''].includes(f.lang));
    return { command: named, expect: clip(out ? firstLines(out.code) : prose.map((p) => p.text).join(' ')) };
  }
  const command = cmd.code.replace(/\\\n\s*/g, ' ').split('\n')[0]!.trim();
  const out = fences.find((f) => f.line > cmd.line && ['text', 'log', 'http', ''].includes(f.lang));
  const after = prose.filter((p) => p.line > cmd.line);
  const expect = out && (!after.length || out.line < after[0]!.line) ? firstLines(out.code) : (after[0]?.text ?? '');
  return expect ? { command, expect: clip(expect) } : undefined;
}
