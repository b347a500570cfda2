import type { Catalogue } from '../../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

// Residents read the refusals, the verification page and the account section (six languages); the back office
// (codes, counter, bodies) is staff-only: keys under bo.*.

type ResidentKey =
  | 'refusal.sign_in'
  | 'refusal.verify'
  | 'refusal.verification_expired'
  | 'refusal.district'
  | 'refusal.age'
  | 'refusal.body'
  | 'link.sign_in'
  | 'link.verify'
  | 'page.title'
  | 'page.intro'
  | 'page.code'
  | 'page.codeHint'
  | 'page.submit'
  | 'page.counter'
  | 'page.done'
  | 'page.renew'
  | 'status.verified'
  | 'status.expired'
  | 'status.none'
  | 'status.district'
  | 'status.city'
  | 'age.range'
  | 'age.from'
  | 'age.to'
  | 'age.any'
  | 'err.format'
  | 'err.unknown'
  | 'err.used'
  | 'err.expired'
  | 'section.title'
  | 'section.link'
  | 'export.verification'
  | 'export.memberships';

type StaffKey =
  | 'bo.menuCodes'
  | 'bo.menuCounter'
  | 'bo.menuBodies'
  | 'bo.codes.title'
  | 'bo.codes.intro'
  | 'bo.codes.new'
  | 'bo.codes.caption'
  | 'bo.codes.none'
  | 'bo.codes.revoke'
  | 'bo.codes.revoked'
  | 'bo.col.created'
  | 'bo.col.area'
  | 'bo.col.age'
  | 'bo.col.validUntil'
  | 'bo.col.count'
  | 'bo.col.used'
  | 'bo.col.unused'
  | 'bo.col.revoked'
  | 'bo.col.actions'
  | 'bo.col.name'
  | 'bo.col.kind'
  | 'bo.col.members'
  | 'bo.col.email'
  | 'bo.col.since'
  | 'bo.gen.title'
  | 'bo.gen.intro'
  | 'bo.gen.submit'
  | 'bo.gen.back'
  | 'bo.result.title'
  | 'bo.result.once'
  | 'bo.result.csv'
  | 'bo.result.caption'
  | 'bo.result.shownFirst'
  | 'bo.csv.code'
  | 'bo.csv.district'
  | 'bo.csv.age'
  | 'bo.csv.validUntil'
  | 'bo.field.count'
  | 'bo.field.countHint'
  | 'bo.field.district'
  | 'bo.field.wholeCity'
  | 'bo.field.ageMin'
  | 'bo.field.ageMax'
  | 'bo.field.ageHint'
  | 'bo.field.validUntil'
  | 'bo.field.dateHint'
  | 'bo.field.email'
  | 'bo.field.ageOn'
  | 'bo.field.ageOnHint'
  | 'bo.ageOn'
  | 'bo.field.name'
  | 'bo.field.kind'
  | 'bo.err.count'
  | 'bo.err.district'
  | 'bo.err.age'
  | 'bo.err.ageOrder'
  | 'bo.err.validUntil'
  | 'bo.err.email'
  | 'bo.err.self'
  | 'bo.err.ageOn'
  | 'bo.err.validUntilFar'
  | 'bo.err.name'
  | 'bo.err.nameTaken'
  | 'bo.err.already'
  | 'bo.counter.title'
  | 'bo.counter.intro'
  | 'bo.counter.submit'
  | 'bo.counter.done'
  | 'bo.bodies.title'
  | 'bo.bodies.intro'
  | 'bo.bodies.caption'
  | 'bo.bodies.none'
  | 'bo.bodies.new'
  | 'bo.bodies.create'
  | 'bo.bodies.created'
  | 'bo.kind.youth_parliament'
  | 'bo.kind.seniors_council'
  | 'bo.kind.district_council'
  | 'bo.kind.other'
  | 'bo.body.edit'
  | 'bo.body.save'
  | 'bo.body.saved'
  | 'bo.body.members'
  | 'bo.body.noMembers'
  | 'bo.body.add'
  | 'bo.body.added'
  | 'bo.body.remove'
  | 'bo.body.removed'
  | 'bo.body.back';

