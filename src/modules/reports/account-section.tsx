import { field, fieldList } from '../../platform/http/form';
import { type Locale, translator } from '../../platform/i18n';
import { contribute } from '../../platform/module';
import { Pagination } from '../../platform/views/components';
import { Button, Checkboxes, CsrfField } from '../../platform/views/forms';
import { type AccountSection, accountSection, DIGESTS, isDigest, mailSettingsOf, saveMailSettings } from '../accounts';
import { accountSectionMessages as messages } from './account-section.messages';
import * as q from './account-section.queries';
import { removeFollower } from './report.queries';
import { DigestChoice } from './views/account-digest-choice';
import { ageText, reportTitle } from './views/report-card';
import { ReportStatusBadge } from './views/status';

// The reports module's sections on "Mein Konto" (the accounts module's extension point): the resident's reports,
// the reports they follow or support, and which mails about reports they want (honoured by notifications/).

const PER_PAGE = 10;
const t = (locale: Locale) => translator(messages, locale);
const offset = (page: number) => (page - 1) * PER_PAGE;

type Row = Awaited<ReturnType<typeof q.reportsOfHolder>>[number];

/** Why the resident's own report has no public page yet, or null when it has one. */
function notPublicNote(locale: Locale, r: Row): string | null {
  if (r.is_public) return null;
  if (r.hidden) return t(locale)('mine.hidden');
  if (r.status === 'unconfirmed') return t(locale)('mine.unconfirmed');
  return t(locale)('mine.inReview');
}

const mine: AccountSection = {
  id: 'meldungen',
  order: 10,
  pageParam: 'meldungen',
  title: (locale) => t(locale)('mine.title'),
  async render(db, ctx, holder, state) {
    const tt = t(ctx.locale);
    const [total, rows] = await Promise.all([
      q.countReportsOfHolder(db, holder.organizationId, holder.userId, holder.email),
      q.reportsOfHolder(db, holder.organizationId, holder.userId, holder.email, { limit: PER_PAGE, offset: offset(state.page) }),
    ]);
    if (total === 0)
      return (
        <>
          <p>{tt('mine.none')}</p>
          <p>
            <a href="/melden">{tt('mine.reportNow')}</a>
          </p>
        </>
      );
    return (
      <>
        <p>{tt('mine.count', { n: total })}</p>
        <ul class="k-report-cards">
          {rows.map((r) => {
            const note = notPublicNote(ctx.locale, r);
            return (
              <li class="k-report-card">
                <div class="k-report-card__body">
                  <h3 class="k-report-card__title">{note ? reportTitle(ctx.locale, r) : <a href={`/meldungen/${r.id}`}>{reportTitle(ctx.locale, r)}</a>}</h3>
                  <p class="k-report-card__meta">
                    <ReportStatusBadge locale={ctx.locale} report={r} />{' '}
                    <time dateTime={new Date(r.created_at).toISOString()}>{ageText(ctx.locale, r.created_at)}</time>
                  </p>
                  {note && <p class="k-hint">{note}</p>}
                </div>
              </li>
            );
          })}
        </ul>
        <Pagination
          paging={{ page: state.page, pages: Math.ceil(total / PER_PAGE) }}
          url={{ path: '/konto', query: state.query, pageParam: 'meldungen' }}
          label={tt('mine.pages')}
        />
      </>
    );
  },
  // The name typed on the latest report, offered to an account without one (the accounts module asks first).
  nameOffer: (db, holder) => q.latestReporterName(db, holder.organizationId, holder.userId, holder.email),
};

