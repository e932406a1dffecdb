import type { MetadataRoute } from 'next';
import { SITE } from '@/lib/site';

// robots.txt: everything may be read; the sitemap by its absolute address (SITE_URL at build).
export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', allow: '/' }, sitemap: `${SITE.url}${SITE.basePath}/sitemap.xml` };
}
