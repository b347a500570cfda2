import type { Db } from '../platform/db/connect';
import { areaContains } from '../platform/geo/geojson';
import { STADTBEZIRKE } from './districts';
import type { ParticipationSeed } from './participation-seed';
import { createRng } from './prng';

// Demo ideas (issue 16): twenty Dortmund ideas around `seed.now` in every state — fresh ones gathering supports,
// one that reached the threshold and waits (answer due), one overdue, one answered in time and accepted, one
// implemented, one rejected with reasons, and a duplicate merged into its twin. Supports come from demo resident
// accounts (…@demo.invalid, never mailed). A few ideas carry residents' comments, a reply and one official answer
// (seedIdeaComments), written the way the comments core stores them.

const DAY = 86_400_000;
const SEED = 1616;
const RESIDENTS = 80;

type Status = 'submitted' | 'reviewing' | 'accepted' | 'implemented' | 'rejected';
interface DemoIdea {
  title: string;
  description: string;
  topic: string;
  /** Index into STADTBEZIRKE, or null for the whole city. */
  district: number | null;
  /** Put a point near the district's centre. */
  place: boolean;
  ageDays: number;
  supports: number;
  status: Status;
  /** Threshold reached this many days ago (answer due six weeks later). */
  reachedDaysAgo?: number;
  answer?: { daysAgo: number; text: string };
  reason?: string;
  department?: string;
}

