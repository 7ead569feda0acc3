import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// Two projects, run by scripts/test.mjs as separate layers:
// - unit: pure code, no database (scripts/test.mjs does not even pass DATABASE_URL);
// - service: *.service.test.ts against a real, migrated, unseeded PostgreSQL (DATABASE_URL).
export default defineConfig({
  resolve: {
    alias: [
      // tsconfig's "@/*": ["./*"].
      { find: /^@\//, replacement: `${root}/` },
      // The real `server-only` throws outside a React Server Components bundle.
      { find: /^server-only$/, replacement: path.join(root, "scripts/lib/empty-module.mjs") },
    ],
  },
  test: {
    environment: "node",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "db/**/*.test.ts",
            "scripts/**/*.test.ts",
            "components/**/*.test.ts",
            "eslint-rules/**/*.test.ts",
            "test/**/*.test.ts",
          ],
          exclude: ["**/node_modules/**", "**/*.service.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "service",
          include: ["**/*.service.test.ts"],
          setupFiles: ["test/setup/service.ts"],
          exclude: ["**/node_modules/**", ".next/**", ".pgdata/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One file at a time: the files share one database, and a test that counts rows
          // (e.g. "exactly one audit event") must not see another file's writes.
          fileParallelism: false,
        },
      },
    ],
  },
});
