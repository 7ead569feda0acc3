import { useId, type ComponentProps } from "react";
import { FieldError, inputClass } from "@/components/ui/field";

/** Select and textarea twins of components/ui Field: a label, a hint, errors announced with the control. */
function describe(id: string, hint: React.ReactNode, errors: string[]) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

type Option = { value: string; label: string };

export function SelectField({
  label,
  name,
  options,
  errors = [],
  hint,
  placeholder,
  className = "",
  ...select
}: Omit<ComponentProps<"select">, "id"> & { label: string; name: string; options: readonly Option[]; errors?: string[]; hint?: React.ReactNode; placeholder?: string }) {
  const id = useId();
  const { hintId, errorId, describedBy } = describe(id, hint, errors);
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-[13px] font-medium text-zinc-800">
        {label}
      </label>
      <select id={id} name={name} className={inputClass} aria-invalid={errors.length > 0 || undefined} aria-describedby={describedBy} {...select}>
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

export function TextAreaField({
  label,
  name,
  errors = [],
  hint,
  className = "",
  rows = 3,
  ...area
}: Omit<ComponentProps<"textarea">, "id"> & { label: string; name: string; errors?: string[]; hint?: React.ReactNode }) {
  const id = useId();
  const { hintId, errorId, describedBy } = describe(id, hint, errors);
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-[13px] font-medium text-zinc-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`${inputClass} h-auto py-2`}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
        {...area}
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
