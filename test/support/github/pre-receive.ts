import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RepoState } from "./model.js";

/**
 * Branch protection for pushes over smart HTTP: a pre-receive hook in the bare repository that refuses what GitHub
 * refuses (deleting or force-pushing a protected branch, pushing straight onto one that needs pull requests or
 * checks), with GitHub's GH006 wording. The rules are written beside it before each push, so the hook always sees
 * the server's current protection settings.
 */
const HOOK = String.raw`
const { execFileSync } = require("node:child_process");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const ZERO = "0".repeat(40);
const rules = JSON.parse(readFileSync(join(process.env.GIT_DIR || ".", "gh-protection.json"), "utf8"));
const lines = readFileSync(0, "utf8").split("\n").filter(Boolean);
let failed = false;
for (const line of lines) {
  const [oldOid, newOid, ref] = line.split(" ");
  if (!ref.startsWith("refs/heads/")) continue;
  const rule = rules[ref.slice("refs/heads/".length)];
  if (!rule) continue;
  let reason;
  if (newOid === ZERO) reason = "Cannot delete this protected branch.";
  else if (rule.requirePullRequest || rule.requiredApprovingReviewCount > 0) reason = "Changes must be made through a pull request.";
  else if (rule.requiredStatusChecks.length > 0) reason = 'Required status check "' + rule.requiredStatusChecks[0] + '" is expected.';
  else if (oldOid !== ZERO && !rule.allowForcePushes) {
    try {
      execFileSync("git", ["merge-base", "--is-ancestor", oldOid, newOid], { stdio: "ignore" });
    } catch {
      reason = "Cannot force-push to this branch";
    }
  }
  if (reason) {
    process.stderr.write("error: GH006: Protected branch update failed for " + ref + ".\nerror: " + reason + "\n");
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
`;

export async function installProtectionHook(repo: RepoState): Promise<void> {
  await mkdir(join(repo.git.path, "hooks"), { recursive: true });
  await writeFile(join(repo.git.path, "hooks", "pre-receive"), `#!${process.execPath}\n${HOOK}`);
  await chmod(join(repo.git.path, "hooks", "pre-receive"), 0o755);
}

export async function writeProtectionRules(repo: RepoState): Promise<void> {
  await writeFile(
    join(repo.git.path, "gh-protection.json"),
    JSON.stringify(Object.fromEntries(repo.protection)),
  );
}
