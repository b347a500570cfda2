import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../platform/i18n';
import { describeRule, describeRules, type RuleNames } from './describe-rules';
import { berlinDay, currentPhase, isIsoDay, nextPhase, type PhaseDates, processState } from './process';
import { sanitizeRichText } from './rich-text';

const phase = (startsOn: string, endsOn: string, endedEarlyAt: Date | null = null): PhaseDates => ({ startsOn, endsOn, endedEarlyAt });

describe('berlinDay', () => {
  it('is the calendar day in Berlin, not in UTC', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin (summer time, UTC+2) …
    expect(berlinDay(new Date('2027-03-31T23:30:00Z'))).toBe('2027-04-01');
    // … and 22:59 UTC on 31 January is still 31 January (winter time, UTC+1).
    expect(berlinDay(new Date('2027-01-31T22:59:00Z'))).toBe('2027-01-31');
    expect(berlinDay(new Date('2027-01-31T23:00:00Z'))).toBe('2027-02-01');
  });
});

describe('isIsoDay', () => {
  it('takes real days only', () => {
    expect(isIsoDay('2027-02-28')).toBe(true);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2027-02-29')).toBe(false);
    expect(isIsoDay('2027-2-1')).toBe(false);
    expect(isIsoDay('')).toBe(false);
  });
});

describe('currentPhase', () => {
  const phases = [phase('2027-03-01', '2027-03-31'), phase('2027-04-10', '2027-04-30')];

  it('is the phase whose days include today, first and last day included', () => {
    expect(currentPhase(phases, '2027-03-01')).toBe(phases[0]);
    expect(currentPhase(phases, '2027-03-31')).toBe(phases[0]);
    expect(currentPhase(phases, '2027-04-30')).toBe(phases[1]);
  });

  it('is none before, after and in a gap between phases', () => {
    expect(currentPhase(phases, '2027-02-28')).toBeNull();
    expect(currentPhase(phases, '2027-04-05')).toBeNull();
    expect(currentPhase(phases, '2027-05-01')).toBeNull();
  });

  it('is none when the phase was ended early, though its days are not over', () => {
    const ended = [phase('2027-03-01', '2027-03-31', new Date('2027-03-10T09:00:00Z'))];
    expect(currentPhase(ended, '2027-03-15')).toBeNull();
  });

  it('takes the later start when phases overlap', () => {
    const overlapping = [phase('2027-03-01', '2027-03-31'), phase('2027-03-20', '2027-04-10')];
    expect(currentPhase(overlapping, '2027-03-25')).toBe(overlapping[1]);
  });
});

describe('processState', () => {
  const phases = [phase('2027-03-01', '2027-03-31'), phase('2027-04-10', '2027-04-30')];

  it('is upcoming before the first phase, and without phases', () => {
    expect(processState(phases, '2027-02-28')).toBe('upcoming');
    expect(processState([], '2027-02-28')).toBe('upcoming');
  });

  it('is current during a phase and in a gap between phases', () => {
    expect(processState(phases, '2027-03-15')).toBe('current');
    expect(processState(phases, '2027-04-05')).toBe('current');
  });

  it('is finished after the last phase, or when the last running phase was ended early', () => {
    expect(processState(phases, '2027-05-01')).toBe('finished');
    const ended = [phase('2027-03-01', '2027-03-31'), phase('2027-04-10', '2027-04-30', new Date('2027-04-12T08:00:00Z'))];
    expect(processState(ended, '2027-04-15')).toBe('finished');
  });

  it('names the next phase to start', () => {
    expect(nextPhase(phases, '2027-04-05')).toBe(phases[1]);
    expect(nextPhase(phases, '2027-04-15')).toBeNull();
  });
});

describe('describeRules', () => {
  const names: RuleNames = {
    districts: new Map([
      [1, 'Innenstadt-West'],
      [2, 'Hörde'],
    ]),
    bodies: new Map([[7, 'Jugendparlament Dortmund']]),
  };

  it('says who may vote in plain German, districts, ages and the reference date included', () => {
    const lines = describeRules({ vote: { who: 'verified', districtIds: [1, 2], ageMin: 14, ageMax: 21, referenceDate: '2027-03-01' } }, names, 'de');
    expect(lines).toEqual([
      { action: 'vote', text: 'Abstimmen: verifizierte Einwohner*innen der Stadtbezirke Innenstadt-West und Hörde, 14 bis 21 Jahre am 1. März 2027' },
    ]);
  });

  it('uses the singular for one district, and each kind of rule has words', () => {
    expect(describeRule({ who: 'verified', districtIds: [2], ageMin: null, ageMax: null, referenceDate: null }, names, 'de')).toBe(
      'verifizierte Einwohner*innen des Stadtbezirks Hörde',
    );
    expect(describeRule({ who: 'verified', districtIds: [], ageMin: 60, ageMax: null, referenceDate: null }, names, 'de')).toBe(
      'verifizierte Einwohner*innen der Stadt, ab 60 Jahren',
    );
    expect(describeRule({ who: 'anyone' }, names, 'de')).toBe('alle');
    expect(describeRule({ who: 'signed_in' }, names, 'de')).toBe('alle, die angemeldet sind');
    expect(describeRule({ who: 'body_member', bodyId: 7 }, names, 'de')).toBe('Mitglieder von Jugendparlament Dortmund');
  });

  it('lists the actions in a fixed order and leaves out actions without a rule', () => {
    const lines = describeRules({ vote: { who: 'anyone' }, propose: { who: 'signed_in' } }, names, 'en');
    expect(lines.map((l) => l.text)).toEqual(['Propose: everyone who is signed in', 'Vote: everyone']);
  });

  it('has words in every language, with the date in that language', () => {
    const rule = { vote: { who: 'verified' as const, districtIds: [1, 2], ageMin: 14, ageMax: 21, referenceDate: '2027-03-01' } };
    for (const locale of LOCALES) {
      const [line] = describeRules(rule, names, locale);
      expect(line?.text, locale).toContain('Hörde');
      expect(line?.text, locale).toContain('2027');
      expect(line?.text, locale).not.toContain('{');
    }
    expect(describeRules(rule, names, 'pl')[0]?.text).toContain('marca');
  });
});

describe('sanitizeRichText', () => {
  it('keeps the allowed structure and marks links', () => {
    expect(sanitizeRichText('<h2>Plan</h2><p>Mehr auf <a href="https://dortmund.de" target="_blank">dortmund.de</a></p>')).toBe(
      '<h2>Plan</h2><p>Mehr auf <a href="https://dortmund.de" rel="nofollow noopener">dortmund.de</a></p>',
    );
  });

  it('drops scripts, handlers, styles, images and links to other schemes', () => {
    const out = sanitizeRichText(
      '<p onclick="x()" style="color:red">Hi<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">j</a></p>',
    );
    expect(out).toBe('<p>Hij</p>');
    expect(sanitizeRichText('<a href="//evil.example">x</a><a href="mailto:amt@dortmund.de">m</a>')).toBe(
      'x<a href="mailto:amt@dortmund.de" rel="nofollow noopener">m</a>',
    );
  });
});
