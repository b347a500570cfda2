// German texts for the demo reports: invented, plausible; street names are real Dortmund streets, places
// and numbers are made up.

export const STREETS: Record<string, string[]> = {
  'Innenstadt-West': ['Kreuzstraße', 'Lindemannstraße', 'Möllerstraße', 'Rheinische Straße', 'Westenhellweg', 'Hiltropwall', 'Sonnenstraße', 'Arneckestraße', 'Hohe Straße', 'Große Heimstraße', 'Kaiser-Wilhelm-Allee', 'Wilhelmplatz'],
  'Innenstadt-Nord': ['Münsterstraße', 'Mallinckrodtstraße', 'Schützenstraße', 'Bornstraße', 'Leopoldstraße', 'Nordmarkt', 'Steinstraße', 'Heroldstraße', 'Uhlandstraße', 'Immermannstraße', 'Clausthaler Straße'],
  'Innenstadt-Ost': ['Kaiserstraße', 'Gutenbergstraße', 'Prinz-Friedrich-Karl-Straße', 'Ruhrallee', 'Hamburger Straße', 'Westfalendamm', 'Körner Hellweg', 'Sckellstraße', 'Lippestraße', 'Markgrafenstraße'],
  Eving: ['Evinger Straße', 'Deutsche Straße', 'Bergstraße', 'Kemminghauser Straße', 'Grävingholzstraße', 'Preußische Straße', 'Holthauser Straße', 'Süggelweg'],
  Scharnhorst: ['Gleiwitzstraße', 'Droote', 'Flughafenstraße', 'Buschei', 'Kirchderner Straße', 'Mackenrothweg', 'Husener Straße', 'Lanstroper Straße'],
  Brackel: ['Brackeler Hellweg', 'Oesterstraße', 'Asselner Hellweg', 'Wambeler Hellweg', 'Flughafenstraße', 'Leni-Rommel-Straße', 'Hohenbuschei', 'Brackeler Straße'],
  Aplerbeck: ['Köln-Berliner Straße', 'Aplerbecker Marktplatz', 'Schüruferstraße', 'Ruinenstraße', 'Rodenbergstraße', 'Aplerbecker Straße', 'Sölder Straße', 'Berghofer Straße'],
  Hörde: ['Hermannstraße', 'Faßstraße', 'Hörder Bahnhofstraße', 'Benninghofer Straße', 'Wellinghofer Straße', 'Seekante', 'Alfred-Trappen-Straße', 'Niederhofener Straße'],
  Hombruch: ['Harkortstraße', 'Stockumer Straße', 'Baroper Straße', 'Hagener Straße', 'Am Hombruchsfeld', 'Eichlinghofer Straße', 'Kirchhörder Straße', 'Zillestraße'],
  Lütgendortmund: ['Limbecker Straße', 'Provinzialstraße', 'Lütgendortmunder Hellweg', 'Bövinghauser Straße', 'Volksgartenstraße', 'Werner Straße', 'Martener Straße', 'Westricher Straße'],
  Huckarde: ['Parsevalstraße', 'Urbanusstraße', 'Roßbachstraße', 'Huckarder Straße', 'Rahmer Straße', 'Emscherallee', 'Mailoh', 'Deusener Straße'],
  Mengede: ['Mengeder Markt', 'Am Amtshaus', 'Strünkedestraße', 'Williburgstraße', 'Bodelschwingher Straße', 'Siegenstraße', 'Mengeder Straße', 'Schaphusstraße'],
};

export const ADDRESS_FORMS = [
  (s: string, n: number) => `${s} ${n}`,
  (s: string, n: number) => `${s}, vor Hausnummer ${n}`,
  (s: string, n: number) => `${s}, gegenüber Nr. ${n}`,
  (s: string, _n: number, s2: string) => `Ecke ${s} / ${s2}`,
  (s: string) => `${s}, an der Bushaltestelle`,
  (s: string, n: number) => `${s} ${n}, Einfahrt Hinterhof`,
] as const;

