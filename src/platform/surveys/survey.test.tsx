import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createOrganization } from '../../../test/helpers/factories';
import { type Catalogue, translator } from '../i18n';
import { hashToken, randomToken } from '../security/tokens';
import { type SurveyAnswer, type SurveyKind, type SurveyRow, surveyDay, surveyLimit, surveyMailText } from './survey';
import { PENDING_TOKEN_HASH } from './survey.queries';
import { type SurveyPages, surveyRoutes } from './survey.routes';
import { answerSurvey, sendDueSurveys, surveyJob } from './survey.service';
import { LinkGonePage, SurveyQuestionPage, SurveyThanksPage } from './views';

// A fake survey kind ("did the bench get painted?") on a table of its own, made by this test: the platform part
// must work for any module's survey, knowing nothing of reports or Angsträume.

interface BenchRow extends SurveyRow {
  bench: string;
}
type BenchAnswer = 'painted' | 'not_painted';

const texts = {
  de: {
    subject: 'Bank {bench}: gestrichen?',
    body: 'Ist die Bank {bench} gestrichen? {link} (bis {until})',
    greeting: 'Grüße aus {city}',
    englishBelow: '(Englisch unten)',
    title: 'Bank gestrichen?',
    thanks: 'Danke',
    gone: 'Vorbei',
    problem: 'Falsch: {what}',
  },
  en: {
    subject: 'Bench {bench}: painted?',
    body: 'Has bench {bench} been painted? {link} (until {until})',
    greeting: 'Regards from {city}',
    englishBelow: '(English below)',
    title: 'Bench painted?',
    thanks: 'Thanks',
    gone: 'Over',
    problem: 'Wrong: {what}',
  },
} satisfies Catalogue<string>;

const answered: Array<SurveyAnswer<BenchAnswer, BenchRow>> = [];

const benchSurvey: SurveyKind<BenchAnswer, { bench: string; answers: number }, { bench: string }, BenchRow> = {
  table: 'test_bench_surveys',
  path: '/test/bank',
  validDays: 10,
  answers: ['painted', 'not_painted'],
  commentMax: 5,
  schedule: async (db) => {
    const result = await sql`
      INSERT INTO test_bench_surveys (organization_id, bench, email, token_hash, due_at)
      SELECT organization_id, bench, email, ${PENDING_TOKEN_HASH}, painted_at + interval '1 day' FROM test_benches
      ON CONFLICT (bench, email) DO NOTHING`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },
  // A bench taken away is not asked about.
  stillDue: sql<boolean>`NOT EXISTS (SELECT 1 FROM test_benches b WHERE b.bench = q.bench AND b.removed)`,
  subject: async (_db, row) => ({ bench: row.bench }),
  mail: surveyMailText({
    messages: texts,
    subject: 'subject',
    body: 'body',
    greeting: 'greeting',
    englishBelow: 'englishBelow',
    params: (s: { bench: string }) => ({ bench: s.bench }),
  }),
  onAnswer: async (db, a) => {
    answered.push(a);
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM test_bench_surveys WHERE answer IS NOT NULL`.execute(db);
    return { bench: a.row.bench, answers: count.rows[0]!.n };
  },
};

const LIMIT = surveyLimit('test-bench');

const pages: SurveyPages<BenchAnswer, { bench: string }, { bench: string; answers: number }> = {
  question: (ctx, { action, subject, values, errors }) => (
    <SurveyQuestionPage
      ctx={ctx}
      action={action}
      title={translator(texts, ctx.locale)('title')}
      intro={`Bank ${subject.bench}`}
      legend="Gestrichen?"
      options={[
        { value: 'painted', label: 'Ja' },
        { value: 'not_painted', label: 'Nein' },
      ]}
      comment={{ label: 'Anmerkung', hint: 'Kurz', max: 5, rows: 2 }}
      send="Senden"
      errorSummaryTitle="Fehler"
      values={values}
      errors={errors}
    />
  ),
  thanks: (ctx, { answer, outcome }) => (
    <SurveyThanksPage
      ctx={ctx}
      title={translator(texts, ctx.locale)('thanks')}
      text={`${answer} ${outcome.bench} #${outcome.answers}`}
      next={{ href: '/', label: 'Start' }}
    />
  ),
  gone: (ctx) => <LinkGonePage ctx={ctx} title={translator(texts, ctx.locale)('gone')} text="-" next={{ href: '/', label: 'Start' }} />,
  problem: (locale, problem) => translator(texts, locale)('problem', { what: problem }),
};

let t: TestApp;
const deps = () => ({ db: t.db, publicUrl: t.config.publicUrl });

