import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';

// The city's videos in Deutsche Gebärdensprache (sign_language_videos, migration 0021). Plain SQL, as the table is
// this module's alone (see docs/architecture.md, "Adding a module").

export interface SignLanguageVideo {
  id: number;
  title: string;
  video_url: string;
  captions_url: string | null;
  sort: number;
}

export async function listVideos(db: Db, organizationId: number): Promise<SignLanguageVideo[]> {
  const rows = await sql<SignLanguageVideo>`
    SELECT id, title, video_url, captions_url, sort FROM sign_language_videos
    WHERE organization_id = ${organizationId} ORDER BY sort, id`.execute(db);
  return rows.rows;
}

export async function addVideo(
  db: Db,
  organizationId: number,
  video: { title: string; videoUrl: string; captionsUrl: string | null; sort: number },
): Promise<number> {
  const rows = await sql<{ id: number }>`
    INSERT INTO sign_language_videos (organization_id, title, video_url, captions_url, sort)
    VALUES (${organizationId}, ${video.title}, ${video.videoUrl}, ${video.captionsUrl}, ${video.sort}) RETURNING id`.execute(db);
  return rows.rows[0]!.id;
}

/** True when there was such a video in this city. */
export async function deleteVideo(db: Db, organizationId: number, id: number): Promise<boolean> {
  const rows = await sql<{ id: number }>`DELETE FROM sign_language_videos WHERE organization_id = ${organizationId} AND id = ${id} RETURNING id`.execute(db);
  return rows.rows.length > 0;
}
