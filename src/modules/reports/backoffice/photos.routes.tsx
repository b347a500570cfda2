import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { RequestContext } from '../../../platform/http/context';
import { AppError } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { currentUser } from '../../../platform/http/guards';
import { Id, NoticeQuery } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { PhotoParams, photoSize } from '../report.schemas';
import { messages } from './backoffice.messages';
import * as bq from './backoffice.queries';
import type { BackOfficeRouteDeps } from './backoffice.routes';
import * as bo from './backoffice.service';
import { renderReport } from './report-view';
import { anyStaff, problemsToErrors } from './route-helpers';
import { PhotoPage } from './views/photo-page';

const ReportPhotoParams = Type.Object({ id: Id, photoId: Id });

/** Photos of a report: moderation (approve, hide), redaction, and every size of every photo for staff. */
export function photoRoutes(app: FastifyInstance, { db, storage }: BackOfficeRouteDeps): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const withPhoto = { ...anyStaff, schema: { params: ReportPhotoParams } };

  /** The photo of a report the person may work on; 404 for a photo of another report. */
  async function photoOf(ctx: RequestContext, user: bo.Actor, reportId: number, photoId: number) {
    await bo.reportForStaff(db, ctx.org, user, reportId);
    const photo = await bq.photoForStaff(db, ctx.org.id, photoId);
    if (!photo || photo.report_id !== reportId) throw new AppError('not_found');
    return photo;
  }

  routes.get(
    '/verwaltung/meldungen/:id/fotos/:photoId',
    { ...withPhoto, schema: { ...withPhoto.schema, querystring: NoticeQuery } },
    async (request, reply) => {
      const { ctx } = request;
      const { id: reportId, photoId } = request.params;
      const photo = await photoOf(ctx, currentUser(request), reportId, photoId);
      const notice = request.query.ok === 'photo_redacted' ? translator(messages, ctx.locale)('ok.photo_redacted') : undefined;
      return sendHtml(reply, <PhotoPage ctx={ctx} reportId={reportId} photo={photo} values={{ x: '', y: '', w: '', h: '' }} notice={notice} />);
    },
  );

  for (const [path, action] of [
    ['freigeben', 'approve'],
    ['verbergen', 'hide'],
  ] as const) {
    routes.post(`/verwaltung/meldungen/:id/fotos/:photoId/${path}`, withPhoto, async (request, reply) => {
      const { id: reportId, photoId } = request.params;
      const result = await bo.moderatePhoto(db, request.ctx.org, currentUser(request), reportId, photoId, action);
      if (!result.ok) return renderReport(db, request, reply, reportId, { errors: problemsToErrors(request.ctx, result.errors), status: 400 });
      return reply.redirect(`/verwaltung/meldungen/${reportId}?ok=${action === 'approve' ? 'photo_approved' : 'photo_hidden'}`, 303);
    });
  }

  // A form post: the region is read by the form code, which shows the photo again with the problems and the input.
  routes.post('/verwaltung/meldungen/:id/fotos/:photoId/schwaerzen', withPhoto, async (request, reply) => {
    const { id: reportId, photoId } = request.params;
    const body = asForm(request.body);
    const values = { x: field(body, 'x'), y: field(body, 'y'), w: field(body, 'w'), h: field(body, 'h') };
    const result = await bo.redactPhoto({ db, storage }, request.ctx.org, currentUser(request), reportId, photoId, values);
    if (!result.ok) {
      const photo = await photoOf(request.ctx, currentUser(request), reportId, photoId);
      return sendHtml(
        reply,
        <PhotoPage ctx={request.ctx} reportId={reportId} photo={photo} values={values} errors={problemsToErrors(request.ctx, result.errors)} />,
        400,
      );
    }
    return reply.redirect(`/verwaltung/meldungen/${reportId}/fotos/${result.newPhotoId}?ok=photo_redacted`, 303);
  });

  // Every photo, whatever its status, for staff who may see its report; never cached by shared caches.
  routes.get('/verwaltung/fotos/:id/:file', { ...anyStaff, schema: { params: PhotoParams } }, async (request, reply) => {
    const { id, file } = request.params;
    const data = await bo.photoFileForStaff({ db, storage }, request.ctx.org, currentUser(request), id, photoSize(file));
    return reply.type('image/jpeg').header('Cache-Control', 'private, no-store').send(data);
  });
}
