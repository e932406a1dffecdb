import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { rehypeCodeBlocks, rehypeHeadingAnchors, remarkHeadingIds } from './rehype';

const CACHE_DIR = path.join(process.cwd(), '.cache', 'mdx');

/** What transforms a body into compiled code: our plugins' sources, and the packages that run. */
const PIPELINE_SOURCES = ['mdx.ts', 'rehype.ts', 'highlight.ts', 'body.ts'];
const PIPELINE_PACKAGES = ['mdx-bundler', 'esbuild', '@mdx-js/mdx', '@mdx-js/esbuild', 'shiki', 'unified', 'github-slugger', 'hast-util-to-string', 'unist-util-visit', 'remark-parse', 'remark-mdx', 'mdast-util-to-string'];

let fingerprint: string | undefined;

/**
 * The cache key's first part, made from the pipeline itself: an edited plugin or an updated
 * package gives new keys, so no cached output of an older pipeline is served (a hand-bumped
 * version number was forgotten when shiki changed).
 */
export function pipelineFingerprint(root = process.cwd()): string {
  if (fingerprint && root === process.cwd()) return fingerprint;
  const h = crypto.createHash('sha256');
  for (const f of PIPELINE_SOURCES) {
    const p = path.join(root, 'lib', 'content', f);
    h.update(f).update(fs.existsSync(p) ? fs.readFileSync(p) : 'absent');
  }
  for (const pkg of PIPELINE_PACKAGES) {
    const p = path.join(root, 'node_modules', pkg, 'package.json');
    h.update(pkg).update(fs.existsSync(p) ? String((JSON.parse(fs.readFileSync(p, 'utf8')) as { version?: string }).version) : 'absent');
  }
  const digest = h.digest('hex');
  if (root === process.cwd()) fingerprint = digest;
  return digest;
}

/**
 * Compile an entry body to the code string getMDXComponent runs. Cached on disk by a hash of
 * the source: Next renders pages in several workers, and each would otherwise recompile.
 */
export async function compileMdx(body: string, file: string): Promise<string> {
  const key = crypto.createHash('sha256').update(pipelineFingerprint()).update(body).digest('hex').slice(0, 32);
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    /* not cached yet */
  }
  const result = await bundleMDX({
    source: body,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkHeadingIds];
      options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeHeadingAnchors, rehypeCodeBlocks];
      return options;
    },
  }).catch((e: Error) => {
    throw new Error(`${file}: MDX does not compile: ${e.message.split('\n').slice(0, 3).join(' ')}`);
  });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // Write then rename so a parallel worker never reads half a file.
  const tmp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.code);
  fs.renameSync(tmp, cached);
  return result.code;
}
