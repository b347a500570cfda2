import { defineModule, label } from '../../platform/module';
import { personalData } from '../../platform/personal-data';
import { accountJobs } from './account.jobs';
import { accountRoutes } from './account.routes';
import { accountPageMessages } from './account-page.messages';
import { accountSection } from './extension-points';
import { messages } from './messages';
import * as m0026 from './migrations/0026_account_mail_settings';

// What other modules may use (the boundary test allows no other way in).
export { createStaffAccount, issueToken, residentForEmail, spendToken } from './account.service';
export { type AccountFormResult, type AccountHolder, type AccountSection, type AccountSectionState, accountSection } from './extension-points';
export { DEFAULT_MAIL_SETTINGS, DIGESTS, type Digest, isDigest, type MailSettings, mailSettingsOf, saveMailSettings } from './mail-settings';
export { LinkInvalidPage } from './views/resident-pages';

/** Residents (magic link), staff (password + TOTP), setup and reset links, the staff admin. */
export const accountsModule = defineModule({
  name: 'accounts',
  migrations: { '0026_account_mail_settings': m0026 },
  routes: (app, { db, config, storage, modules }) =>
    accountRoutes(app, { db, config, storage, sources: modules.contributions(personalData), sections: modules.contributions(accountSection) }),
  jobs: ({ db, config }) => accountJobs(db, config),
  backOffice: [{ href: '/verwaltung/mitarbeitende', label: label(messages, 'staffTitle'), roles: ['admin'], section: 'admin', order: 30 }],
  messages: [messages, accountPageMessages],
});
