import { useId, type ComponentProps } from "react";
import { FieldError, inputClass } from "./field";

type Props = Omit<ComponentProps<"textarea">, "id"> & { label: string; name: string; errors?: string[]; hint?: React.ReactNode; inputClassName?: string };

/** A labelled textarea, errors announced with it (aria-describedby + aria-invalid), like Field. */
export function TextareaField({ label, name, errors = [], hint, className = "", inputClassName = "", rows = 3, ...textarea }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-[13px] font-medium text-zinc-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`${inputClass} h-auto py-2 leading-relaxed ${inputClassName}`}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...textarea}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
