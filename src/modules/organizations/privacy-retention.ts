import type { Config } from '../../config';
import type { Locale } from '../../platform/i18n';

// The storage periods of the default privacy policy (Datenschutzerklärung), taken from the settings the purge jobs
// read, so the text says what the platform does. A city that writes its own text must keep it in step by hand.

export interface RetentionPeriods {
  reporterContactMonths: number;
  linkDays: number;
  mailDays: number;
  rateLimitHours: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  deletedAccountContributions: 'anonymise' | 'remove';
}

export function retentionPeriods(config: Pick<Config, 'retention' | 'session' | 'deletedAccountContributions'>): RetentionPeriods {
  return {
    ...config.retention,
    sessionIdleMinutes: config.session.residentIdleMinutes,
    sessionAbsoluteHours: config.session.residentAbsoluteHours,
    deletedAccountContributions: config.deletedAccountContributions,
  };
}

type Unit = 'month' | 'day' | 'hour' | 'minute';
const WORDS: Record<'de' | 'en', Record<Unit, [one: string, many: string]>> = {
  // German after "nach" takes the dative plural (nach 7 Tagen), elsewhere the plain plural (7 Tage danach).
  de: { month: ['Monat', 'Monate'], day: ['Tag', 'Tage'], hour: ['Stunde', 'Stunden'], minute: ['Minute', 'Minuten'] },
  en: { month: ['month', 'months'], day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
};
const DATIVE_DE: Record<Unit, string> = { month: 'Monaten', day: 'Tagen', hour: 'Stunden', minute: 'Minuten' };

function amount(lang: 'de' | 'en', n: number, unit: Unit, dative = false): string {
  const [one, many] = WORDS[lang][unit];
  if (n === 1) return `1 ${one}`;
  return `${n} ${lang === 'de' && dative ? DATIVE_DE[unit] : many}`;
}

/** Minutes as the largest whole unit: 10080 → 7 days, 90 → 90 minutes. */
function duration(lang: 'de' | 'en', minutes: number, dative: boolean): string {
  if (minutes % 1440 === 0) return amount(lang, minutes / 1440, 'day', dative);
  if (minutes % 60 === 0) return amount(lang, minutes / 60, 'hour', dative);
  return amount(lang, minutes, 'minute', dative);
}

/** The "Speicherdauer" section: a heading and a list (the legal page renders '## ' and '- '). */
export function retentionSection(locale: Locale, p: RetentionPeriods): string {
  if (locale === 'de') {
    return [
      '## Speicherdauer',
      '',
      `- Anmelde- und Bestätigungslinks löschen wir ${amount('de', p.linkDays, 'day')} nach ihrer Verwendung oder ihrem Ablauf.`,
      `- Eine Anmeldung (Sitzung) endet nach ${duration('de', p.sessionIdleMinutes, true)} ohne Nutzung, spätestens nach ${duration('de', p.sessionAbsoluteHours * 60, true)}; danach löschen wir sie innerhalb einer Stunde.`,
      `- Name, E-Mail-Adresse und Telefonnummer bei einer Meldung löschen wir ${amount('de', p.reporterContactMonths, 'month')} nachdem die Meldung erledigt oder abgeschlossen wurde, ebenso die E-Mail-Adressen, die ihr folgen.`,
      `- Gesendete E-Mails löschen wir ${amount('de', p.mailDays, 'day')} nach dem Versand.`,
      `- Zähler zum Schutz vor Missbrauch (mit IP-Adresse oder einem Hashwert der E-Mail-Adresse) löschen wir nach ${amount('de', p.rateLimitHours, 'hour', true)}.`,
      `- Ihr Konto bleibt, bis Sie es löschen. Unter „Mein Konto“ können Sie Ihre Daten herunterladen und Ihr Konto löschen; ${
        p.deletedAccountContributions === 'remove'
          ? 'Ihre Meldungen, Unterstützungen und Bewertungen werden dann mit gelöscht.'
          : 'Ihre veröffentlichten Meldungen, Unterstützungen und Bewertungen bleiben dann ohne Namen und Kontaktangaben (anonym) erhalten.'
      }`,
    ].join('\n');
  }
  return [
    '## How long we keep data',
    '',
    `- Sign-in and confirmation links are deleted ${amount('en', p.linkDays, 'day')} after they were used or expired.`,
    `- A sign-in (session) ends after ${duration('en', p.sessionIdleMinutes, false)} without use, after ${duration('en', p.sessionAbsoluteHours * 60, false)} at the latest; it is then deleted within an hour.`,
    `- Name, email address and phone number on a report are deleted ${amount('en', p.reporterContactMonths, 'month')} after the report was fixed or closed, and so are the email addresses following it.`,
    `- Sent emails are deleted ${amount('en', p.mailDays, 'day')} after sending.`,
    `- Counters that protect against abuse (with an IP address or a hash of the email address) are deleted after ${amount('en', p.rateLimitHours, 'hour')}.`,
    `- Your account stays until you delete it. Under "My account" you can download your data and delete your account; ${
      p.deletedAccountContributions === 'remove'
        ? 'your reports, supports and ratings are then deleted with it.'
        : 'your published reports, supports and ratings then stay without name and contact details (anonymous).'
    }`,
  ].join('\n');
}
