import type { Locale } from '../../platform/i18n';

/**
 * Words for people about each public operation, in German and English: a short summary and what a successful answer
 * holds. The route schemas carry the technical details (parameters, response shapes) in English, as an interface
 * description for developers does; the docs page /api/docs is a page of the city's site and speaks the visitor's
 * language. A test checks that every operation of the OpenAPI document has its entry here.
 */
export interface OperationText {
  summary: string;
  ok: string;
}

const O311 = {
  discovery: { de: 'Welche Open311-Schnittstellen es hier gibt', en: 'Which Open311 endpoints exist here' },
  services: { de: 'Liste der Kategorien (Services), die man melden kann', en: 'List of the categories (services) one can report' },
  definition: { de: 'Zusatzfragen einer Kategorie', en: 'Extra questions of one category' },
  postRequest: { de: 'Eine Meldung anlegen (mit API-Schlüssel)', en: 'Create a report (with an API key)' },
  requests: { de: 'Meldungen suchen und abrufen, 100 je Seite', en: 'Search and fetch reports, 100 per page' },
  request: { de: 'Eine Meldung abrufen', en: 'Fetch one report' },
  updates: { de: 'Änderungen an Meldungen seit einem Zeitpunkt', en: 'Changes to reports since a point in time' },
  postUpdate: { de: 'Eine Änderung an einer Meldung melden (mit API-Schlüssel)', en: 'Post an update to a report (with an API key)' },
} as const;

const O311_OK = {
  discovery: { de: 'Die Beschreibung der Schnittstellen', en: 'The description of the endpoints' },
  services: { de: 'Die Kategorien', en: 'The categories' },
  definition: { de: 'Die Fragen der Kategorie', en: 'The questions of the category' },
  postRequest: { de: 'Die neue Meldung mit ihrer Nummer', en: 'The new report with its number' },
  requests: { de: 'Die gefundenen Meldungen', en: 'The reports found' },
  request: { de: 'Die Meldung (als Liste mit einem Eintrag, wie Open311 es vorsieht)', en: 'The report (a list with one entry, as Open311 has it)' },
  updates: { de: 'Die Änderungen, älteste zuerst', en: 'The changes, oldest first' },
  postUpdate: { de: 'Die angelegte Änderung', en: 'The update created' },
} as const;

const open311: Record<string, { summary: Record<'de' | 'en', string>; ok: Record<'de' | 'en', string> }> = {};
for (const format of ['json', 'xml'] as const) {
  const add = (method: string, path: string, key: keyof typeof O311) => {
    open311[`${method} ${path.replace('{f}', format)}`] = { summary: O311[key], ok: O311_OK[key] };
  };
  add('GET', '/open311/discovery.{f}', 'discovery');
  add('GET', '/open311/v2/services.{f}', 'services');
  add('GET', '/open311/v2/services/{service_code}.{f}', 'definition');
  add('POST', '/open311/v2/requests.{f}', 'postRequest');
  add('GET', '/open311/v2/requests.{f}', 'requests');
  add('GET', '/open311/v2/requests/{service_request_id}.{f}', 'request');
  add('GET', '/open311/v2/servicerequestupdates.{f}', 'updates');
  add('POST', '/open311/v2/servicerequestupdates.{f}', 'postUpdate');
}

const TEXTS: Record<string, { summary: Record<'de' | 'en', string>; ok: Record<'de' | 'en', string> }> = {
  ...open311,
  'GET /api/reports.geojson': {
    summary: { de: 'Öffentliche Meldungen als GeoJSON, mit Filtern', en: 'Public reports as GeoJSON, with filters' },
    ok: { de: 'Eine FeatureCollection mit einem Punkt je Meldung', en: 'A FeatureCollection with one point per report' },
  },
  'GET /api/reports.csv': {
    summary: { de: 'Öffentliche Meldungen als CSV-Tabelle, mit Filtern', en: 'Public reports as a CSV table, with filters' },
    ok: { de: 'Die Tabelle, eine Zeile je Meldung', en: 'The table, one row per report' },
  },
  'GET /api/ideas.geojson': {
    summary: { de: 'Öffentliche Ideen (KümmertEuch) mit Ort als GeoJSON', en: 'Public ideas (KümmertEuch) with a place as GeoJSON' },
    ok: { de: 'Eine FeatureCollection mit einem Punkt je Idee', en: 'A FeatureCollection with one point per idea' },
  },
  'GET /api/ideas.csv': {
    summary: { de: 'Öffentliche Ideen als CSV-Tabelle', en: 'Public ideas as a CSV table' },
    ok: { de: 'Die Tabelle, eine Zeile je Idee', en: 'The table, one row per idea' },
  },
  'GET /api/openapi.json': {
    summary: { de: 'Diese Beschreibung als OpenAPI 3.1', en: 'This description as OpenAPI 3.1' },
    ok: { de: 'Das OpenAPI-Dokument', en: 'The OpenAPI document' },
  },
  'GET /api/karte/gebiete': {
    summary: { de: 'Stadtgrenze und Bezirke als GeoJSON, für Karten', en: 'City boundary and districts as GeoJSON, for maps' },
    ok: { de: 'Eine FeatureCollection mit den Flächen', en: 'A FeatureCollection of the areas' },
  },
  'GET /api/reports/map': {
    summary: { de: 'Meldungen in einem Kartenausschnitt, bei kleinem Maßstab zusammengefasst', en: 'Reports in a map box, grouped when zoomed out' },
    ok: { de: 'Punkte oder Gruppen mit Anzahl, als GeoJSON', en: 'Points or groups with counts, as GeoJSON' },
  },
  'GET /api/reports/map/{z}/{x}/{y}': {
    summary: { de: 'Meldungen einer Kachel des Kartenrasters (wie Kartenkacheln)', en: 'Reports of one tile of the map grid (like map tiles)' },
    ok: { de: 'Punkte oder Gruppen mit Anzahl, als GeoJSON', en: 'Points or groups with counts, as GeoJSON' },
  },
  'GET /api/angstraeume/karte': {
    summary: { de: 'Geprüfte Angsträume als GeoJSON', en: 'Reviewed Angsträume (unsafe places) as GeoJSON' },
    ok: { de: 'Ein Punkt je Ort mit Maßnahmen und Wirkung', en: 'One point per place with measures and effect' },
  },
  'GET /api/statistik/angstraeume.json': {
    summary: { de: 'Angsträume in Zahlen', en: 'Angsträume in figures' },
    ok: { de: 'Zahlen je Monat und Bezirk', en: 'Figures per month and district' },
  },
  'GET /api/statistik/muell.json': {
    summary: { de: 'Müllmeldungen je Monat und Bezirk', en: 'Litter reports per month and district' },
    ok: { de: 'Zahlen je Monat und Bezirk', en: 'Figures per month and district' },
  },
};

export function operationKeys(): string[] {
  return Object.keys(TEXTS);
}

/** The words for one operation in the visitor's language; English where a language has none yet (marked by the page). */
export function operationText(method: string, path: string, locale: Locale): (OperationText & { lang: 'de' | 'en' }) | null {
  const entry = TEXTS[`${method.toUpperCase()} ${path}`];
  if (!entry) return null;
  const lang = locale === 'de' ? 'de' : 'en';
  return { summary: entry.summary[lang], ok: entry.ok[lang], lang };
}