/** Descriptions per category code; {street} is filled in. */
export const DESCRIPTIONS: Record<string, string[]> = {
  strassenschaden: [
    'Großes Schlagloch mitten auf der Fahrbahn, bestimmt 10 cm tief. Radfahrer müssen in den Gegenverkehr ausweichen.',
    'Auf dem Gehweg sind mehrere Platten lose und kippeln. Ich bin heute fast gestolpert, mit Rollator kommt man hier kaum vorbei.',
    'Nach dem Frost ist der Asphalt an der Bordsteinkante aufgebrochen. Das Loch wird jede Woche größer.',
    'Der Gullydeckel ist abgesackt und schlägt laut, wenn Autos drüberfahren. Nachts hört man das im ganzen Haus.',
    'Tiefe Spurrillen vor der Ampel, bei Regen steht dort das Wasser knöcheltief.',
    'Der Radweg ist durch Baumwurzeln stark aufgewölbt. Im Dunkeln sieht man die Kante nicht.',
    'Mehrere Schlaglöcher hintereinander auf dem Stück zwischen den Einmündungen. Eines davon ist mit Schotter notdürftig gefüllt, der jetzt überall herumliegt.',
    'Die Absenkung am Zebrastreifen ist kaputt, mit Kinderwagen oder Rollstuhl bleibt man hängen.',
  ],
  strassenbeleuchtung: [
    'Die Laterne vor dem Haus ist seit über einer Woche dunkel. Der ganze Abschnitt ist abends stockfinster.',
    'Straßenlaterne flackert die ganze Nacht, an und aus im Sekundentakt.',
    'Zwei Laternen hintereinander sind aus. Auf dem Fußweg zur Haltestelle sieht man nichts mehr.',
    'Die Lampe brennt auch tagsüber, seit mehreren Tagen.',
    'Der Leuchtenkopf hängt schief und wackelt bei Wind. Sieht aus, als könnte er herunterfallen.',
    'Die Beleuchtung im Durchgang zum Parkplatz funktioniert nicht mehr.',
  ],
  'ampel-schild': [
    'Die Fußgängerampel zeigt für beide Richtungen dauerhaft Rot, der Taster reagiert nicht.',
    'Das Stoppschild ist verdreht und zeigt in die falsche Richtung.',
    'Verkehrsschild „Tempo 30“ ist komplett von einer Hecke zugewachsen.',
    'Das Blindensignal an der Ampel ist ausgefallen, es tickt nicht mehr.',
    'Ein Verkehrsschild wurde umgefahren und liegt seit Tagen am Straßenrand.',
    'Die Ampel schaltet für Radfahrer so kurz Grün, dass man es kaum über die Kreuzung schafft.',
  ],
  'gruen-baum': [
    'Ein großer Ast ist abgebrochen und hängt nur noch an einem Stück Rinde über dem Gehweg.',
    'Die Hecke wächst so weit auf den Gehweg, dass man mit Kinderwagen auf die Straße muss.',
    'Der Baum vor Hausnummer {n} hat einen tiefen Riss im Stamm und Pilze am Fuß. Bitte einmal prüfen.',
    'Das Beet an der Verkehrsinsel ist völlig verwildert, man sieht die Autos beim Abbiegen nicht mehr.',
    'Nach dem Sturm liegt ein umgestürzter Baum quer über dem Fußweg im Grünzug.',
    'Die Bank im Park ist von Brennnesseln und Brombeeren zugewachsen.',
  ],
  spielplatz: [
    'Auf dem Spielplatz liegen viele Glasscherben im Sandkasten.',
    'Die Schaukel hat eine gerissene Kette, die Kinder benutzen sie trotzdem.',
    'Am Klettergerüst steht eine Schraube weit heraus, daran haben sich schon Kinder verletzt.',
    'Das Tor zum Spielplatz schließt nicht mehr, Hunde laufen frei herum.',
    'Die Rutsche hat einen Riss im Kunststoff mit scharfen Kanten.',
    'Der Fallschutz unter dem Spielturm ist weggespült, darunter ist nur noch harter Boden.',
  ],
  muell: [
    'Hier wurde Sperrmüll abgeladen: ein altes Sofa, Matratzen und mehrere Säcke.',
    'Seit Tagen stehen volle Müllsäcke am Straßenrand, inzwischen aufgerissen von Tieren.',
    'Jemand hat Bauschutt und Farbeimer neben den Glascontainern entsorgt.',
    'Der Papierkorb an der Haltestelle quillt über, der Müll weht über die ganze Straße.',
    'Ein alter Kühlschrank und ein Fernseher stehen seit einer Woche auf dem Gehweg.',
    'Am Waldrand liegt ein großer Haufen Grünschnitt und dazwischen Plastikmüll.',
    'Rund um die Altkleidercontainer liegen Säcke und Schuhe verstreut.',
    'Einkaufswagen und Müll im Bachlauf hinter dem Spielplatz.',
  ],
  graffiti: [
    'Die Wand der Unterführung ist frisch mit großen Schriftzügen besprüht.',
    'Graffiti auf dem Stromkasten und am Wartehäuschen der Haltestelle.',
    'Beleidigende Schmiererei an der Schulmauer, gut sichtbar für die Kinder.',
    'Die frisch gestrichene Brücke ist schon wieder beschmiert.',
    'Mehrere Verkehrsschilder sind mit Aufklebern und Farbe unleserlich gemacht.',
  ],
  angstraum: [
    'Die Unterführung ist nachts komplett dunkel und riecht nach Urin. Ich gehe dort abends nicht mehr durch.',
    'Der Weg durch den Grünzug ist links und rechts zugewachsen, man sieht niemanden kommen.',
    'An der Haltestelle hinter dem Bahnhof ist abends kein Mensch, die Beleuchtung ist schwach und die Ecke nicht einsehbar.',
    'Der Durchgang zwischen den Häusern ist eng, verwinkelt und unbeleuchtet.',
    'Das leerstehende Gebäude am Parkplatz wirkt verwahrlost, Fenster sind eingeschlagen, abends halten sich dort Gruppen auf.',
    'Der Fuß- und Radweg am Kanal hat auf einem langen Stück keine einzige Laterne.',
  ],
  immobilie: [
    'Das Haus steht seit Jahren leer, Dachziegel fallen auf den Gehweg.',
    'Bei dem leerstehenden Ladenlokal sind die Scheiben eingeschlagen, innen liegt Müll.',
    'Der Balkon im zweiten Stock hängt sichtbar durch, darunter ist der Eingang zum Bäcker.',
    'Verwahrlostes Grundstück mit eingestürztem Zaun, Kinder spielen dort in der Ruine.',
    'Die Fassade bröckelt, große Putzstücke liegen auf dem Gehweg.',
  ],
};

