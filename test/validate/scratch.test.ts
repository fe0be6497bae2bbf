import { test } from "vitest";
import { validateManifests } from "../../src/validate/engine.js";
import { emptyValidateConfig } from "../../src/validate/config.js";
import { localSource, findKustomize, kustomizeRenderer } from "../../src/validate/local.js";
test("x", async () => {
  const cwd = "/tmp/kt/repo";
  const tool = await findKustomize();
  const r = await validateManifests({ paths: ["."], render: "auto", config: emptyValidateConfig }, localSource(cwd), kustomizeRenderer(cwd, tool!));
  console.log(JSON.stringify(r.findings, null, 1), r.summary, r.rendered);
});
