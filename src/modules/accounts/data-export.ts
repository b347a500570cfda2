import type { Readable } from 'node:stream';
import type { Organization } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { type Locale, translator } from '../../platform/i18n';
import { mailsTo } from '../../platform/mail/mail.queries';
import type { Person, PersonalDataExport, PersonalDataSource } from '../../platform/personal-data';
import { mailSettingsOf } from './mail-settings';
import { messages } from './messages';
import { accountForExport, sessionsForExport } from './personal-data.queries';
import { type ZipEntry, zipStream } from './zip-stream';

// "Meine Daten herunterladen": everything the platform keeps about a resident, as JSON files and their photos in one
// ZIP with a README.txt in their language. Each module contributes its part (platform/personal-data.ts); the
// accounts module adds the account, its sessions and the mails to its address.

export interface ExportDeps {
  db: Db;
  storage: FileStorage;
  sources: readonly PersonalDataSource[];
  /** RETENTION_MAIL_DAYS, named in README.txt. */
  mailDays: number;
}

/** Links in mails carry single-use tokens (sign-in, confirmation, unsubscribe): the export must not hand out live ones. */
export function withoutPersonalLinks(text: string, replacement: string): string {
  return text.replace(/https?:\/\/\S+/g, (url) => (/[A-Za-z0-9_-]{20,}/.test(url) ? replacement : url));
}

async function ownPart(deps: ExportDeps, person: Person, locale: Locale): Promise<PersonalDataExport> {
  const t = (l: Locale) => translator(messages, l);
  const removed = t(locale)('readme.linkRemoved');
  const [account, mailSettings, sessions, mails] = await Promise.all([
    accountForExport(deps.db, person.organizationId, person.userId),
    mailSettingsOf(deps.db, person.organizationId, person.userId),
    sessionsForExport(deps.db, person.organizationId, person.userId),
    mailsTo(deps.db, person.organizationId, person.email),
  ]);
  return {
    json: [
      { name: 'konto.json', about: (l) => t(l)('readme.account'), data: account ? { ...account, mail_settings: mailSettings } : null },
      { name: 'sitzungen.json', about: (l) => t(l)('readme.sessions'), data: sessions },
      {
        name: 'emails.json',
        about: (l) => t(l)('readme.mails', { days: deps.mailDays, marker: t(locale)('readme.linkRemoved') }),
        data: mails.map((m) => ({ ...m, text_body: withoutPersonalLinks(m.text_body, removed) })),
      },
    ],
  };
}

/** Every module's part, the account's first. */
export async function collectPersonalData(deps: ExportDeps, person: Person, locale: Locale): Promise<PersonalDataExport[]> {
  const parts = [await ownPart(deps, person, locale)];
  for (const source of deps.sources) parts.push(await source.exportFor(deps.db, person));
  return parts;
}

export function readme(parts: PersonalDataExport[], locale: Locale, org: Pick<Organization, 'name' | 'contact_email'>, email: string, made: Date): string {
  const t = translator(messages, locale);
  const lines = [t('readme.title', { city: org.name }), '', t('readme.created', { date: made.toISOString(), email }), '', t('readme.files'), ''];
  for (const part of parts) {
    for (const file of part.json) lines.push(`${file.name}`, `  ${file.about(locale)}`, '');
    for (const folder of part.folders ?? []) lines.push(`${folder.folder}/`, `  ${folder.about(locale)}`, '');
  }
  lines.push(t('readme.times'), '', t('readme.notIncluded', { contact: org.contact_email }), '');
  // Windows' Notepad shows \n-only files as one line in old versions; CRLF reads everywhere.
  return lines.join('\r\n');
}

/** The ZIP as a stream: JSON first (small), then the photos one by one straight from the storage. */
export async function exportArchive(
  deps: ExportDeps,
  org: Pick<Organization, 'name' | 'contact_email'>,
  person: Person,
  locale: Locale,
  made = new Date(),
): Promise<Readable> {
  const parts = await collectPersonalData(deps, person, locale);
  const text = (s: string) => new TextEncoder().encode(s);
  async function* entries(): AsyncIterable<ZipEntry> {
    yield { name: 'README.txt', data: text(readme(parts, locale, org, person.email, made)), compress: true, modified: made };
    for (const part of parts) {
      for (const file of part.json) yield { name: file.name, data: text(`${JSON.stringify(file.data, null, 2)}\n`), compress: true, modified: made };
    }
    for (const part of parts) {
      for (const folder of part.folders ?? []) {
        for (const file of folder.files) {
          const data = await deps.storage.get(file.storageKey);
          // A file the cleanup already removed: the JSON still lists the photo; there is nothing to copy.
          if (data) yield { name: `${folder.folder}/${file.name}`, data, compress: false, modified: made };
        }
      }
    }
  }
  return zipStream(entries());
}
