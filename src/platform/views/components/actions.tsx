import { CsrfField } from '../forms';
import type { Children } from '../render';

/**
 * A link or button that names its row for screen readers: "Bearbeiten" is read as "Bearbeiten Grünflächenamt",
 * so a list of them is not a list of identical links (WCAG 2.4.4).
 */
function Named({ label, name }: { label: string; name: string }) {
  return (
    <>
      {label}
      <span class="k-visually-hidden"> {name}</span>
    </>
  );
}

export function RowLink({ href, label, name }: { href: string; label: string; name: string }) {
  return (
    <a href={href}>
      <Named label={label} name={name} />
    </a>
  );
}

/** One button that posts (delete, revoke, disable): a form of its own with the CSRF token. */
export function PostButton({
  action,
  csrfToken,
  label,
  name,
  variant = 'warning',
  small,
  class: className,
}: {
  action: string;
  csrfToken: string;
  label: string;
  /** Names the thing the button acts on, for screen readers (in tables with one button per row). */
  name?: string;
  variant?: 'primary' | 'secondary' | 'warning';
  small?: boolean;
  class?: string;
}) {
  return (
    <form method="post" action={action} class={className}>
      <CsrfField token={csrfToken} />
      <button type="submit" class={`k-button k-button--${variant}${small ? ' k-button--small' : ''}`}>
        {name ? <Named label={label} name={name} /> : label}
      </button>
    </form>
  );
}

/** The primary action of a list page ("Neue Abteilung"), above the list. */
export function ActionLink({ href, children }: { href: string; children: Children }) {
  return (
    <p>
      <a class="k-button k-button--secondary" href={href}>
        {children}
      </a>
    </p>
  );
}
