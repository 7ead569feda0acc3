"use client";

import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/**
 * A plain GET form to the download route: the browser saves the JSON. Smaller ε means more
 * noise and more privacy; the route validates it and answers a problem body when it is bad.
 */
export function DpExportForm() {
  return (
    <form method="get" action="/api/privacy/dp-export" className="flex flex-wrap items-end gap-3">
      <Field
        label="Epsilon (ε) per count"
        name="epsilon"
        type="number"
        step="0.01"
        min={0.01}
        max={10}
        defaultValue={1}
        className="w-44"
        hint="0.01–10; lower is more private."
      />
      <button type="submit" className={buttonClass("secondary", "md", "mb-5")}>
        Export noisy counts
      </button>
    </form>
  );
}