export const PUBLIC_NOTES: Record<string, string[]> = {
  strassenschaden: ['Die Stelle wurde begutachtet. Eine provisorische Reparatur erfolgt in den nächsten Tagen, die dauerhafte Sanierung ist für das Frühjahr geplant.', 'Wir haben eine Fachfirma beauftragt. Bis dahin ist die Stelle abgesichert.', 'Die Gehwegplatten werden diese Woche neu verlegt.'],
  strassenbeleuchtung: ['Der Störungsdienst ist informiert; defekte Leuchten werden in der Regel innerhalb von zwei Wochen getauscht.', 'Das Leuchtmittel wurde getauscht. Falls die Laterne wieder ausfällt, melden Sie sich bitte erneut.', 'Es liegt ein Kabelschaden vor. Die Reparatur braucht eine Tiefbaugenehmigung und dauert etwas länger.'],
  'ampel-schild': ['Die Signalanlage wurde geprüft und ein defektes Steuergerät ersetzt.', 'Das Schild wird bei der nächsten Tour des Bauhofs wieder ausgerichtet.', 'Der Rückschnitt der Hecke ist beauftragt.'],
  'gruen-baum': ['Die Baumkontrolle war vor Ort. Der Ast wird entfernt, der Baum bleibt erhalten.', 'Der Rückschnitt ist für die nächste Pflegerunde eingeplant (nach der Brutzeit ab Oktober).', 'Der umgestürzte Baum wurde beseitigt.'],
  spielplatz: ['Der Spielplatz wurde gereinigt und das Gerät gesperrt, bis ein Ersatzteil da ist.', 'Die Kette wurde erneuert.', 'Der Fallschutz wird im Zuge der Spielplatzsanierung erneuert.'],
  muell: ['Die EDG holt den Müll in den nächsten Tagen ab. Danke für den Hinweis!', 'Der Sperrmüll wurde abgeholt. Das Ordnungsamt prüft, wer ihn abgestellt hat.', 'Wir haben die Leerung des Papierkorbs an dieser Stelle erhöht.'],
  graffiti: ['Die Reinigung ist beauftragt. Beleidigende Schmierereien entfernen wir vorrangig.', 'Die Fläche wurde gereinigt und mit einem Schutzanstrich versehen.'],
  angstraum: ['Danke für den Hinweis. Wir prüfen mit dem Tiefbauamt eine zusätzliche Beleuchtung.', 'Der Rückschnitt des Grüns entlang des Weges ist beauftragt, damit der Weg besser einsehbar ist.', 'Der Ort wird in die Begehung „Sichere Wege“ mit dem Seniorenbeirat aufgenommen.'],
  immobilie: ['Die Wohnungsaufsicht hat den Eigentümer angeschrieben und eine Frist zur Sicherung gesetzt.', 'Der Gehweg wurde vorsorglich abgesperrt. Die Bauordnung ist eingeschaltet.'],
};

