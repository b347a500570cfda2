import { element, XML_DECLARATION } from './xml';

// Atom (RFC 4287) and sitemaps.org documents, built with the escaping XML writer.

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  published: Date;
  updated: Date;
  summary: string;
  categories: string[];
}

export function atomFeed(
  feed: {
    id: string;
    title: string;
    subtitle: string;
    selfUrl: string;
    alternateUrl: string;
    author: string;
    rights: string;
    updated: Date;
    entries: AtomEntry[];
  },
  lang: string,
): string {
  const children = [
    element('id', { text: feed.id }),
    element('title', { text: feed.title }),
    element('subtitle', { text: feed.subtitle }),
    element('link', { attrs: { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl } }),
    element('link', { attrs: { rel: 'alternate', type: 'text/html', href: feed.alternateUrl } }),
    element('updated', { text: feed.updated.toISOString() }),
    element('author', { children: [element('name', { text: feed.author })] }),
    element('rights', { text: feed.rights }),
    element('generator', { text: 'Kümmerer' }),
    ...feed.entries.map((e) =>
      element('entry', {
        children: [
          element('id', { text: e.id }),
          element('title', { text: e.title }),
          element('link', { attrs: { rel: 'alternate', type: 'text/html', href: e.link } }),
          element('published', { text: e.published.toISOString() }),
          element('updated', { text: e.updated.toISOString() }),
          ...e.categories.map((term) => element('category', { attrs: { term } })),
          element('summary', { attrs: { type: 'text' }, text: e.summary }),
        ],
      }),
    ),
  ];
  return `${XML_DECLARATION}${element('feed', { attrs: { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': lang }, children })}\n`;
}

export function sitemap(urls: Array<{ loc: string; lastmod?: Date }>): string {
  const children = urls.map((u) =>
    element('url', {
      children: [element('loc', { text: u.loc }), ...(u.lastmod ? [element('lastmod', { text: u.lastmod.toISOString().replace(/\.\d{3}Z$/, 'Z') })] : [])],
    }),
  );
  return `${XML_DECLARATION}${element('urlset', { attrs: { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, children })}\n`;
}

export const LICENCES: Record<string, { name: string; url: string }> = {
  'dl-de/zero-2-0': {
    name: 'Datenlizenz Deutschland – Zero – Version 2.0',
    url: 'https://www.govdata.de/dl-de/zero-2-0',
  },
  'dl-de/by-2-0': {
    name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    url: 'https://www.govdata.de/dl-de/by-2-0',
  },
  'cc-by-4.0': {
    name: 'Creative Commons Namensnennung 4.0 International (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'cc0-1.0': {
    name: 'CC0 1.0 Universell (Public Domain Dedication)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  'odbl-1.0': {
    name: 'Open Data Commons Open Database License (ODbL) 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
};

export function licence(id: string): { id: string; name: string; url?: string } {
  const known = LICENCES[id.toLowerCase()];
  return known ? { id, ...known } : { id, name: id };
}
