import type { RequestContext } from '../../../platform/http/context';
import { translator } from '../../../platform/i18n';
import { Layout } from '../../../platform/views/layout';
import { EligibilityNotice, type Refusal } from '../../participation';
import { messages } from '../messages';

/** Shown with 403 when the city's rule does not let this person act: the core's notice says what they can do. */
export function RefusedPage({ ctx, refusal, returnTo }: { ctx: RequestContext; refusal: Refusal; returnTo: string }) {
  const t = translator(messages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('refusedTitle')}>
      <h1>{t('refusedTitle')}</h1>
      <EligibilityNotice locale={ctx.locale} refusal={refusal} returnPath={returnTo} />
      <p>
        <a href="/ideen">{t('allIdeas')}</a>
      </p>
    </Layout>
  );
}
