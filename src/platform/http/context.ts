import type { Organization } from '../../db-schema';
import type { Locale } from '../i18n';
import type { ModuleRegistry } from '../module';
import type { SessionUser } from './sessions';

/** What every page and form handler knows about the request, resolved once in the platform hooks. */
export interface RequestContext {
  org: Organization;
  locale: Locale;
  user: SessionUser | null;
  csrfToken: string;
  /** Path and query of this request: where the language switch returns to. */
  path: string;
  /** Served by the `demo` command: the footer links the developer mailbox (config.devMailbox). */
  demo: boolean;
  requestId: string;
  /** The registered modules: menus and links the layouts show. */
  modules: ModuleRegistry;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    /** Raw session token from the cookie, if any (logout needs it). */
    sessionToken: string | null;
  }
}
