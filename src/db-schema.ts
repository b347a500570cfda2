import type { Generated, Insertable, Selectable } from 'kysely';

// The whole schema as Kysely sees it. Tables belong to the module named in the comment.

// platform / organizations
export interface OrganizationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  hosts: string[];
  contact_email: string;
  created_at: Generated<Date>;
}
export interface DistrictsTable {
  id: Generated<number>;
  organization_id: number;
  kind: string;
  name: string;
  code: string | null;
  geometry: unknown;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  source: Generated<string>;
  created_at: Generated<Date>;
}
export interface DepartmentsTable {
  id: Generated<number>;
  organization_id: number;
  name: string;
  email: string;
  created_at: Generated<Date>;
}
export interface LegalPagesTable {
  organization_id: number;
  slug: 'impressum' | 'datenschutz' | 'barrierefreiheit';
  locale: string;
  title: string;
  body: string;
  updated_at: Generated<Date>;
  updated_by: number | null;
}
export interface AccessibilityFeedbackTable {
  id: Generated<number>;
  organization_id: number;
  page_url: Generated<string>;
  message: string;
  email: string | null;
  created_at: Generated<Date>;
}
export interface AuditLogTable {
  id: Generated<number>;
  organization_id: number;
  actor_user_id: number | null;
  action: string;
  subject: Generated<string>;
  details: Generated<unknown>;
  created_at: Generated<Date>;
}

// accounts
export type StaffRole = 'admin' | 'moderator' | 'department_staff';
export interface UsersTable {
  id: Generated<number>;
  organization_id: number;
  email: string;
  display_name: Generated<string>;
  role: StaffRole | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
}
export interface StaffDepartmentsTable {
  user_id: number;
  department_id: number;
}
export interface SessionsTable {
  id_hash: string;
  organization_id: number;
  user_id: number;
  level: 'resident' | 'staff';
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  idle_minutes: number;
  expires_at: Date;
}
export type TokenPurpose = 'magic_link' | 'staff_setup' | 'password_reset' | 'second_factor';
export interface LoginTokensTable {
  token_hash: string;
  organization_id: number;
  purpose: TokenPurpose;
  user_id: number | null;
  email: string;
  data: Generated<unknown>;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

// platform
export interface RateLimitsTable {
  key: string;
  window_start: Date;
  count: number;
}
export interface OutboxTable {
  id: Generated<number>;
  organization_id: number | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

export interface Database {
  organizations: OrganizationsTable;
  districts: DistrictsTable;
  departments: DepartmentsTable;
  legal_pages: LegalPagesTable;
  accessibility_feedback: AccessibilityFeedbackTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  staff_departments: StaffDepartmentsTable;
  sessions: SessionsTable;
  login_tokens: LoginTokensTable;
  rate_limits: RateLimitsTable;
  outbox: OutboxTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewOutboxMail = Insertable<OutboxTable>;
