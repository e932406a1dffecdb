import { describe, expect, it } from 'vitest';
import { expandTree, type WizardEntry } from './expand';
import { validateWizard } from './validate';
import { parsePath, pathForEntry, walk } from './engine';
import { HTTPD_VERSIONS, OPENSSL_VERSIONS, renderSnippet, SNIPPETS } from './config';
import { insecureReasons } from '../content/insecure';
import type { WizardTree } from './types';
import { parseBody } from '../content/body';

const CHECKED = 'Text.\n\n## Check that it worked\n\n```sh\ncurl -sI https://www.example.org/\n```\n\nA `200` line.\n';
const E = (slug: string, where: string, extra: Partial<WizardEntry> = {}): WizardEntry => ({
  slug, title: `Title ${slug}`, url: `/faq/${slug}/`, summary: `Summary ${slug}`, kind: 'error', causes: ['scanner-noise'],
  symptoms: [{ where, codes: [`CODE_${slug}`] }], doc: parseBody(CHECKED), ...extra,
});
const entries = [E('a', 'browser'), E('b', 'browser'), E('c', 'server-log'), { ...E('q', 'browser'), kind: 'faq' }];
const CAUSES = ['scanner-noise', 'plain-http-on-https-port'];

const tree = (extra: WizardTree['nodes'] = {}): WizardTree => ({
  start: 'start',
  nodes: {
    start: { kind: 'question', title: 'Where?', options: [{ label: 'Paste', next: 'paste' }, { label: 'Browser', next: 'browser' }, { label: 'Log', next: 'log' }] },
    paste: { kind: 'paste', title: 'Paste' },
    browser: { kind: 'symptoms', where: 'browser', title: 'Which?' },
    log: { kind: 'symptoms', where: 'server-log', title: 'Which line?' },
    sep: { kind: 'question', title: 'Separate a from b?', for: ['a'], options: [{ label: 'yes', next: 'leaf-a' }, { label: 'no', next: 'leaf:b' }] },
    'leaf-a': { kind: 'leaf', entry: 'a', cause: 'plain-http-on-https-port', answer: 'A it is.', snippet: 'modern-protocols', check: { command: 'curl -v https://a.example/', expect: 'HTTP/1.1 200' } },
    ...extra,
  },
});

describe('expandTree', () => {
  const t = expandTree(tree(), entries);
  it('lists the failures with a symptom at that vantage point, with their telling text', () => {
    const browser = t.nodes.browser!;
    expect(browser.kind).toBe('question');
    if (browser.kind !== 'question') return;
    expect(browser.options).toEqual([
      { label: 'CODE_a — Title a', next: 'sep' }, // a has a separating question
      { label: 'CODE_b — Title b', next: 'leaf:b' },
    ]);
  });
  it('makes a leaf from the frontmatter of every failure without a hand-written one', () => {
    expect(t.nodes['leaf:b']).toMatchObject({ kind: 'leaf', entry: 'b', answer: 'Summary b', url: '/faq/b/' });
    expect(t.nodes['leaf:a']).toBeUndefined();
    expect(t.nodes['leaf:q']).toBeUndefined(); // a faq is not a failure
  });
  it('maps each entry to where a diagnosis of it should land', () => {
    expect(t.entryNode).toMatchObject({ a: 'sep', b: 'leaf:b', c: 'leaf:c' });
  });
});

describe('validateWizard', () => {
  it('accepts a whole tree and reports its size and shape', () => {
    const r = validateWizard(expandTree(tree(), entries), entries, CAUSES);
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ entriesReachable: 3, entriesTotal: 3, unreachable: [], maxOptions: 3, repeatedLabels: 0, maxDepth: 3, leavesWithoutCheck: 0 });
  });
  it('gives a leaf the check of its entry, and names a leaf that has none', () => {
    const t = expandTree(tree(), entries);
    expect(t.nodes['leaf:b']).toMatchObject({ check: { command: 'curl -sI https://www.example.org/', expect: 'A 200 line.' } });
    const bare = entries.map((e) => (e.slug === 'b' ? { ...e, doc: parseBody('No check here.') } : e));
    const r = validateWizard(expandTree(tree(), bare), bare, CAUSES);
    expect(r.leavesWithoutCheck).toBe(1);
    expect(r.problems).toContain('leaf "leaf:b": no way to check the fix (give it a check, or give entry "b" a "## Check that it worked" with a command)');
  });
  it('refuses long lists, twin labels, commands with trailing comments and paths deeper than six answers', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ label: `answer ${i}`, next: 'leaf-a' }));
    const chain: WizardTree['nodes'] = {};
    for (let i = 0; i < 6; i++) chain[`deep${i}`] = { kind: 'question', title: `D${i}`, options: [{ label: 'on', next: i === 5 ? 'leaf:c' : `deep${i + 1}` }] };
    const bad = tree({
      ...chain,
      start: { kind: 'question', title: 'Where?', options: [{ label: 'Paste', next: 'paste' }, { label: 'Browser', next: 'browser' }, { label: 'Log', next: 'log' }, { label: 'Deep', next: 'deep0' }] },
      log: { kind: 'question', title: 'Which line?', help: { text: 'Raise the level.', command: 'LogLevel warn ssl:info   # then: tail -f error.log' }, options: [{ label: 'Same', next: 'leaf-a' }, { label: 'same', next: 'sep' }] },
      sep: { kind: 'question', title: 'Separate?', for: ['a'], options: many },
    });
    const r = validateWizard(expandTree(bad, entries), entries, CAUSES);
    expect(r.maxOptions).toBe(8);
    expect(r.repeatedLabels).toBe(1);
    expect(r.problems).toEqual(expect.arrayContaining([
      'question "sep" offers 8 answers (at most 7): ask a question that splits them',
      'question "log": two answers share a label',
      'question "log": its command has a trailing comment, which breaks when pasted into a configuration',
      'leaf "leaf:c" is 7 answers from the start (at most 6)',
    ]));
  });
  it('finds options to nowhere, unknown entries, causes and snippets', () => {
    const bad = tree({
      sep: { kind: 'question', title: 'S', for: ['zzz'], options: [{ label: 'x', next: 'nowhere' }] },
      'leaf-a': { kind: 'leaf', entry: 'gone', cause: 'gremlins', answer: '', snippet: 'nope' },
    });
    const p = validateWizard(expandTree(bad, entries), entries, CAUSES).problems;
    expect(p).toContain('question "sep": option "x" leads to unknown node "nowhere"');
    expect(p).toContain('question "sep": "for" names unknown entry "zzz"');
    expect(p).toContain('leaf "leaf-a": unknown entry "gone"');
    expect(p).toContain('leaf "leaf-a": unknown cause "gremlins"');
    expect(p).toContain('leaf "leaf-a": unknown snippet "nope"');
  });
  it('finds cycles, unreachable nodes and failures no path leads to', () => {
    const cyclic = tree({
      sep: { kind: 'question', title: 'S', for: ['a'], options: [{ label: 'again', next: 'start' }] },
      orphan: { kind: 'question', title: 'O', options: [{ label: 'x', next: 'leaf:c' }] },
    });
    const r = validateWizard(expandTree(cyclic, entries), entries, CAUSES);
    expect(r.problems.some((p) => p.startsWith('cycle: start → browser → sep → start'))).toBe(true);
    expect(r.unreachable).toContain('orphan');
    expect(r.problems).toContain('entry "a" (kind error) has no reachable leaf');
  });
});

