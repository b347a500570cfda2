import type { Catalogue } from '../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

type Key =
  | 'nav.report'
  | 'nav.reports'
  | 'report'
  | 'reportTitle'
  | 'newReport'
  | 'newReportIntro'
  | 'step1'
  | 'step2'
  | 'category'
  | 'categoryHint'
  | 'location'
  | 'address'
  | 'addressHint'
  | 'description'
  | 'descriptionHint'
  | 'photos'
  | 'photosHint'
  | 'name'
  | 'nameHint'
  | 'showName'
  | 'email'
  | 'emailHint'
  | 'emailSignedIn'
  | 'send'
  | 'continue'
  | 'changeLocation'
  | 'nearbyTitle'
  | 'nearbyIntro'
  | 'nearbyNone'
  | 'nearbyNoPoint'
  | 'nearbyList'
  | 'changeKeeps'
  | 'draftKept'
  | 'meToo'
  | 'meTooDone'
  | 'metres'
  | 'chosenLocation'
  | 'locationApproximate'
  | 'err.category'
  | 'err.location'
  | 'err.locationNoSearch'
  | 'err.outside'
  | 'err.description'
  | 'err.tooLong'
  | 'err.email'
  | 'err.emailRequired'
  | 'err.photoType'
  | 'err.photoTooLarge'
  | 'err.photoDimensions'
  | 'err.photoCorrupt'
  | 'err.photoCount'
  | 'err.photosTotal'
  | 'err.answer.required'
  | 'err.answer.number'
  | 'err.answer.choice'
  | 'err.answer.date'
  | 'err.answer.tooLong'
  | 'thanksTitle'
  | 'thanksConfirm'
  | 'thanksPublished'
  | 'viewReport'
  | 'confirmedTitle'
  | 'confirmedText'
  | 'status.unconfirmed'
  | 'status.new'
  | 'status.confirmed'
  | 'status.in_progress'
  | 'status.fixed'
  | 'status.closed'
  | 'status.closed:done'
  | 'status.closed:rejected'
  | 'status.closed:duplicate'
  | 'status.closed:not_responsible'
  | 'reportedOn'
  | 'district'
  | 'noDistrict'
  | 'department'
  | 'supporters'
  | 'timeline'
  | 'mapOf'
  | 'reportedBy'
  | 'event.created'
  | 'event.confirmed'
  | 'event.status'
  | 'event.category'
  | 'event.department'
  | 'event.duplicate'
  | 'event.rejected'
  | 'event.not_responsible'
  | 'event.public_note'
  | 'event.reopened'
  | 'event.photo_approved'
  | 'event.measure'
  | 'event.questionnaire'
  | 'duplicateOf'
  | 'support'
  | 'supportSignIn'
  | 'ownReport'
  | 'supportOwn'
  | 'follow'
  | 'unfollow'
  | 'following'
  | 'followSignIn'
  | 'unfollowed'
  | 'answers'
  | 'photoAlt'
  | 'yes'
  | 'no'
  | 'optional'
  | 'thanksReview'
  | 'confirmTitle'
  | 'confirmButton'
  | 'photosAgain'
  | 'lat'
  | 'lon'
  | 'coordsLegend'
  | 'mail.confirmSubject'
  | 'mail.confirmBody'
  | 'mail.departmentSubject'
  | 'mail.departmentBody'
  | 'mail.forwardedSubject'
  | 'mail.forwardedBody'
  | 'limitTitle'
  | 'limitText'
  | 'alreadySentTitle'
  | 'alreadySentText'
  | 'startNewReport'
  | 'err.alreadySent';

