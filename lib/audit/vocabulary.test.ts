import { describe, expect, it } from "vitest";
import { z } from "zod";
import { change, defineAuditActions } from "./vocabulary";

const demo = defineAuditActions("demo", {
  "widget.created": {
    type: "config_change",
    resource: "widget",
    summary: "A widget was created.",
    metadata: change(z.object({ name: z.string() })),
  },
  "widget.viewed": { type: "data_access", resource: "widget", summary: "A widget was opened.", metadata: z.object({}) },
});

describe("declared audit actions", () => {
  it("builds an event with the declared type, the default outcome and the caller's metadata", () => {
    const event = demo.event("widget.created", {
      resource: { type: "widget", id: "w1" },
      metadata: { before: null, after: { name: "A" } },
    });
    expect(event).toEqual({
      type: "config_change",
      action: "widget.created",
      outcome: "success",
      resource: { type: "widget", id: "w1" },
      metadata: { before: null, after: { name: "A" } },
    });
    expect(demo.event("widget.viewed", { outcome: "denied" })).toMatchObject({ outcome: "denied", metadata: {}, resource: null });
  });

  it("refuses metadata that does not match its declaration, at run time too", () => {
    const wrong = { before: null, after: { name: 7 } } as unknown as { before: null; after: { name: string } };
    expect(() => demo.event("widget.created", { metadata: wrong })).toThrow(/does not match its declaration/);
  });

  it("refuses an action name that is not entity.verb", () => {
    expect(() =>
      defineAuditActions("bad", { Created: { type: "config_change", resource: null, summary: "", metadata: z.object({}) } }),
    ).toThrow(/not entity\.verb/);
  });

  it("does not compile an undeclared action or a payload of the wrong shape", () => {
    // These lines are the check: `npm run typecheck` fails if either ever compiles.
    // @ts-expect-error an action the vocabulary does not declare
    expect(() => demo.event("widget.deleted", { metadata: {} })).toThrow();
    // @ts-expect-error metadata without the declared `before`/`after`
    expect(() => demo.event("widget.created", { metadata: { name: "A" } })).toThrow();
  });
});
