import { findFences } from '../content/fences';

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
export function entryCheck(body: string): LeafCheck | undefined {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => /^##\s+Check that it worked/i.test(l));
  if (at < 0) return undefined;
  const end = lines.findIndex((l, i) => i > at && /^##\s/.test(l));
  const inSection = (line: number) => line > at + 1 && (end < 0 || line <= end);
  const { fences, proseLines } = findFences(body);
  const cmd = fences.find((f) => inSection(f.line) && ['sh', 'bash', 'shell', 'console'].includes(f.lang));
  if (!cmd) {
    // The command named in the prose ("Run `openssl s_client …` again"), and the prose as what to expect.
    const prose = proseLines.filter((p) => inSection(p.line) && p.text.trim());
    const text = prose.map((p) => p.text.trim()).join(' ');
    const named = [...text.matchAll(/`([^`]{4,300})`/g)].map((m) => m[1]!).find((c) => COMMAND.test(c));
    const out = fences.find((f) => inSection(f.line) && ['text', 'log', ''].includes(f.lang));
    if (!named) return undefined;
    const expect = out ? out.code.split('\n').slice(0, 4).join('\n') : text;
    return { command: named, expect: expect.length > 400 ? `${expect.slice(0, 399)}…` : expect };
  }
  const command = cmd.code.replace(/\\\n\s*/g, ' ').split('\n')[0]!.trim();
  const cmdEnd = cmd.line + cmd.code.split('\n').length + 1;
  const out = fences.find((f) => f.line > cmd.line && inSection(f.line) && ['text', 'log', 'http', ''].includes(f.lang));
  const prose = proseLines.filter((p) => p.line > cmdEnd && inSection(p.line) && p.text.trim());
  const sentence = prose.length ? prose.slice(0, 3).map((p) => p.text.trim()).join(' ') : '';
  const expect = out && (!prose.length || out.line < prose[0]!.line) ? out.code.split('\n').slice(0, 4).join('\n') : sentence;
  return expect ? { command, expect: expect.length > 400 ? `${expect.slice(0, 399)}…` : expect } : undefined;
}
