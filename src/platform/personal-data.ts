import type { Db, Trx } from './db/connect';
import type { Locale } from './i18n';
import { extensionPoint } from './module';

// The residents' data rights (DSGVO Art. 15 and 17) reach into every module that keeps something about a person.
// The accounts module owns the two pages and the account itself; each other module contributes what it keeps
// through this extension point, so the accounts module never reads another module's tables.

/** A resident's account in one city: whose data is exported or erased. */
export interface Person {
  organizationId: number;
  userId: number;
  /** The account's address: reports sent before signing in, follows and questionnaires are kept by address. */
  email: string;
}

/** One JSON file of the export, with what it holds in the resident's language (for README.txt). */
export interface ExportJson {
  name: string;
  about(locale: Locale): string;
  data: unknown;
}

/** Stored files (photos) copied into the export unchanged, under one folder that README.txt explains. */
export interface ExportFolder {
  folder: string;
  about(locale: Locale): string;
  files: Array<{ name: string; storageKey: string }>;
}

export interface PersonalDataExport {
  json: ExportJson[];
  folders?: ExportFolder[];
}

/** What happens to public contributions of a deleted account (setting DELETED_ACCOUNT_CONTRIBUTIONS). */
export type ContributionsOnDeletion = 'anonymise' | 'remove';

export interface PersonalDataSource {
  /** A short name for logs and the audit entry, e.g. "reports". */
  name: string;
  /** Everything the module keeps about the person that they may see. */
  exportFor(db: Db, person: Person): Promise<PersonalDataExport>;
  /**
   * Removes the person from the module's rows, in the caller's transaction: personal fields go, public contributions
   * are anonymised or removed as `mode` says. Returns the storage keys of files to delete once the transaction has
   * committed, and how many rows were touched per kind (for the audit entry; no personal data).
   */
  erase(trx: Trx, person: Person, mode: ContributionsOnDeletion): Promise<{ storageKeys: string[]; counts: Record<string, number> }>;
}

export const personalData = extensionPoint<PersonalDataSource>('personal data a module keeps about a resident (export and erasure)');
