import { contribute, defineModule, label } from '../../platform/module';
import { personalData } from '../../platform/personal-data';
import { messages } from './messages';
import { organizationRoutes } from './organization.routes';
import { organizationsPersonalData } from './personal-data';
import { personalDataMessages } from './personal-data.messages';

// What other modules may use (the boundary test allows no other way in).
export {
  findDepartmentByName,
  findOrganizationByHost,
  findOrganizationBySlug,
  insertAudit,
  insertDepartment,
  insertOrganization,
  listDepartments,
  listStadtbezirke,
} from './organization.queries';
export { districtsAt, importDistricts } from './organization.service';

/** The city: districts, departments, legal pages, accessibility feedback, and the back-office start page. */
export const organizationsModule = defineModule({
  name: 'organizations',
  routes: (app, { db, config }) => organizationRoutes(app, { db, config }),
  backOffice: [
    { href: '/verwaltung', label: label(messages, 'backOffice'), roles: 'any', section: 'work', order: 0 },
    { href: '/verwaltung/abteilungen', label: label(messages, 'departments'), roles: ['admin'], section: 'admin', order: 10 },
    { href: '/verwaltung/bezirke', label: label(messages, 'districts'), roles: ['admin'], section: 'admin', order: 20 },
    { href: '/verwaltung/seiten', label: label(messages, 'legalPages'), roles: ['admin'], section: 'admin', order: 40 },
    { href: '/verwaltung/rueckmeldungen', label: label(messages, 'feedback'), roles: ['admin', 'moderator'], section: 'admin', order: 90 },
  ],
  sitemap: async () => [{ path: '/impressum' }, { path: '/datenschutz' }, { path: '/barrierefreiheit' }],
  contributes: [contribute(personalData, organizationsPersonalData)],
  messages: [messages, personalDataMessages],
});
