import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RequestContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { currentUser, signedInOnly } from '../../platform/http/guards';
import { sharedPages } from '../../platform/http/page-cache';
import { IdParams, knownNotice, NoticeQuery, TokenParams } from '../../platform/http/schemas';
import { startSession } from '../../platform/http/session-cookie';
import { translator } from '../../platform/i18n';
import { contentFor } from '../../platform/i18n/content-translations';
import { hashToken } from '../../platform/security/tokens';
import { sendHtml } from '../../platform/views/render';
import { LinkInvalidPage } from '../accounts';
import { messages } from './messages';
import { REPORT_EVENT_BODY } from './note-translations';
import * as q from './report.queries';
import type { LocationStepExtras, ReportRouteDeps } from './report.routes';
import { PhotoParams, photoSize } from './report.schemas';
import * as reports from './report.service';
import { loadReportPage, ShownElsewhere } from './report-page.data';
import { ConfirmReportPage } from './views/report-form';
import { ReportPage } from './views/report-page';

/** What the report page says after an action that leads back to it (?ok=…), as message keys. */
const NOTICES = { confirmed: 'confirmedText', supported: 'meTooDone', unfollowed: 'unfollowed', following: 'following' } as const;
type Notice = keyof typeof NOTICES;
const NOTICE_KEYS = Object.keys(NOTICES) as Notice[];

/** The page of a report that another module shows on its own page is a redirect there. */
async function orElsewhere(reply: FastifyReply, answer: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await answer();
  } catch (err) {
    if (err instanceof ShownElsewhere) return reply.redirect(err.target, 303);
    throw err;
  }
}

/** Confirmation links, the public report page with support and follow, and the photos of public reports. */
export function reportPageRoutes(app: FastifyInstance, { db, config, storage, redirects = [] }: ReportRouteDeps, extras: LocationStepExtras): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const deps: reports.ReportDeps = { db, storage, secret: config.secret, publicUrl: config.publicUrl };
  const shared = sharedPages(config.publicCacheSeconds);

  routes.get('/meldungen/bestaetigen/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    if (!(await q.peekReportToken(db, request.ctx.org.id, hashToken(token))))
      return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/melden" />, 410);
    return sendHtml(reply, <ConfirmReportPage ctx={request.ctx} token={token} />);
  });

  routes.post('/meldungen/bestaetigen/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const result = await reports.confirmByToken(deps, request.ctx.org, request.params.token);
    if (!result) return sendHtml(reply, <LinkInvalidPage ctx={request.ctx} retry="/melden" />, 410);
    await startSession(db, config, request, reply, result.userId, 'resident');
    return reply.redirect(`/meldungen/${result.reportId}?ok=confirmed`, 303);
  });

  // The shared copy is keyed by the report's last change and never served once the report is not public.
  const version = async (ctx: RequestContext, id: number) => {
    const row = await q.publicReportVersion(db, ctx.org.id, id);
    return row ? new Date(row.updated_at).toISOString() : null;
  };
  routes.get('/meldungen/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) =>
    orElsewhere(reply, () =>
      shared.send(request, reply, (ctx) => reportPage(ctx, request.params.id, knownNotice(NOTICE_KEYS, request.query.ok)), {
        version: (ctx) => version(ctx, request.params.id),
      }),
    ),
  );

  async function reportPage(ctx: RequestContext, id: number, ok: Notice | undefined, problem?: 'supportOwn') {
    const t = translator(messages, ctx.locale);
    // One statement for everything on the page (the city comes from memory, the session with the request).
    const page = await loadReportPage(db, ctx.org.id, id, ctx.user, ctx.locale, redirects);
    if (!page || page.report.hidden || page.report.status === 'unconfirmed') throw new AppError('not_found');
    const { report } = page;
    // What staff wrote on the timeline, in the visitor's language where someone translated it (German otherwise).
    const withBody = page.events.filter((e) => e.body.trim() !== '').map((e) => e.id);
    const noteTranslations = await contentFor(db, ctx.org.id, REPORT_EVENT_BODY, withBody, ctx.locale);
    return (
      <ReportPage
        ctx={ctx}
        report={report}
        photos={page.photos}
        answers={page.answers}
        events={page.events}
        supporting={page.supporting}
        following={page.following}
        notice={ok ? t(NOTICES[ok], { id }) : undefined}
        problem={problem ? t(problem) : undefined}
        map={extras.reportMap?.(ctx, report)}
        noteTranslations={noteTranslations}
      />
    );
  }

  const signedIn = { preHandler: signedInOnly(), schema: { params: IdParams } };

  routes.post('/meldungen/:id/unterstuetzen', signedIn, async (request, reply) => {
    const { id } = request.params;
    const result = await reports.supportReport(db, request.ctx.org, id, currentUser(request));
    if (result === 'not_found') throw new AppError('not_found');
    // The reporter's own report (the page shows them no button): the page again, saying why nothing was counted.
    if (result === 'own') return orElsewhere(reply, async () => sendHtml(reply, await reportPage(request.ctx, id, undefined, 'supportOwn'), 409));
    return reply.redirect(`/meldungen/${id}?ok=supported`, 303);
  });

  routes.post('/meldungen/:id/folgen', signedIn, async (request, reply) => {
    const { id } = request.params;
    if (!(await reports.followReport(db, request.ctx.org, id, currentUser(request)))) throw new AppError('not_found');
    return reply.redirect(`/meldungen/${id}?ok=following`, 303);
  });

  routes.post('/meldungen/:id/nicht-mehr-folgen', signedIn, async (request, reply) => {
    const { id } = request.params;
    await reports.unfollowReport(db, request.ctx.org, id, currentUser(request));
    return reply.redirect(`/meldungen/${id}?ok=unfollowed`, 303);
  });

  // Only approved photos of public reports have a public address, and only while both are public; everything else
  // is back-office only. Shared caches keep a copy no longer than pages are kept (a hidden photo must not live on
  // in a proxy for a day); browsers revalidate by ETag and get a 304 without the file being read.
  routes.get('/fotos/:id/:file', { schema: { params: PhotoParams } }, async (request, reply) => {
    const photo = await q.photoForServing(db, request.ctx.org.id, request.params.id);
    if (photo?.status !== 'approved') throw new AppError('not_found');
    const size = photoSize(request.params.file);
    const etag = `"${hashToken(`${photo.storage_key}/${size}`).slice(0, 27)}"`;
    reply.header('Cache-Control', `public, max-age=${config.publicCacheSeconds}`).header('ETag', etag);
    if (request.headers['if-none-match']?.split(',').some((m) => m.trim() === etag)) return reply.status(304).send();
    const data = await storage.get(reports.photoKey(photo.storage_key, size));
    if (!data) throw new AppError('not_found');
    return reply.type('image/jpeg').send(data);
  });
}
