import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/connect';
import type { FieldErrors } from '../../../platform/http/errors';
import { currentUser } from '../../../platform/http/guards';
import { sendHtml } from '../../../platform/views/render';
import { categoryQuestions } from '../report.service';
import * as bq from './backoffice.queries';
import * as bo from './backoffice.service';
import { ReportDetailPage } from './views/report-detail-page';

export interface ReportViewOptions {
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
  status?: number;
  templateId?: string;
}

/** One report in the back office, after a GET or with the problems of an action (report and photo routes). */
export async function renderReport(db: Db, request: FastifyRequest, reply: FastifyReply, id: number, opts: ReportViewOptions = {}) {
  const { ctx } = request;
  const report = await bo.reportForStaff(db, ctx.org, currentUser(request), id);
  const [photos, events, questions, categories, departments, templates] = await Promise.all([
    bq.allPhotos(db, ctx.org.id, id),
    bq.fullTimeline(db, ctx.org.id, id),
    categoryQuestions(db, ctx.org.id, report.category_id, ctx.locale),
    bq.allCategories(db, ctx.org.id),
    bq.departments(db, ctx.org.id),
    bq.listTemplates(db, ctx.org.id),
  ]);
  const stored = (report.answers ?? {}) as Record<string, string | number | string[]>;
  const answers = questions
    .filter((qu) => stored[qu.code] !== undefined)
    .map((qu) => {
      const value = stored[qu.code]!;
      const label = (key: string) => qu.options.find((o) => o.key === key)?.label ?? key;
      return {
        label: qu.label,
        value: Array.isArray(value) ? value.map(label).join(', ') : qu.datatype === 'singlevaluelist' ? label(String(value)) : String(value),
      };
    });
  return sendHtml(
    reply,
    <ReportDetailPage
      ctx={ctx}
      report={report}
      photos={photos}
      events={events}
      answers={answers}
      categories={categories
        .filter((c) => c.active || c.id === report.category_id)
        .map((c) => ({ id: c.id, name: ctx.locale === 'de' ? c.name_de : c.name_en }))}
      departments={departments}
      templates={templates}
      templateId={opts.templateId ?? ''}
      values={opts.values ?? {}}
      errors={opts.errors}
      notice={opts.notice}
    />,
    opts.status ?? 200,
  );
}
