import type { Locale } from '../../platform/i18n';
import { accessibilityStatement } from './accessibility-statement';
import { type RetentionPeriods, retentionSection } from './privacy-retention';

export type LegalSlug = 'impressum' | 'datenschutz' | 'barrierefreiheit';
export const LEGAL_SLUGS: LegalSlug[] = ['impressum', 'datenschutz', 'barrierefreiheit'];

/**
 * Shown until an admin writes the city's own text; they say plainly that they are placeholders for the city. The
 * privacy policy states the storage periods the settings give (`periods`).
 */
export function defaultLegalPage(slug: LegalSlug, locale: Locale, city: string, contact: string, periods: RetentionPeriods): { title: string; body: string } {
  if (slug === 'barrierefreiheit') return accessibilityStatement(locale, city, contact);
  const de = {
    impressum: {
      title: 'Impressum',
      body: `Anbieterin dieses Angebots ist die ${city}.\n\nKontakt: ${contact}\n\nDie Stadt ergänzt hier Anschrift, Vertretungsberechtigte und Aufsichtsbehörde (§ 5 DDG).`,
    },
    datenschutz: {
      title: 'Datenschutzerklärung',
      body: `Verantwortlich ist die ${city} (Kontakt: ${contact}).\n\nDiese Plattform lädt keine Inhalte von fremden Servern und setzt keine Tracking-Dienste ein. Technisch notwendige Cookies: eine Sitzungskennung nach der Anmeldung, ein Schutz gegen gefälschte Formulare und Ihre Sprachwahl.\n\nE-Mail-Adressen nutzen wir nur für Anmeldelinks und Benachrichtigungen, die Sie angefordert haben.\n\n${retentionSection('de', periods)}\n\nSie haben das Recht auf Auskunft, Berichtigung, Löschung und Beschwerde bei der Landesbeauftragten für Datenschutz und Informationsfreiheit NRW.`,
    },
  };
  const en = {
    impressum: {
      title: 'Legal notice (Impressum)',
      body: `This service is provided by ${city}.\n\nContact: ${contact}\n\nThe city adds its address, legal representatives and supervisory authority here (§ 5 DDG).`,
    },
    datenschutz: {
      title: 'Privacy policy',
      body: `The controller is ${city} (contact: ${contact}).\n\nThis platform loads nothing from other servers and uses no tracking. Technically necessary cookies: a session id after you sign in, a protection against forged forms, and your language choice.\n\nWe use email addresses only for sign-in links and notifications you asked for.\n\n${retentionSection('en', periods)}\n\nYou have the right to information, correction, deletion and to complain to the data protection authority of North Rhine-Westphalia (LDI NRW).`,
    },
  };
  return (locale === 'de' ? de : en)[slug];
}
