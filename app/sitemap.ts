import type { MetadataRoute } from 'next';
import { getEntries } from '@/lib/content/kb';
import { getErrorCodes } from '@/lib/content/codes';
import { SITE } from '@/lib/site';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  const abs = (p: string) => `${SITE.url}${SITE.basePath}${p}`;
  const updated = new Map(getEntries().map((e) => [e.slug, e.updated]));
  return [
    { url: abs('/') },
    { url: abs('/diagnose/') },
    { url: abs('/wizard/') },
    { url: abs('/check/') },
    { url: abs('/search/') },
    { url: abs('/faq/') },
    { url: abs('/cases/') },
    ...getEntries().map((e) => ({ url: abs(e.url), lastModified: e.updated })),
    { url: abs('/errors/') },
    // An error page changes when an entry explaining the code does.
    ...getErrorCodes().map((c) => ({
      url: abs(`/errors/${c.param}/`),
      lastModified: c.appearances.map((a) => updated.get(a.slug) ?? '').reduce((x, y) => (y > x ? y : x), ''),
    })),
  ];
}
