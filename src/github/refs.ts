import { UserError } from "../errors.js";

/**
 * Why `name` cannot be a branch, by git's ref-name rules (`git check-ref-format --branch`), or undefined when it
 * can. Checked before any request: a name git refuses otherwise surfaces as a confusing refusal far into a run.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === "") return "it is empty";
  if (name === "@") return "`@` alone means HEAD";
  if (name === "HEAD") return "HEAD names the checked-out commit, not a branch";
  if (name.startsWith("-")) return "it starts with `-`, which git would read as an option";
  const bad = /[\u0000-\u0020\u007f~^:?*[\\]/.exec(name);
  if (bad) {
    const shown =
      bad[0] === " "
        ? "a space"
        : /[\u0000-\u001f\u007f]/.test(bad[0])
          ? "a control character"
          : `\`${bad[0]}\``;
    return `it contains ${shown}`;
  }
  if (name.includes("..")) return "it contains `..`";
  if (name.includes("@{")) return "it contains `@{`";
  if (name.startsWith("/") || name.endsWith("/")) return "it starts or ends with `/`";
  if (name.includes("//")) return "it contains `//`";
  if (name.endsWith(".")) return "it ends with `.`";
  for (const part of name.split("/")) {
    if (part.startsWith(".")) return `its part ${JSON.stringify(part)} starts with \`.\``;
    if (part.endsWith(".lock")) return `its part ${JSON.stringify(part)} ends with \`.lock\``;
  }
  return undefined;
}

/** Throws a UserError naming the input when `name` is not a valid branch name. */
export function checkBranchName(name: string, input: string): void {
  const problem = branchNameProblem(name);
  if (problem === undefined) return;
  throw new UserError(`input '${input}' is not a valid branch name: ${JSON.stringify(name)} (${problem})`, {
    hint: "Branch names follow git's rules (git check-ref-format): no spaces, `~ ^ : ? * [ \\`, `..`, `@{` or control characters; no part starting with `.` or ending with `.lock`; e.g. gitops/staging/web.",
  });
}
