import type { Children } from '../render';

/** Terms and their values (the answers to a category's questions, a report's facts), as a `<dl>`. */
export function DescriptionList({ items }: { items: Array<{ label: Children; value: Children }> }) {
  return (
    <dl class="k-dl">
      {items.map((item) => (
        <>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </>
      ))}
    </dl>
  );
}