const followed: AccountSection = {
  id: 'verfolgt',
  order: 20,
  pageParam: 'verfolgt',
  title: (locale) => t(locale)('followed.title'),
  async render(db, ctx, holder, state) {
    const tt = t(ctx.locale);
    // One row more than shown says whether a next page exists, without counting.
    const rows = await q.followedOrSupported(db, holder.organizationId, holder.userId, holder.email, { limit: PER_PAGE + 1, offset: offset(state.page) });
    if (rows.length === 0 && state.page === 1) return <p>{tt('followed.none')}</p>;
    return (
      <>
        <p>{tt('followed.intro')}</p>
        <ul class="k-report-cards">
          {rows.slice(0, PER_PAGE).map((r) => {
            const title = reportTitle(ctx.locale, r);
            return (
              <li class="k-report-card">
                <div class="k-report-card__body">
                  <h3 class="k-report-card__title">
                    <a href={`/meldungen/${r.id}`}>{title}</a>
                  </h3>
                  <p class="k-report-card__meta">
                    <ReportStatusBadge locale={ctx.locale} report={r} />{' '}
                    <time dateTime={new Date(r.created_at).toISOString()}>{ageText(ctx.locale, r.created_at)}</time>
                    {r.followed && <> · {tt('followed.following')}</>}
                    {r.supported && <> · {tt('followed.supporting')}</>}
                  </p>
                  {r.followed && (
                    <form method="post" action="/konto/abschnitt/verfolgt">
                      <CsrfField token={ctx.csrfToken} />
                      <input type="hidden" name="report" value={String(r.id)} />
                      <Button variant="secondary">
                        {tt('followed.stop')}
                        <span class="k-visually-hidden">: {title}</span>
                      </Button>
                    </form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        <Pagination
          paging={{ page: state.page, hasNext: rows.length > PER_PAGE }}
          url={{ path: '/konto', query: state.query, pageParam: 'verfolgt' }}
          label={tt('followed.pages')}
        />
      </>
    );
  },
  // "Nicht mehr folgen": the follow of this address in this city goes; an id that is not followed changes nothing.
  async save(db, _ctx, holder, fields) {
    const id = Number(field(fields, 'report'));
    if (Number.isInteger(id) && id > 0 && id <= 2_147_483_647) await removeFollower(db, holder.organizationId, id, holder.email);
    return { ok: true };
  },
};

const settings: AccountSection = {
  id: 'benachrichtigungen',
  order: 50,
  title: (locale) => t(locale)('settings.title'),
  async render(db, ctx, holder, state) {
    const tt = t(ctx.locale);
    const stored = await mailSettingsOf(db, holder.organizationId, holder.userId);
    // After a mistake the form shows what was sent, not what is stored.
    const sent = state.failed?.fields;
    const mails = sent ? fieldList(sent, 'mails') : [...(stored.statusMails ? ['status'] : []), ...(stored.questionnaire ? ['questionnaire'] : [])];
    const digest = sent ? field(sent, 'digest') : stored.digest;
    return (
      <form method="post" action="/konto/abschnitt/benachrichtigungen" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <p>{tt('settings.intro', { email: holder.email })}</p>
        <Checkboxes
          name="mails"
          legend={tt('settings.mails')}
          options={[
            { value: 'status', label: tt('settings.status') },
            { value: 'questionnaire', label: tt('settings.questionnaire') },
          ]}
          values={mails}
        />
        <DigestChoice
          legend={tt('settings.digest')}
          hint={tt('settings.digestHint')}
          options={DIGESTS.map((d) => ({ value: d, label: tt(`settings.digest.${d}`) }))}
          value={digest}
          error={state.failed?.errors.digest}
        />
        <Button>{tt('settings.save')}</Button>
      </form>
    );
  },
  async save(db, ctx, holder, fields) {
    const digest = field(fields, 'digest');
    if (!isDigest(digest)) return { ok: false, errors: { digest: t(ctx.locale)('settings.err.digest') } };
    const mails = fieldList(fields, 'mails');
    await saveMailSettings(db, holder.organizationId, holder.userId, {
      statusMails: mails.includes('status'),
      questionnaire: mails.includes('questionnaire'),
      digest,
    });
    return { ok: true };
  },
};

/** The contributions, for the module's index. */
export const reportAccountSections = [contribute(accountSection, mine), contribute(accountSection, followed), contribute(accountSection, settings)];
