import type { Catalogue } from '../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

type Key =
  | 'openData'
  | 'intro'
  | 'licenceTitle'
  | 'licenceText'
  | 'open311Title'
  | 'open311Intro'
  | 'discovery'
  | 'baseUrl'
  | 'services'
  | 'requests'
  | 'updates'
  | 'open311Write'
  | 'exportsTitle'
  | 'exportsIntro'
  | 'geojson'
  | 'csv'
  | 'filtersHint'
  | 'feedsTitle'
  | 'feedsIntro'
  | 'feedAll'
  | 'feedsByCategory'
  | 'feedsByDistrict'
  | 'noDistricts'
  | 'sitemap'
  | 'docsTitle'
  | 'docsIntro'
  | 'openapi'
  | 'apiDocs'
  | 'privacyTitle'
  | 'privacyText'
  | 'docsPageIntro'
  | 'parameters'
  | 'paramName'
  | 'paramIn'
  | 'paramType'
  | 'paramRequired'
  | 'paramDescription'
  | 'responses'
  | 'technicalEnglish'
  | 'status.200'
  | 'status.400'
  | 'status.403'
  | 'status.404'
  | 'status.422'
  | 'status.429'
  | 'yes'
  | 'no'
  | 'requestBody'
  | 'example'
  | 'contents'
  | 'format'
  | 'feedTitleAll'
  | 'feedTitleCategory'
  | 'feedTitleDistrict'
  | 'feedSubtitle'
  | 'entryTitle'
  | 'entrySummary'
  | 'rateLimits'
  | 'csvHeader';

