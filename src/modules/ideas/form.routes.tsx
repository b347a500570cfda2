import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { type FormBody, field } from '../../platform/http/form';
import { signedInOnly } from '../../platform/http/guards';
import { megabytes, multipartForm, type UploadLimits } from '../../platform/http/multipart-form';
import { translator } from '../../platform/i18n';
import { formatView, mapClick, parseView, viewAround } from '../../platform/map/geometry';
import type { ModuleServices } from '../../platform/module';
import { sendHtml } from '../../platform/views/render';
import { listStadtbezirke } from '../organizations';
import { LIMITS as REPORT_LIMITS, reportMessages, uploadProblemText } from '../reports';
import { LIMITS } from './idea';
import * as ideas from './idea.service';
import { decide } from './idea-eligibility';
import { cityView } from './map.routes';
import { messages } from './messages';
import { openProcesses } from './process-links';
import { EMPTY_FORM, IdeaFormPage, type IdeaFormValues } from './views/form-page';
import { RefusedPage } from './views/refused-page';

/** The photos an idea takes: streamed to temporary files; the form sends its CSRF token first. */
const IDEA_UPLOADS: UploadLimits = {
  field: 'photos',
  maxFiles: LIMITS.photosMax,
  maxFileBytes: REPORT_LIMITS.photoBytesMax,
  maxTotalBytes: LIMITS.photosMax * REPORT_LIMITS.photoBytesMax,
};

const valuesOf = (f: FormBody): IdeaFormValues => ({
  title: field(f, 'title'),
  description: field(f, 'description'),
  topic: field(f, 'topic'),
  districtId: field(f, 'districtId'),
  lat: field(f, 'lat'),
  lon: field(f, 'lon'),
  processId: field(f, 'processId'),
  view: field(f, 'ansicht'),
});

/** Submitting an idea (/ideen/neu), with and without JavaScript; the place is chosen on the server-drawn map. */
export async function ideaFormRoutes(app: FastifyInstance, services: ModuleServices): Promise<void> {
  const { db, storage } = services;

  async function allowedToPropose(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const { ctx } = request;
    const settings = await ideas.ideaSettings(db, ctx.org.id);
    const decision = await decide(db, { organizationId: ctx.org.id, userId: ctx.user?.id ?? null }, ideas.ruleFor(settings, 'propose'), new Date());
    if (decision.allowed) return true;
    await sendHtml(reply, <RefusedPage ctx={ctx} refusal={decision.refusal} returnTo="/ideen/neu" />, 403);
    return false;
  }

  async function form(
    request: FastifyRequest,
    reply: FastifyReply,
    values: IdeaFormValues,
    errors?: FieldErrors,
    status = 200,
    photosLost = false,
    alert?: { title: string; text: string },
  ) {
    const { ctx } = request;
    reply.header('Cache-Control', 'no-store');
    const [districts, processes] = await Promise.all([listStadtbezirke(db, ctx.org.id), openProcesses(db, ctx.org.id)]);
    return sendHtml(
      reply,
      <IdeaFormPage
        ctx={ctx}
        values={values}
        errors={errors}
        districts={districts}
        processes={processes}
        photosLost={photosLost}
        alert={alert}
        photoMb={megabytes(REPORT_LIMITS.photoBytesMax)}
      />,
      status,
    );
  }

  // Proposing needs an account whatever the city's rule (the author hears of answers): anonymous visitors sign in first.
  app.get('/ideen/neu', { preHandler: signedInOnly() }, async (request, reply) => {
    if (!(await allowedToPropose(request, reply))) return reply;
    return form(request, reply, EMPTY_FORM);
  });

  // A click on the form's map (or "Ort entfernen"): the same form again with the place changed and the text kept.
  app.post('/ideen/neu/ort', { config: { uploads: IDEA_UPLOADS }, preHandler: signedInOnly() }, async (request, reply) => {
    if (!(await allowedToPropose(request, reply))) return reply;
    const { fields, files } = multipartForm(request);
    const values = valuesOf(fields);
    if (field(fields, 'ortEntfernen')) return form(request, reply, { ...values, lat: '', lon: '', view: '' }, undefined, 200, files.length > 0);
    const x = field(fields, 'karte.x');
    const y = field(fields, 'karte.y');
    if (/^\d{1,5}$/.test(x) && /^\d{1,5}$/.test(y)) {
      const lat = Number(values.lat);
      const lon = Number(values.lon);
      const current = parseView(values.view) ?? (values.lat && values.lon ? viewAround(lat, lon) : await cityView(db, request.ctx.org.id));
      const outcome = mapClick(current, Number(x), Number(y));
      const picked = outcome.kind === 'pick' ? { lat: outcome.lat.toFixed(6), lon: outcome.lon.toFixed(6) } : {};
      return form(request, reply, { ...values, ...picked, view: formatView(outcome.view) }, undefined, 200, files.length > 0);
    }
    return form(request, reply, values, undefined, 200, files.length > 0);
  });

  app.post('/ideen/neu', { config: { uploads: IDEA_UPLOADS }, preHandler: signedInOnly() }, async (request, reply) => {
    const { ctx } = request;
    // Decided on the server: a bypassed form gets 403 and nothing is stored.
    if (!(await allowedToPropose(request, reply))) return reply;
    const { fields, files, problem } = multipartForm(request);
    const values = valuesOf(fields);
    if (problem) return form(request, reply, values, { photos: uploadProblemText(ctx, problem) }, 413, true);
    const processes = await openProcesses(db, ctx.org.id);
    const processId = values.processId ? (processes.find((p) => String(p.id) === values.processId)?.id ?? 'unknown') : null;
    const photos = files.map((file, i) => ({ filename: `Foto ${i + 1}`, file }));
    const t = translator(messages, ctx.locale);
    let result: Awaited<ReturnType<typeof ideas.submitIdea>>;
    try {
      result = await ideas.submitIdea({ db, storage }, ctx.org, { ...values, processId, photos }, ctx.user, { rateLimit: { ip: request.ip } });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'rate_limited') throw err;
      // The same form again with its input, so the idea can be sent later without typing it again.
      const seconds = err.details.retryAfterSeconds ?? 60;
      reply.header('Retry-After', String(seconds));
      const alert = { title: t('limitTitle'), text: t('limitText.idea', { minutes: Math.ceil(seconds / 60) }) };
      return form(request, reply, values, undefined, 429, files.length > 0, alert);
    }
    if (!result.ok) {
      const tr = translator(reportMessages, ctx.locale);
      const errors: FieldErrors = {};
      for (const [k, p] of Object.entries(result.errors)) {
        const params = { ...p.params, city: ctx.org.name };
        errors[k] = p.key.startsWith('err.photo') && p.key !== 'err.photoCount' ? tr(p.key as 'err.photoType', params) : t(p.key as 'err.title', params);
      }
      return form(request, reply, values, errors, 400, files.length > 0);
    }
    return reply.redirect(`/ideen/${result.id}?ok=submitted`, 303);
  });
}
