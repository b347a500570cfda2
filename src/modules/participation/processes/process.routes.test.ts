import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createDepartment, createOrganization, createResident, createStaff } from '../../../../test/helpers/factories';
import { multipartBody } from '../../../../test/helpers/multipart';
import { processesPart } from './part';
import { listOpenProcessesForSelect } from './process.service';
import { createBody, createProcess, createStadtbezirk, dayFromToday } from './process.test-support';

let t: TestApp;
let west: number;
let hoerde: number;
let deptA: number;
let deptB: number;
let bodyId: number;
const ids = { current: 0, gap: 0, wholeCity: 0, finished: 0, draft: 0, otherCity: 0 };

beforeAll(async () => {
  t = await createTestApp();
  west = await createStadtbezirk(t.db, t.org.id, 'Innenstadt-West');
  hoerde = await createStadtbezirk(t.db, t.org.id, 'Hörde');
  deptA = (await createDepartment(t.db, t.org.id, 'Tiefbauamt')).id;
  deptB = (await createDepartment(t.db, t.org.id, 'Grünflächenamt')).id;
  bodyId = await createBody(t.db, t.org.id, 'Jugendparlament Dortmund');
  ids.current = await createProcess(t.db, t.org.id, {
    title: 'Radwall in West',
    departmentId: deptA,
    districtIds: [west],
    rules: { vote: { who: 'verified', districtIds: [west, hoerde], ageMin: 14, ageMax: 21, referenceDate: '2027-03-01' } },
    phases: [
      { title: 'Information', from: -20, to: -10 },
      { title: 'Abstimmung läuft', from: -2, to: 5, kinds: ['vote', 'comments'] },
    ],
  });
  ids.gap = await createProcess(t.db, t.org.id, {
    title: 'Pause zwischen Phasen',
    topic: 'umwelt',
    departmentId: deptB,
    districtIds: [hoerde],
    phases: [
      { title: 'Erste', from: -10, to: -2 },
      { title: 'Zweite', from: 3, to: 9 },
    ],
  });
  ids.wholeCity = await createProcess(t.db, t.org.id, { title: 'Stadtweit demnächst', topic: 'jugend', bodyId, phases: [{ title: 'Start', from: 4, to: 30 }] });
  ids.finished = await createProcess(t.db, t.org.id, { title: 'Längst vorbei', departmentId: deptA, phases: [{ title: 'Alt', from: -60, to: -30 }] });
  ids.draft = await createProcess(t.db, t.org.id, {
    title: 'Geheimer Entwurf',
    departmentId: deptA,
    published: false,
    phases: [{ title: 'Jetzt', from: -1, to: 1 }],
  });
  const other = await createOrganization(t.db, { hosts: ['andere.example'] });
  const otherDept = await createDepartment(t.db, other.id);
  ids.otherCity = await createProcess(t.db, other.id, { title: 'Andere Stadt', departmentId: otherDept.id, phases: [{ title: 'Jetzt', from: -1, to: 1 }] });
});

afterAll(async () => {
  await t.close();
});

