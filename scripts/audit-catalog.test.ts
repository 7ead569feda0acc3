import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { change, defineAuditActions } from "@/lib/audit/vocabulary";
import { CATALOG_END, CATALOG_START, renderCatalog, shapeText, withCatalog } from "./audit-catalog/render";
import { VOCABULARIES } from "./audit-catalog/vocabularies";

const doc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/audit-log-format.md");

describe("audit action catalog", () => {
  it("docs/audit-log-format.md lists exactly the declared actions (run `npm run docs:audit-catalog` when this fails)", () => {
    const text = readFileSync(doc, "utf8");
    expect(withCatalog(text, renderCatalog(VOCABULARIES))).toBe(text);
  });

  it("names every action once across modules", () => {
    const names = VOCABULARIES.flatMap((v) => Object.keys(v.actions));
    expect(new Set(names).size).toBe(names.length);
  });

  it("renders a vocabulary as a table with each payload's shape", () => {
    const v = defineAuditActions("demo", {
      "widget.created": {
        type: "config_change",
        resource: "widget",
        summary: "A widget was created.",
        metadata: change(z.object({ name: z.string(), tags: z.array(z.string()) })),
      },
    });
    const out = renderCatalog([v]);
    expect(out.startsWith(CATALOG_START) && out.endsWith(CATALOG_END)).toBe(true);
    expect(out).toContain(
      "| `widget.created` | config_change | widget | success | A widget was created. | `{ before: { name: string, tags: string[] } \\| null, after: { name: string, tags: string[] } \\| null }` |",
    );
    expect(shapeText({ type: "object", properties: { n: { type: "integer" } } })).toBe("{ n?: integer }");
  });
});
