import type { Db } from '../../../platform/db/connect';
import { type Locale, translator } from '../../../platform/i18n';
import { processMessages } from './messages';
import { berlinDay, currentPhase, nextPhase, type ProcessState, processState } from './process';
import * as q from './process.queries';
import { phaseDates } from './process.service';
import type { ListCard } from './views/list-page';
import { day } from './views/process-parts';

/** A page of the public list as cards: each process with its state and one line on where it stands. */
export async function listCards(
  db: Db,
  organizationId: number,
  locale: Locale,
  f: { state: ProcessState; districtId?: number | undefined; topic?: string | undefined; limit: number; offset: number },
  now = new Date(),
): Promise<{ cards: ListCard[]; total: number }> {
  const t = translator(processMessages, locale);
  const today = berlinDay(now);
  const { rows, total } = await q.listPublicProcesses(db, organizationId, { ...f, today });
  const phases = await q.phasesOf(
    db,
    organizationId,
    rows.map((r) => r.id),
  );
  const cards = rows.map((r): ListCard => {
    const dated = phases.filter((p) => p.process_id === r.id).map((row) => ({ ...phaseDates(row), row }));
    const state = processState(dated, today);
    const current = currentPhase(dated, today);
    const next = nextPhase(dated, today);
    let when: string | null = null;
    if (current) when = t('card.phaseNow', { phase: current.row.title, date: day(current.endsOn, locale) });
    else if (state === 'upcoming' && next) when = t('card.startsOn', { date: day(next.startsOn, locale) });
    else if (state === 'current' && next) when = t('card.between', { date: day(next.startsOn, locale) });
    else if (state === 'finished' && dated.length > 0) when = t('card.endedOn', { date: day(lastDay(dated), locale) });
    return { id: r.id, title: r.title, summary: r.summary, topic: r.topic, hasImage: r.image_key !== null, state, when };
  });
  return { cards, total };
}

/** The day the last phase ended: its last day, or the day it was ended early. */
function lastDay(phases: Array<{ endsOn: string; endedEarlyAt: Date | null }>): string {
  // ISO days sort as text.
  return phases
    .map((p) => (p.endedEarlyAt ? berlinDay(p.endedEarlyAt) : p.endsOn))
    .sort()
    .at(-1)!;
}