const IDEAS: DemoIdea[] = [
  {
    title: 'Trinkbrunnen im Westpark',
    description:
      'Im Sommer gibt es im Westpark kein frei zugängliches Trinkwasser. Ein Trinkbrunnen am Spielplatz würde Kindern, Joggerinnen und älteren Menschen helfen.',
    topic: 'gruen',
    district: 0,
    place: true,
    ageDays: 4,
    supports: 12,
    status: 'submitted',
  },
  {
    title: 'Fahrradstraße Kreuzstraße bis zum Stadtgarten',
    description:
      'Viele Schülerinnen und Schüler fahren hier mit dem Rad. Eine Fahrradstraße mit Vorrang für Räder würde den Weg zum Stadtgarten sicherer machen.',
    topic: 'verkehr',
    district: 0,
    place: true,
    ageDays: 60,
    supports: 58,
    status: 'reviewing',
    reachedDaysAgo: 20,
    department: 'Tiefbauamt',
  },
  {
    title: 'Mehr Bänke am Phoenix-See',
    description: 'Rund um den See gibt es lange Strecken ohne Sitzgelegenheit. Alle 300 Meter eine Bank mit Lehne wäre für ältere Menschen eine große Hilfe.',
    topic: 'gruen',
    district: 7,
    place: true,
    ageDays: 120,
    supports: 64,
    status: 'accepted',
    reachedDaysAgo: 100,
    answer: {
      daysAgo: 75,
      text: 'Vielen Dank für die Idee. Das Grünflächenamt stellt im Frühjahr zwölf zusätzliche Bänke mit Lehne am Nord- und Südufer auf. Die Standorte stimmen wir mit dem Seniorenbeirat ab.',
    },
    department: 'Grünflächenamt',
  },
  {
    title: 'Öffentliche Toilette am Nordmarkt',
    description: 'Am Nordmarkt fehlt eine öffentliche, barrierefreie Toilette. Besonders an Markttagen wäre sie dringend nötig.',
    topic: 'soziales',
    district: 1,
    place: true,
    ageDays: 70,
    supports: 71,
    status: 'submitted',
    reachedDaysAgo: 54,
  },
  {
    title: 'Bücherschrank in Eving',
    description: 'Ein offener Bücherschrank am Evinger Markt, in dem Nachbarinnen und Nachbarn Bücher tauschen können.',
    topic: 'kultur',
    district: 3,
    place: true,
    ageDays: 300,
    supports: 52,
    status: 'implemented',
    reachedDaysAgo: 280,
    answer: { daysAgo: 260, text: 'Der Bücherschrank wurde gemeinsam mit dem Bürgerverein aufgestellt und wird von Ehrenamtlichen betreut.' },
    department: 'Stadtplanungs- und Bauordnungsamt',
  },
  {
    title: 'Tempo 30 vor allen Grundschulen',
    description: 'Vor einigen Grundschulen gilt noch Tempo 50. Einheitlich Tempo 30 vor allen Schulen würde die Schulwege sicherer machen.',
    topic: 'verkehr',
    district: null,
    place: false,
    ageDays: 200,
    supports: 66,
    status: 'rejected',
    reachedDaysAgo: 180,
    answer: {
      daysAgo: 150,
      text: 'Tempo 30 vor Schulen an Hauptstraßen ist nach geltendem Straßenverkehrsrecht nur im Einzelfall möglich. Wir prüfen jede Schule einzeln und haben an sieben Schulen bereits Tempo 30 angeordnet.',
    },
    reason: 'Eine flächendeckende Anordnung ist rechtlich nicht zulässig; die Einzelprüfung läuft.',
    department: 'Tiefbauamt',
  },
  {
    title: 'Urban Gardening auf dem Parkplatz an der Münsterstraße',
    description: 'Ein Teil des selten genutzten Parkplatzes könnte für Hochbeete der Nachbarschaft genutzt werden.',
    topic: 'gruen',
    district: 1,
    place: true,
    ageDays: 18,
    supports: 21,
    status: 'submitted',
  },
  {
    title: 'Skateanlage in Scharnhorst',
    description: 'Jugendliche in Scharnhorst haben keinen Ort zum Skaten. Eine kleine Anlage am Jugendzentrum wäre ideal.',
    topic: 'spielen',
    district: 4,
    place: true,
    ageDays: 33,
    supports: 38,
    status: 'submitted',
  },
  {
    title: 'Beleuchtung auf dem Weg zur S-Bahn Brackel',
    description: 'Der Fußweg vom Wohngebiet zur S-Bahn ist abends stockdunkel. Mehr Laternen würden ihn sicherer machen.',
    topic: 'sauberkeit',
    district: 5,
    place: true,
    ageDays: 9,
    supports: 17,
    status: 'submitted',
  },
  {
    title: 'Wochenmarkt am Samstagnachmittag in Aplerbeck',
    description: 'Ein zusätzlicher Markttermin am Samstagnachmittag, damit auch Berufstätige frisch einkaufen können.',
    topic: 'wirtschaft',
    district: 6,
    place: false,
    ageDays: 45,
    supports: 14,
    status: 'submitted',
  },
  {
    title: 'Online-Terminbuchung für alle Bürgerämter',
    description: 'Termine im Bürgeramt sollten überall online buchbar sein, auch kurzfristig frei gewordene.',
    topic: 'digitales',
    district: null,
    place: false,
    ageDays: 25,
    supports: 29,
    status: 'reviewing',
    department: 'Ordnungsamt',
  },
  {
    title: 'Hundewiese im Fredenbaumpark',
    description: 'Ein eingezäunter Bereich, in dem Hunde frei laufen dürfen, würde Konflikte im Park verringern.',
    topic: 'gruen',
    district: 1,
    place: true,
    ageDays: 80,
    supports: 33,
    status: 'submitted',
  },
  {
    title: 'Nachbarschaftscafé im leerstehenden Ladenlokal',
    description: 'Im leerstehenden Laden an der Hörder Semerteichstraße könnte ein Nachbarschaftscafé entstehen.',
    topic: 'soziales',
    district: 7,
    place: true,
    ageDays: 12,
    supports: 9,
    status: 'submitted',
  },
  {
    title: 'Sichere Abstellanlagen für Lastenräder',
    description: 'An Bahnhöfen fehlen abschließbare Plätze für Lastenräder.',
    topic: 'verkehr',
    district: null,
    place: false,
    ageDays: 2,
    supports: 3,
    status: 'submitted',
  },
  {
    title: 'Spielplatz in Hombruch beschatten',
    description: 'Der Spielplatz an der Harkortstraße hat keinen Schatten. Sonnensegel oder Bäume würden ihn im Sommer nutzbar machen.',
    topic: 'spielen',
    district: 8,
    place: true,
    ageDays: 50,
    supports: 41,
    status: 'submitted',
  },
  {
    title: 'Mehr Mülleimer am Dortmund-Ems-Kanal',
    description: 'Entlang des Kanals in Huckarde fehlen Mülleimer; der Müll landet im Gebüsch.',
    topic: 'sauberkeit',
    district: 10,
    place: true,
    ageDays: 21,
    supports: 19,
    status: 'submitted',
  },
  {
    title: 'Kulturabende im Mengeder Amtshaus',
    description: 'Lesungen und kleine Konzerte im Amtshaus, organisiert mit Vereinen aus dem Stadtteil.',
    topic: 'kultur',
    district: 11,
    place: true,
    ageDays: 15,
    supports: 11,
    status: 'submitted',
  },
  {
    title: 'Radweg Lütgendortmund–Bochum lückenlos',
    description: 'Zwischen Lütgendortmund und der Stadtgrenze fehlt ein Stück Radweg. Die Lücke sollte geschlossen werden.',
    topic: 'verkehr',
    district: 9,
    place: true,
    ageDays: 40,
    supports: 27,
    status: 'submitted',
  },
  {
    title: 'Sitzbänke rund um den Phoenix-See',
    description: 'Ich wünsche mir mehr Bänke am Phoenix-See, am besten mit Rückenlehne.',
    topic: 'gruen',
    district: 7,
    place: true,
    ageDays: 110,
    supports: 0,
    status: 'submitted',
  },
];

