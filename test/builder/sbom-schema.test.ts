import { describe, expect, it } from "vitest";
import { parseDpkgStatus, parseNpmPackage, spdxDocument } from "../../src/builder/sbom.js";
import { validateSbom } from "./sbom-schema.js";

// biome-ignore lint/suspicious/noExplicitAny: the tests break the document in places its type would not allow
type Doc = Record<string, any>;

// A document as build-push writes it, from package databases of a small Debian image with one npm package.
function document(): Doc {
  const platform = "linux/amd64";
  const dpkg = parseDpkgStatus(
    "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\nArchitecture: amd64\n\n" +
      "Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2\nArchitecture: amd64\n",
    "/var/lib/dpkg/status",
    platform,
  );
  const npm = parseNpmPackage(
    JSON.stringify({ name: "left", version: "1.0.0", license: "MIT OR Foo-License" }),
    "/app/node_modules/left/package.json",
    platform,
  );
  return JSON.parse(
    JSON.stringify(
      spdxDocument(
        { name: "registry.example/acme/web", digest: `sha256:${"a".repeat(64)}`, created: 1_790_000_000 },
        [{ packages: [...dpkg, ...npm], distro: { id: "debian", versionId: "12" } }],
      ),
    ),
  );
}

const errorsOf = (doc: unknown) =>
  validateSbom(doc) ? [] : validateSbom.errors!.map((e) => `${e.instancePath} ${e.message}`);

describe("the SBOM schema", () => {
  it("accepts the document build-push writes, with every kind of package it emits", () => {
    const doc = document();
    const purposes = new Set(
      doc.packages.map((pkg: { primaryPackagePurpose: string }) => pkg.primaryPackagePurpose),
    );
    expect([...purposes].sort()).toEqual(["APPLICATION", "CONTAINER", "LIBRARY", "OPERATING_SYSTEM"]);
    expect(errorsOf(doc)).toEqual([]);
  });

  it.each<[string, (doc: Doc) => void, RegExp]>([
    [
      "a purpose SPDX does not define",
      (doc) => (doc.packages[1].primaryPackagePurpose = "OS"),
      /primaryPackagePurpose/,
    ],
    [
      "the purpose spelled with a hyphen",
      (doc) => (doc.packages[1].primaryPackagePurpose = "OPERATING-SYSTEM"),
      /primaryPackagePurpose/,
    ],
    ["no documentNamespace", (doc) => delete doc.documentNamespace, /documentNamespace/],
    [
      "a documentNamespace that is not a URI",
      (doc) => (doc.documentNamespace = "acme web"),
      /documentNamespace/,
    ],
    ["an unknown top-level field", (doc) => (doc.sbomTool = "x"), /additional properties/],
    [
      "an unknown package field",
      (doc) => (doc.packages[0].purl = "pkg:x"),
      /\/packages\/0 must NOT have additional/,
    ],
    ["another SPDX version", (doc) => (doc.spdxVersion = "SPDX-2.2"), /spdxVersion/],
    ["a creator without its kind", (doc) => (doc.creationInfo.creators = ["gitops-pipeline"]), /creators/],
    ["a creation time that is not a date-time", (doc) => (doc.creationInfo.created = "yesterday"), /created/],
    ["a package id with a space", (doc) => (doc.packages[1].SPDXID = "SPDXRef-a b"), /SPDXID/],
    [
      "a reference category SPDX does not define",
      (doc) => (doc.packages[0].externalRefs[0].referenceCategory = "PURL"),
      /referenceCategory/,
    ],
    [
      "an unknown relationship type",
      (doc) => (doc.relationships[0].relationshipType = "HOLDS"),
      /relationshipType/,
    ],
    [
      "an extracted license outside LicenseRef-",
      (doc) => (doc.hasExtractedLicensingInfos[0].licenseId = "Foo"),
      /licenseId/,
    ],
  ])("refuses %s", (_name, mutate, where) => {
    const doc = document();
    mutate(doc);
    const errors = errorsOf(doc);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(where);
  });
});
