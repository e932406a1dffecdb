import { CodeBlock } from '@/components/CodeBlock';
import { highlightToHtml } from '@/lib/content/highlight';
import { compactShikiHtml } from '@/components/code-html';

/**
 * Captured configuration or a command, highlighted like the snippets of entries, with the same
 * toolbar (copy, wrap). Shiki escapes the code, so its HTML can be set as is.
 */
export async function LabCode({ code, lang, versions }: { code: string; lang: 'apache' | 'sh'; versions?: string }) {
  const html = compactShikiHtml(await highlightToHtml(code, lang));
  return (
    <CodeBlock data-lang={lang} data-for={versions}>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </CodeBlock>
  );
}
