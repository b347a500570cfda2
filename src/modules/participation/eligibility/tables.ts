import type { ColumnType, Generated } from 'kysely';

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

/** A `date` column: written as 'YYYY-MM-DD', read through `::text` in the queries (drivers differ on dates). */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** Migration 0029: one current verification per account and city. */
export interface ParticipationVerificationsTable {
  organization_id: number;
  user_id: number;
  district_id: number | null;
  born_from: NullableDate;
  born_to: NullableDate;
  valid_until: DateColumn;
  method: 'letter_code' | 'counter';
  verified_at: Generated<Date>;
  verified_by: number | null;
}
export interface ParticipationCodeBatchesTable {
  id: Generated<number>;
  organization_id: number;
  district_id: number | null;
  age_min: number | null;
  age_max: number | null;
  /** Migration 0033: the day the age band refers to (null: batches made before, whose band held on issue). */
  age_on: NullableDate;
  born_from: NullableDate;
  born_to: NullableDate;
  valid_until: DateColumn;
  code_count: number;
  sealed_codes: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface ParticipationCodesTable {
  organization_id: number;
  batch_id: number;
  code_hash: string;
  used_at: Date | null;
  used_by: number | null;
  revoked_at: Date | null;
}

export interface EligibilityTables {
  participation_bodies: ParticipationBodiesTable;
  participation_body_members: ParticipationBodyMembersTable;
  participation_verifications: ParticipationVerificationsTable;
  participation_code_batches: ParticipationCodeBatchesTable;
  participation_codes: ParticipationCodesTable;
}
