import type { Children } from '../../../platform/views/render';

/** One thing residents come to do, as a large link with a line of explanation. */
export function HomeAction({ href, title, text }: { href: string; title: string; text: string }) {
  return (
    <li class="k-home-action">
      <a href={href} class="k-home-action__link">
        <span class="k-home-action__title">{title}</span>
        <span class="k-home-action__text">{text}</span>
      </a>
    </li>
  );
}

/** A section of the front door with its heading; the id ties heading and region together for screen readers. */
export function HomeSection({ id, title, children }: { id: string; title: string; children: Children }) {
  return (
    <section class="k-section k-home-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
