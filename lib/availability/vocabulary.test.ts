import { describe, expect, it } from "vitest";
import { availabilityAudit } from "./vocabulary";

describe("availability audit vocabulary", () => {
  it("declares only availability.* actions", () => {
    expect(Object.keys(availabilityAudit.actions).every((a) => a.startsWith("availability."))).toBe(true);
  });

  it("builds the events the module has always written: a person's incident is a data change, a detected outage a security alert", () => {
    const fields = {
      resource: { type: "availability_incident", id: "i1" },
      metadata: { service: "inference_api", severity: "sev1" as const, startedAt: "2026-01-02T03:04:05.000Z", source: "manual" as const },
    };
    expect(availabilityAudit.event("availability.incident_opened", fields)).toEqual({
      type: "data_modification",
      action: "availability.incident_opened",
      outcome: "success",
      ...fields,
    });
    const auto = { ...fields, metadata: { ...fields.metadata, source: "auto" as const } };
    expect(availabilityAudit.event("availability.incident_opened", { ...auto, type: "security_alert" })).toEqual({
      type: "security_alert",
      action: "availability.incident_opened",
      outcome: "success",
      ...auto,
    });
  });

  it("refuses a type the action does not declare", () => {
    const seeded = { source: "seed" as const, startedAt: "2026-01-02T03:04:05.000Z" };
    expect(() =>
      availabilityAudit.event("availability.incident_opened", {
        // @ts-expect-error login is not one of incident_opened's types
        type: "login",
        metadata: seeded,
      }),
    ).toThrow(/not declared/);
  });

  it("refuses an event whose metadata is not the declared shape", () => {
    const wrong = { length: "long" } as unknown as { length: number };
    expect(() => availabilityAudit.event("availability.incident_updated", { metadata: wrong })).toThrow(/does not match its declaration/);
    const notIso = { samples: 1, services: ["a"], from: "yesterday", to: "today" };
    expect(() => availabilityAudit.event("availability.samples_pushed", { metadata: notIso })).toThrow(/does not match/);
  });
});
