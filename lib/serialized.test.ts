import { describe, expect, expectTypeOf, it } from "vitest";
import { serialize, type Serialized } from "./serialized";

describe("serialize", () => {
  it("turns Dates into ISO strings at any depth and keeps everything else", () => {
    const row = { id: "a", at: new Date("2026-01-02T03:04:05.000Z"), tags: [{ on: new Date(0) }], n: 3, none: null };
    const out = serialize(row);
    expect(out).toEqual({ id: "a", at: "2026-01-02T03:04:05.000Z", tags: [{ on: "1970-01-01T00:00:00.000Z" }], n: 3, none: null });
    expectTypeOf(out).toEqualTypeOf<Serialized<typeof row>>();
    expectTypeOf(out.at).toEqualTypeOf<string>();
    expectTypeOf(out.tags[0]!.on).toEqualTypeOf<string>();
  });
});
