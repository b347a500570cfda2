import { translator } from '../../platform/i18n';
import { HomeAction, type HomeContribution, HomeSection } from '../home';
import { angstraumCategories, reviewCounts } from './angstraeume.queries';
import { frontDoorMessages as messages } from './front-door.messages';

/** "Angstraum melden": the report form with the Angstraum category chosen (when the city has one). */
export const angstraumAction: HomeContribution = {
  slot: 'action',
  order: 30,
  render: async (db, ctx) => {
    const t = translator(messages, ctx.locale);
    const category = (await angstraumCategories(db, ctx.org.id)).find((c) => c.active);
    if (!category) return null;
    return <HomeAction href={`/melden?kategorie=${category.id}`} title={t('home.reportTitle')} text={t('home.reportText')} />;
  },
};

/** The Angsträume-Karte and the figures, with what has been done so far. */
export const angstraeumeSection: HomeContribution = {
  slot: 'section',
  order: 20,
  render: async (db, ctx) => {
    const t = translator(messages, ctx.locale);
    const counts = await reviewCounts(db, ctx.org.id);
    return (
      <HomeSection id="home-angst-title" title={t('home.sectionTitle')}>
        <p>{t('home.sectionText', { n: counts.reviewed })}</p>
        <ul class="k-list">
          <li>
            <a href="/angstraeume">{t('home.mapLink')}</a>
          </li>
          <li>
            <a href="/statistik/angstraeume-und-muell">{t('home.statsLink')}</a>
          </li>
        </ul>
      </HomeSection>
    );
  },
};
