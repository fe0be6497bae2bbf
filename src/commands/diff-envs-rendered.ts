import { diffEnvironmentsRendered, type EnvironmentSide } from "../rendered/environments.js";
import { objectDiffJson, objectDiffLines } from "../rendered/format.js";
import { renderTree } from "../rendered/render.js";
import type { CommandIO } from "./types.js";

/**
 * `diff-envs --rendered`: both environments rendered and compared object by object. Exit 0 whether or not they
 * differ, 1 when an overlay does not render (its objects would be missing from the comparison).
 */
export async function printRenderedDiff(
  repo: string,
  left: EnvironmentSide,
  right: EnvironmentSide,
  json: boolean,
  io: CommandIO,
): Promise<number> {
  const tree = renderTree(repo);
  const apps = await diffEnvironmentsRendered(tree, left, right);
  const errors = apps.flatMap((a) => a.errors);
  if (json) {
    const out = {
      environments: [left.name, right.name],
      apps: apps.map((a) => ({
        app: a.app,
        [left.name]: a.units[0],
        [right.name]: a.units[1],
        objects: objectDiffJson(a.objects),
        ...(a.errors.length ? { errors: a.errors } : {}),
      })),
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    const differing = apps.filter((a) => a.objects.length > 0);
    for (const app of differing) {
      const where = `${app.units[0].join(", ") || "(nothing)"} vs ${app.units[1].join(", ") || "(nothing)"}`;
      lines.push(`app ${app.app} (${where})`);
      for (const line of objectDiffLines(app.objects, [left.name, right.name])) lines.push(`  ${line}`);
      lines.push("");
    }
    if (differing.length === 0 && errors.length === 0) {
      lines.push(
        `${left.name} and ${right.name} render the same objects (${apps.length} app${apps.length === 1 ? "" : "s"})`,
      );
    }
    if (lines.length) io.stdout(`${lines.join("\n").trimEnd()}\n`);
  }
  for (const e of errors) io.stderr(`gitops-pipeline diff-envs: ${e.unit} does not render: ${e.error}\n`);
  return errors.length ? 1 : 0;
}
