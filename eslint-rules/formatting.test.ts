import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";

// `npm run lint` ends with `prettier --check .`: it fails on any file Prettier would
// reformat. This shows the check refusing an unformatted file and passing its formatted twin,
// with the repository's own configuration.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("formatting", () => {
  it("refuses unformatted code and accepts it once formatted", async () => {
    const file = path.join(root, "lib/example.ts");
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const messy = "export const  answer={value:42,label :'x'}\n";
    expect(await prettier.check(messy, options)).toBe(false);
    const tidy = await prettier.format(messy, options);
    expect(tidy).toBe('export const answer = { value: 42, label: "x" };\n');
    expect(await prettier.check(tidy, options)).toBe(true);
  });

  it("wraps at the configured print width of 140", async () => {
    expect((await prettier.resolveConfig(path.join(root, "lib/example.ts")))?.printWidth).toBe(140);
  });
});
