import { defineModule, label } from '../../platform/module';
import { accountRoutes } from './account.routes';
import { messages } from './messages';

export { createStaffAccount } from './account.service';

/** Residents (magic link), staff (password + TOTP), setup and reset links, the staff admin. */
export const accountsModule = defineModule({
  name: 'accounts',
  routes: (app, { db, config }) => accountRoutes(app, { db, config }),
  backOffice: [{ href: '/verwaltung/mitarbeitende', label: label(messages, 'staffTitle'), roles: ['admin'], section: 'admin', order: 30 }],
  messages: [messages],
});
