import { resolve } from "node:path";
import { planLocalRollback } from "../flows/local-rollback.js";
import { localReader } from "../update/index.js";
import { applyChangeSet } from "./changes.js";
import { readPipelineConfig } from "./config.js";
import type { Command } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";

const SYNOPSIS = "gitops-pipeline rollback --env NAME [--repo DIR] [--config FILE] [--dry-run] [--json]";

const USAGE = `${SYNOPSIS}

  --env NAME      the environment to roll back
  --repo DIR      the config repository (default: the current directory); files are edited in place
  --config FILE   the configuration file (default DIR/gitops-pipeline.yaml)
  --dry-run       print a unified diff instead of writing
  --json          print {"changes":[…],"reason":"…","skipped":[…]}

Sets the environment's image references back to the last known-good ones, read offline from the first-parent
history: the last deployment that no later change rolled back, else the references before the current deployment.
Commit the result (or open a pull request) as for any change. Exit status: 0 done, 1 nothing to roll back to or a
problem with the repository, 2 bad usage.
`;

const OPTIONS = {
  env: { type: "string" },
  repo: { type: "string", default: "." },
  config: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
} as const;

export const rollbackCommand: Command = {
  name: "rollback",
  summary: "put an environment back on its last known-good image references, from git history",
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS, SYNOPSIS);
    if (!values.env) throw new UsageError("--env is required", { hint: `usage: ${SYNOPSIS}` });
    const dir = values.repo ?? ".";
    const config = await readPipelineConfig(io, dir, values.config);
    const repo = localReader(resolve(io.cwd, dir));
    const rollback = await planLocalRollback(repo, config, values.env);
    for (const note of rollback.skipped) io.stderr(`rollback: not rolled back: ${note}\n`);
    if (values.json) {
      if (!values["dry-run"]) {
        await repo.writeAll(rollback.plan.files.map((file) => ({ path: file.path, content: file.after })));
      }
      const { changes } = rollback.plan;
      io.stdout(
        `${JSON.stringify({ changes, reason: rollback.reason, skipped: rollback.skipped }, null, 2)}\n`,
      );
      return 0;
    }
    io.stderr(`rollback: ${values.env} returns to ${rollback.reason}\n`);
    await applyChangeSet(repo, rollback.plan, { dryRun: values["dry-run"] }, io, {
      dryRun: `rollback: ${values.env} already runs those references; nothing to change`,
      written: `${values.env} already runs those references; nothing changed`,
    });
    return 0;
  },
};
