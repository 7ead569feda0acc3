// `npm run docs:audit-catalog`: writes the catalog of declared audit actions into
// docs/audit-log-format.md (between its markers).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderCatalog, withCatalog } from "./audit-catalog/render";
import { VOCABULARIES } from "./audit-catalog/vocabularies";

const doc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/audit-log-format.md");
const before = readFileSync(doc, "utf8");
const after = withCatalog(before, renderCatalog(VOCABULARIES));
if (after !== before) writeFileSync(doc, after);
console.log(after === before ? "docs/audit-log-format.md: catalog up to date" : "docs/audit-log-format.md: catalog written");
