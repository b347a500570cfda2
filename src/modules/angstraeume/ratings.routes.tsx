import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { clientKey } from '../../platform/http/client-ip';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field } from '../../platform/http/form';
import { currentUser, signedInOnly } from '../../platform/http/guards';
import { enforce, type Limit } from '../../platform/http/rate-limit';
import { IdParams } from '../../platform/http/schemas';
import { type AngstraeumeScope, placePage } from './angstraeume.http';
import * as service from './angstraeume.service';
import { tr } from './views/parts';

/** Ratings: per person a few a minute is plenty (one per place and 30 days is enforced anyway); per IP more. */
export const RATING_LIMITS: { user: Limit; ip: Limit } = {
  user: { name: 'angstraum-rating:user', max: 20, windowSeconds: 600 },
  ip: { name: 'angstraum-rating:ip', max: 60, windowSeconds: 600 },
};

/** Signed-in residents rate how safe a place feels, by day and by night (1–5). */
export function ratingRoutes(app: FastifyInstance, scope: AngstraeumeScope): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = scope;

  o.post('/angstraeume/:id/bewertung', { preHandler: signedInOnly(), schema: { params: IdParams } }, async (request, reply) => {
    const { ctx } = request;
    const user = currentUser(request);
    const { id } = request.params;
    await enforce(db, [
      [RATING_LIMITS.user, String(user.id)],
      [RATING_LIMITS.ip, clientKey(request.ip)],
    ]);
    const body = asForm(request.body);
    const values = { day: field(body, 'day'), night: field(body, 'night') };
    const result = await service.ratePlace(db, ctx.org.id, id, user.id, values);
    if (result.ok) return reply.redirect(`/angstraeume/${id}?ok=bewertet#rate-title`, 303);
    if (result.kind === 'not_found') throw new AppError('not_found');
    if (result.kind === 'already')
      return placePage(scope, request, reply, id, { rating: { kind: 'blocked', lastRatedAt: result.lastRatedAt, nextAt: result.nextAt }, status: 409 });
    const t = tr(ctx.locale);
    const errors: FieldErrors = {};
    if (result.errors.day) errors.day = t('err.rating', { label: t('rateDay') });
    if (result.errors.night) errors.night = t('err.rating', { label: t('rateNight') });
    const keep = (v: string) => (/^[1-5]$/.test(v) ? v : '');
    return placePage(scope, request, reply, id, {
      rating: { kind: 'form', values: { day: keep(values.day), night: keep(values.night) }, errors },
      status: 400,
    });
  });
}
