import type { Catalogue } from '../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

type Key =
  | 'backOffice'
  | 'backOfficeIntro'
  | 'districts'
  | 'departments'
  | 'staff'
  | 'departmentInUse'
  | 'legalPages'
  | 'feedback'
  | 'districtsIntro'
  | 'districtKind'
  | 'districtName'
  | 'districtCode'
  | 'districtSource'
  | 'noDistricts'
  | 'importDistricts'
  | 'importFile'
  | 'importFileHint'
  | 'importKind'
  | 'importKindHint'
  | 'importNameProperty'
  | 'importNamePropertyHint'
  | 'importButton'
  | 'imported'
  | 'delete'
  | 'deleted'
  | 'actions'
  | 'departmentsIntro'
  | 'departmentName'
  | 'departmentEmail'
  | 'departmentEmailHint'
  | 'departmentStaffCount'
  | 'newDepartment'
  | 'editDepartment'
  | 'save'
  | 'saved'
  | 'created'
  | 'noDepartments'
  | 'edit'
  | 'cancel'
  | 'err.nameRequired'
  | 'err.nameTaken'
  | 'err.fileRequired'
  | 'err.fileJson'
  | 'err.fileTooLarge'
  | 'err.fileCount'
  | 'err.kind'
  | 'err.geojson'
  | 'legalIntro'
  | 'pageTitle'
  | 'pageBody'
  | 'pageBodyHint'
  | 'locale'
  | 'editPage'
  | 'feedbackTitle'
  | 'feedbackIntro'
  | 'feedbackMessage'
  | 'feedbackPage'
  | 'feedbackPageHint'
  | 'feedbackEmail'
  | 'feedbackEmailHint'
  | 'feedbackSend'
  | 'feedbackThanks'
  | 'feedbackNone'
  | 'feedbackReceived'
  | 'err.messageRequired'
  | 'mail.feedbackSubject'
  | 'attribution';

