import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connect';
import type { FieldErrors } from '../../../platform/http/errors';
import { asForm, field, normaliseEmail } from '../../../platform/http/form';
import { currentUser, staffOnly } from '../../../platform/http/guards';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { berlinDay, bornRangeOfBand } from './age';
import { bandValues, parseBand, parseDay } from './band-form';
import { accountByEmail, districtsOf } from './eligibility.queries';
import { messages } from './messages';
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
    const values = { ...bandValues(body), email: field(body, 'email'), birthDate: field(body, 'birthDate') };
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
    let born = band ? bornRangeOfBand(band.ageMin, band.ageMax, today) : null;
    if (values.birthDate !== '') {
      // An exact date only as a one-day band, and only instead of an age band (see recordCounterVerification).
      const day = parseDay(values.birthDate);
      if (!day || day > today) errors.birthDate = t('bo.err.birthDate');
      else if (values.ageMin !== '' || values.ageMax !== '') errors.birthDate = t('bo.err.ageAndDate');
      else born = { bornFrom: day, bornTo: day };
    }
    if (!account || !band || !born || Object.keys(errors).length > 0)
      return sendHtml(reply, <CounterPage ctx={ctx} districts={districts} values={values} errors={errors} />, 400);
    await recordCounterVerification(db, ctx.org.id, currentUser(request).id, account.id, { districtId: band.districtId, ...born, validUntil: band.validUntil });
    const notice = t('bo.counter.done', { email: account.email });
    return sendHtml(reply, <CounterPage ctx={ctx} districts={districts} values={EMPTY_COUNTER} notice={notice} />);
  });
}
