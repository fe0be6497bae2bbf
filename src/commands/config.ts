import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CONFIG_FILE, loadConfig, type PipelineConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import type { CommandIO } from "./types.js";

/** The pipeline config: `--config` relative to the working directory (as every path on a command line is), else
 * the file at the repository root. */
export async function readPipelineConfig(
  io: CommandIO,
  repo: string,
  config?: string,
): Promise<PipelineConfig> {
  const path = config ? resolve(io.cwd, config) : resolve(io.cwd, repo, CONFIG_FILE);
  const shown = config ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UserError(`cannot read ${shown} (${(error as NodeJS.ErrnoException).code})`, {
      hint: config
        ? "Check the --config path (relative to the current directory)."
        : `Create ${CONFIG_FILE} at the root of ${repo} (see the README), or pass --config FILE.`,
    });
  }
  return loadConfig(text, shown);
}
