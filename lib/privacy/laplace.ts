import { randomBytes } from "node:crypto";

/**
 * Laplace mechanism for counts shared outside the company. Each count has sensitivity 1
 * (one subject changes it by at most one), so noise is Laplace(0, 1/ε). The randomness is
 * node:crypto, never Math.random: a predictable source would let the noise be subtracted.
 */

// Random bytes are drawn 4 KiB at a time: one syscall per 512 samples, not per sample.
let pool = Buffer.alloc(0);
let offset = 0;
function pooledBytes(n: number): Buffer {
  if (offset + n > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += n;
  return pool.subarray(offset - n, offset);
}

/** Uniform in the open interval (0, 1), from 53 random bits. */
export function secureUniform(bytes: (n: number) => Buffer = pooledBytes): number {
  for (;;) {
    const b = bytes(8);
    const bits = (BigInt(b.readUInt32BE(0)) << 21n) | BigInt(b.readUInt32BE(4) >>> 11);
    const u = Number(bits) / 2 ** 53;
    if (u > 0) return u; // exclude 0 so that log() below stays finite
  }
}

/** One Laplace(0, scale) sample by inverse CDF. */
export function laplaceSample(scale: number, uniform: () => number = () => secureUniform()): number {
  const u = uniform() - 0.5;
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

export const EPSILON_MIN = 0.01;
export const EPSILON_MAX = 10;

/** The noisy count, rounded and clamped at zero (post-processing keeps the guarantee). */
export function noisyCount(count: number, epsilon: number, uniform?: () => number): number {
  if (!(epsilon >= EPSILON_MIN && epsilon <= EPSILON_MAX))
    throw new RangeError(`epsilon must be between ${EPSILON_MIN} and ${EPSILON_MAX}`);
  return Math.max(0, Math.round(count + laplaceSample(1 / epsilon, uniform)));
}
