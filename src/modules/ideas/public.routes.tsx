import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/errors';
import { currentUser, signedInOnly } from '../../platform/http/guards';
import { sharedPages } from '../../platform/http/page-cache';
import { Id, IdParams, knownNotice, NoticeQuery } from '../../platform/http/schemas';
import { translator } from '../../platform/i18n';
import type { ModuleServices } from '../../platform/module';
import { sendHtml } from '../../platform/views/render';
import { listStadtbezirke } from '../organizations';
import * as ideas from './idea.service';
import { decide } from './idea-eligibility';
import * as q from './ideas.queries';
import { cursorOf, IdeaListQuery, listFilter } from './list-query';
import { ideaMapRoutes } from './map.routes';
import { messages } from './messages';
import { comments } from './participation-links';
import { processLink } from './process-links';
import { IdeaPage, type SupportState } from './views/idea-page';
import { IdeaListPage } from './views/list-page';

const PAGE_SIZE = 20;
const NOTICES = ['added', 'reached', 'withdrawn', 'submitted'] as const;
const PhotoParams = Type.Object({ id: Id, file: Type.Union([Type.Literal('large.jpg'), Type.Literal('thumb.jpg')]) });

/** The public side: the list (and its map), an idea's page, supporting, photos. */
export async function publicIdeaRoutes(app: FastifyInstance, { db, storage, config }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  ideaMapRoutes(app, db);

  // Anonymous visitors share the rendered list for PUBLIC_CACHE_SECONDS (as /meldungen): random filters at 50
  // connections cost one render per address and window, not one per request.
  const shared = sharedPages(config.publicCacheSeconds);

  routes.get('/ideen', { schema: { querystring: IdeaListQuery } }, async (request, reply) => {
    const query = request.query;
    return shared.send(request, reply, async (ctx) => {
      const filter = listFilter(query);
      const now = new Date();
      const map = query.darstellung === 'karte';
      const [rows, districts, settings, mapRows] = await Promise.all([
        q.listIdeas(db, ctx.org.id, filter, PAGE_SIZE),
        listStadtbezirke(db, ctx.org.id),
        ideas.ideaSettings(db, ctx.org.id, now),
        map ? q.mapIdeas(db, ctx.org.id, filter, 500) : Promise.resolve([]),
      ]);
      const page = rows.slice(0, PAGE_SIZE);
      const last = page.at(-1);
      const next = rows.length > PAGE_SIZE && last ? cursorOf(filter.sort, last) : null;
      const state = {
        q: query.suche ?? '',
        topic: query.thema ?? '',
        district: query.bezirk ?? '',
        status: query.stand ?? '',
        sort: filter.sort,
        map,
      };
      return (
        <IdeaListPage
          ctx={ctx}
          state={state}
          rows={page}
          next={next}
          districts={districts}
          threshold={settings.threshold}
          answerWeeks={settings.answerWeeks}
          mapCount={mapRows.length}
          now={now}
          notFirst={query.weiter !== undefined}
        />
      );
    });
  });

  /** An idea's page; `alert` (with its status) when an action on it was refused. */
  async function ideaPage(request: FastifyRequest, reply: FastifyReply, id: number, notice?: string, alert?: { title: string; text: string }, status = 200) {
    const { ctx } = request;
    const idea = await q.findIdea(db, ctx.org.id, id);
    if (!idea) throw new AppError('not_found');
    // A merged idea lives on in the one it was merged with.
    if (idea.status === 'merged' && idea.merged_into_id) return reply.redirect(`/ideen/${idea.merged_into_id}`, 301);
    const now = new Date();
    const settings = await ideas.ideaSettings(db, ctx.org.id, now);
    const [photos, events, supporting, allowed] = await Promise.all([
      q.ideaPhotos(db, ctx.org.id, idea.id),
      q.ideaEvents(db, ctx.org.id, idea.id),
      ideas.supports(db, ctx.org.id, idea.id, ctx.user),
      decide(db, { organizationId: ctx.org.id, userId: ctx.user?.id ?? null }, ideas.ruleFor(settings, 'support'), now),
    ]);
    const support: SupportState = !ctx.user
      ? 'anonymous'
      : idea.author_user_id === ctx.user.id
        ? 'own'
        : supporting
          ? 'supporting'
          : allowed.allowed
            ? 'can'
            : 'refused';
    if (ctx.user) reply.header('Cache-Control', 'no-store');
    return sendHtml(
      reply,
      <IdeaPage
        ctx={ctx}
        idea={idea}
        photos={photos}
        events={events}
        threshold={settings.threshold}
        support={support}
        refusal={allowed.allowed ? undefined : allowed.refusal}
        notice={notice}
        alert={alert}
        now={now}
        comments={await comments(db, ctx, idea)}
        processLink={await processLink(db, ctx.org.id, idea.process_id)}
      />,
      status,
    );
  }

  routes.get('/ideen/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) => {
    const ok = knownNotice(NOTICES, request.query.ok);
    return ideaPage(request, reply, request.params.id, ok ? translator(messages, request.ctx.locale)(`ok.${ok}`) : undefined);
  });

  routes.post('/ideen/:id/unterstuetzen', { preHandler: signedInOnly(), schema: { params: IdParams } }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const now = new Date();
    const settings = await ideas.ideaSettings(db, ctx.org.id, now);
    if (!(await q.findIdea(db, ctx.org.id, request.params.id))) throw new AppError('not_found');
    await ideas.requireAllowed(db, ctx.org.id, user, ideas.ruleFor(settings, 'support'), now);
    try {
      await ideas.enforceLimit(db, 'support', request.ip, user);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'rate_limited') throw err;
      const seconds = err.details.retryAfterSeconds ?? 60;
      reply.header('Retry-After', String(seconds));
      const t = translator(messages, ctx.locale);
      const alert = { title: t('limitTitle'), text: t('limitText.support', { minutes: Math.ceil(seconds / 60) }) };
      return ideaPage(request, reply, request.params.id, undefined, alert, 429);
    }
    const outcome = await ideas.supportIdea(db, ctx.org, request.params.id, user, settings, now);
    const ok = outcome === 'reached' ? 'reached' : outcome === 'added' ? 'added' : null;
    return reply.redirect(`/ideen/${request.params.id}${ok ? `?ok=${ok}` : ''}`, 303);
  });

  routes.post('/ideen/:id/zurueckziehen', { preHandler: signedInOnly(), schema: { params: IdParams } }, async (request, reply) => {
    const removed = await ideas.withdrawSupport(db, request.ctx.org, request.params.id, currentUser(request));
    return reply.redirect(`/ideen/${request.params.id}${removed ? '?ok=withdrawn' : ''}`, 303);
  });

  // Photos of ideas that are public (every idea but a merged one, whose page redirects).
  routes.get('/ideen/fotos/:id/:file', { schema: { params: PhotoParams } }, async (request, reply) => {
    const photo = await q.findPhoto(db, request.ctx.org.id, request.params.id);
    if (!photo) throw new AppError('not_found');
    const data = await storage.get(ideas.photoKey(photo.storage_key, request.params.file === 'large.jpg' ? 'large' : 'thumb'));
    if (!data) throw new AppError('not_found');
    reply.header('Cache-Control', 'public, max-age=300');
    return reply.type('image/jpeg').send(data);
  });
}
