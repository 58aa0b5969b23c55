import type { ComponentChildren } from "preact";

// A section title with its actions (CSV links) beside it.
export function SectionHeader({ id, title, children }: { id: string; title: string; children?: ComponentChildren }) {
  return (
    <div class="section-header">
      <h2 id={id}>{title}</h2>
      {children ? <div class="section-actions">{children}</div> : null}
    </div>
  );
}
