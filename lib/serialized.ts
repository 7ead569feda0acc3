/**
 * What a value becomes when a server component hands it to a client component as plain
 * JSON: Dates as ISO strings, everything else as it was. Client components declare their
 * props as `Serialized<Row>` of the query's own row type instead of copying it.
 */
export type Serialized<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Serialized<U>[]
    : T extends (...args: never[]) => unknown
      ? never
      : T extends object
        ? { [K in keyof T]: Serialized<T[K]> }
        : T;

export function serialize<T>(value: T): Serialized<T> {
  if (value instanceof Date) return value.toISOString() as Serialized<T>;
  if (Array.isArray(value)) return value.map((v) => serialize(v)) as Serialized<T>;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialize(v)])) as Serialized<T>;
  }
  return value as Serialized<T>;
}
