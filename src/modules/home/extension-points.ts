import type { Db } from '../../platform/db/connect';
import type { RequestContext } from '../../platform/http/context';
import { extensionPoint } from '../../platform/module';
import type { Children } from '../../platform/views/render';

/** What the visitor chose on the front door (the district of the newest reports). */
export interface HomeQuery {
  districtId: number | null;
}

/**
 * A part of the front door a module contributes: an action tile ("Problem melden") or a section below (the newest
 * reports, the Angsträume map). The home module only arranges them by order; each module knows its own data.
 */
export interface HomeContribution {
  slot: 'action' | 'section';
  order: number;
  render(db: Db, ctx: RequestContext, query: HomeQuery): Promise<Children | null>;
}

export const homeContribution = extensionPoint<HomeContribution>('home: action tiles and sections of the front door');
