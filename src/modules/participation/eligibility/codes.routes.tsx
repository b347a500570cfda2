import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config';
import type { Db } from '../../../platform/db/connect';
import { csvDocument } from '../../../platform/formats/csv';
import { AppError, type FieldErrors } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { currentUser, staffOnly } from '../../../platform/http/guards';
import { IdParams, NoticeQuery } from '../../../platform/http/schemas';
import { type Locale, translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { insertAudit } from '../../organizations';
import { berlinDay } from './age';
import { bandValues, parseBand } from './band-form';
import * as q from './codes.queries';
import { messages } from './messages';
import { batchAgeText, dayText } from './summary';
import { districtsOf } from './verification.queries';
import { issueLetterCodes, MAX_CODES_PER_BATCH, SEALED_MINUTES, sealedCodes } from './verification.service';
import { CODES_PATH, CodeBatchesPage, CodeFormPage, CodesIssuedPage } from './views/codes-pages';

// Letter codes in the back office (admins only: a batch decides who may vote in a city's processes).

export function codeRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { preHandler: staffOnly('admin') };
  const empty = { count: '', district: '', ageMin: '', ageMax: '', ageOn: '', validUntil: '' };

  o.get(CODES_PATH, { ...admin, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const ok = request.query.ok;
    const notice = ok?.startsWith('revoked-') ? t('bo.codes.revoked', { n: Number(ok.slice(8)) || 0 }) : undefined;
    await q.dropOldSealedCodes(db, ctx.org.id, SEALED_MINUTES);
    return sendHtml(reply, <CodeBatchesPage ctx={ctx} batches={await q.listBatches(db, ctx.org.id)} notice={notice} />);
  });

  o.get(`${CODES_PATH}/neu`, admin, async (request, reply) =>
    sendHtml(reply, <CodeFormPage ctx={request.ctx} districts={await districtsOf(db, request.ctx.org.id)} values={empty} />),
  );

  o.post(CODES_PATH, admin, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const body = asForm(request.body);
    const values = { ...bandValues(body), count: field(body, 'count') };
    const districts = await districtsOf(db, ctx.org.id);
    const errors: FieldErrors = {};
    const count = /^\d{1,5}$/.test(values.count) ? Number(values.count) : 0;
    if (count < 1 || count > MAX_CODES_PER_BATCH) errors.count = t('bo.err.count');
    const band = parseBand(
      values,
      districts.map((d) => d.id),
      berlinDay(new Date()),
      t,
      errors,
    );
    if (!band || errors.count) return sendHtml(reply, <CodeFormPage ctx={ctx} districts={districts} values={values} errors={errors} />, 400);
    const { batchId, codes } = await issueLetterCodes(db, config.secret, ctx.org.id, band, count, currentUser(request).id, new Date());
    // The plain codes are in this answer: never cached, never kept by a proxy.
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, <CodesIssuedPage ctx={ctx} batchId={batchId} codes={codes} />);
  });

  o.get(`${CODES_PATH}/:id/codes.csv`, { ...admin, schema: { params: IdParams } }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const codes = await sealedCodes(db, config.secret, ctx.org.id, request.params.id, user.id);
    if (!codes) throw new AppError('not_found');
    const batch = await q.findBatch(db, ctx.org.id, request.params.id);
    if (!batch) throw new AppError('not_found');
    const locale: Locale = ctx.locale === 'en' ? 'en' : 'de';
    const t = translator(messages, locale);
    const area = batch.district_name ?? t('bo.field.wholeCity');
    const band = batchAgeText(locale, batch);
    const until = dayText(batch.valid_until, locale);
    await insertAudit(db, { organizationId: ctx.org.id, actorUserId: user.id, action: 'verification.codes_downloaded', subject: String(batch.id) });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="brief-codes-${batch.id}.csv"`)
      .header('cache-control', 'no-store')
      .send(
        // The mail-merge file through the platform's writer: district names are data, so a cell a spreadsheet
        // would run as a formula is neutralised there.
        csvDocument(
          [t('bo.csv.code'), t('bo.csv.district'), t('bo.csv.age'), t('bo.csv.validUntil')],
          codes.map((c) => [c, area, band, until]),
        ),
      );
  });

  o.post(`${CODES_PATH}/:id/widerrufen`, { ...admin, schema: { params: IdParams } }, async (request, reply) => {
    const { ctx } = request;
    if (!(await q.findBatch(db, ctx.org.id, request.params.id))) throw new AppError('not_found');
    const n = await q.revokeUnusedCodes(db, ctx.org.id, request.params.id);
    await insertAudit(db, {
      organizationId: ctx.org.id,
      actorUserId: currentUser(request).id,
      action: 'verification.codes_revoked',
      subject: String(request.params.id),
      details: { count: n },
    });
    return reply.redirect(`${CODES_PATH}?ok=revoked-${n}`, 303);
  });
}
