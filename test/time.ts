/**
 * Guards for tests that straddle a clock boundary: fixed rate-limit windows reset on the
 * minute and on the UTC day, TOTP codes change every 30 s. Rather than loosen assertions,
 * wait until the test can run well inside one window.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** At least `needMs` before the next multiple of `periodMs` (epoch-aligned, so UTC). */
async function awayFromEdge(periodMs: number, needMs: number): Promise<void> {
  const left = periodMs - (Date.now() % periodMs);
  if (left < needMs) await sleep(left + 250);
}

export async function awayFromRateWindowEdge(): Promise<void> {
  await awayFromEdge(86_400_000, 15_000);
  await awayFromEdge(60_000, 10_000);
}

export async function awayFromTotpStepEdge(): Promise<void> {
  await awayFromEdge(30_000, 5_000);
}
