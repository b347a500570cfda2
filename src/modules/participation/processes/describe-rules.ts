import { formatDate, intlLocale, type Locale, translator } from '../../../platform/i18n';
import { type EligibilityRule, type EligibilityRules, PARTICIPATION_ACTIONS, type ParticipationAction } from '../eligibility/rule';
import { processMessages } from './messages';

// Eligibility rules in plain words for residents ("Abstimmen: verifizierte Einwohner*innen der Stadtbezirke
// Innenstadt-West und Hörde, 14 bis 21 Jahre am 1. März 2027"). The decision itself is the eligibility feature's.

/** Names the rules point to, read by the caller in the city of the request. */
export interface RuleNames {
  districts: ReadonlyMap<number, string>;
  bodies: ReadonlyMap<number, string>;
}

/** An ISO day as a long date in the language, at noon UTC so no zone moves it to another day. */
function longDay(day: string, locale: Locale): string {
  return formatDate(new Date(`${day}T12:00:00Z`), locale, 'long');
}

function ageText(rule: Extract<EligibilityRule, { who: 'verified' }>, locale: Locale): string | null {
  const t = translator(processMessages, locale);
  const { ageMin: min, ageMax: max } = rule;
  const age = min !== null && max !== null ? t('age.range', { min, max }) : min !== null ? t('age.min', { min }) : max !== null ? t('age.max', { max }) : null;
  if (age === null) return null;
  return rule.referenceDate ? t('age.onDate', { age, date: longDay(rule.referenceDate, locale) }) : age;
}

/** Who a rule admits, in words ("alle", "Mitglieder von Jugendparlament Dortmund" …). */
export function describeRule(rule: EligibilityRule, names: RuleNames, locale: Locale): string {
  const t = translator(processMessages, locale);
  switch (rule.who) {
    case 'anyone':
      return t('rule.anyone');
    case 'signed_in':
      return t('rule.signedIn');
    case 'body_member':
      return t('rule.body', { body: names.bodies.get(rule.bodyId) ?? '?' });
    case 'verified': {
      const districts = rule.districtIds.map((id) => names.districts.get(id) ?? '?');
      const who =
        districts.length === 0
          ? t('rule.verifiedCity')
          : t('rule.verifiedDistricts', { n: districts.length, districts: new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(districts) });
      const age = ageText(rule, locale);
      return age ? t('rule.withAge', { who, age }) : who;
    }
  }
}

/** One line per action that has a rule, in the order of PARTICIPATION_ACTIONS: "Abstimmen: …". */
export function describeRules(rules: EligibilityRules, names: RuleNames, locale: Locale): Array<{ action: ParticipationAction; text: string }> {
  const t = translator(processMessages, locale);
  return PARTICIPATION_ACTIONS.flatMap((action) => {
    const rule = rules[action];
    return rule ? [{ action, text: t('rule.line', { action: t(`action.${action}`), who: describeRule(rule, names, locale) }) }] : [];
  });
}
