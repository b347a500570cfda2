import type { Locale } from '../../platform/i18n';

/**
 * The default accessibility statement, following the model statement of the EU (Durchführungsbeschluss (EU)
 * 2018/1523) as BITV 2.0 and BITV NRW ask: status of conformance, the contents that are not accessible and why,
 * how and when the statement was made, the feedback route and the enforcement procedure with its contact.
 * The city edits it in the back office like the other legal pages; this text says what the platform itself
 * knows about its own limits, checked on the date below.
 */
export const STATEMENT_REVIEWED = new Date('2026-12-03T00:00:00Z');

function date(locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(STATEMENT_REVIEWED);
}

export function accessibilityStatement(locale: Locale, city: string, contact: string): { title: string; body: string } {
  if (locale === 'de') {
    return {
      title: 'Erklärung zur Barrierefreiheit',
      body: `Die ${city} ist bemüht, dieses Angebot im Einklang mit dem Behindertengleichstellungsgesetz NRW und der Barrierefreie-Informationstechnik-Verordnung NRW (BITV NRW, die auf die BITV 2.0 und die europäische Norm EN 301 549 verweist) barrierefrei zugänglich zu machen. Diese Erklärung gilt für alle Seiten unter dieser Adresse.

## Stand der Vereinbarkeit mit den Anforderungen

Dieses Angebot ist wegen der unten genannten Einschränkungen teilweise mit den Anforderungen vereinbar.

## Nicht barrierefreie Inhalte

- Fotos, die Bürgerinnen und Bürger zu Meldungen hochladen, haben nur einen allgemeinen Alternativtext (zum Beispiel „Foto 1 zur Meldung“). Was auf dem Foto zu sehen ist, steht nicht als Text dabei. Die Beschreibung der Meldung nennt das Problem in Worten.
- Die Karten mit Stadtplan-Hintergrund haben keine Textalternative für den Hintergrund. Jede Karte hat eine gleichwertige Liste mit denselben Einträgen, und ein Ort lässt sich auch ohne Karte angeben (Beschreibung oder Koordinaten).
- Videos in Deutscher Gebärdensprache gibt es nur, wenn die ${city} sie bereitstellt. Bis dahin erklärt die Seite „Leichte Sprache“ das Angebot in einfachen Worten.
- Die technische Dokumentation der Schnittstellen (/api/docs) richtet sich an Fachleute und ist zum Teil nur auf Englisch.

## Erstellung dieser Erklärung

Diese Erklärung wurde am ${date(locale)} erstellt. Grundlage ist eine Selbstbewertung: Jede Änderung an der Software wird automatisch gegen WCAG 2.2 Stufe AA geprüft (axe-core in Browsertests aller Seiten, die Bürgerinnen, Bürger und Mitarbeitende nutzen), die Bedienung per Tastatur, ohne JavaScript und bei 320 Pixel Bildschirmbreite wird in denselben Tests geprüft. Eine Prüfung durch eine unabhängige Stelle steht noch aus.

## Barrieren melden: Kontakt zu den Feedback-Ansprechpartnern

Sie möchten uns bestehende Barrieren mitteilen oder Informationen zur Umsetzung der Barrierefreiheit erfragen? Nutzen Sie bitte das Formular unten oder schreiben Sie an ${contact}. Wir antworten innerhalb von sechs Wochen.

## Schlichtungsverfahren und Durchsetzung

Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden. Sie ist bei der Beauftragten der Landesregierung für Menschen mit Behinderung angesiedelt und vermittelt kostenlos zwischen Ihnen und der öffentlichen Stelle.

Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen, Fürstenwall 25, 40219 Düsseldorf, E-Mail: ombudsstelle-barrierefreie-it@mags.nrw.de`,
    };
  }
  return {
    title: 'Accessibility statement',
    body: `${city} aims to make this service accessible in accordance with the disability equality act of North Rhine-Westphalia and its accessibility regulation (BITV NRW, which refers to the federal BITV 2.0 and the European standard EN 301 549). This statement applies to every page at this address.

## Compliance status

Because of the limitations listed below, this service is partially compliant.

## Non-accessible content

- Photos that residents upload with their reports have only a generic text alternative (such as "Photo 1 of the report"). What the photo shows is not described in text; the report's description names the problem in words.
- Maps with a city map background have no text alternative for the background. Every map has an equivalent list with the same entries, and a place can be given without the map (description or coordinates).
- Videos in German Sign Language are available only once ${city} provides them. Until then, the "Leichte Sprache" page explains the service in plain German.
- The technical documentation of the interfaces (/api/docs) is written for specialists and is partly in English only.

## Preparation of this statement

This statement was prepared on ${date(locale)}. It is based on a self-assessment: every change to the software is checked automatically against WCAG 2.2 level AA (axe-core in browser tests of every page residents and staff use), and the same tests check use by keyboard, without JavaScript and at a screen width of 320 pixels. An assessment by an independent body is still to come.

## Feedback and contact information

To tell us about a barrier or ask about accessibility, please use the form below or write to ${contact}. We answer within six weeks.

## Conciliation and enforcement procedure

If you receive no answer, or no satisfactory answer, you can turn to the ombudsperson for accessible information technology of North Rhine-Westphalia (Ombudsstelle für barrierefreie Informationstechnik), based at the state government's commissioner for people with disabilities. The procedure is free of charge.

Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen, Fürstenwall 25, 40219 Düsseldorf, Germany, email: ombudsstelle-barrierefreie-it@mags.nrw.de`,
  };
}
