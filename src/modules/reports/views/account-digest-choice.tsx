import { useContext } from 'preact/hooks';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { fieldId, LocaleContext } from '../../../platform/views/forms';

/** "Wie oft?": radio buttons in a fieldset, with the error tied to it (the forms module has no radio group yet). */
export function DigestChoice(props: {
  legend: string;
  hint: string;
  options: Array<{ value: string; label: string }>;
  value: string;
  error?: string | undefined;
}) {
  const id = fieldId('digest');
  const errorPrefix = translator(platformMessages, useContext(LocaleContext))('fieldErrorPrefix');
  const described = [`${id}-hint`, props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={props.error ? 'k-fieldset k-field--error' : 'k-fieldset'} id={id} aria-describedby={described}>
      <legend class="k-label">{props.legend}</legend>
      <p class="k-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.error && (
        <p class="k-field__error" id={`${id}-error`}>
          <span class="k-visually-hidden">{errorPrefix} </span>
          {props.error}
        </p>
      )}
      {props.options.map((o) => (
        <div class="k-radio">
          <input class="k-radio__input" type="radio" id={`${id}-${o.value}`} name="digest" value={o.value} checked={props.value === o.value} />
          <label class="k-radio__label" for={`${id}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
