import type { Catalogue } from '../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

type Key =
  | 'signInTitle'
  | 'signInIntro'
  | 'email'
  | 'emailHint'
  | 'sendLink'
  | 'checkMailTitle'
  | 'checkMailText'
  | 'checkMailHint'
  | 'confirmTitle'
  | 'confirmText'
  | 'confirmButton'
  | 'linkInvalidTitle'
  | 'linkInvalidText'
  | 'requestNewLink'
  | 'accountTitle'
  | 'accountIntro'
  | 'displayName'
  | 'displayNameHint'
  | 'save'
  | 'saved'
  | 'signOutEverywhere'
  | 'signedOut'
  | 'staffLoginTitle'
  | 'staffLoginIntro'
  | 'password'
  | 'signIn'
  | 'forgotPassword'
  | 'wrongCredentials'
  | 'loginLocked'
  | 'codeTitle'
  | 'codeIntro'
  | 'code'
  | 'codeHint'
  | 'verify'
  | 'wrongCode'
  | 'codeExpired'
  | 'setupTitle'
  | 'setupIntro'
  | 'newPassword'
  | 'passwordHint'
  | 'setupStep1'
  | 'setupStep2'
  | 'setupSecret'
  | 'setupQrAlt'
  | 'setupButton'
  | 'resetTitle'
  | 'resetIntro'
  | 'resetSend'
  | 'resetSentTitle'
  | 'resetSentText'
  | 'resetNewTitle'
  | 'resetButton'
  | 'resetDone'
  | 'pw.tooShort'
  | 'pw.tooLong'
  | 'pw.common'
  | 'pw.containsEmail'
  | 'mail.magicSubject'
  | 'mail.magicBody'
  | 'mail.setupSubject'
  | 'mail.setupBody'
  | 'mail.resetSubject'
  | 'mail.resetBody'
  | 'staffTitle'
  | 'staffIntro'
  | 'newStaff'
  | 'role'
  | 'role.admin'
  | 'role.moderator'
  | 'role.department_staff'
  | 'departments'
  | 'departmentsHint'
  | 'status'
  | 'active'
  | 'disabled'
  | 'setupPending'
  | 'lastLogin'
  | 'never'
  | 'edit'
  | 'disable'
  | 'enable'
  | 'resendSetup'
  | 'created'
  | 'setupSent'
  | 'editStaff'
  | 'err.roleRequired'
  | 'err.departmentRequired'
  | 'err.emailTaken'
  | 'err.selfDisable'
  | 'cancel'
  | 'actions'
  | 'err.required'
  | 'yourData'
  | 'yourDataIntro'
  | 'data.title'
  | 'data.intro'
  | 'data.includes'
  | 'data.item.account'
  | 'data.item.reports'
  | 'data.item.engagement'
  | 'data.item.sessions'
  | 'data.item.mails'
  | 'data.format'
  | 'data.linkHint'
  | 'data.button'
  | 'data.expiredTitle'
  | 'data.expiredText'
  | 'data.again'
  | 'backToAccount'
  | 'delete.title'
  | 'delete.intro'
  | 'delete.item.account'
  | 'delete.item.anonymise'
  | 'delete.item.remove'
  | 'delete.item.photos'
  | 'delete.item.mails'
  | 'delete.exportFirst'
  | 'delete.irreversible'
  | 'delete.confirm'
  | 'delete.confirmHint'
  | 'delete.button'
  | 'delete.mismatch'
  | 'delete.staff'
  | 'deleted.title'
  | 'deleted.text'
  | 'deleted.home'
  | 'readme.title'
  | 'readme.created'
  | 'readme.files'
  | 'readme.times'
  | 'readme.notIncluded'
  | 'readme.account'
  | 'readme.sessions'
  | 'readme.mails'
  | 'readme.linkRemoved';

