import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, runBundledAction } from "../support/action.js";
import { registryComponentsPresent, startRegistry, type TestRegistry } from "../support/registry.js";
import { validateSbom } from "./sbom-schema.js";

// Layers written by hand, as a hostile or broken image would hold them, read through the bundle: build-push finds the
// image already pushed (skip-existing) and makes its SBOM from the registry's layers, with no builder involved.
const SHA = "3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b";
const event = {
  name: "push",
  ref: "refs/heads/main",
  sha: SHA,
  payload: { head_commit: { timestamp: "2026-11-20T09:30:00Z" }, repository: { default_branch: "main" } },
};
const TAG = `sha-${SHA.slice(0, 7)}`;
const GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

const sha256 = (data: Buffer | string) => `sha256:${createHash("sha256").update(data).digest("hex")}`;

/** A ustar header block with its checksum. */
function header(name: string, size: number, type: string, linkname = ""): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, "utf8");
  block.write("0000644\0", 100);
  block.write("0000000\0", 108);
  block.write("0000000\0", 116);
  block.write(`${size.toString(8).padStart(11, "0")}\0`, 124);
  block.write("00000000000\0", 136);
  block.write("        ", 148);
  block.write(type, 156);
  block.write(linkname, 157, 100, "utf8");
  block.write("ustar\0", 257);
  block.write("00", 263);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return block;
}

function entry(name: string, content: Buffer | string = "", type = "0", linkname = ""): Buffer {
  const data = Buffer.from(content);
  return Buffer.concat([
    header(name, data.length, type, linkname),
    data,
    Buffer.alloc((512 - (data.length % 512)) % 512),
  ]);
}

function pax(records: Record<string, string>): Buffer {
  const text = Object.entries(records)
    .map(([key, value]) => {
      const body = ` ${key}=${value}\n`;
      let length = body.length + 1;
      while (`${length}${body}`.length !== length) length++;
      return `${length}${body}`;
    })
    .join("");
  return entry("PaxHeaders/x", text, "x");
}

const tar = (...entries: Buffer[]) => Buffer.concat([...entries, Buffer.alloc(1024)]);