/** Comments on demo ideas: `author` indexes the demo residents, or 'city' for an official answer by the admin. */
interface DemoComment {
  idea: string;
  author: number | 'city';
  daysAgo: number;
  body: string;
  showName?: boolean;
  /** Index of an earlier comment on the same idea (in this list) that this one answers. */
  replyTo?: number;
}

const COMMENTS: DemoComment[] = [
  {
    idea: 'Trinkbrunnen im Westpark',
    author: 5,
    daysAgo: 3,
    body: 'Unbedingt! Mit den Kindern sind wir im Sommer fast jeden Tag am Spielplatz, und die Flaschen sind mittags leer.',
    showName: true,
  },
  {
    idea: 'Trinkbrunnen im Westpark',
    author: 9,
    daysAgo: 2,
    body: 'Gute Idee. Am besten so, dass man auch Hundenäpfe auffüllen kann, ohne dass der Brunnen verschmutzt.',
  },
  {
    idea: 'Trinkbrunnen im Westpark',
    author: 5,
    daysAgo: 1,
    body: 'Ein zweiter, niedriger Auslass für Hunde wäre ideal, das gibt es in anderen Städten schon.',
    replyTo: 1,
  },
  {
    idea: 'Fahrradstraße Kreuzstraße bis zum Stadtgarten',
    author: 14,
    daysAgo: 40,
    body: 'Morgens zwischen halb acht und acht ist es hier für Kinder auf dem Rad wirklich eng. Eine Fahrradstraße wäre ein großer Gewinn.',
    showName: true,
  },
  {
    idea: 'Fahrradstraße Kreuzstraße bis zum Stadtgarten',
    author: 21,
    daysAgo: 38,
    body: 'Wichtig wären dann auch Kontrollen, sonst wird die Straße weiter als Abkürzung mit dem Auto genutzt.',
  },
  {
    idea: 'Öffentliche Toilette am Nordmarkt',
    author: 30,
    daysAgo: 60,
    body: 'An Markttagen ist das wirklich ein Problem, besonders für ältere Menschen und Familien mit kleinen Kindern.',
  },
  {
    idea: 'Öffentliche Toilette am Nordmarkt',
    author: 'city',
    daysAgo: 20,
    body: 'Vielen Dank für die Anregung. Das Ordnungsamt prüft zurzeit zusammen mit der Bezirksvertretung Innenstadt-Nord einen Standort am Rand des Marktplatzes. Sobald die Kosten feststehen, berichten wir hier.',
  },
  { idea: 'Mehr Bänke am Phoenix-See', author: 42, daysAgo: 110, body: 'Am Südufer bitte auch einige Bänke im Schatten, im Sommer ist es dort sehr heiß.' },
];

