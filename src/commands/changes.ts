import type { ChangeSet } from "../manifests/index.js";
import { changeLine, type LocalRepo, unifiedDiff } from "../update/index.js";
import type { CommandIO } from "./types.js";

/** What a command says when there was nothing to change, in a dry run (stderr) and in a real one (stdout). */
export interface UnchangedMessages {
  dryRun: string;
  written: string;
}

/**
 * Writes a planned change set (unless `dryRun`) and reports it the same way for every editing command: `--json`
 * prints only `{"changes":[…]}` so scripts can parse stdout, a dry run prints the diff, a real run one line per change.
 */
export async function applyChangeSet(
  repo: LocalRepo,
  plan: ChangeSet,
  flags: { dryRun?: boolean; json?: boolean },
  io: CommandIO,
  unchanged: UnchangedMessages,
): Promise<void> {
  if (!flags.dryRun) {
    await repo.writeAll(plan.files.map((file) => ({ path: file.path, content: file.after })));
  }
  if (flags.json) {
    io.stdout(`${JSON.stringify({ changes: plan.changes }, null, 2)}\n`);
  } else if (flags.dryRun) {
    io.stdout(unifiedDiff(plan.files));
    if (plan.changes.length === 0) io.stderr(`${unchanged.dryRun}\n`);
  } else if (plan.changes.length === 0) {
    io.stdout(`${unchanged.written}\n`);
  } else {
    for (const change of plan.changes) io.stdout(`${changeLine(change)}\n`);
  }
}
