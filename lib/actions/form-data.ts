/**
 * FormData → plain object for zod. A field named `x[]` becomes an array `x` (checkbox
 * groups); empty files are dropped; everything else stays a string for the schema to coerce.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own hidden fields
    const values = formData.getAll(key).filter((v) => !(typeof v !== "string" && v.size === 0 && v.name === ""));
    if (key.endsWith("[]")) out[key.slice(0, -2)] = values;
    else if (values.length > 0) out[key] = values[values.length - 1];
  }
  return out;
}
