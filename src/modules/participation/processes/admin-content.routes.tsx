import { readFile } from 'node:fs/promises';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError, type FieldErrors } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { currentUser } from '../../../platform/http/guards';
import { megabytes, multipartForm, type UploadLimits } from '../../../platform/http/multipart-form';
import { Id, IdParams } from '../../../platform/http/schemas';
import { translator } from '../../../platform/i18n';
import type { ModuleServices } from '../../../platform/module';
import { sendHtml } from '../../../platform/views/render';
import { processStaff } from './admin.routes';
import { DOCUMENT_MAX_BYTES, endPhaseEarly, IMAGE_MAX_BYTES, isPdf, processForStaff, storeDocument, storeImage } from './admin.service';
import { sendEditPage } from './admin-edit';
import { processMessages } from './messages';
import * as q from './process.queries';
import { phaseToForm, readPhaseForm } from './process-form';
import { PhaseFormPage } from './views/admin-sections';

const PhaseParams = Type.Object({ id: Id, phaseId: Id });
const DocumentParams = Type.Object({ id: Id, documentId: Id });
const DOCUMENT_UPLOAD: UploadLimits = { field: 'document', maxFiles: 1, maxFileBytes: DOCUMENT_MAX_BYTES, maxTotalBytes: DOCUMENT_MAX_BYTES };
const IMAGE_UPLOAD: UploadLimits = { field: 'image', maxFiles: 1, maxFileBytes: IMAGE_MAX_BYTES, maxTotalBytes: IMAGE_MAX_BYTES };

