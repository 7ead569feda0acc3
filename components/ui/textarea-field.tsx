import type { ComponentProps } from "react";
import { FieldFrame, inputClass } from "./field";

type Props = Omit<ComponentProps<"textarea">, "id"> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: React.ReactNode;
  inputClassName?: string;
};

/** A labelled textarea, errors announced with it (aria-describedby + aria-invalid), like Field. */
export function TextareaField({ label, name, errors = [], hint, className = "", inputClassName = "", rows = 3, ...textarea }: Props) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <textarea
          {...control}
          name={name}
          rows={rows}
          className={`${inputClass} h-auto py-2 leading-relaxed ${inputClassName}`}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}
