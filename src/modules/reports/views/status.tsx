import type { CloseReason, ReportStatus } from '../../../db-schema';
import { type Locale, translator } from '../../../platform/i18n';
import { messages } from '../messages';
import { publicState } from '../report';

export function statusLabel(locale: Locale, report: { status: ReportStatus; close_reason: CloseReason | null }): string {
  return translator(messages, locale)(`status.${publicState(report)}`);
}

/** Status in words and with a shape, never by colour alone. */
export function StatusBadge({ locale, report }: { locale: Locale; report: { status: ReportStatus; close_reason: CloseReason | null } }) {
  const state = publicState(report);
  const group = state.startsWith('closed') ? 'closed' : state === 'fixed' ? 'fixed' : state === 'in_progress' ? 'progress' : 'open';
  const icon = { open: '●', progress: '◐', fixed: '✔', closed: '■' }[group];
  return (
    <span class={`k-status k-status--${group}`}>
      <span aria-hidden="true">{icon} </span>
      {statusLabel(locale, report)}
    </span>
  );
}
