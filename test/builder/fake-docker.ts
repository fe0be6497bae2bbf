import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** One call of the fake docker CLI, as it saw it. */
export interface DockerCall {
  argv: string[];
  /** The config directory docker would use: DOCKER_CONFIG, else ~/.docker. */
  dockerConfig: string;
  /** What the call read on stdin ("" when stdin was not a pipe or empty). */
  stdin: string;
  /** Entries of DOCKER_CONFIG at the time of the call. */
  configEntries: string[];
}

/**
 * A `docker` executable for machines without a Docker engine: it records each call (argv, DOCKER_CONFIG, stdin) and
 * behaves like the docker CLI where the action depends on it. `login` writes the auth into DOCKER_CONFIG/config.json
 * as docker does; `buildx build --push` pushes a minimal image to every --tag over the distribution API, using only
 * the login it finds in DOCKER_CONFIG, and writes the metadata file. FAKE_DOCKER_FAIL=build makes the build fail.
 */
const SCRIPT = String.raw`#!/usr/bin/env node
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const argv = process.argv.slice(2);
const config = process.env.DOCKER_CONFIG || path.join(process.env.HOME || "/nonexistent", ".docker");
let stdin = "";
try { if (!process.stdin.isTTY) stdin = fs.readFileSync(0, "utf8"); } catch {}
let entries = [];
try { entries = fs.readdirSync(config).sort(); } catch {}
fs.appendFileSync(process.env.FAKE_DOCKER_LOG, JSON.stringify({ argv, dockerConfig: config, stdin, configEntries: entries }) + "\n");
const flag = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const sha = (data) => "sha256:" + crypto.createHash("sha256").update(data).digest("hex");
async function main() {
  if (argv[0] === "buildx" && argv[1] === "version") { console.log("github.com/docker/buildx v0.0.0-fake"); return 0; }
  if (argv[0] === "login") {
    const registry = argv[argv.length - 1];
    const file = path.join(config, "config.json");
    const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    current.auths = { ...(current.auths || {}), [registry]: { auth: Buffer.from(flag("--username") + ":" + stdin.trim()).toString("base64") } };
    fs.writeFileSync(file, JSON.stringify(current));
    console.log("Login Succeeded");
    return 0;
  }
  if (argv[0] === "buildx" && argv[1] === "build") {
    if (process.env.FAKE_DOCKER_FAIL === "build") { console.error("ERROR: failed to solve: fake failure"); return 1; }
    const tags = argv.flatMap((arg, i) => (arg === "--tag" ? [argv[i + 1]] : []));
    const auths = JSON.parse(fs.readFileSync(path.join(config, "config.json"), "utf8")).auths || {};
    let digest = "";
    for (const ref of tags) {
      const slash = ref.indexOf("/");
      const host = ref.slice(0, slash);
      const [repository, tag] = ref.slice(slash + 1).split(":");
      const headers = auths[host] ? { Authorization: "Basic " + auths[host].auth } : {};
      const configBlob = JSON.stringify({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: [] } });
      const start = await fetch("http://" + host + "/v2/" + repository + "/blobs/uploads/", { method: "POST", headers });
      if (start.status !== 202) { console.error("upload refused: " + start.status); return 1; }
      const location = new URL(start.headers.get("location"), "http://" + host);
      location.searchParams.set("digest", sha(configBlob));
      await fetch(location, { method: "PUT", headers, body: configBlob });
      const manifest = JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
        config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: sha(configBlob), size: configBlob.length }, layers: [] });
      const put = await fetch("http://" + host + "/v2/" + repository + "/manifests/" + tag, { method: "PUT",
        headers: { ...headers, "Content-Type": "application/vnd.oci.image.manifest.v1+json" }, body: manifest });
      if (put.status !== 201) { console.error("manifest refused: " + put.status); return 1; }
      digest = sha(manifest);
      fs.writeFileSync(flag("--iidfile"), sha(configBlob));
    }
    fs.writeFileSync(flag("--metadata-file"), JSON.stringify({ "containerimage.digest": digest }));
    return 0;
  }
  console.error("fake docker: unexpected " + argv.join(" "));
  return 2;
}
main().then((code) => process.exit(code), (error) => { console.error(String(error)); process.exit(3); });
`;

export async function installFakeDocker(
  dir: string,
): Promise<{ log: string; calls(): Promise<DockerCall[]> }> {
  const file = path.join(dir, "docker");
  await writeFile(file, SCRIPT);
  await chmod(file, 0o755);
  const log = path.join(dir, "docker-calls.jsonl");
  await writeFile(log, "");
  return {
    log,
    async calls() {
      const text = await readFile(log, "utf8");
      return text
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as DockerCall);
    },
  };
}
