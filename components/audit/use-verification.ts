"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ndjsonLines, type CheckpointFile, type VerifyProgress, type VerifyResult } from "./verify-wire";

export type VerifyRequestBody = { fromSeq?: number; toSeq?: number; checkpoint?: CheckpointFile };

export type VerifyRun =
  | { status: "idle" }
  | { status: "running"; progress: VerifyProgress | null }
  | { status: "done"; progress: VerifyProgress | null; result: VerifyResult }
  | { status: "cancelled"; progress: VerifyProgress | null }
  | { status: "error"; progress: VerifyProgress | null; message: string; fieldErrors: Record<string, string[]> };

type Problem = { detail?: string; errors?: { field: string; messages: string[] }[] };

/** Runs a verification over the streaming endpoint; `cancel` aborts the request (and the server's run). */
export function useVerification() {
  const [run, setRun] = useState<VerifyRun>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (body: VerifyRequestBody) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    let progress: VerifyProgress | null = null;
    const fail = (message: string, fieldErrors: Record<string, string[]> = {}) =>
      setRun({ status: "error", progress, message, fieldErrors });
    setRun({ status: "running", progress });
    try {
      const response = await fetch("/api/audit/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => null)) as Problem | null;
        const fields = Object.fromEntries((problem?.errors ?? []).map((e) => [e.field, e.messages]));
        return fail(problem?.detail ?? `The verification could not start (HTTP ${response.status}).`, fields);
      }
      for await (const line of ndjsonLines(response.body)) {
        if (line.type === "progress") {
          progress = { checked: line.checked, total: line.total, elapsedMs: line.elapsedMs, rate: line.rate };
          setRun({ status: "running", progress });
        } else if (line.type === "result") {
          const { result } = line;
          progress = {
            checked: result.checked,
            total: progress?.total ?? result.checked,
            elapsedMs: result.elapsedMs,
            rate: progress?.rate ?? 0,
          };
          return setRun({ status: "done", progress, result });
        } else {
          return fail(line.message);
        }
      }
      fail("The server ended the verification without a verdict. Try again.");
    } catch (err) {
      if (abort.signal.aborted) setRun({ status: "cancelled", progress });
      else
        fail(
          err instanceof Error && err.name === "SyntaxError"
            ? "The server sent a malformed progress line."
            : "The connection to the server was lost.",
        );
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { run, start, cancel };
}
