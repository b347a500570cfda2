import type { Locale } from '../../platform/i18n';

export type LegalSlug = 'impressum' | 'datenschutz' | 'barrierefreiheit';
export const LEGAL_SLUGS: LegalSlug[] = ['impressum', 'datenschutz', 'barrierefreiheit'];

/** Shown until an admin writes the city's own text; they say plainly that they are placeholders for the city. */
export function defaultLegalPage(slug: LegalSlug, locale: Locale, city: string, contact: string): { title: string; body: string } {
  const de = {
    impressum: {
      title: 'Impressum',
      body: `Anbieterin dieses Angebots ist die ${city}.\n\nKontakt: ${contact}\n\nDie Stadt ergänzt hier Anschrift, Vertretungsberechtigte und Aufsichtsbehörde (§ 5 DDG).`,
    },
    datenschutz: {
      title: 'Datenschutzerklärung',
      body: `Verantwortlich ist die ${city} (Kontakt: ${contact}).\n\nDiese Plattform lädt keine Inhalte von fremden Servern und setzt keine Tracking-Dienste ein. Technisch notwendige Cookies: eine Sitzungskennung nach der Anmeldung, ein Schutz gegen gefälschte Formulare und Ihre Sprachwahl.\n\nE-Mail-Adressen nutzen wir nur für Anmeldelinks und Benachrichtigungen, die Sie angefordert haben.\n\nSie haben das Recht auf Auskunft, Berichtigung, Löschung und Beschwerde bei der Landesbeauftragten für Datenschutz und Informationsfreiheit NRW.`,
    },
    barrierefreiheit: {
      title: 'Erklärung zur Barrierefreiheit',
      body: `Die ${city} ist bemüht, dieses Angebot im Einklang mit der Barrierefreie-Informationstechnik-Verordnung NRW (BITV NRW) barrierefrei zugänglich zu machen.\n\nDie Seiten werden bei jeder Änderung automatisch gegen WCAG 2.2 Stufe AA geprüft. Karten haben immer eine gleichwertige Liste.\n\nWenn Ihnen Barrieren auffallen, nutzen Sie bitte das Formular unten. Sie können sich außerdem an die Durchsetzungsstelle für Barrierefreiheit NRW wenden.`,
    },
  };
  const en = {
    impressum: {
      title: 'Legal notice (Impressum)',
      body: `This service is provided by ${city}.\n\nContact: ${contact}\n\nThe city adds its address, legal representatives and supervisory authority here (§ 5 DDG).`,
    },
    datenschutz: {
      title: 'Privacy policy',
      body: `The controller is ${city} (contact: ${contact}).\n\nThis platform loads nothing from other servers and uses no tracking. Technically necessary cookies: a session id after you sign in, a protection against forged forms, and your language choice.\n\nWe use email addresses only for sign-in links and notifications you asked for.\n\nYou have the right to information, correction, deletion and to complain to the data protection authority of North Rhine-Westphalia (LDI NRW).`,
    },
    barrierefreiheit: {
      title: 'Accessibility statement',
      body: `${city} aims to make this service accessible in accordance with the accessibility regulation of North Rhine-Westphalia (BITV NRW).\n\nEvery change is checked automatically against WCAG 2.2 level AA. Maps always have an equivalent list.\n\nIf you find a barrier, please use the form below. You can also contact the enforcement body for accessibility of North Rhine-Westphalia.`,
    },
  };
  return (locale === 'de' ? de : en)[slug];
}
