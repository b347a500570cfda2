import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';
import { formatDateTime, translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { hashToken, randomToken } from '../../platform/security/tokens';
import { DEFAULT_QUESTIONNAIRE_WEEKS, LIMITS } from './angstraum';
import { messages } from './messages';

// "Do you feel safer here now?": N weeks (the city's setting, default 8) after the newest measure at a place,
// its reporter and followers are asked once. Rows are made by a job from report_events, like the reports
// module's questionnaire after "fixed"; the token is made when the mail is sent.

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];
export const VALID_DAYS = 42;
/** Measures older than their waiting time plus this are not asked about any more (old data, first start). */
export const TOO_LATE_DAYS = 14;
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

/** One questionnaire per newest measure and address (the reporter and everyone following the place). */
export async function scheduleSafetyQuestionnaires(db: Db): Promise<number> {
  const result = await sql`
    INSERT INTO angstraum_questionnaires (organization_id, report_id, measure_event_id, email, token_hash, due_at)
    SELECT r.organization_id, r.id, m.id, x.email, 'pending:' || gen_random_uuid()::text,
           m.created_at + make_interval(days => 7 * coalesce(s.questionnaire_weeks, ${DEFAULT_QUESTIONNAIRE_WEEKS}))
    FROM (SELECT DISTINCT ON (report_id) id, report_id, created_at FROM report_events
          WHERE kind = 'measure' AND public ORDER BY report_id, created_at DESC, id DESC) m
    JOIN reports r ON r.id = m.report_id
    JOIN report_categories c ON c.id = r.category_id AND c.kind = 'angstraum'
    LEFT JOIN angstraum_settings s ON s.organization_id = r.organization_id
    JOIN LATERAL (
      SELECT r.reporter_email AS email WHERE r.reporter_email IS NOT NULL
      UNION SELECT f.email FROM report_followers f WHERE f.report_id = r.id
    ) x ON true
    WHERE r.reviewed_at IS NOT NULL AND NOT r.hidden
      AND m.created_at + make_interval(days => 7 * coalesce(s.questionnaire_weeks, ${DEFAULT_QUESTIONNAIRE_WEEKS}) + ${TOO_LATE_DAYS}) > now()
    ON CONFLICT (measure_event_id, email) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

const day = (d: Date, locale: 'de' | 'en') => formatDateTime(d, locale).replace(/,? \d{1,2}:\d{2}.*$/, '');

/**
 * Mails due questionnaires whose measure is still the newest at the place (a newer measure gets its own).
 * Rows are claimed with SKIP LOCKED; the token's hash and sent_at are stored with the outbox row.
 */
export async function sendDueSafetyQuestionnaires(deps: { db: Db; publicUrl: URL }, batch = 50): Promise<number> {
  let sent = 0;
  for (let i = 0; i < batch; i++) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('angstraum_questionnaires as q')
        .innerJoin('reports as r', 'r.id', 'q.report_id')
        .innerJoin('report_events as m', 'm.id', 'q.measure_event_id')
        .innerJoin('organizations as o', 'o.id', 'r.organization_id')
        .select(['q.id', 'q.email', 'r.id as report_id', 'r.organization_id', 'r.address', 'm.created_at as measure_at', 'o.name as city'])
        .where('q.sent_at', 'is', null)
        .where('q.due_at', '<=', sql<Date>`now()`)
        .where('r.hidden', '=', false)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('report_events as n')
                .select('n.id')
                .whereRef('n.report_id', '=', 'q.report_id')
                .where('n.kind', '=', 'measure')
                .where('n.public', '=', true)
                .whereRef('n.created_at', '>', 'm.created_at'),
            ),
          ),
        )
        .orderBy('q.due_at')
        .limit(1)
        .forUpdate('q')
        .skipLocked()
        .executeTakeFirst();
      if (!row) return false;
      const token = randomToken();
      const updated = await trx
        .updateTable('angstraum_questionnaires')
        .set({ token_hash: hashToken(token), sent_at: sql`now()` })
        .where('id', '=', row.id)
        .returning(['sent_at'])
        .executeTakeFirstOrThrow();
      const until = new Date(new Date(updated.sent_at!).getTime() + VALID_DAYS * 86_400_000);
      const link = new URL(`/angstraeume/umfrage/${token}`, deps.publicUrl).href;
      const place = row.address || `#${row.report_id}`;
      const text = (['de', 'en'] as const).map((locale) => {
        const t = translator(messages, locale);
        return `${t('mail.body', { id: row.report_id, place, date: day(new Date(row.measure_at), locale), until: day(until, locale), link })}\n\n${t('mail.greeting', { city: row.city })}`;
      });
      const de = translator(messages, 'de');
      const en = translator(messages, 'en');
      await enqueueMail(trx, {
        organization_id: row.organization_id,
        to_address: row.email,
        subject: `${de('mail.subject', { id: row.report_id })} / ${en('mail.subject', { id: row.report_id })} – ${row.city}`,
        text_body: [de('mail.englishBelow'), '', text[0], '', '-------------------- English --------------------', '', text[1]].join('\n'),
        html_body: null,
      });
      return true;
    });
    if (!done) break;
    sent++;
  }
  return sent;
}

/** The open questionnaire a link stands for: sent, not answered, not expired. */
export function openSafetyQuestionnaire(db: Db, organizationId: number, token: string) {
  return db
    .selectFrom('angstraum_questionnaires as q')
    .innerJoin('reports as r', 'r.id', 'q.report_id')
    .innerJoin('report_events as m', 'm.id', 'q.measure_event_id')
    .select(['q.id', 'q.report_id', 'r.address', 'm.created_at as measure_at', 'm.body as measure_body', 'm.data as measure_data'])
    .where('q.token_hash', '=', hashToken(token))
    .where('q.organization_id', '=', organizationId)
    .where('q.answered_at', 'is', null)
    .where('q.sent_at', 'is not', null)
    .where('q.sent_at', '>', sql<Date>`now() - make_interval(days => ${VALID_DAYS})`)
    .executeTakeFirst();
}

export type AnswerResult =
  | { ok: true; reportId: number }
  | { ok: false; gone: true }
  | { ok: false; gone: false; errors: Record<string, 'answer' | 'commentTooLong'> };

/** Records an answer once: the row must still be open when it is updated, so two clicks record one answer. */
export async function answerSafetyQuestionnaire(
  db: Db,
  organizationId: number,
  token: string,
  input: { answer: string; comment: string },
): Promise<AnswerResult> {
  const comment = input.comment.trim();
  const errors: Record<string, 'answer' | 'commentTooLong'> = {};
  if (!isAnswer(input.answer)) errors.answer = 'answer';
  if ([...comment].length > LIMITS.commentMax) errors.comment = 'commentTooLong';
  return db.transaction().execute(async (trx) => {
    const open = await openSafetyQuestionnaire(trx, organizationId, token);
    if (!open) return { ok: false, gone: true } as const;
    if (Object.keys(errors).length > 0) return { ok: false, gone: false, errors } as const;
    const claimed = await trx
      .updateTable('angstraum_questionnaires')
      .set({ answered_at: sql`now()`, answer: input.answer as Answer, comment })
      .where('id', '=', open.id)
      .where('answered_at', 'is', null)
      .returning(['id'])
      .executeTakeFirst();
    if (!claimed) return { ok: false, gone: true } as const;
    return { ok: true, reportId: open.report_id } as const;
  });
}
