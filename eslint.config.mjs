import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import moduleBoundaries from "./eslint-rules/module-boundaries.mjs";

/** Modules whose surface the boundary rule enforces; each module adds itself when it is in shape. */
const ENFORCED_MODULES = ["auth", "availability"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Formatting is Prettier's (checked by `npm run lint`); ESLint keeps to correctness.
  prettier,
  {
    // Modules are used through their public files only (eslint-rules/module-boundaries.mjs).
    // `enforced` lists the modules already in that shape; "*" once every module is.
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { assay: { rules: { "module-boundaries": moduleBoundaries } } },
    rules: { "assay/module-boundaries": ["error", { enforced: ENFORCED_MODULES }] },
  },
  {
    // The data access layer: pages and components reach the database only through lib/.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/client", "@/db/client.*", "**/db/client"],
              message: "Only lib/ and db/ use the database client: call a lib/<module>/queries.ts read instead.",
            },
            { group: ["drizzle-orm", "drizzle-orm/*", "postgres"], message: "Database access belongs in lib/ (the data access layer)." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "@/lib/*/service", "@/lib/*/queries"],
              // Types cross the layers (a component's props are Serialized<> of a query's row type).
              allowTypeImports: true,
              message: "components/ is presentational: pass data in as props.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    ".pgdata/**",
    "db/migrations/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
