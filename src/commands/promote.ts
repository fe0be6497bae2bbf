import { resolve } from "node:path";
import { withVersionText } from "../image/index.js";
import { promotionEdge } from "../promote/edges.js";
import { WHOLE_ENVIRONMENT } from "../promote/pairing.js";
import { planPromotion } from "../promote/plan.js";
import { localReader } from "../update/index.js";
import { applyChangeSet } from "./changes.js";
import { readPipelineConfig } from "./config.js";
import type { Command } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";

const USAGE =
  "gitops-pipeline promote --repo DIR --to ENV [--from ENV] [--config FILE] [--app NAME...] [--image NAME...] " +
  "[--dry-run] [--json]";

const OPTIONS = {
  repo: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  config: { type: "string" },
  app: { type: "string", multiple: true },
  image: { type: "string", multiple: true },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
} as const;

/**
 * Makes the target environment run what the source runs, on disk: only image references change, everything is
 * planned before the first write, and the writes are all-or-nothing.
 */
export const promoteCommand: Command = {
  name: "promote",
  summary: "make one environment run the image versions of another (image references only)",
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS, USAGE);
    if (!values.repo) throw new UsageError("--repo is required", { hint: `usage: ${USAGE}` });
    if (!values.to) throw new UsageError("--to is required", { hint: `usage: ${USAGE}` });
    const config = await readPipelineConfig(io, values.repo, values.config);
    const { source, target } = promotionEdge(config, values.to, values.from);
    const repo = localReader(resolve(io.cwd, values.repo));
    const plan = await planPromotion(repo, source, target, { apps: values.app, images: values.image });

    for (const { app, image, version } of plan.unreferenced) {
      io.stderr(
        `promote: ${source.name} app ${app} runs ${withVersionText(image, version)}, which ${target.name} does not reference; not added\n`,
      );
    }
    if (plan.fanOut) {
      const { source: app, targets } = plan.fanOut;
      io.stderr(
        `promote: ${app === WHOLE_ENVIRONMENT ? source.name : `${source.name} app ${app}`} goes to ${targets.length} ${target.name} targets: ${targets.join(", ")}\n`,
      );
    }
    for (const { app, onlyIn } of plan.unpaired) {
      io.stderr(`promote: app ${app} exists only in ${onlyIn}; skipped\n`);
    }
    await applyChangeSet(repo, plan, { dryRun: values["dry-run"], json: values.json }, io, {
      dryRun: `promote: ${target.name} already runs what ${source.name} runs`,
      written: `${target.name} already runs what ${source.name} runs; nothing changed`,
    });
    return 0;
  },
};
