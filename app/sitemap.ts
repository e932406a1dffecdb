import type { MetadataRoute } from 'next';
import { getEntries } from '@/lib/content/kb';
import { SITE } from '@/lib/site';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  const abs = (p: string) => `${SITE.url}${SITE.basePath}${p}`;
  return [
    { url: abs('/') },
    { url: abs('/faq/') },
    { url: abs('/cases/') },
    ...getEntries().map((e) => ({ url: abs(e.url), lastModified: e.updated })),
  ];
}
