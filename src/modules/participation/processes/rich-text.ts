import sanitizeHtml from 'sanitize-html';

// A process's body is HTML that staff write; it is stored already sanitised, so a page shows it as it is. Only
// text structure survives: no scripts, styles, images, frames or attributes beyond a link's address, and links
// only to web or mail addresses, marked so search engines and the target page get nothing from us.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'br'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Whatever rel was written, ours replaces it.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }) },
};

export function sanitizeRichText(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS);
  // A link whose address was refused keeps its text but loses its href; an <a> without one is no link.
  return clean.replace(/<a rel="nofollow noopener">([\s\S]*?)<\/a>/g, '$1').trim();
}
