import { sql } from 'kysely';
import type { Db } from '../db/connect';
import type { TranslatedContentLocale } from './content-translations';

// Translations of what staff write (content_translations, migration 0021). German stays in the thing's own table;
// a row here is one field of one thing in one other language. Plain SQL: the table is the platform's, shared by
// every module that lets staff translate, and not part of any module's typed tables.

export interface ContentKey {
  /** What kind of thing, e.g. 'report_event'. */
  entity: string;
  field: string;
}

/** The translations of one field of several things into one language, by id. */
export async function contentTranslations(
  db: Db,
  organizationId: number,
  key: ContentKey,
  ids: readonly number[],
  locale: TranslatedContentLocale,
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ entity_id: number; text: string }>`
    SELECT entity_id, text FROM content_translations
    WHERE organization_id = ${organizationId} AND entity = ${key.entity} AND field = ${key.field} AND locale = ${locale}
      AND entity_id = ANY(${[...ids]}::int[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.entity_id, r.text]));
}

export interface StoredTranslation {
  entity: string;
  entity_id: number;
  field: string;
  locale: TranslatedContentLocale;
  text: string;
}

/** Every translation of the given things (of the given kinds), for the staff page that edits them. */
export async function translationsOfEntities(
  db: Db,
  organizationId: number,
  entities: readonly string[],
  ids: readonly number[],
): Promise<StoredTranslation[]> {
  if (ids.length === 0 || entities.length === 0) return [];
  const rows = await sql<StoredTranslation>`
    SELECT entity, entity_id, field, locale, text FROM content_translations
    WHERE organization_id = ${organizationId} AND entity = ANY(${[...entities]}::text[]) AND entity_id = ANY(${[...ids]}::int[])
    ORDER BY entity, entity_id, field, locale`.execute(db);
  return rows.rows;
}

export type TranslationChange = ContentKey & { entityId: number; locale: TranslatedContentLocale; text: string };

/** Writes the translations in one transaction; an empty text removes that translation. */
export async function saveTranslations(db: Db, organizationId: number, changes: readonly TranslationChange[], userId: number | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const c of changes) {
      if (c.text === '') {
        await sql`DELETE FROM content_translations
          WHERE organization_id = ${organizationId} AND entity = ${c.entity} AND entity_id = ${c.entityId} AND field = ${c.field} AND locale = ${c.locale}`.execute(
          trx,
        );
        continue;
      }
      await sql`INSERT INTO content_translations (organization_id, entity, entity_id, field, locale, text, updated_by)
        VALUES (${organizationId}, ${c.entity}, ${c.entityId}, ${c.field}, ${c.locale}, ${c.text}, ${userId})
        ON CONFLICT (organization_id, entity, entity_id, field, locale)
        DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = now()
        WHERE content_translations.text IS DISTINCT FROM EXCLUDED.text`.execute(trx);
    }
  });
}
