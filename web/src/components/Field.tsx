// A label and its control. stacked puts the two in a column (.field), as the
// grids and filter bars lay them out; labelClass hides a label that the
// table's header already says.
import type { ComponentChildren, InputHTMLAttributes } from "preact";

interface LabelProps {
  id: string;
  label: string;
  stacked?: boolean;
  labelClass?: string;
}

export function LabeledField({ id, label, stacked, labelClass, children }: LabelProps & { children: ComponentChildren }) {
  const body = (
    <>
      <label class={labelClass} for={id}>
        {label}
      </label>
      {children}
    </>
  );
  return stacked ? <div class="field">{body}</div> : body;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onInput" | "onChange" | "label"> &
  LabelProps & {
    value: string;
    onValue: (value: string) => void;
    onCommit?: boolean; // tell the value when it is committed (change), not on every key (input)
  };

export function LabeledInput({ id, label, stacked, labelClass, value, onValue, onCommit, ...input }: InputProps) {
  const tell = (e: { currentTarget: HTMLInputElement }) => onValue(e.currentTarget.value);
  return (
    <LabeledField id={id} label={label} stacked={stacked} labelClass={labelClass}>
      <input {...input} id={id} value={value} onInput={onCommit ? undefined : tell} onChange={onCommit ? tell : undefined} />
    </LabeledField>
  );
}

interface SelectProps<V extends string> extends LabelProps {
  value: V;
  onValue: (value: V) => void;
  options: readonly { value: V; label: string }[];
}

export function LabeledSelect<V extends string>({ id, label, stacked, labelClass, value, onValue, options }: SelectProps<V>) {
  return (
    <LabeledField id={id} label={label} stacked={stacked} labelClass={labelClass}>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabeledField>
  );
}

// Each code with its words, for LabeledSelect; `all` first (value "") where
// the choice may be left open.
type Option<V> = { value: V; label: string };
export function optionsOf<V extends string>(codes: readonly V[], label: (code: V) => string): Option<V>[];
export function optionsOf<V extends string>(codes: readonly V[], label: (code: V) => string, all: string): Option<V | "">[];
export function optionsOf<V extends string>(codes: readonly V[], label: (code: V) => string, all?: string): Option<V | "">[] {
  const options = codes.map((value) => ({ value, label: label(value) }));
  return all === undefined ? options : [{ value: "", label: all }, ...options];
}

// A new password, as the server takes it (8 to 256 bytes).
export const NEW_PASSWORD = {
  type: "password",
  autocomplete: "new-password",
  minLength: 8,
  maxLength: 256,
  required: true,
} as const;
