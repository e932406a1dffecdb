import Fuse from 'fuse.js';

export interface Suggestible {
  title: string;
  slug: string;
  url: string;
}

/** Words of a mistyped URL path: "/faq/key-match-cert/" → "key match cert". */
export function pathWords(pathname: string, basePath = ''): string {
  const p = basePath && pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  let decoded = p;
  try {
    decoded = decodeURIComponent(p);
  } catch {
    /* keep the raw path */
  }
  return decoded
    .replace(/\.html?$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w && !['faq', 'cases', 'index'].includes(w.toLowerCase()))
    .join(' ')
    .slice(0, 200);
}

/** Entries closest to a query, best first, for the 404 page. */
export function suggest<T extends Suggestible>(items: T[], query: string, limit = 5): T[] {
  if (!query.trim()) return [];
  const fuse = new Fuse(items, {
    keys: [{ name: 'slug', weight: 2 }, { name: 'title', weight: 1 }],
    ignoreLocation: true,
    threshold: 0.5,
    useExtendedSearch: false,
  });
  const byWhole = fuse.search(query).map((r) => r.item);
  // Also try word by word, so one wrong word does not hide every match.
  const byWord = query.split(' ').flatMap((w) => (w.length > 2 ? fuse.search(w).map((r) => r.item) : []));
  return [...new Set([...byWhole, ...byWord])].slice(0, limit);
}
