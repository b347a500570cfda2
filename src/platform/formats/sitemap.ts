import { element, XML_DECLARATION } from './xml';

// sitemaps.org documents, built with the escaping XML writer.

export function sitemap(urls: Array<{ loc: string; lastmod?: Date }>): string {
  const children = urls.map((u) =>
    element('url', {
      children: [element('loc', { text: u.loc }), ...(u.lastmod ? [element('lastmod', { text: u.lastmod.toISOString().replace(/\.\d{3}Z$/, 'Z') })] : [])],
    }),
  );
  return `${XML_DECLARATION}${element('urlset', { attrs: { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, children })}\n`;
}
