import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp, testConfig } from '../../../test/helpers/app';
import { retentionPeriods, retentionSection } from './privacy-retention';

// The default privacy policy states the storage periods from the settings the purge jobs read.

describe('storage periods in the default privacy policy', () => {
  let defaults: TestApp;
  let changed: TestApp;
  beforeAll(async () => {
    defaults = await createTestApp();
    changed = await createTestApp({
      RETENTION_REPORTER_CONTACT_MONTHS: '9',
      RETENTION_LINK_DAYS: '1',
      RETENTION_MAIL_DAYS: '14',
      RETENTION_RATE_LIMIT_HOURS: '48',
      SESSION_RESIDENT_IDLE_MINUTES: '90',
      SESSION_RESIDENT_ABSOLUTE_HOURS: '36',
      DELETED_ACCOUNT_CONTRIBUTIONS: 'remove',
    });
  });
  afterAll(async () => {
    await defaults.close();
    await changed.close();
  });

  it('states the documented defaults', async () => {
    const page = await new Client(defaults).get('/datenschutz');
    expect(page.statusCode).toBe(200);
    const text = page.body;
    expect(text).toContain('Speicherdauer');
    expect(text).toContain('Anmelde- und Bestätigungslinks löschen wir 7 Tage nach ihrer Verwendung oder ihrem Ablauf.');
    expect(text).toContain('endet nach 7 Tagen ohne Nutzung, spätestens nach 30 Tagen');
    expect(text).toContain('löschen wir 6 Monate nachdem die Meldung erledigt oder abgeschlossen wurde');
    expect(text).toContain('Gesendete E-Mails löschen wir 30 Tage nach dem Versand.');
    expect(text).toContain('löschen wir nach 24 Stunden.');
    expect(text).toContain('ohne Namen und Kontaktangaben (anonym) erhalten');
  });

  it('changes with the settings, in German and English', async () => {
    const de = (await new Client(changed).get('/datenschutz')).body;
    expect(de).toContain('löschen wir 9 Monate nachdem die Meldung erledigt oder abgeschlossen wurde');
    expect(de).toContain('Anmelde- und Bestätigungslinks löschen wir 1 Tag nach ihrer Verwendung');
    expect(de).toContain('Gesendete E-Mails löschen wir 14 Tage nach dem Versand.');
    expect(de).toContain('löschen wir nach 48 Stunden.');
    expect(de).toContain('endet nach 90 Minuten ohne Nutzung, spätestens nach 36 Stunden');
    expect(de).toContain('werden dann mit gelöscht');
    expect(de).not.toContain('6 Monate');
    const en = (await new Client(changed).get('/datenschutz?lang=en')).body;
    expect(en).toContain('deleted 9 months after the report was fixed or closed');
    expect(en).toContain('Sent emails are deleted 14 days after sending.');
    expect(en).toContain('ends after 90 minutes without use, after 36 hours at the latest');
  });

  it('is what the admin starts from when writing the city’s own text', async () => {
    const text = retentionSection('de', retentionPeriods(testConfig({ RETENTION_REPORTER_CONTACT_MONTHS: '1' })));
    expect(text).toContain('löschen wir 1 Monat nachdem');
    expect(text.split('\n')[0]).toBe('## Speicherdauer');
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(6);
  });
});
