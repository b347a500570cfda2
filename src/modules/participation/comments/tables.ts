import type { Generated } from 'kysely';

// Kysely's view of the comments feature's tables (migration 0030; src/db-schema.ts joins them into Database).

export interface ParticipationCommentsTable {
  id: Generated<number>;
  organization_id: number;
  item_kind: string;
  item_id: number;
  parent_id: number | null;
  author_id: number | null;
  show_name: Generated<boolean>;
  body: string;
  official: Generated<boolean>;
  created_at: Generated<Date>;
  edited_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  hidden_by: number | null;
  removed_at: Date | null;
}

export interface ParticipationCommentFlagsTable {
  organization_id: number;
  comment_id: number;
  user_id: number;
  reason: string;
  created_at: Generated<Date>;
  resolved_at: Date | null;
  resolution: 'hidden' | 'dismissed' | null;
}

export interface ParticipationItemEventsTable {
  id: Generated<number>;
  organization_id: number;
  item_kind: string;
  item_id: number;
  event_type: string;
  data: Generated<unknown>;
  actor_user_id: number | null;
  created_at: Generated<Date>;
}

export interface ParticipationFollowsTable {
  organization_id: number;
  item_kind: string;
  item_id: number;
  user_id: number;
  unsubscribe_token_hash: string;
  last_event_id: Generated<number>;
  created_at: Generated<Date>;
}

export interface ParticipationDigestsTable {
  organization_id: number;
  user_id: number;
  last_sent_at: Date | null;
}

export interface CommentTables {
  participation_comments: ParticipationCommentsTable;
  participation_comment_flags: ParticipationCommentFlagsTable;
  participation_item_events: ParticipationItemEventsTable;
  participation_follows: ParticipationFollowsTable;
  participation_digests: ParticipationDigestsTable;
}
