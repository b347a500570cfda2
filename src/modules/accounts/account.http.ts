import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { sessionCookieName } from '../../platform/http/platform-plugin';
import { NoticeQuery } from '../../platform/http/schemas';
import { startSession } from '../../platform/http/session-cookie';
import type * as accounts from './account.service';

// What the account route files share: the services' dependencies, the session cookie and the query schemas.

export interface AccountScope {
  db: Db;
  config: Config;
  deps: accounts.AccountDeps;
  secure: boolean;
  cookieName: string;
  startSession(request: FastifyRequest, reply: FastifyReply, userId: number, level: 'resident' | 'staff'): Promise<void>;
}

export function accountScope(db: Db, config: Config): AccountScope {
  const secure = config.publicUrl.protocol === 'https:';
  return {
    db,
    config,
    deps: { db, secret: config.secret, publicUrl: config.publicUrl },
    secure,
    cookieName: sessionCookieName(secure),
    startSession: (request, reply, userId, level) => startSession(db, config, request, reply, userId, level),
  };
}

/** Sign-in pages: where to go afterwards (made safe by safeReturnPath) and the notice after a redirect. */
export const SignInQuery = Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })), ...NoticeQuery.properties });
