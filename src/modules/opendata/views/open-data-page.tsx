import type { RequestContext } from '../../../platform/http/context';
import { translator } from '../../../platform/i18n';
import { Layout } from '../../../platform/views/layout';
import { messages } from '../messages';

export interface OpenDataPageProps {
  ctx: RequestContext;
  baseUrl: string;
  licence: { id: string; name: string; url?: string };
  categories: Array<{ code: string; name: string }>;
  districts: Array<{ id: number; name: string }>;
  anonymousPerMinute: number;
}

function Url({ href }: { href: string }) {
  return (
    <a href={href}>
      <code class="k-pre">{href}</code>
    </a>
  );
}

export function OpenDataPage(props: OpenDataPageProps) {
  const { ctx, baseUrl } = props;
  const t = translator(messages, ctx.locale);
  const abs = (path: string) => new URL(path, baseUrl).href;
  return (
    <Layout ctx={ctx} title={t('openData')}>
      <h1>{t('openData')}</h1>
      <p>{t('intro')}</p>

      <section class="k-section" aria-labelledby="licence-title">
        <h2 id="licence-title">{t('licenceTitle')}</h2>
        <p>
          {t('licenceText')}{' '}
          {props.licence.url ? (
            <a href={props.licence.url} rel="license">
              {props.licence.name}
            </a>
          ) : (
            <strong>{props.licence.name}</strong>
          )}{' '}
          (<code>{props.licence.id}</code>)
        </p>
      </section>

      <section class="k-section" aria-labelledby="open311-title">
        <h2 id="open311-title">{t('open311Title')}</h2>
        <p>{t('open311Intro')}</p>
        <dl class="k-dl">
          <dt>{t('baseUrl')}</dt>
          <dd>
            <code class="k-pre">{abs('/open311/v2/')}</code>
          </dd>
          <dt>{t('discovery')}</dt>
          <dd>
            <Url href={abs('/open311/discovery.xml')} /> · <Url href={abs('/open311/discovery.json')} />
          </dd>
          <dt>{t('services')}</dt>
          <dd>
            <Url href={abs('/open311/v2/services.xml')} /> · <Url href={abs('/open311/v2/services.json')} />
          </dd>
          <dt>{t('requests')}</dt>
          <dd>
            <Url href={abs('/open311/v2/requests.xml')} /> · <Url href={abs('/open311/v2/requests.json?extensions=true')} />
          </dd>
          <dt>{t('updates')}</dt>
          <dd>
            <Url href={abs('/open311/v2/servicerequestupdates.xml')} /> · <Url href={abs('/open311/v2/servicerequestupdates.json')} />
          </dd>
        </dl>
        <p>{t('open311Write')}</p>
        <p class="k-hint">{t('rateLimits', { n: props.anonymousPerMinute })}</p>
      </section>

      <section class="k-section" aria-labelledby="exports-title">
        <h2 id="exports-title">{t('exportsTitle')}</h2>
        <p>{t('exportsIntro')}</p>
        <ul class="k-list">
          <li>
            {t('geojson')}: <Url href={abs('/api/reports.geojson')} />
          </li>
          <li>
            {t('csv')}: <Url href={abs('/api/reports.csv')} />
          </li>
        </ul>
        <p class="k-hint">{t('filtersHint')}</p>
      </section>

      <section class="k-section" aria-labelledby="feeds-title">
        <h2 id="feeds-title">{t('feedsTitle')}</h2>
        <p>{t('feedsIntro')}</p>
        <ul class="k-list">
          <li>
            <a href="/feeds/meldungen.atom">{t('feedAll')}</a>
          </li>
        </ul>
        <h3>{t('feedsByCategory')}</h3>
        <ul class="k-list">
          {props.categories.map((c) => (
            <li>
              <a href={`/feeds/kategorien/${c.code}.atom`}>{c.name}</a>
            </li>
          ))}
        </ul>
        <h3>{t('feedsByDistrict')}</h3>
        {props.districts.length === 0 ? (
          <p>{t('noDistricts')}</p>
        ) : (
          <ul class="k-list">
            {props.districts.map((d) => (
              <li>
                <a href={`/feeds/bezirke/${d.id}.atom`}>{d.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="k-section" aria-labelledby="docs-title">
        <h2 id="docs-title">{t('docsTitle')}</h2>
        <p>{t('docsIntro')}</p>
        <ul class="k-list">
          <li>
            <a href="/api/docs">{t('apiDocs')}</a>
          </li>
          <li>
            <a href="/api/openapi.json">{t('openapi')}</a>
          </li>
          <li>
            <a href="/sitemap.xml">{t('sitemap')}</a>
          </li>
        </ul>
      </section>

      <section class="k-section" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('privacyTitle')}</h2>
        <p>{t('privacyText')}</p>
      </section>
    </Layout>
  );
}
