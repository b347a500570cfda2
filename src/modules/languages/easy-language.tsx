import type { Children } from '../../platform/views/render';

// The text of /leichte-sprache: what this site is, what one can do here, how to get help. Written by the rules of
// the Netzwerk Leichte Sprache: short sentences, one statement per sentence, active voice, "Sie", no abbreviations,
// numbers as digits, long words split with a hyphen (Straßen-Lampe), hard words explained where they first appear,
// each sentence on a line of its own. It is German by nature (Leichte Sprache is a form of German); visitors who
// read another language see a note in their language above it. The button and menu names are quoted as the
// German pages show them.

export type EasyBlock =
  | { lines: string[] }
  | { list: string[] }
  | { steps: string[] }
  | { link: { before: string; href: string; text: string } }
  | { email: { before: string; address: string } };

export interface EasySection {
  heading: string;
  /** Smaller sections under the heading. */
  level?: 2 | 3;
  blocks: EasyBlock[];
}

export function easyLanguageText(city: string, email: string | null): EasySection[] {
  return [
    {
      heading: 'Was ist Kümmerer?',
      blocks: [
        {
          lines: [
            'Kümmerer ist eine Internet-Seite.',
            `Die Seite gehört zur ${city}.`,
            'Hier sagen Sie der Stadt: Hier ist etwas kaputt.',
            'Oder: Hier liegt Müll.',
            'Oder: Hier habe ich Angst.',
            'Die Stadt kümmert sich dann darum.',
            'Darum heißt die Seite: Kümmerer.',
          ],
        },
      ],
    },
    { heading: 'Was können Sie hier machen?', blocks: [] },
    {
      heading: 'Etwas melden',
      level: 3,
      blocks: [
        { lines: ['Melden bedeutet: Sie sagen der Stadt Bescheid.', 'Zum Beispiel:'] },
        { list: ['Eine Straßen-Lampe ist kaputt.', 'Im Geh-Weg ist ein Loch.', 'Ein Verkehrs-Schild ist umgefallen.'] },
        { lines: ['So geht das:'] },
        {
          steps: [
            'Klicken Sie oben auf: Problem melden.',
            'Wählen Sie: Was ist los?',
            'Zeigen Sie auf der Karte: Wo ist es?',
            'Schreiben Sie ein paar Sätze dazu.',
            'Sie können auch ein Foto mitschicken.',
            'Klicken Sie auf: Meldung absenden.',
          ],
        },
        { lines: ['Die Stadt bekommt Ihre Meldung.', 'Die richtigen Menschen bei der Stadt kümmern sich darum.'] },
      ],
    },
    {
      heading: 'Müll melden: die Dreck-Petze',
      level: 3,
      blocks: [
        {
          lines: [
            'Die Dreck-Petze ist ein Teil von Kümmerer.',
            'Petze ist ein lustiges Wort.',
            'Eine Petze sagt Bescheid.',
            'Mit der Dreck-Petze melden Sie Müll.',
            'Zum Beispiel: Jemand hat alte Möbel an die Straße gestellt.',
            'Das Melden geht in 2 Schritten.',
          ],
        },
      ],
    },
    {
      heading: 'Orte mit Angst: Angst-Räume',
      level: 3,
      blocks: [
        {
          lines: [
            'Ein Angst-Raum ist ein Ort.',
            'An diesem Ort fühlen sich Menschen unsicher.',
            'Zum Beispiel: Ein Weg ist am Abend sehr dunkel.',
            'Sie können der Stadt solche Orte melden.',
            'Die Stadt prüft den Ort.',
            'Dann macht die Stadt etwas.',
            'Zum Beispiel: Die Stadt stellt eine Lampe auf.',
            'Später fragt die Stadt: Fühlen Sie sich jetzt sicherer?',
          ],
        },
      ],
    },
    {
      heading: 'Meldungen ansehen',
      level: 3,
      blocks: [
        { lines: ['Alle Menschen können die Meldungen lesen.', 'Dafür brauchen Sie kein Konto.', 'Sie sehen bei jeder Meldung:'] },
        { list: ['Was ist los?', 'Wo ist es?', 'Was macht die Stadt?'] },
        { lines: ['Ihre E-Mail-Adresse bleibt geheim.', 'Ihren Namen zeigen wir nur mit Ihrer Erlaubnis.'] },
      ],
    },
    {
      heading: 'Ein Konto',
      level: 3,
      blocks: [
        {
          lines: [
            'Ein Konto ist ein eigener Bereich für Sie.',
            'Dort sehen Sie Ihre Meldungen.',
            'Das Konto kostet nichts.',
            'Sie brauchen dafür nur Ihre E-Mail-Adresse.',
            'Ein Pass-Wort brauchen Sie nicht.',
            'So melden Sie sich an:',
          ],
        },
        {
          steps: [
            'Klicken Sie oben auf: Anmelden.',
            'Schreiben Sie Ihre E-Mail-Adresse in das Feld.',
            'Klicken Sie auf: Anmeldelink senden.',
            'Wir schicken Ihnen eine E-Mail mit einem Link.',
            'Klicken Sie in der E-Mail auf den Link.',
          ],
        },
        {
          lines: [
            'Dann sind Sie angemeldet.',
            'Ein Link ist ein Verweis im Internet.',
            'Sie klicken auf den Link.',
            'Dann öffnet sich eine andere Internet-Seite.',
          ],
        },
      ],
    },
    {
      heading: 'Andere Sprachen',
      level: 3,
      blocks: [
        {
          lines: [
            'Oben auf jeder Seite können Sie die Sprache wählen.',
            'Es gibt diese Sprachen: Deutsch, Englisch, Türkisch, Arabisch, Ukrainisch und Polnisch.',
          ],
        },
      ],
    },
    {
      heading: 'Wer hilft Ihnen?',
      blocks: [
        { lines: ['Sie haben eine Frage?', 'Oder etwas klappt nicht?', 'Dann schreiben Sie der Stadt.'] },
        ...(email ? [{ email: { before: 'Die E-Mail-Adresse ist:', address: email } }] : []),
        { link: { before: 'Sie können uns auch hier schreiben:', href: '/barrierefreiheit#feedback-title', text: 'Rückmeldung zur Barriere-Freiheit' } },
        {
          lines: [
            'Barriere-Freiheit bedeutet: Alle Menschen können die Seite gut benutzen.',
            'Sie können auch andere Menschen um Hilfe bitten.',
            'Zum Beispiel: Ihre Familie oder Ihre Nachbarn.',
          ],
        },
        { link: { before: 'Informationen in Gebärden-Sprache finden Sie hier:', href: '/gebaerdensprache', text: 'Gebärden-Sprache' } },
      ],
    },
  ];
}

/** Each sentence on its own line; lists and numbered steps as lists. */
export function EasyBlocks({ blocks }: { blocks: EasyBlock[] }): Children {
  return blocks.map((block) => {
    if ('lines' in block) return block.lines.map((line) => <p class="k-easy__line">{line}</p>);
    if ('list' in block)
      return (
        <ul class="k-easy__list">
          {block.list.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      );
    if ('steps' in block)
      return (
        <ol class="k-easy__list">
          {block.steps.map((item) => (
            <li>{item}</li>
          ))}
        </ol>
      );
    if ('email' in block)
      return (
        <p class="k-easy__line">
          {block.email.before}{' '}
          <a href={`mailto:${block.email.address}`} dir="ltr">
            {block.email.address}
          </a>
        </p>
      );
    return (
      <p class="k-easy__line">
        {block.link.before} <a href={block.link.href}>{block.link.text}</a>
      </p>
    );
  });
}