export const messages: Catalogue<Key> = {
  de: {
    openData: 'Offene Daten',
    intro:
      'Alle öffentlichen Meldungen stehen als offene Daten bereit: über die Open311-Schnittstelle, als GeoJSON, als CSV-Tabelle und als Atom-Feeds. Sie enthalten nur, was auch auf den Meldungsseiten steht – nie Namen, E-Mail-Adressen oder Telefonnummern der meldenden Personen, keine internen Notizen und keine ungeprüften Fotos.',
    licenceTitle: 'Lizenz',
    licenceText: 'Die Daten stehen unter der Lizenz:',
    open311Title: 'Open311-Schnittstelle (GeoReport v2)',
    open311Intro: 'Der internationale Standard für Meldungen an Städte, in XML und JSON. Apps und Fachverfahren können Meldungen lesen, ohne Schlüssel.',
    discovery: 'Discovery-Dokument',
    baseUrl: 'Basisadresse für Open311-Programme',
    services: 'Kategorien (services)',
    requests: 'Meldungen (requests)',
    updates: 'Änderungen (servicerequestupdates)',
    open311Write: 'Meldungen anlegen und Statusänderungen zurückmelden geht mit einem API-Schlüssel, den die Stadtverwaltung vergibt.',
    exportsTitle: 'Meldungen als Datei',
    exportsIntro: 'Alle öffentlichen Meldungen mit Ort, Kategorie, Status und Datum.',
    geojson: 'GeoJSON (für Karten und GIS)',
    csv: 'CSV (für Tabellenkalkulationen, UTF-8)',
    filtersHint:
      'Filter: bbox=Länge,Breite,Länge,Breite · category=Kategorie-Code · district=Bezirks-Nummer · status=open, fixed oder closed · from und to als Datum (JJJJ-MM-TT) · limit und page.',
    feedsTitle: 'Atom-Feeds',
    feedsIntro: 'Neue Meldungen zum Abonnieren in einem Feedreader.',
    feedAll: 'Alle Meldungen',
    feedsByCategory: 'Nach Kategorie',
    feedsByDistrict: 'Nach Bezirk',
    noDistricts: 'Für diese Stadt sind noch keine Bezirke eingerichtet.',
    sitemap: 'Sitemap aller öffentlichen Seiten',
    docsTitle: 'Dokumentation',
    docsIntro: 'Jede Schnittstelle ist beschrieben, mit Parametern und Antworten:',
    openapi: 'OpenAPI-3.1-Beschreibung (JSON)',
    apiDocs: 'API-Dokumentation',
    privacyTitle: 'Datenschutz',
    privacyText: 'Persönliche Angaben der meldenden Personen verlassen den Server nie. Ein Name erscheint nur, wenn die Person das ausdrücklich gewählt hat.',
    rateLimits: 'Ohne Schlüssel sind bis zu {n} Anfragen pro Minute je Adresse möglich; danach kommt die Antwort 429 mit Retry-After. Gesperrt wird niemand.',
    docsPageIntro: 'Alle Schnittstellen dieser Installation. Die maschinenlesbare Beschreibung (OpenAPI 3.1):',
    parameters: 'Parameter',
    paramName: 'Name',
    paramIn: 'Ort',
    paramType: 'Typ',
    paramRequired: 'Pflicht',
    paramDescription: 'Beschreibung',
    responses: 'Antworten',
    technicalEnglish: 'Die Beschreibungen der einzelnen Parameter sind technische Angaben auf Englisch, wie in der OpenAPI-Beschreibung.',
    'status.200': 'Erfolg: {text}',
    'status.400': 'ein Parameter fehlt oder hat ein falsches Format',
    'status.403': 'API-Schlüssel fehlt oder ist ungültig',
    'status.404': 'nicht gefunden (oder nicht öffentlich)',
    'status.422': 'Idempotency-Key schon für eine andere Anfrage verwendet',
    'status.429': 'zu viele Anfragen: siehe Kopfzeile Retry-After',
    yes: 'ja',
    no: 'nein',
    requestBody: 'Formularfelder (application/x-www-form-urlencoded)',
    example: 'Beispiel',
    contents: 'Inhalt',
    format: 'Format',
    feedTitleAll: 'Meldungen – {city}',
    feedTitleCategory: 'Meldungen: {category} – {city}',
    feedTitleDistrict: 'Meldungen in {district} – {city}',
    feedSubtitle: 'Neue öffentliche Meldungen. Lizenz: {licence}',
    entryTitle: 'Meldung #{id}: {category}',
    entrySummary: '{status}. {description}',
    csvHeader:
      'id,url,created_at,updated_at,status,detailed_status,status_label,category_code,category,district,department,address,lat,lon,location_precise,supporters,description',
  },
  en: {
    openData: 'Open data',
    intro:
      'All public reports are available as open data: through the Open311 interface, as GeoJSON, as a CSV table and as Atom feeds. They hold only what the report pages show – never names, email addresses or phone numbers of reporters, no internal notes and no photos awaiting review.',
    licenceTitle: 'Licence',
    licenceText: 'The data is published under the licence:',
    open311Title: 'Open311 interface (GeoReport v2)',
    open311Intro: 'The international standard for reports to cities, in XML and JSON. Apps and department systems can read reports without a key.',
    discovery: 'Discovery document',
    baseUrl: 'Base URL for Open311 software',
    services: 'Categories (services)',
    requests: 'Reports (requests)',
    updates: 'Changes (servicerequestupdates)',
    open311Write: 'Creating reports and pushing status changes back needs an API key issued by the city administration.',
    exportsTitle: 'Reports as files',
    exportsIntro: 'All public reports with place, category, status and date.',
    geojson: 'GeoJSON (for maps and GIS)',
    csv: 'CSV (for spreadsheets, UTF-8)',
    filtersHint:
      'Filters: bbox=lon,lat,lon,lat · category=category code · district=district number · status=open, fixed or closed · from and to as dates (YYYY-MM-DD) · limit and page.',
    feedsTitle: 'Atom feeds',
    feedsIntro: 'New reports to follow in a feed reader.',
    feedAll: 'All reports',
    feedsByCategory: 'By category',
    feedsByDistrict: 'By district',
    noDistricts: 'No districts have been set up for this city yet.',
    sitemap: 'Sitemap of all public pages',
    docsTitle: 'Documentation',
    docsIntro: 'Every interface is described, with parameters and answers:',
    openapi: 'OpenAPI 3.1 description (JSON)',
    apiDocs: 'API documentation',
    privacyTitle: 'Privacy',
    privacyText: 'Personal details of reporters never leave the server. A name appears only when the person explicitly chose so.',
    rateLimits: 'Without a key, up to {n} requests a minute per address are possible; then the answer is 429 with Retry-After. Nobody is blocked.',
    docsPageIntro: 'All interfaces of this installation. The machine-readable description (OpenAPI 3.1):',
    parameters: 'Parameters',
    paramName: 'Name',
    paramIn: 'In',
    paramType: 'Type',
    paramRequired: 'Required',
    paramDescription: 'Description',
    responses: 'Responses',
    technicalEnglish: 'The descriptions of the parameters are technical notes, as in the OpenAPI document.',
    'status.200': 'Success: {text}',
    'status.400': 'a parameter is missing or malformed',
    'status.403': 'API key missing or invalid',
    'status.404': 'not found (or not public)',
    'status.422': 'Idempotency-Key already used for another request',
    'status.429': 'too many requests: see the Retry-After header',
    yes: 'yes',
    no: 'no',
    requestBody: 'Form fields (application/x-www-form-urlencoded)',
    example: 'Example',
    contents: 'Contents',
    format: 'Format',
    feedTitleAll: 'Reports – {city}',
    feedTitleCategory: 'Reports: {category} – {city}',
    feedTitleDistrict: 'Reports in {district} – {city}',
    feedSubtitle: 'New public reports. Licence: {licence}',
    entryTitle: 'Report #{id}: {category}',
    entrySummary: '{status}. {description}',
    csvHeader:
      'id,url,created_at,updated_at,status,detailed_status,status_label,category_code,category,district,department,address,lat,lon,location_precise,supporters,description',
  },
  tr,
  ar,
  uk,
  pl,
};
