import { mkdir, realpath, rm, rmdir } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { findPreview } from "../environments/previews.js";
import { UserError } from "../errors.js";
import { parseImageRef } from "../image/index.js";
import {
  listPreviews,
  type PreviewPlan,
  parsePullRequestNumber,
  planPreviewDelete,
  planPreviewUpdate,
  planSweep,
} from "../previews/plan.js";
import { previewLines } from "../previews/texts.js";
import { type LocalRepo, localReader, unifiedDiff } from "../update/index.js";
import { readPipelineConfig } from "./config.js";
import type { Command, CommandIO } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";

const ACTIONS = ["update", "delete", "list", "sweep"] as const;

const SYNOPSIS = `gitops-pipeline preview update|delete|list|sweep --repo DIR [--name NAME] [--pr N] [--image REF...]
                           [--open N...] [--config FILE] [--dry-run] [--json]`;

const USAGE = `${SYNOPSIS}

  update              create or update the preview of pull request --pr, pointing at --image (repeatable;
                      without --image the preview keeps the images it has)
  delete              remove the preview of pull request --pr
  list                print the previews that exist, with their namespaces, images and times
  sweep               remove previews last updated longer ago than the entry's ttl, and, given --open, every
                      preview whose pull request is not among those numbers
  --repo DIR          the config repository (a directory); files are written in place
  --name NAME         the entry of previews: in gitops-pipeline.yaml (may be left out when there is one)
  --pr N              the pull request number
  --image REF         the pull request's image, name:tag or name@sha256:<digest> (repeatable)
  --open N            a pull request that is still open (repeatable; sweep only)
  --config FILE       the configuration file (default DIR/gitops-pipeline.yaml)
  --dry-run           print what would change instead of writing
  --json              print {"previews":[…]} (and the files changed)

Exit status: 0 done (also when nothing had to change), 1 a problem with the input (nothing written), 2 bad usage.
`;

const OPTIONS = {
  repo: { type: "string" },
  name: { type: "string" },
  pr: { type: "string" },
  image: { type: "string", multiple: true },
  open: { type: "string", multiple: true },
  config: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
} as const;

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
}

/** Creates the folders a new preview needs, refusing when an existing one on the way leads outside the repo. */
async function makeDirs(root: string, dirs: string[]): Promise<void> {
  const top = await realpath(root);
  for (const dir of dirs) {
    let existing = join(top, dir);
    for (;;) {
      const real = await realpath(existing).catch(() => undefined);
      if (real !== undefined) {
        if (!isInside(top, real)) {
          throw new UserError(`${dir} leads outside the repository through a symlink`, {
            hint: "Point the preview path at a real folder of the repository; nothing was written.",
          });
        }
        break;
      }
      existing = dirname(existing);
    }
    await mkdir(join(top, dir), { recursive: true });
  }
}

/** Writes a preview plan: new files all-or-nothing first, then the deletions and the folders they empty. */
async function apply(repo: LocalRepo, plan: PreviewPlan): Promise<void> {
  if (plan.files.length > 0) {
    await makeDirs(repo.root, [...new Set(plan.files.map((file) => dirname(file.path)))]);
    await repo.writeAll(plan.files.map((file) => ({ path: file.path, content: file.after })));
  }
  const top = await realpath(repo.root);
  const emptied = new Set<string>();
  for (const { path } of plan.deletions) {
    await rm(join(top, path), { force: true });
    for (let dir = dirname(path); dir !== "." && dir !== ""; dir = dirname(dir)) emptied.add(dir);
  }
  // Deepest first, and only folders left empty: whatever else lives there stays.
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) {
    await rmdir(join(top, dir)).catch(() => {});
  }
}

function report(plan: PreviewPlan, flags: { dryRun?: boolean; json?: boolean }, io: CommandIO): void {
  if (flags.json) {
    const files = [
      ...plan.files.map((file) => ({ path: file.path, action: file.before ? "modify" : "add" })),
      ...plan.deletions.map((file) => ({ path: file.path, action: "delete" })),
    ];
    io.stdout(
      `${JSON.stringify({ previews: plan.previews, files, dryRun: Boolean(flags.dryRun) }, null, 2)}\n`,
    );
    return;
  }
  if (flags.dryRun) {
    io.stdout(unifiedDiff(plan.files));
    for (const file of plan.deletions) io.stdout(`delete ${file.path}\n`);
  }
  for (const line of previewLines(plan.previews, Boolean(flags.dryRun))) io.stdout(`${line}\n`);
}

/** `gitops-pipeline preview`: preview environments on a checkout, offline. */
export const previewCommand: Command = {
  name: "preview",
  summary: "create, update, delete, list or sweep pull-request preview environments",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, SYNOPSIS, true);
    const [action, ...extra] = positionals;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number]) || extra.length > 0) {
      throw new UsageError(`give one of ${ACTIONS.join(", ")} as the first argument`, {
        hint: `usage: ${SYNOPSIS}`,
      });
    }
    if (!values.repo) throw new UsageError("--repo is required", { hint: `usage: ${SYNOPSIS}` });
    const needsNumber = action === "update" || action === "delete";
    if (needsNumber !== (values.pr !== undefined)) {
      throw new UsageError(
        needsNumber ? `preview ${action} needs --pr N` : `--pr is not read by preview ${action}`,
        {
          hint: `usage: ${SYNOPSIS}`,
        },
      );
    }
    if (values.image?.length && action !== "update")
      throw new UsageError("--image is read by preview update only", { hint: `usage: ${SYNOPSIS}` });
    if (values.open?.length && action !== "sweep")
      throw new UsageError("--open is read by preview sweep only", { hint: `usage: ${SYNOPSIS}` });
    // Every argument is checked before the repository is read, so a bad one leaves it untouched.
    const number = values.pr === undefined ? undefined : parsePullRequestNumber(values.pr, "--pr");
    const images = (values.image ?? []).map((text) => parseImageRef(text));
    const open = values.open
      ? new Set(
          values.open
            .flatMap((text) => text.split(","))
            .map((text) => parsePullRequestNumber(text, "--open")),
        )
      : undefined;

    const config = await readPipelineConfig(io, values.repo, values.config);
    const preview = findPreview(config, values.name);
    const repo = localReader(resolve(io.cwd, values.repo));
    const now = new Date();
    if (action === "list") {
      const found = await listPreviews(repo, preview);
      if (values.json) io.stdout(`${JSON.stringify({ previews: found }, null, 2)}\n`);
      else if (found.length === 0) io.stdout(`no previews of ${preview.name}\n`);
      else {
        for (const item of found) {
          const since = item.updated ? ` updated ${item.updated.toISOString()}` : "";
          io.stdout(
            `#${item.number}  ${item.path}  ${item.namespace ?? "?"}  ${item.images.join(" ") || "-"}${since}\n`,
          );
        }
      }
      return 0;
    }
    const plan =
      action === "update"
        ? await planPreviewUpdate(repo, preview, { number: number!, images, now, configFile: config.file })
        : action === "delete"
          ? await planPreviewDelete(repo, preview, number!)
          : await planSweep(repo, preview, { now, open });
    if (!values["dry-run"]) await apply(repo, plan);
    report(plan, { dryRun: values["dry-run"], json: values.json }, io);
    return 0;
  },
};
