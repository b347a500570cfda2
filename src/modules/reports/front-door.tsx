import { translator } from '../../platform/i18n';
import { Button, Select } from '../../platform/views/forms';
import { HomeAction, type HomeContribution, HomeSection } from '../home';
import { frontDoorMessages as messages } from './front-door.messages';
import { newestReports } from './front-door.queries';
import { districtsForFilter } from './report.queries';
import { ReportCard } from './views/report-card';

const NEWEST = 6;

/** The front door's first action: report a problem. */
export const reportAction: HomeContribution = {
  slot: 'action',
  order: 10,
  render: async (_db, ctx) => {
    const t = translator(messages, ctx.locale);
    return <HomeAction href="/melden" title={t('home.reportTitle')} text={t('home.reportText')} />;
  },
};

/** The newest reports with their photos, for the whole city or the district the visitor chose (no JavaScript). */
export const newestReportsSection: HomeContribution = {
  slot: 'section',
  order: 10,
  render: async (db, ctx, query) => {
    const t = translator(messages, ctx.locale);
    const [districts, reports] = await Promise.all([districtsForFilter(db, ctx.org.id), newestReports(db, ctx.org.id, query.districtId, NEWEST)]);
    const chosen = districts.find((d) => d.id === query.districtId);
    return (
      <HomeSection id="home-newest-title" title={chosen ? t('home.newestIn', { district: chosen.name }) : t('home.newest')}>
        {districts.length > 0 && (
          <form method="get" action="/" class="k-filters k-home-district">
            <Select
              name="bezirk"
              label={t('home.district')}
              value={chosen ? String(chosen.id) : ''}
              options={[{ value: '', label: t('home.wholeCity') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
            />
            <div class="k-actions">
              <Button variant="secondary">{t('home.show')}</Button>
            </div>
          </form>
        )}
        {reports.length === 0 ? (
          <p>{t('home.none')}</p>
        ) : (
          <ul class="k-report-cards">
            {reports.map((r) => (
              <ReportCard locale={ctx.locale} report={r} />
            ))}
          </ul>
        )}
        <p>
          <a href={chosen ? `/meldungen?bezirk=${chosen.id}` : '/meldungen'}>{t('home.allReports')}</a>
        </p>
      </HomeSection>
    );
  },
};
