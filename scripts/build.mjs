// Bundles each action entry and the CLI with ncc into dist/<name>/index.js.
// `node scripts/build.mjs [name...]` rebuilds only the named bundles.
import { spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ncc from "@vercel/ncc";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entries = {
  "build-push": "src/main/build-push.ts",
  "update-manifest-tag": "src/main/update-manifest-tag.ts",
  "promote-env": "src/main/promote-env.ts",
  "validate-manifests": "src/main/validate-manifests.ts",
  cli: "src/cli.ts",
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in entries)) {
    console.error(`unknown bundle '${name}'; one of: ${Object.keys(entries).join(", ")}`);
    process.exit(2);
  }
}

const names = wanted.length > 0 ? wanted : Object.keys(entries);

// ncc type-checks every bundle on one thread; several bundles build faster as separate processes, one per core.
if (names.length > 1) {
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), name], { stdio: "inherit" });
      const code = await new Promise((resolve) => child.on("close", resolve));
      if (code !== 0) process.exitCode = 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), names.length) }, worker));
  process.exit();
}

await Promise.all(
  names.map(async (name) => {
    const { code, assets } = await ncc(path.join(root, entries[name]), {
      // Minified, every action with its lazily loaded chunks stays under 2 MB (unminified: up to 2.5 MB); it costs
      // about 13 ms of start on Node 24 (npm run bench:start), well inside the anchors' margin.
      minify: true,
      sourceMap: false,
      license: "licenses.txt",
      quiet: true,
      target: "es2022",
    });
    const out = path.join(root, "dist", name);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, "index.js"), code);
    for (const [file, asset] of Object.entries(assets ?? {})) {
      await mkdir(path.dirname(path.join(out, file)), { recursive: true });
      await writeFile(path.join(out, file), asset.source);
    }
    console.log(`dist/${name}/index.js ${(code.length / 1024).toFixed(0)} KiB`);
  }),
);
