import { getEntries } from '@/lib/content/kb';
import { buildKbIndex } from '@/lib/content/kb-index';

// Written once at build into out/diagnose-index.json: what the paste box matches against. A file
// of its own, not a prop, so the pages that diagnose do not carry ~150 kB of it in their HTML.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildKbIndex(getEntries()));
}
