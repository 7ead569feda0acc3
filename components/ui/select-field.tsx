import { useId, type ComponentProps } from "react";
import { FieldError, inputClass } from "./field";

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
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-[13px] font-medium text-zinc-800">
        {label}
      </label>
      <select id={id} name={name} className={inputClass} aria-invalid={errors.length > 0 || undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
