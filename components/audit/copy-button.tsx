"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a value; says so in a live region (or that it failed, e.g. without clipboard access). */
export function CopyButton({ value, label, className = "" }: { value: string; label: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <Button variant="secondary" size="sm" onClick={copy} aria-label={label}>
        {state === "copied" ? "Copied" : "Copy"}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-zinc-500">
        {state === "failed" ? "Copy failed: select the text and copy it by hand." : ""}
      </span>
    </span>
  );
}
