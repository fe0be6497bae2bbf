import { resolve } from "node:path";
import { findEnvironment } from "../environments/index.js";
import { formatImageRef, parseImageRef } from "../image/index.js";
import { localReader, missingImagesError, planUpdate } from "../update/index.js";
import { applyChangeSet } from "./changes.js";
import { readPipelineConfig } from "./config.js";
import type { Command } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";

const SYNOPSIS = `gitops-pipeline update-tag --repo DIR (--path P... | --env NAME) --image REF [--image REF...]
                           [--config FILE] [--helm-path DOTTED...] [--dry-run] [--json] [--allow-missing]`;

const USAGE = `${SYNOPSIS}

  --repo DIR          the config repository (a directory); files are edited in place
  --path P            a file, directory or glob under DIR (repeatable)
  --env NAME          the paths of environment NAME in DIR/gitops-pipeline.yaml
  --config FILE       the configuration file for --env (default DIR/gitops-pipeline.yaml)
  --image REF         name:tag, name@sha256:<digest> or name:tag@sha256:<digest> (repeatable)
  --helm-path DOTTED  a dotted path in Helm values holding an image map or "repo:tag", or the parts of one
                      image: repository=a.repo,tag=a.version[,digest=…][,registry=…] (repeatable)
  --dry-run           print a unified diff instead of writing
  --json              print {"changes":[{"file","line","image","from","to"[,"warning"]}]}
  --allow-missing     do not fail when an image is referenced nowhere under the paths

Exit status: 0 done (also when already at those versions), 1 a problem with the input (nothing written), 2 bad usage.
`;

const OPTIONS = {
  repo: { type: "string" },
  path: { type: "string", multiple: true },
  env: { type: "string" },
  config: { type: "string" },
  image: { type: "string", multiple: true },
  "helm-path": { type: "string", multiple: true },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  "allow-missing": { type: "boolean" },
} as const;

/**
 * Sets image versions in a config repository on disk. Everything is planned (and every file checked) before the
 * first write, and the writes are all-or-nothing, so an error leaves the repository exactly as it was.
 */
export const updateTagCommand: Command = {
  name: "update-tag",
  summary: "set image tags/digests in a config repo, changing only those bytes",
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS, SYNOPSIS);
    if (!values.repo) throw new UsageError("--repo is required", { hint: `usage: ${SYNOPSIS}` });
    if (!values.image?.length)
      throw new UsageError("at least one --image is required", { hint: `usage: ${SYNOPSIS}` });
    if (Boolean(values.path?.length) === Boolean(values.env)) {
      throw new UsageError("give either --path (one or more) or --env", { hint: `usage: ${SYNOPSIS}` });
    }
    const images = values.image.map((text) => parseImageRef(text));
    const repo = localReader(resolve(io.cwd, values.repo));

    let patterns = values.path ?? [];
    if (values.env) {
      patterns = findEnvironment(await readPipelineConfig(io, values.repo, values.config), values.env).paths;
    } else if (values.config) {
      throw new UsageError("--config is only read with --env", { hint: `usage: ${SYNOPSIS}` });
    }

    const plan = await planUpdate(repo, patterns, images, { helmPaths: values["helm-path"] });
    if (plan.missing.length > 0) {
      if (!values["allow-missing"]) {
        throw missingImagesError(
          plan,
          patterns,
          "Check the image name and the paths, or pass --allow-missing to update the others anyway.",
        );
      }
      io.stderr(`update-tag: not referenced (allowed): ${plan.missing.map(formatImageRef).join(", ")}\n`);
    }
    for (const warning of plan.warnings ?? []) {
      io.stderr(`update-tag: warning: ${warning.file}:${warning.line}: ${warning.message}\n`);
    }

    await applyChangeSet(repo, plan, { dryRun: values["dry-run"], json: values.json }, io, {
      dryRun: "update-tag: already at the requested versions; nothing to change",
      written: "already at the requested versions; nothing changed",
    });
    return 0;
  },
};
