import type { CategoryKind, QuestionDatatype } from '../db-schema';

export interface SeedQuestion {
  code: string;
  datatype: QuestionDatatype;
  de: string;
  en: string;
  required?: boolean;
  options?: Array<{ key: string; de: string; en: string }>;
}

export interface SeedCategory {
  code: string;
  kind: CategoryKind;
  de: string;
  en: string;
  descDe: string;
  descEn: string;
  department: string;
  questions?: SeedQuestion[];
}

/** Dortmund's demo categories, routed to the departments the programme names. */
export const DEMO_CATEGORIES: SeedCategory[] = [
  {
    code: 'strassenschaden',
    kind: 'defect',
    de: 'Schlagloch oder Straßenschaden',
    en: 'Pothole or road damage',
    descDe: 'Löcher, Risse, lose Gehwegplatten',
    descEn: 'Holes, cracks, loose paving',
    department: 'Tiefbauamt',
    questions: [
      {
        code: 'groesse',
        datatype: 'singlevaluelist',
        de: 'Wie groß ist der Schaden?',
        en: 'How big is the damage?',
        required: true,
        options: [
          { key: 'klein', de: 'kleiner als ein Teller', en: 'smaller than a plate' },
          { key: 'mittel', de: 'etwa so groß wie ein Autoreifen', en: 'about the size of a car tyre' },
          { key: 'gross', de: 'größer', en: 'bigger' },
        ],
      },
    ],
  },
  {
    code: 'strassenbeleuchtung',
    kind: 'defect',
    de: 'Straßenbeleuchtung defekt',
    en: 'Street light broken',
    descDe: 'Laterne dunkel, flackert oder brennt tagsüber',
    descEn: 'Lamp dark, flickering or on during the day',
    department: 'Tiefbauamt',
    questions: [{ code: 'mastnummer', datatype: 'text', de: 'Nummer am Laternenmast', en: 'Number on the lamp post' }],
  },
  {
    code: 'ampel-schild',
    kind: 'defect',
    de: 'Ampel oder Verkehrsschild',
    en: 'Traffic light or sign',
    descDe: 'Ausgefallen, verdreht, verdeckt',
    descEn: 'Out of order, turned, hidden',
    department: 'Tiefbauamt',
  },
  {
    code: 'gruen-baum',
    kind: 'defect',
    de: 'Grünfläche oder Baum',
    en: 'Green space or tree',
    descDe: 'Umgestürzte Äste, ungepflegte Beete, kranke Bäume',
    descEn: 'Fallen branches, neglected beds, sick trees',
    department: 'Grünflächenamt',
  },
  {
    code: 'spielplatz',
    kind: 'defect',
    de: 'Spielplatz',
    en: 'Playground',
    descDe: 'Kaputte Geräte, Glasscherben',
    descEn: 'Broken equipment, broken glass',
    department: 'Grünflächenamt',
  },
  {
    code: 'muell',
    kind: 'litter',
    de: 'Müll oder wilde Kippe (Dreckpetze)',
    en: 'Litter or fly-tipping (Dreckpetze)',
    descDe: 'Illegal abgelegter Müll, volle Papierkörbe',
    descEn: 'Illegally dumped waste, full bins',
    department: 'EDG Entsorgung Dortmund',
    questions: [
      {
        code: 'art',
        datatype: 'multivaluelist',
        de: 'Was liegt dort?',
        en: 'What is there?',
        options: [
          { key: 'sperrmuell', de: 'Sperrmüll', en: 'bulky waste' },
          { key: 'hausmuell', de: 'Hausmüll, Säcke', en: 'household waste, bags' },
          { key: 'gruenschnitt', de: 'Grünschnitt', en: 'garden waste' },
          { key: 'elektro', de: 'Elektrogeräte', en: 'electrical appliances' },
          { key: 'sonstiges', de: 'Sonstiges', en: 'other' },
        ],
      },
    ],
  },
  {
    code: 'graffiti',
    kind: 'defect',
    de: 'Graffiti oder Schmierereien',
    en: 'Graffiti',
    descDe: 'An öffentlichen Gebäuden und Anlagen',
    descEn: 'On public buildings and facilities',
    department: 'Ordnungsamt',
  },
  {
    code: 'angstraum',
    kind: 'angstraum',
    de: 'Angstraum: hier fühle ich mich unsicher',
    en: 'A place where I feel unsafe',
    descDe: 'Dunkle Unterführungen, zugewachsene Wege, verlassene Ecken',
    descEn: 'Dark underpasses, overgrown paths, deserted corners',
    department: 'Stadtplanungs- und Bauordnungsamt',
    questions: [
      {
        code: 'wann',
        datatype: 'multivaluelist',
        de: 'Wann fühlen Sie sich dort unsicher?',
        en: 'When do you feel unsafe there?',
        required: true,
        options: [
          { key: 'tag', de: 'tagsüber', en: 'during the day' },
          { key: 'abend', de: 'abends', en: 'in the evening' },
          { key: 'nacht', de: 'nachts', en: 'at night' },
        ],
      },
      {
        code: 'warum',
        datatype: 'multivaluelist',
        de: 'Warum?',
        en: 'Why?',
        required: true,
        options: [
          { key: 'licht', de: 'schlechte Beleuchtung', en: 'poor lighting' },
          { key: 'gruen', de: 'versteckte Ecken oder zugewachsenes Grün', en: 'hidden corners or overgrown green' },
          { key: 'verwahrlosung', de: 'Verwahrlosung, kaputte Fenster', en: 'neglect, broken windows' },
          { key: 'menschenleer', de: 'niemand in der Nähe', en: 'nobody around' },
          { key: 'gruppen', de: 'Gruppen', en: 'groups' },
          { key: 'verkehr', de: 'Verkehr', en: 'traffic' },
          { key: 'sonstiges', de: 'Sonstiges', en: 'other' },
        ],
      },
    ],
  },
  {
    code: 'immobilie',
    kind: 'defect',
    de: 'Verwahrloste Immobilie',
    en: 'Neglected building',
    descDe: 'Leerstand, Schäden, Gefahr für Passanten',
    descEn: 'Empty, damaged, dangerous to passers-by',
    department: 'Wohnungsaufsicht',
  },
];
