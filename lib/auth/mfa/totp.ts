import { Secret, TOTP } from "otpauth";

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30 s. */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, account: string): string {
  return new TOTP({ issuer: "Assay", label: account, secret: Secret.fromBase32(secretBase32), period: PERIOD }).toString();
}

export function totpCode(secretBase32: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), period: PERIOD }).generate({ timestamp });
}

/**
 * Checks a code within ±1 time step and returns the step it matched, or null. The caller
 * stores the step and refuses any step not greater than the last one used, so each code
 * works once (RFC 6238 §5.2).
 */
export function matchTotpStep(secretBase32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secretBase32), period: PERIOD, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
