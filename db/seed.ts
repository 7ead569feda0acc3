import { inArray } from "drizzle-orm";
import { closeDb, db } from "./client";
import { users } from "./schema";
import { ANONYMOUS } from "@/lib/context";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { createUser } from "@/lib/users/service";

/**
 * The demo organisation. Deterministic and idempotent: a second run adds only what is
 * missing. Every row goes through the same audited services as the app (actor: system).
 */
export const DEMO_PASSWORD = "assay-demo-password";

const PEOPLE: Record<Role, string> = {
  admin: "Ada Admin",
  ml_engineer: "Mei Engineer",
  data_scientist: "Dev Scientist",
  ml_lead: "Lena Lead",
  qa_lead: "Quinn QA",
  security_lead: "Sam Security",
  product_owner: "Pat Product",
  compliance_officer: "Cora Compliance",
  ops: "Oscar Ops",
  auditor: "Aubrey Auditor",
};

export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  ...ROLES.map((role) => ({ email: `${role}@assay.local`, name: PEOPLE[role], roles: [role] })),
  // Holds two approver roles: separation of duties lets one person fill only one of them.
  { email: "lead-and-qa@assay.local", name: "Jordan Twohats", roles: ["ml_lead", "qa_lead"] },
];

function assertLocal(url: string) {
  if (process.env.ASSAY_ALLOW_REMOTE_SEED === "1") return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "[::1]", "::1", ""].includes(host)) {
    throw new Error(`refusing to seed demo data into ${host}: set ASSAY_ALLOW_REMOTE_SEED=1 if you mean it`);
  }
}

async function seedUsers() {
  const existing = new Set(
    (
      await db
        .select({ email: users.email })
        .from(users)
        .where(
          inArray(
            users.email,
            DEMO_USERS.map((u) => u.email),
          ),
        )
    ).map((r) => r.email),
  );
  let created = 0;
  for (const person of DEMO_USERS) {
    if (existing.has(person.email)) continue;
    await db.transaction((tx) => createUser(tx, ANONYMOUS, { ...person, password: DEMO_PASSWORD }));
    created += 1;
  }
  return created;
}

async function main() {
  assertLocal(process.env.DATABASE_URL ?? "");
  const createdUsers = await seedUsers();
  console.log(`[assay] seed: ${createdUsers} users created, ${DEMO_USERS.length - createdUsers} already present`);
  console.log(`[assay] seed: ${(await (await import("./seed/governance")).seedGovernance()).created} demo models created`);
  console.log(
    `[assay] seed: privacy demo data ${(await (await import("./seed/privacy")).seedPrivacy()).created ? "created" : "already present"}`,
  );
  const availability = await (await import("./seed/availability")).seedAvailability();
  console.log(
    `[assay] seed: availability demo data ${availability.created ? `created (${availability.samples} samples)` : "already present"}`,
  );
  console.log(
    `[assay] seed: controls demo data ${(await (await import("./seed/controls")).seedControls()).created ? "created" : "already present"}`,
  );
}

main()
  .catch((err) => {
    console.error("[assay] seed failed:", err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
