// A page: its title (which names the section), an optional way back above
// it, actions beside it (CSV links), and the page's content.
import type { ComponentChildren } from "preact";

interface Props {
  name: string; // the title's id is `<name>-title`
  title: string;
  titleClass?: string;
  back?: { href: string; label: string };
  actions?: ComponentChildren;
  children?: ComponentChildren;
}

export function Page({ name, title, titleClass, back, actions, children }: Props) {
  const id = `${name}-title`;
  const heading = (
    <h1 id={id} class={titleClass}>
      {title}
    </h1>
  );
  return (
    <section class="page" aria-labelledby={id}>
      {back ? (
        <p>
          <a href={back.href}>← {back.label}</a>
        </p>
      ) : null}
      {actions ? (
        <div class="section-header">
          {heading}
          <div class="section-actions">{actions}</div>
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
