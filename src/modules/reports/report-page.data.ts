import type { Db } from '../../platform/db/connect';
import type { Locale } from '../../platform/i18n';
import type { ReportPageRedirect } from './extension-points';
import { reportPageRow } from './report-page.queries';

/** Another module's page shows this report (extension point reportPageRedirect); the route answers with a redirect. */
export class ShownElsewhere extends Error {
  constructor(readonly target: string) {
    super(`shown at ${target}`);
  }
}

type Answer = string | number | string[];

/**
 * The report page's data from one statement (report-page.queries.ts): the report, its photos and timeline, the
 * answers to its category's questions in the visitor's language, and what a signed-in visitor already does.
 * Undefined when the city has no such report; ShownElsewhere when another module's page shows it.
 */
export async function loadReportPage(
  db: Db,
  organizationId: number,
  id: number,
  visitor: { id: number; email: string } | null,
  locale: Locale,
  redirects: ReportPageRedirect[],
) {
  const row = await reportPageRow(db, organizationId, id, visitor);
  if (!row) return undefined;
  for (const redirect of redirects) {
    const target = redirect(row);
    if (target) throw new ShownElsewhere(target);
  }
  const { photos, events, questions, supporting, following, ...report } = row;
  const stored = (report.answers ?? {}) as Record<string, Answer>;
  const answers = questions
    .filter((qu) => stored[qu.code] !== undefined)
    .map((qu) => {
      const v = stored[qu.code]!;
      const options = (qu.options as Array<{ key: string; de: string; en: string }> | null) ?? [];
      const label = (key: string) => {
        const o = options.find((x) => x.key === key);
        return o ? (locale === 'de' ? o.de : o.en) : key;
      };
      return {
        label: locale === 'de' ? qu.label_de : qu.label_en,
        value: Array.isArray(v) ? v.map(label).join(', ') : qu.datatype === 'singlevaluelist' ? label(String(v)) : String(v),
      };
    });
  return { report, photos, events, answers, supporting: Boolean(supporting), following: Boolean(following) };
}
