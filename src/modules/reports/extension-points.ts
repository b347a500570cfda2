import type { CategoryKind } from '../../db-schema';
import { extensionPoint } from '../../platform/module';

/** What the report page has read about a report when it asks: the decision costs no query of its own. */
export interface ReportPageSubject {
  id: number;
  category_kind: CategoryKind;
  reviewed_at: Date | null;
}

/**
 * Another module may show some reports on its own page instead of the report page (the Angsträume module does
 * for places staff have not reviewed yet, whose text must not be public). Returns the path to send the visitor
 * to, or null to show the report page.
 */
export type ReportPageRedirect = (report: ReportPageSubject) => string | null;

export const reportPageRedirect = extensionPoint<ReportPageRedirect>('reports: report page redirect');
