import { contribute, label } from '../../../platform/module';
import { personalData } from '../../../platform/personal-data';
import * as m0029 from '../migrations/0029_participation_verification';
import * as m0033 from '../migrations/0033_participation_fixes';
import type { ModulePart } from '../parts';
import { verificationAccountSection } from './account-section';
import { dropSealedCodesOfAllCities } from './eligibility.queries';
import { messages } from './messages';
import { eligibilityPersonalData } from './personal-data';
import { eligibilityRoutes } from './routes';
import { SEALED_MINUTES } from './verification.service';
import { BODIES_PATH } from './views/bodies-pages';
import { CODES_PATH } from './views/codes-pages';
import { COUNTER_PATH } from './views/counter-page';

// The eligibility feature of the participation core: verification (letter codes, counter), bodies, and the rule
// decision other features call (eligibility.service.ts).
export const eligibilityPart: ModulePart = {
  migrations: { '0029_participation_verification': m0029, '0033_participation_fixes': m0033 },
  routes: eligibilityRoutes,
  // The plain codes of a new batch live 15 minutes (sealed, for the CSV download); this drops them in every city.
  jobs: ({ db }) => [{ name: 'letter-codes-drop-plain', everySeconds: 300, run: () => dropSealedCodesOfAllCities(db, SEALED_MINUTES) }],
  backOffice: [
    { href: COUNTER_PATH, label: label(messages, 'bo.menuCounter'), roles: ['admin', 'department_staff'], section: 'work', order: 60 },
    { href: CODES_PATH, label: label(messages, 'bo.menuCodes'), roles: ['admin'], section: 'admin', order: 60 },
    { href: BODIES_PATH, label: label(messages, 'bo.menuBodies'), roles: ['admin'], section: 'admin', order: 61 },
  ],
  contributes: [contribute(personalData, eligibilityPersonalData), verificationAccountSection],
  messages: [messages],
};
