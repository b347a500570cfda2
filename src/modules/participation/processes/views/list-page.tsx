import type { RequestContext } from '../../../../platform/http/context';
import { translator } from '../../../../platform/i18n';
import { FilterForm, type ListUrl, listHref, Pagination, type Paging, StatusBadge } from '../../../../platform/views/components';
import { Select } from '../../../../platform/views/forms';
import { Layout } from '../../../../platform/views/layout';
import { processMessages } from '../messages';
import { PROCESS_STATES, type ProcessState, TOPICS } from '../process';
import { imageHref, ProcessStyles, stateVocabulary, topicName } from './process-parts';

/** The address words of the three lists. */
export const STATE_PARAM: Record<ProcessState, string> = { current: 'laufend', upcoming: 'demnaechst', finished: 'abgeschlossen' };

export interface ListCard {
  id: number;
  title: string;
  summary: string;
  topic: string;
  hasImage: boolean;
  state: ProcessState;
  /** "Jetzt: … bis …", "Beginnt am …" and the like. */
  when: string | null;
}

export interface ListPageProps {
  ctx: RequestContext;
  state: ProcessState;
  districtId: string;
  topic: string;
  districts: Array<{ id: number; name: string }>;
  cards: ListCard[];
  total: number;
  paging: Paging;
  url: ListUrl;
}

export function ProcessListPage(props: ListPageProps) {
  const { ctx, state, url } = props;
  const t = translator(processMessages, ctx.locale);
  const filtered = props.districtId !== '' || props.topic !== '';
  return (
    <Layout ctx={ctx} title={t('list.title')}>
      <ProcessStyles />
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <nav aria-label={t('list.tabs')}>
        <ul class="k-tabs">
          {PROCESS_STATES.map((s) => (
            <li>
              <a href={listHref(url, { stand: s === 'current' ? null : STATE_PARAM[s], seite: null })} aria-current={s === state ? 'page' : undefined}>
                {t(`state.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <FilterForm
        action="/beteiligung"
        title={t('filter.title')}
        applyLabel={t('filter.apply')}
        reset={
          filtered
            ? { href: listHref({ path: url.path, query: {} }, { stand: state === 'current' ? null : STATE_PARAM[state] }), label: t('filter.reset') }
            : undefined
        }
      >
        {state !== 'current' && <input type="hidden" name="stand" value={STATE_PARAM[state]} />}
        <Select
          name="bezirk"
          label={t('filter.district')}
          value={props.districtId}
          options={[{ value: '', label: t('filter.allDistricts') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
        <Select
          name="thema"
          label={t('filter.topic')}
          value={props.topic}
          options={[{ value: '', label: t('filter.allTopics') }, ...TOPICS.map((code) => ({ value: code, label: topicName(code, ctx.locale) }))]}
        />
      </FilterForm>
      <p class="k-proc-count" role="status">
        {t('list.count', { n: props.total })}
      </p>
      {props.cards.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <ul class="k-cards k-proc-cards">
          {props.cards.map((c) => (
            <li class="k-card k-proc-card">
              {c.hasImage && <img class="k-proc-card__image" src={imageHref(c.id, 'thumb')} alt="" width={240} height={160} loading="lazy" />}
              <div class="k-proc-card__text">
                <h2 class="k-card__title">
                  <a href={`/beteiligung/${c.id}`}>{c.title}</a>
                </h2>
                <p class="k-proc-card__meta">
                  <StatusBadge status={c.state} vocabulary={stateVocabulary(ctx.locale)} /> <span class="k-proc-topic">{topicName(c.topic, ctx.locale)}</span>
                </p>
                {c.when && <p class="k-proc-card__when">{c.when}</p>}
                <p>{c.summary}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination paging={props.paging} url={url} />
    </Layout>
  );
}