export const messages: Catalogue<Key> = {
  // The back office's city set-up and the mail about feedback are for staff: residents read only the feedback form.
  staff: {
    allBut: [
      'feedbackTitle',
      'feedbackIntro',
      'feedbackMessage',
      'feedbackPage',
      'feedbackPageHint',
      'feedbackEmail',
      'feedbackEmailHint',
      'feedbackSend',
      'feedbackThanks',
      'err.messageRequired',
      'attribution',
    ],
  },
  de: {
    backOffice: 'Verwaltung',
    backOfficeIntro: 'Hier verwalten Sie die Stadt, ihre Bezirke, Abteilungen und Mitarbeitenden.',
    districts: 'Bezirke',
    departments: 'Abteilungen',
    staff: 'Mitarbeitende',
    legalPages: 'Rechtliche Seiten',
    feedback: 'Rückmeldungen zur Barrierefreiheit',
    districtsIntro: 'Bezirke kommen aus GeoJSON-Dateien (Polygon oder MultiPolygon, WGS84). Jeder Punkt in der Stadt wird damit seinem Bezirk zugeordnet.',
    districtKind: 'Art',
    districtName: 'Name',
    districtCode: 'Nummer',
    districtSource: 'Quelle',
    noDistricts: 'Noch keine Bezirke eingerichtet.',
    importDistricts: 'Bezirke importieren',
    importFile: 'GeoJSON-Datei',
    importFileHint: 'Eine FeatureCollection. Vorhandene Bezirke gleichen Namens und gleicher Art werden ersetzt.',
    importKind: 'Art der Bezirke',
    importKindHint: 'Zum Beispiel stadtbezirk oder statistischer-bezirk (Kleinbuchstaben, Ziffern, Bindestriche).',
    importNameProperty: 'Eigenschaft mit dem Namen',
    importNamePropertyHint: 'Leer lassen, um übliche Namen wie name, NAME oder BEZEICHNUNG zu nutzen.',
    importButton: 'Importieren',
    imported: '{n, plural, one {# Bezirk} other {# Bezirke}} importiert: {names}',
    delete: 'Löschen',
    deleted: 'Gelöscht.',
    departmentInUse:
      'Die Abteilung ist noch zuständig, z. B. für ein Beteiligungsverfahren. Geben Sie die Zuständigkeit zuerst an eine andere Stelle ab; dann lässt sie sich löschen.',
    actions: 'Aktionen',
    departmentsIntro: 'Abteilungen erhalten die Meldungen ihres Zuständigkeitsbereichs per E-Mail.',
    departmentName: 'Name der Abteilung',
    departmentEmail: 'E-Mail-Adresse der Abteilung',
    departmentEmailHint: 'An diese Adresse gehen neue Meldungen.',
    departmentStaffCount: 'Mitarbeitende',
    newDepartment: 'Neue Abteilung',
    editDepartment: 'Abteilung bearbeiten',
    save: 'Speichern',
    saved: 'Gespeichert.',
    created: 'Angelegt.',
    noDepartments: 'Noch keine Abteilungen angelegt.',
    edit: 'Bearbeiten',
    cancel: 'Abbrechen',
    'err.nameRequired': 'Bitte geben Sie einen Namen ein.',
    'err.nameTaken': 'Eine Abteilung mit diesem Namen gibt es schon.',
    'err.fileRequired': 'Bitte wählen Sie eine GeoJSON-Datei aus.',
    'err.fileJson': 'Die Datei ist kein gültiges JSON.',
    'err.fileTooLarge': '„{file}“ ist größer als {mb} MB.',
    'err.fileCount': 'Bitte nur eine Datei auf einmal.',
    'err.kind': 'Bitte nur Kleinbuchstaben, Ziffern und Bindestriche (2 bis 40 Zeichen).',
    'err.geojson': 'Die Datei konnte nicht gelesen werden: {detail}',
    legalIntro: 'Diese Texte erscheinen im Fuß jeder Seite. Absätze trennen Sie durch eine Leerzeile.',
    pageTitle: 'Überschrift',
    pageBody: 'Text',
    pageBodyHint: 'Reiner Text. Leerzeilen trennen Absätze; Links und Adressen werden als Text angezeigt.',
    locale: 'Sprache',
    editPage: 'Seite bearbeiten',
    feedbackTitle: 'Barriere melden',
    feedbackIntro: 'Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns. Ihre Nachricht geht direkt an die Stadt.',
    feedbackMessage: 'Was hat nicht funktioniert?',
    feedbackPage: 'Auf welcher Seite?',
    feedbackPageHint: 'Adresse oder Name der Seite, wenn Sie ihn kennen.',
    feedbackEmail: 'Ihre E-Mail-Adresse',
    feedbackEmailHint: 'Nur, wenn Sie eine Antwort möchten.',
    feedbackSend: 'Nachricht senden',
    feedbackThanks: 'Danke! Ihre Nachricht ist bei der Stadt angekommen.',
    feedbackNone: 'Noch keine Rückmeldungen.',
    feedbackReceived: 'Eingegangen',
    'err.messageRequired': 'Bitte beschreiben Sie die Barriere.',
    'mail.feedbackSubject': 'Rückmeldung zur Barrierefreiheit',
    attribution: 'Stadtgrenze: © GeoBasis-DE / BKG 2017 (Daten verändert)',
  },
  en: {
    backOffice: 'Back office',
    backOfficeIntro: 'Manage the city, its districts, departments and staff here.',
    districts: 'Districts',
    departments: 'Departments',
    staff: 'Staff',
    legalPages: 'Legal pages',
    feedback: 'Accessibility feedback',
    districtsIntro: 'Districts come from GeoJSON files (Polygon or MultiPolygon, WGS84). Every point in the city is matched to its district.',
    districtKind: 'Kind',
    districtName: 'Name',
    districtCode: 'Number',
    districtSource: 'Source',
    noDistricts: 'No districts set up yet.',
    importDistricts: 'Import districts',
    importFile: 'GeoJSON file',
    importFileHint: 'A FeatureCollection. Existing districts with the same name and kind are replaced.',
    importKind: 'Kind of districts',
    importKindHint: 'For example stadtbezirk or statistischer-bezirk (lower-case letters, digits, hyphens).',
    importNameProperty: 'Property holding the name',
    importNamePropertyHint: 'Leave empty to use common names such as name, NAME or BEZEICHNUNG.',
    importButton: 'Import',
    imported: '{n, plural, one {# district} other {# districts}} imported: {names}',
    delete: 'Delete',
    deleted: 'Deleted.',
    departmentInUse:
      'The department is still responsible for something, e.g. a participation process. Hand that over to another department or body first; then it can be deleted.',
    actions: 'Actions',
    departmentsIntro: 'Departments receive the reports of their area by email.',
    departmentName: 'Department name',
    departmentEmail: 'Department email address',
    departmentEmailHint: 'New reports are sent to this address.',
    departmentStaffCount: 'Staff',
    newDepartment: 'New department',
    editDepartment: 'Edit department',
    save: 'Save',
    saved: 'Saved.',
    created: 'Created.',
    noDepartments: 'No departments yet.',
    edit: 'Edit',
    cancel: 'Cancel',
    'err.nameRequired': 'Please enter a name.',
    'err.nameTaken': 'A department with this name already exists.',
    'err.fileRequired': 'Please choose a GeoJSON file.',
    'err.fileJson': 'The file is not valid JSON.',
    'err.fileTooLarge': '“{file}” is larger than {mb} MB.',
    'err.fileCount': 'One file at a time, please.',
    'err.kind': 'Please use only lower-case letters, digits and hyphens (2 to 40 characters).',
    'err.geojson': 'The file could not be read: {detail}',
    legalIntro: 'These texts are linked from the footer of every page. Separate paragraphs with a blank line.',
    pageTitle: 'Heading',
    pageBody: 'Text',
    pageBodyHint: 'Plain text. Blank lines separate paragraphs; links and addresses are shown as text.',
    locale: 'Language',
    editPage: 'Edit page',
    feedbackTitle: 'Report a barrier',
    feedbackIntro: 'Did you run into a barrier? Write to us. Your message goes straight to the city.',
    feedbackMessage: 'What did not work?',
    feedbackPage: 'On which page?',
    feedbackPageHint: 'Address or name of the page, if you know it.',
    feedbackEmail: 'Your email address',
    feedbackEmailHint: 'Only if you would like an answer.',
    feedbackSend: 'Send message',
    feedbackThanks: 'Thank you! Your message has reached the city.',
    feedbackNone: 'No feedback yet.',
    feedbackReceived: 'Received',
    'err.messageRequired': 'Please describe the barrier.',
    'mail.feedbackSubject': 'Accessibility feedback',
    attribution: 'City boundary: © GeoBasis-DE / BKG 2017 (data changed)',
  },
  tr,
  ar,
  uk,
  pl,
};
