import type { MeasureType } from '../../src/modules/angstraeume/angstraum';

// German texts the demo seed does not have (the demo's descriptions, streets, names and notes are imported from
// src/seed/demo-texts.ts). Invented and plausible; combined with the demo's texts they give a few thousand
// different descriptions, so text search and row sizes look like real data rather than one repeated line.

/** Added to a description now and then. */
export const DESCRIPTION_ADDITIONS = [
  'Das ist schon seit mehreren Wochen so.',
  'Bitte schnell beheben, hier laufen viele Kinder zur Schule.',
  'Ist mir heute Morgen auf dem Weg zur Arbeit aufgefallen.',
  'Ich habe das vor einiger Zeit schon einmal telefonisch gemeldet.',
  'Abends ist es besonders schlimm.',
  'Danke, dass man das hier so einfach melden kann!',
  'Die Nachbarn haben sich auch schon beschwert.',
  'Mit dem Fahrrad ist das gefährlich.',
  'Vielleicht kann jemand vom Amt mal vorbeischauen.',
  'Seit dem Unwetter letzte Woche.',
];

/** Places described in words when the reporter set no point (location_precise false). */
export const DESCRIBED_PLACES = [
  'Hinter dem Supermarkt, am Fußweg zum Park',
  'Zwischen Bushaltestelle und Kreisverkehr',
  'Am Spielplatz neben der Grundschule',
  'Parkplatz am Friedhof, hintere Ecke',
  'Unter der Brücke am Radweg',
  'An der Stadtbahnhaltestelle, Richtung Innenstadt',
  'Am Ende der Sackgasse beim Garagenhof',
  'Weg entlang der Bahntrasse, etwa auf halber Strecke',
];

export const MEASURE_TEXTS: Record<MeasureType, string[]> = {
  lighting: [
    'Zusätzliche LED-Leuchten installiert; der Weg ist jetzt durchgehend beleuchtet.',
    'Defekte Laternen ersetzt und die Brenndauer bis zum Morgen verlängert.',
  ],
  greenery: ['Hecken und Büsche auf Hüfthöhe zurückgeschnitten, die Sicht ist frei.', 'Unterholz entfernt; die Ecke ist von der Straße aus einsehbar.'],
  building: ['Leerstehendes Gebäude gesichert, Zugänge verschlossen.', 'Eingeschlagene Scheiben verschlossen und Bauzaun erneuert.'],
  presence: ['Der Kommunale Ordnungsdienst kommt abends regelmäßig vorbei.', 'Mehr Streifen von Polizei und Ordnungsamt in den Abendstunden.'],
  other: ['Wände gereinigt und Notrufhinweise angebracht.', 'Wegweiser erneuert und eine Notrufsäule aufgestellt.'],
};

/** Internal notes when a moderator hides a report. */
export const HIDE_NOTES = [
  'Beschreibung enthält Beleidigungen; ausgeblendet bis zur Klärung.',
  'Enthält persönliche Daten Dritter; ausgeblendet.',
  'Werbung, keine Meldung.',
];

/** Generic descriptions for categories the demo has no texts for (a city's own categories). */
export const GENERIC_DESCRIPTIONS = [
  'Bitte einmal nachsehen, hier stimmt etwas nicht.',
  'Das Problem besteht seit einiger Zeit und wird schlimmer.',
  'Schaden an öffentlicher Einrichtung, bitte prüfen.',
];
