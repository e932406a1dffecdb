// Static export: the built site in out/ works from any static file server, also under a
// sub-path (BASE_PATH=/kb npm run build), even on the httpd it helps to troubleshoot.
const basePath = (process.env.BASE_PATH || '').replace(/\/+$/, '');

/** @type {import('next').NextConfig} */
module.exports = {
  output: 'export',
  // faq/x/index.html rather than faq/x.html: plain static servers map /faq/x/ to it.
  trailingSlash: true,
  basePath: basePath || undefined,
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
};
