import { describe, expect, it } from "vitest";
import {
  type BuilderFiles,
  type BuildRequest,
  buildxBuild,
  daemonlessBuild,
  daemonlessPush,
  loginInvocation,
  reportedDigest,
} from "../../src/builder/argv.js";

const files: BuilderFiles = {
  root: "/t/storage",
  runroot: "/t/runroot",
  authfile: "/t/run/auth.json",
  iidfile: "/t/run/iid",
  metadataFile: "/t/run/metadata.json",
  digestFile: "/t/run/digest",
};

function request(overrides: Partial<BuildRequest> = {}): BuildRequest {
  return {
    context: ".",
    refs: ["ghcr.io/acme/web:sha-0123456", "ghcr.io/acme/web:main"],
    labels: { "org.opencontainers.image.revision": "0123456" },
    annotations: {},
    buildArgs: {},
    secrets: [],
    platforms: [],
    cacheFrom: [],
    cacheTo: [],
    push: true,
    timestamp: 1_700_000_000,
    insecure: false,
    ...overrides,
  };
}

describe("buildxBuild argv", () => {
  const head = [
    "buildx",
    "build",
    "--iidfile",
    files.iidfile,
    "--metadata-file",
    files.metadataFile,
    "--provenance=false",
  ];
  it.each([
    [
      "push with tags and labels",
      request(),
      [
        ...head,
        "--tag",
        "ghcr.io/acme/web:sha-0123456",
        "--tag",
        "ghcr.io/acme/web:main",
        "--label",
        "org.opencontainers.image.revision=0123456",
        "--build-arg",
        "SOURCE_DATE_EPOCH=1700000000",
        "--push",
        ".",
      ],
    ],
    [
      "no push on one platform loads into the engine",
      request({ push: false, refs: ["r:t"], labels: {} }),
      [...head, "--tag", "r:t", "--build-arg", "SOURCE_DATE_EPOCH=1700000000", "--load", "."],
    ],
    [
      "no push on several platforms neither pushes nor loads",
      request({ push: false, refs: ["r:t"], labels: {}, platforms: ["linux/amd64", "linux/arm64"] }),
      [
        ...head,
        "--tag",
        "r:t",
        "--build-arg",
        "SOURCE_DATE_EPOCH=1700000000",
        "--platform",
        "linux/amd64,linux/arm64",
        ".",
      ],
    ],
    [
      "file, target, build args, caches",
      request({
        refs: ["r:t"],
        labels: {},
        file: "docker/Dockerfile.prod",
        target: "runtime",
        buildArgs: { NODE_VERSION: "24", LIST: "a,b", SOURCE_DATE_EPOCH: "42" },
        cacheFrom: ["type=gha"],
        cacheTo: ["type=gha,mode=max"],
        context: "app",
      }),
      [
        ...head,
        "--file",
        "docker/Dockerfile.prod",
        "--target",
        "runtime",
        "--tag",
        "r:t",
        "--build-arg",
        "SOURCE_DATE_EPOCH=42",
        "--build-arg",
        "NODE_VERSION=24",
        "--build-arg",
        "LIST=a,b",
        "--cache-from",
        "type=gha",
        "--cache-to",
        "type=gha,mode=max",
        "--push",
        "app",
      ],
    ],
    [
      "push to a plain-HTTP registry",
      request({ refs: ["r:t"], labels: {}, insecure: true }),
      [
        ...head,
        "--tag",
        "r:t",
        "--build-arg",
        "SOURCE_DATE_EPOCH=1700000000",
        "--output",
        "type=image,push=true,registry.insecure=true",
        ".",
      ],
    ],
  ])("%s", (_name, req, expected) => {
    expect(buildxBuild(req, files)).toEqual({ command: "docker", args: expected });
  });
});