export const messages: Catalogue<Key> = {
  // Only staff read these: German and English only (docs/i18n.md).
  staff: [
    'staff*',
    'password',
    'signIn',
    'forgotPassword',
    'wrongCredentials',
    'loginLocked',
    'code*',
    'verify',
    'wrongCode',
    'setup*',
    'newPassword',
    'passwordHint',
    'reset*',
    'pw.*',
    'mail.setup*',
    'mail.reset*',
    'newStaff',
    'role',
    'role.*',
    'departments',
    'departmentsHint',
    'status',
    'active',
    'disabled',
    'lastLogin',
    'never',
    'edit',
    'disable',
    'enable',
    'resendSetup',
    'created',
    'editStaff',
    'err.roleRequired',
    'err.departmentRequired',
    'err.emailTaken',
    'err.selfDisable',
    'cancel',
    'actions',
  ],
  de: {
    signInTitle: 'Anmelden',
    signInIntro: 'Wir senden Ihnen einen Anmeldelink per E-Mail. Sie brauchen kein Passwort. Zum Lesen brauchen Sie kein Konto.',
    email: 'E-Mail-Adresse',
    emailHint: 'Zum Beispiel name@example.de',
    sendLink: 'Anmeldelink senden',
    checkMailTitle: 'Bitte prüfen Sie Ihr Postfach',
    checkMailText: 'Wenn die Adresse stimmt, ist ein Anmeldelink an {email} unterwegs. Er gilt 15 Minuten und nur einmal.',
    checkMailHint: 'Keine E-Mail bekommen? Schauen Sie im Spam-Ordner nach oder fordern Sie einen neuen Link an.',
    confirmTitle: 'Anmeldung bestätigen',
    confirmText: 'Sie melden sich an als {email}.',
    confirmButton: 'Jetzt anmelden',
    linkInvalidTitle: 'Dieser Link gilt nicht mehr',
    linkInvalidText: 'Anmeldelinks gelten 15 Minuten und nur einmal. Fordern Sie einfach einen neuen an.',
    requestNewLink: 'Neuen Anmeldelink anfordern',
    accountTitle: 'Mein Konto',
    accountIntro: 'Angemeldet mit {email}.',
    displayName: 'Ihr Name',
    displayNameHint: 'Wird nur angezeigt, wenn Sie es bei einem Beitrag ausdrücklich wünschen.',
    save: 'Speichern',
    saved: 'Gespeichert.',
    signOutEverywhere: 'Auf allen Geräten abmelden',
    signedOut: 'Sie sind abgemeldet.',
    staffLoginTitle: 'Anmeldung für Mitarbeitende',
    staffLoginIntro: 'Mit Passwort und Bestätigungscode aus Ihrer Authenticator-App.',
    password: 'Passwort',
    signIn: 'Anmelden',
    forgotPassword: 'Passwort vergessen?',
    wrongCredentials: 'E-Mail-Adresse oder Passwort stimmen nicht.',
    loginLocked:
      'Zu viele Versuche für dieses Konto von hier aus. Versuchen Sie es in {minutes, plural, one {etwa einer Minute} other {etwa # Minuten}} erneut – oder setzen Sie Ihr Passwort über „Passwort vergessen?“ zurück, das geht sofort.',
    codeTitle: 'Bestätigungscode',
    codeIntro: 'Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.',
    code: 'Code',
    codeHint: 'Sechs Ziffern, zum Beispiel 123456',
    verify: 'Bestätigen',
    wrongCode: 'Der Code stimmt nicht. Bitte nehmen Sie den aktuellen Code aus der App.',
    codeExpired: 'Die Anmeldung hat zu lange gedauert. Bitte melden Sie sich noch einmal an.',
    setupTitle: 'Zugang einrichten',
    setupIntro: 'Willkommen, {email}. Legen Sie ein Passwort fest und verbinden Sie eine Authenticator-App.',
    newPassword: 'Neues Passwort',
    passwordHint: 'Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist sicher und gut zu merken; Leerzeichen und Umlaute sind erlaubt.',
    setupStep1: '1. Passwort festlegen',
    setupStep2: '2. Authenticator-App verbinden',
    setupSecret: 'Oder geben Sie diesen Schlüssel in der App ein: {secret}',
    setupQrAlt: 'QR-Code zum Einrichten der Authenticator-App',
    setupButton: 'Zugang einrichten',
    resetTitle: 'Passwort zurücksetzen',
    resetIntro: 'Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen. Sie brauchen dafür Ihre Authenticator-App.',
    resetSend: 'Link senden',
    resetSentTitle: 'Bitte prüfen Sie Ihr Postfach',
    resetSentText: 'Wenn zu {email} ein Zugang für Mitarbeitende besteht, ist ein Link unterwegs. Er gilt 30 Minuten.',
    resetNewTitle: 'Neues Passwort festlegen',
    resetButton: 'Passwort ändern',
    resetDone: 'Ihr Passwort wurde geändert. Bitte melden Sie sich an.',
    'pw.tooShort': 'Das Passwort braucht mindestens 12 Zeichen.',
    'pw.tooLong': 'Das Passwort darf höchstens 512 Zeichen haben.',
    'pw.common': 'Dieses Passwort ist zu bekannt und leicht zu erraten. Nehmen Sie zum Beispiel einen Satz aus mehreren Wörtern.',
    'pw.containsEmail': 'Das Passwort darf nicht Ihre E-Mail-Adresse enthalten.',
    'mail.magicSubject': 'Ihr Anmeldelink für {city}',
    'mail.magicBody':
      'Guten Tag,\n\nmit diesem Link melden Sie sich an (gültig 15 Minuten, nur einmal):\n{link}\n\nSie haben keine Anmeldung angefordert? Dann ignorieren Sie diese E-Mail einfach.\n\n{city}',
    'mail.setupSubject': 'Ihr Zugang zur Verwaltung von {city}',
    'mail.setupBody': 'Guten Tag,\n\nfür Sie wurde ein Zugang zur Verwaltung angelegt. Richten Sie ihn hier ein (gültig 72 Stunden):\n{link}\n\n{city}',
    'mail.resetSubject': 'Passwort zurücksetzen – {city}',
    'mail.resetBody':
      'Guten Tag,\n\nmit diesem Link legen Sie ein neues Passwort fest (gültig 30 Minuten):\n{link}\n\nSie haben das nicht angefordert? Dann ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.\n\n{city}',
    staffTitle: 'Mitarbeitende',
    staffIntro: 'Neue Mitarbeitende erhalten einen Link, mit dem sie Passwort und Authenticator-App einrichten.',
    newStaff: 'Neue Mitarbeiterin / neuer Mitarbeiter',
    role: 'Rolle',
    'role.admin': 'Administration',
    'role.moderator': 'Moderation',
    'role.department_staff': 'Fachabteilung',
    departments: 'Abteilungen',
    departmentsHint: 'Mitarbeitende einer Fachabteilung sehen nur die Vorgänge ihrer Abteilungen.',
    status: 'Status',
    active: 'aktiv',
    disabled: 'gesperrt',
    setupPending: 'Einrichtung ausstehend',
    lastLogin: 'Letzte Anmeldung',
    never: 'nie',
    edit: 'Bearbeiten',
    disable: 'Sperren',
    enable: 'Entsperren',
    resendSetup: 'Einrichtungslink neu senden',
    created: 'Angelegt. Der Einrichtungslink wurde per E-Mail verschickt.',
    setupSent: 'Der Einrichtungslink wurde neu verschickt.',
    editStaff: 'Mitarbeitende bearbeiten',
    'err.roleRequired': 'Bitte wählen Sie eine Rolle.',
    'err.departmentRequired': 'Bitte wählen Sie mindestens eine Abteilung.',
    'err.emailTaken': 'Zu dieser E-Mail-Adresse gibt es schon einen Zugang für Mitarbeitende.',
    'err.selfDisable': 'Sie können sich nicht selbst sperren oder Ihre eigene Administrationsrolle entfernen.',
    cancel: 'Abbrechen',
    actions: 'Aktionen',
    'err.required': 'Bitte füllen Sie dieses Feld aus.',
    yourData: 'Ihre Daten',
    yourDataIntro: 'Sie können jederzeit eine Kopie Ihrer Daten herunterladen oder Ihr Konto löschen.',
    'data.title': 'Meine Daten herunterladen',
    'data.intro': 'Hier laden Sie eine Kopie der Daten herunter, die {city} in dieser Plattform über Sie speichert (Auskunft nach Art. 15 DSGVO).',
    'data.includes': 'Die ZIP-Datei enthält:',
    'data.item.account': 'Ihr Konto: E-Mail-Adresse, Name, wann es angelegt wurde und wann Sie sich zuletzt angemeldet haben',
    'data.item.reports': 'Ihre Meldungen mit den öffentlichen Einträgen ihres Verlaufs und den Fotos, die Sie gesendet haben',
    'data.item.engagement': 'Ihre Unterstützungen ("Ich auch"), verfolgte Meldungen, Bewertungen von Angsträumen und Antworten auf Rückfragen',
    'data.item.sessions': 'Ihre Anmeldungen auf Geräten (Sitzungen) mit Zeitpunkten, ohne geheime Kennungen',
    'data.item.mails': 'E-Mails an Sie, die wir noch aufbewahren (Links darin sind unkenntlich gemacht)',
    'data.format': 'Die Daten liegen im Format JSON vor, lesbar mit jedem Texteditor. Die Datei README.txt erklärt jede Datei.',
    'data.linkHint': 'Der Download-Link gilt {minutes} Minuten, nur in diesem Browser und nur solange Sie angemeldet sind.',
    'data.button': 'ZIP-Datei herunterladen',
    'data.expiredTitle': 'Dieser Download-Link gilt nicht mehr',
    'data.expiredText': 'Download-Links gelten {minutes} Minuten und nur in dem Browser, in dem Sie sie erstellt haben. Erstellen Sie einfach einen neuen.',
    'data.again': 'Neuen Download-Link erstellen',
    backToAccount: 'Zurück zu „Mein Konto“',
    'delete.title': 'Konto löschen',
    'delete.intro': 'Wenn Sie Ihr Konto löschen, geschieht Folgendes:',
    'delete.item.account': 'Ihr Konto mit E-Mail-Adresse und Namen wird gelöscht, und Sie werden auf allen Geräten abgemeldet.',
    'delete.item.anonymise':
      'Ihre veröffentlichten Meldungen, Unterstützungen und Bewertungen bleiben für alle sichtbar, aber ohne Namen, E-Mail-Adresse, Telefonnummer und Konto (anonym). Meldungen, die Sie nie bestätigt haben, werden gelöscht.',
    'delete.item.remove': 'Ihre Meldungen mit allen Fotos, Ihre Unterstützungen und Ihre Bewertungen werden gelöscht.',
    'delete.item.photos': 'Fotos, die nicht veröffentlicht wurden, werden gelöscht.',
    'delete.item.mails': 'Benachrichtigungen und Rückfragen per E-Mail enden; E-Mails an Sie, die noch warten oder gespeichert sind, werden gelöscht.',
    'delete.exportFirst': 'Möchten Sie vorher eine Kopie Ihrer Daten?',
    'delete.irreversible': 'Das Löschen lässt sich nicht rückgängig machen.',
    'delete.confirm': 'Zur Bestätigung: Ihre E-Mail-Adresse',
    'delete.confirmHint': 'Geben Sie {email} ein.',
    'delete.button': 'Konto endgültig löschen',
    'delete.mismatch': 'Die E-Mail-Adresse stimmt nicht mit Ihrem Konto überein. Geben Sie {email} ein.',
    'delete.staff': 'Zugänge für Mitarbeitende löscht die Administration. Bitte wenden Sie sich an sie.',
    'deleted.title': 'Ihr Konto ist gelöscht',
    'deleted.text':
      'Sie sind abgemeldet. Ihr Konto und Ihre Angaben zur Person sind entfernt. Sie können jederzeit ohne Konto lesen oder sich mit einer E-Mail-Adresse neu anmelden.',
    'deleted.home': 'Zur Startseite',
    'readme.title': 'Meine Daten – {city}',
    'readme.created': 'Erstellt am {date} für das Konto {email}.',
    'readme.files': 'Die Dateien in diesem Archiv:',
    'readme.times':
      'Zeitangaben stehen in koordinierter Weltzeit (UTC) im Format ISO 8601, zum Beispiel 2026-12-03T09:30:00.000Z (= 10:30 Uhr in Deutschland im Winter).',
    'readme.notIncluded':
      'Nicht enthalten sind interne Vermerke der Verwaltung zu Meldungen. Fragen zum Datenschutz und Auskunft darüber richten Sie an: {contact}.',
    'readme.account': 'Ihr Konto: E-Mail-Adresse, Name ("display_name"), Anlage und letzte Anmeldung.',
    'readme.sessions':
      'Ihre angemeldeten Geräte (Sitzungen): wann angemeldet, zuletzt aktiv, spätestens abgemeldet. Die geheimen Kennungen sind nicht enthalten.',
    'readme.mails':
      'E-Mails an Sie, die wir noch aufbewahren (gesendete höchstens {days} Tage): Betreff, Text, erstellt, gesendet. Persönliche Links darin sind durch „{marker}“ ersetzt.',
    'readme.linkRemoved': '[Link entfernt]',
  },
  en: {
    signInTitle: 'Sign in',
    signInIntro: 'We email you a sign-in link. You do not need a password. You do not need an account to read anything.',
    email: 'Email address',
    emailHint: 'For example name@example.com',
    sendLink: 'Send sign-in link',
    checkMailTitle: 'Please check your inbox',
    checkMailText: 'If the address is right, a sign-in link is on its way to {email}. It works once, for 15 minutes.',
    checkMailHint: 'No email? Look in your spam folder or ask for a new link.',
    confirmTitle: 'Confirm sign-in',
    confirmText: 'You are signing in as {email}.',
    confirmButton: 'Sign in now',
    linkInvalidTitle: 'This link no longer works',
    linkInvalidText: 'Sign-in links work once, for 15 minutes. Just ask for a new one.',
    requestNewLink: 'Ask for a new sign-in link',
    accountTitle: 'My account',
    accountIntro: 'Signed in with {email}.',
    displayName: 'Your name',
    displayNameHint: 'Only shown when you explicitly choose so for a contribution.',
    save: 'Save',
    saved: 'Saved.',
    signOutEverywhere: 'Sign out on all devices',
    signedOut: 'You are signed out.',
    staffLoginTitle: 'Staff sign-in',
    staffLoginIntro: 'With your password and a code from your authenticator app.',
    password: 'Password',
    signIn: 'Sign in',
    forgotPassword: 'Forgot your password?',
    wrongCredentials: 'The email address or password is not correct.',
    loginLocked:
      'Too many attempts for this account from here. Try again in about {minutes, plural, one {a minute} other {# minutes}} – or reset your password with “Forgot your password?”, which works right away.',
    codeTitle: 'Verification code',
    codeIntro: 'Enter the six-digit code from your authenticator app.',
    code: 'Code',
    codeHint: 'Six digits, for example 123456',
    verify: 'Verify',
    wrongCode: 'The code is not correct. Please use the current code from the app.',
    codeExpired: 'Signing in took too long. Please sign in again.',
    setupTitle: 'Set up your access',
    setupIntro: 'Welcome, {email}. Choose a password and connect an authenticator app.',
    newPassword: 'New password',
    passwordHint: 'At least 12 characters. A sentence of several words is safe and easy to remember; spaces and umlauts are allowed.',
    setupStep1: '1. Choose a password',
    setupStep2: '2. Connect an authenticator app',
    setupSecret: 'Or enter this key in the app: {secret}',
    setupQrAlt: 'QR code for setting up the authenticator app',
    setupButton: 'Set up access',
    resetTitle: 'Reset password',
    resetIntro: 'We email you a link to choose a new password. You will need your authenticator app.',
    resetSend: 'Send link',
    resetSentTitle: 'Please check your inbox',
    resetSentText: 'If {email} has staff access, a link is on its way. It works for 30 minutes.',
    resetNewTitle: 'Choose a new password',
    resetButton: 'Change password',
    resetDone: 'Your password has been changed. Please sign in.',
    'pw.tooShort': 'The password needs at least 12 characters.',
    'pw.tooLong': 'The password can have at most 512 characters.',
    'pw.common': 'This password is too well known and easy to guess. Try a sentence of several words.',
    'pw.containsEmail': 'The password must not contain your email address.',
    'mail.magicSubject': 'Your sign-in link for {city}',
    'mail.magicBody': 'Hello,\n\nuse this link to sign in (works once, for 15 minutes):\n{link}\n\nDid not ask to sign in? Just ignore this email.\n\n{city}',
    'mail.setupSubject': 'Your back-office access for {city}',
    'mail.setupBody': 'Hello,\n\nan account for the back office has been created for you. Set it up here (valid for 72 hours):\n{link}\n\n{city}',
    'mail.resetSubject': 'Reset your password – {city}',
    'mail.resetBody':
      'Hello,\n\nuse this link to choose a new password (valid for 30 minutes):\n{link}\n\nDid not ask for this? Ignore this email; your password stays the same.\n\n{city}',
    staffTitle: 'Staff',
    staffIntro: 'New staff members get a link to set up their password and authenticator app.',
    newStaff: 'New staff member',
    role: 'Role',
    'role.admin': 'Administrator',
    'role.moderator': 'Moderator',
    'role.department_staff': 'Department staff',
    departments: 'Departments',
    departmentsHint: 'Department staff only see the cases of their departments.',
    status: 'Status',
    active: 'active',
    disabled: 'disabled',
    setupPending: 'setup pending',
    lastLogin: 'Last sign-in',
    never: 'never',
    edit: 'Edit',
    disable: 'Disable',
    enable: 'Enable',
    resendSetup: 'Send setup link again',
    created: 'Created. The setup link has been emailed.',
    setupSent: 'The setup link has been sent again.',
    editStaff: 'Edit staff member',
    'err.roleRequired': 'Please choose a role.',
    'err.departmentRequired': 'Please choose at least one department.',
    'err.emailTaken': 'There is already staff access for this email address.',
    'err.selfDisable': 'You cannot disable yourself or remove your own administrator role.',
    cancel: 'Cancel',
    actions: 'Actions',
    'err.required': 'Please fill in this field.',
    yourData: 'Your data',
    yourDataIntro: 'You can download a copy of your data or delete your account at any time.',
    'data.title': 'Download my data',
    'data.intro': 'Download a copy of the data {city} keeps about you on this platform (right of access, Art. 15 GDPR).',
    'data.includes': 'The ZIP file contains:',
    'data.item.account': 'Your account: email address, name, when it was created and when you last signed in',
    'data.item.reports': 'Your reports with the public entries of their timeline and the photos you sent',
    'data.item.engagement': 'Your supports ("Me too"), followed reports, ratings of places that feel unsafe and answers to follow-up questions',
    'data.item.sessions': 'Your sign-ins on devices (sessions) with their times, without secret identifiers',
    'data.item.mails': 'Emails to you that we still keep (links in them are made unusable)',
    'data.format': 'The data is in JSON format, readable with any text editor. The file README.txt explains each file.',
    'data.linkHint': 'The download link works for {minutes} minutes, only in this browser and only while you are signed in.',
    'data.button': 'Download ZIP file',
    'data.expiredTitle': 'This download link no longer works',
    'data.expiredText': 'Download links work for {minutes} minutes and only in the browser where you made them. Just make a new one.',
    'data.again': 'Make a new download link',
    backToAccount: 'Back to "My account"',
    'delete.title': 'Delete account',
    'delete.intro': 'When you delete your account, this happens:',
    'delete.item.account': 'Your account with your email address and name is deleted, and you are signed out on all devices.',
    'delete.item.anonymise':
      'Your published reports, supports and ratings stay visible to everyone, but without name, email address, phone number and account (anonymous). Reports you never confirmed are deleted.',
    'delete.item.remove': 'Your reports with all their photos, your supports and your ratings are deleted.',
    'delete.item.photos': 'Photos that were not published are deleted.',
    'delete.item.mails': 'Notifications and follow-up questions by email stop; emails to you that are waiting or kept are deleted.',
    'delete.exportFirst': 'Would you like a copy of your data first?',
    'delete.irreversible': 'Deleting cannot be undone.',
    'delete.confirm': 'To confirm: your email address',
    'delete.confirmHint': 'Enter {email}.',
    'delete.button': 'Delete my account for good',
    'delete.mismatch': 'The email address does not match your account. Enter {email}.',
    'delete.staff': 'Staff accounts are deleted by the administrators. Please contact them.',
    'deleted.title': 'Your account is deleted',
    'deleted.text':
      'You are signed out. Your account and your personal details have been removed. You can read everything without an account, or sign in again with an email address at any time.',
    'deleted.home': 'Go to the home page',
    'readme.title': 'My data – {city}',
    'readme.created': 'Made on {date} for the account {email}.',
    'readme.files': 'The files in this archive:',
    'readme.times': 'Times are in Coordinated Universal Time (UTC), ISO 8601, for example 2026-12-03T09:30:00.000Z (= 10:30 in Germany in winter).',
    'readme.notIncluded':
      "Not included are the administration's internal notes on reports. For questions about data protection and access to those, contact: {contact}.",
    'readme.account': 'Your account: email address, name ("display_name"), when created and last sign-in.',
    'readme.sessions': 'Your signed-in devices (sessions): when signed in, last active, signed out at the latest. The secret identifiers are not included.',
    'readme.mails':
      'Emails to you that we still keep (sent ones for at most {days} days): subject, text, created, sent. Personal links in them are replaced by “{marker}”.',
    'readme.linkRemoved': '[link removed]',
  },
  tr,
  ar,
  uk,
  pl,
};
