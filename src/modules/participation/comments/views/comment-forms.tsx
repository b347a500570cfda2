import type { FieldErrors } from '../../../../platform/http/errors';
import { type Locale, translator } from '../../../../platform/i18n';
import { CsrfField } from '../../../../platform/views/forms';
import { COMMENT_MAX, FLAG_REASON_MAX, HIDE_REASON_MAX } from '../comments.service';
import { commentMessages } from '../messages';

// The forms of a comment thread. Several stand on one page (reply, edit, flag under each comment), so each field
// gets an id of its own (`prefix`), unlike the platform's one-form-per-page field components.

export interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  rows?: number;
  maxLength: number;
}

export function TextField(p: TextFieldProps) {
  const described = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'k-field k-field--error' : 'k-field'}>
      <label class="k-label" for={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <p class="k-hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="k-field__error" id={`${p.id}-error`}>
          {p.error}
        </p>
      )}
      <textarea
        class="k-textarea"
        id={p.id}
        name={p.name}
        rows={p.rows ?? 4}
        maxLength={p.maxLength}
        dir="auto"
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

function Check({ id, name, label, checked, hint }: { id: string; name: string; label: string; checked: boolean; hint?: string }) {
  return (
    <div class="k-checkbox">
      <input type="checkbox" class="k-checkbox__input" id={id} name={name} value="1" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label class="k-checkbox__label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="k-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export interface CommentFormValues {
  text?: string;
  showName?: boolean;
  official?: boolean;
}

/** A new comment or a reply (`parentId`): text, whether to show the account's name, and for staff "official answer". */
export function CommentForm(p: {
  locale: Locale;
  csrfToken: string;
  action: string;
  prefix: string;
  parentId?: number | undefined;
  replyTo?: string | undefined;
  accountName: string;
  mayOfficial: boolean;
  values?: CommentFormValues;
  errors?: FieldErrors;
}) {
  const t = translator(commentMessages, p.locale);
  const v = p.values ?? {};
  return (
    <form method="post" action={p.action} class="k-comment-form" novalidate>
      <CsrfField token={p.csrfToken} />
      {p.parentId !== undefined && <input type="hidden" name="parent" value={String(p.parentId)} />}
      <TextField
        id={`${p.prefix}-text`}
        name="text"
        label={p.replyTo ? t('reply.label', { name: p.replyTo }) : t('form.body')}
        hint={p.parentId === undefined ? t('form.bodyHint') : undefined}
        error={p.errors?.text}
        value={v.text}
        maxLength={COMMENT_MAX}
      />
      {p.accountName ? (
        <Check id={`${p.prefix}-name`} name="show_name" label={t('form.showName', { name: p.accountName })} checked={v.showName ?? false} />
      ) : (
        <p class="k-hint">{t('form.noName')}</p>
      )}
      {p.mayOfficial && (
        <Check id={`${p.prefix}-official`} name="official" label={t('staff.official')} hint={t('staff.officialHint')} checked={v.official ?? false} />
      )}
      <button type="submit" class="k-button k-button--primary">
        {p.parentId === undefined ? t('form.submit') : t('reply.submit')}
      </button>
    </form>
  );
}

export function EditForm(p: { locale: Locale; csrfToken: string; commentId: number; prefix: string; text: string; error?: string | undefined }) {
  const t = translator(commentMessages, p.locale);
  return (
    <form method="post" action={`/beteiligung/kommentar/${p.commentId}/bearbeiten`} class="k-comment-form" novalidate>
      <CsrfField token={p.csrfToken} />
      <TextField id={`${p.prefix}-text`} name="text" label={t('edit.label')} hint={t('edit.hint')} error={p.error} value={p.text} maxLength={COMMENT_MAX} />
      <button type="submit" class="k-button k-button--primary">
        {t('edit.submit')}
      </button>
    </form>
  );
}

export function FlagForm(p: { locale: Locale; csrfToken: string; commentId: number; prefix: string; reason?: string; error?: string | undefined }) {
  const t = translator(commentMessages, p.locale);
  return (
    <form method="post" action={`/beteiligung/kommentar/${p.commentId}/melden`} class="k-comment-form" novalidate>
      <CsrfField token={p.csrfToken} />
      <TextField id={`${p.prefix}-reason`} name="reason" label={t('flag.reason')} error={p.error} value={p.reason} rows={3} maxLength={FLAG_REASON_MAX} />
      <button type="submit" class="k-button k-button--secondary">
        {t('flag.submit')}
      </button>
    </form>
  );
}

/** Staff: hide with a public reason (the moderation queue and the moderators' view of a thread). */
export function HideForm(p: {
  locale: Locale;
  csrfToken: string;
  commentId: number;
  prefix: string;
  reason?: string;
  error?: string | undefined;
  returnTo?: string;
}) {
  const t = translator(commentMessages, p.locale);
  return (
    <form method="post" action={`/verwaltung/moderation/${p.commentId}/ausblenden`} class="k-comment-form" novalidate>
      <CsrfField token={p.csrfToken} />
      {p.returnTo && <input type="hidden" name="return" value={p.returnTo} />}
      <TextField
        id={`${p.prefix}-hide`}
        name="reason"
        label={t('bo.hideReason')}
        hint={t('bo.hideReasonHint')}
        error={p.error}
        value={p.reason}
        rows={2}
        maxLength={HIDE_REASON_MAX}
      />
      <button type="submit" class="k-button k-button--warning k-button--small">
        {t('bo.hide')}
      </button>
    </form>
  );
}
