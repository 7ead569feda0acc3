import path from "node:path";

/**
 * Each `lib/<module>/` is used from outside only through its public files; everything else
 * in it is the module's own business (DESIGN.md "Layers", CONVENTIONS.md "Where code lives").
 * Inside a module, and in tests, any file may be imported.
 *
 * components/ are presentational: from a module they take values only from `vocabulary`
 * and `schemas` (words, constants, parsers) and types from any public file; the data itself
 * comes in as props.
 */
export const DEFAULT_SURFACE = ["schemas", "queries", "service", "actions", "vocabulary"];

/** Modules whose surface differs from the default, each entry with its reason. */
export const SURFACES = {
  // The one permission table (roles, permissions, API scopes), read by server and client
  // code, and the next-auth handlers that app/api/auth serves.
  auth: [...DEFAULT_SURFACE, "permissions", "next-auth"],
  // Not domain modules: the shells that every server action and route handler is written in.
  actions: ["define-action", "action-state", "with-transaction"],
  api: ["define-route", "problem", "read-json"],
};

const COMPONENT_VALUES = new Set(["vocabulary", "schemas", "permissions", "action-state"]);

const isTestFile = (file) => /\.test\.tsx?$/.test(file) || file.startsWith("test/");

/** `lib/<module>/<rest>` of an import, relative to the repository root, or null. */
function libTarget(fromFile, spec) {
  let target;
  if (spec.startsWith("@/")) target = spec.slice(2);
  else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  else return null;
  const m = /^lib\/([^/]+)\/(.+?)(\.[cm]?[jt]sx?)?$/.exec(target);
  return m ? { module: m[1], rest: m[2] } : null;
}

function moduleOf(file) {
  const m = /^lib\/([^/]+)\//.exec(file);
  return m ? m[1] : null;
}

const moduleBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "import a lib/<module>/ only through its public files" },
    schema: [
      {
        type: "object",
        properties: { root: { type: "string" }, enforced: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
    messages: {
      internal:
        "{{file}} is internal to lib/{{module}}/: import one of its public files instead ({{surface}}). See CONVENTIONS.md, 'Where code lives'.",
      componentValue:
        "components/ take only words and parsers from lib/{{module}}/ (vocabulary, schemas) and types from its public files: pass the data in as props, or use `import type`.",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = options.root ?? context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    if (isTestFile(file)) return {};
    const own = moduleOf(file);
    const enforced = options.enforced ?? ["*"];
    const applies = (module) => enforced.includes("*") || enforced.includes(module);
    const inComponents = file.startsWith("components/");

    function check(node, source, typeOnly) {
      if (!source || typeof source.value !== "string") return;
      const target = libTarget(file, source.value);
      if (!target || target.module === own || !applies(target.module)) return;
      const surface = SURFACES[target.module] ?? DEFAULT_SURFACE;
      if (!surface.includes(target.rest)) {
        context.report({
          node,
          messageId: "internal",
          data: { file: `lib/${target.module}/${target.rest}`, module: target.module, surface: surface.join(", ") },
        });
        return;
      }
      if (inComponents && !typeOnly && !COMPONENT_VALUES.has(target.rest)) {
        context.report({ node, messageId: "componentValue", data: { module: target.module } });
      }
    }

    const allTypes = (node) =>
      node.importKind === "type" || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type"));

    return {
      ImportDeclaration: (node) => check(node, node.source, allTypes(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source, false),
    };
  },
};
export default moduleBoundaries;
