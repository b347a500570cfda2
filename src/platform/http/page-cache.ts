import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { randomToken } from '../security/tokens';
import { renderHtml } from '../views/render';
import type { RequestContext } from './context';
import { publicCache } from './response-cache';

/**
 * Public pages as anonymous visitors see them, rendered once and shared for a short time (PUBLIC_CACHE_SECONDS):
 * when the local paper links a report, a thousand readers cost one render and one set of queries, not a
 * thousand. Signed-in visitors always get a fresh page. The one per-visitor part of an anonymous page, the CSRF
 * token in its forms, is rendered as a placeholder and filled in for each answer.
 */
export interface SharedPages {
  /**
   * `render` may answer another status (a form error, say): such a page is sent but never shared, and a shared
   * copy of the address is dropped (a page that is now 404 must not be served from memory any more).
   *
   * `version`, when given, is asked on every anonymous request before the shared copy is used: a cheap query
   * saying which state of the content is current. `null` means the page is not public (any more): nothing shared
   * is served, the page is rendered fresh (and answers its 404). Another version renders a new copy. This is what
   * makes hiding take effect at once in every process, also when it was done outside this one.
   */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    render: (ctx: RequestContext) => Promise<VNode | { page: VNode; status: number }>,
    options?: { version?: (ctx: RequestContext) => Promise<string | null> },
  ): Promise<FastifyReply>;
}

class NotShared {
  constructor(
    readonly html: string,
    readonly status: number,
  ) {}
}

export function sharedPages(seconds: number): SharedPages {
  const cache = publicCache<string>(seconds, 'page', 1000);
  const placeholder = `kcsrf${randomToken(16).replace(/[^A-Za-z0-9]/g, 'x')}`;
  return {
    async send(request, reply, render, options = {}) {
      const { ctx } = request;
      const send = (body: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(body);
      const rendered = async (c: RequestContext) => {
        const answer = await render(c);
        return 'page' in answer ? { html: renderHtml(answer.page), status: answer.status } : { html: renderHtml(answer), status: 200 };
      };
      const version = ctx.user || seconds <= 0 || !options.version ? undefined : await options.version(ctx);
      if (ctx.user || seconds <= 0 || version === null) {
        const { html, status } = await rendered(ctx);
        return send(html, status);
      }
      // The city comes first in the key, so that publicContentChanged(city) finds the city's pages.
      const key = `${ctx.org.id}|${ctx.locale}|${request.url}${version === undefined ? '' : `|${version}`}`;
      try {
        const page = await cache.get(key, async () => {
          const { html, status } = await rendered({ ...ctx, csrfToken: placeholder, requestId: '' });
          if (status !== 200) throw new NotShared(html, status);
          return html;
        });
        return send(page.replaceAll(placeholder, ctx.csrfToken));
      } catch (err) {
        if (!(err instanceof NotShared)) throw err;
        return send(err.html.replaceAll(placeholder, ctx.csrfToken), err.status);
      }
    },
  };
}
