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
  /** `render` may answer another status (a form error, say): such a page is sent but never shared. */
  send(request: FastifyRequest, reply: FastifyReply, render: (ctx: RequestContext) => Promise<VNode | { page: VNode; status: number }>): Promise<FastifyReply>;
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
    async send(request, reply, render) {
      const { ctx } = request;
      const send = (body: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(body);
      const rendered = async (c: RequestContext) => {
        const answer = await render(c);
        return 'page' in answer ? { html: renderHtml(answer.page), status: answer.status } : { html: renderHtml(answer), status: 200 };
      };
      if (ctx.user || seconds <= 0) {
        const { html, status } = await rendered(ctx);
        return send(html, status);
      }
      const key = `${ctx.org.id}|${ctx.locale}|${request.url}`;
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
