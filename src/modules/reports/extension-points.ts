import type { Db } from '../../platform/db/connect';
import { extensionPoint } from '../../platform/module';

/**
 * Another module may show some reports on its own page instead of the report page (the Angsträume module does
 * for places staff have not reviewed yet, whose text must not be public). Returns the path to send the visitor
 * to, or null to show the report page.
 */
export type ReportPageRedirect = (db: Db, organizationId: number, reportId: number) => Promise<string | null>;

export const reportPageRedirect = extensionPoint<ReportPageRedirect>('reports: report page redirect');
