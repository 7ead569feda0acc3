import type { FormAction } from "@/components/ui/form-action";

const LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/;

/**
 * A datetime-local input has no zone, and the server would read it in its own. The forms
 * say "UTC", so the value is sent as UTC whatever the browser's or the server's zone.
 */
export function utcTimes(action: FormAction, fields: string[]): FormAction {
  return (previous, formData) => {
    for (const field of fields) {
      const value = formData.get(field);
      if (typeof value === "string" && LOCAL.test(value)) formData.set(field, `${value.length === 16 ? `${value}:00` : value}Z`);
    }
    return action(previous, formData);
  };
}

/** For a datetime-local input, in UTC (the forms say so). */
export function toUtcInputValue(d: Date): string {
  return d.toISOString().slice(0, 16);
}
