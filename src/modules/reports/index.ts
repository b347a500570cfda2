import { contribute, defineModule, label } from '../../platform/module';
import { personalData } from '../../platform/personal-data';
import { homeContribution } from '../home';
import { reportAccountSections } from './account-section';
import { messages as backOfficeMessages } from './backoffice/backoffice.messages';
import { backOfficeReportRoutes } from './backoffice/backoffice.routes';
import { reportPageRedirect } from './extension-points';
import { newestReportsSection, reportAction } from './front-door';
import { frontDoorMessages } from './front-door.messages';
import { mapMessages } from './map/map.messages';
import { createMapFeature } from './map/map.routes';
import { messages } from './messages';
import * as m0002 from './migrations/0002_reports';
import * as m0007 from './migrations/0007_idempotency_fingerprint';
import * as m0014 from './migrations/0014_report_aggregates';
import * as m0015 from './migrations/0015_report_aggregates_by_tile';
import { reportJobs } from './notifications/jobs';
import { notificationMessages } from './notifications/notifications.messages';
import { notificationRoutes } from './notifications/notifications.routes';
import { reportsPersonalData } from './personal-data';
import { personalDataMessages } from './personal-data.messages';
import { listPublicReports } from './report.queries';
import { reportRoutes } from './report.routes';
import { retentionJobs } from './retention';
import { sitemapReports } from './sitemap.queries';
import { categoryName } from './views/report-page';
import { statusLabel } from './views/status';

// What other modules may use (the boundary test allows no other way in).
export { canWorkOnReport, departmentScope } from './backoffice/backoffice.policy';
export { type ReportPageRedirect, reportPageRedirect } from './extension-points';
export { cityBox, mapAreas } from './map/map.queries';
export { mapSettings } from './map/map.routes';
export type { MapSettings } from './map/views/parts';
export { MapAssets, mapData } from './map/views/parts';
export { ReportMap } from './map/views/report-map';
export { messages as reportMessages } from './messages';
export { canTransition, LIMITS, open311Status, parseCoordinate, publicState } from './report';
export type { ListFilter } from './report.queries';
export { cityCentre, insertEvent, listCategories as listReportCategories, publicFilter } from './report.queries';
export { translateProblems } from './report.routes';
export type { CheckedLocation, CreateResult, ReportDeps } from './report.service';
export { categoryQuestions, checkLocation, createReport, photoKey } from './report.service';
export { uploadProblemText } from './report-form-input';
export { categoryName, eventText } from './views/report-page';
export { ReportStatusBadge, statusLabel } from './views/status';

/** The newest public reports; the pages of all modules must fit the sitemap's 50,000 addresses. */
const SITEMAP_REPORTS = 45_000;

/** Melden: the report form, the public map and list, report pages, the back office, status mails, forwarding. */
export const reportsModule = defineModule({
  name: 'reports',
  migrations: { '0002_reports': m0002, '0007_idempotency_fingerprint': m0007, '0014_report_aggregates': m0014, '0015_report_aggregates_by_tile': m0015 },
  async routes(app, services) {
    const { db, config, storage } = services;
    // The owner of /meldungen/:id lets other modules take over the page for their reports (extension point); the
    // page asks them with the row it has read anyway.
    const redirects = services.modules.contributions(reportPageRedirect);
    const reportMap = createMapFeature({ db, config });
    await reportRoutes(app, { db, config, storage, redirects }, reportMap.extras);
    await reportMap.routes(app);
    await backOfficeReportRoutes(app, { db, config, storage });
    await notificationRoutes(app, { db, config });
  },
  jobs: ({ db, config, storage }) => [...reportJobs({ db, config, storage }), ...retentionJobs(db, config)],
  contributes: [
    contribute(personalData, reportsPersonalData),
    contribute(homeContribution, reportAction),
    contribute(homeContribution, newestReportsSection),
    ...reportAccountSections,
  ],
  menu: [
    { href: '/melden', label: label(messages, 'nav.report'), order: 10 },
    { href: '/meldungen', label: label(messages, 'nav.reports'), order: 20 },
  ],
  backOffice: [
    { href: '/verwaltung/meldungen', label: label(backOfficeMessages, 'menu.reports'), roles: 'any', section: 'work', order: 10 },
    { href: '/verwaltung/kategorien', label: label(backOfficeMessages, 'menu.categories'), roles: ['admin'], section: 'admin', order: 50 },
    { href: '/verwaltung/antwortvorlagen', label: label(backOfficeMessages, 'menu.templates'), roles: ['admin'], section: 'admin', order: 60 },
    { href: '/verwaltung/open311', label: label(backOfficeMessages, 'menu.open311'), roles: ['admin'], section: 'admin', order: 70 },
  ],
  async feed(db, organizationId, locale, limit) {
    const rows = await listPublicReports(db, organizationId, {}, { limit, offset: 0 });
    return rows.map((r) => ({
      path: `/meldungen/${r.id}`,
      title: `${categoryName(locale, r)}: ${r.address ?? r.district ?? ''}`.replace(/: $/, ''),
      summary: `${statusLabel(locale, r)}. ${r.description}`,
      published: new Date(r.created_at),
      updated: new Date(r.updated_at),
      categories: [categoryName(locale, r)],
    }));
  },
  async sitemap(db, organizationId) {
    const reports = await sitemapReports(db, organizationId, SITEMAP_REPORTS);
    return [{ path: '/melden' }, { path: '/meldungen' }, ...reports.map((r) => ({ path: `/meldungen/${r.id}`, lastModified: new Date(r.updated_at) }))];
  },
  messages: [messages, backOfficeMessages, mapMessages, notificationMessages, personalDataMessages, frontDoorMessages],
});
