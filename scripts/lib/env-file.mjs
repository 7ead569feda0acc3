// Reading and completing `.env.local` without overwriting what a person put there.
// Pure functions (text in, text out) so they are unit tested in env-file.test.ts.
//
// The format is the subset of dotenv that Next.js (@next/env) reads the same way:
// KEY=value, optional `export `, `#` comments, '…' literal, "…" with \n and \r escapes.
// A later duplicate wins, as in dotenv. Multi-line quoted values are not supported:
// PEM keys are written on one line with \n escapes.

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/** @param {string} raw the text after `=` */
function parseValue(raw) {
  const quote = raw[0];
  if ((quote === '"' || quote === "'" || quote === "`") && raw.lastIndexOf(quote) > 0) {
    const inner = raw.slice(1, raw.lastIndexOf(quote));
    return quote === '"' ? inner.replace(/\\n/g, "\n").replace(/\\r/g, "\r") : inner;
  }
  // Unquoted: an inline comment starts at " #".
  return raw.replace(/\s+#.*$/, "");
}

/**
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseEnv(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (m?.[1] !== undefined && !line.trimStart().startsWith("#")) out[m[1]] = parseValue(m[2] ?? "");
  }
  return out;
}

/**
 * One `KEY="value"` line, newlines escaped as \n. Only for values this project generates:
 * characters that dotenv-expand or the quoting would alter are refused.
 * @param {string} key @param {string} value
 */
export function formatEnvLine(key, value) {
  if (/["\\$`]/.test(value)) throw new Error(`${key}: value contains a character that cannot be written safely`);
  return `${key}="${value.replace(/\r/g, "\\r").replace(/\n/g, "\\n")}"`;
}

/**
 * Adds the keys of `wanted` that `text` lacks or leaves empty; never changes a non-empty value.
 * An empty `KEY=` line is replaced in place (so no duplicate follows it).
 * @param {string} text current file content ("" when there is none)
 * @param {Record<string, string>} wanted
 * @returns {{ text: string, added: string[] }}
 */
export function mergeEnv(text, wanted) {
  const current = parseEnv(text);
  const added = Object.keys(wanted).filter((k) => !current[k]);
  if (added.length === 0) return { text, added };
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const appended = [];
  for (const key of added) {
    const line = formatEnvLine(key, /** @type {string} */ (wanted[key]));
    // The last occurrence is the one that counts (and the one that is empty).
    const emptyAt = lines.findLastIndex((l) => LINE.exec(l)?.[1] === key && !l.trimStart().startsWith("#"));
    if (emptyAt >= 0) lines[emptyAt] = line;
    else appended.push(line);
  }
  return { text: [...lines, ...appended].join("\n") + "\n", added };
}
