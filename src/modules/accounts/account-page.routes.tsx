import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, type FormBody, field } from '../../platform/http/form';
import { currentUser, signedInOnly } from '../../platform/http/guards';
import { knownNotice, NoticeQuery, Page } from '../../platform/http/schemas';
import { translator } from '../../platform/i18n';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { sendHtml } from '../../platform/views/render';
import type { AccountScope } from './account.http';
import * as q from './account.queries';
import { accountPageMessages } from './account-page.messages';
import type { AccountHolder, AccountSection } from './extension-points';
import { messages } from './messages';
import { AccountPage, type DrawnSection } from './views/account-page';

// "Mein Konto": the accounts module draws the frame and the account's own name; every other part is a section a
// module contributed (extension-points.ts), so this file reads no other module's tables.

const SECTION_ID = /^[a-z][a-z-]{0,39}$/;
const NAME_MAX = 100;
/** Another city's rows never reach a section: the holder is always the signed-in person in the city of the host. */
const holderOf = (request: FastifyRequest): AccountHolder => {
  const user = currentUser(request);
  return { organizationId: request.ctx.org.id, userId: user.id, email: user.email, displayName: user.displayName };
};

interface Failed {
  sectionId: string;
  fields: FormBody;
  errors: FieldErrors;
}

export function accountPageRoutes(app: FastifyInstance, { db }: AccountScope, contributed: readonly AccountSection[]): void {
  const sections = [...contributed].sort((a, b) => a.order - b.order);
  const ids = new Set<string>();
  for (const s of sections) {
    if (!SECTION_ID.test(s.id) || ids.has(s.id)) throw new Error(`Account section "${s.id}" needs a unique lower-case id`);
    ids.add(s.id);
  }
  const pageParams = sections.flatMap((s) => (s.pageParam ? [s.pageParam] : []));
  if (new Set(pageParams).size !== pageParams.length || pageParams.includes('ok')) throw new Error('Account sections need page parameters of their own');
  const AccountQuery = Type.Object({ ...NoticeQuery.properties, ...Object.fromEntries(pageParams.map((p) => [p, Type.Optional(Page)])) });
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The first name a module offers, while the account has none. */
  async function nameOffer(holder: AccountHolder): Promise<string | null> {
    if (holder.displayName) return null;
    for (const s of sections) {
      const name = (await s.nameOffer?.(db, holder))?.trim();
      if (name && [...name].length <= NAME_MAX) return name;
    }
    return null;
  }

  async function draw(
    request: FastifyRequest,
    reply: FastifyReply,
    page: {
      query?: Record<string, string | number | undefined>;
      displayName?: string;
      errors?: FieldErrors;
      failed?: Failed;
      notice?: string;
      status?: number;
    },
  ) {
    const holder = holderOf(request);
    // Page 1 is the schema's default: left out, so links carry only the pages someone actually turned.
    const query = Object.fromEntries(
      Object.entries(page.query ?? {})
        .filter(([k, v]) => v !== undefined && !(pageParams.includes(k) && Number(v) === 1))
        .map(([k, v]) => [k, String(v)]),
    );
    const drawn: DrawnSection[] = [];
    for (const s of sections) {
      const pageNumber = s.pageParam ? Number(query[s.pageParam] ?? 1) : 1;
      const failed = page.failed?.sectionId === s.id ? { fields: page.failed.fields, errors: page.failed.errors } : undefined;
      const content = await s.render(db, request.ctx, holder, { page: pageNumber, query, ...(failed ? { failed } : {}) });
      if (content !== null) drawn.push({ id: s.id, title: s.title(request.ctx.locale), content });
    }
    reply.header('cache-control', 'no-store');
    return sendHtml(
      reply,
      <AccountPage
        ctx={request.ctx}
        displayName={page.displayName ?? holder.displayName}
        sections={drawn}
        nameOffer={await nameOffer(holder)}
        errors={page.errors ?? page.failed?.errors ?? {}}
        notice={page.notice}
      />,
      page.status ?? 200,
    );
  }

  o.get('/konto', { preHandler: signedInOnly(), schema: { querystring: AccountQuery } }, async (request, reply) => {
    const query = request.query as Record<string, string | number | undefined>;
    const ok = knownNotice(['saved', 'name'], typeof query.ok === 'string' ? query.ok : undefined);
    const user = currentUser(request);
    const notice =
      ok === 'saved'
        ? translator(messages, request.ctx.locale)('saved')
        : ok === 'name' && user.displayName
          ? translator(accountPageMessages, request.ctx.locale)('nameTaken', { name: user.displayName })
          : undefined;
    return draw(request, reply, { query, ...(notice ? { notice } : {}) });
  });

  o.post('/konto', { preHandler: signedInOnly() }, async (request, reply) => {
    const user = currentUser(request);
    const displayName = field(asForm(request.body), 'displayName');
    if ([...displayName].length > NAME_MAX) {
      const errors = { displayName: translator(platformMessages, request.ctx.locale)('field.tooLong', { max: NAME_MAX }) };
      return draw(request, reply, { displayName, errors, status: 400 });
    }
    await q.setDisplayName(db, request.ctx.org.id, user.id, displayName);
    return reply.redirect('/konto?ok=saved', 303);
  });

  // The name from a report goes into the account only by this button; the form names the name it showed, and
  // nothing changes when the offer is no longer the same (the account got a name meanwhile, or the report went).
  o.post('/konto/name-uebernehmen', { preHandler: signedInOnly() }, async (request, reply) => {
    const holder = holderOf(request);
    const offer = await nameOffer(holder);
    if (!offer || offer !== field(asForm(request.body), 'name')) return reply.redirect('/konto', 303);
    await q.setDisplayName(db, holder.organizationId, holder.userId, offer);
    return reply.redirect('/konto?ok=name', 303);
  });

  o.post(
    '/konto/abschnitt/:section',
    { preHandler: signedInOnly(), schema: { params: Type.Object({ section: Type.String({ pattern: SECTION_ID.source }) }) } },
    async (request, reply) => {
      const section = sections.find((s) => s.id === request.params.section);
      if (!section?.save) throw new AppError('not_found');
      const fields = asForm(request.body);
      const result = await section.save(db, request.ctx, holderOf(request), fields);
      if (!result.ok) return draw(request, reply, { failed: { sectionId: section.id, fields, errors: result.errors }, status: 400 });
      return reply.redirect(`/konto?ok=saved#konto-${section.id}`, 303);
    },
  );
}
