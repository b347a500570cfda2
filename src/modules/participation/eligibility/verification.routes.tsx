import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../../platform/db/connect';
import { clientKey } from '../../../platform/http/client-ip';
import { asForm, field, safeReturnPath } from '../../../platform/http/form';
import { currentUser, signedInOnly } from '../../../platform/http/guards';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { berlinDay } from './age';
import { messages } from './messages';
import { VERIFICATION_PATH } from './notice';
import { verificationSummary } from './summary';
import { verificationOf } from './verification.queries';
import { countWrongTry, enforceCodeTries, redeemLetterCode } from './verification.service';
import { VerificationPage } from './views/verification-page';

/** `return`: the page whose refusal notice sent the resident here; a spent code leads back there. */
const VerificationQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })), return: Type.Optional(Type.String({ maxLength: 2000 })) });

/** Where to go back to, or '' (a path on this site only: safeReturnPath). */
const returnOf = (value: string | undefined) => (value ? safeReturnPath(value, '') : '');

/** /konto/verifizierung: a signed-in resident sees their verification and spends a letter code. */
export function verificationRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  const statusOf = async (request: FastifyRequest) => {
    const { ctx } = request;
    const v = await verificationOf(db, ctx.org.id, currentUser(request).id);
    return verificationSummary(ctx.locale, v, ctx.org.name, berlinDay(new Date()));
  };

  o.get(VERIFICATION_PATH, { preHandler: signedInOnly(), schema: { querystring: VerificationQuery } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const back = returnOf(request.query.return);
    return sendHtml(reply, <VerificationPage ctx={request.ctx} status={await statusOf(request)} done={request.query.ok === 'verified'} returnPath={back} />);
  });

  o.post(VERIFICATION_PATH, { preHandler: signedInOnly() }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const user = currentUser(request);
    const form = asForm(request.body);
    const code = field(form, 'code');
    const back = returnOf(field(form, 'return'));
    // Every try counts, before the code is looked at: guessing is slowed whether or not a guess is right.
    await enforceCodeTries(db, user.id, clientKey(request.ip));
    const result = await redeemLetterCode(db, ctx.org.id, user.id, code, new Date());
    if (result.ok) return reply.redirect(back || `${VERIFICATION_PATH}?ok=verified`, 303);
    if (result.problem !== 'format') await countWrongTry(db, clientKey(request.ip));
    reply.header('cache-control', 'no-store');
    return sendHtml(
      reply,
      <VerificationPage ctx={ctx} status={await statusOf(request)} code={code.slice(0, 40)} errors={{ code: t(`err.${result.problem}`) }} returnPath={back} />,
      400,
    );
  });
}
