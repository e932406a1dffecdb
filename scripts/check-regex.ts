// Every regular expression in lib/ (literals and new RegExp with a literal source) is checked
// for catastrophic backtracking with recheck; a vulnerable one stops the build. Symptom texts in
// content are literal strings, not patterns, so content cannot add one.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { regexVerdict } from './regex-safety';
import { isMain, parseCli } from './is-main.mjs';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === '__fixtures__' ? [] : files(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

export function regexesIn(file: string): { source: string; flags: string; line: number }[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { source: string; flags: string; line: number }[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isRegularExpressionLiteral(n)) {
      const m = /^\/(.*)\/([a-z]*)$/s.exec(n.text)!;
      out.push({ source: m[1]!, flags: m[2]!, line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
    } else if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp' && n.arguments?.[0] && ts.isStringLiteralLike(n.arguments[0])) {
      out.push({ source: n.arguments[0].text, flags: n.arguments[1] && ts.isStringLiteralLike(n.arguments[1]) ? n.arguments[1].text : '', line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

if (isMain(import.meta.url)) {
  parseCli(`Usage: npm run check:regex
Checks every regular expression in lib/ and content/ for catastrophic backtracking (recheck);
exits 1 naming each one that can.`);
  const root = path.join(__dirname, '..');
  let count = 0;
  const bad: string[] = [];
  for (const f of [...files(path.join(root, 'lib')), ...files(path.join(root, 'content'))]) {
    for (const r of regexesIn(f)) {
      count++;
      const d = regexVerdict(r.source, r.flags);
      if (d.status !== 'safe') bad.push(`${path.relative(root, f)}:${r.line}: /${r.source}/${r.flags} is ${d.status}${d.status === 'vulnerable' ? ` (${d.complexity.type}; attack: ${JSON.stringify(d.attack.pattern).slice(0, 80)})` : ''}`);
    }
  }
  if (bad.length) {
    console.error(`Regular expressions that can backtrack catastrophically (fix them: bound the repeats, remove the overlap):\n  ${bad.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`regex ok: ${count} patterns in lib/ and content/, none can backtrack catastrophically`);
}
