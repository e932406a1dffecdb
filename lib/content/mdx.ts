import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { rehypeCodeBlocks, rehypeHeadingAnchors } from './rehype';

// Bump when the compile pipeline changes, so cached output is not reused.
const PIPELINE_VERSION = '1';
const CACHE_DIR = path.join(process.cwd(), '.cache', 'mdx');

/**
 * Compile an entry body to the code string getMDXComponent runs. Cached on disk by a hash of
 * the source: Next renders pages in several workers, and each would otherwise recompile.
 */
export async function compileMdx(body: string, file: string): Promise<string> {
  const key = crypto.createHash('sha256').update(PIPELINE_VERSION).update(body).digest('hex').slice(0, 32);
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    /* not cached yet */
  }
  const result = await bundleMDX({
    source: body,
    mdxOptions(options) {
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
