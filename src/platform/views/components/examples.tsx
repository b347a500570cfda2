// Example states of the shared components, each a whole page: the browser test renders every one and runs axe
// over it, and they show a new module's author what the components do. Data is made up; no module is involved.
import type { VNode } from 'preact';
import type { RequestContext } from '../../http/context';
import type { FieldErrors } from '../../http/errors';
import { Button, Checkboxes, Fieldset, Select, TextArea, TextInput } from '../forms';
import { Layout } from '../layout';
import type { Children } from '../render';
import { PostButton, RowLink } from './actions';
import { AdminFormPage } from './admin-form-page';
import { AdminListPage, FilterForm } from './admin-list-page';
import { type Column, DataTable } from './data-table';
import { Pagination } from './pagination';
import type { ListUrl, Paging } from './paging';
import { StatusBadge, type StatusVocabulary } from './status-badge';
import { Timeline, type TimelineEvent } from './timeline';

export interface ExampleRow {
  id: number;
  name: string;
  district: string;
  state: ExampleState;
  created: Date;
}

type ExampleState = 'draft' | 'working' | 'done' | 'archived';

/** A vocabulary as a module would pass it: the badge itself knows no status. */
export const EXAMPLE_STATES: StatusVocabulary<ExampleState> = {
  draft: { label: 'Entwurf', tone: 'open' },
  working: { label: 'In Arbeit', tone: 'progress' },
  done: { label: 'Erledigt', tone: 'done' },
  archived: { label: 'Archiviert', tone: 'closed' },
};

const STATES = Object.keys(EXAMPLE_STATES) as ExampleState[];
const DISTRICTS = ['Innenstadt-West', 'Eving', 'Hombruch', 'Aplerbeck'];
/** Words as long as German administrative language gets; they must wrap on a phone instead of widening the page. */
export const LONG_WORDS = [
  'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung',
  'Straßenentwässerungsunterhaltungsmaßnahmenkoordinierungsstelle',
  'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft',
];

export function exampleRows(n: number, long = false): ExampleRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: long ? `${LONG_WORDS[i % LONG_WORDS.length]} ${i + 1}` : `Eintrag ${i + 1}`,
    district: long ? LONG_WORDS[(i + 1) % LONG_WORDS.length]! : DISTRICTS[i % DISTRICTS.length]!,
    state: STATES[i % STATES.length]!,
    created: new Date(Date.UTC(2026, 0, 1 + i, 9, 30)),
  }));
}

const LIST_PATH = '/verwaltung/beispiele';

