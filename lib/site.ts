import { trimChar } from './trim';

const trimEnd = (u: string) => (u.endsWith('/') ? trimChar(`x${u}`, '/').slice(1) : u);

export const SITE = {
  name: 'Handshake',
  tagline: 'fixes for Apache httpd + mod_ssl when TLS fails',
  description:
    'A troubleshooting knowledge base for Apache httpd, mod_ssl and OpenSSL: every classic mod_ssl FAQ question answered for today, with the errors you see and the fixes that work.',
  /** Absolute origin for sitemap.xml; set SITE_URL when deploying. */
  url: trimEnd(process.env.SITE_URL || 'http://localhost:3000'),
  basePath: process.env.NEXT_PUBLIC_BASE_PATH || '',
};
