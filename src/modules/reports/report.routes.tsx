import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import type { RequestContext } from '../../platform/http/context';
import type { ReportPageRedirect } from './extension-points';
import { reportFormRoutes } from './report-form.routes';
import { reportPageRoutes } from './report-page.routes';
import type { Step1Values } from './views/report-form';

export { translateProblems } from './report-form-input';

export interface ReportRouteDeps {
  db: Db;
  config: Config;
  storage: FileStorage;
  /** Other modules' pages for some reports (extension point reportPageRedirect). */
  redirects?: ReportPageRedirect[];
}

/** Extension points for the location step (map, address search), filled in by the map feature. */
export interface LocationStepExtras {
  render?: (ctx: RequestContext, values: Step1Values) => preact.ComponentChildren;
  reportMap?: (ctx: RequestContext, report: { id: number; lat: number; lon: number; location_precise: boolean }) => preact.ComponentChildren;
}

/** The public side of reports: the form (/melden), confirmation links, report pages and their photos. */
export async function reportRoutes(app: FastifyInstance, deps: ReportRouteDeps, extras: LocationStepExtras = {}): Promise<void> {
  reportFormRoutes(app, deps, extras);
  reportPageRoutes(app, deps, extras);
}
