import { describe, expect, it } from "vitest";
import { laplaceSample, noisyCount, secureUniform } from "./laplace";

describe("Laplace mechanism", () => {
  it("draws uniforms in (0, 1)", () => {
    for (let i = 0; i < 1000; i++) {
      const u = secureUniform();
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }
    expect(secureUniform(() => Buffer.alloc(8, 0xff))).toBeLessThan(1);
  });

  it("has mean about 0 and variance about 2·scale²", () => {
    const n = 20_000;
    const samples = Array.from({ length: n }, () => laplaceSample(2));
    const mean = samples.reduce((a, b) => a + b, 0) / n;
    const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(variance).toBeGreaterThan(8 * 0.85);
    expect(variance).toBeLessThan(8 * 1.15);
  }, 30_000);

  it("inverts the CDF exactly at known points", () => {
    expect(laplaceSample(1, () => 0.5)).toBeCloseTo(0);
    expect(laplaceSample(1, () => 0.75)).toBeCloseTo(-Math.log(0.5));
    expect(laplaceSample(1, () => 0.25)).toBeCloseTo(Math.log(0.5));
  });

  it("noises counts, clamps at zero and refuses a bad epsilon", () => {
    expect(noisyCount(100, 1, () => 0.5)).toBe(100);
    expect(noisyCount(0, 0.1, () => 0.0001)).toBe(0);
    expect(() => noisyCount(10, 0)).toThrow(RangeError);
    expect(() => noisyCount(10, Number.NaN)).toThrow(RangeError);
  });
});
