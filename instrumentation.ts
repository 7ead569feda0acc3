/**
 * Runs once when a Next.js server starts, before it handles a request: a server missing a
 * secret refuses to start rather than failing later, request by request. (The build, which
 * serves nobody, is exempt.)
 */
const REQUIRED = [
  ["AUTH_SECRET", "signs session cookies"],
  ["ASSAY_PSEUDONYM_KEY", "pseudonymizes data-subject identifiers"],
  ["DATABASE_URL", "names the PostgreSQL database"],
] as const;

export function register() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NEXT_RUNTIME && process.env.NEXT_RUNTIME !== "nodejs") return;
  const missing = REQUIRED.filter(([name]) => !process.env[name]?.trim());
  if (missing.length > 0) {
    const list = missing.map(([name, why]) => `${name} (${why})`).join(", ");
    throw new Error(`[assay] refusing to start: ${list} not set. \`npm run demo\` generates local secrets into .env.local.`);
  }
}
