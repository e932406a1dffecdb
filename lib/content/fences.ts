// Fenced code blocks of an MDX body, found line by line (no MDX parse needed), so the
// content rules can check them before anything is compiled.
export interface Fence {
  lang: string;
  meta: string;
  code: string;
  /** 1-based line of the opening fence within the body */
  line: number;
}

// One pattern per fence character, so the run and the info string cannot overlap.
const OPEN_BACKTICK = /^ {0,3}(`{3,})([^`\n]*)$/;
const OPEN_TILDE = /^ {0,3}(~{3,})([^~\n]*)$/;

export function findFences(body: string): { fences: Fence[]; proseLines: { text: string; line: number }[] } {
  const lines = body.split('\n');
  const fences: Fence[] = [];
  const proseLines: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = OPEN_BACKTICK.exec(lines[i]!) ?? OPEN_TILDE.exec(lines[i]!);
    if (!m) {
      proseLines.push({ text: lines[i]!, line: i + 1 });
      continue;
    }
    const marker = m[1]!;
    const info = m[2]!.trim();
    const sp = info.search(/\s/);
    const lang = sp < 0 ? info : info.slice(0, sp);
    const meta = sp < 0 ? '' : info.slice(sp + 1).trim();
    const start = i;
    const code: string[] = [];
    i++;
    while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) code.push(lines[i++]!);
    fences.push({ lang: lang.toLowerCase(), meta, code: code.join('\n'), line: start + 1 });
  }
  return { fences, proseLines };
}

/** `for="httpd 2.4.36+"` → "httpd 2.4.36+"; undefined when absent. */
export function metaValue(meta: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}="([^"]*)"`).exec(meta);
  return m ? m[1] : undefined;
}

export function metaFlag(meta: string, flag: string): boolean {
  return meta.replace(/"[^"]*"/g, '').split(/\s+/).includes(flag);
}
