import type { CloseReason, ReportStatus } from '../../../db-schema';
import { type Locale, translator } from '../../../platform/i18n';
import { StatusBadge, type StatusTone, type StatusVocabulary } from '../../../platform/views/components';
import { messages } from '../messages';
import { type PublicState, publicState } from '../report';

type ReportLike = { status: ReportStatus; close_reason: CloseReason | null };

const TONES: Record<PublicState, StatusTone> = {
  unconfirmed: 'open',
  new: 'open',
  confirmed: 'open',
  in_progress: 'progress',
  fixed: 'done',
  closed: 'closed',
  'closed:done': 'closed',
  'closed:rejected': 'closed',
  'closed:duplicate': 'closed',
  'closed:not_responsible': 'closed',
};

const vocabularies = new Map<Locale, StatusVocabulary<PublicState>>();

/** The report states as residents see them, in the given language: the vocabulary for the shared StatusBadge. */
export function reportStatusVocabulary(locale: Locale): StatusVocabulary<PublicState> {
  let vocabulary = vocabularies.get(locale);
  if (!vocabulary) {
    const t = translator(messages, locale);
    vocabulary = Object.fromEntries(
      (Object.keys(TONES) as PublicState[]).map((state) => [state, { label: t(`status.${state}`), tone: TONES[state] }]),
    ) as StatusVocabulary<PublicState>;
    vocabularies.set(locale, vocabulary);
  }
  return vocabulary;
}

export function statusLabel(locale: Locale, report: ReportLike): string {
  return reportStatusVocabulary(locale)[publicState(report)].label;
}

/** A report's (or an Angstraum's) state, in words and with a shape, never by colour alone. */
export function ReportStatusBadge({ locale, report }: { locale: Locale; report: ReportLike }) {
  return <StatusBadge status={publicState(report)} vocabulary={reportStatusVocabulary(locale)} />;
}
