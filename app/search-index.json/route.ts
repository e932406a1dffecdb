import { getEntries } from '@/lib/content/kb';
import { getErrorCodes } from '@/lib/content/codes';
import { buildSearchRecords } from '@/lib/search/records';

// Written once at build into out/search-index.json; the search dialog loads it when opened.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildSearchRecords(getEntries(), getErrorCodes()));
}
