import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/connect';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { asForm, field } from '../../platform/http/form';
import { currentUser, staffOnly } from '../../platform/http/guards';
import { knownNotice, NoticeQuery } from '../../platform/http/schemas';
import { translator } from '../../platform/i18n';
import { sendHtml } from '../../platform/views/render';
import { insertAudit } from '../organizations';
import * as q from './languages.queries';
import { messages } from './messages';
import { EasyLanguagePage, SignLanguageAdminPage, SignLanguagePage, type VideoForm } from './views/pages';

const URL_MAX = 2000;

/**
 * A video or captions address: a path on this site, or https on the city's own server. Returns the origin the
 * page must allow for media (null for this site), or undefined when the address is not acceptable.
 */
export function mediaOrigin(value: string): string | null | undefined {
  if (value.length > URL_MAX || /[\s"'<>\\]/.test(value)) return undefined;
  if (value.startsWith('/') && !value.startsWith('//')) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname && !url.username && !url.password ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The page's media-src: this site and the servers the city's videos are on (the CSP allows nothing else). */
function withMediaSources(csp: string, videos: q.SignLanguageVideo[]): string {
  const origins = new Set<string>();
  for (const v of videos) {
    for (const address of [v.video_url, v.captions_url]) {
      const origin = address ? mediaOrigin(address) : null;
      if (origin) origins.add(origin);
    }
  }
  return `${csp}; media-src 'self'${[...origins].map((o) => ` ${o}`).join('')}`;
}

function checkVideo(t: ReturnType<typeof translator<keyof (typeof messages)['de']>>, values: VideoForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.title || [...values.title].length > 200) errors.title = t('bo.err.title');
  if (mediaOrigin(values.videoUrl) === undefined || !values.videoUrl) errors.videoUrl = t('bo.err.url');
  if (values.captionsUrl && mediaOrigin(values.captionsUrl) === undefined) errors.captionsUrl = t('bo.err.url');
  if (!/^\d{1,3}$/.test(values.sort)) errors.sort = t('bo.err.sort');
  return errors;
}

/** /leichte-sprache, /gebaerdensprache, and the admins' page for the city's sign-language videos. */
export function languagesRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const adminOnly = { preHandler: staffOnly('admin') };

  o.get('/leichte-sprache', async (request, reply) => sendHtml(reply, <EasyLanguagePage ctx={request.ctx} />));

  o.get('/gebaerdensprache', async (request, reply) => {
    const videos = await q.listVideos(db, request.ctx.org.id);
    const csp = reply.getHeader('Content-Security-Policy');
    if (typeof csp === 'string') reply.header('Content-Security-Policy', withMediaSources(csp, videos));
    return sendHtml(reply, <SignLanguagePage ctx={request.ctx} videos={videos} />);
  });

  o.get('/verwaltung/gebaerdensprache', { ...adminOnly, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const ok = knownNotice(['added', 'deleted'] as const, request.query.ok);
    const notice = ok === 'added' ? t('bo.added') : ok === 'deleted' ? t('bo.deleted') : undefined;
    return sendHtml(reply, <SignLanguageAdminPage ctx={ctx} videos={await q.listVideos(db, ctx.org.id)} notice={notice} />);
  });

  o.post('/verwaltung/gebaerdensprache', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const body = asForm(request.body);
    const values: VideoForm = {
      title: field(body, 'title'),
      videoUrl: field(body, 'videoUrl'),
      captionsUrl: field(body, 'captionsUrl'),
      sort: field(body, 'sort') || '0',
    };
    const errors = checkVideo(t, values);
    if (Object.keys(errors).length > 0) {
      return sendHtml(reply, <SignLanguageAdminPage ctx={ctx} videos={await q.listVideos(db, ctx.org.id)} values={values} errors={errors} />, 400);
    }
    const id = await q.addVideo(db, ctx.org.id, {
      title: values.title,
      videoUrl: values.videoUrl,
      captionsUrl: values.captionsUrl || null,
      sort: Number(values.sort),
    });
    await insertAudit(db, { organizationId: ctx.org.id, actorUserId: currentUser(request).id, action: 'sign_language_videos.add', subject: String(id) });
    return reply.redirect('/verwaltung/gebaerdensprache?ok=added', 303);
  });

  // The video is named in the form (like the other fields), not in the address: one address for the admins' list.
  o.post('/verwaltung/gebaerdensprache/entfernen', adminOnly, async (request, reply) => {
    const { ctx } = request;
    const raw = field(asForm(request.body), 'id');
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    if (!id || !(await q.deleteVideo(db, ctx.org.id, id))) throw new AppError('not_found');
    await insertAudit(db, { organizationId: ctx.org.id, actorUserId: currentUser(request).id, action: 'sign_language_videos.delete', subject: String(id) });
    return reply.redirect('/verwaltung/gebaerdensprache?ok=deleted', 303);
  });
}
