import { getEntries } from '@/lib/content/kb';
import type { Suggestible } from '@/lib/search/suggest';

// Written once at build into out/entry-titles.json: what the 404 page suggests from. A file of
// its own, fetched only when a 404 is shown: as a prop of the root not-found boundary it went
// into the page data of every page of the site (~15 kB each).
export const dynamic = 'force-static';

export function GET() {
  return Response.json(getEntries().map(({ title, slug, url }): Suggestible => ({ title, slug, url })));
}