describe.skipIf(!registryComponentsPresent())("build-push SBOM from the registry's layers", () => {
  let registry: TestRegistry;
  let temp: string;
  beforeAll(async () => {
    registry = await startRegistry();
    temp = await mkdtemp(path.join(os.tmpdir(), "gitops-sbom-layers-"));
    // Checked before the registry is asked; never built, as the image is already there.
    await writeFile(path.join(temp, "Dockerfile"), "FROM scratch\n");
  });
  afterAll(async () => {
    await registry?.stop();
    await rm(temp, { recursive: true, force: true });
  });

  async function blob(repository: string, data: Buffer | string): Promise<string> {
    const digest = sha256(data);
    const start = await fetch(`http://${registry.host}/v2/${repository}/blobs/uploads/`, { method: "POST" });
    const location = new URL(start.headers.get("location")!, `http://${registry.host}`);
    location.searchParams.set("digest", digest);
    const put = await fetch(location, { method: "PUT", body: data });
    if (put.status !== 201) throw new Error(`blob upload answered ${put.status}`);
    return digest;
  }

  /** Pushes an image of the given (already compressed) layers under the tag build-push would give it. */
  async function pushImage(repository: string, layers: Buffer[]): Promise<string[]> {
    const digests = await Promise.all(layers.map((layer) => blob(repository, layer)));
    const config = JSON.stringify({
      architecture: "amd64",
      os: "linux",
      rootfs: { type: "layers", diff_ids: digests },
    });
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: {
        mediaType: "application/vnd.oci.image.config.v1+json",
        digest: await blob(repository, config),
        size: config.length,
      },
      layers: layers.map((layer, i) => ({ mediaType: GZIP_LAYER, digest: digests[i], size: layer.length })),
    });
    const response = await fetch(`http://${registry.host}/v2/${repository}/manifests/${TAG}`, {
      method: "PUT",
      headers: { "Content-Type": "application/vnd.oci.image.manifest.v1+json" },
      body: manifest,
    });
    if (response.status !== 201) throw new Error(`manifest upload answered ${response.status}`);
    return digests;
  }

  const run = (repository: string): Promise<ActionRun> =>
    runBundledAction("build-push", {
      inputs: {
        image: `${registry.host}/${repository}`,
        context: temp,
        builder: "buildah",
        provenance: "false",
      },
      event,
      env: { RUNNER_TEMP: temp },
    });

  const failure = (result: ActionRun) => /^::error::(.*)$/m.exec(result.stdout)?.[1] ?? "";

  it("reads the layers as a runtime extracts them, reports what it skipped, and writes valid SPDX 2.3", async () => {
    const huge = JSON.stringify({ name: "huge", version: "1.0.0", description: "x".repeat(9 * 1024 * 1024) });
    await pushImage("acme/layered", [
      gzipSync(
        tar(
          entry("./etc/os-release", 'ID=debian\nVERSION_ID="12"\n'),
          entry(
            "/var/lib/dpkg/status",
            "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\n\nPackage: bash\nStatus: install ok installed\nVersion: 5.2.15-2\n",
          ),
          entry("lib/apk/db/installed", "P:musl\nV:1.2.5-r0\nL:MIT AND Foo-License\n\n"),
          entry(
            "app/node_modules/x/package.json",
            JSON.stringify({ name: "x", version: "1.0.0", license: "(MIT OR Apache-2.0)" }),
          ),
          entry("app/node_modules/gone/package.json", JSON.stringify({ name: "gone", version: "1.0.0" })),
          entry("app/node_modules/huge/package.json", huge),
          // A link is never followed: what it points at is not a package.json of the image.
          entry("app/node_modules/linked/package.json", "", "2", "/etc/os-release"),
        ),
      ),
      gzipSync(
        tar(
          // `..` cannot climb out of the root: this lands on app/node_modules/x/package.json and replaces it.
          entry(
            "../../app/node_modules/x/package.json",
            JSON.stringify({
              name: "x",
              version: "2.0.0",
              license: "GPL-2.0-or-later WITH Classpath-exception-2.0",
            }),
          ),
          entry("app/node_modules/.wh.gone"),
          pax({ path: "/app/node_modules/mit/package.json" }),
          entry("ignored-name", JSON.stringify({ name: "mit", version: "0.1.0", license: "MIT" })),
        ),
      ),
    ]);
    const result = await run("acme/layered");
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.skipped).toBe("true");
    const sbom = JSON.parse(await readFile(result.outputs["sbom-path"]!, "utf8"));
    expect(validateSbom(sbom), JSON.stringify(validateSbom.errors)).toBe(true);

    const listed = (sbom.packages as Record<string, string>[])
      .filter((pkg) => pkg.SPDXID !== "SPDXRef-Image")
      .map((pkg) => [pkg.name, pkg.versionInfo, pkg.primaryPackagePurpose, pkg.licenseDeclared])
      .sort();
    expect(listed).toEqual([
      ["bash", "5.2.15-2", "APPLICATION", "NOASSERTION"],
      ["debian", "12", "OPERATING_SYSTEM", "NOASSERTION"],
      ["libc6", "2.36-9", "LIBRARY", "NOASSERTION"],
      ["mit", "0.1.0", "LIBRARY", "MIT"],
      ["musl", "1.2.5-r0", "APPLICATION", "MIT AND LicenseRef-Foo-License"],
      ["x", "2.0.0", "LIBRARY", "GPL-2.0-or-later WITH Classpath-exception-2.0"],
    ]);
    expect(sbom.hasExtractedLicensingInfos).toEqual([
      { licenseId: "LicenseRef-Foo-License", extractedText: "Foo-License", name: "Foo-License" },
    ]);
    expect(sbom.creationInfo.comment).toMatch(
      /Not read, so their packages may be missing: \/app\/node_modules\/huge\/package\.json \(layer sha256:[0-9a-f]{64}\): \d+ bytes, over the 8 MiB read per file\./,
    );
    expect(result.stdout).toMatch(
      /^::warning::the SBOM did not read \/app\/node_modules\/huge\/package\.json/m,
    );
  });

  it.each([
    [
      "notgzip",
      () => Buffer.from("this layer is plain text, not gzip\n"),
      "the layer is labelled gzip but is not data of that kind",
    ],
    [
      "truncated",
      () => {
        const whole = gzipSync(tar(entry("var/lib/dpkg/status", "Package: a\nVersion: 1\n".repeat(4000))));
        return whole.subarray(0, whole.length >> 1);
      },
      "truncated",
    ],
    [
      "paxsize",
      () =>
        gzipSync(tar(pax({ size: "99999999999999999999" }), entry("var/lib/dpkg/status", "Package: a\n"))),
      "gives an impossible size",
    ],
  ])("names the image and the layer of a %s layer, in its own words", async (name, layer, words) => {
    const [digest] = await pushImage(`acme/${name}`, [layer()]);
    const result = await run(`acme/${name}`);
    expect(result.code).toBe(1);
    const message = failure(result);
    expect(message).toContain(`cannot read layer ${digest} of acme/${name}@sha256:`);
    expect(message).toContain(words);
    expect(result.stdout).not.toMatch(
      /incorrect header check|unexpected end of file|Z_DATA_ERROR|Z_BUF_ERROR/,
    );
  });
});
