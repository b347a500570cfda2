import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/connect';
import type { FieldErrors } from '../http/errors';
import { AppError } from '../http/errors';
import { asForm, field } from '../http/form';
import type { Guard } from '../http/guards';
import { currentUser } from '../http/guards';
import { publicContentChanged } from '../http/response-cache';
import type { SessionUser } from '../http/sessions';
import { sendHtml } from '../views/render';
import { TranslationPage, translationFieldName } from '../views/translation-page';
import { CONTENT_LOCALES, type TranslatableSubject } from './content-translations';
import { saveTranslations, translationsOfEntities } from './content-translations.queries';
import { type Locale, translator } from './index';
import { languageMessages } from './language-messages';
import { platformMessages } from './platform-messages';

// A module lets staff translate what they wrote by describing one subject (a report and its public notes, say) and
// registering these two routes for it; the platform draws the page and stores the texts (content_translations).

export interface TranslationPages {
  /** The page's address with an :id, e.g. /verwaltung/meldungen/:id/uebersetzungen. */
  path: string;
  /** Who may use it: the module's own staff guard (its access rule shows in the permission matrix). */
  guard: Guard;
  /**
   * The texts of subject `id` that this staff member may translate. Null when it does not exist in this city (404);
   * throw AppError('forbidden') when it exists but is not theirs to change.
   */
  load(db: Db, organizationId: number, id: number, user: SessionUser, locale: Locale): Promise<TranslatableSubject | null>;
}

export const TRANSLATION_MAX = 20_000;

export function translationRoutes(app: FastifyInstance, db: Db, pages: TranslationPages): void {
  const loadFor = async (request: FastifyRequest) => {
    const id = Number((request.params as { id?: string }).id);
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw new AppError('not_found');
    const subject = await pages.load(db, request.ctx.org.id, id, currentUser(request), request.ctx.locale);
    if (!subject) throw new AppError('not_found');
    return { id, subject };
  };
  const action = (id: number) => pages.path.replace(':id', String(id));

  app.get(pages.path, { preHandler: pages.guard }, async (request, reply) => {
    const { id, subject } = await loadFor(request);
    const stored = await translationsOfEntities(
      db,
      request.ctx.org.id,
      [...new Set(subject.items.map((i) => i.entity))],
      subject.items.map((i) => i.entityId),
    );
    const values: Record<string, string> = {};
    for (const row of stored) values[translationFieldName({ entity: row.entity, entityId: row.entity_id, field: row.field }, row.locale)] = row.text;
    const saved = (request.query as { ok?: unknown }).ok === 'saved';
    const notice = saved ? translator(languageMessages, request.ctx.locale)('tx.saved') : undefined;
    return sendHtml(reply, <TranslationPage ctx={request.ctx} action={action(id)} subject={subject} values={values} notice={notice} />);
  });

  app.post(pages.path, { preHandler: pages.guard }, async (request, reply) => {
    const { id, subject } = await loadFor(request);
    const body = asForm(request.body);
    const tp = translator(platformMessages, request.ctx.locale);
    const values: Record<string, string> = {};
    const errors: FieldErrors = {};
    const changes: Array<Parameters<typeof saveTranslations>[2][number]> = [];
    // Only the texts of this subject, in the languages there are: anything else in the form is ignored.
    for (const item of subject.items) {
      for (const locale of CONTENT_LOCALES) {
        const name = translationFieldName(item, locale);
        if (!(name in body)) continue;
        const text = field(body, name).replace(/\r\n/g, '\n');
        values[name] = text;
        if ([...text].length > TRANSLATION_MAX) errors[name] = tp('field.tooLong', { max: TRANSLATION_MAX });
        else changes.push({ entity: item.entity, entityId: item.entityId, field: item.field, locale, text });
      }
    }
    if (Object.keys(errors).length > 0) {
      return sendHtml(reply, <TranslationPage ctx={request.ctx} action={action(id)} subject={subject} values={values} errors={errors} />, 400);
    }
    await saveTranslations(db, request.ctx.org.id, changes, currentUser(request).id);
    // Shared copies of public pages (page-cache.ts) show the new texts at once.
    publicContentChanged(request.ctx.org.id);
    return reply.redirect(`${action(id)}?ok=saved`, 303);
  });
}
