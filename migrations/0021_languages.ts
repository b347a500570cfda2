import { type Kysely, sql } from 'kysely';

// Languages (issue 15).
//
// - users.locale: the language a resident chose (language switch while signed in, or the page they signed in
//   from); mails to the account are written in it. Null until they choose or sign in again.
// - reports.locale and report_followers.locale: the language of the person who reported or followed, kept at that
//   moment, so status mails and follow-up questions reach them in it. Null for rows from before this migration;
//   those mails stay German with English below.
// - content_translations: what staff write (a report's public note; later processes, events) in other languages
//   than German. One row per city, kind of thing, its id, field and language; German is the text in the thing's
//   own table and never stored here.
// - sign_language_videos: the city's own videos in Deutsche Gebärdensprache (DGS) for /gebaerdensprache, as file
//   addresses on the city's server (no third-party player).
const LOCALE = `'^(de|en|tr|ar|uk|pl)$'`;

const statements = [
  `ALTER TABLE users ADD COLUMN locale text CHECK (locale ~ ${LOCALE})`,
  `ALTER TABLE reports ADD COLUMN locale text CHECK (locale ~ ${LOCALE})`,
  `ALTER TABLE report_followers ADD COLUMN locale text CHECK (locale ~ ${LOCALE})`,
  `CREATE TABLE content_translations (
     organization_id integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
     entity text NOT NULL CHECK (entity ~ '^[a-z_]{1,40}$'),
     entity_id integer NOT NULL,
     field text NOT NULL CHECK (field ~ '^[a-z_]{1,40}$'),
     locale text NOT NULL CHECK (locale ~ ${LOCALE} AND locale <> 'de'),
     text text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
     updated_at timestamptz NOT NULL DEFAULT now(),
     updated_by integer,
     PRIMARY KEY (organization_id, entity, entity_id, field, locale),
     FOREIGN KEY (updated_by, organization_id) REFERENCES users(id, organization_id) ON DELETE SET NULL (updated_by)
   )`,
  `CREATE TABLE sign_language_videos (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     organization_id integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
     title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
     video_url text NOT NULL CHECK (length(video_url) BETWEEN 1 AND 2000),
     captions_url text CHECK (length(captions_url) <= 2000),
     sort integer NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX sign_language_videos_city ON sign_language_videos (organization_id, sort, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
