import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FieldErrors } from '../http/errors';
import { DEFAULT_LOCALE, type Locale, translator } from '../i18n';
import { platformMessages } from '../i18n/platform-messages';
import type { Children } from './render';

/** The page's language, provided by Layout, so small components need no locale prop. */
export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** GOV.UK-style summary at the top of a form: focusable, each message links to its field. */
export function ErrorSummary({ title, errors }: { title: string; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    // autofocus moves people straight to the summary after a failed submit, with or without JavaScript.
    <div class="k-error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus data-module="error-summary">
      <h2 id="error-summary-title" class="k-error-summary__title">
        {title}
      </h2>
      <ul class="k-error-summary__list">
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${fieldId(field)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optionalLabel?: string;
}

function FieldShell({ name, label, hint, error, optionalLabel, children }: FieldProps & { children: Children }) {
  const id = fieldId(name);
  const errorPrefix = translator(platformMessages, useContext(LocaleContext))('fieldErrorPrefix');
  return (
    <div class={error ? 'k-field k-field--error' : 'k-field'}>
      <label class="k-label" for={id}>
        {label}
        {optionalLabel && <span class="k-label__optional"> {optionalLabel}</span>}
      </label>
      {hint && (
        <p class="k-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="k-field__error" id={`${id}-error`}>
          <span class="k-visually-hidden">{errorPrefix} </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function TextInput(
  props: FieldProps & {
    value?: string | undefined;
    type?: 'text' | 'email' | 'password' | 'number' | 'url' | 'tel';
    autocomplete?: string;
    required?: boolean;
    maxLength?: number;
    inputMode?: 'numeric' | 'text' | 'email';
    width?: 'short' | 'full';
    /** 'ltr' for what reads left to right in every language (coordinates, codes), also in an Arabic page. */
    dir?: 'ltr';
  },
) {
  const { name, value, type = 'text', autocomplete, required, maxLength, inputMode, width = 'full', dir } = props;
  return (
    <FieldShell {...props}>
      <input
        // biome-ignore lint/suspicious/noExplicitAny: preact narrows attributes per input type; ours vary at run time.
        {...({ type } as any)}
        class={`k-input k-input--${width}`}
        id={fieldId(name)}
        name={name}
        value={value ?? ''}
        autocomplete={autocomplete}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        dir={dir}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(name, props.hint, props.error)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { value?: string | undefined; rows?: number; maxLength?: number; required?: boolean }) {
  const { name, value, rows = 6, maxLength, required } = props;
  return (
    <FieldShell {...props}>
      <textarea
        class="k-textarea"
        id={fieldId(name)}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(name, props.hint, props.error)}
      >
        {value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function Select(props: FieldProps & { value?: string | undefined; options: Array<{ value: string; label: string }>; required?: boolean }) {
  const { name, value, options, required } = props;
  return (
    <FieldShell {...props}>
      <select
        class="k-select"
        id={fieldId(name)}
        name={name}
        required={required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(name, props.hint, props.error)}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function FileInput(props: FieldProps & { accept?: string }) {
  const { name, accept } = props;
  return (
    <FieldShell {...props}>
      <input
        class="k-file"
        type="file"
        id={fieldId(name)}
        name={name}
        accept={accept}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(name, props.hint, props.error)}
      />
    </FieldShell>
  );
}

/** Fields that belong together under one legend (a group of settings, the actions on a selection). */
export function Fieldset({ legend, hint, id, children }: { legend: string; hint?: string; id?: string; children: Children }) {
  const hintId = hint ? `${id ?? 'fieldset'}-hint` : undefined;
  return (
    <fieldset class="k-fieldset" id={id} aria-describedby={hintId}>
      <legend class="k-label">{legend}</legend>
      {hint && (
        <p class="k-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children}
    </fieldset>
  );
}

export function Checkboxes(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: Array<{ value: string; label: string }>;
  values: string[];
}) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? 'k-fieldset k-field--error' : 'k-fieldset'} id={id} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend class="k-label">{props.legend}</legend>
      {props.hint && <p class="k-hint">{props.hint}</p>}
      {props.error && (
        <p class="k-field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.options.map((o, i) => (
        <div class="k-checkbox">
          <input type="checkbox" class="k-checkbox__input" id={`${id}-${i}`} name={props.name} value={o.value} checked={props.values.includes(o.value)} />
          <label class="k-checkbox__label" for={`${id}-${i}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Button({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: Children;
  variant?: 'primary' | 'secondary' | 'warning';
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={`k-button k-button--${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}

export function Notice({ children, kind = 'info' }: { children: Children; kind?: 'info' | 'success' }) {
  return (
    <div class={`k-notice k-notice--${kind}`} role={kind === 'success' ? 'status' : undefined}>
      {children}
    </div>
  );
}
