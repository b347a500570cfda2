/**
 * The one place for exported query functions (in *.queries.ts files, docs/example-module's too) that deliberately
 * work across all cities, each with its reason. Every other query function takes the city and filters by it; query-scoping.test.ts checks
 * both. Key: the file, relative to the repository, and the function name.
 */
export const CROSS_CITY_QUERIES: Record<string, string> = {
  'src/modules/organizations/organization.queries.ts#findOrganizationByHost': 'finds which city a request is for, from its host name',
  'src/modules/organizations/organization.queries.ts#findOrganizationBySlug': 'finds a city by its slug (CLI, seed, the default city)',
  'src/modules/organizations/organization.queries.ts#insertOrganization': 'creates a city',
  'src/modules/accounts/account.queries.ts#purgeOldTokens': 'a retention job: removes used and expired sign-in links of every city at once',
  'src/modules/reports/retention.queries.ts#purgeReporterContact':
    'a retention job: removes reporter contact from reports of every city closed longer ago than the configured months',
  'src/platform/mail/mail.queries.ts#purgeSentMail': 'a retention job: deletes mail of every city sent longer ago than the configured days',
  'src/modules/reports/report.queries.ts#storedPhotoKeys': 'the orphan-photo cleanup: the file storage is shared by every city',
  'src/modules/reports/notifications/status-mail.queries.ts#dueFollowers':
    'the status-mail job finds due followers of every city; each is then handled with its own city (lockFollower and on)',
  'src/modules/reports/notifications/digest-mail.queries.ts#dueDigests':
    'the digest job finds accounts of every city whose daily or weekly digest is due; each is then handled with its own city (lockDueDigest and on)',
  // The embedded job queue (PGlite) is one queue for the whole install: the worker claims and settles jobs of
  // every city by id; each job row carries its city for the handler.
  'src/platform/jobs/jobs.queries.ts#claimJob': 'the queue worker claims the next due job of a kind, whichever city it belongs to',
  'src/platform/jobs/jobs.queries.ts#completeJob': 'settles a claimed job by its id (the queue serves every city)',
  'src/platform/jobs/jobs.queries.ts#failJob': 'settles a claimed job by its id (the queue serves every city)',
  'src/platform/jobs/jobs.queries.ts#cancelJob': 'cancels a job by the id its sender kept (the queue serves every city)',
  'src/platform/jobs/jobs.queries.ts#activeJobs': 'at start, jobs of every city cut off by the last stop are retried',
  'src/platform/jobs/jobs.queries.ts#purgeFinishedJobs': 'a purge job: removes old finished jobs of every city',
  'src/platform/jobs/jobs.queries.ts#findJob': 'reads a job by id, for the queue tests',
  'src/modules/reports/forwarding/forwarding.queries.ts#claimDueForward':
    'the forwarding job claims the next due forward of any city; the rest of its work uses the claimed row’s city',
  'docs/example-module/notices.queries.ts#purgeExpiredNoticesOfAllCities': "example module's purge job",
  'src/modules/reports/notifications/questionnaire.queries.ts#scheduleQuestionnaires':
    'the questionnaire job makes the due rows of every city at once; each row takes the city of its report',
  'src/modules/angstraeume/angstraeume.queries.ts#scheduleSafetyQuestionnaires':
    'the safety-questionnaire job makes the due rows of every city at once; each row takes the city of its place (and that city’s waiting time)',
  'src/modules/participation/comments/digest.queries.ts#dueParticipationDigests':
    'the participation digest job finds followers of every city whose daily or weekly digest is due; each is then handled with its own city (lockDueParticipationDigest and on)',
  'src/modules/participation/eligibility/eligibility.queries.ts#dropSealedCodesOfAllCities':
    'a retention job: the plain letter codes, sealed for the CSV download right after a batch is made, are dropped in every city after the download window',
  'src/platform/surveys/survey.queries.ts#claimDueSurvey': 'the survey mail job claims due rows of every city; each mail goes out under the city of its row',
};
