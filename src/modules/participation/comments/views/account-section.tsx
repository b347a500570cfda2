import { translator } from '../../../../platform/i18n';
import { contribute } from '../../../../platform/module';
import { Pagination } from '../../../../platform/views/components';
import { CsrfField } from '../../../../platform/views/forms';
import { type AccountSection, accountSection } from '../../../accounts';
import { findItem } from '../comments.service';
import { followsPage } from '../follows.queries';
import { commentMessages } from '../messages';
import { CommentStyles } from './comments-section';
import { followPath } from './follow-section';

// "Verfolgte Beiträge" on Mein Konto: the items a resident follows (ideas, processes …), each with its link and a
// button to stop following, which leads back here.

export const ACCOUNT_SECTION_ID = 'beteiligung-verfolgt';
export const ACCOUNT_RETURN = `/konto#konto-${ACCOUNT_SECTION_ID}`;
const PER_PAGE = 20;

const section: AccountSection = {
  id: ACCOUNT_SECTION_ID,
  order: 35,
  title: (locale) => translator(commentMessages, locale)('account.title'),
  pageParam: 'beteiligung',
  render: async (db, ctx, holder, state) => {
    const t = translator(commentMessages, ctx.locale);
    const { rows, total } = await followsPage(db, holder.organizationId, holder.userId, state.page, PER_PAGE);
    if (total === 0) return null;
    const items = await Promise.all(
      rows.map(async (r) => ({ ...r, found: await findItem(ctx.modules, db, holder.organizationId, r.item_kind, r.item_id, ctx.locale) })),
    );
    return (
      <>
        <CommentStyles />
        <p class="k-hint">{t('account.intro')}</p>
        <ul class="k-follows">
          {items.map((r) => (
            <li class="k-follows__item">
              {r.found ? (
                <a href={r.found.item.path} dir="auto">
                  {r.found.item.title}
                </a>
              ) : (
                <span>{t('account.gone')}</span>
              )}
              <form method="post" action={followPath(r.item_kind, r.item_id)} class="k-follow__form">
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="follow" value="0" />
                <input type="hidden" name="return" value={ACCOUNT_RETURN} />
                <button type="submit" class="k-button k-button--secondary k-button--small">
                  {t('follow.unfollow')}
                  <span class="k-visually-hidden">: {r.found?.item.title ?? t('account.gone')}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
        <Pagination paging={{ page: state.page, pages: Math.ceil(total / PER_PAGE) }} url={{ path: '/konto', query: state.query, pageParam: 'beteiligung' }} />
      </>
    );
  },
};

export const followsAccountSection = contribute(accountSection, section);
