// Intl formatters are expensive to create (locale data is resolved each time, ~0.1 ms) and cheap to use, and a
// page formats dozens of dates: one instance per locale and option set is kept for the life of the process.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "vor 3 Tagen", "gestern": built once per locale (a list of 20 reports built 20 before, ~0.1 ms each). */
export function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeTimeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeTimeFormats.set(locale, format);
  }
  return format;
}

const pluralRuleSets = new Map<string, Intl.PluralRules>();

export function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRuleSets.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRuleSets.set(locale, rules);
  }
  return rules;
}
