import type { Locale } from '../../../../platform/i18n';
import { formatDate, formatNumber, translator } from '../../../../platform/i18n';
import type { StatusVocabulary } from '../../../../platform/views/components';
import { processMessages } from '../messages';
import type { ProcessState } from '../process';

// Small pieces the public and the back-office pages share.

/** Links this feature's stylesheet (a <link> in the body is valid HTML; only these pages need it). */
export function ProcessStyles() {
  return <link rel="stylesheet" href="/static/css/processes.css" />;
}

/** An ISO day in the page's language, at noon UTC so no zone moves it. */
export function day(iso: string, locale: Locale, style: 'medium' | 'long' = 'long'): string {
  return formatDate(new Date(`${iso}T12:00:00Z`), locale, style);
}

export function stateVocabulary(locale: Locale): StatusVocabulary<ProcessState> {
  const t = translator(processMessages, locale);
  return {
    current: { label: t('state.current'), tone: 'progress' },
    upcoming: { label: t('state.upcoming'), tone: 'open' },
    finished: { label: t('state.finished'), tone: 'done' },
  };
}

export function topicName(topic: string, locale: Locale): string {
  const t = translator(processMessages, locale);
  // The column's CHECK allows only the codes of TOPICS, which all have texts.
  return t(`topic.${topic}` as 'topic.verkehr');
}

/** A file size people read: "340 kB", "1,2 MB". */
export function fileSize(bytes: number, locale: Locale): string {
  const mb = bytes / 1_000_000;
  if (mb >= 1) return formatNumber(mb, locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return formatNumber(Math.max(1, Math.round(bytes / 1000)), locale, { style: 'unit', unit: 'kilobyte' });
}

/** Where a process's image is served; `thumb` for lists. */
export function imageHref(processId: number, size: 'large' | 'thumb'): string {
  return `/beteiligung/${processId}/bild${size === 'thumb' ? '?groesse=klein' : ''}`;
}
