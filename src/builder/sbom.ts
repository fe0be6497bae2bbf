import { createHash } from "node:crypto";
import { VERSION } from "../version.js";
import { licenseExpression } from "./licenses.js";

/** A package found in an image's filesystem, with where it was recorded. */
export interface FoundPackage {
  ecosystem: "deb" | "apk" | "npm" | "pypi";
  name: string;
  version: string;
  /** Architecture the package database names, when it names one. */
  arch?: string;
  license?: string;
  /** Source package (dpkg `Source`, apk origin), when it differs from the name. */
  source?: string;
  /** The file that records it, with a leading `/`. */
  foundIn: string;
  /** `os/arch` of the image it was found in. */
  platform: string;
}

export interface Distro {
  id: string;
  versionId: string;
}

const DPKG_STATUS = "var/lib/dpkg/status";
/** Distroless images keep one status file per package here. */
const DPKG_STATUS_DIR = /^var\/lib\/dpkg\/status\.d\/[^/]+$/;
const APK_INSTALLED = "lib/apk/db/installed";
const OS_RELEASE = new Set(["etc/os-release", "usr/lib/os-release"]);
/** `…/node_modules/<name>/package.json` and `…/node_modules/@scope/<name>/package.json`, nothing deeper. */
const NPM_PACKAGE = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;
/** Installed Python distributions: `…/site-packages/<dist>.dist-info/METADATA` (also dist-packages, egg-info). */
const PYTHON_METADATA = /(?:^|\/)(?:site|dist)-packages\/[^/]+\.(?:dist-info\/METADATA|egg-info\/PKG-INFO)$/;

/** The files of an image's filesystem that say which packages it holds. */
export function isPackageDatabase(path: string): boolean {
  return (
    path === DPKG_STATUS ||
    DPKG_STATUS_DIR.test(path) ||
    path === APK_INSTALLED ||
    OS_RELEASE.has(path) ||
    NPM_PACKAGE.test(path) ||
    PYTHON_METADATA.test(path)
  );
}

/** RFC 822-style stanzas (dpkg status, Python METADATA headers): `Field: value`, continuation lines indented. */
function stanzas(text: string): Record<string, string>[] {
  const result: Record<string, string>[] = [];
  let current: Record<string, string> = {};
  let last = "";
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") {
      if (Object.keys(current).length > 0) result.push(current);
      current = {};
      last = "";
    } else if (/^[ \t]/.test(line)) {
      if (last) current[last] += `\n${line.trim()}`;
    } else {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim();
      current[last] = line.slice(colon + 1).trim();
    }
  }
  if (Object.keys(current).length > 0) result.push(current);
  return result;
}

export function parseOsRelease(text: string): Distro | undefined {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return fields.ID ? { id: fields.ID, versionId: fields.VERSION_ID ?? "" } : undefined;
}

export function parseDpkgStatus(text: string, foundIn: string, platform: string): FoundPackage[] {
  return stanzas(text).flatMap((stanza) => {
    const status = stanza.Status;
    // status.d files have no Status field; in the status file only installed packages count.
    if (status !== undefined && !/\binstalled$/.test(status)) return [];
    if (!stanza.Package || !stanza.Version) return [];
    const source = stanza.Source?.replace(/\s*\(.*\)$/, "");
    return [
      {
        ecosystem: "deb" as const,
        name: stanza.Package,
        version: stanza.Version,
        arch: stanza.Architecture,
        source: source && source !== stanza.Package ? source : undefined,
        foundIn,
        platform,
      },
    ];
  });
}

/** apk's installed database: one stanza per package, one-letter keys (`P` name, `V` version, `A` arch, `L` license, `o` origin). */
export function parseApkInstalled(text: string, foundIn: string, platform: string): FoundPackage[] {
  const packages: FoundPackage[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const fields: Record<string, string> = {};
    for (const line of block.split(/\r?\n/)) {
      if (line[1] === ":" && fields[line[0]!] === undefined) fields[line[0]!] = line.slice(2);
    }
    if (!fields.P || !fields.V) continue;
    packages.push({
      ecosystem: "apk",
      name: fields.P,
      version: fields.V,
      arch: fields.A,
      license: fields.L,
      source: fields.o && fields.o !== fields.P ? fields.o : undefined,
      foundIn,
      platform,
    });
  }
  return packages;
}

export function parseNpmPackage(text: string, foundIn: string, platform: string): FoundPackage[] {
  try {
    const parsed = JSON.parse(text) as { name?: unknown; version?: unknown; license?: unknown };
    if (typeof parsed.name !== "string" || typeof parsed.version !== "string") return [];
    const license = typeof parsed.license === "string" ? parsed.license : undefined;
    return [{ ecosystem: "npm", name: parsed.name, version: parsed.version, license, foundIn, platform }];
  } catch {
    return [];
  }
}