export const messages: Catalogue<Key> = {
  // Mails to departments are for staff (German or English).
  staff: ['mail.department*', 'mail.forwarded*'],
  de: {
    'nav.report': 'Problem melden',
    'nav.reports': 'Meldungen',
    report: 'Meldung',
    reportTitle: 'Meldung #{id}: {category}',
    newReport: 'Problem melden',
    newReportIntro: 'Melden Sie Schäden, Müll oder Orte, an denen Sie sich unsicher fühlen. Die Stadt leitet Ihre Meldung an die zuständige Stelle weiter.',
    step1: 'Schritt 1 von 2: Was und wo?',
    step2: 'Schritt 2 von 2: Beschreibung und Kontakt',
    category: 'Worum geht es?',
    categoryHint: 'Wählen Sie die passende Kategorie.',
    location: 'Ort',
    address: 'Ortsbeschreibung',
    addressHint: 'Zum Beispiel „vor Hausnummer 12“ oder „Eingang Westfalenpark, Nähe Spielplatz“.',
    description: 'Was ist los?',
    descriptionHint: 'Beschreiben Sie das Problem so genau wie möglich. Bitte keine persönlichen Daten anderer Menschen.',
    photos: 'Fotos',
    photosHint:
      'Bis zu {max} Fotos (JPEG, PNG oder WebP, je bis {mb} MB, zusammen bis {total} MB). Standortdaten werden entfernt; Fotos erscheinen erst nach Prüfung.',
    name: 'Ihr Name',
    nameHint: 'Nur für die Stadt, außer Sie wählen unten etwas anderes.',
    showName: 'Meinen Namen öffentlich bei der Meldung zeigen',
    email: 'Ihre E-Mail-Adresse',
    emailHint: 'Wir schicken Ihnen einen Link zur Bestätigung und informieren Sie über Änderungen. Die Adresse wird nie veröffentlicht.',
    emailSignedIn: 'Sie sind angemeldet als {email}. Ihre Meldung wird sofort veröffentlicht.',
    send: 'Meldung absenden',
    continue: 'Weiter',
    changeLocation: 'Ort oder Kategorie ändern',
    nearbyTitle: 'Schon gemeldet?',
    nearbyIntro:
      'In der Nähe gibt es offene Meldungen derselben Kategorie. Wenn Ihr Anliegen dabei ist, unterstützen Sie die Meldung, statt eine neue anzulegen.',
    nearbyNone: 'In der Nähe gibt es keine offene Meldung dieser Kategorie.',
    nearbyNoPoint: 'Ohne Punkt auf der Karte können wir nicht prüfen, ob es in der Nähe schon eine offene Meldung gibt.',
    nearbyList: 'Offene Meldungen dieser Kategorie ansehen',
    changeKeeps: 'Was Sie auf dieser Seite eingegeben haben, bleibt erhalten. Nur Fotos müssen Sie danach noch einmal auswählen.',
    draftKept: 'Ihre Beschreibung und Ihre übrigen Angaben aus Schritt 2 bleiben erhalten und erscheinen im nächsten Schritt wieder.',
    meToo: 'Ich auch: unterstützen und informiert bleiben',
    meTooDone: 'Danke! Sie unterstützen diese Meldung und werden über Änderungen informiert.',
    metres: '{m} m entfernt',
    chosenLocation: 'Gewählter Ort: {lat}, {lon}',
    locationApproximate: 'Nur beschrieben: die Stadt ergänzt den genauen Punkt.',
    'err.category': 'Bitte wählen Sie eine Kategorie.',
    'err.location': 'Bitte wählen Sie einen Ort: auf der Karte, über die Adresssuche oder mit einer Beschreibung.',
    'err.locationNoSearch': 'Bitte wählen Sie einen Ort: auf der Karte oder mit einer Beschreibung.',
    'err.outside': 'Dieser Ort liegt außerhalb von {city}. Bitte wählen Sie einen Ort im Stadtgebiet.',
    'err.description': 'Bitte beschreiben Sie das Problem.',
    'err.tooLong': 'Bitte kürzen Sie auf höchstens {max} Zeichen.',
    'err.email': 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.de.',
    'err.emailRequired': 'Bitte geben Sie Ihre E-Mail-Adresse an, damit wir die Meldung bestätigen können – oder melden Sie sich an.',
    'err.photoType': '„{file}“ ist kein JPEG-, PNG- oder WebP-Bild.',
    'err.photoTooLarge': '„{file}“ ist größer als {mb} MB.',
    'err.photoDimensions': '„{file}“ hat zu viele Bildpunkte (höchstens 12.000 × 12.000, 50 Megapixel).',
    'err.photoCorrupt': '„{file}“ ist beschädigt oder unvollständig.',
    'err.photoCount': 'Höchstens {max} Fotos: bitte wählen Sie weniger aus.',
    'err.photosTotal': 'Die Fotos sind zusammen größer als {mb} MB: bitte wählen Sie weniger oder kleinere aus.',
    'err.answer.required': 'Bitte beantworten Sie: {label}',
    'err.answer.number': 'Bitte geben Sie eine Zahl ein: {label}',
    'err.answer.choice': 'Bitte wählen Sie aus der Liste: {label}',
    'err.answer.date': 'Bitte geben Sie ein Datum ein (TT.MM.JJJJ): {label}',
    'err.answer.tooLong': 'Die Antwort ist zu lang: {label}',
    thanksTitle: 'Danke für Ihre Meldung',
    thanksConfirm:
      'Fast geschafft: Wir haben Ihnen eine E-Mail an {email} geschickt. Bitte bestätigen Sie die Meldung mit dem Link darin (gültig 7 Tage). Erst dann wird sie veröffentlicht.',
    thanksPublished: 'Ihre Meldung #{id} ist veröffentlicht und an die zuständige Stelle weitergeleitet.',
    viewReport: 'Meldung ansehen',
    confirmedTitle: 'Meldung bestätigt',
    confirmedText:
      'Danke! Meldung #{id} ist jetzt öffentlich und an die zuständige Stelle weitergeleitet. Sie sind angemeldet und erhalten Nachricht bei Änderungen.',
    'status.unconfirmed': 'Nicht bestätigt',
    'status.new': 'Neu',
    'status.confirmed': 'Angenommen',
    'status.in_progress': 'In Bearbeitung',
    'status.fixed': 'Erledigt',
    'status.closed': 'Geschlossen',
    'status.closed:done': 'Abgeschlossen',
    'status.closed:rejected': 'Abgelehnt',
    'status.closed:duplicate': 'Doppelte Meldung',
    'status.closed:not_responsible': 'Nicht zuständig',
    reportedOn: 'Gemeldet am {date}',
    district: 'Bezirk',
    noDistrict: 'kein Bezirk',
    department: 'Zuständig',
    supporters: '{n, plural, one {# Unterstützer*in} other {# Unterstützer*innen}}',
    timeline: 'Verlauf',
    mapOf: 'Karte: Ort der Meldung',
    reportedBy: 'Gemeldet von {name}',
    'event.created': 'Meldung eingegangen',
    'event.confirmed': 'Meldung bestätigt',
    'event.status': 'Status: {from} → {to}',
    'event.category': 'Kategorie geändert: {to}',
    'event.department': 'An eine andere Stelle weitergeleitet: {to}',
    'event.duplicate': 'Als doppelt markiert: siehe Meldung #{of}',
    'event.rejected': 'Abgelehnt',
    'event.not_responsible': 'Die Stadt ist nicht zuständig. Zuständig ist: {who}',
    'event.public_note': 'Nachricht der Stadt',
    'event.reopened': 'Wieder geöffnet',
    'event.photo_approved': 'Foto veröffentlicht',
    'event.measure': 'Maßnahme',
    'event.questionnaire': 'Rückmeldung der meldenden Person',
    duplicateOf: 'Diese Meldung ist doppelt. Verfolgen Sie Meldung #{id}.',
    support: 'Ich auch – unterstützen',
    supportSignIn: 'Anmelden, um zu unterstützen',
    ownReport: 'Das ist Ihre eigene Meldung. Unterstützen können sie andere, die das Anliegen teilen.',
    supportOwn: 'Ihre eigene Meldung können Sie nicht unterstützen: Die Zahl zeigt, wie viele andere das Anliegen teilen. Es wurde nichts gezählt.',
    follow: 'Über Änderungen informieren',
    unfollow: 'Keine Nachrichten mehr',
    following: 'Sie erhalten Nachrichten zu dieser Meldung.',
    followSignIn: 'Anmelden, um informiert zu bleiben',
    unfollowed: 'Sie erhalten keine Nachrichten mehr zu dieser Meldung.',
    answers: 'Angaben',
    photoAlt: 'Foto {n} zur Meldung',
    yes: 'ja',
    no: 'nein',
    optional: '(freiwillig)',
    thanksReview:
      'Ihre Meldung #{id} ist eingegangen. Orte, an denen man sich unsicher fühlt, prüft die Stadt, bevor sie öffentlich erscheinen; dabei kann sie persönliche Angaben aus dem Text entfernen.',
    confirmTitle: 'Meldung bestätigen',
    confirmButton: 'Meldung jetzt bestätigen',
    photosAgain: 'Aus Sicherheitsgründen kann der Browser gewählte Fotos nicht behalten: bitte wählen Sie sie noch einmal aus.',
    lat: 'Breitengrad, z. B. 51.5136',
    lon: 'Längengrad, z. B. 7.4653',
    coordsLegend: 'Koordinaten (wenn Sie sie kennen)',
    'mail.confirmSubject': 'Bitte bestätigen Sie Ihre Meldung – {city}',
    'mail.confirmBody':
      'Guten Tag,\n\nbitte bestätigen Sie Ihre Meldung „{category}“ mit diesem Link (gültig 7 Tage):\n{link}\n\nErst danach wird sie veröffentlicht und weitergeleitet. Sie haben nichts gemeldet? Dann ignorieren Sie diese E-Mail.\n\n{city}',
    'mail.departmentSubject': 'Neue Meldung #{id}: {category}',
    'mail.departmentBody': 'Neue Meldung #{id} ({category})\n\nOrt: {place}\nBezirk: {district}\n\n{description}\n\nIn der Verwaltung öffnen:\n{link}',
    'mail.forwardedSubject': 'Weitergeleitete Meldung #{id}: {category}',
    'mail.forwardedBody':
      'Die Abteilung {from} hat Ihnen Meldung #{id} ({category}) weitergeleitet.\n\nOrt: {place}\nBezirk: {district}\n\n{description}\n\nIn der Verwaltung öffnen:\n{link}',
    limitTitle: 'Gerade sehr viele Meldungen',
    limitText:
      'Von Ihrem Anschluss oder Konto kamen in der letzten Stunde sehr viele Meldungen oder Fotos. Zum Schutz vor Missbrauch nehmen wir weitere erst in {minutes, plural, one {etwa einer Minute} other {etwa # Minuten}} an. Ihre Eingaben bleiben hier erhalten: Senden Sie das Formular dann einfach noch einmal.',
    alreadySentTitle: 'Dieses Formular wurde schon gesendet',
    alreadySentText:
      'Die Meldung, die Sie zuerst mit diesem Formular gesendet haben, ist eingegangen. Danach kam dasselbe Formular noch einmal mit anderem Inhalt; diese Änderungen haben wir nicht übernommen. Möchten Sie das Folgende als weitere, eigene Meldung senden, senden Sie das Formular unten erneut.',
    startNewReport: 'Oder eine ganz neue Meldung beginnen',
    'err.alreadySent': 'Dieses Formular wurde schon mit anderem Inhalt gesendet; die Änderungen wurden nicht übernommen. Bitte beginnen Sie eine neue Meldung.',
  },
  en: {
    'nav.report': 'Report a problem',
    'nav.reports': 'Reports',
    report: 'Report',
    reportTitle: 'Report #{id}: {category}',
    newReport: 'Report a problem',
    newReportIntro: 'Report damage, litter or places where you feel unsafe. The city forwards your report to whoever is responsible.',
    step1: 'Step 1 of 2: what and where?',
    step2: 'Step 2 of 2: description and contact',
    category: 'What is it about?',
    categoryHint: 'Choose the category that fits.',
    location: 'Location',
    address: 'Description of the place',
    addressHint: 'For example “in front of number 12” or “Westfalenpark entrance, near the playground”.',
    description: 'What is wrong?',
    descriptionHint: 'Describe the problem as precisely as you can. Please no personal data of other people.',
    photos: 'Photos',
    photosHint: 'Up to {max} photos (JPEG, PNG or WebP, up to {mb} MB each, {total} MB together). Location data is removed; photos appear after review.',
    name: 'Your name',
    nameHint: 'Only for the city, unless you choose otherwise below.',
    showName: 'Show my name publicly with the report',
    email: 'Your email address',
    emailHint: 'We send you a link to confirm and tell you about changes. The address is never published.',
    emailSignedIn: 'You are signed in as {email}. Your report is published right away.',
    send: 'Send report',
    continue: 'Continue',
    changeLocation: 'Change place or category',
    nearbyTitle: 'Already reported?',
    nearbyIntro: 'There are open reports of the same category nearby. If yours is among them, support it instead of creating a new one.',
    nearbyNone: 'There is no open report of this category nearby.',
    nearbyNoPoint: 'Without a point on the map we cannot check whether there is already an open report nearby.',
    nearbyList: 'See open reports of this category',
    changeKeeps: 'What you entered on this page is kept. Only photos need to be chosen again afterwards.',
    draftKept: 'Your description and your other details from step 2 are kept and appear again in the next step.',
    meToo: 'Me too: support and stay informed',
    meTooDone: 'Thank you! You support this report and will be told about changes.',
    metres: '{m} m away',
    chosenLocation: 'Chosen place: {lat}, {lon}',
    locationApproximate: 'Described only: the city will add the exact point.',
    'err.category': 'Please choose a category.',
    'err.location': 'Please choose a place: on the map, with the address search or with a description.',
    'err.locationNoSearch': 'Please choose a place: on the map or with a description.',
    'err.outside': 'This place is outside {city}. Please choose a place within the city.',
    'err.description': 'Please describe the problem.',
    'err.tooLong': 'Please shorten this to at most {max} characters.',
    'err.email': 'Please enter a valid email address, e.g. name@example.com.',
    'err.emailRequired': 'Please enter your email address so we can confirm the report – or sign in.',
    'err.photoType': '“{file}” is not a JPEG, PNG or WebP image.',
    'err.photoTooLarge': '“{file}” is larger than {mb} MB.',
    'err.photoDimensions': '“{file}” has too many pixels (at most 12,000 × 12,000, 50 megapixels).',
    'err.photoCorrupt': '“{file}” is damaged or incomplete.',
    'err.photoCount': 'At most {max} photos: please choose fewer.',
    'err.photosTotal': 'The photos together are larger than {mb} MB: please choose fewer or smaller ones.',
    'err.answer.required': 'Please answer: {label}',
    'err.answer.number': 'Please enter a number: {label}',
    'err.answer.choice': 'Please choose from the list: {label}',
    'err.answer.date': 'Please enter a date: {label}',
    'err.answer.tooLong': 'The answer is too long: {label}',
    thanksTitle: 'Thank you for your report',
    thanksConfirm:
      'Almost done: we have sent an email to {email}. Please confirm the report with the link in it (valid for 7 days). Only then is it published.',
    thanksPublished: 'Your report #{id} is published and forwarded to whoever is responsible.',
    viewReport: 'View report',
    confirmedTitle: 'Report confirmed',
    confirmedText: 'Thank you! Report #{id} is now public and forwarded. You are signed in and will be told about changes.',
    'status.unconfirmed': 'Not confirmed',
    'status.new': 'New',
    'status.confirmed': 'Accepted',
    'status.in_progress': 'In progress',
    'status.fixed': 'Fixed',
    'status.closed': 'Closed',
    'status.closed:done': 'Completed',
    'status.closed:rejected': 'Rejected',
    'status.closed:duplicate': 'Duplicate',
    'status.closed:not_responsible': 'Not the city’s responsibility',
    reportedOn: 'Reported on {date}',
    district: 'District',
    noDistrict: 'no district',
    department: 'Responsible',
    supporters: '{n, plural, one {# supporter} other {# supporters}}',
    timeline: 'History',
    mapOf: 'Map: location of the report',
    reportedBy: 'Reported by {name}',
    'event.created': 'Report received',
    'event.confirmed': 'Report confirmed',
    'event.status': 'Status: {from} → {to}',
    'event.category': 'Category changed: {to}',
    'event.department': 'Forwarded to another office: {to}',
    'event.duplicate': 'Marked as duplicate: see report #{of}',
    'event.rejected': 'Rejected',
    'event.not_responsible': 'The city is not responsible. Responsible is: {who}',
    'event.public_note': 'Message from the city',
    'event.reopened': 'Reopened',
    'event.photo_approved': 'Photo published',
    'event.measure': 'Measure',
    'event.questionnaire': 'Feedback from the reporter',
    duplicateOf: 'This report is a duplicate. Follow report #{id}.',
    support: 'Me too – support',
    supportSignIn: 'Sign in to support',
    ownReport: 'This is your own report. Others who share the concern can support it.',
    supportOwn: 'You cannot support your own report: the number shows how many others share the concern. Nothing was counted.',
    follow: 'Tell me about changes',
    unfollow: 'Stop messages',
    following: 'You receive messages about this report.',
    followSignIn: 'Sign in to stay informed',
    unfollowed: 'You will no longer receive messages about this report.',
    answers: 'Details',
    photoAlt: 'Photo {n} of the report',
    yes: 'yes',
    no: 'no',
    optional: '(optional)',
    thanksReview:
      'Your report #{id} has been received. The city reviews places where people feel unsafe before they appear in public, and may remove personal details from the text.',
    confirmTitle: 'Confirm your report',
    confirmButton: 'Confirm report now',
    photosAgain: 'For security, browsers cannot keep chosen photos: please choose them again.',
    lat: 'Latitude, e.g. 51.5136',
    lon: 'Longitude, e.g. 7.4653',
    coordsLegend: 'Coordinates (if you know them)',
    'mail.confirmSubject': 'Please confirm your report – {city}',
    'mail.confirmBody':
      'Hello,\n\nplease confirm your report “{category}” with this link (valid for 7 days):\n{link}\n\nOnly then is it published and forwarded. You did not report anything? Just ignore this email.\n\n{city}',
    'mail.departmentSubject': 'New report #{id}: {category}',
    'mail.departmentBody': 'New report #{id} ({category})\n\nPlace: {place}\nDistrict: {district}\n\n{description}\n\nOpen in the back office:\n{link}',
    'mail.forwardedSubject': 'Report #{id} passed on to you: {category}',
    'mail.forwardedBody':
      'The department {from} passed report #{id} ({category}) on to you.\n\nPlace: {place}\nDistrict: {district}\n\n{description}\n\nOpen in the back office:\n{link}',
    limitTitle: 'A great many reports just now',
    limitText:
      'A great many reports or photos came from your connection or account in the last hour. To prevent abuse we accept more in about {minutes, plural, one {a minute} other {# minutes}}. Your input is kept here: simply send the form again then.',
    alreadySentTitle: 'This form has already been sent',
    alreadySentText:
      'The report you first sent with this form has been received. Then the same form came again with different content; we did not apply those changes. To send the following as another, separate report, send the form below again.',
    startNewReport: 'Or start a completely new report',
    'err.alreadySent': 'This form was already sent with different content; the changes were not applied. Please start a new report.',
  },
  tr,
  ar,
  uk,
  pl,
};