type Key = ResidentKey | StaffKey;

export const messages: Catalogue<Key> = {
  de: {
    'refusal.sign_in': 'Um hier mitzumachen, melden Sie sich bitte an.',
    'refusal.verify':
      'Hier können nur verifizierte Einwohnerinnen und Einwohner mitmachen. Verifizieren Sie Ihr Konto mit dem Code aus einem Brief der Stadt oder an einem Schalter des Bürgerbüros (mit Ausweis).',
    'refusal.verification_expired':
      'Ihre Verifizierung ist abgelaufen. Geben Sie einen neuen Code aus einem Brief der Stadt ein oder lassen Sie sich an einem Schalter des Bürgerbüros neu verifizieren.',
    'refusal.district':
      'Hier können nur Einwohnerinnen und Einwohner bestimmter Stadtbezirke mitmachen, und Ihr Konto ist für einen anderen Stadtbezirk verifiziert.',
    'refusal.age': 'Hier können nur Menschen einer bestimmten Altersgruppe mitmachen, und Ihre Verifizierung gehört zu einer anderen.',
    'refusal.body':
      'Hier können nur Mitglieder des zuständigen Gremiums mitmachen. Wenn Sie Mitglied sind, wenden Sie sich an die Geschäftsstelle des Gremiums.',
    'link.sign_in': 'Anmelden',
    'link.verify': 'Konto verifizieren',
    'page.title': 'Konto verifizieren',
    'page.intro':
      'Manche Beteiligungen sind nur für Einwohnerinnen und Einwohner der Stadt, eines Stadtbezirks oder einer Altersgruppe. Mit dem Code aus einem Brief der Stadt erhält Ihr Konto genau diese Angaben: Stadtbezirk, Altersgruppe und wie lange sie gelten. Wir speichern keine Ausweisdaten und kein Geburtsdatum.',
    'page.code': 'Code aus dem Brief',
    'page.codeHint': '16 Zeichen, zum Beispiel K7QM-3WXE-PN4R-9HTZ. Groß- und Kleinschreibung und Bindestriche sind egal.',
    'page.submit': 'Code einlösen',
    'page.counter': 'Kein Brief? An jedem Schalter des Bürgerbüros kann man Ihr Konto verifizieren, wenn Sie einen Ausweis zeigen. Es wird nichts kopiert.',
    'page.done': 'Ihr Konto ist jetzt verifiziert.',
    'page.renew': 'Mit einem neuen Code ersetzen Sie die bisherige Verifizierung.',
    'status.verified': 'Verifiziert: {area}, Altersgruppe {age}, gültig bis {date}.',
    'status.expired': 'Ihre Verifizierung ({area}, Altersgruppe {age}) ist am {date} abgelaufen.',
    'status.none': 'Ihr Konto ist nicht verifiziert.',
    'status.district': 'Stadtbezirk {name}',
    'status.city': 'Einwohner*in von {city}',
    'age.range': '{min} bis {max} Jahre',
    'age.from': 'ab {min} Jahren',
    'age.to': 'bis {max} Jahre',
    'age.any': 'ohne Angabe',
    'err.format': 'Der Code hat 16 Zeichen aus Ziffern und Großbuchstaben. Prüfen Sie bitte Ihre Eingabe.',
    'err.unknown': 'Diesen Code kennen wir nicht. Prüfen Sie bitte jedes Zeichen.',
    'err.used': 'Dieser Code wurde schon eingelöst. Jeder Code gilt nur einmal.',
    'err.expired': 'Dieser Code ist abgelaufen. Wenden Sie sich an das Bürgerbüro.',
    'section.title': 'Verifizierung',
    'section.link': 'Code eingeben',
    'export.verification':
      'Ihre Verifizierung: Stadtbezirk, Bereich der Geburtsdaten, den die Altersgruppe ergibt, gültig bis, wie und wann verifiziert wurde.',
    'export.memberships': 'Gremien, in denen Sie als Mitglied eingetragen sind (zum Beispiel Jugendparlament, Seniorenbeirat), und seit wann.',
    'bo.menuCodes': 'Brief-Codes',
    'bo.menuCounter': 'Verifizierung am Schalter',
    'bo.menuBodies': 'Gremien',
    'bo.codes.title': 'Brief-Codes zur Verifizierung',
    'bo.codes.intro':
      'Jeder Code gilt einmal und gibt dem Konto, das ihn einlöst, das Gebiet, die Altersgruppe und das Ablaufdatum seiner Serie. Gespeichert sind nur Prüfwerte der Codes.',
    'bo.codes.new': 'Neue Codes erzeugen',
    'bo.codes.caption': 'Code-Serien',
    'bo.codes.none': 'Es wurden noch keine Codes erzeugt.',
    'bo.codes.revoke': 'Unbenutzte Codes widerrufen',
    'bo.codes.revoked': '{n, plural, one {# unbenutzter Code widerrufen.} other {# unbenutzte Codes widerrufen.}}',
    'bo.col.created': 'Erzeugt',
    'bo.col.area': 'Gebiet',
    'bo.col.age': 'Altersgruppe',
    'bo.col.validUntil': 'Gültig bis',
    'bo.col.count': 'Codes',
    'bo.col.used': 'Eingelöst',
    'bo.col.unused': 'Unbenutzt',
    'bo.col.revoked': 'Widerrufen',
    'bo.col.actions': 'Aktionen',
    'bo.col.name': 'Name',
    'bo.col.kind': 'Art',
    'bo.col.members': 'Mitglieder',
    'bo.col.email': 'E-Mail',
    'bo.col.since': 'Seit',
    'bo.gen.title': 'Neue Brief-Codes erzeugen',
    'bo.gen.intro': 'Die Codes werden nur einmal angezeigt; die CSV-Datei für den Serienbrief können Sie danach 15 Minuten lang herunterladen.',
    'bo.gen.submit': 'Codes erzeugen',
    'bo.gen.back': 'Alle Code-Serien',
    'bo.result.title': '{n, plural, one {# Code erzeugt} other {# Codes erzeugt}}',
    'bo.result.once':
      'Diese Codes werden nur jetzt angezeigt. Laden Sie die CSV-Datei für den Serienbrief in den nächsten 15 Minuten herunter; danach sind nur noch Prüfwerte gespeichert.',
    'bo.result.csv': 'CSV-Datei für den Serienbrief herunterladen',
    'bo.result.caption': 'Die neuen Codes',
    'bo.result.shownFirst': 'Angezeigt sind die ersten {n}; alle stehen in der CSV-Datei.',
    'bo.csv.code': 'Code',
    'bo.csv.district': 'Stadtbezirk',
    'bo.csv.age': 'Altersgruppe',
    'bo.csv.validUntil': 'Gültig bis',
    'bo.field.count': 'Anzahl der Codes',
    'bo.field.countHint': 'Höchstens 10.000 je Serie.',
    'bo.field.district': 'Gebiet',
    'bo.field.wholeCity': 'Ganze Stadt (Stadtbezirk unbekannt)',
    'bo.field.ageMin': 'Alter von (Jahre)',
    'bo.field.ageMax': 'Alter bis (Jahre)',
    'bo.field.ageHint': 'Am Stichtag, einschließlich. Leer lassen für keine Grenze.',
    'bo.field.validUntil': 'Gültig bis',
    'bo.field.dateHint': 'Zum Beispiel 31.12.2027',
    'bo.field.email': 'E-Mail-Adresse des Kontos',
    'bo.field.ageOn': 'Alter am Stichtag',
    'bo.field.ageOnHint':
      'Der Tag, an dem die Altersgruppe gilt. Für eine Abstimmung ihr Stichtag (steht bei der Beteiligung unter „Wer darf“), damit die Codes bis dahin passen. Leer lassen für heute.',
    'bo.ageOn': '{age} am {day}',
    'bo.field.name': 'Name',
    'bo.field.kind': 'Art',
    'bo.err.count': 'Geben Sie eine Anzahl von 1 bis 10.000 an.',
    'bo.err.district': 'Wählen Sie ein Gebiet aus der Liste.',
    'bo.err.age': 'Geben Sie ein Alter von 0 bis 130 an.',
    'bo.err.ageOrder': 'Das Alter „von“ darf nicht größer sein als das Alter „bis“.',
    'bo.err.validUntil': 'Geben Sie ein Datum ab heute an, zum Beispiel 31.12.2027.',
    'bo.err.email': 'Zu dieser Adresse gibt es kein Konto in dieser Stadt.',
    'bo.err.self': 'Ihr eigenes Konto verifiziert bitte eine Kollegin oder ein Kollege.',
    'bo.err.ageOn': 'Geben Sie einen Stichtag an, der höchstens fünf Jahre von heute entfernt liegt, zum Beispiel 01.03.2027.',
    'bo.err.validUntilFar': 'Höchstens fünf Jahre: Geben Sie ein Datum bis zum {day} an.',
    'bo.err.name': 'Geben Sie einen Namen mit höchstens 200 Zeichen an.',
    'bo.err.nameTaken': 'Ein Gremium mit diesem Namen gibt es schon.',
    'bo.err.already': 'Dieses Konto ist schon Mitglied.',
    'bo.counter.title': 'Verifizierung am Schalter',
    'bo.counter.intro':
      'Lassen Sie sich einen amtlichen Ausweis zeigen und tragen Sie nur ein, was die Beteiligung braucht. Nichts wird kopiert oder notiert: keine Ausweisnummer, kein Geburtsdatum, kein Foto, keine Anschrift; nur die Altersgruppe an einem Stichtag.',
    'bo.counter.submit': 'Verifizierung speichern',
    'bo.counter.done': 'Das Konto {email} ist verifiziert.',
    'bo.bodies.title': 'Gremien',
    'bo.bodies.intro': 'Gremien wie das Jugendparlament oder der Seniorenbeirat. Eine Beteiligung kann nur ihren Mitgliedern offenstehen.',
    'bo.bodies.caption': 'Gremien der Stadt',
    'bo.bodies.none': 'Es gibt noch keine Gremien.',
    'bo.bodies.new': 'Neues Gremium',
    'bo.bodies.create': 'Gremium anlegen',
    'bo.bodies.created': 'Das Gremium wurde angelegt.',
    'bo.kind.youth_parliament': 'Jugendparlament',
    'bo.kind.seniors_council': 'Seniorenbeirat',
    'bo.kind.district_council': 'Bezirksvertretung',
    'bo.kind.other': 'Anderes Gremium',
    'bo.body.edit': 'Bearbeiten',
    'bo.body.save': 'Speichern',
    'bo.body.saved': 'Gespeichert.',
    'bo.body.members': 'Mitglieder',
    'bo.body.noMembers': 'Noch keine Mitglieder.',
    'bo.body.add': 'Mitglied hinzufügen',
    'bo.body.added': 'Das Mitglied wurde hinzugefügt.',
    'bo.body.remove': 'Entfernen',
    'bo.body.removed': 'Das Mitglied wurde entfernt.',
    'bo.body.back': 'Alle Gremien',
  },
  en: {
    'refusal.sign_in': 'Please sign in to take part here.',
    'refusal.verify':
      'Only verified residents can take part here. Verify your account with the code from a letter from the city, or at a counter of the citizens’ office (bring an ID).',
    'refusal.verification_expired':
      'Your verification has expired. Enter a new code from a letter from the city, or have your account verified again at a counter of the citizens’ office.',
    'refusal.district': 'Only residents of certain districts can take part here, and your account is verified for another district.',
    'refusal.age': 'Only people of a certain age group can take part here, and your verification belongs to another one.',
    'refusal.body': 'Only members of the responsible body can take part here. If you are a member, please contact the body’s office.',
    'link.sign_in': 'Sign in',
    'link.verify': 'Verify my account',
    'page.title': 'Verify my account',
    'page.intro':
      'Some participation is only for residents of the city, of a district or of an age group. With the code from a letter from the city your account gets exactly these details: district, age group and how long they hold. We keep no ID data and no date of birth.',
    'page.code': 'Code from the letter',
    'page.codeHint': '16 characters, for example K7QM-3WXE-PN4R-9HTZ. Upper or lower case and hyphens do not matter.',
    'page.submit': 'Use code',
    'page.counter': 'No letter? Any counter of the citizens’ office can verify your account when you show an ID. Nothing is copied.',
    'page.done': 'Your account is now verified.',
    'page.renew': 'A new code replaces your current verification.',
    'status.verified': 'Verified: {area}, age group {age}, valid until {date}.',
    'status.expired': 'Your verification ({area}, age group {age}) expired on {date}.',
    'status.none': 'Your account is not verified.',
    'status.district': 'district of {name}',
    'status.city': 'resident of {city}',
    'age.range': '{min} to {max} years',
    'age.from': '{min} years and older',
    'age.to': 'up to {max} years',
    'age.any': 'not given',
    'err.format': 'The code has 16 characters, digits and capital letters. Please check what you typed.',
    'err.unknown': 'We do not know this code. Please check every character.',
    'err.used': 'This code has already been used. Each code works only once.',
    'err.expired': 'This code has expired. Please contact the citizens’ office.',
    'section.title': 'Verification',
    'section.link': 'Enter a code',
    'export.verification': 'Your verification: district, the range of birth dates the age group implies, valid until, how and when it was made.',
    'export.memberships': 'Bodies you are registered as a member of (for example the youth parliament or the seniors’ council), and since when.',
    'bo.menuCodes': 'Letter codes',
    'bo.menuCounter': 'Verification at the counter',
    'bo.menuBodies': 'Bodies',
    'bo.codes.title': 'Letter codes for verification',
    'bo.codes.intro':
      'Each code works once and gives the account that uses it the area, age group and expiry date of its batch. Only check values of the codes are stored.',
    'bo.codes.new': 'Generate new codes',
    'bo.codes.caption': 'Code batches',
    'bo.codes.none': 'No codes have been generated yet.',
    'bo.codes.revoke': 'Revoke unused codes',
    'bo.codes.revoked': '{n, plural, one {# unused code revoked.} other {# unused codes revoked.}}',
    'bo.col.created': 'Generated',
    'bo.col.area': 'Area',
    'bo.col.age': 'Age group',
    'bo.col.validUntil': 'Valid until',
    'bo.col.count': 'Codes',
    'bo.col.used': 'Used',
    'bo.col.unused': 'Unused',
    'bo.col.revoked': 'Revoked',
    'bo.col.actions': 'Actions',
    'bo.col.name': 'Name',
    'bo.col.kind': 'Kind',
    'bo.col.members': 'Members',
    'bo.col.email': 'Email',
    'bo.col.since': 'Since',
    'bo.gen.title': 'Generate new letter codes',
    'bo.gen.intro': 'The codes are shown only once; you can download the CSV file for the mail merge for 15 minutes afterwards.',
    'bo.gen.submit': 'Generate codes',
    'bo.gen.back': 'All code batches',
    'bo.result.title': '{n, plural, one {# code generated} other {# codes generated}}',
    'bo.result.once':
      'These codes are shown only now. Download the CSV file for the mail merge within the next 15 minutes; after that only check values are stored.',
    'bo.result.csv': 'Download the CSV file for the mail merge',
    'bo.result.caption': 'The new codes',
    'bo.result.shownFirst': 'The first {n} are shown; the CSV file has all of them.',
    'bo.csv.code': 'Code',
    'bo.csv.district': 'District',
    'bo.csv.age': 'Age group',
    'bo.csv.validUntil': 'Valid until',
    'bo.field.count': 'Number of codes',
    'bo.field.countHint': 'At most 10,000 per batch.',
    'bo.field.district': 'Area',
    'bo.field.wholeCity': 'Whole city (district unknown)',
    'bo.field.ageMin': 'Age from (years)',
    'bo.field.ageMax': 'Age to (years)',
    'bo.field.ageHint': 'On the reference date, inclusive. Leave empty for no limit.',
    'bo.field.validUntil': 'Valid until',
    'bo.field.dateHint': 'For example 31.12.2027',
    'bo.field.email': 'Email address of the account',
    'bo.field.ageOn': 'Age on the reference date',
    'bo.field.ageOnHint':
      'The day the age group holds on. For a vote, its reference date (shown with the process under “Who may”), so the codes still fit then. Leave empty for today.',
    'bo.ageOn': '{age} on {day}',
    'bo.field.name': 'Name',
    'bo.field.kind': 'Kind',
    'bo.err.count': 'Enter a number from 1 to 10,000.',
    'bo.err.district': 'Choose an area from the list.',
    'bo.err.age': 'Enter an age from 0 to 130.',
    'bo.err.ageOrder': 'The age “from” must not be greater than the age “to”.',
    'bo.err.validUntil': 'Enter a date from today on, for example 31.12.2027.',
    'bo.err.email': 'There is no account with this address in this city.',
    'bo.err.self': 'Please ask a colleague to verify your own account.',
    'bo.err.ageOn': 'Enter a reference date at most five years from today, for example 01.03.2027.',
    'bo.err.validUntilFar': 'Five years at most: enter a date up to {day}.',
    'bo.err.name': 'Enter a name of at most 200 characters.',
    'bo.err.nameTaken': 'There is already a body with this name.',
    'bo.err.already': 'This account is already a member.',
    'bo.counter.title': 'Verification at the counter',
    'bo.counter.intro':
      'Ask to see an official ID and enter only what participation needs. Nothing is copied or written down: no ID number, no date of birth, no photo, no address; only the age group on a reference date.',
    'bo.counter.submit': 'Save verification',
    'bo.counter.done': 'The account {email} is verified.',
    'bo.bodies.title': 'Bodies',
    'bo.bodies.intro': 'Bodies such as the youth parliament or the seniors’ council. Participation can be open to their members only.',
    'bo.bodies.caption': 'Bodies of the city',
    'bo.bodies.none': 'There are no bodies yet.',
    'bo.bodies.new': 'New body',
    'bo.bodies.create': 'Create body',
    'bo.bodies.created': 'The body has been created.',
    'bo.kind.youth_parliament': 'Youth parliament',
    'bo.kind.seniors_council': 'Seniors’ council',
    'bo.kind.district_council': 'District council',
    'bo.kind.other': 'Other body',
    'bo.body.edit': 'Edit',
    'bo.body.save': 'Save',
    'bo.body.saved': 'Saved.',
    'bo.body.members': 'Members',
    'bo.body.noMembers': 'No members yet.',
    'bo.body.add': 'Add member',
    'bo.body.added': 'The member has been added.',
    'bo.body.remove': 'Remove',
    'bo.body.removed': 'The member has been removed.',
    'bo.body.back': 'All bodies',
  },
  staff: ['bo.*'],
  tr,
  ar,
  uk,
  pl,
};
