import { element, XML_DECLARATION } from './xml';

// Atom feeds (RFC 4287), built with the escaping XML writer.

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