describe("buildah and podman argv", () => {
  const storage = ["--storage-driver", "vfs", "--root", files.root, "--runroot", files.runroot];
  it("builds into a private vfs store with chroot isolation and the commit's timestamp", () => {
    expect(daemonlessBuild("buildah", request({ target: "app" }), files)).toEqual({
      command: "buildah",
      args: [
        ...storage,
        "bud",
        "--isolation",
        "chroot",
        "--layers=false",
        "--timestamp",
        "1700000000",
        "--target",
        "app",
        "--label",
        "org.opencontainers.image.revision=0123456",
        "--iidfile",
        files.iidfile,
        "--tag",
        "ghcr.io/acme/web:sha-0123456",
        "--tag",
        "ghcr.io/acme/web:main",
        ".",
      ],
    });
    expect(daemonlessBuild("podman", request(), files).args[storage.length]).toBe("build");
    const withLogin = daemonlessBuild("podman", request(), files, { authfile: true }).args;
    expect(withLogin.slice(storage.length, storage.length + 3)).toEqual([
      "build",
      "--authfile",
      files.authfile,
    ]);
  });

  it("builds several platforms into a manifest list and pushes it whole", () => {
    const req = request({ platforms: ["linux/amd64", "linux/arm64"] });
    const build = daemonlessBuild("buildah", req, files).args;
    expect(build).toContain("--manifest");
    expect(build).not.toContain("--tag");
    expect(daemonlessPush("buildah", req, files, req.refs[1]!, { authfile: false }).args).toEqual([
      ...storage,
      "manifest",
      "push",
      "--all",
      "ghcr.io/acme/web:sha-0123456",
      "docker://ghcr.io/acme/web:main",
    ]);
  });

  it("pushes with the auth file, the digest file, and plain HTTP only when insecure", () => {
    const req = request({ insecure: true });
    expect(
      daemonlessPush("podman", req, files, req.refs[0]!, { digestFile: files.digestFile, authfile: true }),
    ).toEqual({
      command: "podman",
      args: [
        ...storage,
        "push",
        "--authfile",
        files.authfile,
        "--tls-verify=false",
        "--digestfile",
        files.digestFile,
        "ghcr.io/acme/web:sha-0123456",
        "docker://ghcr.io/acme/web:sha-0123456",
      ],
    });
  });
});

describe("annotations and secrets", () => {
  const req = request({
    refs: ["r:t"],
    labels: {},
    annotations: { "org.opencontainers.image.description": "web, the app", team: "a=b" },
    secrets: [{ id: "npm_token", src: "/t/run/secrets/secret-0" }],
  });
  it("buildah and podman get --annotation and --secret id,src pairs", () => {
    const args = daemonlessBuild("buildah", req, files).args;
    const pairs = (flag: string) => args.flatMap((arg, i) => (arg === flag ? [args[i + 1]] : []));
    expect(pairs("--annotation")).toEqual(["org.opencontainers.image.description=web, the app", "team=a=b"]);
    expect(pairs("--secret")).toEqual(["id=npm_token,src=/t/run/secrets/secret-0"]);
  });
  it("buildx annotates the manifest, and the index too for several platforms", () => {
    const one = buildxBuild(req, files).args;
    expect(one.flatMap((arg, i) => (arg === "--annotation" ? [one[i + 1]] : []))).toEqual([
      "org.opencontainers.image.description=web, the app",
      "team=a=b",
    ]);
    expect(one.flatMap((arg, i) => (arg === "--secret" ? [one[i + 1]] : []))).toEqual([
      "id=npm_token,src=/t/run/secrets/secret-0",
    ]);
    const multi = buildxBuild({ ...req, platforms: ["linux/amd64", "linux/arm64"] }, files).args;
    expect(multi).toContain("index,manifest:team=a=b");
  });
  it("asks for an image id file only for one platform (buildah refuses one for several)", () => {
    expect(daemonlessBuild("podman", req, files).args).toContain("--iidfile");
    expect(
      daemonlessBuild("podman", { ...req, platforms: ["linux/amd64", "linux/arm64"] }, files).args,
    ).not.toContain("--iidfile");
  });
});

describe("login", () => {
  it.each([
    "buildx",
    "buildah",
    "podman",
  ] as const)("%s reads the password from stdin, never argv", (builder) => {
    const invocation = loginInvocation(builder, "ghcr.io", "bot", "hunter2-secret", files, false);
    expect(invocation.stdin).toBe("hunter2-secret");
    expect(invocation.args.join(" ")).not.toContain("hunter2-secret");
    expect(invocation.args).toContain("--password-stdin");
    if (builder !== "buildx") expect(invocation.args).toContain(files.authfile);
  });
});

describe("reportedDigest", () => {
  const digest = `sha256:${"b".repeat(64)}`;
  it("reads buildx's metadata file and buildah's digest file", () => {
    expect(reportedDigest("buildx", JSON.stringify({ "containerimage.digest": digest }))).toBe(digest);
    expect(reportedDigest("buildah", `${digest}\n`)).toBe(digest);
  });
  it("gives nothing rather than a guess when the report is missing or broken", () => {
    expect(reportedDigest("buildx", "{not json")).toBe("");
    expect(reportedDigest("buildx", "{}")).toBe("");
    expect(reportedDigest("podman", "")).toBe("");
  });
});
