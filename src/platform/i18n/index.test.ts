import { describe, expect, it } from 'vitest';
import { format, negotiateLocale, translator } from './index';

describe('i18n', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('Hallo {name}, {n} neu', { name: 'Ada', n: 3 })).toBe('Hallo Ada, 3 neu');
    expect(format('Hallo {name}', {})).toBe('Hallo {name}');
  });
  it('negotiates cookie first, then Accept-Language by quality, then German', () => {
    expect(negotiateLocale('en', 'de')).toBe('en');
    expect(negotiateLocale(undefined, 'fr-FR, en;q=0.8, de;q=0.9')).toBe('de');
    expect(negotiateLocale(undefined, 'fr, en-GB;q=0.5')).toBe('en');
    expect(negotiateLocale('xx', 'fr')).toBe('de');
    expect(negotiateLocale(undefined, undefined)).toBe('de');
  });
  it('translates from a catalogue', () => {
    const t = translator({ de: { hi: 'Hallo {x}' }, en: { hi: 'Hello {x}' } }, 'en');
    expect(t('hi', { x: 'Dortmund' })).toBe('Hello Dortmund');
  });
});
