import type { ColumnType, Generated } from 'kysely';
import type { EligibilityRules } from '../eligibility/rule';

// Kysely's view of this feature's tables (src/db-schema.ts joins them into Database); migration 0028.

/** A `date` column: queries select it as text (`::text`, YYYY-MM-DD), so the day never shifts with a time zone. */
type Day = ColumnType<string, string, string>;

export interface ParticipationProcessesTable {
  id: Generated<number>;
  organization_id: number;
  title: string;
  summary: string;
  /** Sanitised on save (rich-text.ts); shown as it is. */
  body_html: Generated<string>;
  topic: string;
  department_id: number | null;
  body_id: number | null;
  rules: ColumnType<EligibilityRules, string, string>;
  published: Generated<boolean>;
  image_key: string | null;
  image_alt: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ParticipationProcessDistrictsTable {
  organization_id: number;
  process_id: number;
  district_id: number;
}
export interface ParticipationPhasesTable {
  id: Generated<number>;
  organization_id: number;
  process_id: number;
  title: string;
  description: Generated<string>;
  starts_on: Day;
  ends_on: Day;
  kinds: string[];
  ended_early_at: Date | null;
  ended_early_by: number | null;
  ended_early_reason: string | null;
  created_at: Generated<Date>;
}
export interface ParticipationProcessDocumentsTable {
  id: Generated<number>;
  organization_id: number;
  process_id: number;
  title: string;
  storage_key: string;
  size_bytes: number;
  created_at: Generated<Date>;
}

export interface ProcessTables {
  participation_processes: ParticipationProcessesTable;
  participation_process_districts: ParticipationProcessDistrictsTable;
  participation_phases: ParticipationPhasesTable;
  participation_process_documents: ParticipationProcessDocumentsTable;
}
