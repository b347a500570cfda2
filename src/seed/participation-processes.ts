import { type EligibilityRules, sanitizeRichText, type TOPICS } from '../modules/participation';
import type { Db } from '../platform/db/connect';
import type { ParticipationSeed } from './participation-seed';

/** The Jugendbudget vote's reference date, in days from the demo's now: the youth letter codes are issued for it. */
export const YOUTH_VOTE_DAY = 16;

// Demo processes (issue 16): five Dortmund processes around `seed.now` — a youth vote running now, a cycling
// consultation taking comments, a square to be redesigned soon, a finished climate process with a phase ended
// early, and a seniors' process between two phases. Bodies are made here if the verification seed did not.

const DAY = 86_400_000;

type Kind = 'information' | 'proposals' | 'comments' | 'supports' | 'vote' | 'survey' | 'events';
interface DemoPhase {
  title: string;
  description: string;
  from: number;
  to: number;
  kinds: Kind[];
  endedEarly?: { daysAgo: number; reason: string };
}
interface DemoProcess {
  title: string;
  summary: string;
  body: string;
  topic: (typeof TOPICS)[number];
  responsible: { department: string } | { body: string };
  districts: string[];
  rules: (ids: { districts: Map<string, number>; bodies: Map<string, number>; day: (offset: number) => string }) => EligibilityRules;
  phases: DemoPhase[];
}

const DISTRICT_NAMES = [
  'Innenstadt-West',
  'Innenstadt-Nord',
  'Innenstadt-Ost',
  'Eving',
  'Scharnhorst',
  'Brackel',
  'Aplerbeck',
  'Hörde',
  'Hombruch',
  'Lütgendortmund',
  'Huckarde',
  'Mengede',
];

