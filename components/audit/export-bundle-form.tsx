"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";

/** A `YYYY-MM-DD` day as the UTC instant it starts; `plusDays` moves it. */
function dayStart(day: string, plusDays = 0): string {
  const t = Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000;
  return new Date(t).toISOString();
}

/**
 * The evidence bundle download. The link's address follows the inputs, so the browser
 * streams the file straight to disk (no copy held in the page). "Through" is inclusive.
 */
export function ExportBundleForm() {
  const [from, setFrom] = useState("");
  const [through, setThrough] = useState("");
  const invalid = Boolean(from && through && from > through);
  const query = new URLSearchParams();
  if (from) query.set("from", dayStart(from));
  if (through) query.set("to", dayStart(through, 1));
  const href = `/api/audit/export${query.size ? `?${query}` : ""}`;
  const invalidProps = invalid ? { "aria-invalid": true, "aria-describedby": "export-range-error" } : {};
  const scope =
    from || through
      ? `events ${from ? `from ${from}` : "from the start"} ${through ? `through ${through}` : "to now"} (UTC)`
      : "the whole log";

  return (
    <div className="space-y-4">
      <div className="grid max-w-md grid-cols-2 gap-3">
        <Field label="From (UTC day)" name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} {...invalidProps} />
        <Field
          label="Through (UTC day)"
          name="to"
          type="date"
          value={through}
          onChange={(e) => setThrough(e.target.value)}
          {...invalidProps}
        />
      </div>
      <FieldError id="export-range-error" errors={invalid ? ["The range must start before it ends."] : []} />
      <div className="flex flex-wrap items-center gap-3">
        {invalid ? (
          <span aria-disabled="true" className={buttonClass("primary", "md", "cursor-not-allowed opacity-60")}>
            Export evidence bundle
          </span>
        ) : (
          <a href={href} download className={buttonClass("primary")}>
            Export evidence bundle
          </a>
        )}
        <span className="text-xs text-zinc-500">Exports {scope}. The export is recorded in the audit log.</span>
      </div>
    </div>
  );
}
