import type { Generated, Insertable, Selectable } from 'kysely';
import type { IdeaTables } from './modules/ideas';
import type { CommentTables, EligibilityTables, ProcessTables } from './modules/participation';

// The whole schema as Kysely sees it. Tables belong to the module named in the comment.
// Every domain table carries organization_id (its city); child rows share their parent's city, which composite
// foreign keys enforce (migration 0009). src/platform/db/city-scoping.test.ts checks the catalogue.

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
  open311_endpoint: string | null;
  open311_api_key: string | null;
  open311_enabled: Generated<boolean>;
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
  /** The language the person chose (migration 0021); mails to the account use it. */
  locale: string | null;
}
export interface StaffDepartmentsTable {
  organization_id: number;
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
export type TokenPurpose = 'magic_link' | 'staff_setup' | 'password_reset' | 'second_factor' | 'report_confirm';
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

// reports
export type CategoryKind = 'defect' | 'litter' | 'angstraum';
export type ReportStatus = 'unconfirmed' | 'new' | 'confirmed' | 'in_progress' | 'fixed' | 'closed';
export type CloseReason = 'done' | 'rejected' | 'duplicate' | 'not_responsible';
export type QuestionDatatype = 'text' | 'number' | 'singlevaluelist' | 'multivaluelist' | 'datetime';
export interface ReportCategoriesTable {
  id: Generated<number>;
  organization_id: number;
  code: string;
  kind: Generated<CategoryKind>;
  name_de: string;
  name_en: string;
  description_de: Generated<string>;
  description_en: Generated<string>;
  department_id: number | null;
  questionnaire_weeks: Generated<number>;
  active: Generated<boolean>;
  sort: Generated<number>;
}
export interface CategoryQuestionsTable {
  id: Generated<number>;
  organization_id: number;
  category_id: number;
  code: string;
  datatype: QuestionDatatype;
  label_de: string;
  label_en: string;
  required: Generated<boolean>;
  sort: Generated<number>;
  options: Generated<unknown>;
}
export interface RoutingRulesTable {
  id: Generated<number>;
  organization_id: number;
  category_id: number;
  district_id: number;
  department_id: number;
}
export interface ReportsTable {
  id: Generated<number>;
  organization_id: number;
  category_id: number;
  department_id: number | null;
  district_id: number | null;
  status: ReportStatus;
  close_reason: CloseReason | null;
  close_note: string | null;
  duplicate_of: number | null;
  lat: number;
  lon: number;
  location: string;
  address: Generated<string>;
  /** False when the resident only described the place: the point is a stand-in until staff set it. */
  location_precise: Generated<boolean>;
  description: string;
  answers: Generated<unknown>;
  user_id: number | null;
  reporter_name: Generated<string>;
  reporter_email: string | null;
  reporter_phone: string | null;
  show_name: Generated<boolean>;
  hidden: Generated<boolean>;
  supporters_count: Generated<number>;
  idempotency_key: string | null;
  /** Hash of the normalised submission first sent under idempotency_key; null for rows from before 0007. */
  idempotency_fingerprint: string | null;
  created_at: Generated<Date>;
  confirmed_at: Date | null;
  updated_at: Generated<Date>;
  fixed_at: Date | null;
  /** Angsträume: when staff reviewed the place and its text (public only from then on); null until then. */
  reviewed_at: Date | null;
  reviewed_by: number | null;
  /** The reporter's language when they reported (migration 0021); null before. */
  locale: string | null;
}
/** Derived (migration 0014): public reports per map cell (Web Mercator tile at level zoom + 2), kept by a trigger. */
export interface ReportMapCellsTable {
  organization_id: number;
  zoom: number;
  x: number;
  y: number;
  /** The 256-px tile of the cell (x >> 2, y >> 2; generated), the first part of the key (migration 0015). */
  tx: Generated<number>;
  ty: Generated<number>;
  n: number;
  /** Sums of latitude and longitude in micro-degrees, and of ids (the id itself when n = 1). */
  lat_e6: number;
  lon_e6: number;
  id_sum: number;
}
/** Derived (migration 0014): the same per category, status group and district (0: none); zoom 0 gives the city's counts. */
export interface ReportMapGroupsTable extends ReportMapCellsTable {
  category_id: number;
  status_group: 'open' | 'fixed' | 'closed';
  district_id: number;
}
export interface ReportPhotosTable {
  id: Generated<number>;
  organization_id: number;
  report_id: number;
  storage_key: string;
  width: number;
  height: number;
  status: Generated<'pending' | 'approved' | 'hidden'>;
  redacted_from: number | null;
  sort: Generated<number>;
  created_at: Generated<Date>;
}
export interface ReportEventsTable {
  id: Generated<number>;
  organization_id: number;
  report_id: number;
  kind: string;
  public: boolean;
  actor_user_id: number | null;
  from_status: ReportStatus | null;
  to_status: ReportStatus | null;
  body: Generated<string>;
  data: Generated<unknown>;
  created_at: Generated<Date>;
}
export interface ReportSupportersTable {
  organization_id: number;
  report_id: number;
  supporter_key: string;
  user_id: number | null;
  created_at: Generated<Date>;
}
export interface ReportFollowersTable {
  organization_id: number;
  report_id: number;
  email: string;
  unsubscribe_token_hash: string;
  last_notified_event_id: Generated<number>;
  notify_after: Date | null;
  created_at: Generated<Date>;
  /** The follower's language when they followed (migration 0021); null before. */
  locale: string | null;
}
export interface ResponseTemplatesTable {
  id: Generated<number>;
  organization_id: number;
  title: string;
  body: string;
}
export interface ReportQuestionnairesTable {
  id: Generated<number>;
  organization_id: number;
  report_id: number;
  email: string;
  token_hash: string;
  due_at: Date;
  sent_at: Date | null;
  answered_at: Date | null;
  answer: 'yes' | 'no' | 'unknown' | null;
  comment: Generated<string>;
}
export interface ReportForwardsTable {
  id: Generated<number>;
  organization_id: number;
  report_id: number;
  department_id: number;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  external_id: string | null;
  last_error: string | null;
  done_at: Date | null;
}

// open311 (open interfaces): API keys of machine clients, reports they created, updates they pushed
export interface ApiKeysTable {
  id: Generated<number>;
  organization_id: number;
  name: string;
  key_hash: string;
  key_prefix: string;
  rate_per_minute: Generated<number>;
  /** The account reports created with this key belong to (resident level, no usable address). */
  user_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
export interface Open311RequestsTable {
  organization_id: number;
  report_id: number;
  api_key_id: number;
  media_url: string | null;
  device_id: string | null;
  account_id: string | null;
  created_at: Generated<Date>;
}
export interface Open311UpdatesTable {
  organization_id: number;
  api_key_id: number;
  external_id: string;
  report_id: number;
  event_id: number;
  created_at: Generated<Date>;
}

// angstraeume: per-city settings, safety ratings (one per person, place and 30 days), "safer now?" questionnaire
export interface AngstraumSettingsTable {
  organization_id: number;
  update_interval_days: Generated<number>;
  questionnaire_weeks: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: number | null;
}
export interface SafetyRatingsTable {
  id: Generated<number>;
  organization_id: number;
  report_id: number;
  user_id: number | null;
  day: number;
  night: number;
  created_at: Generated<Date>;
}
export interface SafetyRatingSlotsTable {
  organization_id: number;
  report_id: number;
  user_id: number;
  last_rated_at: Date;
}
export interface AngstraumQuestionnairesTable {
  id: Generated<number>;
  organization_id: number;
  report_id: number;
  measure_event_id: number;
  email: string;
  token_hash: string;
  due_at: Date;
  sent_at: Date | null;
  answered_at: Date | null;
  answer: 'yes' | 'no' | 'unknown' | null;
  comment: Generated<string>;
}

// platform: translations of what staff write, and the languages module's sign-language videos (migration 0021)
export interface ContentTranslationsTable {
  organization_id: number;
  entity: string;
  entity_id: number;
  field: string;
  locale: string;
  text: string;
  updated_at: Generated<Date>;
  updated_by: number | null;
}
export interface SignLanguageVideosTable {
  id: Generated<number>;
  organization_id: number;
  title: string;
  video_url: string;
  captions_url: string | null;
  sort: Generated<number>;
  created_at: Generated<Date>;
}

export interface Database extends ProcessTables, EligibilityTables, CommentTables, IdeaTables {
  report_categories: ReportCategoriesTable;
  category_questions: CategoryQuestionsTable;
  routing_rules: RoutingRulesTable;
  reports: ReportsTable;
  report_map_cells: ReportMapCellsTable;
  report_map_groups: ReportMapGroupsTable;
  report_photos: ReportPhotosTable;
  report_events: ReportEventsTable;
  report_supporters: ReportSupportersTable;
  report_followers: ReportFollowersTable;
  response_templates: ResponseTemplatesTable;
  report_questionnaires: ReportQuestionnairesTable;
  report_forwards: ReportForwardsTable;
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
  content_translations: ContentTranslationsTable;
  sign_language_videos: SignLanguageVideosTable;
  api_keys: ApiKeysTable;
  open311_requests: Open311RequestsTable;
  open311_updates: Open311UpdatesTable;
  angstraum_settings: AngstraumSettingsTable;
  safety_ratings: SafetyRatingsTable;
  safety_rating_slots: SafetyRatingSlotsTable;
  angstraum_questionnaires: AngstraumQuestionnairesTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type NewOutboxMail = Insertable<OutboxTable>;