const PROCESSES: DemoProcess[] = [
  {
    title: 'Jugendbudget 2027: Wofür sollen 100.000 Euro ausgegeben werden?',
    summary: 'Das Jugendparlament verteilt 100.000 Euro für Projekte junger Menschen. Jetzt wird über die Vorschläge abgestimmt.',
    body: '<p>Das <strong>Jugendparlament Dortmund</strong> hat im Herbst Vorschläge gesammelt: von Graffiti-Wänden über einen Bolzplatz bis zu WLAN in Jugendtreffs.</p><h2>So läuft die Abstimmung</h2><ul><li>Jede Person hat drei Stimmen.</li><li>Abstimmen können junge Menschen von 14 bis 21 Jahren, die in Dortmund wohnen.</li></ul><p>Mehr zum Jugendparlament: <a href="https://www.dortmund.de/">dortmund.de</a></p>',
    topic: 'jugend',
    responsible: { body: 'Jugendparlament Dortmund' },
    districts: [],
    rules: ({ day }) => ({
      propose: { who: 'verified', districtIds: [], ageMin: 14, ageMax: 21, referenceDate: null },
      support: { who: 'signed_in' },
      comment: { who: 'signed_in' },
      vote: { who: 'verified', districtIds: [], ageMin: 14, ageMax: 21, referenceDate: day(YOUTH_VOTE_DAY) },
    }),
    phases: [
      { title: 'Vorschläge sammeln', description: 'Junge Dortmunder*innen reichen Ideen ein.', from: -60, to: -21, kinds: ['proposals', 'comments'] },
      { title: 'Prüfung durch die Verwaltung', description: 'Die Fachämter prüfen Kosten und Machbarkeit.', from: -20, to: -6, kinds: ['information'] },
      { title: 'Abstimmung', description: 'Stimmen Sie für die Projekte, die Ihnen am wichtigsten sind.', from: -5, to: 16, kinds: ['vote', 'information'] },
      {
        title: 'Ergebnis und Umsetzung',
        description: 'Das Jugendparlament stellt die Gewinnerprojekte vor.',
        from: 17,
        to: 200,
        kinds: ['information', 'events'],
      },
    ],
  },
  {
    title: 'Radwall: ein Radweg rund um die City',
    summary: 'Der Wallring soll einen durchgehenden, geschützten Radweg bekommen. Wie soll er an den Kreuzungen aussehen?',
    body: '<p>Der <em>Radwall</em> verbindet die Innenstadtbezirke auf 5,5 Kilometern. Das Tiefbauamt stellt drei Varianten für die Kreuzungen vor.</p><h2>Was wir von Ihnen wissen möchten</h2><ol><li>Wo fühlen Sie sich heute unsicher?</li><li>Welche Variante ist für Sie am besten?</li></ol>',
    topic: 'verkehr',
    responsible: { department: 'Tiefbauamt' },
    districts: ['Innenstadt-West', 'Innenstadt-Nord', 'Innenstadt-Ost'],
    rules: ({ districts }) => ({
      propose: { who: 'signed_in' },
      support: { who: 'signed_in' },
      comment: { who: 'anyone' },
      vote: {
        who: 'verified',
        districtIds: ['Innenstadt-West', 'Innenstadt-Nord', 'Innenstadt-Ost'].map((n) => districts.get(n)!),
        ageMin: 16,
        ageMax: null,
        referenceDate: null,
      },
    }),
    phases: [
      { title: 'Auftakt und Information', description: 'Vorstellung der drei Varianten im Rathaus.', from: -30, to: -15, kinds: ['information', 'events'] },
      {
        title: 'Online-Beteiligung',
        description: 'Kommentieren Sie die Varianten und unterstützen Sie gute Hinweise.',
        from: -14,
        to: 21,
        kinds: ['comments', 'supports', 'survey'],
      },
      { title: 'Entscheidung im Rat', description: 'Der Rat entscheidet über die Variante.', from: 60, to: 90, kinds: ['information'] },
    ],
  },
  {
    title: 'Neugestaltung des Nordmarkts',
    summary: 'Der Nordmarkt soll grüner und sicherer werden. Ab nächsten Monat können Sie Vorschläge machen.',
    body: '<p>Der Nordmarkt ist der Treffpunkt der Nordstadt. Gemeinsam mit Anwohner*innen plant die Stadt mehr Bäume, Licht und Sitzplätze.</p><blockquote>„Ein Platz für alle Generationen.“</blockquote>',
    topic: 'stadtplanung',
    responsible: { department: 'Stadtplanungs- und Bauordnungsamt' },
    districts: ['Innenstadt-Nord'],
    rules: ({ districts }) => ({
      propose: { who: 'verified', districtIds: [districts.get('Innenstadt-Nord')!], ageMin: null, ageMax: null, referenceDate: null },
      support: { who: 'signed_in' },
      comment: { who: 'signed_in' },
    }),
    phases: [
      { title: 'Vorschläge für den Platz', description: 'Was fehlt Ihnen auf dem Nordmarkt?', from: 20, to: 60, kinds: ['proposals', 'comments', 'supports'] },
      { title: 'Planungswerkstatt', description: 'Workshops vor Ort mit den Planer*innen.', from: 75, to: 90, kinds: ['events'] },
    ],
  },
  {
    title: 'Schattenplätze in Hörde: Klimaanpassung im Quartier',
    summary: 'Wo braucht Hörde im Sommer mehr Schatten und Trinkbrunnen? Die Beteiligung ist abgeschlossen; die Ergebnisse liegen vor.',
    body: '<p>Rund 400 Hinweise sind eingegangen. Das Grünflächenamt pflanzt 2027 die ersten 60 Bäume am Phoenix-See und in der Hörder Innenstadt.</p>',
    topic: 'umwelt',
    responsible: { department: 'Grünflächenamt' },
    districts: ['Hörde'],
    rules: () => ({ propose: { who: 'anyone' }, comment: { who: 'anyone' }, support: { who: 'signed_in' } }),
    phases: [
      { title: 'Hinweise sammeln', description: 'Markieren Sie heiße Orte ohne Schatten.', from: -150, to: -90, kinds: ['proposals', 'comments', 'supports'] },
      {
        title: 'Spaziergänge vor Ort',
        description: 'Gemeinsame Begehungen mit dem Grünflächenamt.',
        from: -80,
        to: -50,
        kinds: ['events'],
        endedEarly: { daysAgo: 65, reason: 'Alle Termine waren ausgebucht; die übrigen Begehungen entfallen wegen Bauarbeiten am Phoenix-See.' },
      },
    ],
  },
  {
    title: 'Bänke zum Ausruhen: seniorenfreundliche Wege in Hombruch und Aplerbeck',
    summary: 'Der Seniorenbeirat sammelt, wo auf Alltagswegen Bänke fehlen. Die erste Runde ist vorbei, die zweite beginnt bald.',
    body: '<p>Wer nicht weit gehen kann, braucht alle 200 Meter eine Sitzgelegenheit. Der <strong>Seniorenbeirat</strong> sammelt Orte und bringt sie in die Bezirksvertretungen.</p>',
    topic: 'senioren',
    responsible: { body: 'Seniorenbeirat Dortmund' },
    districts: ['Hombruch', 'Aplerbeck'],
    rules: ({ districts, bodies }) => ({
      propose: { who: 'verified', districtIds: ['Hombruch', 'Aplerbeck'].map((n) => districts.get(n)!), ageMin: 60, ageMax: null, referenceDate: null },
      support: { who: 'signed_in' },
      comment: { who: 'body_member', bodyId: bodies.get('Seniorenbeirat Dortmund')! },
    }),
    phases: [
      { title: 'Erste Runde: Orte melden', description: 'Melden Sie Wege, auf denen Bänke fehlen.', from: -40, to: -3, kinds: ['proposals', 'supports'] },
      { title: 'Zweite Runde: Orte gewichten', description: 'Welche Orte sind am dringendsten?', from: 10, to: 40, kinds: ['supports', 'comments', 'survey'] },
    ],
  },
];

