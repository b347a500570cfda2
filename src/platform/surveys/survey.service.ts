import type { Db } from '../db/connect';
import { type Locale, translator } from '../i18n';
import type { Job } from '../jobs/scheduler';
import { enqueueMail, type Mail } from '../mail/outbox';
import { randomToken } from '../security/tokens';
import { answerProblems, isSurveyAnswer, type SurveyKind, type SurveyMailText, type SurveyProblem, type SurveyRow, surveyDay, validUntil } from './survey';
import { claimDueSurvey, findOpenSurvey, markSurveySent, recordSurveyAnswer } from './survey.queries';

export interface SurveyMailDeps {
  db: Db;
  publicUrl: URL;
}

/**
 * Mails due surveys of one kind, at most `batch`. Each row is claimed with SKIP LOCKED in its own transaction,
 * and its fresh token's hash, sent_at and the outbox row are written in that same transaction: a mail is queued
 * exactly when its row counts as sent, and two processes never mail the same row.
 */
export async function sendDueSurveys(deps: SurveyMailDeps, kind: SurveyKind<string, unknown, unknown>, batch = 50): Promise<number> {
  let sent = 0;
  for (let i = 0; i < batch; i++) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const due = await claimDueSurvey(trx, kind);
      if (!due) return false;
      const token = randomToken();
      const sentAt = await markSurveySent(trx, kind, due.row.organization_id, due.row.id, token);
      const subject = await kind.subject(trx, due.row);
      const locale = (await kind.recipientLocale?.(trx, due.row)) ?? null;
      const url = new URL(`${kind.path}/${token}`, deps.publicUrl);
      if (locale) url.searchParams.set('lang', locale);
      const link = { url: url.href, until: validUntil(sentAt, kind.validDays) };
      const to = { organizationId: due.row.organization_id, address: due.row.email, city: due.city };
      await enqueueMail(trx, locale ? surveyMail(kind.mail, subject, to, link, locale) : bilingualMail(kind.mail, subject, to, link));
      return true;
    });
    if (!done) break;
    sent++;
  }
  return sent;
}

type Recipient = { organizationId: number; address: string; city: string };
type Link = { url: string; until: Date };

function mailIn<Subject>(text: SurveyMailText<Subject>, subject: Subject, to: Recipient, link: Link, locale: Locale) {
  const t = translator(text.messages, locale);
  const params = { ...text.params(subject, locale), link: link.url, until: surveyDay(link.until, locale), city: to.city };
  return { subject: t(text.subject, params), body: `${t(text.body, params)}\n\n${t(text.greeting, params)}` };
}

/** In the language the person chose. */
export function surveyMail<Subject>(text: SurveyMailText<Subject>, subject: Subject, to: Recipient, link: Link, locale: Locale): Mail {
  const mail = mailIn(text, subject, to, link, locale);
  return { organization_id: to.organizationId, to_address: to.address, subject: `${mail.subject} – ${to.city}`, text_body: mail.body, html_body: null };
}

/** German first (the city's language), English below; one subject for both: for people whose language is unknown. */
export function bilingualMail<Subject>(text: SurveyMailText<Subject>, subject: Subject, to: Recipient, link: Link): Mail {
  const de = mailIn(text, subject, to, link, 'de');
  const en = mailIn(text, subject, to, link, 'en');
  return {
    organization_id: to.organizationId,
    to_address: to.address,
    subject: `${de.subject} / ${en.subject} – ${to.city}`,
    text_body: [translator(text.messages, 'de')(text.englishBelow), '', de.body, '', '-------------------- English --------------------', '', en.body].join(
      '\n',
    ),
    html_body: null,
  };
}

/** The periodic job of a kind: schedule what became due some time, then mail what is due now. */
export function surveyJob(name: string, kind: SurveyKind<string, unknown, unknown>, deps: SurveyMailDeps): Job {
  return {
    name,
    everySeconds: 600,
    run: async () => {
      await kind.schedule(deps.db);
      return sendDueSurveys(deps, kind);
    },
  };
}

/** The open survey row a link stands for (sent, not answered, not expired, this city), or undefined. */
export function openSurvey<Row extends SurveyRow>(
  db: Db,
  kind: SurveyKind<string, unknown, unknown, Row>,
  organizationId: number,
  token: string,
): Promise<Row | undefined> {
  return findOpenSurvey<Row>(db, kind, organizationId, token);
}

export type SurveyAnswerResult<A extends string, Outcome> =
  | { ok: true; answer: A; outcome: Outcome }
  | { ok: false; gone: true }
  | { ok: false; gone: false; errors: Record<string, SurveyProblem> };

/**
 * Records an answer once. The row must still be open when the answer is written (a conditional update), so two
 * clicks or two processes record one answer; the kind's onAnswer runs in the same transaction. An unknown, used or
 * expired link is `gone` before any problem with the answer is reported.
 */
export async function answerSurvey<A extends string, Outcome, Row extends SurveyRow>(
  db: Db,
  kind: SurveyKind<A, Outcome, unknown, Row>,
  organizationId: number,
  token: string,
  input: { answer: string; comment: string },
): Promise<SurveyAnswerResult<A, Outcome>> {
  const comment = input.comment.trim();
  return db.transaction().execute(async (trx) => {
    const row = await findOpenSurvey<Row>(trx, kind, organizationId, token);
    if (!row) return { ok: false, gone: true } as const;
    const errors = answerProblems(kind, input.answer, comment);
    if (Object.keys(errors).length > 0 || !isSurveyAnswer(kind, input.answer)) return { ok: false, gone: false, errors } as const;
    const answer = input.answer;
    if (!(await recordSurveyAnswer(trx, kind, organizationId, row.id, answer, comment))) return { ok: false, gone: true } as const;
    const outcome = await kind.onAnswer(trx, { row, organizationId, answer, comment });
    return { ok: true, answer, outcome } as const;
  });
}
