import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { recordAudit } from "./append";
import { buildAuditBundle } from "./export";

/**
 * Regression: a client that abandons a bundle download cancels the web stream. That must
 * not surface as an uncaught exception (tar-stream's pack erroring with nobody listening),
 * which in the server process is a crash or, at best, noise on every aborted download.
 */
afterAll(closeDb);

describe.skipIf(!process.env.ASSAY_AUDIT_SIGNING_KEY)("buildAuditBundle (needs ASSAY_AUDIT_SIGNING_KEY)", () => {
  it.each(["before reading", "after the first chunk"])("can be cancelled %s without an uncaught error", async (when) => {
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { userId: null, apiKeyId: null, ip: null, userAgent: "export test", sessionId: null },
        { type: "data_export", action: "test.export", outcome: "success" },
      ),
    );
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on("uncaughtException", onUncaught);
    try {
      const bundle = await buildAuditBundle({});
      if (when === "before reading") await bundle.stream.cancel();
      else {
        const reader = bundle.stream.getReader();
        expect((await reader.read()).done).toBe(false);
        await reader.cancel();
      }
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the tar/gzip teardown run
    } finally {
      process.off("uncaughtException", onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
