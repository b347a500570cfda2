import type { RequestContext } from '../http/context';
import { translator } from '../i18n';
import { platformMessages } from '../i18n/platform-messages';
import { Layout } from './layout';
import type { Children } from './render';

/** The back-office frame: the section menu the modules contribute, filtered by the person's role, then the page. */
export function BackOfficeFrame({ ctx, title, children }: { ctx: RequestContext; title: string; children: Children }) {
  const t = translator(platformMessages, ctx.locale);
  const links = ctx.modules.backOfficeLinks(ctx.user?.role, ctx.locale);
  const current = ctx.path.split('?')[0];
  return (
    <Layout ctx={ctx} title={title} wide>
      <div class="k-backoffice">
        <nav class="k-backoffice__nav" aria-label={t('backOffice')}>
          <ul>
            {links.map(({ href, label }) => (
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
