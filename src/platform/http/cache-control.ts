import type { FastifyReply, FastifyRequest } from 'fastify';

// Personal answers must not be kept by any cache: not by a shared proxy, and not by the browser, where the back
// button or the disk cache would show the reporter's email and phone, or a TOTP seed, to the next person at a
// shared computer after sign-out. Decided here, once, for every route: no route can forget it.

/** The back office, the account, the sign-in and sign-out pages and the developer mailbox: personal by address. */
const PERSONAL_PATH = /^\/(verwaltung|konto|anmelden|abmelden|dev)(?=[/?#]|$)/;

/** Routes with a credential in the path (set-up, reset, sign-in links, questionnaires): the link is the person. */
const CREDENTIAL_PARAM = /:[A-Za-z_]*(token|key|secret)\b/i;

export function isPersonalRequest(request: FastifyRequest): boolean {
  return PERSONAL_PATH.test(request.url) || CREDENTIAL_PARAM.test(request.routeOptions.url ?? '');
}

/**
 * onSend hook: `Cache-Control: no-store` on every personal answer (by address or credential link, whatever the
 * route set) and on every answer to a signed-in visitor, unless the route declared it `public` (the same for
 * everyone: photos, map tiles, feeds), which keeps its caching. Anonymous public pages keep theirs too.
 */
export async function noStoreForPersonalAnswers(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const personal = isPersonalRequest(request);
  if (!personal && !request.ctx?.user) return payload;
  const declared = reply.getHeader('cache-control');
  if (!personal && typeof declared === 'string' && /^\s*public\b/i.test(declared)) return payload;
  reply.header('Cache-Control', 'no-store');
  return payload;
}
