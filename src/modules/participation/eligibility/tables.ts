import type { Generated } from 'kysely';

// Kysely's view of the eligibility tables (src/db-schema.ts joins them into Database).
export interface ParticipationBodiesTable {
  id: Generated<number>;
  organization_id: number;
  kind: 'youth_parliament' | 'seniors_council' | 'district_council' | 'other';
  name: string;
  district_id: number | null;
  created_at: Generated<Date>;
}
export interface ParticipationBodyMembersTable {
  organization_id: number;
  body_id: number;
  user_id: number;
  added_by: number | null;
  added_at: Generated<Date>;
}

export interface EligibilityTables {
  participation_bodies: ParticipationBodiesTable;
  participation_body_members: ParticipationBodyMembersTable;
}
