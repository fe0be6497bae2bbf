import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, runBundledAction } from "../support/action.js";
import { hasComponent } from "../support/components.js";
import {
  registryComponentsPresent,
  startRegistry,
  startRegistryProxy,
  type TestRegistry,
} from "../support/registry.js";

const execFileAsync = promisify(execFile);
const haveRegistry = registryComponentsPresent();
const haveBuildah = hasComponent("buildah");

const SHA = "7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d";
const SHORT = "7c1d2e3";
const event = {
  name: "push",
  ref: "refs/heads/main",
  sha: SHA,
  payload: {
    head_commit: { timestamp: "2026-11-20T09:30:00Z" },
    repository: { default_branch: "main" },
  },
};
const runEnv = {
  GITHUB_WORKFLOW_REF: "acme/web/.github/workflows/ci.yml@refs/heads/main",
  GITHUB_RUN_ID: "4242",
  GITHUB_RUN_ATTEMPT: "2",
  RUNNER_ENVIRONMENT: "github-hosted",
};
const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const OCI_INDEX = "application/vnd.oci.image.index.v1+json";

interface Manifest {
  mediaType: string;
  artifactType?: string;
  config: { mediaType: string; digest: string };
  layers: { mediaType: string; digest: string }[];
  subject?: { digest: string };
  annotations?: Record<string, string>;
  manifests?: { digest: string; artifactType?: string; annotations?: Record<string, string> }[];
}

function failure(run: ActionRun): string {
  return (/^::error::(.*)$/m.exec(run.stdout)?.[1] ?? "").replace(/%0A/g, "\n");
}

async function get(registry: TestRegistry, repository: string, what: string, accept = OCI_MANIFEST) {
  const response = await fetch(`http://${registry.host}/v2/${repository}/${what}`, {
    headers: { Accept: accept },
  });
  return response;
}

async function manifest(registry: TestRegistry, repository: string, reference: string): Promise<Manifest> {
  const response = await get(registry, repository, `manifests/${reference}`, `${OCI_MANIFEST}, ${OCI_INDEX}`);
  if (!response.ok) throw new Error(`no manifest ${repository}:${reference} (${response.status})`);
  return (await response.json()) as Manifest;
}

async function blob(registry: TestRegistry, repository: string, digest: string): Promise<Buffer> {
  return Buffer.from(await (await get(registry, repository, `blobs/${digest}`)).arrayBuffer());
}

/** The referrers index the distribution spec's fallback keeps under the `sha256-<hex>` tag. */
async function referrers(registry: TestRegistry, repository: string, digest: string) {
  return (await manifest(registry, repository, digest.replace(":", "-"))).manifests ?? [];
}

/**
 * A base filesystem made on this machine, no network: the host's dash and sha256sum with the C library they need, a
 * Debian-style dpkg status, an Alpine-style apk database and an npm package.
 */
async function makeBaseContext(dir: string): Promise<void> {
  const rootfs = path.join(dir, "rootfs");
  for (const sub of [
    "bin",
    "lib/x86_64-linux-gnu",
    "lib64",
    "etc",
    "var/lib/dpkg",
    "lib/apk/db",
    "app/node_modules/left-pad",
  ]) {
    await mkdir(path.join(rootfs, sub), { recursive: true });
  }
  await copyFile("/bin/dash", path.join(rootfs, "bin/sh"));
  for (const tool of ["sha256sum", "rm"])
    await copyFile(`/usr/bin/${tool}`, path.join(rootfs, "bin", tool)).catch(() =>
      copyFile(`/bin/${tool}`, path.join(rootfs, "bin", tool)),
    );
  await copyFile("/lib/x86_64-linux-gnu/libc.so.6", path.join(rootfs, "lib/x86_64-linux-gnu/libc.so.6"));
  await copyFile("/lib64/ld-linux-x86-64.so.2", path.join(rootfs, "lib64/ld-linux-x86-64.so.2"));
  await writeFile(
    path.join(rootfs, "etc/os-release"),
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n',
  );
  await writeFile(
    path.join(rootfs, "var/lib/dpkg/status"),
    [
      "Package: libc6",
      "Status: install ok installed",
      "Architecture: amd64",
      "Source: glibc",
      "Version: 2.36-9+deb12u7",
      "Description: GNU C Library: Shared libraries",
      " Contains the standard libraries.",
      "",
      "Package: dash",
      "Status: install ok installed",
      "Architecture: amd64",
      "Version: 0.5.12-2",
      "",
      "Package: removed-tool",
      "Status: deinstall ok config-files",
      "Architecture: amd64",
      "Version: 1.0-1",
      "",
    ].join("\n"),
  );
  await writeFile(path.join(rootfs, "lib/apk/db/installed"), "P:musl\nV:1.2.5-r0\nA:x86_64\nL:MIT\n\n");
  await writeFile(
    path.join(rootfs, "app/node_modules/left-pad/package.json"),
    JSON.stringify({ name: "left-pad", version: "1.3.0", license: "WTFPL" }),
  );
}