const titlesIn = (html: string) => [...html.matchAll(/<a href="\/beteiligung\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);

describe('the public list', () => {
  it('shows current processes by default (a gap between phases counts as current), never drafts', async () => {
    const res = await new Client(t).get('/beteiligung');
    expect(res.statusCode).toBe(200);
    expect(titlesIn(res.body).sort()).toEqual(['Pause zwischen Phasen', 'Radwall in West']);
    expect(res.body).toContain('Jetzt: Abstimmung läuft');
    expect(res.body).toContain('Nächste Phase ab');
  });

  it('has upcoming and finished as their own lists', async () => {
    const c = new Client(t);
    expect(titlesIn((await c.get('/beteiligung?stand=demnaechst')).body)).toEqual(['Stadtweit demnächst']);
    expect(titlesIn((await c.get('/beteiligung?stand=abgeschlossen')).body)).toEqual(['Längst vorbei']);
  });

  it('filters by district (whole-city processes concern every district) and by topic', async () => {
    const c = new Client(t);
    expect(titlesIn((await c.get(`/beteiligung?bezirk=${hoerde}`)).body)).toEqual(['Pause zwischen Phasen']);
    expect(titlesIn((await c.get(`/beteiligung?stand=demnaechst&bezirk=${hoerde}`)).body)).toEqual(['Stadtweit demnächst']);
    expect(titlesIn((await c.get('/beteiligung?thema=umwelt')).body)).toEqual(['Pause zwischen Phasen']);
    // The filter form's "all" sends empty values.
    expect(titlesIn((await c.get('/beteiligung?bezirk=&thema=')).body)).toHaveLength(2);
  });

  it('refuses a topic or state it does not know with 400', async () => {
    const c = new Client(t);
    expect((await c.get('/beteiligung?thema=nichts')).statusCode).toBe(400);
    expect((await c.get('/beteiligung?stand=irgendwann')).statusCode).toBe(400);
    expect((await c.get('/beteiligung?bezirk=1e3')).statusCode).toBe(400);
  });
});

describe('the process page', () => {
  it('shows where it stands, what one can do now and who may', async () => {
    const res = await new Client(t).get(`/beteiligung/${ids.current}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Was Sie jetzt tun können');
    expect(res.body).toMatch(/aria-current="step"[^>]*>[\s\S]*?Aktuelle Phase/);
    expect(res.body).toContain('Abstimmen: verifizierte Einwohner*innen der Stadtbezirke Innenstadt-West und Hörde, 14 bis 21 Jahre am 1. März 2027');
    expect(res.body).toContain('Tiefbauamt');
  });

  it('is 404 for a draft and for another city’s process', async () => {
    const c = new Client(t);
    expect((await c.get(`/beteiligung/${ids.draft}`)).statusCode).toBe(404);
    expect((await c.get(`/beteiligung/${ids.otherCity}`)).statusCode).toBe(404);
    expect((await c.request({ method: 'GET', url: `/beteiligung/${ids.otherCity}`, headers: { host: 'andere.example' } })).statusCode).toBe(200);
  });

  it('offers other modules the city’s open processes only', async () => {
    const open = await listOpenProcessesForSelect(t.db, t.org.id);
    expect(open.map((p) => p.title).sort()).toEqual(['Pause zwischen Phasen', 'Radwall in West', 'Stadtweit demnächst']);
  });
});

describe('the back office', () => {
  async function staff(role: 'admin' | 'department_staff', departmentIds: number[] = []) {
    const user = await createStaff(t.db, t.config.secret, t.org.id, role, { departmentIds });
    const c = new Client(t);
    await c.signInAs(user.id, 'staff');
    return { c, user };
  }

  it('shows the form again with the errors and the input kept', async () => {
    const { c } = await staff('admin');
    const res = await c.post('/verwaltung/beteiligung/neu', {
      title: 'Mein neuer Titel',
      summary: '',
      topic: 'verkehr',
      responsible: `d:${deptA}`,
      'rule.vote.who': 'verified',
      'rule.vote.ageMin': '30',
      'rule.vote.ageMax': '20',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="Mein neuer Titel"');
    expect(res.body).toContain('k-error-summary');
    expect(res.body).toContain('href="#f-summary"');
    expect(res.body).toContain('href="#f-rule-vote-ageMax"');
    expect(res.body).toMatch(/<option value="d:\d+" selected/);
  });

  it('creates a process with the body sanitised and the rules stored', async () => {
    const { c } = await staff('admin');
    const res = await c.post('/verwaltung/beteiligung/neu', {
      title: 'Neuer Spielplatz',
      summary: 'Kurz',
      body: '<p>Hallo<script>alert(1)</script></p>',
      topic: 'jugend',
      responsible: `b:${bodyId}`,
      districts: String(west),
      'rule.vote.who': 'body_member',
      'rule.vote.body': String(bodyId),
      published: '1',
    });
    expect(res.statusCode).toBe(303);
    const id = Number(/beteiligung\/(\d+)/.exec(res.headers.location as string)?.[1]);
    const row = await t.db.selectFrom('participation_processes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.body_html).toBe('<p>Hallo</p>');
    expect(row.rules.vote).toEqual({ who: 'body_member', bodyId });
    expect((await c.get(`/verwaltung/beteiligung/${id}`)).statusCode).toBe(200);
  });

  it('lets department staff work only on their own department’s processes (403, nothing changed)', async () => {
    const { c } = await staff('department_staff', [deptB]);
    expect((await c.get(`/verwaltung/beteiligung/${ids.gap}`)).statusCode).toBe(200);
    expect((await c.get(`/verwaltung/beteiligung/${ids.current}`)).statusCode).toBe(403);
    const post = await c.post(`/verwaltung/beteiligung/${ids.current}`, { title: 'Übernommen', summary: 'x', topic: 'verkehr', responsible: `d:${deptB}` });
    expect(post.statusCode).toBe(403);
    // Choosing another department than one's own is a bypassed form, too.
    const create = await c.post('/verwaltung/beteiligung/neu', { title: 'Fremd', summary: 'x', topic: 'verkehr', responsible: `d:${deptA}` });
    expect(create.statusCode).toBe(403);
    const titles = (await t.db.selectFrom('participation_processes').select('title').execute()).map((r) => r.title);
    expect(titles).not.toContain('Übernommen');
    expect(titles).not.toContain('Fremd');
    const list = await c.get('/verwaltung/beteiligung');
    expect(list.body).toContain('Pause zwischen Phasen');
    expect(list.body).not.toContain('Radwall in West');
  });

  it('keeps a department that is responsible for a process: deleting it is refused with 409 and a reason', async () => {
    const { c } = await staff('admin');
    const res = await c.post(`/verwaltung/abteilungen/${deptB}/loeschen`, {});
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('noch zuständig');
    expect(await t.db.selectFrom('departments').select('id').where('id', '=', deptB).executeTakeFirst()).toBeDefined();
  });

  it('takes PDFs only, by their content, and serves them as downloads', async () => {
    const { c } = await staff('admin');
    const upload = (filename: string, data: Buffer) => {
      const body = multipartBody([
        { name: '_csrf', value: c.csrf },
        { name: 'docTitle', value: 'Planunterlagen' },
        { name: 'document', filename, data, type: 'application/pdf' },
      ]);
      return c.request({ method: 'POST', url: `/verwaltung/beteiligung/${ids.current}/dokumente`, payload: body.payload, headers: body.headers });
    };
    const fake = await upload('plan.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('ist keine PDF-Datei');
    expect(fake.body).toContain('value="Planunterlagen"');
    const ok = await upload('plan.pdf', Buffer.from('%PDF-1.4\n% Demo\n%%EOF\n'));
    expect(ok.statusCode).toBe(303);
    const page = await new Client(t).get(`/beteiligung/${ids.current}`);
    const href = /href="(\/beteiligung\/\d+\/dokumente\/\d+)"/.exec(page.body)?.[1];
    expect(href).toBeDefined();
    const doc = await new Client(t).get(href!);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.headers['content-disposition']).toMatch(/^attachment; filename="dokument-\d+\.pdf"/);
    expect(doc.headers['x-content-type-options']).toBe('nosniff');
  });

  it('ends a phase early with a reason: logged, and shown on the public timeline', async () => {
    const { c, user } = await staff('department_staff', [deptA]);
    const phase = await t.db
      .selectFrom('participation_phases')
      .select('id')
      .where('process_id', '=', ids.current)
      .where('title', '=', 'Abstimmung läuft')
      .executeTakeFirstOrThrow();
    const url = `/verwaltung/beteiligung/${ids.current}/phasen/${phase.id}/beenden`;
    const noReason = await c.post(url, { [`reason-${phase.id}`]: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await c.post(url, { [`reason-${phase.id}`]: 'Wahlbetrug festgestellt' });
    expect(res.statusCode).toBe(303);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'participation.phase_ended_early').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ organization_id: t.org.id, actor_user_id: user.id, subject: `participation_phase:${phase.id}` });
    expect((await c.post(url, { [`reason-${phase.id}`]: 'noch einmal' })).statusCode).toBe(400);
    const page = await new Client(t).get(`/beteiligung/${ids.current}`);
    expect(page.body).toContain('Grund: Wahlbetrug festgestellt');
    expect(page.body).not.toContain('aria-current="step"');
    expect(dayFromToday(0)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('takes an image with its description through the photo intake and shows it on the page', async () => {
    const { c } = await staff('admin');
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    const upload = (alt: string, data: Buffer) => {
      const body = multipartBody([
        { name: '_csrf', value: c.csrf },
        { name: 'imageAlt', value: alt },
        { name: 'image', filename: 'bild.png', data, type: 'image/png' },
      ]);
      return c.request({ method: 'POST', url: `/verwaltung/beteiligung/${ids.gap}/bild`, payload: body.payload, headers: body.headers });
    };
    expect((await upload('', png)).statusCode).toBe(400);
    const notAnImage = await upload('Ein Platz', Buffer.from('%PDF-1.4'));
    expect(notAnImage.statusCode).toBe(400);
    expect(notAnImage.body).toContain('value="Ein Platz"');
    expect((await upload('Der Marktplatz mit Bäumen', png)).statusCode).toBe(303);
    const page = await new Client(t).get(`/beteiligung/${ids.gap}`);
    expect(page.body).toContain('alt="Der Marktplatz mit Bäumen"');
    const image = await new Client(t).get(`/beteiligung/${ids.gap}/bild?groesse=klein`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
  });
});

describe('sitemap and feed', () => {
  it('list published processes and phases that have started, of this city only', async () => {
    const paths = (await processesPart.sitemap!(t.db, t.org.id)).map((e) => e.path);
    expect(paths).toContain(`/beteiligung/${ids.current}`);
    expect(paths).not.toContain(`/beteiligung/${ids.draft}`);
    expect(paths).not.toContain(`/beteiligung/${ids.otherCity}`);
    const feed = await processesPart.feed!(t.db, t.org.id, 'en', 50);
    const titles = feed.map((f) => f.title);
    expect(titles).toContain('New participation process: Radwall in West');
    expect(titles).toContain('Radwall in West: the phase “Abstimmung läuft” begins');
    // A phase that starts later is no news yet; a draft never is.
    expect(titles.some((x) => x.includes('Zweite'))).toBe(false);
    expect(titles.some((x) => x.includes('Geheimer Entwurf'))).toBe(false);
  });
});

describe('comments on a process', () => {
  it('are open while the current phase offers them, under the process’s comment rule, and closed otherwise', async () => {
    const open = await createProcess(t.db, t.org.id, {
      title: 'Kommentare erwünscht',
      departmentId: deptA,
      rules: { comment: { who: 'signed_in' } },
      phases: [{ title: 'Kommentieren', from: -1, to: 3, kinds: ['comments'] }],
    });
    const later = await createProcess(t.db, t.org.id, {
      title: 'Kommentare später',
      departmentId: deptA,
      phases: [{ title: 'Bald', from: 3, to: 9, kinds: ['comments'] }],
    });
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(resident.id, 'resident');
    expect((await c.get(`/beteiligung/${open}`)).body).toContain('id="kommentare"');
    const posted = await c.post(`/beteiligung/kommentare/process/${open}`, { text: 'Bitte mehr Bänke am Wall.' });
    expect(posted.statusCode).toBe(303);
    expect((await c.get(`/beteiligung/${open}`)).body).toContain('Bitte mehr Bänke am Wall.');
    const closed = await c.post(`/beteiligung/kommentare/process/${later}`, { text: 'Zu früh.' });
    expect(closed.statusCode).toBeGreaterThanOrEqual(400);
    const stored = await t.db.selectFrom('participation_comments').select('body').where('item_kind', '=', 'process').execute();
    expect(stored.map((r) => r.body)).toEqual(['Bitte mehr Bänke am Wall.']);
    // A process without any comment phase shows no comments section.
    expect((await c.get(`/beteiligung/${ids.wholeCity}`)).body).not.toContain('id="kommentare"');
  });
});
