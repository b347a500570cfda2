/** How a status looks: its colour family and a symbol, so colour is never the only signal (WCAG 1.4.1). */
export type StatusTone = 'open' | 'progress' | 'done' | 'closed';

export interface StatusStyle {
  label: string;
  tone: StatusTone;
}

/** What each status of a module is called and how it looks; the module that owns the statuses defines it. */
export type StatusVocabulary<S extends string = string> = Record<S, StatusStyle>;

const SYMBOL: Record<StatusTone, string> = { open: '●', progress: '◐', done: '✔', closed: '■' };

/** A status in words, with a shape and a colour beside the words; the component itself knows no status. */
export function StatusBadge<S extends string>({ status, vocabulary }: { status: S; vocabulary: StatusVocabulary<S> }) {
  const { label, tone } = vocabulary[status];
  return (
    <span class={`k-status k-status--${tone}`}>
      <span aria-hidden="true">{SYMBOL[tone]} </span>
      {label}
    </span>
  );
}
