import { UserError } from "../errors.js";

/**
 * Operating systems and architectures as OCI image indexes name them (the Go GOOS/GOARCH values). A builder accepts
 * any string and writes it into the image, so a typo pushes an image no node can ever run.
 */
const OPERATING_SYSTEMS = new Set([
  "aix",
  "android",
  "darwin",
  "dragonfly",
  "freebsd",
  "illumos",
  "ios",
  "js",
  "linux",
  "netbsd",
  "openbsd",
  "plan9",
  "solaris",
  "wasip1",
  "windows",
]);

/** Each architecture with the variants it has; an empty list means it takes none. */
const ARCHITECTURES: Record<string, string[]> = {
  "386": [],
  amd64: ["v1", "v2", "v3", "v4"],
  amd64p32: [],
  arm: ["v5", "v6", "v7", "v8"],
  arm64: [
    "v8",
    "v8.0",
    "v8.1",
    "v8.2",
    "v8.3",
    "v8.4",
    "v8.5",
    "v8.6",
    "v8.7",
    "v8.8",
    "v8.9",
    "v9",
    "v9.0",
    "v9.1",
    "v9.2",
    "v9.3",
    "v9.4",
    "v9.5",
  ],
  loong64: [],
  mips: [],
  mipsle: [],
  mips64: [],
  mips64le: [],
  ppc64: [],
  ppc64le: [],
  riscv64: [],
  s390x: [],
  wasm: [],
};

/** Names other tools use for the same thing, so the error can say which value is meant. */
const ALIASES: Record<string, string> = {
  x86_64: "amd64",
  "x86-64": "amd64",
  x64: "amd64",
  aarch64: "arm64",
  armhf: "arm/v7",
  armel: "arm/v6",
  i386: "386",
  i686: "386",
  x86: "386",
  ppc64el: "ppc64le",
};

const FORMS =
  "Write each platform as os/arch[/variant], e.g. linux/amd64, linux/arm64, linux/arm/v7, linux/386, linux/ppc64le, linux/s390x, linux/riscv64, windows/amd64.";

function refuse(entry: string, why: string): never {
  throw new UserError(`input 'platforms': ${JSON.stringify(entry)} ${why}`, { hint: FORMS });
}

/** Checks one `os/arch[/variant]` entry and returns it lowercased as builders expect. */
export function checkPlatform(entry: string): string {
  const parts = entry.toLowerCase().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === "")) {
    refuse(entry, "is not os/arch[/variant]");
  }
  const [os, arch, variant] = parts as [string, string, string | undefined];
  if (!OPERATING_SYSTEMS.has(os)) {
    refuse(
      entry,
      `names an unknown operating system ${JSON.stringify(os)} (known: ${[...OPERATING_SYSTEMS].join(", ")})`,
    );
  }
  const variants = Object.hasOwn(ARCHITECTURES, arch) ? ARCHITECTURES[arch] : undefined;
  if (variants === undefined) {
    const alias = Object.hasOwn(ALIASES, arch) ? ALIASES[arch] : undefined;
    refuse(
      entry,
      alias
        ? `names the architecture ${JSON.stringify(arch)}, which images call ${JSON.stringify(alias)}: write ${os}/${alias}`
        : `names an unknown architecture ${JSON.stringify(arch)} (known: ${Object.keys(ARCHITECTURES).join(", ")})`,
    );
  }
  if (variant !== undefined && !variants.includes(variant)) {
    refuse(
      entry,
      variants.length === 0
        ? `gives the variant ${JSON.stringify(variant)}, but ${arch} has none`
        : `gives an unknown ${arch} variant ${JSON.stringify(variant)} (known: ${variants.join(", ")})`,
    );
  }
  return parts.join("/");
}

/** Every entry checked before anything is built; duplicates are dropped, order kept. */
export function checkPlatforms(entries: string[]): string[] {
  return [...new Set(entries.map(checkPlatform))];
}
