import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  isPackageDatabase,
  packagesIn,
  parseApkInstalled,
  purl,
  spdxDocument,
} from "../../src/builder/sbom.js";
import { readTar } from "../../src/builder/tar.js";

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function* chunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < data.length; offset += size) yield data.subarray(offset, offset + size);
}

describe("readTar", () => {
  it.each([
    "pax",
    "gnu",
    "ustar",
  ])("reads %s archives from GNU tar, long paths included, in any chunking", async (format) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tar-read-"));
    temps.push(dir);
    const deep = `usr/lib/python3/${"d".repeat(60)}/site-packages/${"n".repeat(40)}.dist-info`;
    mkdirSync(path.join(dir, "root", deep), { recursive: true });
    mkdirSync(path.join(dir, "root/var/lib/dpkg"), { recursive: true });
    writeFileSync(
      path.join(dir, "root", deep, "METADATA"),
      "Metadata-Version: 2.1\nName: Deep_Pkg\nVersion: 3.1\n",
    );
    writeFileSync(
      path.join(dir, "root/var/lib/dpkg/status"),
      "Package: a\nStatus: install ok installed\nVersion: 1\n",
    );
    writeFileSync(path.join(dir, "root/big.bin"), Buffer.alloc(70_000, 7));
    execFileSync("tar", [
      `--format=${format}`,
      "-cf",
      path.join(dir, "layer.tar"),
      "-C",
      path.join(dir, "root"),
      ".",
    ]);
    const archive = readFileSync(path.join(dir, "layer.tar"));
    const kept: Record<string, string> = {};
    const seen: string[] = [];
    for await (const entry of readTar(chunks(archive, 777), isPackageDatabase)) {
      seen.push(entry.path);
      if (entry.content) kept[entry.path] = entry.content.toString("utf8");
    }
    if (format !== "ustar") expect(kept[`${deep}/METADATA`]).toContain("Name: Deep_Pkg");
    expect(kept["var/lib/dpkg/status"]).toContain("Package: a");
    expect(seen).toContain("big.bin");
    expect(Object.keys(kept)).not.toContain("big.bin");
  });
});

describe("package databases", () => {
  const files = (entries: Record<string, string>) =>
    new Map(Object.entries(entries).map(([name, text]) => [name, Buffer.from(text)]));

  it("reads distroless status.d files, apk, scoped npm packages and Python distributions", () => {
    const { packages, distro } = packagesIn(
      files({
        "etc/os-release": 'ID=debian\nVERSION_ID="12"\n',
        "var/lib/dpkg/status.d/base-files": "Package: base-files\nVersion: 12.4\nArchitecture: amd64\n",
        "var/lib/dpkg/status.d/base-files.md5sums": "abc  etc/issue\n",
        "srv/node_modules/@acme/util/package.json": JSON.stringify({ name: "@acme/util", version: "2.0.0" }),
        "srv/node_modules/@acme/util/node_modules/tiny/package.json": JSON.stringify({
          name: "tiny",
          version: "0.1.0",
        }),
        "usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA":
          "Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n\nName: not-a-header\n",
      }),
      "linux/amd64",
    );
    expect(distro).toEqual({ id: "debian", versionId: "12" });
    expect(packages.map((pkg) => purl(pkg, distro)).sort()).toEqual([
      "pkg:deb/debian/base-files@12.4?arch=amd64&distro=debian-12",
      "pkg:npm/%40acme/util@2.0.0",
      "pkg:npm/tiny@0.1.0",
      "pkg:pypi/requests@2.31.0",
    ]);
  });

  it("reads apk's one-letter fields", () => {
    const [musl] = parseApkInstalled(
      "C:Q1x=\nP:musl\nV:1.2.5-r0\nA:x86_64\nL:MIT\no:musl\n",
      "/lib/apk/db/installed",
      "",
    );
    expect(musl).toMatchObject({ name: "musl", version: "1.2.5-r0", arch: "x86_64", license: "MIT" });
    expect(purl(musl!, { id: "alpine", versionId: "3.20.1" })).toBe(
      "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.1",
    );
  });

  it("keeps free-text licenses out of the SPDX license fields and gives the same document for the same image", () => {
    const subject = { name: "ghcr.io/acme/web", digest: `sha256:${"c".repeat(64)}`, created: 1_790_000_000 };
    const found = [
      {
        packages: [
          {
            ecosystem: "npm" as const,
            name: "a",
            version: "1",
            license: "MIT OR (see LICENSE)",
            foundIn: "/x",
            platform: "",
          },
          {
            ecosystem: "npm" as const,
            name: "b",
            version: "1",
            license: "Apache-2.0",
            foundIn: "/y",
            platform: "",
          },
        ],
      },
    ];
    const document = spdxDocument(subject, found) as {
      packages: { licenseDeclared: string }[];
      hasExtractedLicensingInfos: { licenseId: string; extractedText: string }[];
    };
    // Free text is no expression: it becomes one reference, with the words it stands for.
    expect(document.packages.map((pkg) => pkg.licenseDeclared)).toEqual([
      "NOASSERTION",
      expect.stringMatching(/^LicenseRef-MIT-OR-see-LICENSE-[0-9a-f]{8}$/),
      "Apache-2.0",
    ]);
    expect(document.hasExtractedLicensingInfos).toEqual([
      {
        licenseId: document.packages[1]!.licenseDeclared,
        extractedText: "MIT OR (see LICENSE)",
        name: "MIT OR (see LICENSE)",
      },
    ]);
    expect(JSON.stringify(spdxDocument(subject, found))).toBe(JSON.stringify(document));
  });
});
