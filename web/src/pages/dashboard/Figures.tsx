// Headline numbers as a row of figures. Every figure is there from the first
// paint ("–" until the answer comes), so nothing moves when it does.
export interface Figure {
  key: string; // data-figure, for tests and styles
  label: string;
  value: string; // formatted
  raw?: number; // data-value: the number as the API gave it
}

export function Figures({ label, figures }: { label: string; figures: Figure[] }) {
  return (
    <dl class="dash-figures" aria-label={label}>
      {figures.map((f) => (
        <div key={f.key} class="dash-figure" data-figure={f.key} data-value={f.raw}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
