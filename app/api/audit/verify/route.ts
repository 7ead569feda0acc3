import { sessionRoute } from "@/lib/api/define-route";
import { readJson } from "@/lib/api/read-json";
import { VerifyRequest } from "@/lib/audit/schemas";
import { recordVerification } from "@/lib/audit/service";
import { verifyChain } from "@/lib/audit/verify";
import { parseInput } from "@/lib/validation";

/**
 * Runs a verification and streams its progress as NDJSON lines
 * (`{"type":"progress",checked,total,rate}` … then `{"type":"result",…}`), so that a
 * million events show a moving bar, not a hung page.
 */
export const POST = sessionRoute("audit.verify_chain", { permission: "audit.verify" }, async (request, { ctx }) => {
  const input = parseInput(VerifyRequest, await readJson(request));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        const result = await verifyChain({
          fromSeq: input.fromSeq,
          toSeq: input.toSeq,
          externalCheckpoints: input.checkpoint ? [input.checkpoint] : [],
          batchSize: 20_000,
          signal: request.signal,
          onProgress: (p) => send({ type: "progress", ...p, rate: p.elapsedMs > 0 ? Math.round((p.checked / p.elapsedMs) * 1000) : 0 }),
        });
        await recordVerification(ctx, result, Boolean(input.checkpoint));
        send({ type: "result", result });
      } catch (err) {
        console.error("[assay] verification failed", err);
        send({
          type: "error",
          message: request.signal.aborted ? "Verification cancelled." : "Verification could not run; see the server log.",
        });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
});
