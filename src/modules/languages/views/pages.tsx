import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { AdminListPage, DataTable, FormSection } from '../../../platform/views/components';
import { CsrfField, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import { EasyBlocks, easyLanguageText } from '../easy-language';
import type { SignLanguageVideo } from '../languages.queries';
import { messages } from '../messages';

/** /leichte-sprache: German by nature; a visitor reading another language first sees a note in theirs. */
export function EasyLanguagePage({ ctx }: { ctx: RequestContext }) {
  const t = translator(messages, ctx.locale);
  const sections = easyLanguageText(ctx.org.name, ctx.org.contact_email || null);
  const german = ctx.locale === 'de';
  return (
    <Layout ctx={ctx} title={t('easy.title')}>
      {!german && <p class="k-notice">{t('easy.notice')}</p>}
      <div class="k-easy" lang={german ? undefined : 'de'} dir={german ? undefined : 'ltr'}>
        <h1>Kümmerer in Leichter Sprache</h1>
        {sections.map((section) => (
          <section class="k-easy__section">
            {section.level === 3 ? <h3>{section.heading}</h3> : <h2>{section.heading}</h2>}
            <EasyBlocks blocks={section.blocks} />
          </section>
        ))}
      </div>
    </Layout>
  );
}

/** /gebaerdensprache: the city's DGS videos (files on its own server), or a clear note that there are none yet. */
export function SignLanguagePage({ ctx, videos }: { ctx: RequestContext; videos: SignLanguageVideo[] }) {
  const t = translator(messages, ctx.locale);
  const email = ctx.org.contact_email;
  // Titles are written by staff in German.
  const titleLang = ctx.locale === 'de' ? undefined : 'de';
  return (
    <Layout ctx={ctx} title={t('sign.title')}>
      <h1>{t('sign.title')}</h1>
      <p class="k-lead">{t('sign.intro', { city: ctx.org.name })}</p>
      <h2>{t('sign.videosTitle')}</h2>
      {videos.length === 0 ? (
        <p class="k-notice">{t('sign.none')}</p>
      ) : (
        videos.map((video) => (
          <section class="k-video" aria-labelledby={`video-${video.id}`}>
            <h3 id={`video-${video.id}`} lang={titleLang}>
              {video.title}
            </h3>
            {/* No autoplay; the browser's own controls work by keyboard. Captions are German, when the city has them. */}
            {/* biome-ignore lint/a11y/useMediaCaption: the video is in sign language; a captions file is added whenever the city provides one (the admin form asks for it). */}
            <video class="k-video__player" controls preload="metadata" aria-labelledby={`video-${video.id}`}>
              <source src={video.video_url} />
              {video.captions_url && <track kind="captions" src={video.captions_url} srclang="de" label={t('sign.captions')} default />}
              <p>
                {t('sign.noVideoSupport')} <a href={video.video_url}>{t('sign.download', { title: video.title })}</a>
              </p>
            </video>
            <p>
              <a href={video.video_url} download>
                {t('sign.download', { title: video.title })}
              </a>
            </p>
          </section>
        ))
      )}
      <h2>{t('sign.helpTitle')}</h2>
      {email && (
        <p>
          {t('sign.helpEmail')}{' '}
          <a href={`mailto:${email}`} dir="ltr">
            {email}
          </a>
        </p>
      )}
      <p>
        <a href="/barrierefreiheit#feedback-title">{t('sign.helpForm')}</a>
      </p>
      <p>
        <a href="/leichte-sprache" hreflang="de">
          {t('sign.easyLink')}
        </a>
      </p>
    </Layout>
  );
}

export interface VideoForm {
  title: string;
  videoUrl: string;
  captionsUrl: string;
  sort: string;
}

/** The admins' list of videos and the form to add one. */
export function SignLanguageAdminPage(props: {
  ctx: RequestContext;
  videos: SignLanguageVideo[];
  values?: VideoForm;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const { ctx } = props;
  const t = translator(messages, ctx.locale);
  const v = props.values ?? { title: '', videoUrl: '', captionsUrl: '', sort: '0' };
  const e = props.errors ?? {};
  const url = (href: string) => (
    <a href={href} dir="ltr" class="k-break">
      {href}
    </a>
  );
  return (
    <AdminListPage
      ctx={ctx}
      title={t('bo.title')}
      notice={props.notice}
      intro={
        <>
          <p>{t('bo.intro')}</p>
          <p>
            <a href="/gebaerdensprache">{t('bo.publicPage')}</a>
          </p>
        </>
      }
      after={
        <FormSection
          id="add-video"
          title={t('bo.addTitle')}
          errors={e}
          action="/verwaltung/gebaerdensprache"
          csrfToken={ctx.csrfToken}
          submitLabel={t('bo.add')}
        >
          <TextInput name="title" label={t('bo.videoTitle')} hint={t('bo.videoTitleHint')} value={v.title} error={e.title} maxLength={200} />
          <TextInput name="videoUrl" type="url" label={t('bo.videoUrl')} hint={t('bo.videoUrlHint')} value={v.videoUrl} error={e.videoUrl} />
          <TextInput name="captionsUrl" type="url" label={t('bo.captionsUrl')} hint={t('bo.captionsUrlHint')} value={v.captionsUrl} error={e.captionsUrl} />
          <TextInput name="sort" label={t('bo.sort')} hint={t('bo.sortHint')} value={v.sort} error={e.sort} inputMode="numeric" width="short" />
        </FormSection>
      }
    >
      <DataTable
        caption={t('bo.caption')}
        rows={props.videos}
        empty={<p>{t('bo.none')}</p>}
        columns={[
          { header: t('bo.col.title'), rowHeader: true, cell: (row) => row.title },
          { header: t('bo.col.video'), cell: (row) => url(row.video_url) },
          { header: t('bo.col.captions'), cell: (row) => (row.captions_url ? url(row.captions_url) : '–') },
          { header: t('bo.col.sort'), cell: (row) => String(row.sort) },
          {
            header: t('bo.col.actions'),
            cell: (row) => (
              <form method="post" action="/verwaltung/gebaerdensprache/entfernen">
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="id" value={String(row.id)} />
                <button type="submit" class="k-button k-button--warning k-button--small">
                  {t('bo.delete')}
                  <span class="k-visually-hidden"> {row.title}</span>
                </button>
              </form>
            ),
          },
        ]}
      />
    </AdminListPage>
  );
}