export function parsePythonMetadata(text: string, foundIn: string, platform: string): FoundPackage[] {
  // Only the header part; the body after the first blank line is the long description.
  const [headers] = stanzas(text.split(/\r?\n\r?\n/)[0] ?? "");
  if (!headers?.Name || !headers.Version) return [];
  return [
    {
      ecosystem: "pypi",
      name: headers.Name,
      version: headers.Version,
      license: headers["License-Expression"] ?? undefined,
      foundIn,
      platform,
    },
  ];
}

/** Every package the package databases among `files` record. */
export function packagesIn(
  files: Map<string, Buffer>,
  platform: string,
): { packages: FoundPackage[]; distro?: Distro } {
  const packages: FoundPackage[] = [];
  let distro: Distro | undefined;
  for (const name of ["etc/os-release", "usr/lib/os-release"]) {
    const content = files.get(name);
    if (content && !distro) distro = parseOsRelease(content.toString("utf8"));
  }
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const text = content.toString("utf8");
    const foundIn = `/${path}`;
    if (path === DPKG_STATUS || (DPKG_STATUS_DIR.test(path) && !path.endsWith(".md5sums"))) {
      packages.push(...parseDpkgStatus(text, foundIn, platform));
    } else if (path === APK_INSTALLED) packages.push(...parseApkInstalled(text, foundIn, platform));
    else if (NPM_PACKAGE.test(path)) packages.push(...parseNpmPackage(text, foundIn, platform));
    else if (PYTHON_METADATA.test(path)) packages.push(...parsePythonMetadata(text, foundIn, platform));
  }
  return { packages, distro };
}

function purlEncode(value: string): string {
  return encodeURIComponent(value).replace(/%2F/g, "/");
}

/** The package URL (purl spec) of a found package. */
export function purl(pkg: FoundPackage, distro?: Distro): string {
  const qualifiers: string[] = [];
  if (pkg.arch) qualifiers.push(`arch=${encodeURIComponent(pkg.arch)}`);
  if ((pkg.ecosystem === "deb" || pkg.ecosystem === "apk") && distro) {
    qualifiers.push(`distro=${encodeURIComponent(`${distro.id}-${distro.versionId}`)}`);
  }
  const query = qualifiers.length > 0 ? `?${qualifiers.sort().join("&")}` : "";
  const version = `@${encodeURIComponent(pkg.version)}`;
  switch (pkg.ecosystem) {
    case "deb":
      return `pkg:deb/${encodeURIComponent(distro?.id ?? "debian")}/${encodeURIComponent(pkg.name)}${version}${query}`;
    case "apk":
      return `pkg:apk/${encodeURIComponent(distro?.id ?? "alpine")}/${encodeURIComponent(pkg.name)}${version}${query}`;
    case "npm": {
      const scoped = pkg.name.startsWith("@") ? pkg.name.replace("@", "%40") : purlEncode(pkg.name);
      return `pkg:npm/${scoped}${version}`;
    }
    case "pypi":
      return `pkg:pypi/${encodeURIComponent(pkg.name.toLowerCase().replace(/[-_.]+/g, "-"))}${version}`;
  }
}

/**
 * SPDX's purposes: the distribution itself is the OPERATING_SYSTEM; what its package manager installed, and what
 * npm and pip installed, are libraries, or applications when a system package is not a `lib…` one.
 */
function purposeOf(pkg: FoundPackage): "LIBRARY" | "APPLICATION" {
  if (pkg.ecosystem === "npm" || pkg.ecosystem === "pypi") return "LIBRARY";
  return /^lib/.test(pkg.name) ? "LIBRARY" : "APPLICATION";
}

export interface SbomSubject {
  /** The image name, e.g. ghcr.io/acme/web. */
  name: string;
  digest: string;
  /** Seconds since the epoch: the image's creation time, so the same image gives the same document. */
  created: number;
}

/**
 * An SPDX 2.3 JSON document of an image: the image as the described package, every package found in it as a package
 * the image CONTAINS, each with its purl. Built only from the image's bytes and the build time, so rebuilding the same
 * image gives the same document.
 */
