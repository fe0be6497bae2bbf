import { spawn } from "node:child_process";
import { access, constants } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.js";
import { type Logger, silentLogger } from "../logger.js";
import { BUILDERS, type BuilderName, type Invocation } from "./argv.js";
import { holdChild } from "./leftovers.js";

const TAIL_LINES = 20;

export interface RunResult {
  code: number;
  /** The last lines the program wrote to stderr: where builders say what went wrong. */
  tail: string[];
}

/**
 * Runs one invocation with an argv array (never a shell), streaming its output to the log line by line and keeping
 * the last lines of stderr for the error message.
 */
export function run(invocation: Invocation, logger: Logger, env?: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(invocation.command, invocation.args, {
      env,
      stdio: [invocation.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      // Its own process group, so a cancelled step can stop the builder together with what it started.
      detached: true,
    });
    holdChild(child);
    const tail: string[] = [];
    const lines = (emit: (line: string) => void) => {
      let partial = "";
      return {
        push(chunk: Buffer) {
          const parts = (partial + chunk.toString("utf8")).split(/\r?\n/);
          partial = parts.pop() ?? "";
          for (const line of parts) emit(line);
        },
        end() {
          if (partial !== "") emit(partial);
        },
      };
    };
    const out = lines((line) => logger.info(line));
    const err = lines((line) => {
      logger.info(line);
      if (line.trim() === "") return;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    });
    child.stdout!.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") {
        reject(
          new UserError(`${invocation.command} is not installed or not on PATH`, {
            hint: "Install it on the runner, or choose another 'builder'.",
          }),
        );
      } else reject(error);
    });
    child.on("close", (code, signal) => {
      out.end();
      err.end();
      resolve({ code: code ?? (signal ? 128 : 1), tail });
    });
    if (invocation.stdin !== undefined) {
      child.stdin!.on("error", () => {
        // The program may exit before reading stdin; its exit code tells what happened.
      });
      child.stdin!.end(invocation.stdin);
    }
  });
}

/** Runs an invocation and turns a non-zero exit into a UserError carrying the program's own last words. */
export async function runChecked(
  what: string,
  invocation: Invocation,
  logger: Logger,
  env?: NodeJS.ProcessEnv,
): Promise<void> {
  const result = await run(invocation, logger, env);
  if (result.code !== 0) {
    const said = result.tail.length > 0 ? `:\n${result.tail.map((line) => `    ${line}`).join("\n")}` : "";
    throw new UserError(`${what} failed (exit code ${result.code})${said}`, {
      hint: "The lines above are the builder's own; the full output is in the step log.",
    });
  }
}

async function onPath(command: string, pathVariable: string): Promise<boolean> {
  for (const dir of pathVariable.split(path.delimiter)) {
    if (!dir) continue;
    try {
      await access(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/**
 * The first builder present: buildx (a Docker engine with the buildx plugin), then buildah, then podman. Looking at
 * PATH first keeps detection free on runners without Docker; only a present `docker` is asked about buildx.
 */
export async function detectBuilder(pathVariable: string, logger: Logger): Promise<BuilderName> {
  for (const builder of BUILDERS) {
    const command = builder === "buildx" ? "docker" : builder;
    if (!(await onPath(command, pathVariable))) continue;
    if (builder === "buildx") {
      const probe = await run({ command: "docker", args: ["buildx", "version"] }, silentLogger).catch(
        () => undefined,
      );
      if (probe?.code !== 0) {
        logger.debug("docker is on PATH but `docker buildx version` failed; trying buildah");
        continue;
      }
    }
    return builder;
  }
  throw new UserError("no image builder found: none of docker buildx, buildah or podman is on PATH", {
    hint: "GitHub's ubuntu runners ship docker buildx, buildah and podman; on a self-hosted runner install one, or set 'builder'.",
  });
}
