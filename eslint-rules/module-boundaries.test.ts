import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";
import type { Rule } from "eslint";
import boundaries from "./module-boundaries.mjs";

const rule = boundaries as unknown as Rule.RuleModule;

RuleTester.describe = describe;
RuleTester.it = it;

const root = "/repo";
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" } });
const at = (file: string) => ({ filename: `${root}/${file}`, options: [{ root }] });

tester.run("module-boundaries", rule, {
  valid: [
    { code: 'import { listModels } from "@/lib/models/queries";', ...at("app/(dashboard)/models/page.tsx") },
    { code: 'import { lockVersion } from "./internal/locks";', ...at("lib/models/service.ts") },
    { code: 'import { lockVersion } from "@/lib/models/internal/locks";', ...at("lib/models/promotion.service.test.ts") },
    { code: 'import { can } from "@/lib/auth/permissions";', ...at("components/shell/sidebar.tsx") },
    { code: 'import type { ModelListItem } from "@/lib/models/queries";', ...at("components/models/model-columns.tsx") },
    { code: 'import { STAGES } from "@/lib/models/vocabulary";', ...at("components/models/status-badge.tsx") },
    { code: 'import { withTransaction } from "@/lib/actions/with-transaction";', ...at("lib/models/actions.ts") },
    { code: 'import { ANONYMOUS } from "@/lib/context";', ...at("scripts/worker.ts") },
  ],
  invalid: [
    {
      code: 'import { lockVersion } from "@/lib/models/internal/locks";',
      ...at("app/(dashboard)/models/page.tsx"),
      errors: [{ messageId: "internal" }],
    },
    { code: 'import { chainHash } from "@/lib/audit/internal/hash";', ...at("lib/models/service.ts"), errors: [{ messageId: "internal" }] },
    { code: 'import { chainHash } from "../audit/internal/hash";', ...at("lib/models/service.ts"), errors: [{ messageId: "internal" }] },
    { code: 'export { verify } from "@/lib/audit/verify/run";', ...at("scripts/assay-verify.ts"), errors: [{ messageId: "internal" }] },
    { code: 'const m = await import("@/lib/audit/internal/hash");', ...at("scripts/bench/audit.ts"), errors: [{ messageId: "internal" }] },
    {
      code: 'import { listModels } from "@/lib/models/queries";',
      ...at("components/models/model-columns.tsx"),
      errors: [{ messageId: "componentValue" }],
    },
  ],
});
