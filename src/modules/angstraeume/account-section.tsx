import { formatDate, type Locale, translator } from '../../platform/i18n';
import { contribute } from '../../platform/module';
import { Pagination } from '../../platform/views/components';
import { type AccountSection, accountSection } from '../accounts';
import { accountSectionMessages as messages } from './account-section.messages';
import { ratingsOfHolder } from './account-section.queries';

// The Angsträume module's section on "Mein Konto" (the accounts module's extension point): the resident's ratings.

const PER_PAGE = 10;
const t = (locale: Locale) => translator(messages, locale);

type Rating = Awaited<ReturnType<typeof ratingsOfHolder>>[number];

/** Category and place; before review the place's own words stay out (they may name people), the district stands in. */
function placeTitle(locale: Locale, r: Rating): string {
  const category = locale === 'de' ? r.category_de : r.category_en;
  const where = r.address.trim() || r.district;
  return where ? `${category}: ${where}` : category;
}

const ratings: AccountSection = {
  id: 'bewertungen',
  order: 30,
  pageParam: 'bewertungen',
  title: (locale) => t(locale)('ratings.title'),
  async render(db, ctx, holder, state) {
    const tt = t(ctx.locale);
    // One row more than shown says whether a next page exists.
    const rows = await ratingsOfHolder(db, holder.organizationId, holder.userId, { limit: PER_PAGE + 1, offset: (state.page - 1) * PER_PAGE });
    if (rows.length === 0 && state.page === 1)
      return (
        <>
          <p>{tt('ratings.none')}</p>
          <p>
            <a href="/angstraeume">{tt('ratings.map')}</a>
          </p>
        </>
      );
    return (
      <>
        <p>{tt('ratings.intro')}</p>
        <ul class="k-report-cards">
          {rows.slice(0, PER_PAGE).map((r) => (
            <li class="k-report-card">
              <div class="k-report-card__body">
                <h3 class="k-report-card__title">
                  {r.is_public ? <a href={`/angstraeume/${r.report_id}`}>{placeTitle(ctx.locale, r)}</a> : placeTitle(ctx.locale, r)}
                </h3>
                <p class="k-report-card__meta">
                  {tt('ratings.value', { day: r.day, night: r.night })} ·{' '}
                  <time dateTime={new Date(r.created_at).toISOString()}>{tt('ratings.when', { date: formatDate(new Date(r.created_at), ctx.locale) })}</time>
                </p>
              </div>
            </li>
          ))}
        </ul>
        <Pagination
          paging={{ page: state.page, hasNext: rows.length > PER_PAGE }}
          url={{ path: '/konto', query: state.query, pageParam: 'bewertungen' }}
          label={tt('ratings.pages')}
        />
      </>
    );
  },
};

/** The contribution, for the module's index. */
export const angstraeumeAccountSection = contribute(accountSection, ratings);
