import type { RequestContext } from '../../../platform/http/context';
import { intlLocale, type Locale } from '../../../platform/i18n';
import { numberFormat } from '../../../platform/i18n/formatters';
import { Layout } from '../../../platform/views/layout';
import type { Children } from '../../../platform/views/render';
import type { AngstraumStatistics } from '../angstraeume.service';
import { AngstAssets, tr } from './parts';

function percent(share: number | null, locale: Locale, none: string): string {
  if (share === null) return none;
  return `${numberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(share * 100)} %`;
}

/** /statistik/angstraeume-und-muell: the figures of both reporters; the litter part comes from its module. */
export function StatisticsPage({ ctx, stats, litter }: { ctx: RequestContext; stats: AngstraumStatistics; litter: Children }) {
  const t = tr(ctx.locale);
  const none = t('stats.noShare');
  const rows: Array<[string, string | number]> = [
    [t('stats.reported'), stats.reported],
    [t('stats.reviewed'), stats.reviewed],
    [t('stats.withMeasures'), stats.withMeasures],
    [t('stats.overdue', { days: stats.intervalDays }), stats.overdue],
    [t('stats.measured'), stats.measured],
    [t('stats.safer'), stats.safer],
  ];
  return (
    <Layout ctx={ctx} title={t('statsTitle')}>
      <AngstAssets />
      <h1>{t('statsTitle')}</h1>
      <p>{t('statsIntro')}</p>
      <section class="k-section" aria-labelledby="angst-stats-title">
        <h2 id="angst-stats-title">{t('statsAngstTitle')}</h2>
        <p>
          <strong>{t('stats.saferShare', { share: percent(stats.saferShare, ctx.locale, none) })}</strong>
        </p>
        <div class="k-table-wrap">
          <table class="k-table">
            <caption>{t('statsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.figure')}</th>
                <th scope="col">{t('col.value')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, value]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          {t('stats.questionnaire', {
            answered: stats.questionnaire.answered,
            yes: stats.questionnaire.yes,
            share: percent(stats.questionnaire.yesShare, ctx.locale, none),
          })}
        </p>
        <ul class="k-list">
          <li>
            <a href="/angstraeume">{t('mapPageTitle')}</a>
          </li>
          <li>
            <a href="/api/statistik/angstraeume.json">
              {t('jsonLink')}: {t('statsAngstTitle')}
            </a>
          </li>
          <li>
            <a href="/api/statistik/muell.json">{t('jsonLink')}: Müll / litter</a>
          </li>
        </ul>
      </section>
      {litter}
    </Layout>
  );
}
