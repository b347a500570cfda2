import { translator } from '../../platform/i18n';
import { HomeAction, type HomeContribution } from '../home';
import { frontDoorMessages as messages } from './front-door.messages';

/** "Müll melden (Dreckpetze)": the quick litter form, made for one hand on a phone. */
export const litterAction: HomeContribution = {
  slot: 'action',
  order: 20,
  render: async (_db, ctx) => {
    const t = translator(messages, ctx.locale);
    return <HomeAction href="/dreckpetze" title={t('home.actionTitle')} text={t('home.actionText')} />;
  },
};
