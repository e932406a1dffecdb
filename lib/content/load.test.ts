import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEntries } from './load';
import { ContentError } from './problems';

const GOOD = path.join(__dirname, '__fixtures__', 'good');

/** Writes a small content tree into a temp dir: { 'faq/x.mdx': text }. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function entry(fm: Record<string, unknown>, body = 'Plain answer.\n'): string {
  const base = { title: 'A question', kind: 'faq', category: 'protocol', status: 'current', summary: 'Short answer.', updated: '2026-11-23' };
  const yaml = Object.entries({ ...base, ...fm })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

/** The problems a tree produces, as "file: field: message" lines. */
function problems(files: Record<string, string>, opts = {}): string[] {
  try {
    loadEntries(tree(files), opts);
  } catch (e) {
    if (e instanceof ContentError) return e.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('loadEntries on valid content', () => {
  const entries = loadEntries(GOOD);

  it('reads every entry with its slug, url and kind', () => {
    expect(entries.map((e) => [e.slug, e.url]).sort()).toEqual([
      ['old-question', '/faq/old-question/'],
      ['plain-http', '/faq/plain-http/'],
      ['sample-case', '/cases/sample-case/'],
    ]);
  });

  it('normalises dates and fills list defaults', () => {
    const old = entries.find((e) => e.slug === 'old-question')!;
    expect(old.updated).toBe('2026-11-23');
    expect(old.causes).toEqual([]);
    expect(old.symptoms).toEqual([]);
  });

  it('builds the table of contents from ## and ### headings', () => {
    const e = entries.find((x) => x.slug === 'plain-http')!;
    expect(e.headings).toEqual([
      { depth: 2, text: 'Fix', id: 'fix', line: expect.any(Number) },
      { depth: 2, text: 'Check that it worked', id: 'check-that-it-worked', line: expect.any(Number) },
    ]);
  });
});

describe('loadEntries refuses bad content, naming file and field', () => {
  it('an unknown kind', () => {
    const out = problems({ 'faq/a.mdx': entry({ kind: 'question' }) });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^faq\/a\.mdx: kind: .*"faq".*"error".*"case"/);
  });

  it('a missing summary and a summary too long', () => {
    expect(problems({ 'faq/a.mdx': entry({ summary: undefined }) })[0]).toMatch(/^faq\/a\.mdx: summary: /);
    expect(problems({ 'faq/a.mdx': entry({ summary: 'x'.repeat(301) }) })[0]).toMatch(/summary: at most 300 characters/);
  });

  it('a date in the wrong shape', () => {
    expect(problems({ 'faq/a.mdx': entry({ updated: 'yesterday' }) })[0]).toMatch(/updated: a date written YYYY-MM-DD/);
  });

  it('an unknown field', () => {
    expect(problems({ 'faq/a.mdx': entry({ colour: 'red' }) })[0]).toMatch(/faq\/a\.mdx: .*colour/);
  });

  it('a symptom with neither codes nor match', () => {
    const out = problems({ 'faq/a.mdx': entry({ kind: 'error', causes: ['scanner-noise'], symptoms: [{ where: 'server-log' }] }) });
    expect(out).toEqual(['faq/a.mdx: symptoms[0]: at least one of "codes" or "match"']);
  });

  it('a symptom in an unknown place', () => {
    const out = problems({ 'faq/a.mdx': entry({ kind: 'error', causes: ['scanner-noise'], symptoms: [{ where: 'kernel', match: 'x' }] }) });
    expect(out[0]).toMatch(/symptoms\[0\]\.where: .*"server-log"/);
  });

  it('a story sequence with codes the entry does not list, repeats, or too few steps', () => {
    const fm = { kind: 'error', causes: ['scanner-noise'], symptoms: [{ where: 'server-log', codes: ['AH02008', 'AH01998'] }] };
    expect(problems({ 'faq/a.mdx': entry({ ...fm, sequence: ['AH02008', 'AH02006', 'AH01998', 'AH02008'] }) })).toEqual([
      'faq/a.mdx: sequence[1]: AH02006 is not among this entry\'s symptom codes or logCodes',
      'faq/a.mdx: sequence[3]: AH02008 is listed twice',
    ]);
    expect(problems({ 'faq/a.mdx': entry({ ...fm, sequence: ['AH02008', 'AH01998'] }) })[0]).toMatch(/^faq\/a\.mdx: sequence: at least three codes/);
  });

  it('an unknown cause', () => {
    const out = problems({ 'faq/a.mdx': entry({ kind: 'error', causes: ['gremlins'], symptoms: [{ where: 'browser', match: 'x' }] }) });
    expect(out).toEqual(['faq/a.mdx: causes[0]: a cause slug from lib/content/causes.ts']);
  });

  it('an error entry without causes or symptoms', () => {
    const out = problems({ 'faq/a.mdx': entry({ kind: 'error' }) });
    expect(out).toEqual([
      'faq/a.mdx: causes: at least one cause for kind "error"',
      'faq/a.mdx: symptoms: at least one symptom for kind "error"',
    ]);
  });

  it('duplicate slugs', () => {
    const out = problems({ 'faq/same.mdx': entry({}), 'cases/same.mdx': entry({ kind: 'case', causes: ['scanner-noise'], symptoms: [{ where: 'browser', match: 'x' }] }) });
    expect(out).toEqual(['cases/same.mdx: slug: duplicate slug "same", also used by faq/same.mdx']);
  });

  it('a case outside cases/', () => {
    const out = problems({ 'faq/a.mdx': entry({ kind: 'case', causes: ['scanner-noise'], symptoms: [{ where: 'browser', match: 'x' }] }) });
    expect(out).toEqual(['faq/a.mdx: kind: kind "case" belongs under cases/, not faq/']);
  });

  it('unknown related targets and self-links', () => {
    const out = problems({ 'faq/a.mdx': entry({ related: ['nowhere', 'a'] }) });
    expect(out).toEqual([
      'faq/a.mdx: related: unknown entry "nowhere": expected the slug of an existing entry',
      'faq/a.mdx: related: an entry cannot be related to itself',
    ]);
  });

  it('import and export lines inside MDX', () => {
    const out = problems({ 'faq/a.mdx': entry({}, "import X from './x'\n\nText\n\nexport const y = 1\n") });
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^faq\/a\.mdx: line 10: .*no import\/export in MDX/);
    expect(out[1]).toMatch(/^faq\/a\.mdx: line 14: /);
  });

  it('an import inside a code fence is fine', () => {
    expect(problems({ 'faq/a.mdx': entry({}, "```text\nimport x from 'y'\n```\n") })).toEqual([]);
  });

  it('a component the renderer does not have', () => {
    expect(problems({ 'faq/a.mdx': entry({}, '<Warning>careful</Warning>\n') })[0]).toMatch(/unknown component <Warning>/);
  });

  it('a historical entry without a Today section', () => {
    expect(problems({ 'faq/a.mdx': entry({ status: 'historical' }, '## What the old answer said\n\nOld.\n') })).toEqual([
      'faq/a.mdx: body: historical entry without a "## Today" section saying what replaced the old advice',
    ]);
  });

  it('a config snippet that does not say which versions it is for', () => {
    const out = problems({ 'faq/a.mdx': entry({}, 'Text\n\n```apache\nSSLEngine on\n```\n') });
    expect(out).toEqual(['faq/a.mdx: line 12 (```apache): config snippet without versions: expected for="httpd 2.4.x…" in the fence meta']);
  });

  it('an insecure snippet without the insecure mark', () => {
    const out = problems({ 'faq/a.mdx': entry({}, '```apache for="httpd 2.2"\nSSLProtocol all +SSLv3\nSSLCipherSuite RC4-SHA:!aNULL\n```\n') });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/insecure snippet \(SSLProtocol enables SSLv3; SSLCipherSuite allows RC4-SHA\)/);
    expect(problems({ 'faq/a.mdx': entry({}, '```apache for="httpd 2.2" insecure\nSSLProtocol all +SSLv3\n```\n') })).toEqual([]);
  });

  it('an insecure snippet indented inside a list item (the renderer shows it as a snippet)', () => {
    // Regression (was a bug): the line scanner only saw fences at the margin, so this passed every
    // rule and rendered as an ordinary config snippet.
    const body = '- Edit the vhost:\n\n    ```apache for="httpd 2.4"\n    SSLProtocol all +SSLv3\n    ```\n\n- Reload.\n';
    const out = problems({ 'faq/a.mdx': entry({}, body) });
    expect(out).toEqual([expect.stringMatching(/^faq\/a\.mdx: line 12 \(```apache\): insecure snippet \(SSLProtocol enables SSLv3\)/)]);
  });

  it('an import, an unknown component and MDX that does not parse, each with its line', () => {
    expect(problems({ 'faq/a.mdx': entry({}, "import X from './x'\n\nText.\n") })).toEqual([
      expect.stringMatching(/^faq\/a\.mdx: line 10: "import X from '\.\/x'": no import\/export in MDX/),
    ]);
    expect(problems({ 'faq/a.mdx': entry({}, 'Text.\n\n- item <Warning>x</Warning>\n') })).toEqual([
      'faq/a.mdx: line 12: unknown component <Warning>: expected one of Callout',
    ]);
    // A tag in inline code is text, not a component.
    expect(problems({ 'faq/a.mdx': entry({}, 'Write `<VirtualHost *:443>` first.\n') })).toEqual([]);
    expect(problems({ 'faq/a.mdx': entry({}, 'Text.\n\nA <b>tag never closed.\n') })[0]).toMatch(/^faq\/a\.mdx: line 12: not valid MDX: /);
  });

  it('an unknown fence language', () => {
    expect(problems({ 'faq/a.mdx': entry({}, '```nginx\nserver {}\n```\n') })[0]).toMatch(/unknown language "nginx"/);
  });

  it('a file saved with a byte-order mark reads like one without', () => {
    // Regression (was a bug): "expected a frontmatter block" for a file whose first character is U+FEFF.
    const dir = tree({ 'faq/a.mdx': `\uFEFF${entry({ title: 'With a BOM' })}` });
    const [e] = loadEntries(dir);
    expect(e).toMatchObject({ slug: 'a', title: 'With a BOM' });
    expect(e!.body.startsWith('\uFEFF')).toBe(false);
  });

  it('YAML that does not parse, and a file without frontmatter', () => {
    expect(problems({ 'faq/a.mdx': '---\ntitle: [unclosed\n---\nx\n' })[0]).toMatch(/^faq\/a\.mdx: frontmatter: not valid YAML/);
    expect(problems({ 'faq/b.mdx': 'Just text\n' })).toEqual(['faq/b.mdx: frontmatter: expected a frontmatter block between --- lines at the top of the file']);
  });

  it('two entries answering one seed question, and seed questions nobody answers', () => {
    const out = problems({ 'faq/a.mdx': entry({ origin: 'module/y2k' }), 'faq/b.mdx': entry({ origin: 'module/y2k' }) }, { requireAllOrigins: true });
    expect(out[0]).toBe('faq/b.mdx: origin: "module/y2k" is already answered by faq/a.mdx: one entry per seed question');
    expect(out.filter((l) => l.includes('no entry answers the seed question'))).toHaveLength(32);
  });

  it('an origin that is not a seed question', () => {
    expect(problems({ 'faq/a.mdx': entry({ origin: 'module/none' }) })[0]).toMatch(/^faq\/a\.mdx: origin: /);
  });

  it('reports every problem of every file at once', () => {
    const out = problems({ 'faq/a.mdx': entry({ kind: 'x' }), 'faq/b.mdx': entry({ category: 'y' }) });
    expect(out.map((l) => l.split(':')[0])).toEqual(['faq/a.mdx', 'faq/b.mdx']);
  });
});

describe('links between entries', () => {
  it('reach headings by the id the page gives them, setext headings and reference links included', () => {
    // Regression (was a bug): a setext heading ("Fix it\n------") got no table-of-contents id, and
    // links written as references or inside list items were not checked.
    const out = problems({
      'faq/a.mdx': entry({}, '- see [the fix][f]\n- and [nope](/faq/b/#nope)\n\n[f]: /faq/b/#fix-it\n'),
      'faq/b.mdx': entry({}, 'Fix it\n------\n\nDo it.\n'),
    });
    expect(out).toEqual(['faq/a.mdx: link: "/faq/b/#nope" (line 11): faq/b.mdx has no heading with id "nope"']);
  });

  it('must lead to an existing entry and heading', () => {
    const out = problems({
      'faq/a.mdx': entry({}, 'See [b](/faq/b/), [gone](/faq/gone/) and [part](/faq/b/#nope) and [ok](/faq/b/#fix).\n'),
      'faq/b.mdx': entry({}, '## Fix\n\nDo it.\n'),
    });
    expect(out).toEqual([
      'faq/a.mdx: link: "/faq/gone/" (line 10) leads nowhere: expected /faq/<slug>/ or /cases/<slug>/ of an existing entry',
      'faq/a.mdx: link: "/faq/b/#nope" (line 10): faq/b.mdx has no heading with id "nope"',
    ]);
  });
});

describe('logCodes: the AH codes an entry explains', () => {
  it('need a known level and a one-line meaning, and have one owner', () => {
    const lc = (code: string, level = 'error') => ({ code, level, meaning: 'What it means.' });
    expect(problems({ 'faq/a.mdx': entry({ logCodes: [lc('AH02039', 'loud')] }) })[0]).toMatch(/^faq\/a\.mdx: logCodes\[0\]\.level: /);
    expect(problems({ 'faq/a.mdx': entry({ logCodes: [lc('02039')] }) })[0]).toMatch(/logCodes\[0\]\.code: an httpd log code/);
    expect(problems({ 'faq/a.mdx': entry({ logCodes: [lc('AH02039')] }), 'faq/b.mdx': entry({ logCodes: [lc('AH02039')] }) })).toEqual([
      'faq/b.mdx: logCodes[0]: AH02039 is already explained by faq/a.mdx: each code has one owner',
    ]);
  });
});
