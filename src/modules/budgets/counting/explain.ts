import type { RuleName, TieBreaking } from './election';
import { type Rational, toExactDecimal, toFixed } from './rational';
import type { CountResult, GreedyExplanation, MesFundedExplanation, MesUnfundedExplanation, ProjectExplanation, TieRecord } from './result';

export type Lang = 'de' | 'en';

export interface ExplainOptions {
  /** Appended to amounts, e.g. "EUR". */
  readonly currency?: string;
}

/** Groups digits and localises the decimal mark of a plain decimal string such as "-1234.5". */
function localise(decimal: string, lang: Lang): string {
  const negative = decimal.startsWith('-');
  const [int = '0', frac] = (negative ? decimal.slice(1) : decimal).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? (lang === 'de' ? ',' : '.') + frac : ''}`;
}

/** Whole amounts as they are, everything else rounded to cents (display only; the count is exact). */
export function formatAmount(r: Rational, lang: Lang, currency?: string): string {
  const exact = toExactDecimal(r);
  const text = exact !== null && !exact.includes('.') ? exact : toFixed(r, 2);
  return currency ? `${localise(text, lang)} ${currency}` : localise(text, lang);
}

export function formatNumber(r: Rational, lang: Lang, digits = 2): string {
  const exact = toExactDecimal(r);
  if (exact !== null && (exact.split('.')[1]?.length ?? 0) <= digits) return localise(exact, lang);
  return localise(toFixed(r, digits), lang);
}

const q = (id: string, lang: Lang) => (lang === 'de' ? `„${id}“` : `"${id}"`);

function scoreText(e: GreedyExplanation, lang: Lang, dative: boolean): string {
  const n = formatNumber(e.score, lang);
  const one = e.score.num === e.score.den;
  if (lang === 'en') return `${n} ${e.scoreUnit === 'points' ? (one ? 'point' : 'points') : one ? 'vote' : 'votes'}`;
  if (e.scoreUnit === 'points') return `${n} ${one ? 'Punkt' : dative ? 'Punkten' : 'Punkte'}`;
  return `${n} ${one ? 'Stimme' : 'Stimmen'}`;
}

function explainGreedy(e: GreedyExplanation, lang: Lang, o: ExplainOptions): string {
  const id = q(e.projectId, lang);
  const cost = formatAmount(e.cost, lang, o.currency);
  const rem = formatAmount(e.remainingBefore, lang, o.currency);
  const threshold = e.threshold ? formatNumber(e.threshold, lang) : '';
  if (lang === 'de') {
    switch (e.status) {
      case 'funded':
        return `${id} (Kosten ${cost}) wurde gefördert: Mit ${scoreText(e, lang, true)} lag es auf Platz ${e.position}, und als es an der Reihe war, waren noch ${rem} des Budgets verfügbar.`;
      case 'did-not-fit':
        return `${id} (Kosten ${cost}) wurde nicht gefördert: Mit ${scoreText(e, lang, true)} lag es auf Platz ${e.position}, aber als es an der Reihe war, waren nur noch ${rem} übrig.`;
      case 'below-threshold':
        return `${id} (Kosten ${cost}) kam nicht in Frage: Es erhielt ${scoreText(e, lang, false)}, weniger als die erforderlichen ${threshold}.`;
      case 'not-reached':
        return `${id} (Kosten ${cost}) wurde nicht gefördert: Die Auszählung endete bei ${q(e.stoppedAt ?? '', lang)}, dem ersten Projekt, das nicht mehr ins Budget passte; diese Regel überspringt keine Projekte.`;
      case 'withdrawn':
        return `${id} wurde zurückgezogen und nicht berücksichtigt.`;
    }
  }
  switch (e.status) {
    case 'funded':
      return `${id} (cost ${cost}) was funded: with ${scoreText(e, lang, true)} it was ranked ${e.position}, and ${rem} of the budget was still available when it came up.`;
    case 'did-not-fit':
      return `${id} (cost ${cost}) was not funded: with ${scoreText(e, lang, true)} it was ranked ${e.position}, but only ${rem} of the budget was left when it came up.`;
    case 'below-threshold':
      return `${id} (cost ${cost}) was not eligible: it received ${scoreText(e, lang, false)}, fewer than the required ${threshold}.`;
    case 'not-reached':
      return `${id} (cost ${cost}) was not funded: counting stopped at ${q(e.stoppedAt ?? '', lang)}, the first project that did not fit, because this rule does not skip projects.`;
    case 'withdrawn':
      return `${id} was withdrawn and not counted.`;
  }
}

function explainMesFunded(e: MesFundedExplanation, lang: Lang, o: ExplainOptions): string {
  const id = q(e.projectId, lang);
  const cost = formatAmount(e.cost, lang, o.currency);
  if (e.round === 0) {
    return lang === 'de'
      ? `${id} kostet nichts und hat Unterstützende; es wurde gefördert, ohne jemanden zu belasten.`
      : `${id} costs nothing and has supporters, so it was funded without charging anyone.`;
  }
  const max = formatAmount(e.maxPayment, lang, o.currency);
  const all = formatAmount(e.paidByThoseWithLess, lang, o.currency);
  const eff = formatNumber(e.effectiveVotes, lang);
  const rho = formatNumber(e.rho, lang, 8);
  const perPoint = e.paymentUnit === 'point';
  if (lang === 'de') {
    const poor = e.votersPayingAllLeft > 0 ? `, ${e.votersPayingAllLeft} zahlten ihr gesamtes Restguthaben (insgesamt ${all})` : '';
    const broke = e.votersWithNothingLeft > 0 ? `; ${e.votersWithNothingLeft} hatten nichts mehr übrig` : '';
    return `${id} (Kosten ${cost}) wurde in Runde ${e.round} nach der Methode der gleichen Anteile gefördert: Seine ${e.votes} Unterstützenden teilten sich die Kosten. ${e.votersPayingMax} von ihnen zahlten je ${max}${perPoint ? ' pro Punkt' : ''}${poor}${broke}. Das entspricht ${eff} gleich zahlenden ${perPoint ? 'Punkten' : 'Unterstützenden'} (Preis pro Nutzeneinheit ρ = ${rho}).`;
  }
  const poor = e.votersPayingAllLeft > 0 ? `, ${e.votersPayingAllLeft} paid everything they had left (${all} in total)` : '';
  const broke = e.votersWithNothingLeft > 0 ? `; ${e.votersWithNothingLeft} had nothing left` : '';
  return `${id} (cost ${cost}) was funded in round ${e.round} of the Method of Equal Shares: its ${e.votes} supporters shared the cost. ${e.votersPayingMax} of them paid ${max}${perPoint ? ' per point' : ' each'}${poor}${broke}. That is as strong as ${eff} ${perPoint ? 'points' : 'supporters'} paying equally (price per unit of utility ρ = ${rho}).`;
}

function explainMesUnfunded(e: MesUnfundedExplanation, lang: Lang, o: ExplainOptions): string {
  const id = q(e.projectId, lang);
  const cost = formatAmount(e.cost, lang, o.currency);
  const left = formatAmount(e.moneyLeft, lang, o.currency);
  if (e.reason === 'no-supporters') {
    return lang === 'de'
      ? `${id} (Kosten ${cost}) wurde nicht gefördert: Niemand hat dafür gestimmt.`
      : `${id} (cost ${cost}) was not funded: nobody voted for it.`;
  }
  return lang === 'de'
    ? `${id} (Kosten ${cost}) wurde nicht gefördert: Am Ende der Auszählung hatten seine ${e.votes} Unterstützenden zusammen nur noch ${left} – weniger als die Kosten.`
    : `${id} (cost ${cost}) was not funded: when counting ended, its ${e.votes} supporters had only ${left} left between them, less than its cost.`;
}

/** One plain-language sentence saying why the project won or lost. */
export function explainProject(e: ProjectExplanation, lang: Lang, options: ExplainOptions = {}): string {
  switch (e.kind) {
    case 'greedy':
      return explainGreedy(e, lang, options);
    case 'mes-funded':
      return explainMesFunded(e, lang, options);
    case 'mes-unfunded':
      return explainMesUnfunded(e, lang, options);
  }
}

export function explainTie(t: TieRecord, mode: TieBreaking, lang: Lang): string {
  const names = t.order.map((id) => q(id, lang)).join(', ');
  const first = q(t.order[0] ?? '', lang);
  const byId = mode === 'cost-votes';
  const reason = {
    en: {
      'lower-cost': 'it is cheaper',
      'more-votes': 'at equal cost it has more votes',
      id: byId ? 'cost and votes being equal, its id comes first' : 'its id comes first in plain string order',
    },
    de: {
      'lower-cost': 'es günstiger ist',
      'more-votes': 'es bei gleichen Kosten mehr Stimmen hat',
      id: byId ? 'bei gleichen Kosten und Stimmen seine Kennung zuerst kommt' : 'seine Kennung in einfacher Zeichenfolge zuerst kommt',
    },
  }[lang][t.decidedBy];
  const order = {
    en: {
      'cost-votes': 'lower cost first, then more votes, then project id',
      id: 'project id (plain string order)',
    },
    de: {
      'cost-votes': 'niedrigere Kosten zuerst, dann mehr Stimmen, dann Projektkennung',
      id: 'Projektkennung (einfache Zeichenfolge)',
    },
  }[lang][mode];
  const context = t.run === 'comparison-greedy' ? (lang === 'de' ? ' (Vergleichsschritt)' : ' (comparison step)') : '';
  if (t.stage === 'mes-round') {
    return lang === 'de'
      ? `In Runde ${t.round}${context} hatten ${names} denselben Preis ρ; ${first} wurde gewählt, weil ${reason}.`
      : `In round ${t.round}${context}, ${names} had the same price ρ; ${first} was chosen because ${reason}.`;
  }
  return lang === 'de'
    ? `${names} hatten dasselbe Ergebnis${context}; die Reihenfolge ergibt sich aus: ${order}.`
    : `${names} had the same score${context}; they were ordered by ${order}.`;
}

const RULE_LABEL: Record<Lang, Record<RuleName, string>> = {
  en: {
    greedy: 'greedy (most votes first)',
    mes: 'Method of Equal Shares',
    'mes-add1': 'Method of Equal Shares with Add1 completion (equalshares.net)',
    'mes-add1-pabulib': 'Method of Equal Shares with Add1 completion (pabulib)',
  },
  de: {
    greedy: 'Greedy (meiste Stimmen zuerst)',
    mes: 'Methode der gleichen Anteile',
    'mes-add1': 'Methode der gleichen Anteile mit Add1-Ergänzung (equalshares.net)',
    'mes-add1-pabulib': 'Methode der gleichen Anteile mit Add1-Ergänzung (pabulib)',
  },
};

export function ruleLabel(rule: RuleName, lang: Lang): string {
  return RULE_LABEL[lang][rule];
}

/** Summary sentences (outcome, completion, comparison, ties) followed by one sentence per project. */
export function explainResult(r: CountResult, lang: Lang, options: ExplainOptions = {}): string[] {
  const amount = (x: Rational) => formatAmount(x, lang, options.currency);
  const out: string[] = [];
  const variant = r.noSkip ? (lang === 'de' ? ', ohne Überspringen' : ', no skipping') : '';
  const threshold = r.threshold
    ? lang === 'de'
      ? `, Mindestergebnis ${formatNumber(r.threshold, lang)}`
      : `, minimum score ${formatNumber(r.threshold, lang)}`
    : '';
  out.push(
    lang === 'de'
      ? `Regel: ${ruleLabel(r.rule, lang)}${variant}${threshold}. Gefördert: ${r.winners.length} Projekte für ${amount(r.totalCost)} von ${amount(r.budget)} (Rest ${amount(r.leftover)}).`
      : `Rule: ${ruleLabel(r.rule, lang)}${variant}${threshold}. Funded: ${r.winners.length} projects for ${amount(r.totalCost)} of ${amount(r.budget)} (left over ${amount(r.leftover)}).`,
  );
  if (r.add1) {
    const reason = {
      en: {
        exhaustive: 'no further project would fit',
        'next-over-budget': 'the next raise would have exceeded the budget',
        'all-supported-funded': 'every project with supporters was funded',
        'no-voters': 'there are no voters',
      },
      de: {
        exhaustive: 'kein weiteres Projekt mehr passte',
        'next-over-budget': 'die nächste Erhöhung das Budget überschritten hätte',
        'all-supported-funded': 'alle Projekte mit Unterstützenden gefördert waren',
        'no-voters': 'es keine Wählenden gibt',
      },
    }[lang][r.add1.stopReason];
    out.push(
      lang === 'de'
        ? `Add1-Ergänzung: Das virtuelle Budget jeder Person wurde schrittweise auf ${amount(r.add1.perVoterBudget)} erhöht (${r.add1.runs} Durchläufe); Schluss, weil ${reason}.`
        : `Add1 completion: every voter's virtual budget was raised step by step to ${amount(r.add1.perVoterBudget)} (${r.add1.runs} runs); it stopped because ${reason}.`,
    );
  }
  if (r.comparisonStep) {
    const c = r.comparisonStep;
    out.push(
      lang === 'de'
        ? `Vergleichsschritt: ${c.prefersMes} Wählende bevorzugen das Ergebnis der gleichen Anteile, ${c.prefersGreedy} das Greedy-Ergebnis; ${c.switchedToGreedy ? 'daher gilt das Greedy-Ergebnis' : 'das Ergebnis der gleichen Anteile bleibt'}.`
        : `Comparison step: ${c.prefersMes} voters prefer the equal-shares outcome, ${c.prefersGreedy} the greedy outcome; ${c.switchedToGreedy ? 'so the greedy outcome was taken' : 'the equal-shares outcome stands'}.`,
    );
  }
  for (const t of r.ties) out.push(explainTie(t, r.tieBreaking, lang));
  for (const e of r.explanations) out.push(explainProject(e, lang, options));
  return out;
}
