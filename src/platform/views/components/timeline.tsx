import { useContext } from 'preact/hooks';
import { formatDateTime } from '../../i18n';
import { LocaleContext } from '../forms';
import { TranslatedText } from '../translated-text';

export interface TimelineEvent {
  at: Date;
  /** The date as shown; date and time in the page's language unless the caller shows less (a day, say). */
  when?: string;
  /** What kind of entry, e.g. "Öffentlich" or "Intern"; shown after the date. */
  kind?: string;
  /** Who did it; shown after the kind. */
  actor?: string;
  /** What happened, in one line. */
  text: string;
  /** A longer note, shown with its line breaks. */
  body?: string | null;
  /**
   * The body is German that staff wrote for the public: shown in the page's language when `translation` has it,
   * otherwise marked as German (TranslatedText). Leave out for texts that are not staff-written German.
   */
  staffWritten?: { translation?: string | undefined };
}

/**
 * Dated events, oldest first as given. `cards` frames each event (the back office's history, where kind and
 * actor matter); the default draws a line with a dot per event.
 */
export function Timeline({ events, variant = 'line' }: { events: TimelineEvent[]; variant?: 'line' | 'cards' }) {
  const locale = useContext(LocaleContext);
  return (
    <ol class={variant === 'cards' ? 'k-timeline k-timeline--cards' : 'k-timeline'}>
      {events.map((e) => {
        const at = new Date(e.at);
        return (
          <li class="k-timeline__item">
            <p class="k-timeline__when">
              <time dateTime={at.toISOString()}>{e.when ?? formatDateTime(at, locale)}</time>
              {e.kind && (
                <>
                  {' · '}
                  <strong>{e.kind}</strong>
                </>
              )}
              {e.actor && ` · ${e.actor}`}
            </p>
            <p class="k-timeline__what">{e.text}</p>
            {e.body &&
              (e.staffWritten ? (
                <TranslatedText german={e.body} translation={e.staffWritten.translation} class="k-timeline__body" />
              ) : (
                <p class="k-pre k-timeline__body">{e.body}</p>
              ))}
          </li>
        );
      })}
    </ol>
  );
}
