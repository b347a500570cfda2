import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/connect';
import type { FieldErrors } from '../../../platform/http/errors';
import type { FormBody } from '../../../platform/http/form';
import { currentUser } from '../../../platform/http/guards';
import { sendHtml } from '../../../platform/views/render';
import { formChoices } from './admin.service';
import { berlinDay } from './process';
import * as q from './process.queries';
import { processToForm } from './process-form';
import { ProcessFormPage } from './views/admin-pages';
import { ProcessSections, type SectionState } from './views/admin-sections';

/**
 * The edit page of a process: its form (as stored, or as sent with errors) and the sections below it (phases,
 * documents, image), one of which may come back with its own errors and input. Every edit route answers with it.
 */
export async function sendEditPage(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  process: q.ProcessRow,
  options: { values?: FormBody; errors?: FieldErrors; notice?: string | undefined; sections?: SectionState; status?: number } = {},
) {
  const { ctx } = request;
  const orgId = ctx.org.id;
  const [{ options: formOptions }, phases, districts, documents] = await Promise.all([
    formChoices(db, orgId, currentUser(request)),
    q.phasesOf(db, orgId, [process.id]),
    q.districtsOf(db, orgId, [process.id]),
    q.documentsOf(db, orgId, process.id),
  ]);
  const values =
    options.values ??
    processToForm(
      process,
      districts.map((d) => d.id),
    );
  // Input a person typed comes back in this page: no cache keeps it.
  reply.header('Cache-Control', 'no-store');
  return sendHtml(
    reply,
    <ProcessFormPage
      ctx={ctx}
      id={process.id}
      values={values}
      errors={options.errors}
      notice={options.notice}
      options={formOptions}
      after={
        <ProcessSections
          ctx={ctx}
          processId={process.id}
          phases={phases}
          today={berlinDay(new Date())}
          documents={documents}
          image={{ key: process.image_key, alt: process.image_alt }}
          state={options.sections ?? {}}
        />
      }
    />,
    options.status ?? 200,
  );
}
