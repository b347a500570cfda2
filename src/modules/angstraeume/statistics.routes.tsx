import type { FastifyInstance } from 'fastify';
import { sendHtml } from '../../platform/views/render';
import { LitterStatsSection, litterStatistics } from '../litter';
import type { AngstraeumeScope } from './angstraeume.http';
import { AngstraumStatistics, TAG } from './angstraeume.schemas';
import * as service from './angstraeume.service';
import { StatisticsPage } from './views/stats-page';

function percentOrNull(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10000) / 10000;
}

/** Statistics of Angsträume and litter: the page, and the JSON for the targets dashboard. */
export function statisticsRoutes(o: FastifyInstance, { db, now }: AngstraeumeScope): void {
  o.get('/statistik/angstraeume-und-muell', async (request, reply) => {
    const { ctx } = request;
    const [stats, litter] = await Promise.all([service.angstraumStatistics(db, ctx.org.id, now()), litterStatistics(db, ctx.org.id, now())]);
    return sendHtml(reply, <StatisticsPage ctx={ctx} stats={stats} litter={<LitterStatsSection ctx={ctx} stats={litter} />} />);
  });

  const statistics = {
    summary: 'Angsträume in figures',
    description: 'Places reported, reviewed, with measures and overdue; the effect of measures on ratings; the questionnaire after a measure.',
    tags: [TAG],
    response: { 200: { description: 'OK', ...AngstraumStatistics } },
  };
  o.get('/api/statistik/angstraeume.json', { schema: statistics }, async (request, reply) => {
    const s = await service.angstraumStatistics(db, request.ctx.org.id, now());
    const body = {
      city: request.ctx.org.name,
      generated_at: now().toISOString(),
      update_interval_days: s.intervalDays,
      places: { reported: s.reported, reviewed: s.reviewed, with_measures: s.withMeasures, overdue: s.overdue },
      effect: { measured: s.measured, safer: s.safer, same: s.same, less_safe: s.lessSafe, safer_share: percentOrNull(s.saferShare) },
      questionnaire: {
        sent: s.questionnaire.sent,
        answered: s.questionnaire.answered,
        yes: s.questionnaire.yes,
        no: s.questionnaire.no,
        unknown: s.questionnaire.unknown,
        yes_share: percentOrNull(s.questionnaire.yesShare),
      },
      method:
        'Ratings 1–5 (day and night) by signed-in residents, one per person, place and 30 days. For each place the ratings since the previous measure are compared with those after its last measure; a place counts as "safer" when the mean of day and night rose by at least 0.25 with at least 3 ratings on each side.',
    };
    return reply.type('application/json; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(JSON.stringify(body));
  });
}
