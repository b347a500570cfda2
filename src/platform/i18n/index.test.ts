import { describe, expect, it } from 'vitest';
import {
  type Catalogue,
  format,
  formatDate,
  formatNumber,
  isStaffKey,
  MessageSyntaxError,
  negotiateLocale,
  placeholdersOf,
  pluralsOf,
  requestLocale,
  staffLocale,
  textDirection,
  translator,
} from './index';
import { parseMessage } from './message-format';

describe('placeholders', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('Hallo {name}, {n} neu', { name: 'Ada', n: 3 })).toBe('Hallo Ada, 3 neu');
    expect(format('Hallo {name}', {})).toBe('Hallo {name}');
  });
  it('lists the names a message expects, a plural count and placeholders inside branches included', () => {
    expect(placeholdersOf('{b} und {a}')).toEqual(['a', 'b']);
    expect(placeholdersOf('{n, plural, one {# Ort in {district}} other {# Orte in {district}}} – {city}')).toEqual(['city', 'district', 'n']);
  });
});

describe('locale negotiation', () => {
  it('negotiates cookie first, then Accept-Language by quality (regions ignored), then German', () => {
    expect(negotiateLocale('en', 'de')).toBe('en');
    expect(negotiateLocale(undefined, 'fr-FR, en;q=0.8, de;q=0.9')).toBe('de');
    expect(negotiateLocale(undefined, 'fr, en-GB;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined, 'ar-SY,ar;q=0.9,de;q=0.8')).toBe('ar');
    expect(negotiateLocale(undefined, 'uk-UA, ru;q=0.9')).toBe('uk');
    expect(negotiateLocale(undefined, 'tr-TR')).toBe('tr');
    expect(negotiateLocale(undefined, 'PL')).toBe('pl');
    expect(negotiateLocale('xx', 'fr')).toBe('de');
    expect(negotiateLocale(undefined, undefined)).toBe('de');
  });
  it('keeps the order of the header between equal qualities', () => {
    expect(negotiateLocale(undefined, 'pl, tr')).toBe('pl');
    expect(negotiateLocale(undefined, 'tr, pl')).toBe('tr');
  });
  it('a link names its language first, then the account, the cookie, the browser', () => {
    expect(requestLocale({ query: 'uk', account: 'tr', cookie: 'en', acceptLanguage: 'pl' })).toBe('uk');
    expect(requestLocale({ query: 'xx', account: 'tr', cookie: 'en', acceptLanguage: 'pl' })).toBe('tr');
    expect(requestLocale({ account: null, cookie: 'en', acceptLanguage: 'pl' })).toBe('en');
    expect(requestLocale({ account: 'nonsense', acceptLanguage: 'pl;q=0.5, ar' })).toBe('ar');
    expect(requestLocale({})).toBe('de');
  });
  it('staff pages speak German or English', () => {
    expect(requestLocale({ cookie: 'tr', staffPage: true })).toBe('de');
    expect(requestLocale({ cookie: 'en', staffPage: true })).toBe('en');
    expect(staffLocale('ar')).toBe('de');
  });
  it('Arabic is written right to left, the others left to right', () => {
    expect(textDirection('ar')).toBe('rtl');
    for (const locale of ['de', 'en', 'tr', 'uk', 'pl'] as const) expect(textDirection(locale)).toBe('ltr');
  });
});

describe('plurals through Intl.PluralRules', () => {
  const polish = '{n, plural, one {# zgłoszenie} few {# zgłoszenia} many {# zgłoszeń} other {# zgłoszenia}}';
  it('Polish: one, few, many', () => {
    expect([1, 2, 4, 5, 12, 22, 25, 1.5].map((n) => format(polish, { n }, 'pl'))).toEqual([
      '1 zgłoszenie',
      '2 zgłoszenia',
      '4 zgłoszenia',
      '5 zgłoszeń',
      '12 zgłoszeń',
      '22 zgłoszenia',
      '25 zgłoszeń',
      '1,5 zgłoszenia',
    ]);
  });
  it('Ukrainian: one (also 21), few, many', () => {
    const uk = '{n, plural, one {# звернення} few {# звернення} many {# звернень} other {# звернення}}';
    const cases: Array<[number, string]> = [
      [1, '1 звернення'],
      [21, '21 звернення'],
      [3, '3 звернення'],
      [11, '11 звернень'],
      [5, '5 звернень'],
    ];
    for (const [n, text] of cases) expect(format(uk, { n }, 'uk')).toBe(text);
    // "one" is chosen for 21 in Ukrainian: check the branch, not only the (here identical) word.
    expect(format('{n, plural, one {ONE} few {FEW} many {MANY} other {OTHER}}', { n: 21 }, 'uk')).toBe('ONE');
    expect(format('{n, plural, one {ONE} few {FEW} many {MANY} other {OTHER}}', { n: 11 }, 'uk')).toBe('MANY');
  });
  it('Arabic: all six categories, with Latin digits', () => {
    const ar = '{n, plural, zero {ZERO #} one {ONE #} two {TWO #} few {FEW #} many {MANY #} other {OTHER #}}';
    expect([0, 1, 2, 3, 10, 11, 99, 100, 1000].map((n) => format(ar, { n }, 'ar'))).toEqual([
      'ZERO 0',
      'ONE 1',
      'TWO 2',
      'FEW 3',
      'FEW 10',
      'MANY 11',
      'MANY 99',
      'OTHER 100',
      'OTHER 1,000',
    ]);
  });
  it('exact =N branches first, missing categories fall back to other, # is the count in the locale', () => {
    const de = '{n, plural, =0 {Keine Meldung} one {# Meldung} other {# Meldungen}} in {city}';
    expect(format(de, { n: 0, city: 'Dortmund' })).toBe('Keine Meldung in Dortmund');
    expect(format(de, { n: 1, city: 'Dortmund' })).toBe('1 Meldung in Dortmund');
    expect(format(de, { n: 12345, city: 'Dortmund' })).toBe('12.345 Meldungen in Dortmund');
    expect(format('{n, plural, other {# x}}', { n: 3 }, 'pl')).toBe('3 x');
    expect(format(de, { n: 12345, city: 'Dortmund' }, 'en')).toBe('12,345 Meldungen in Dortmund');
  });
  it('names the categories a message has, and refuses broken syntax', () => {
    expect(pluralsOf('{n, plural, =0 {keine} one {#} other {#}}')).toEqual([{ arg: 'n', categories: ['one', 'other'] }]);
    expect(() => parseMessage('{n, plural, one {#}}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('{n, plural, one {#} other {#}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('{n, select, a {x} other {y}}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('a } b')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('{name')).toThrow(MessageSyntaxError);
    // A page never fails over a broken text: it is shown as written.
    expect(format('{n, plural, one {#}', { n: 1 })).toBe('{n, plural, one {#}');
  });
});

describe('catalogues', () => {
  const catalogue: Catalogue<'hi' | 'bo.title' | 'menu'> = {
    de: { hi: 'Hallo {x}', 'bo.title': 'Verwaltung', menu: 'Menü' },
    en: { hi: 'Hello {x}', 'bo.title': 'Back office', menu: 'Menu' },
    tr: { hi: 'Merhaba {x}', menu: '' },
    staff: ['bo.*'],
  };
  it('translates, and shows German for what a language does not have (yet)', () => {
    expect(translator(catalogue, 'en')('hi', { x: 'Dortmund' })).toBe('Hello Dortmund');
    expect(translator(catalogue, 'tr')('hi', { x: 'Dortmund' })).toBe('Merhaba Dortmund');
    expect(translator(catalogue, 'tr')('bo.title')).toBe('Verwaltung');
    expect(translator(catalogue, 'tr')('menu')).toBe('Menü');
    expect(translator(catalogue, 'pl')('hi', { x: 'Dortmund' })).toBe('Hallo Dortmund');
  });
  it('isolates German shown in a right-to-left page as left to right', () => {
    expect(translator(catalogue, 'ar')('hi', { x: 'Dortmund' })).toBe('\u2066Hallo Dortmund\u2069');
    expect(translator({ ...catalogue, ar: { hi: 'مرحبا {x}' } }, 'ar')('hi', { x: 'Dortmund' })).toBe('مرحبا Dortmund');
  });
  it('marks staff keys by name or by a beginning', () => {
    expect(isStaffKey(catalogue, 'bo.title')).toBe(true);
    expect(isStaffKey(catalogue, 'hi')).toBe(false);
    expect(isStaffKey({ staff: 'all' }, 'hi')).toBe(true);
    expect(isStaffKey({}, 'hi')).toBe(false);
    expect(isStaffKey({ staff: ['menu'] }, 'menu')).toBe(true);
    expect(isStaffKey({ staff: { allBut: ['feedback*', 'hi'] } }, 'hi')).toBe(false);
    expect(isStaffKey({ staff: { allBut: ['feedback*', 'hi'] } }, 'feedbackTitle')).toBe(false);
    expect(isStaffKey({ staff: { allBut: ['feedback*', 'hi'] } }, 'menu')).toBe(true);
  });
});

describe('dates and numbers per locale', () => {
  const date = new Date('2026-12-03T14:05:00Z');
  it('formats through Intl in each language, Arabic with Latin digits', () => {
    expect(formatDate(date, 'de')).toBe('03.12.2026');
    expect(formatDate(date, 'pl')).toBe('3 gru 2026');
    expect(formatDate(date, 'ar')).toMatch(/03?\D+12\D+2026/);
    expect(formatDate(date, 'ar')).not.toMatch(/[٠-٩]/);
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'tr')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'uk')).toBe('1\u00a0234,5');
    expect(formatNumber(1234.5, 'ar')).toBe('1,234.5');
  });
});
