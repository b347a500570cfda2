import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../platform/i18n';
import { renderHtml } from '../../../platform/views/render';
import { EligibilityNotice, refusalNotice } from './notice';
import type { Refusal } from './rule';

const REFUSALS: Refusal[] = ['sign_in', 'verify', 'verification_expired', 'district', 'age', 'body'];

describe('what a refused person reads', () => {
  it('says in each language what they can do, and links to signing in or verifying where that helps', () => {
    for (const locale of LOCALES) {
      const texts = new Set(REFUSALS.map((r) => refusalNotice(locale, r).text));
      expect(texts.size, locale).toBe(REFUSALS.length);
    }
    expect(refusalNotice('de', 'sign_in', '/ideen/3').link).toEqual({ href: '/anmelden?return=%2Fideen%2F3', label: 'Anmelden' });
    expect(refusalNotice('de', 'sign_in', '//evil.example').link?.href).toBe('/anmelden?return=%2F');
    expect(refusalNotice('tr', 'verify').link).toEqual({ href: '/konto/verifizierung', label: 'Hesabımı doğrula' });
    expect(refusalNotice('en', 'verification_expired').link?.href).toBe('/konto/verifizierung');
    // Spending the code leads back to the page with the form; a foreign target is dropped.
    expect(refusalNotice('de', 'verify', '/ideen/3#kommentare').link?.href).toBe('/konto/verifizierung?return=%2Fideen%2F3%23kommentare');
    expect(refusalNotice('de', 'verify', '//evil.example').link?.href).toBe('/konto/verifizierung');
    for (const r of ['district', 'age', 'body'] as const) expect(refusalNotice('de', r).link).toBeNull();
  });

  it('draws the notice with its link, escaped', () => {
    const html = renderHtml(<EligibilityNotice locale="ar" refusal="verify" />);
    expect(html).toContain('data-refusal="verify"');
    expect(html).toContain('href="/konto/verifizierung"');
    expect(html).toContain('التحقق من حسابي');
  });
});
