import type { Db } from '../../../../platform/db/connect';
import type { RequestContext } from '../../../../platform/http/context';
import { RESIDENT_SIGN_IN } from '../../../../platform/http/guards';
import { translator } from '../../../../platform/i18n';
import { CsrfField } from '../../../../platform/views/forms';
import type { Children } from '../../../../platform/views/render';
import { isFollowing } from '../follows.queries';
import type { ParticipationItem } from '../item-kind';
import { commentMessages } from '../messages';
import { CommentStyles } from './comments-section';

export const followPath = (kind: string, id: number) => `/beteiligung/verfolgen/${encodeURIComponent(kind)}/${id}`;

/** The follow or unfollow button alone (a form), for an item's page or a card; a sign-in link for visitors. */
export function FollowButton({
  ctx,
  kind,
  id,
  item,
  following,
}: {
  ctx: RequestContext;
  kind: string;
  id: number;
  item: ParticipationItem;
  following: boolean;
}) {
  const t = translator(commentMessages, ctx.locale);
  if (!ctx.user) return <a href={`${RESIDENT_SIGN_IN}?return=${encodeURIComponent(item.path)}`}>{t('follow.signIn')}</a>;
  return (
    <form method="post" action={followPath(kind, id)} class="k-follow__form">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="follow" value={following ? '0' : '1'} />
      <button type="submit" class={`k-button ${following ? 'k-button--secondary' : 'k-button--primary'}`} aria-pressed={following ? 'true' : 'false'}>
        {following ? t('follow.unfollow') : t('follow.follow')}
      </button>
    </form>
  );
}

/** "Neuigkeiten per E-Mail": what following means and the button, for an item's page. */
export async function followSection(db: Db, ctx: RequestContext, { kind, id, item }: { kind: string; id: number; item: ParticipationItem }): Promise<Children> {
  const t = translator(commentMessages, ctx.locale);
  const following = ctx.user ? await isFollowing(db, { organizationId: ctx.org.id, kind, itemId: id }, ctx.user.id) : false;
  return (
    <section class="k-section k-follow" id="verfolgen" aria-labelledby="verfolgen-title">
      <CommentStyles />
      <h2 id="verfolgen-title">{t('follow.title')}</h2>
      <p class="k-hint">{following ? t('follow.following') : t('follow.hint')}</p>
      <FollowButton ctx={ctx} kind={kind} id={id} item={item} following={following} />
    </section>
  );
}