/**
 * The comments as the comments core would write them, each with its item event (what the digest mails report).
 * Seed files may write other modules' tables directly; the comments core keeps no counter to update.
 */
async function seedIdeaComments(db: Db, seed: ParticipationSeed, ideaIds: Map<string, number>, residents: number[]): Promise<void> {
  const org = seed.organizationId;
  const written: number[] = [];
  for (const c of COMMENTS) {
    const itemId = ideaIds.get(c.idea);
    const authorId = c.author === 'city' ? seed.adminId : residents[c.author % residents.length];
    if (itemId === undefined || authorId === undefined) {
      written.push(0);
      continue;
    }
    const at = new Date(seed.now - c.daysAgo * DAY);
    const parentId = c.replyTo === undefined ? null : written[c.replyTo] || null;
    const row = await db
      .insertInto('participation_comments')
      .values({
        organization_id: org,
        item_kind: 'idea',
        item_id: itemId,
        parent_id: parentId,
        author_id: authorId,
        show_name: c.showName ?? false,
        body: c.body,
        official: c.author === 'city',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    written.push(row.id);
    await db
      .insertInto('participation_item_events')
      .values({
        organization_id: org,
        item_kind: 'idea',
        item_id: itemId,
        event_type: 'comment',
        data: JSON.stringify({ commentId: row.id }),
        actor_user_id: authorId,
        created_at: at,
      })
      .execute();
  }
}

/** The duplicate, merged into its twin. */
const DUPLICATE = { from: 'Sitzbänke rund um den Phoenix-See', into: 'Mehr Bänke am Phoenix-See' };

export async function seedIdeas(db: Db, seed: ParticipationSeed): Promise<void> {
  const rng = createRng(SEED);
  const org = seed.organizationId;
  // Settings: the default rules, a threshold floor the demo's ideas can reach.
  await db
    .insertInto('idea_settings')
    .values({ organization_id: org, threshold_permille: 5, threshold_floor: 50, answer_weeks: 6 })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
  const residents: number[] = [];
  for (let i = 1; i <= RESIDENTS; i++) {
    const row = await db
      .insertInto('users')
      .values({
        organization_id: org,
        email: `ideen-${i}@demo.invalid`,
        role: null,
        password_hash: null,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        disabled_at: null,
        last_login_at: new Date(seed.now - rng.int(1, 200) * DAY),
        locale: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) residents.push(row.id);
  }
  if (residents.length === 0) return;
  const ids = new Map<string, number>();
  for (const [n, idea] of IDEAS.entries()) {
    const created = new Date(seed.now - idea.ageDays * DAY - rng.int(0, 600) * 60_000);
    let lat: number | null = null;
    let lon: number | null = null;
    if (idea.place && idea.district !== null) {
      const [clon, clat] = STADTBEZIRKE[idea.district]!.centre;
      for (let i = 0; i < 50 && lat === null; i++) {
        const x = Number((clon + rng.gauss() * 0.006).toFixed(6));
        const y = Number((clat + rng.gauss() * 0.004).toFixed(6));
        if (areaContains(seed.boundary, x, y)) [lon, lat] = [x, y];
      }
    }
    const reached = idea.reachedDaysAgo === undefined ? null : new Date(seed.now - idea.reachedDaysAgo * DAY);
    const author = residents[n % residents.length]!;
    const row = await db
      .insertInto('ideas')
      .values({
        organization_id: org,
        title: idea.title,
        description: idea.description,
        topic: idea.topic,
        district_id: idea.district === null ? null : (seed.districtIds[idea.district] ?? null),
        lat,
        lon,
        status: idea.status,
        author_user_id: author,
        department_id: idea.department ? (seed.departments.get(idea.department) ?? null) : null,
        reason: idea.reason ?? null,
        answer: idea.answer?.text ?? null,
        answered_at: idea.answer ? new Date(seed.now - idea.answer.daysAgo * DAY) : null,
        reached_at: reached,
        answer_due_at: reached ? new Date(reached.getTime() + 6 * 7 * DAY) : null,
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(idea.title, row.id);
    const supporters = residents.filter((u) => u !== author).slice(0, idea.supports);
    if (supporters.length > 0) {
      await db
        .insertInto('idea_supporters')
        .values(
          supporters.map((u) => ({
            organization_id: org,
            idea_id: row.id,
            supporter_key: `u:${u}`,
            user_id: u,
            created_at: new Date(created.getTime() + rng.int(1, 60) * 3_600_000),
          })),
        )
        .execute();
      await db.updateTable('ideas').set({ supporters_count: supporters.length }).where('id', '=', row.id).execute();
    }
    const events: Array<{ kind: string; to_status?: Status; text?: string; at: Date; actor?: number }> = [
      { kind: 'created', to_status: 'submitted', at: created },
    ];
    if (reached) events.push({ kind: 'threshold', text: '50', at: reached });
    if (idea.department) events.push({ kind: 'department', text: idea.department, at: new Date(created.getTime() + 2 * DAY), actor: seed.adminId });
    if (idea.status !== 'submitted') events.push({ kind: 'status', to_status: 'reviewing', at: new Date(created.getTime() + 3 * DAY), actor: seed.adminId });
    if (idea.answer) events.push({ kind: 'answer', text: idea.answer.text, at: new Date(seed.now - idea.answer.daysAgo * DAY), actor: seed.adminId });
    if (idea.status === 'accepted' || idea.status === 'implemented')
      events.push({ kind: 'status', to_status: 'accepted', at: new Date(seed.now - (idea.answer?.daysAgo ?? 1) * DAY + 60_000), actor: seed.adminId });
    if (idea.status === 'implemented') events.push({ kind: 'status', to_status: 'implemented', at: new Date(seed.now - 30 * DAY), actor: seed.adminId });
    if (idea.status === 'rejected')
      events.push({
        kind: 'status',
        to_status: 'rejected',
        text: idea.reason,
        at: new Date(seed.now - (idea.answer?.daysAgo ?? 1) * DAY + 60_000),
        actor: seed.adminId,
      });
    await db
      .insertInto('idea_events')
      .values(
        events.map((e) => ({
          organization_id: org,
          idea_id: row.id,
          kind: e.kind,
          to_status: e.to_status ?? null,
          text: e.text ?? null,
          actor_user_id: e.actor ?? null,
          created_at: e.at,
        })),
      )
      .execute();
  }
  // The duplicate: merged into its twin, as the back office would (its supporters were none).
  const from = ids.get(DUPLICATE.from);
  const into = ids.get(DUPLICATE.into);
  if (from && into) {
    const at = new Date(seed.now - 100 * DAY);
    await db.updateTable('ideas').set({ status: 'merged', merged_into_id: into, updated_at: at }).where('id', '=', from).execute();
    await db
      .insertInto('idea_events')
      .values([
        { organization_id: org, idea_id: from, kind: 'merged', to_status: 'merged', text: String(into), actor_user_id: seed.adminId, created_at: at },
        { organization_id: org, idea_id: into, kind: 'merged_from', text: String(from), actor_user_id: seed.adminId, created_at: at },
      ])
      .execute();
  }
  await seedIdeaComments(db, seed, ids, residents);
}