beforeAll(async () => {
  t = await createTestApp({}, (app, db) => surveyRoutes(app, { db, kind: benchSurvey, limit: LIMIT, pages }));
  await sql`CREATE TABLE test_benches (
      bench text PRIMARY KEY, organization_id integer NOT NULL, email text NOT NULL, painted_at timestamptz NOT NULL, removed boolean NOT NULL DEFAULT false
    )`.execute(t.db);
  await sql`CREATE TABLE test_bench_surveys (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, organization_id integer NOT NULL, bench text NOT NULL, email text NOT NULL,
      token_hash text NOT NULL UNIQUE, due_at timestamptz NOT NULL, sent_at timestamptz, answered_at timestamptz, answer text, comment text NOT NULL DEFAULT '',
      UNIQUE (bench, email)
    )`.execute(t.db);
});
afterAll(() => t?.close());

async function bench(name: string, options: { paintedDaysAgo: number; removed?: boolean; organizationId?: number }) {
  await sql`INSERT INTO test_benches (bench, organization_id, email, painted_at, removed)
    VALUES (${name}, ${options.organizationId ?? t.org.id}, ${`${name}@example.de`}, now() - make_interval(days => ${options.paintedDaysAgo}), ${options.removed ?? false})`.execute(
    t.db,
  );
}

const surveyOf = async (name: string) => (await sql<BenchRow>`SELECT * FROM test_bench_surveys WHERE bench = ${name}`.execute(t.db)).rows[0];

/** Schedules and mails what is due, then returns the path of the link mailed for `name`. */
async function mailedLink(name: string): Promise<string> {
  await benchSurvey.schedule(t.db);
  await sendDueSurveys(deps(), benchSurvey);
  const mail = await t.db.selectFrom('outbox').select('text_body').where('to_address', '=', `${name}@example.de`).executeTakeFirstOrThrow();
  return new URL(mail.text_body.match(/http:\/\/localhost\/test\/bank\/[A-Za-z0-9_-]{43}/)![0]).pathname;
}

describe('scheduling and mailing', () => {
  it('mails each due row once, bilingual, with a fresh single-use token, through the outbox', async () => {
    await bench('due', { paintedDaysAgo: 2 });
    await bench('later', { paintedDaysAgo: 0 });
    await bench('removed', { paintedDaysAgo: 3, removed: true });
    expect(await surveyJob('test-bench', benchSurvey, deps()).run()).toBe(1);
    expect(await sendDueSurveys(deps(), benchSurvey)).toBe(0);

    const mails = await t.db
      .selectFrom('outbox')
      .select(['organization_id', 'to_address', 'subject', 'text_body'])
      .where('to_address', 'like', '%@example.de')
      .execute();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to_address).toBe('due@example.de');
    expect(mail.organization_id).toBe(t.org.id);
    expect(mail.subject).toBe(`Bank due: gestrichen? / Bench due: painted? – ${t.org.name}`);
    const row = (await surveyOf('due'))!;
    const until = new Date(new Date(row.sent_at!).getTime() + 10 * 86_400_000);
    const link = mail.text_body.match(/http:\/\/localhost\/test\/bank\/([A-Za-z0-9_-]{43})/)!;
    expect(mail.text_body).toBe(
      [
        '(Englisch unten)',
        '',
        `Ist die Bank due gestrichen? ${link[0]} (bis ${surveyDay(until, 'de')})`,
        '',
        `Grüße aus ${t.org.name}`,
        '',
        '-------------------- English --------------------',
        '',
        `Has bench due been painted? ${link[0]} (until ${surveyDay(until, 'en')})`,
        '',
        `Regards from ${t.org.name}`,
      ].join('\n'),
    );
    // Only the hash of the mailed token is kept.
    expect(row.token_hash).toBe(hashToken(link[1]!));
    // Not due yet, or no longer worth asking: scheduled but unsent.
    expect((await surveyOf('later'))!.sent_at).toBeNull();
    expect((await surveyOf('removed'))!.sent_at).toBeNull();
  });

  it("mails in the recipient's language when the kind knows it, and the link keeps that language", async () => {
    await bench('english', { paintedDaysAgo: 2 });
    await benchSurvey.schedule(t.db);
    const withLocale = { ...benchSurvey, recipientLocale: async (_db: unknown, row: BenchRow) => (row.bench === 'english' ? ('en' as const) : null) };
    await sendDueSurveys(deps(), withLocale);
    const mail = await t.db.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', 'english@example.de').executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Bench english: painted? – ${t.org.name}`);
    expect(mail.text_body).toMatch(/^Has bench english been painted\? http:\/\/localhost\/test\/bank\/[A-Za-z0-9_-]{43}\?lang=en \(until /);
    expect(mail.text_body).not.toContain('gestrichen');
    await sql`DELETE FROM test_benches WHERE bench = 'english'`.execute(t.db);
    await sql`DELETE FROM test_bench_surveys WHERE bench = 'english'`.execute(t.db);
  });

  it('leaves a row unsent when its mail cannot be written (same transaction)', async () => {
    await bench('broken', { paintedDaysAgo: 2 });
    await benchSurvey.schedule(t.db);
    const failing = {
      ...benchSurvey,
      subject: async (_db: unknown, row: BenchRow) => {
        if (row.bench === 'broken') throw new Error('no mail text');
        return { bench: row.bench };
      },
    };
    await expect(sendDueSurveys(deps(), failing)).rejects.toThrow('no mail text');
    const row = (await surveyOf('broken'))!;
    expect(row.sent_at).toBeNull();
    expect(row.token_hash).toMatch(/^pending:/);
    expect(await t.db.selectFrom('outbox').select('id').where('to_address', '=', 'broken@example.de').execute()).toEqual([]);
    await sql`DELETE FROM test_benches WHERE bench = 'broken'`.execute(t.db);
    await sql`DELETE FROM test_bench_surveys WHERE bench = 'broken'`.execute(t.db);
  });

  it('mails every row exactly once when two senders run at the same time', async () => {
    for (let i = 0; i < 6; i++) await bench(`pair-${i}`, { paintedDaysAgo: 2 });
    await benchSurvey.schedule(t.db);
    const [a, b] = await Promise.all([sendDueSurveys(deps(), benchSurvey), sendDueSurveys(deps(), benchSurvey)]);
    expect(a + b).toBe(6);
    const mails = await t.db.selectFrom('outbox').select('to_address').where('to_address', 'like', 'pair-%').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `pair-${i}@example.de`));
  });
});

