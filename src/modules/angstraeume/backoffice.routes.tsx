import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../db-schema';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field } from '../../platform/http/form';
import { currentUser, staffOnly, staffOnlyInOwnDepartments } from '../../platform/http/guards';
import { IdParams, NoticeQuery } from '../../platform/http/schemas';
import { sendHtml } from '../../platform/views/render';
import { canWorkOnReport, departmentScope } from '../reports';
import type { AngstraeumeScope } from './angstraeume.http';
import * as q from './angstraeume.queries';
import * as service from './angstraeume.service';
import { LIMITS } from './angstraum';
import { BackOfficeOverviewPage, BackOfficePlacePage, SettingsPage } from './views/backoffice-pages';
import { tr } from './views/parts';

const REVIEWERS: StaffRole[] = ['admin', 'moderator'];

/**
 * As for reports: admins and moderators work on every place, department staff on their departments' places only
 * (the place's department_id). They neither read the unreviewed text of other departments' places nor publish
 * measures there.
 */
const ownDepartments = { preHandler: staffOnlyInOwnDepartments() };

/** The back office: the review queue and all places, the settings, one place with its review and measures. */
export function backOfficeRoutes(app: FastifyInstance, { db, now }: AngstraeumeScope): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  o.get('/verwaltung/angstraeume', ownDepartments, async (request, reply) => {
    const { ctx } = request;
    const scope = departmentScope(currentUser(request));
    const [queue, { places, settings: s }] = await Promise.all([q.reviewQueue(db, ctx.org.id, scope), service.loadPlaces(db, ctx.org.id, now())]);
    const own = scope === null ? places : places.filter((p) => p.department_id !== null && scope.includes(p.department_id));
    return sendHtml(reply, <BackOfficeOverviewPage ctx={ctx} queue={queue} places={own} now={now()} intervalDays={s.intervalDays} />);
  });

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, values?: { interval: string; weeks: string }, errors?: FieldErrors, saved = false) {
    const s = await q.settingsOf(db, request.ctx.org.id);
    const shown = values ?? { interval: String(s.intervalDays), weeks: String(s.questionnaireWeeks) };
    return sendHtml(reply, <SettingsPage ctx={request.ctx} values={shown} errors={errors} saved={saved} />, errors ? 400 : 200);
  }

  o.get('/verwaltung/angstraeume/einstellungen', { preHandler: staffOnly('admin'), schema: { querystring: NoticeQuery } }, async (request, reply) =>
    settingsPage(request, reply, undefined, undefined, request.query.ok === '1'),
  );

  o.post('/verwaltung/angstraeume/einstellungen', { preHandler: staffOnly('admin') }, async (request, reply) => {
    const body = asForm(request.body);
    const values = { interval: field(body, 'interval'), weeks: field(body, 'weeks') };
    const parsed = service.parseSettings(values);
    if (!parsed.ok) {
      const t = tr(request.ctx.locale);
      const errors: FieldErrors = {};
      if (parsed.errors.interval) errors.interval = t('err.interval');
      if (parsed.errors.weeks) errors.weeks = t('err.weeks');
      return settingsPage(request, reply, values, errors);
    }
    await q.saveSettings(db, request.ctx.org.id, parsed.value, currentUser(request).id);
    return reply.redirect('/verwaltung/angstraeume/einstellungen?ok=1', 303);
  });

  /** The place, when it exists and the signed-in staff member may work on it (403 otherwise, as for reports). */
  async function placeForStaff(request: FastifyRequest, id: number) {
    const place = await q.placeById(db, request.ctx.org.id, id);
    if (!place) throw new AppError('not_found');
    if (!canWorkOnReport(currentUser(request), place)) throw new AppError('forbidden');
    return place;
  }

  async function staffPlace(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    options: {
      review?: { description: string; address: string; errors?: FieldErrors };
      measure?: { type: string; body: string; errors?: FieldErrors };
      notice?: string;
      status?: number;
    } = {},
  ) {
    const { ctx } = request;
    const place = await placeForStaff(request, id);
    const measures = service.toMeasures(await q.measuresOf(db, request.ctx.org.id, [id])).get(id) ?? [];
    return sendHtml(
      reply,
      <BackOfficePlacePage
        ctx={ctx}
        place={place}
        measures={measures}
        review={options.review ?? { description: place.description, address: place.address }}
        measure={options.measure ?? { type: '', body: '' }}
        notice={options.notice}
      />,
      options.status ?? 200,
    );
  }

  o.get('/verwaltung/angstraeume/:id', { ...ownDepartments, schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) => {
    const { ok } = request.query;
    const t = tr(request.ctx.locale);
    return staffPlace(request, reply, request.params.id, {
      notice: ok === 'geprueft' ? t('bo.publishedNotice') : ok === 'massnahme' ? t('bo.measureDone') : undefined,
    });
  });

  o.post('/verwaltung/angstraeume/:id/pruefen', { preHandler: staffOnly(...REVIEWERS), schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const body = asForm(request.body);
    const text = { description: field(body, 'description'), address: field(body, 'address') };
    const result = await service.reviewPlace(db, request.ctx.org.id, id, currentUser(request).id, text);
    if (result.ok) return reply.redirect(`/verwaltung/angstraeume/${id}?ok=geprueft`, 303);
    if ('notFound' in result) throw new AppError('not_found');
    const t = tr(request.ctx.locale);
    const errors: FieldErrors = {};
    if (result.errors.description)
      errors.description = result.errors.description === 'tooLong' ? t('err.tooLong', { max: LIMITS.descriptionMax }) : t('err.description');
    if (result.errors.address) errors.address = t('err.tooLong', { max: LIMITS.addressMax });
    return staffPlace(request, reply, id, { review: { ...text, errors }, status: 400 });
  });

  o.post('/verwaltung/angstraeume/:id/massnahme', { ...ownDepartments, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    await placeForStaff(request, id);
    const body = asForm(request.body);
    const values = { type: field(body, 'type'), body: field(body, 'body') };
    const result = await service.postMeasure(db, request.ctx.org.id, id, currentUser(request).id, values);
    if (result.ok) return reply.redirect(`/verwaltung/angstraeume/${id}?ok=massnahme`, 303);
    if ('notFound' in result) throw new AppError('not_found');
    if ('needsReview' in result) return staffPlace(request, reply, id, { measure: values, status: 409 });
    const t = tr(request.ctx.locale);
    const errors: FieldErrors = {};
    if (result.errors.type) errors.type = t('err.measureType');
    if (result.errors.body) errors.body = result.errors.body === 'tooLong' ? t('err.tooLong', { max: LIMITS.measureMax }) : t('err.measureText');
    return staffPlace(request, reply, id, { measure: { ...values, errors }, status: 400 });
  });
}
