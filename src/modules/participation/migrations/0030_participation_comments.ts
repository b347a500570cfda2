import { type Kysely, sql } from 'kysely';

// Comments, flags and follows of the participation core (issue 16). Items belong to other modules (ideas,
// processes, budget proposals …), so rows name them by (item_kind, item_id) and the core asks the owner about
// them (participationItemKind); there is no foreign key to the item, and an owner that deletes items leaves
// comments that no page shows.
const statements = [
  // One level of replies: a reply's parent is a top-level comment of the same item (checked by the service under
  // the parent's row; the key keeps a reply in its parent's city). removed_at: the author's account was deleted
  // with DELETED_ACCOUNT_CONTRIBUTIONS=remove, the text is gone and the place in the thread stays.
  `CREATE TABLE participation_comments (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     item_kind text NOT NULL CHECK (length(item_kind) BETWEEN 1 AND 40),
     item_id integer NOT NULL,
     parent_id integer,
     author_id integer,
     show_name boolean NOT NULL DEFAULT false,
     body text NOT NULL CHECK (length(body) <= 5000),
     official boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     edited_at timestamptz,
     hidden_at timestamptz,
     hidden_reason text CHECK (length(hidden_reason) <= 500),
     hidden_by integer,
     removed_at timestamptz,
     UNIQUE (id, organization_id),
     CHECK (removed_at IS NOT NULL OR length(body) >= 1),
     CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
     FOREIGN KEY (parent_id, organization_id) REFERENCES participation_comments(id, organization_id) ON DELETE CASCADE,
     FOREIGN KEY (author_id, organization_id) REFERENCES users(id, organization_id) ON DELETE SET NULL (author_id),
     FOREIGN KEY (hidden_by, organization_id) REFERENCES users(id, organization_id) ON DELETE SET NULL (hidden_by)
   )`,
  `CREATE INDEX participation_comments_item ON participation_comments (organization_id, item_kind, item_id, parent_id, id)`,
  `CREATE INDEX participation_comments_author ON participation_comments (organization_id, author_id) WHERE author_id IS NOT NULL`,
  // One flag per person and comment; a moderator's decision (hide or dismiss) resolves the open flags.
  `CREATE TABLE participation_comment_flags (
     organization_id integer NOT NULL REFERENCES organizations(id),
     comment_id integer NOT NULL,
     user_id integer NOT NULL,
     reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
     created_at timestamptz NOT NULL DEFAULT now(),
     resolved_at timestamptz,
     resolution text CHECK (resolution IN ('hidden', 'dismissed')),
     PRIMARY KEY (comment_id, user_id),
     FOREIGN KEY (comment_id, organization_id) REFERENCES participation_comments(id, organization_id) ON DELETE CASCADE,
     FOREIGN KEY (user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE CASCADE
   )`,
  `CREATE INDEX participation_comment_flags_open ON participation_comment_flags (organization_id, created_at) WHERE resolved_at IS NULL`,
  `CREATE INDEX participation_comment_flags_user ON participation_comment_flags (organization_id, user_id)`,
  // Public news of an item (a comment, an official answer, a status change the owner records): what the digest
  // mail tells followers. actor_user_id: whose doing it was, so people are not told about their own comments.
  `CREATE TABLE participation_item_events (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id),
     item_kind text NOT NULL CHECK (length(item_kind) BETWEEN 1 AND 40),
     item_id integer NOT NULL,
     event_type text NOT NULL CHECK (length(event_type) BETWEEN 1 AND 40),
     data jsonb NOT NULL DEFAULT '{}',
     actor_user_id integer,
     created_at timestamptz NOT NULL DEFAULT now(),
     FOREIGN KEY (actor_user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE SET NULL (actor_user_id)
   )`,
  `CREATE INDEX participation_item_events_item ON participation_item_events (organization_id, item_kind, item_id, id)`,
  // Follows of signed-in residents. last_event_id: the newest event already told (or there when they followed);
  // unsubscribe_token_hash stands for the follow in the digest's one-click links (platform/engagement/unsubscribe).
  `CREATE TABLE participation_follows (
     organization_id integer NOT NULL REFERENCES organizations(id),
     item_kind text NOT NULL CHECK (length(item_kind) BETWEEN 1 AND 40),
     item_id integer NOT NULL,
     user_id integer NOT NULL,
     unsubscribe_token_hash text NOT NULL UNIQUE,
     last_event_id integer NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (organization_id, item_kind, item_id, user_id),
     FOREIGN KEY (user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE CASCADE
   )`,
  `CREATE INDEX participation_follows_user ON participation_follows (organization_id, user_id)`,
  // One row per follower: when their last digest went out (the period comes from account_mail_settings.digest;
  // the reports' digest keeps its own clock there). The digest job locks this row, so two processes send once.
  `CREATE TABLE participation_digests (
     organization_id integer NOT NULL REFERENCES organizations(id),
     user_id integer NOT NULL,
     last_sent_at timestamptz,
     PRIMARY KEY (organization_id, user_id),
     FOREIGN KEY (user_id, organization_id) REFERENCES users(id, organization_id) ON DELETE CASCADE
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'participation_digests',
    'participation_follows',
    'participation_item_events',
    'participation_comment_flags',
    'participation_comments',
  ]) {
    await sql.raw(`DROP TABLE ${table}`).execute(db);
  }
}