export const INTERNAL_NOTES = [
  'Ortstermin mit dem Bezirksdienst vereinbart.',
  'An die Kolonne Nord weitergegeben, Auftrag im Fachverfahren angelegt.',
  'Zuständigkeit geklärt: Bereich gehört zum Straßenunterhalt, nicht zum Grünflächenamt.',
  'Foto geprüft, Gesichter sind nicht zu erkennen.',
  'Ähnliche Meldung aus dem Vorjahr, Reparatur damals nur provisorisch.',
  'Material bestellt, Lieferzeit ca. zwei Wochen.',
  'Rückfrage bei der Polizei: keine weiteren Vorfälle bekannt.',
];

export const REJECT_REASONS = [
  'Das ist kein Schaden im Sinne der Verkehrssicherung; die Fläche wird beim nächsten regulären Termin gepflegt.',
  'Vor Ort konnten wir kein Problem feststellen.',
  'Der Zustand entspricht der Planung (gewollte Wildblumenwiese).',
];

export const NOT_RESPONSIBLE = [
  ['Deutsche Bahn AG', 'Die Fläche gehört zum Bahngelände. Wir haben die Deutsche Bahn informiert.'],
  ['Straßen.NRW', 'Die Straße ist eine Bundesstraße in der Baulast des Landesbetriebs Straßen.NRW. Wir haben die Meldung weitergegeben.'],
  ['Emschergenossenschaft', 'Der Bachlauf wird von der Emschergenossenschaft unterhalten.'],
  ['Eigentümer (Privatgrundstück)', 'Das Grundstück ist privat. Wir haben den Eigentümer auf seine Pflichten hingewiesen.'],
] as const;

export const DUPLICATE_NOTES = ['Diese Stelle ist schon gemeldet. Bitte verfolgen Sie die ältere Meldung.', 'Doppelt gemeldet – wir kümmern uns in der anderen Meldung darum.'];

export const NO_COMMENTS = [
  'Vor Ort sieht es genauso aus wie vorher.',
  'Es wurde nur ein Teil erledigt, der Rest ist noch da.',
  'Nach zwei Wochen war es wieder wie vorher.',
  'Die Stelle wurde nur provisorisch hergerichtet und ist schon wieder kaputt.',
  'Ich kann keine Veränderung erkennen.',
  '',
]

export const FIRST_NAMES = ['Anna', 'Lukas', 'Fatma', 'Jonas', 'Marie', 'Mehmet', 'Sophie', 'Paul', 'Elif', 'Tim', 'Laura', 'Deniz', 'Katrin', 'Stefan', 'Olga', 'Hans', 'Ewa', 'Niklas', 'Aylin', 'Jürgen'];
export const LAST_NAMES = ['Schmidt', 'Yılmaz', 'Müller', 'Kowalski', 'Becker', 'Schulte', 'Demir', 'Hoffmann', 'Wagner', 'Kaya', 'Krüger', 'Nowak', 'Bergmann', 'Schäfer', 'Öztürk', 'Hartmann'];