export function spdxDocument(
  subject: SbomSubject,
  found: { packages: FoundPackage[]; distro?: Distro; skipped?: string[] }[],
): object {
  const extracted = new Map<string, string>();
  const hex = subject.digest.replace(/^sha256:/, "");
  const packages: Record<string, unknown>[] = [];
  const relationships: Record<string, unknown>[] = [];
  const imageId = "SPDXRef-Image";
  const repositoryUrl = subject.name;
  const lastSlash = subject.name.lastIndexOf("/");
  packages.push({
    SPDXID: imageId,
    name: subject.name,
    versionInfo: subject.digest,
    downloadLocation: "NOASSERTION",
    filesAnalyzed: false,
    licenseConcluded: "NOASSERTION",
    licenseDeclared: "NOASSERTION",
    copyrightText: "NOASSERTION",
    primaryPackagePurpose: "CONTAINER",
    checksums: [{ algorithm: "SHA256", checksumValue: hex }],
    externalRefs: [
      {
        referenceCategory: "PACKAGE-MANAGER",
        referenceType: "purl",
        referenceLocator: `pkg:oci/${encodeURIComponent(subject.name.slice(lastSlash + 1))}@${encodeURIComponent(subject.digest)}?repository_url=${encodeURIComponent(repositoryUrl)}`,
      },
    ],
  });
  relationships.push({
    spdxElementId: "SPDXRef-DOCUMENT",
    relationshipType: "DESCRIBES",
    relatedSpdxElement: imageId,
  });
  const seen = new Set<string>();
  for (const { packages: list, distro } of found) {
    if (distro) {
      const id = `SPDXRef-OperatingSystem-${createHash("sha256").update(`${distro.id}@${distro.versionId}`).digest("hex").slice(0, 16)}`;
      if (!seen.has(id)) {
        seen.add(id);
        packages.push({
          SPDXID: id,
          name: distro.id,
          ...(distro.versionId ? { versionInfo: distro.versionId } : {}),
          downloadLocation: "NOASSERTION",
          filesAnalyzed: false,
          licenseConcluded: "NOASSERTION",
          licenseDeclared: "NOASSERTION",
          copyrightText: "NOASSERTION",
          primaryPackagePurpose: "OPERATING_SYSTEM",
          comment: "the distribution named by the image's os-release",
        });
        relationships.push({ spdxElementId: imageId, relationshipType: "CONTAINS", relatedSpdxElement: id });
      }
    }
    for (const pkg of list) {
      const locator = purl(pkg, distro);
      // The same package in several platforms' images differs by arch in its purl; an exact repeat is listed once.
      if (seen.has(locator)) continue;
      seen.add(locator);
      const id = `SPDXRef-Package-${createHash("sha256").update(locator).digest("hex").slice(0, 16)}`;
      const license = licenseExpression(pkg.license);
      for (const entry of license?.extracted ?? []) extracted.set(entry.id, entry.text);
      packages.push({
        SPDXID: id,
        name: pkg.name,
        versionInfo: pkg.version,
        downloadLocation: "NOASSERTION",
        filesAnalyzed: false,
        licenseConcluded: "NOASSERTION",
        licenseDeclared: license?.expression ?? "NOASSERTION",
        copyrightText: "NOASSERTION",
        primaryPackagePurpose: purposeOf(pkg),
        ...(pkg.source ? { sourceInfo: `built from source package ${pkg.source}` } : {}),
        comment: `found in ${pkg.foundIn} (${pkg.platform || "image"})`,
        externalRefs: [
          { referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: locator },
        ],
      });
      relationships.push({ spdxElementId: imageId, relationshipType: "CONTAINS", relatedSpdxElement: id });
    }
  }
  const skipped = found.flatMap((entry) => entry.skipped ?? []);
  return {
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: "SPDXRef-DOCUMENT",
    name: `${subject.name}@${subject.digest}`,
    documentNamespace: `urn:uuid:${uuidFrom(`${subject.name}@${subject.digest}`)}`,
    creationInfo: {
      created: new Date(subject.created * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      creators: [`Tool: gitops-pipeline-build-push-${VERSION}`],
      comment:
        "Packages read from the image's package databases: dpkg, apk, npm (node_modules), Python (site-packages)." +
        (skipped.length > 0 ? ` Not read, so their packages may be missing: ${skipped.join("; ")}.` : ""),
    },
    packages,
    relationships,
    ...(extracted.size > 0
      ? {
          hasExtractedLicensingInfos: [...extracted].map(([licenseId, extractedText]) => ({
            licenseId,
            extractedText,
            name: extractedText,
          })),
        }
      : {}),
  };
}

/** A name-based UUID (version 5 layout over SHA-256 bits), so the namespace is unique per image and stable per rebuild. */
function uuidFrom(text: string): string {
  const bytes = createHash("sha256").update(text).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