describe('the link', () => {
  it('asks, refuses a wrong answer with the input kept, records one answer and then says the link is used', async () => {
    await bench('answer', { paintedDaysAgo: 2 });
    const link = await mailedLink('answer');
    const c = new Client(t, '198.51.100.20');
    const page = await c.get(`${link}?antwort=not_painted`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bank answer');
    expect(page.body).toMatch(/value="not_painted" checked/);
    expect(page.body).toContain(`action="${link}"`);

    const wrong = await c.post(link, { answer: 'maybe', comment: 'zu lang' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Falsch: answer');
    expect(wrong.body).toContain('Falsch: commentTooLong');
    expect(wrong.body).toContain('>zu lang</textarea>');
    expect(wrong.body).toContain('href="#f-answer"');

    const ok = await c.post(link, { answer: 'painted', comment: ' gut ' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('painted answer #1');
    expect(answered.map((a) => [a.row.bench, a.answer, a.comment, a.organizationId])).toEqual([['answer', 'painted', 'gut', t.org.id]]);
    const row = (await surveyOf('answer'))!;
    expect([row.answer, row.comment, row.answered_at !== null]).toEqual(['painted', 'gut', true]);

    expect((await c.get(link)).statusCode).toBe(410);
    const again = await c.post(link, { answer: 'not_painted' });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Vorbei');
    expect((await surveyOf('answer'))!.answer).toBe('painted');
  });

  it('records one of two answers sent at the same time', async () => {
    await bench('race', { paintedDaysAgo: 2 });
    const token = (await mailedLink('race')).split('/').pop()!;
    const results = await Promise.all(
      (['painted', 'not_painted'] as const).map((answer) => answerSurvey(t.db, benchSurvey, t.org.id, token, { answer, comment: '' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.gone)).toHaveLength(1);
  });

  it("answers unknown, malformed, expired and other cities' links with 410", async () => {
    const c = new Client(t, '198.51.100.21');
    expect((await c.get('/test/bank/kurz')).statusCode).toBe(410);
    expect((await c.post('/test/bank/kurz', { answer: 'painted' })).statusCode).toBe(410);
    expect((await c.get(`/test/bank/${randomToken()}`)).statusCode).toBe(410);

    await bench('expired', { paintedDaysAgo: 2 });
    const expired = await mailedLink('expired');
    await sql`UPDATE test_bench_surveys SET sent_at = now() - interval '11 days' WHERE bench = 'expired'`.execute(t.db);
    expect((await c.get(expired)).statusCode).toBe(410);
    expect((await c.post(expired, { answer: 'painted' })).statusCode).toBe(410);

    const elsewhere = await createOrganization(t.db, { hosts: ['anderswo.example'] });
    await bench('elsewhere', { paintedDaysAgo: 2, organizationId: elsewhere.id });
    const foreign = await mailedLink('elsewhere');
    expect((await c.get(foreign)).statusCode).toBe(410);
    expect((await c.get(foreign, { host: 'anderswo.example' })).statusCode).toBe(200);
  });

  it('reads a body with fields of the wrong type as a form with those fields missing', async () => {
    await bench('json', { paintedDaysAgo: 2 });
    const link = await mailedLink('json');
    const c = new Client(t, '198.51.100.22');
    const res = await c.request({
      method: 'POST',
      url: link,
      payload: JSON.stringify({ _csrf: c.csrf, answer: { painted: true }, comment: ['a', 'b'] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Falsch: answer');
    expect((await surveyOf('json'))!.answered_at).toBeNull();
  });

  it('counts every request against the rate limit', async () => {
    const c = new Client(t, '198.51.100.23');
    for (let i = 0; i < LIMIT.max; i++) expect((await c.get(`/test/bank/${'c'.repeat(43)}`)).statusCode).toBe(410);
    const limited = await c.get(`/test/bank/${'c'.repeat(43)}`);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
