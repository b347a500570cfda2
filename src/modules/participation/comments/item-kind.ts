import type { Db } from '../../../platform/db/connect';
import type { Locale } from '../../../platform/i18n';
import { extensionPoint } from '../../../platform/module';
import type { EligibilityRule } from '../eligibility/rule';

/**
 * A thing residents can comment on and follow (an idea, a process, a budget proposal, a planning contribution).
 * The module that owns the thing contributes its kind; the core keeps comments, flags and follows by (kind, id) and
 * asks the owner what it needs to know, so it never reads another module's tables.
 */
export interface ParticipationItemKind {
  /** Stable short name stored with comments and follows, e.g. 'idea', 'process'. */
  kind: string;
  /** The item in this city as the core needs it, or null when it does not exist or is not public. */
  find(db: Db, organizationId: number, id: number, locale: Locale): Promise<ParticipationItem | null>;
  /**
   * Optional: one line for the digest mail about an event the owner recorded (recordItemEvent), in the reader's
   * language, e.g. "Status: angenommen". Without it (or when it returns null) the core writes its own line for
   * 'comment', 'official_answer' and 'status', and "Es gibt Neuigkeiten" for anything else.
   */
  describeEvent?(event: ItemEvent, locale: Locale): string | null;
  /**
   * Optional, for owners that let residents flag whole items: hide the item with a public reason. The moderation
   * queue lists only comments today; this is where item flags will plug in.
   */
  hide?(db: Db, organizationId: number, id: number, reason: string): Promise<void>;
}

/** Public news about an item, as recorded by recordItemEvent and read by the digest mail. */
export interface ItemEvent {
  /** 'comment', 'official_answer', 'status' or an owner's own word. */
  type: string;
  /** Small JSON the owner's describeEvent reads (e.g. { status: 'accepted' }); no personal data. */
  data?: Record<string, string | number | boolean | null>;
}

export interface ParticipationItem {
  title: string;
  /** Its public page, where the comments are shown (the core redirects there after a post, to `#kommentare`). */
  path: string;
  /** Who may comment now (decided on the server for every post). */
  commentRule: EligibilityRule;
  /** Comments are accepted (e.g. the idea is not closed, the phase offers comments). */
  commentsOpen: boolean;
  /** The department that answers officially; staff of it (and admins) may mark a comment as the official answer. */
  departmentId: number | null;
}

export const participationItemKind = extensionPoint<ParticipationItemKind>('participation: things to comment on and follow');