describe.skipIf(!haveRegistry || !haveBuildah)("build-push SBOM, provenance, annotations, secrets", () => {
  let registry: TestRegistry;
  let work: string;
  let context: string;
  let temp: string;
  beforeAll(async () => {
    registry = await startRegistry();
    work = await mkdtemp(path.join(os.tmpdir(), "gitops-supply-"));
    context = path.join(work, "app");
    await makeBaseContext(context);
    // The apk database is removed in a later layer: the SBOM must follow the whiteout and not list musl.
    await writeFile(
      path.join(context, "Dockerfile"),
      "FROM scratch AS base\nCOPY rootfs/ /\nFROM base\nRUN rm /lib/apk/db/installed\n",
    );
    temp = path.join(work, "runner-temp");
    await mkdir(temp);
  });
  afterAll(async () => {
    await registry?.stop();
    await rm(work, { recursive: true, force: true });
  });

  const build = (repository: string, inputs: Record<string, string> = {}) =>
    runBundledAction("build-push", {
      inputs: { image: `${registry.host}/${repository}`, context, builder: "buildah", ...inputs },
      event,
      env: { ...runEnv, RUNNER_TEMP: temp },
    });

  it("attaches an SPDX SBOM and an SLSA provenance to the pushed image as OCI referrers", async () => {
    const run = await build("acme/attest", {
      annotations: "org.opencontainers.image.description=web frontend\nteam=payments #1",
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const digest = run.outputs.digest!;
    expect(digest).toBe(await registry.digest("acme/attest", `sha-${SHORT}`));

    // The image itself stays one single-platform manifest, with the annotations and the image ID of its config.
    const image = await manifest(registry, "acme/attest", digest);
    expect(image.mediaType).toBe(OCI_MANIFEST);
    expect(image.manifests).toBeUndefined();
    expect(image.annotations).toMatchObject({
      "org.opencontainers.image.description": "web frontend",
      team: "payments #1",
    });
    expect(run.outputs.imageid).toBe(image.config.digest);

    const entries = await referrers(registry, "acme/attest", digest);
    expect(entries.map((entry) => entry.artifactType).sort()).toEqual([
      "application/spdx+json",
      "application/vnd.in-toto+json",
    ]);
    const documents: Record<string, Buffer> = {};
    for (const entry of entries) {
      const artifact = await manifest(registry, "acme/attest", entry.digest);
      expect(artifact.subject?.digest).toBe(digest);
      expect(artifact.artifactType).toBe(entry.artifactType);
      expect(artifact.config.mediaType).toBe("application/vnd.oci.empty.v1+json");
      documents[entry.artifactType!] = await blob(registry, "acme/attest", artifact.layers[0]!.digest);
    }

    // The files the workflow uploads are the documents the registry holds.
    const sbomFile = await readFile(run.outputs["sbom-path"]!);
    expect(sbomFile.equals(documents["application/spdx+json"]!)).toBe(true);
    const provenanceFile = await readFile(run.outputs["provenance-path"]!);
    expect(provenanceFile.equals(documents["application/vnd.in-toto+json"]!)).toBe(true);

    const sbom = JSON.parse(sbomFile.toString("utf8"));
    expect(sbom.spdxVersion).toBe("SPDX-2.3");
    expect(sbom.packages[0]).toMatchObject({ name: `${registry.host}/acme/attest`, versionInfo: digest });
    // The distribution itself has no package URL; everything installed in it has one.
    const purls = sbom.packages.flatMap((pkg: { externalRefs?: { referenceLocator: string }[] }) =>
      (pkg.externalRefs ?? []).map((ref) => ref.referenceLocator),
    );
    expect(purls).toContain("pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12");
    expect(purls).toContain("pkg:deb/debian/dash@0.5.12-2?arch=amd64&distro=debian-12");
    expect(purls).toContain("pkg:npm/left-pad@1.3.0");
    // Not installed any more, and deleted by a later layer: neither is in the image.
    expect(purls.join("\n")).not.toContain("removed-tool");
    expect(purls.join("\n")).not.toContain("pkg:apk/");
    expect(sbom.relationships).toContainEqual({
      spdxElementId: "SPDXRef-DOCUMENT",
      relationshipType: "DESCRIBES",
      relatedSpdxElement: "SPDXRef-Image",
    });

    const statement = JSON.parse(provenanceFile.toString("utf8"));
    expect(statement._type).toBe("https://in-toto.io/Statement/v1");
    expect(statement.predicateType).toBe("https://slsa.dev/provenance/v1");
    expect(statement.subject).toEqual([
      { name: `${registry.host}/acme/attest`, digest: { sha256: digest.replace("sha256:", "") } },
    ]);
    expect(statement.predicate.buildDefinition.resolvedDependencies).toEqual([
      { uri: "git+https://github.com/acme/web@refs/heads/main", digest: { gitCommit: SHA } },
    ]);
    expect(statement.predicate.buildDefinition.externalParameters.workflow).toEqual({
      ref: "refs/heads/main",
      repository: "https://github.com/acme/web",
      path: ".github/workflows/ci.yml",
    });
    expect(statement.predicate.runDetails.builder.id).toBe(
      "https://github.com/acme/web/.github/workflows/ci.yml@refs/heads/main",
    );
    expect(statement.predicate.runDetails.metadata.invocationId).toBe(
      "https://github.com/acme/web/actions/runs/4242/attempts/2",
    );
    expect(run.summary).toContain("SBOM (SPDX 2.3) (3 packages): written, attached as `sha256:");
    expect(JSON.parse(run.outputs.metadata!)).toMatchObject({
      sbom: entries.find((entry) => entry.artifactType === "application/spdx+json")!.digest,
    });

    // A re-run skips the build and hands over the documents already attached; nothing new is attached.
    const rerun = await build("acme/attest");
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs.skipped).toBe("true");
    expect((await readFile(rerun.outputs["sbom-path"]!)).equals(sbomFile)).toBe(true);
    expect((await readFile(rerun.outputs["provenance-path"]!)).equals(provenanceFile)).toBe(true);
    expect((await referrers(registry, "acme/attest", digest)).length).toBe(2);

    // Rebuilding the same commit reproduces the image and its SBOM; the new provenance joins the index, and the
    // entries already there stay.
    const rebuild = await build("acme/attest", {
      annotations: "org.opencontainers.image.description=web frontend\nteam=payments #1",
      "skip-existing": "false",
    });
    expect(rebuild.code, rebuild.stdout).toBe(0);
    expect(rebuild.outputs.digest).toBe(digest);
    const after = await referrers(registry, "acme/attest", digest);
    expect(after.slice(0, 2)).toEqual(entries);
    expect(after.map((entry) => entry.artifactType)).toEqual([
      ...entries.map((entry) => entry.artifactType),
      "application/vnd.in-toto+json",
    ]);
  });

  it("attaches nothing and writes no files when sbom and provenance are off", async () => {
    const run = await build("acme/plain", { sbom: "false", provenance: "false" });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs["sbom-path"]).toBe("");
    expect(run.outputs["provenance-path"]).toBe("");
    expect(
      (await get(registry, "acme/plain", `manifests/${run.outputs.digest!.replace(":", "-")}`, OCI_INDEX))
        .status,
    ).toBe(404);

    // A later run of the same commit builds nothing: it makes the missing SBOM, but no provenance for a build it did
    // not see.
    const rerun = await build("acme/plain");
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs.skipped).toBe("true");
    expect(rerun.outputs["provenance-path"]).toBe("");
    expect(rerun.stdout).toContain("has no provenance attached, and this run built nothing to attest");
    const sbom = JSON.parse(await readFile(rerun.outputs["sbom-path"]!, "utf8"));
    expect(sbom.packages[0].versionInfo).toBe(run.outputs.digest);
    const entries = await referrers(registry, "acme/plain", run.outputs.digest!);
    expect(entries.map((entry) => entry.artifactType)).toEqual(["application/spdx+json"]);
  });

  it("uses the referrers API instead of the tag when the registry has it", async () => {
    // docker-registry 2.8 has no referrers API; this proxy answers a manifest push as a registry with one does.
    let subject = "";
    const proxy = await startRegistryProxy(registry.host, (exchange) => {
      if (exchange.method === "PUT" && /\/manifests\/sha256:/.test(exchange.path) && subject) {
        exchange.headers["oci-subject"] = subject;
      }
    });
    try {
      const image = `${proxy.host}/acme/api`;
      const first = await runBundledAction("build-push", {
        inputs: { image, context, builder: "buildah", sbom: "false", provenance: "false" },
        event,
        env: { RUNNER_TEMP: temp },
      });
      expect(first.code, first.stdout).toBe(0);
      subject = first.outputs.digest!;
      const run = await runBundledAction("build-push", {
        inputs: { image, context, builder: "buildah", "skip-existing": "false" },
        event,
        env: { RUNNER_TEMP: temp },
      });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain("(referrers API)");
      expect(
        (await get(registry, "acme/api", `manifests/${subject.replace(":", "-")}`, OCI_INDEX)).status,
      ).toBe(404);
    } finally {
      await proxy.stop();
    }
  });

  it("passes secrets to RUN --mount=type=secret and keeps them off argv, logs and layers", async () => {
    const secret = "s3cr3t-Build-Token-Zq81";
    const secretFile = path.join(work, "npmrc");
    const fileSecret = "file-secret-Value-Pp27";
    await writeFile(secretFile, fileSecret);
    const dockerfile = path.join(work, "Dockerfile.secret");
    await writeFile(
      dockerfile,
      [
        "FROM scratch AS base",
        "COPY rootfs/ /",
        "FROM base",
        "RUN --mount=type=secret,id=token --mount=type=secret,id=npmrc sha256sum /run/secrets/token /run/secrets/npmrc > /proof.txt",
        "",
      ].join("\n"),
    );
    // A tracer on PATH records every builder command line the action runs.
    const bin = path.join(work, "bin");
    await mkdir(bin, { recursive: true });
    const argvLog = path.join(work, "argv.log");
    await writeFile(argvLog, "");
    await writeFile(
      path.join(bin, "buildah"),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec /usr/bin/buildah "$@"\n`,
      { mode: 0o755 },
    );
    const run = await runBundledAction("build-push", {
      inputs: {
        image: `${registry.host}/acme/secret`,
        context,
        file: dockerfile,
        builder: "buildah",
        secrets: `token=${secret}`,
        "secret-files": `npmrc=${secretFile}`,
      },
      event,
      env: { RUNNER_TEMP: temp, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`::add-mask::${secret}`);
    const log = `${run.stdout}\n${run.stderr}`.replace(/^::add-mask::.*$/gm, "");
    expect(log).not.toContain(secret);
    const argv = await readFile(argvLog, "utf8");
    expect(argv).toMatch(/--secret id=token,src=\S+ --secret id=npmrc,src=\S+npmrc/);
    expect(argv).not.toContain(secret);
    expect(argv).not.toContain(fileSecret);

    // The build saw both secrets: the layer holds their hashes, and no layer holds the values.
    const image = await manifest(registry, "acme/secret", run.outputs.digest!);
    const layers = await Promise.all(
      image.layers.map((layer) => blob(registry, "acme/secret", layer.digest)),
    );
    const contents = layers.map((layer) => gunzipSync(layer).toString("latin1"));
    const sha = async (text: string) =>
      (await execFileAsync("sh", ["-c", `printf '%s' "$0" | sha256sum`, text])).stdout.split(" ")[0]!;
    const proof = contents.join("\n");
    expect(proof).toContain(`${await sha(secret)}  /run/secrets/token`);
    expect(proof).toContain(`${await sha(fileSecret)}  /run/secrets/npmrc`);
    for (const content of [...contents, ...layers.map((layer) => layer.toString("latin1"))]) {
      expect(content).not.toContain(secret);
      expect(content).not.toContain(fileSecret);
    }
    const config = (await blob(registry, "acme/secret", image.config.digest)).toString("utf8");
    expect(config).not.toContain(secret);
    // The secret file under RUNNER_TEMP is gone with the step.
    const left = (await execFileAsync("grep", ["-rl", secret, temp]).catch(() => ({ stdout: "" }))).stdout;
    expect(left).toBe("");
  });

  it("refuses a secrets line without an id, without repeating the line", async () => {
    const run = await build("acme/badsecret", { secrets: "just-a-pasted-token-Xy9" });
    expect(run.code).toBe(1);
    expect(failure(run)).toContain("input 'secrets' line 1 does not start with an id and '='");
    expect(run.stdout.replace(/^::add-mask::.*$/gm, "")).not.toContain("just-a-pasted-token-Xy9");
  });

  it("refuses a pasted token whose padding looks like id=, and warns about a credential-like build-arg", async () => {
    const token = "Z2hwX3Bhc3RlZFRva2VuWHk5";
    const run = await build("acme/badsecret", {
      secrets: `npmrc=ok\n${token}=`,
      "build-args": "NPM_TOKEN=abc\nNODE_VERSION=22",
    });
    expect(run.code).toBe(1);
    expect(failure(run)).toContain("input 'secrets' line 2 has an id but no value after '='");
    expect(run.stdout.replace(/^::add-mask::.*$/gm, "")).not.toContain(token);
    expect(run.stdout).toMatch(/^::warning::build-arg NPM_TOKEN looks like a credential.*'secrets'/m);
    expect(run.stdout).not.toMatch(/build-arg NODE_VERSION/);
  });
});
