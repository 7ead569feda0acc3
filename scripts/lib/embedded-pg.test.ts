import { describe, expect, it } from "vitest";
import { parsePostmasterPid, serverUrl, withDatabase } from "./embedded-pg.mjs";
import { uniqueDatabaseName } from "./pg-admin.mjs";
import { parseProcStat } from "./processes.mjs";

describe("parsePostmasterPid", () => {
  it("reads the pid, data dir and port of a PostgreSQL 15 lock file", () => {
    const text = "6444\n/tmp/pgp\n1795715440\n38149\n\n127.0.0.1\n  1234567   98304\nready   \n";
    expect(parsePostmasterPid(text)).toEqual({ pid: 6444, dataDir: "/tmp/pgp", port: 38149 });
  });

  it("returns no pid for an empty or truncated file (a crash while writing it)", () => {
    expect(parsePostmasterPid("")).toEqual({ pid: null, dataDir: "", port: null });
    expect(parsePostmasterPid("garbage").pid).toBeNull();
  });
});

describe("parseProcStat", () => {
  it("reads the state of a zombie postmaster", () => {
    expect(parseProcStat("6444 (postgres) Z 1 6444 6444 0 -1 4194564")).toMatchObject({
      pid: 6444,
      comm: "postgres",
      state: "Z",
      ppid: 1,
      pgrp: 6444,
    });
  });

  it("counts fields from the last parenthesis, since a command name may contain some", () => {
    expect(parseProcStat("77 (a) b (c)) S 12 77 77 0")).toMatchObject({ comm: "a) b (c)", state: "S", ppid: 12, pgrp: 77 });
  });

  it("returns null for text that is not a stat line", () => {
    expect(parseProcStat("")).toBeNull();
  });
});

describe("connection URLs", () => {
  it("connects as the superuser over TCP with an encoded password", () => {
    expect(serverUrl({ password: "a/b+c=", port: 5433 })).toBe("postgres://postgres:a%2Fb%2Bc%3D@127.0.0.1:5433/postgres");
  });

  it("switches database and keeps credentials and parameters", () => {
    expect(withDatabase("postgres://u:p@db.example:5432/main?sslmode=require", "assay_x")).toBe(
      "postgres://u:p@db.example:5432/assay_x?sslmode=require",
    );
  });

  it("makes unique lower-case database names", () => {
    const a = uniqueDatabaseName("assay_test", "e2e");
    expect(a).toMatch(/^assay_test_[a-z0-9]+_[a-z0-9]+_e2e$/);
    expect(uniqueDatabaseName("assay_test", "e2e")).not.toBe(a);
  });
});
