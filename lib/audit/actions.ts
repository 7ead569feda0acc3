"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { createCheckpointNow } from "./service";

export const createCheckpointAction = defineAction(
  "audit.create_checkpoint",
  { permission: "audit.checkpoint", schema: z.object({}), revalidate: ["/audit/checkpoints"] },
  async ({ ctx }) => {
    const cp = await createCheckpointNow(ctx);
    if (!cp) throw new AppError("conflict", "No checkpoint was signed: the log is empty or no signing key is configured.");
    return { message: `Checkpoint signed at size ${cp.size}.`, data: { size: cp.size } };
  },
);
