import type { ComponentProps } from "react";
import { FieldFrame, inputClass } from "./field";

type Props = Omit<ComponentProps<"select">, "id"> & {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  errors?: string[];
  hint?: React.ReactNode;
  /** An empty first option (e.g. "Choose…"), for a choice not made yet. */
  placeholder?: string;
};

/** A labelled native select (keyboard and screen-reader friendly by default), errors announced with it. */
export function SelectField({ label, name, options, errors = [], hint, placeholder, className = "", ...select }: Props) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <select {...control} name={name} className={inputClass} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
