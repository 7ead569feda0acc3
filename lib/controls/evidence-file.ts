import { AppError } from "@/lib/errors";

/**
 * What an evidence upload may be. The type is decided here from the file's name and its
 * first bytes, never from what the browser declared: a screenshot must look like a PNG or
 * JPEG, a PDF must start like one, a text export must be UTF-8 text. Formats that can carry
 * script into a browser (HTML, SVG) are not accepted.
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

type Kind = { type: string; label: string; extensions: string[]; looksRight: (bytes: Uint8Array) => boolean };

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, text: string, at = 0) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));
const utf8 = new TextDecoder("utf-8", { fatal: true });
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
const zip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);

export const EVIDENCE_KINDS: Kind[] = [
  { type: "application/pdf", label: "PDF", extensions: ["pdf"], looksRight: (b) => ascii(b, "%PDF-") },
  {
    type: "image/png",
    label: "PNG image",
    extensions: ["png"],
    looksRight: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  { type: "image/jpeg", label: "JPEG image", extensions: ["jpg", "jpeg"], looksRight: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  { type: "image/gif", label: "GIF image", extensions: ["gif"], looksRight: (b) => ascii(b, "GIF87a") || ascii(b, "GIF89a") },
  { type: "image/webp", label: "WebP image", extensions: ["webp"], looksRight: (b) => ascii(b, "RIFF") && ascii(b, "WEBP", 8) },
  { type: "text/csv", label: "CSV export", extensions: ["csv"], looksRight: isText },
  { type: "text/plain", label: "text file", extensions: ["txt", "log"], looksRight: isText },
  { type: "text/markdown", label: "Markdown document", extensions: ["md"], looksRight: isText },
  { type: "application/json", label: "JSON export", extensions: ["json"], looksRight: isText },
  {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel workbook",
    extensions: ["xlsx"],
    looksRight: zip,
  },
  {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Word document",
    extensions: ["docx"],
    looksRight: zip,
  },
];

export const ACCEPTED_EXTENSIONS = EVIDENCE_KINDS.flatMap((k) => k.extensions.map((e) => `.${e}`));

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

const refuse = (message: string) => new AppError("validation", message, { fieldErrors: { file: [message] } });

/** The checked type of an upload, or a validation error that says what is wrong. */
export function checkEvidenceFile(file: { name: string; bytes: Uint8Array }): { contentType: string; filename: string } {
  const filename = file.name
    .replace(/[\u0000-\u001f\u007f/\\]/g, "_")
    .trim()
    .slice(-200);
  if (file.bytes.length === 0) throw refuse("The file is empty.");
  if (file.bytes.length > MAX_EVIDENCE_BYTES) {
    throw refuse(`The file is ${formatBytes(file.bytes.length)}; evidence files are limited to ${formatBytes(MAX_EVIDENCE_BYTES)}.`);
  }
  const ext = filename.includes(".") ? filename.split(".").pop()!.toLowerCase() : "";
  const kind = EVIDENCE_KINDS.find((k) => k.extensions.includes(ext));
  if (!kind) throw refuse(`“.${ext || "(none)"}” files are not accepted as evidence. Accepted: ${ACCEPTED_EXTENSIONS.join(", ")}.`);
  if (!kind.looksRight(file.bytes)) throw refuse(`The file is named .${ext} but its content is not a ${kind.label}.`);
  return { contentType: kind.type, filename };
}
