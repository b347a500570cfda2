import type { RequestContext } from '../../../platform/http/context';
import { formatDate, translator } from '../../../platform/i18n';
import { Button, Select, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { PUBLIC_STATUSES, TOPICS } from '../idea';
import type { IdeaListRow } from '../ideas.queries';
import { messages } from '../messages';
import { AnswerState, IdeaStatusBadge, IdeaStyles, topicLabel } from './parts';

export interface ListState {
  q: string;
  topic: string;
  district: string;
  status: string;
  sort: 'supported' | 'newest' | 'due';
  map: boolean;
}

/** The list's address with its filters; `change` overrides, null drops a parameter. */
export function listHref(s: ListState, change: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  const base: Record<string, string> = { suche: s.q, thema: s.topic, bezirk: s.district, stand: s.status, sortierung: s.sort === 'supported' ? '' : s.sort };
  if (s.map) base.darstellung = 'karte';
  for (const [k, v] of Object.entries({ ...base, ...change })) if (v) params.set(k, v);
  const query = params.toString();
  return query ? `/ideen?${query}` : '/ideen';
}

export function IdeaListPage(props: {
  ctx: RequestContext;
  state: ListState;
  rows: IdeaListRow[];
  next: string | null;
  districts: Array<{ id: number; name: string }>;
  threshold: number;
  answerWeeks: number;
  mapCount: number;
  now: Date;
  notFirst: boolean;
}) {
  const { ctx, state: s, rows, now } = props;
  const t = translator(messages, ctx.locale);
  const any = { value: '', label: t('filter.any') };
  const mapQuery = listHref(s, { darstellung: null }).replace('/ideen', '');
  return (
    <Layout ctx={ctx} title={t('listTitle', { city: ctx.org.name })}>
      <IdeaStyles />
      <h1>{t('listTitle', { city: ctx.org.name })}</h1>
      <p>{t('listIntro', { city: ctx.org.name, n: props.threshold, weeks: props.answerWeeks })}</p>
      <p>
        <a class="k-button" href="/ideen/neu">
          {t('newIdea')}
        </a>
      </p>
      <section class="k-section" aria-labelledby="filter-title">
        <h2 id="filter-title">{t('filter.title')}</h2>
        <form method="get" action="/ideen" class="k-idea-filters">
          <TextInput name="suche" label={t('filter.search')} hint={t('filter.searchHint')} value={s.q} maxLength={200} />
          <Select name="thema" label={t('filter.topic')} value={s.topic} options={[any, ...TOPICS.map((x) => ({ value: x, label: topicLabel(ctx, x) }))]} />
          <Select
            name="bezirk"
            label={t('filter.district')}
            value={s.district}
            options={[any, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
          />
          <Select
            name="stand"
            label={t('filter.status')}
            value={s.status}
            options={[any, ...PUBLIC_STATUSES.map((x) => ({ value: x, label: t(`status.${x}`) }))]}
          />
          <Select
            name="sortierung"
            label={t('filter.sort')}
            value={s.sort}
            options={(['supported', 'newest', 'due'] as const).map((x) => ({ value: x, label: t(`sort.${x}`) }))}
          />
          {s.map && <input type="hidden" name="darstellung" value="karte" />}
          <div class="k-actions">
            <Button variant="secondary">{t('filter.apply')}</Button>
            <a href={s.map ? '/ideen?darstellung=karte' : '/ideen'}>{t('filter.reset')}</a>
          </div>
        </form>
      </section>
      <p>{s.map ? <a href={listHref(s, { darstellung: null })}>{t('showList')}</a> : <a href={listHref(s, { darstellung: 'karte' })}>{t('showMap')}</a>}</p>
      {s.map && (
        <section class="k-section" aria-labelledby="map-title">
          <h2 id="map-title">{t('mapTitle')}</h2>
          {props.mapCount > 0 ? (
            <img class="k-idea-map" src={`/ideen/karte.svg${mapQuery}`} width={640} height={400} alt={t('mapAlt', { n: props.mapCount })} />
          ) : (
            <p>{t('mapNone')}</p>
          )}
        </section>
      )}
      <section class="k-section" aria-labelledby="list-title">
        <h2 id="list-title">{t('listHeading')}</h2>
        {rows.length === 0 ? (
          <p>{t('listNone')}</p>
        ) : (
          <ul class="k-idea-list">
            {rows.map((r) => (
              <li class="k-card">
                <h3 class="k-card__title">
                  <a href={`/ideen/${r.id}`} dir="auto">
                    {r.title}
                  </a>
                </h3>
                <p class="k-meta">
                  <IdeaStatusBadge ctx={ctx} status={r.status} /> · {topicLabel(ctx, r.topic)}
                  {r.district ? ` · ${r.district}` : ''} · {formatDate(new Date(r.created_at), ctx.locale)}
                </p>
                <p dir="auto">{r.excerpt}</p>
                <p class="k-meta">
                  <strong>{t('supportsCount', { n: r.supporters_count })}</strong>
                </p>
                <AnswerState ctx={ctx} idea={r} now={now} />
              </li>
            ))}
          </ul>
        )}
        <nav class="k-idea-paging" aria-label={t('listHeading')}>
          {props.notFirst && <a href={listHref(s)}>{t('firstPage')}</a>}
          {props.next && (
            <a href={listHref(s, { weiter: props.next })} rel="next">
              {t('more')}
            </a>
          )}
        </nav>
      </section>
    </Layout>
  );
}