function columns(ctx: RequestContext): Array<Column<ExampleRow>> {
  return [
    { header: 'Name', rowHeader: true, sort: { asc: 'name', desc: 'name-ab' }, cell: (r) => r.name },
    { header: 'Bezirk', cell: (r) => r.district },
    { header: 'Status', cell: (r) => <StatusBadge status={r.state} vocabulary={EXAMPLE_STATES} /> },
    {
      header: 'Angelegt',
      sort: { asc: 'alt', desc: '' },
      cell: (r) => <time dateTime={r.created.toISOString()}>{r.created.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' })}</time>,
    },
    {
      header: 'Aktionen',
      cell: (r) => (
        <>
          <RowLink href={`${LIST_PATH}/${r.id}`} label="Bearbeiten" name={r.name} />{' '}
          <PostButton action={`${LIST_PATH}/${r.id}/loeschen`} csrfToken={ctx.csrfToken} label="Löschen" name={r.name} small />
        </>
      ),
    },
  ];
}

function Filters({ q }: { q: string }) {
  return (
    <FilterForm action={LIST_PATH} title="Filter" applyLabel="Filter anwenden" reset={q ? { href: LIST_PATH, label: 'Filter zurücksetzen' } : undefined}>
      <TextInput name="q" label="Suche" value={q} />
      <Select name="bezirk" label="Bezirk" value="" options={[{ value: '', label: 'Alle' }, ...DISTRICTS.map((d) => ({ value: d, label: d }))]} />
    </FilterForm>
  );
}

function listPage(
  ctx: RequestContext,
  rows: ExampleRow[],
  options: { query?: Record<string, string>; paging?: Paging; bulk?: boolean; filters?: boolean } = {},
) {
  const url: ListUrl = { path: LIST_PATH, query: options.query ?? {} };
  const query = options.query ?? {};
  return (
    <AdminListPage
      ctx={ctx}
      title="Beispiele"
      intro="Eine Liste, wie Module sie zeigen."
      action={{ href: `${LIST_PATH}/neu`, label: 'Neues Beispiel' }}
      filters={options.filters ? <Filters q={query.q ?? ''} /> : undefined}
      pagination={options.paging ? { paging: options.paging, url } : undefined}
    >
      <DataTable
        caption="Beispiele"
        rows={rows}
        empty="Keine Beispiele für diese Auswahl."
        sort={{ url, value: query.sortierung ?? '' }}
        columns={columns(ctx)}
        bulk={
          options.bulk
            ? {
                action: `${LIST_PATH}/sammelaktion`,
                csrfToken: ctx.csrfToken,
                name: 'ids',
                value: (r) => String(r.id),
                label: (r) => `${r.name} auswählen`,
                hidden: { return: LIST_PATH },
                selectAll: { url },
                children: (
                  <Fieldset id="bulk" legend="Ausgewählte Beispiele ändern" hint="Jedes ausgewählte Beispiel wird einzeln geprüft.">
                    <Select
                      name="state"
                      label="Neuer Status"
                      value=""
                      options={[{ value: '', label: '–' }, ...STATES.map((s) => ({ value: s, label: EXAMPLE_STATES[s].label }))]}
                    />
                    <Button variant="secondary">Status der ausgewählten Beispiele ändern</Button>
                  </Fieldset>
                ),
              }
            : undefined
        }
      />
    </AdminListPage>
  );
}

function formPage(ctx: RequestContext, errors: FieldErrors, values: { name: string; note: string; state: string; districts: string[] }) {
  return (
    <AdminFormPage
      ctx={ctx}
      title="Beispiel bearbeiten"
      back={{ href: LIST_PATH, label: 'Beispiele' }}
      errors={errors}
      action={`${LIST_PATH}/1`}
      submitLabel="Speichern"
      cancel={{ href: LIST_PATH, label: 'Abbrechen' }}
      after={<PostButton class="k-section" action={`${LIST_PATH}/1/loeschen`} csrfToken={ctx.csrfToken} label="Löschen" />}
    >
      <Fieldset legend="Angaben">
        <TextInput name="name" label="Name" value={values.name} error={errors.name} maxLength={200} />
        <TextArea name="note" label="Notiz" hint="Für die Kolleginnen und Kollegen." value={values.note} error={errors.note} rows={4} />
      </Fieldset>
      <Fieldset legend="Einordnung">
        <Select
          name="state"
          label="Status"
          value={values.state}
          error={errors.state}
          options={[{ value: '', label: '–' }, ...STATES.map((s) => ({ value: s, label: EXAMPLE_STATES[s].label }))]}
        />
        <Checkboxes
          name="districts"
          legend="Bezirke"
          error={errors.districts}
          options={DISTRICTS.map((d) => ({ value: d, label: d }))}
          values={values.districts}
        />
      </Fieldset>
    </AdminFormPage>
  );
}

function Page({ ctx, title, children }: { ctx: RequestContext; title: string; children: Children }) {
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

function events(long: boolean): TimelineEvent[] {
  return [
    { at: new Date(Date.UTC(2026, 2, 1, 8, 0)), text: 'Eingegangen' },
    {
      at: new Date(Date.UTC(2026, 2, 2, 10, 15)),
      kind: 'Intern',
      actor: 'von Erika Mustermann',
      text: 'Zuständigkeit geändert',
      body: 'Bitte bis Freitag.\nDanke!',
    },
    {
      at: new Date(Date.UTC(2026, 2, 3, 16, 45)),
      kind: 'Öffentlich',
      text: long ? LONG_WORDS[0]! : 'Erledigt',
      body: long ? LONG_WORDS.join(' ') : 'Der Schaden ist behoben.',
    },
  ];
}

function pagingPage(ctx: RequestContext, title: string, paging: Paging) {
  return (
    <Page ctx={ctx} title={title}>
      <p>Gefiltert nach Bezirk: die Seitenlinks behalten den Filter.</p>
      <Pagination paging={paging} url={{ path: LIST_PATH, query: { bezirk: 'Eving', seite: String(paging.page) } }} />
    </Page>
  );
}

/** Every example state by name; `ctx` supplies the city, language and CSRF token of the page around it. */
export function exampleStates(ctx: RequestContext): Record<string, VNode> {
  const many = exampleRows(60);
  return {
    'table-empty': listPage(ctx, [], { filters: true, query: { q: 'nichts' } }),
    'table-one-row': listPage(ctx, exampleRows(1)),
    'table-many-sorted': listPage(ctx, many.slice(25, 50), {
      filters: true,
      query: { q: 'Eintrag', sortierung: 'name', seite: '2' },
      paging: { page: 2, pages: 3 },
    }),
    'table-bulk': listPage(ctx, exampleRows(5), { bulk: true, query: {} }),
    'table-bulk-all-selected': listPage(ctx, exampleRows(5), { bulk: true, query: { auswahl: 'alle' } }),
    'table-long-words': listPage(ctx, exampleRows(4, true), { bulk: true, paging: { page: 1, pages: 2 } }),
    'table-scroll-region': (
      <Page ctx={ctx} title="Breite Tabelle">
        <h2 id="beispiel-liste">Alle Beispiele</h2>
        <DataTable caption="Alle Beispiele" rows={exampleRows(3, true)} columns={columns(ctx)} scrollRegionLabelledBy="beispiel-liste" />
      </Page>
    ),
    'pagination-first': pagingPage(ctx, 'Erste Seite', { page: 1, pages: 12 }),
    'pagination-middle': pagingPage(ctx, 'Mittlere Seite', { page: 6, pages: 12 }),
    'pagination-last': pagingPage(ctx, 'Letzte Seite', { page: 12, pages: 12 }),
    'pagination-uncounted': pagingPage(ctx, 'Seite ohne Gesamtzahl', { page: 3, hasNext: true }),
    'form-empty': formPage(ctx, {}, { name: '', note: '', state: '', districts: [] }),
    'form-errors': formPage(
      ctx,
      { name: 'Bitte geben Sie einen Namen ein.', state: 'Bitte wählen Sie einen Status.', districts: 'Bitte wählen Sie mindestens einen Bezirk.' },
      { name: '', note: 'Schon getippt, bleibt stehen.', state: '', districts: [] },
    ),
    'form-long-words': formPage(
      ctx,
      { name: `${LONG_WORDS[0]} ist zu lang.` },
      { name: LONG_WORDS[0]!, note: LONG_WORDS.join(' '), state: 'working', districts: [DISTRICTS[0]!] },
    ),
    timeline: (
      <Page ctx={ctx} title="Verlauf">
        <Timeline events={events(false)} />
      </Page>
    ),
    'timeline-cards': (
      <Page ctx={ctx} title="Verlauf als Karten">
        <Timeline events={events(true)} variant="cards" />
      </Page>
    ),
    'status-badges': (
      <Page ctx={ctx} title="Status">
        <ul class="k-list">
          {STATES.map((s) => (
            <li>
              <StatusBadge status={s} vocabulary={EXAMPLE_STATES} />
            </li>
          ))}
        </ul>
      </Page>
    ),
  };
}
