import { defineModule, label } from '../../platform/module';
import { personalData } from '../../platform/personal-data';
import { accountJobs } from './account.jobs';
import { accountRoutes } from './account.routes';
import { messages } from './messages';

// What other modules may use (the boundary test allows no other way in).
export { createStaffAccount, issueToken, residentForEmail, spendToken } from './account.service';
export { LinkInvalidPage } from './views/resident-pages';

/** Residents (magic link), staff (password + TOTP), setup and reset links, the staff admin. */
export const accountsModule = defineModule({
  name: 'accounts',
  routes: (app, { db, config, storage, modules }) => accountRoutes(app, { db, config, storage, sources: modules.contributions(personalData) }),
  jobs: ({ db, config }) => accountJobs(db, config),
  backOffice: [{ href: '/verwaltung/mitarbeitende', label: label(messages, 'staffTitle'), roles: ['admin'], section: 'admin', order: 30 }],
  messages: [messages],
});
