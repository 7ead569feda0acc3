import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkEvidenceFile, MAX_EVIDENCE_BYTES } from "./evidence-file";

const text = (s: string) => new TextEncoder().encode(s);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).fieldErrors?.file?.[0];
  }
  throw new Error("not refused");
};

describe("checkEvidenceFile", () => {
  it("decides the type from the name and the content, not what the browser said", () => {
    expect(checkEvidenceFile({ name: "report.PDF", bytes: text("%PDF-1.7\n") })).toEqual({
      contentType: "application/pdf",
      filename: "report.PDF",
    });
    expect(checkEvidenceFile({ name: "a.jpeg", bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]) }).contentType).toBe("image/jpeg");
    expect(checkEvidenceFile({ name: "users.csv", bytes: text("name,role\nÅsa,admin\n") }).contentType).toBe("text/csv");
    expect(checkEvidenceFile({ name: "book.xlsx", bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1]) }).contentType).toMatch(
      /spreadsheetml/,
    );
  });

  it("refuses with a message that says what is wrong", () => {
    expect(refusal(() => checkEvidenceFile({ name: "x.png", bytes: text("GIF89a") }))).toBe(
      "The file is named .png but its content is not a PNG image.",
    );
    expect(refusal(() => checkEvidenceFile({ name: "page.svg", bytes: text("<svg/>") }))).toMatch(
      /“\.svg” files are not accepted as evidence/,
    );
    expect(refusal(() => checkEvidenceFile({ name: "noext", bytes: text("x") }))).toMatch(/not accepted/);
    expect(refusal(() => checkEvidenceFile({ name: "e.txt", bytes: new Uint8Array() }))).toBe("The file is empty.");
    expect(refusal(() => checkEvidenceFile({ name: "big.txt", bytes: new Uint8Array(MAX_EVIDENCE_BYTES + 1).fill(65) }))).toBe(
      "The file is 10.0 MiB; evidence files are limited to 10.0 MiB.",
    );
    expect(refusal(() => checkEvidenceFile({ name: "bad.txt", bytes: Uint8Array.from([0x61, 0xc3, 0x28]) }))).toMatch(/not a text file/);
  });

  it("keeps path separators and control characters out of the stored name", () => {
    expect(checkEvidenceFile({ name: "../../etc/passwd\n.txt", bytes: text("x") }).filename).toBe(".._.._etc_passwd_.txt");
  });
});
