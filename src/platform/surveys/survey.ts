import type { RawBuilder } from 'kysely';
import type { Db, Trx } from '../db/connect';
import type { Limit } from '../http/rate-limit';
import { type Catalogue, formatDateTime, type Locale, type Params } from '../i18n';

// A follow-up survey: some time after something happened, people are asked once by a mailed single-use link
// (the reports module asks "has it been fixed?", the Angsträume ask "do you feel safer now?"). This folder holds
// the machinery; a module describes its survey as a SurveyKind and knows nothing of tokens, locks or the outbox.
//
// Each kind keeps its own table, with at least the columns of SurveyRow (token_hash unique, comment NOT NULL
// DEFAULT ''), and makes its rows with its own scheduling SQL, using PENDING_TOKEN_HASH as their token_hash.

/** Links carry 256 random bits in base64url (platform/security/tokens): exactly this, nothing else is looked up. */
export const SURVEY_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

/** The columns every survey table has; a kind's own (report_id, measure_event_id…) come along in its Row type. */
export interface SurveyRow {
  id: number;
  organization_id: number;
  email: string;
  token_hash: string;
  due_at: Date;
  sent_at: Date | null;
  answered_at: Date | null;
  answer: string | null;
  comment: string;
}

/** Per IP (IPv6 per /64): enough for a person with a few mails, too few to try tokens. */
export function surveyLimit(name: string): Limit {
  return { name: `${name}:ip`, max: 30, windowSeconds: 15 * 60 };
}

/** What a problem with an answer is called; each kind says it in its own words. */
export type SurveyProblem = 'answer' | 'commentTooLong';

/** An answer just recorded, as the kind's onAnswer sees it (in the transaction that recorded it). */
export interface SurveyAnswer<A extends string, Row extends SurveyRow = SurveyRow> {
  /** The row as it was before the answer. */
  row: Row;
  organizationId: number;
  answer: A;
  comment: string;
}

/**
 * The mail of a kind, from the kind's catalogue, in the recipient's language (see recipientLocale); when that is
 * unknown, German, then English: subject "<subject de> / <subject en> – city", text the "English below" line, then
 * per language the body and the greeting. Every text gets the placeholders
 * {link}, {until} (the last day the link works) and {city}, besides the kind's own from `params`.
 */
export interface SurveyMailText<Subject, K extends string = string> {
  messages: Catalogue<K>;
  subject: K;
  body: K;
  greeting: K;
  englishBelow: K;
  params(subject: Subject, locale: Locale): Params;
}

/** Checks the keys against the catalogue (the kind's declaration then forgets which catalogue it was). */
export function surveyMailText<Subject, K extends string>(text: SurveyMailText<Subject, K>): SurveyMailText<Subject> {
  return text as unknown as SurveyMailText<Subject>;
}

/**
 * One kind of survey. A: its answers; Outcome: what onAnswer reports to the thanks page; Subject: what a row asks
 * about (a report, a place and its measure…), for its mail and question page; Row: a row of its table.
 */
export interface SurveyKind<A extends string, Outcome, Subject, Row extends SurveyRow = SurveyRow> {
  /** The kind's table. */
  table: string;
  /** Where the mailed link points: `${path}/${token}`; the same path serves the question page. */
  path: string;
  /** How long a mailed link works. */
  validDays: number;
  answers: readonly A[];
  commentMax: number;
  /** Creates (or re-times) the rows that are due some time; returns how many it touched. */
  schedule(db: Db): Promise<number>;
  /** SQL over the row `q`: a due row is still worth asking about now (otherwise it waits). */
  stillDue: RawBuilder<boolean>;
  subject(db: Db, row: Row): Promise<Subject>;
  /**
   * The language the person asked chose (stored when they reported or followed); null when unknown (rows from
   * before languages were stored), and the mail is then German with English below.
   */
  recipientLocale?(db: Db, row: Row): Promise<Locale | null>;
  mail: SurveyMailText<Subject>;
  /**
   * What an answer does besides being recorded (reopening, timeline events…). It runs in the transaction that
   * recorded the answer and gets it as a Trx, so it may lock rows (query functions that lock take a Trx).
   */
  onAnswer(trx: Trx, answered: SurveyAnswer<A, Row>): Promise<Outcome>;
}

export function isSurveyAnswer<A extends string>(kind: { answers: readonly A[] }, value: unknown): value is A {
  return typeof value === 'string' && (kind.answers as readonly string[]).includes(value);
}

/** Problems of an answer by field; empty when it can be recorded. The comment counts in characters, not UTF-16 units. */
export function answerProblems(kind: { answers: readonly string[]; commentMax: number }, answer: string, comment: string): Record<string, SurveyProblem> {
  const problems: Record<string, SurveyProblem> = {};
  if (!isSurveyAnswer(kind, answer)) problems.answer = 'answer';
  if ([...comment].length > kind.commentMax) problems.comment = 'commentTooLong';
  return problems;
}

/** The last day a link sent at `sentAt` works. */
export function validUntil(sentAt: Date, validDays: number): Date {
  return new Date(sentAt.getTime() + validDays * 86_400_000);
}

/** A date without the time, as the mails and pages of surveys show it ("3. Dez. 2026", "3 Dec 2026"). */
export function surveyDay(date: Date, locale: Locale): string {
  return formatDateTime(date, locale).replace(/,? \d{1,2}:\d{2}.*$/, '');
}
