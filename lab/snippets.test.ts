// Every apache snippet that claims httpd 2.4 passes `apache2 -t` (see lab/snippets.ts).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getEntries } from '@/lib/content/kb';
import { httpd24Snippets, wizardSnippets } from '@/lib/lab/snippets';
import { APACHE2, openSnippetLab, type SnippetLab } from './snippets';

const installed = fs.existsSync(APACHE2);
const snippets = [...httpd24Snippets(getEntries()), ...wizardSnippets()];

describe.skipIf(!installed)(
  installed ? 'httpd 2.4 snippets pass apache2 -t' : `httpd 2.4 snippets: SKIPPED, ${APACHE2} is not installed (apt-get install apache2)`,
  () => {
    let lab: SnippetLab;
    beforeAll(async () => {
      lab = await openSnippetLab();
    });
    afterAll(() => lab?.close());

    // A filter that silently matched nothing would make every other test vanish.
    test('the knowledge base has httpd 2.4 snippets', () => expect(snippets.length).toBeGreaterThan(50));

    for (const s of snippets) {
      test.concurrent(`${s.file}:${s.line}`, async () => {
        const r = await lab.check(s);
        expect(r.output, `apache2 -t rejects ${s.file}:${s.line} (for="${s.versions}"):\n${r.error}`).toMatch(/\bSyntax OK\b/);
      });
    }
  },
);
