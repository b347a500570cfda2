import type { Catalogue } from '../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

type Key =
  | 'group.defect'
  | 'group.litter'
  | 'group.angstraum'
  | 'notice'
  | 'datatype.number'
  | 'datatype.datetime'
  | 'datatype.text'
  | 'datatype.singlevaluelist'
  | 'datatype.multivaluelist'
  | 'apiKeys'
  | 'apiKeysIntro'
  | 'apiKeysNone'
  | 'keyName'
  | 'keyNameHint'
  | 'keyRate'
  | 'keyRateHint'
  | 'keyPrefix'
  | 'keyCreated'
  | 'keyLastUsed'
  | 'keyStatus'
  | 'keyActive'
  | 'keyRevoked'
  | 'keyRevoke'
  | 'keyCreate'
  | 'keyNew'
  | 'keyShownOnce'
  | 'keyRevokedNotice'
  | 'keyNever'
  | 'actions'
  | 'err.keyName'
  | 'err.keyRate'
  | 'keyCli'
  | 'keyValue';

export const messages: Catalogue<Key> = {
  // Only staff read these: German and English only (docs/i18n.md).
  staff: ['apiKeys*', 'key*', 'err.key*', 'actions'],
  de: {
    'group.defect': 'Schäden und Mängel',
    'group.litter': 'Müll und Sauberkeit',
    'group.angstraum': 'Unsichere Orte',
    notice: 'Die Meldung ist veröffentlicht und an die zuständige Stelle weitergeleitet: {url}',
    'datatype.number': 'Eine Zahl, z. B. 3 oder 2.5',
    'datatype.datetime': 'Ein Datum im Format JJJJ-MM-TT',
    'datatype.text': 'Freier Text, höchstens 1000 Zeichen',
    'datatype.singlevaluelist': 'Genau ein Schlüssel aus der Liste',
    'datatype.multivaluelist': 'Ein oder mehrere Schlüssel aus der Liste',
    apiKeys: 'API-Schlüssel',
    apiKeysIntro:
      'Mit einem API-Schlüssel legen andere Systeme (Apps, Fachverfahren) über Open311 Meldungen an und melden Statusänderungen zurück. Lesen ist ohne Schlüssel möglich. Jeder Schlüssel hat eine eigene Höchstzahl an Anfragen pro Minute.',
    apiKeysNone: 'Noch keine API-Schlüssel angelegt.',
    keyName: 'Name',
    keyNameHint: 'Wofür der Schlüssel ist, z. B. „Fachverfahren Tiefbauamt“ oder „App der Stadtwerke“.',
    keyRate: 'Anfragen pro Minute',
    keyRateHint: 'Ganze Zahl von 1 bis 100000. Üblich sind 60.',
    keyPrefix: 'Beginn des Schlüssels',
    keyCreated: 'Angelegt',
    keyLastUsed: 'Zuletzt benutzt',
    keyStatus: 'Status',
    keyActive: 'Aktiv',
    keyRevoked: 'Widerrufen am {date}',
    keyRevoke: 'Widerrufen',
    keyCreate: 'Schlüssel anlegen',
    keyNew: 'Neuer API-Schlüssel',
    keyShownOnce: 'Der Schlüssel „{name}“ ist angelegt. Kopieren Sie ihn jetzt: er wird nur dieses eine Mal angezeigt und nur verschlüsselt gespeichert.',
    keyValue: 'API-Schlüssel',
    keyRevokedNotice: 'Der Schlüssel „{name}“ ist widerrufen und funktioniert ab sofort nicht mehr.',
    keyNever: 'noch nie',
    actions: 'Aktionen',
    'err.keyName': 'Bitte geben Sie einen Namen mit höchstens 100 Zeichen ein.',
    'err.keyRate': 'Bitte geben Sie eine ganze Zahl von 1 bis 100000 ein.',
    keyCli: 'Auf dem Server geht es auch mit: npx kuemmerer api-key create NAME',
  },
  en: {
    'group.defect': 'Damage and defects',
    'group.litter': 'Litter and cleanliness',
    'group.angstraum': 'Unsafe places',
    notice: 'The report is public and has been passed to the responsible office: {url}',
    'datatype.number': 'A number, e.g. 3 or 2.5',
    'datatype.datetime': 'A date as YYYY-MM-DD',
    'datatype.text': 'Free text, at most 1000 characters',
    'datatype.singlevaluelist': 'Exactly one key from the list',
    'datatype.multivaluelist': 'One or more keys from the list',
    apiKeys: 'API keys',
    apiKeysIntro:
      'With an API key, other systems (apps, departments’ software) create reports over Open311 and push status changes back. Reading needs no key. Each key has its own limit of requests per minute.',
    apiKeysNone: 'No API keys yet.',
    keyName: 'Name',
    keyNameHint: 'What the key is for, e.g. “Roads department system” or “Utility company app”.',
    keyRate: 'Requests per minute',
    keyRateHint: 'A whole number from 1 to 100000. 60 is usual.',
    keyPrefix: 'Key starts with',
    keyCreated: 'Created',
    keyLastUsed: 'Last used',
    keyStatus: 'Status',
    keyActive: 'Active',
    keyRevoked: 'Revoked on {date}',
    keyRevoke: 'Revoke',
    keyCreate: 'Create key',
    keyNew: 'New API key',
    keyShownOnce: 'The key “{name}” has been created. Copy it now: it is shown only this once and stored only as a hash.',
    keyValue: 'API key',
    keyRevokedNotice: 'The key “{name}” has been revoked and stops working at once.',
    keyNever: 'never',
    actions: 'Actions',
    'err.keyName': 'Please enter a name of at most 100 characters.',
    'err.keyRate': 'Please enter a whole number from 1 to 100000.',
    keyCli: 'On the server you can also run: npx kuemmerer api-key create NAME',
  },
  tr,
  ar,
  uk,
  pl,
};
