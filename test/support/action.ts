import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Wall time of the action process alone, from spawn to exit. */
  durationMs: number;
}

/** Reads GITHUB_OUTPUT as the runner does: `name<<DELIMITER`, value lines, `DELIMITER`, or `name=value`. */
export function parseOutputFile(content: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      outputs[name!] = value.join("\n");
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

/**
 * Runs a bundled action the way the runner does: `node dist/<name>/index.js` with inputs as INPUT_<NAME> (upper-cased,
 * spaces to '_', dashes kept), the output/summary/event files, and nothing else of this process's environment
 * unless asked for.
 */
export async function runBundledAction(
  name: string,
  options: {
    inputs: Record<string, string>;
    event?: { name: string; payload: Record<string, unknown>; ref: string; sha: string };
    env?: Record<string, string>;
    cwd?: string;
  },
): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `gitops-action-${name}-`));
  try {
    const outputFile = path.join(dir, "output");
    const summaryFile = path.join(dir, "summary.md");
    const eventFile = path.join(dir, "event.json");
    await writeFile(outputFile, "");
    await writeFile(summaryFile, "");
    await writeFile(eventFile, JSON.stringify(options.event?.payload ?? {}));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? os.homedir(),
      GITHUB_ACTIONS: "true",
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: options.event?.name ?? "push",
      GITHUB_REF: options.event?.ref ?? "refs/heads/main",
      GITHUB_SHA: options.event?.sha ?? "",
      GITHUB_REPOSITORY: "acme/web",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_WORKSPACE: options.cwd ?? ROOT,
      RUNNER_TEMP: dir,
      ...options.env,
    };
    for (const [input, value] of Object.entries(options.inputs)) {
      env[`INPUT_${input.replace(/ /g, "_").toUpperCase()}`] = value;
    }
    const started = performance.now();
    const { code, stdout, stderr } = await execFileAsync(
      "node",
      [path.join(ROOT, "dist", name, "index.js")],
      {
        cwd: options.cwd ?? ROOT,
        env,
        maxBuffer: 64 * 1024 * 1024,
      },
    ).then(
      (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
      (failed: { code?: number | string; stdout?: string; stderr?: string }) => {
        if (typeof failed.code !== "number") throw failed;
        return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
      },
    );
    const durationMs = performance.now() - started;
    return {
      code,
      durationMs,
      stdout,
      stderr,
      outputs: parseOutputFile(await readFile(outputFile, "utf8")),
      summary: await readFile(summaryFile, "utf8"),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