describe('walking a path (the URL state)', () => {
  const t = expandTree(tree(), entries);
  it('follows valid steps and records the answers as breadcrumbs', () => {
    const p = walk(t, parsePath('start,browser,sep,leaf-a'));
    expect(p.node.id).toBe('leaf-a');
    expect(p.crumbs.map((c) => c.answer)).toEqual(['Browser', 'CODE_a — Title a', 'yes']);
  });
  it('stops at the first step that is not an answer of the node before', () => {
    expect(walk(t, parsePath('start,log,leaf-a')).path).toEqual(['start', 'log']);
    expect(walk(t, parsePath('<script>,x')).path).toEqual(['start']);
    expect(parsePath('a,,b, ,c')).toEqual(['a', 'b', 'c']);
  });
  it('a diagnosis opens the separating question through the paste node', () => {
    expect(pathForEntry(t, 'a')).toEqual(['start', 'paste', 'sep']);
    expect(walk(t, pathForEntry(t, 'b')!).node.id).toBe('leaf:b');
    expect(pathForEntry(t, 'unknown')).toBeUndefined();
  });
});

describe('version-aware snippets', () => {
  it('offers TLS 1.3 only where httpd 2.4.36+ and OpenSSL 1.1.1+ both have it', () => {
    expect(renderSnippet('modern-protocols', { httpd: '2.4.36', openssl: '1.1.1' })!.text).toContain('+TLSv1.3');
    expect(renderSnippet('modern-protocols', { httpd: '2.4.35', openssl: '3.0' })!.text).not.toContain('TLSv1.3');
    expect(renderSnippet('modern-protocols', { httpd: '2.4.62', openssl: '1.0.2' })!.text).not.toContain('TLSv1.3');
  });
  it('says so instead of printing a broken config where none is safe', () => {
    const r = renderSnippet('modern-protocols', { httpd: '2.4.62', openssl: '0.9.8' })!;
    expect(r.text).toBeUndefined();
    expect(r.unsupported).toMatch(/no safe protocol setting/);
    expect(renderSnippet('ocsp-stapling', { httpd: '2.2', openssl: '1.0.2' })!.unsupported).toMatch(/needs httpd 2\.4/);
    expect(renderSnippet('http2-with-tls', { httpd: '2.4.16', openssl: '3.0' })!.unsupported).toMatch(/2\.4\.17/);
  });
  it('puts the chain where each httpd release expects it', () => {
    expect(renderSnippet('full-chain', { httpd: '2.4.7', openssl: '1.0.2' })!.text).toContain('SSLCertificateChainFile');
    expect(renderSnippet('full-chain', { httpd: '2.4.8', openssl: '1.0.2' })!.text).not.toContain('SSLCertificateChainFile');
  });
  it('every snippet, for every version pair, names its versions, has a check, and is never insecure', () => {
    for (const id of Object.keys(SNIPPETS))
      for (const httpd of HTTPD_VERSIONS)
        for (const openssl of OPENSSL_VERSIONS) {
          const r = renderSnippet(id, { httpd, openssl })!;
          expect(r.verify.command.length, `${id} ${httpd} ${openssl}`).toBeGreaterThan(5);
          if (r.text) {
            expect(r.text.startsWith(`# For httpd ${httpd} with OpenSSL ${openssl}`)).toBe(true);
            expect(insecureReasons(r.text), `${id} ${httpd} ${openssl}`).toEqual([]);
          } else expect(r.unsupported).toBeTruthy();
        }
  });
});