/** Phases (add, edit, remove, end now), documents and the image of a process, each from its edit page. */
export async function adminProcessContentRoutes(app: FastifyInstance, { db, storage }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = (id: number) => `/verwaltung/beteiligung/${id}`;

  routes.post('/verwaltung/beteiligung/:id/phasen', { ...processStaff, schema: { params: IdParams } }, async (request, reply) => {
    const { ctx } = request;
    const process = await processForStaff(db, ctx.org.id, currentUser(request), request.params.id);
    const body = asForm(request.body);
    const { values, errors } = readPhaseForm(body, ctx.locale);
    if (Object.keys(errors).length > 0) return sendEditPage(db, request, reply, process, { sections: { phase: { values: body, errors } }, status: 400 });
    await q.insertPhase(db, ctx.org.id, process.id, values);
    await q.touchProcess(db, ctx.org.id, process.id);
    return reply.redirect(`${base(process.id)}?ok=phase#phasen`, 303);
  });

  async function phaseOf(organizationId: number, processId: number, phaseId: number) {
    const phase = (await q.phasesOf(db, organizationId, [processId])).find((p) => p.id === phaseId);
    if (!phase) throw new AppError('not_found');
    return phase;
  }

  routes.get('/verwaltung/beteiligung/:id/phasen/:phaseId', { ...processStaff, schema: { params: PhaseParams } }, async (request, reply) => {
    const { ctx } = request;
    const process = await processForStaff(db, ctx.org.id, currentUser(request), request.params.id);
    const phase = await phaseOf(ctx.org.id, process.id, request.params.phaseId);
    return sendHtml(reply, <PhaseFormPage ctx={ctx} processId={process.id} phaseId={phase.id} values={phaseToForm(phase)} />);
  });

  routes.post('/verwaltung/beteiligung/:id/phasen/:phaseId', { ...processStaff, schema: { params: PhaseParams } }, async (request, reply) => {
    const { ctx } = request;
    const process = await processForStaff(db, ctx.org.id, currentUser(request), request.params.id);
    const phase = await phaseOf(ctx.org.id, process.id, request.params.phaseId);
    const body = asForm(request.body);
    const { values, errors } = readPhaseForm(body, ctx.locale);
    if (Object.keys(errors).length > 0) {
      reply.header('Cache-Control', 'no-store');
      return sendHtml(reply, <PhaseFormPage ctx={ctx} processId={process.id} phaseId={phase.id} values={body} errors={errors} />, 400);
    }
    await q.updatePhase(db, ctx.org.id, process.id, phase.id, values);
    await q.touchProcess(db, ctx.org.id, process.id);
    return reply.redirect(`${base(process.id)}?ok=phase#phasen`, 303);
  });

  routes.post('/verwaltung/beteiligung/:id/phasen/:phaseId/loeschen', { ...processStaff, schema: { params: PhaseParams } }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const process = await processForStaff(db, ctx.org.id, user, request.params.id);
    const phase = await phaseOf(ctx.org.id, process.id, request.params.phaseId);
    await q.deletePhase(db, ctx.org.id, process.id, phase.id);
    await q.processAudit(db, {
      organizationId: ctx.org.id,
      actorUserId: user.id,
      action: 'participation.phase_removed',
      subject: `participation_phase:${phase.id}`,
      details: { processId: process.id, title: phase.title },
    });
    return reply.redirect(`${base(process.id)}?ok=phase-entfernt#phasen`, 303);
  });

  routes.post('/verwaltung/beteiligung/:id/phasen/:phaseId/beenden', { ...processStaff, schema: { params: PhaseParams } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(processMessages, ctx.locale);
    const user = currentUser(request);
    const process = await processForStaff(db, ctx.org.id, user, request.params.id);
    const phaseId = request.params.phaseId;
    const name = `reason-${phaseId}`;
    const reason = field(asForm(request.body), name);
    const errors: FieldErrors = {};
    if (reason === '' || reason.length > 1000) errors[name] = t('bo.err.reason');
    else if ((await endPhaseEarly(db, { organizationId: ctx.org.id, processId: process.id, phaseId, actorUserId: user.id, reason })) === 'over')
      errors[name] = t('bo.err.alreadyOver');
    if (Object.keys(errors).length > 0)
      return sendEditPage(db, request, reply, process, { errors, sections: { end: { phaseId, reason, errors } }, status: 400 });
    return reply.redirect(`${base(process.id)}?ok=beendet#phasen`, 303);
  });

  routes.post(
    '/verwaltung/beteiligung/:id/dokumente',
    { ...processStaff, schema: { params: IdParams }, config: { uploads: DOCUMENT_UPLOAD } },
    async (request, reply) => {
      const { ctx } = request;
      const t = translator(processMessages, ctx.locale);
      const user = currentUser(request);
      const process = await processForStaff(db, ctx.org.id, user, request.params.id);
      const { fields, files, problem } = multipartForm(request);
      const title = field(fields, 'docTitle');
      const file = files[0];
      const errors: FieldErrors = {};
      if (title === '' || title.length > 200) errors.docTitle = t('bo.err.docTitle');
      if (problem)
        errors.document = t('bo.err.docTooLarge', {
          file: problem.kind === 'fileSize' ? problem.filename.slice(0, 80) : 'PDF',
          mb: megabytes(DOCUMENT_MAX_BYTES),
        });
      else if (!file) errors.document = t('bo.err.docFile');
      else if (!(await isPdf(file.path))) errors.document = t('bo.err.docPdf', { file: file.filename.slice(0, 80) });
      if (Object.keys(errors).length > 0 || !file) {
        return sendEditPage(db, request, reply, process, { sections: { document: { title, errors } }, status: problem ? 413 : 400 });
      }
      await storeDocument(db, storage, { organizationId: ctx.org.id, processId: process.id, title, data: await readFile(file.path), actorUserId: user.id });
      return reply.redirect(`${base(process.id)}?ok=dokument#unterlagen`, 303);
    },
  );

  routes.post('/verwaltung/beteiligung/:id/dokumente/:documentId/loeschen', { ...processStaff, schema: { params: DocumentParams } }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const process = await processForStaff(db, ctx.org.id, user, request.params.id);
    const removed = await q.deleteDocument(db, ctx.org.id, process.id, request.params.documentId);
    if (!removed) throw new AppError('not_found');
    await storage.remove(removed.storage_key);
    await q.processAudit(db, {
      organizationId: ctx.org.id,
      actorUserId: user.id,
      action: 'participation.document_removed',
      subject: `participation_process:${process.id}`,
      details: { documentId: request.params.documentId },
    });
    return reply.redirect(`${base(process.id)}?ok=dokument-entfernt#unterlagen`, 303);
  });

  routes.post(
    '/verwaltung/beteiligung/:id/bild',
    { ...processStaff, schema: { params: IdParams }, config: { uploads: IMAGE_UPLOAD } },
    async (request, reply) => {
      const { ctx } = request;
      const t = translator(processMessages, ctx.locale);
      const process = await processForStaff(db, ctx.org.id, currentUser(request), request.params.id);
      const { fields, files, problem } = multipartForm(request);
      const alt = field(fields, 'imageAlt');
      const file = files[0];
      const errors: FieldErrors = {};
      if (alt === '' || alt.length > 300) errors.imageAlt = t('bo.err.imageAlt');
      if (problem) errors.image = t('bo.err.upload', { mb: megabytes(IMAGE_MAX_BYTES) });
      else if (!file) errors.image = t('bo.err.imageFile');
      if (Object.keys(errors).length === 0 && file) {
        const stored = await storeImage(db, storage, { organizationId: ctx.org.id, processId: process.id, data: await readFile(file.path), alt });
        if (stored) return reply.redirect(`${base(process.id)}?ok=bild#bild`, 303);
        errors.image = t('bo.err.image');
      }
      return sendEditPage(db, request, reply, process, { sections: { image: { alt, errors } }, status: problem ? 413 : 400 });
    },
  );
}
