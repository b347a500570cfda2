import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connect';
import type { FieldErrors } from '../../../platform/http/errors';
import { asForm, field, normaliseEmail } from '../../../platform/http/form';
import { currentUser, staffOnly } from '../../../platform/http/guards';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { berlinDay } from './age';
import { bandValues, parseBand } from './band-form';
import { messages } from './messages';
import { accountByEmail, districtsOf } from './verification.queries';
import { recordCounterVerification } from './verification.service';
import { COUNTER_PATH, CounterPage, EMPTY_COUNTER } from './views/counter-page';

// Verification at a counter. Admins and department staff (the Bürgerbüro's people are department staff), not
// moderators: checking an ID is an office's task, moderating comments is another.

export function counterRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  const guard = { preHandler: staffOnly('admin', 'department_staff') };

  app.get(COUNTER_PATH, guard, async (request, reply) =>
    sendHtml(reply, <CounterPage ctx={request.ctx} districts={await districtsOf(db, request.ctx.org.id)} values={EMPTY_COUNTER} />),
  );

  app.post(COUNTER_PATH, guard, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const body = asForm(request.body);
    const values = { ...bandValues(body), email: field(body, 'email') };
    const districts = await districtsOf(db, ctx.org.id);
    const today = berlinDay(new Date());
    const errors: FieldErrors = {};
    const email = normaliseEmail(values.email);
    const account = email ? await accountByEmail(db, ctx.org.id, email) : undefined;
    if (!account) errors.email = t('bo.err.email');
    // Nobody verifies themselves: the ID is seen by a second person.
    else if (account.id === currentUser(request).id) errors.email = t('bo.err.self');
    const band = parseBand(
      values,
      districts.map((d) => d.id),
      today,
      t,
      errors,
    );
    if (!account || !band || Object.keys(errors).length > 0)
      return sendHtml(reply, <CounterPage ctx={ctx} districts={districts} values={values} errors={errors} />, 400);
    await recordCounterVerification(db, ctx.org.id, currentUser(request).id, account.id, band, today);
    const notice = t('bo.counter.done', { email: account.email });
    return sendHtml(reply, <CounterPage ctx={ctx} districts={districts} values={EMPTY_COUNTER} notice={notice} />);
  });
}
