import type { RequestContext } from '../../../platform/http/context';
import { translator } from '../../../platform/i18n';
import { Layout } from '../../../platform/views/layout';
import type { Refusal } from '../../participation';
import { messages } from '../messages';

/** Shown with 403 when the city's rule does not let this person act (the core's notice view can replace it). */
export function RefusedPage({ ctx, refusal, returnTo }: { ctx: RequestContext; refusal: Refusal; returnTo: string }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('refusedTitle')}>
      <h1>{t('refusedTitle')}</h1>
      {refusal === 'sign_in' ? (
        <p>
          {t('refused.sign_in')} <a href={`/anmelden?return=${encodeURIComponent(returnTo)}`}>{t('signIn')}</a>
        </p>
      ) : (
        <p>{t('refused.other')}</p>
      )}
      <p>
        <a href="/ideen">{t('allIdeas')}</a>
      </p>
    </Layout>
  );
}