/** Demo data of this feature (issue 16); called by seedDemo after the reports. */
export async function seedProcesses(db: Db, seed: ParticipationSeed): Promise<void> {
  const org = seed.organizationId;
  // The bodies may exist already (the verification seed); the unique name makes this a no-op then.
  await db
    .insertInto('participation_bodies')
    .values([
      { organization_id: org, kind: 'youth_parliament', name: 'Jugendparlament Dortmund' },
      { organization_id: org, kind: 'seniors_council', name: 'Seniorenbeirat Dortmund' },
    ])
    .onConflict((oc) => oc.columns(['organization_id', 'name']).doNothing())
    .execute();
  const bodies = new Map(
    (await db.selectFrom('participation_bodies').select(['id', 'name']).where('organization_id', '=', org).execute()).map((b) => [b.name, b.id]),
  );
  const districts = new Map(DISTRICT_NAMES.flatMap((name, i) => (seed.districtIds[i] === undefined ? [] : [[name, seed.districtIds[i]] as const])));
  const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
  const day = (offset: number) => berlin.format(new Date(seed.now + offset * DAY));
  for (const [i, p] of PROCESSES.entries()) {
    const responsible =
      'department' in p.responsible
        ? { department_id: seed.departments.get(p.responsible.department) ?? null, body_id: null }
        : { department_id: null, body_id: bodies.get(p.responsible.body) ?? null };
    if (responsible.department_id === null && responsible.body_id === null) continue;
    // Older processes were changed longer ago, so the list's order (newest change first) is stable.
    const changed = new Date(seed.now - (i + 1) * 3 * DAY);
    const { id } = await db
      .insertInto('participation_processes')
      .values({
        organization_id: org,
        title: p.title,
        summary: p.summary,
        body_html: sanitizeRichText(p.body),
        topic: p.topic,
        ...responsible,
        rules: JSON.stringify(p.rules({ districts, bodies, day })),
        published: true,
        created_by: seed.adminId,
        created_at: new Date(seed.now - 200 * DAY),
        updated_at: changed,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const areaIds = p.districts.flatMap((n) => (districts.has(n) ? [districts.get(n)!] : []));
    if (areaIds.length > 0) {
      await db
        .insertInto('participation_process_districts')
        .values(areaIds.map((district_id) => ({ organization_id: org, process_id: id, district_id })))
        .execute();
    }
    for (const ph of p.phases) {
      await db
        .insertInto('participation_phases')
        .values({
          organization_id: org,
          process_id: id,
          title: ph.title,
          description: ph.description,
          starts_on: day(ph.from),
          ends_on: day(ph.to),
          kinds: ph.kinds,
          ended_early_at: ph.endedEarly ? new Date(seed.now - ph.endedEarly.daysAgo * DAY) : null,
          ended_early_by: ph.endedEarly ? seed.adminId : null,
          ended_early_reason: ph.endedEarly?.reason ?? null,
        })
        .execute();
    }
  }
  // A draft, which no resident sees.
  const draftDepartment = seed.departments.get('Grünflächenamt');
  if (draftDepartment === undefined) return;
  await db
    .insertInto('participation_processes')
    .values({
      organization_id: org,
      title: 'Entwurf: Sportstätten-Entwicklungsplan',
      summary: 'Noch nicht veröffentlicht.',
      topic: 'sport',
      department_id: draftDepartment,
      body_id: null,
      rules: '{}',
      created_by: seed.adminId,
    })
    .execute();
}
