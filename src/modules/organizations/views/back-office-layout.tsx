import type { RequestContext } from '../../../platform/http/context';
import { translator } from '../../../platform/i18n';
import { Layout } from '../../../platform/views/layout';
import type { Children } from '../../../platform/views/render';
import { angstraumBackOfficeLinks } from '../../angstraeume/angstraeume.menu';
import { messages as open311Messages } from '../../open311/messages';
import { reportBackOfficeLinks } from '../../reports/backoffice/backoffice.menu';
import { messages } from '../messages';

/** The back-office frame: a section menu by role, then the page. */
export function BackOfficeLayout({ ctx, title, children }: { ctx: RequestContext; title: string; children: Children }) {
  const t = translator(messages, ctx.locale);
  const admin = ctx.user?.role === 'admin';
  const reportLinks = reportBackOfficeLinks(ctx.user?.role, ctx.locale);
  const links: Array<[string, string]> = [['/verwaltung', t('backOffice')], ...reportLinks.all, ...angstraumBackOfficeLinks(ctx.user?.role, ctx.locale)];
  if (admin) {
    links.push(
      ['/verwaltung/abteilungen', t('departments')],
      ['/verwaltung/bezirke', t('districts')],
      ['/verwaltung/mitarbeitende', t('staff')],
      ['/verwaltung/seiten', t('legalPages')],
      ...reportLinks.admin,
      ['/verwaltung/api-schluessel', translator(open311Messages, ctx.locale)('apiKeys')],
    );
  }
  if (admin || ctx.user?.role === 'moderator') links.push(['/verwaltung/rueckmeldungen', t('feedback')]);
  const current = ctx.path.split('?')[0];
  return (
    <Layout ctx={ctx} title={title} wide>
      <div class="k-backoffice">
        <nav class="k-backoffice__nav" aria-label={t('backOffice')}>
          <ul>
            {links.map(([href, label]) => (
              <li>
                <a href={href} aria-current={current === href ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="k-backoffice__content">{children}</div>
      </div>
    </Layout>
  );
}
