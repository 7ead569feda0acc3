import { useId, type ComponentProps } from "react";
import type { FieldErrors } from "@/lib/errors";

/** The messages for a field, including per-item ones of an array field (`roles.0`). */
export function errorsFor(fieldErrors: FieldErrors | undefined, name: string): string[] {
  if (!fieldErrors) return [];
  return Object.entries(fieldErrors)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
}

export const inputClass =
  "block h-9 w-full rounded-md border border-zinc-300 bg-white px-3 py-0 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 " +
  "focus:border-accent-500 focus:outline-2 focus:outline-offset-0 focus:outline-accent-500/30 " +
  "aria-invalid:border-red-500 aria-invalid:focus:outline-red-500/30 disabled:bg-zinc-50 read-only:bg-zinc-50";

type FieldProps = Omit<ComponentProps<"input">, "id"> & { label: string; name: string; errors?: string[]; hint?: React.ReactNode };

/** What a framed control needs to be tied to its label, hint and errors. */
export type FieldControl = { id: string; "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * The one frame every labelled control uses: label, control, hint, errors, with the control
 * pointing at its hint and errors (aria-describedby) and marked invalid when it has errors.
 */
export function FieldFrame({
  label,
  hint,
  errors = [],
  className = "",
  children,
}: {
  label: string;
  hint?: React.ReactNode;
  errors?: string[];
  className?: string;
  children: (control: FieldControl) => React.ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-[13px] font-medium text-zinc-800">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": errors.length > 0 ? true : undefined })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** A labelled input whose errors are announced with it (aria-describedby + aria-invalid). */
export function Field({ label, name, errors = [], hint, className = "", ...input }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} className={className}>
      {(control) => <input {...control} name={name} className={inputClass} {...input} />}
    </FieldFrame>
  );
}

export function FieldError({ id, errors }: { id?: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="mt-1 text-xs font-medium text-red-600">
      {errors.join(" ")}
    </p>
  );
}

type Option = { value: string; label: string; description?: string };

/** A group of checkboxes submitted as `name[]`, with one error message for the group. */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultChecked = [],
  errors = [],
  columns = 2,
}: {
  legend: string;
  name: string;
  options: readonly Option[];
  defaultChecked?: readonly string[];
  errors?: string[];
  columns?: 1 | 2 | 3;
}) {
  const id = useId();
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const grid = { 1: "grid-cols-1", 2: "grid-cols-2", 3: "grid-cols-3" }[columns];
  return (
    <fieldset aria-describedby={errorId} aria-invalid={errors.length > 0 || undefined}>
      <legend className="mb-1.5 block text-[13px] font-medium text-zinc-800">{legend}</legend>
      <div className={`grid ${grid} gap-x-4 gap-y-1.5 rounded-md border p-3 ${errors.length > 0 ? "border-red-400" : "border-zinc-200"}`}>
        {options.map((option) => (
          <label key={option.value} className="flex cursor-pointer items-start gap-2 text-[13px] text-zinc-800">
            <input
              type="checkbox"
              name={`${name}[]`}
              value={option.value}
              defaultChecked={defaultChecked.includes(option.value)}
              className="mt-0.5 size-4 rounded border-zinc-300 accent-accent-600"
            />
            <span>
              {option.label}
              {option.description ? <span className="block text-xs text-zinc-500">{option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
