import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Spawns the hammer's OS processes (test/hammer-worker.ts) and starts them together. */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const worker = path.join(root, "test/hammer-worker.ts");

export type WorkerResult = { pid: number; appended: number; uniqueViolations: number; constraints: string[]; errors: string[] };

export type HammerOptions = {
  mode: "real" | "naive";
  processes: number;
  writersPerProcess: number;
  events: number;
  table: string;
  tag: string;
};

export async function runHammer(o: HammerOptions): Promise<WorkerResult[]> {
  const children = Array.from({ length: o.processes }, () =>
    spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", worker, o.mode, String(o.writersPerProcess), String(o.events), o.table, o.tag],
      {
        cwd: root,
        // One connection per writer, and the same database the test uses.
        env: { ...process.env, DATABASE_POOL_SIZE: String(o.writersPerProcess) },
        stdio: ["pipe", "pipe", "pipe"],
      },
    ),
  );
  try {
    const outputs = children.map(collect);
    await Promise.all(outputs.map((out) => out.ready));
    for (const child of children) child.stdin.write("go\n");
    return await Promise.all(outputs.map((out) => out.result));
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  }
}

function collect(child: ChildProcessWithoutNullStreams) {
  child.stdin.on("error", () => {}); // a worker that already died cannot take "go"; its exit reports why
  let stdout = "";
  let stderr = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    if (stdout.includes("ready\n")) onReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const result = new Promise<WorkerResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !last.startsWith("{")) {
        onReady(); // unblock the start barrier so the failure surfaces
        reject(new Error(`hammer worker ${child.pid} exited with ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(last) as WorkerResult);
    });
  });
  // A worker that dies before "ready" must not hang the barrier.
  return {
    ready: Promise.race([
      ready,
      result.then(
        () => undefined,
        () => undefined,
      ),
    ]),
    result,
  };
}
