import { describe, expect, it } from "vitest";
import { simulate } from "./simulator";

describe("simulated AI services", () => {
  it("answer the same for the same service and instant (every worker agrees)", () => {
    const at = new Date("2026-11-20T10:11:12Z");
    expect(simulate("inference_api", at)).toEqual(simulate("inference_api", at));
  });

  it("are mostly healthy, sometimes slow and now and then down over a week of 30 s checks", () => {
    const start = Date.parse("2026-11-01T00:00:00Z");
    const counts = { ok: 0, degraded: 0, down: 0 };
    for (let i = 0; i < 7 * 2880; i++) {
      const a = simulate("inference_api", new Date(start + i * 30_000));
      if (a.httpStatus !== 200) counts.down++;
      else if (a.body.status === "degraded") counts.degraded++;
      else counts.ok++;
    }
    const total = 7 * 2880;
    expect(counts.ok / total).toBeGreaterThan(0.9);
    expect(counts.degraded).toBeGreaterThan(0);
    expect(counts.down).toBeGreaterThan(0);
    expect(counts.down / total).toBeLessThan(0.02);
  });

  it("keep an outage for its first three minutes, long enough to open an incident at 3 failures", () => {
    const start = Date.parse("2026-11-01T00:00:00Z");
    let run = 0;
    let longest = 0;
    for (let i = 0; i < 14 * 2880; i++) {
      run = simulate("feature_store", new Date(start + i * 30_000)).httpStatus === 503 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBe(6);
  });
});
