import { resolve } from "node:path";
import { findEnvironment } from "../environments/index.js";
import { diffEnvironments } from "../promote/plan.js";
import { shortVersion, textTable } from "../promote/table.js";
import { localReader } from "../update/index.js";
import { readPipelineConfig } from "./config.js";
import { printRenderedDiff } from "./diff-envs-rendered.js";
import type { Command } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";

const USAGE = "gitops-pipeline diff-envs --repo DIR ENV ENV [--rendered] [--config FILE] [--json]";

const OPTIONS = {
  repo: { type: "string" },
  config: { type: "string" },
  json: { type: "boolean" },
  rendered: { type: "boolean" },
} as const;

/** Prints, per app, the images two environments run at different versions. Exit 0 whether or not they differ. */
export const diffEnvsCommand: Command = {
  name: "diff-envs",
  summary:
    "show what differs between two environments, per app: image versions, or with --rendered every object",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, USAGE, true);
    if (!values.repo) throw new UsageError("--repo is required", { hint: `usage: ${USAGE}` });
    if (positionals.length !== 2) {
      throw new UsageError(`give exactly two environments, got ${positionals.length}`, {
        hint: `usage: ${USAGE}`,
      });
    }
    const config = await readPipelineConfig(io, values.repo, values.config);
    const [left, right] = positionals.map((name) => findEnvironment(config, name)) as [
      ReturnType<typeof findEnvironment>,
      ReturnType<typeof findEnvironment>,
    ];
    if (values.rendered)
      return printRenderedDiff(resolve(io.cwd, values.repo), left, right, values.json === true, io);
    const repo = localReader(resolve(io.cwd, values.repo));
    const { differences, apps } = await diffEnvironments(repo, left, right);
    if (values.json) {
      const json = differences.map((d) => ({
        app: d.app,
        image: d.image,
        [left.name]: d.versions[0],
        [right.name]: d.versions[1],
      }));
      io.stdout(`${JSON.stringify({ differences: json }, null, 2)}\n`);
    } else if (differences.length === 0) {
      io.stdout(
        `${left.name} and ${right.name} run the same image versions (${apps} app${apps === 1 ? "" : "s"})\n`,
      );
    } else {
      const cell = (versions: string[]) =>
        versions.length === 0 ? "-" : versions.map(shortVersion).join(", ");
      io.stdout(
        textTable(
          ["APP", "IMAGE", left.name.toUpperCase(), right.name.toUpperCase()],
          differences.map((d) => [d.app, d.image, cell(d.versions[0]), cell(d.versions[1])]),
        ),
      );
    }
    return 0;
  },
};
