// `npm run demo`: the whole pipeline on this machine, offline. Copies examples/config-repo into a temporary Git
// repository and runs the gitops-pipeline CLI over it the way the example workflows run the actions on GitHub:
// build and push an image, validate, bump dev, compare environments, promote to staging, then propose production,
// which stops at its gate (two approvals, business hours) and says why.
//
//   node scripts/demo.mjs [--keep] [--cli FILE]
//     --keep      leave the temporary repository (and print where) instead of removing it
//     --cli FILE  run another build of the CLI instead of dist/cli/index.js
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: options } = parseArgs({
  options: { keep: { type: "boolean", default: false }, cli: { type: "string" } },
});
const cli = path.resolve(options.cli ?? path.join(root, "dist/cli/index.js"));

const FRONTEND = "ghcr.io/acme/guestbook-frontend";
// The application commit the demo "builds": ci.yml runs on a push to main, and build-push tags sha-<7>.
const APP_COMMIT = "5e1a7c0d2b9f4e3a8c6d1b0f7e2a9c4d3b8f1e6a";
const TAG = `sha-${APP_COMMIT.slice(0, 7)}`;
// Used when no builder or registry is installed: the digest that build might have had.
const FIXED_DIGEST = "sha256:6b1f2c0e9d8a7f3e5b4c2a1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f";
const GIT_IDENTITY = [
  "-c",
  "user.name=Demo",
  "-c",
  "user.email=demo@example.com",
  "-c",
  "commit.gpgsign=false",
];

let stepNumber = 0;
const say = (text = "") => process.stdout.write(`${text}\n`);
const indent = (text, prefix = "    ") =>
  text
    .replace(/\s+$/, "")
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");

function step(title) {
  stepNumber += 1;
  say();
  say(`━━ ${stepNumber}. ${title}`);
}

function run(command, args, opts = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...opts });
  return {
    status: result.status ?? 1,
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? "",
    error: result.error,
  };
}

function git(repo, ...args) {
  const result = run("git", [...GIT_IDENTITY, "-C", repo, ...args]);
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Runs the CLI and reports whether the command exists yet in this build. */
function gitopsPipeline(args, cwd) {
  say(indent(`$ gitops-pipeline ${args.join(" ")}`, "  "));
  const result = run(process.execPath, [cli, ...args], { cwd });
  const unavailable = result.status !== 0 && /not available in this version/.test(result.stderr);
  return { ...result, unavailable };
}

function showOutput(result) {
  const text = `${result.stdout}${result.stderr}`;
  if (text.trim() !== "") say(indent(text));
}

function showDiff(repo, ...args) {
  const diff = git(repo, "--no-pager", "diff", "--no-color", ...args);
  say(diff.trim() === "" ? "    (no change)" : indent(diff));
  return diff;
}

function commit(repo, message) {
  git(repo, "add", "-A");
  if (git(repo, "status", "--porcelain").trim() === "") return undefined;
  git(repo, "commit", "-q", "-m", message);
  return git(repo, "rev-parse", "--short", "HEAD").trim();
}

const which = (name) => run(name, ["--version"]).error === undefined;

/** Rootless builders leave image layers owned by mapped user ids; only their own user namespace can remove them. */
function removeTree(dir) {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    for (const builder of ["buildah", "podman"]) {
      if (which(builder) && run(builder, ["unshare", "rm", "-rf", dir]).status === 0) return;
    }
    say(`(could not remove ${dir}; remove it by hand)`);
  }
}

// ── The image: built and pushed for real when a builder and a registry are here ──

async function startRegistry(dir) {
  const config = path.join(dir, "registry.yml");
  // Our own config: the packaged one listens on every address. Port 0 lets the system pick a free port.
  writeFileSync(
    config,
    [
      "version: 0.1",
      "log: { level: info }",
      `storage: { filesystem: { rootdirectory: ${JSON.stringify(path.join(dir, "data"))} } }`,
      "http: { addr: 127.0.0.1:0 }",
      "",
    ].join("\n"),
  );
  const child = spawn("docker-registry", ["serve", config], { stdio: ["ignore", "ignore", "pipe"] });
  const address = await new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`the registry did not start:\n${log}`)), 10_000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const match = /listening on (127\.0\.0\.1:\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the registry exited with ${code}:\n${log}`));
    });
  });
  child.stderr.removeAllListeners("data");
  child.stderr.resume();
  return { address, stop: () => child.kill("SIGTERM") };
}

async function registryDigest(address, repository, tag) {
  const response = await fetch(`http://${address}/v2/${repository}/manifests/${tag}`, {
    method: "HEAD",
    headers: {
      accept: [
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
      ].join(", "),
    },
  });
  return response.ok ? (response.headers.get("docker-content-digest") ?? undefined) : undefined;
}

function writeContext(dir) {
  const context = path.join(dir, "frontend");
  mkdirSync(context, { recursive: true });
  writeFileSync(path.join(context, "index.html"), `<h1>guestbook ${TAG}</h1>\n`);
  // FROM scratch needs no base image, so nothing is pulled from the network.
  writeFileSync(path.join(context, "Containerfile"), "FROM scratch\nCOPY index.html /srv/index.html\n");
  return context;
}

/** The build-push action's bundle, run the way the runner runs it. */
function buildWithAction(dir, context, image, builder) {
  const bundle = path.join(root, "dist/build-push/index.js");
  if (!existsSync(bundle)) throw new Error("dist/build-push/index.js is missing (npm run build makes it)");
  const outputFile = path.join(dir, "github-output");
  const eventFile = path.join(dir, "event.json");
  const summaryFile = path.join(dir, "summary.md");
  // The runner creates both files before a step starts; actions append to them.
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  writeFileSync(
    eventFile,
    JSON.stringify({ ref: "refs/heads/main", after: APP_COMMIT, repository: { default_branch: "main" } }),
  );
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "push",
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REF: "refs/heads/main",
    GITHUB_REF_NAME: "main",
    GITHUB_REF_TYPE: "branch",
    GITHUB_SHA: APP_COMMIT,
    GITHUB_REPOSITORY: "acme/guestbook",
    GITHUB_REPOSITORY_OWNER: "acme",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_WORKSPACE: context,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: path.join(dir, "runner-temp"),
    INPUT_IMAGE: image,
    INPUT_CONTEXT: context,
    INPUT_FILE: path.join(context, "Containerfile"),
    INPUT_BUILDER: builder,
    INPUT_PUSH: "true",
    INPUT_LATEST: "false",
    "INPUT_SKIP-EXISTING": "true",
    INPUT_INSECURE: "true",
  };
  mkdirSync(env.RUNNER_TEMP, { recursive: true });
  const result = run(process.execPath, [bundle], { env, cwd: context });
  const outputs = parseOutputs(readFileSync(outputFile, "utf8"));
  if (result.status !== 0 || !outputs.digest) {
    const why =
      `${result.stdout}${result.stderr}`.trim().split("\n").filter(Boolean).at(-1) ?? "no digest output";
    throw new Error(`the build-push action failed: ${why.replace(/^::error::/, "")}`);
  }
  return { digest: outputs.digest, tag: outputs.tag, how: `the build-push action (${builder})` };
}

/** Reads a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` blocks. */
function parseOutputs(text) {
  const outputs = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      outputs[heredoc[1]] = body.join("\n");
    } else if (lines[i].includes("=")) {
      const at = lines[i].indexOf("=");
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}

async function buildImage(work) {
  step(
    `Build and push ${FRONTEND.split("/").pop()} at commit ${APP_COMMIT.slice(0, 7)} (what ci.yml's build-push does)`,
  );
  const builder = ["buildah", "podman"].find(which);
  if (!builder || !which("docker-registry")) {
    const missing = [!builder && "buildah or podman", !which("docker-registry") && "docker-registry"].filter(
      Boolean,
    );
    say(`    ${missing.join(" and ")} not installed: skipping the build, using a fixed digest.`);
    return `${FRONTEND}:${TAG}@${FIXED_DIGEST}`;
  }
  const dir = path.join(work, "build");
  mkdirSync(dir, { recursive: true });
  let registry;
  try {
    registry = await startRegistry(dir);
    say(`    registry: docker-registry on ${registry.address} (a stand-in for ghcr.io)`);
    const local = `${registry.address}/acme/guestbook-frontend`;
    const context = writeContext(dir);
    const built = buildWithAction(dir, context, local, builder);
    const confirmed = await registryDigest(registry.address, "acme/guestbook-frontend", built.tag);
    if (confirmed !== built.digest) {
      throw new Error(
        `the registry has ${confirmed ?? "no manifest"} for ${local}:${built.tag}, not ${built.digest}`,
      );
    }
    say(`    built and pushed with ${built.how}: ${local}:${built.tag}`);
    say(`    digest (read back from the registry): ${built.digest}`);
    // A digest names the content, so the same image pushed to ghcr.io has this same digest.
    return `${FRONTEND}:${built.tag}@${built.digest}`;
  } catch (error) {
    say(`    the build did not work here (${error.message.trim()}); using a fixed digest instead.`);
    return `${FRONTEND}:${TAG}@${FIXED_DIGEST}`;
  } finally {
    registry?.stop();
  }
}

// ── The gate ──

/**
 * promote-env's gate for the promotion branch, through `gitops-pipeline gate`: the same decision the action takes
 * on the pull request, with nobody's approval yet and no commit statuses (nothing reports them to a local
 * repository). Undefined, with the CLI's output shown, when the gate could not be evaluated.
 */
function evaluateGate(repo, target, source, branch) {
  const args = [
    "gate",
    "--repo",
    ".",
    "--from",
    source,
    "--to",
    target,
    "--base",
    "main",
    "--head",
    branch,
    "--json",
  ];
  const result = gitopsPipeline(args, repo);
  // 0 is open and 1 blocked; anything else (bad usage, a CLI without `gate`) printed no verdict.
  if (result.status === 0 || (result.status === 1 && result.stdout.trim().startsWith("{"))) {
    for (const note of result.stderr.split("\n").filter(Boolean)) say(`    ${note}`);
    const gate = JSON.parse(result.stdout);
    return { open: gate.gate === "open", reasons: gate.reasons };
  }
  showOutput(result);
  say(`    ✘ gate exited ${result.status}`);
  return undefined;
}

// ── The pipeline ──

async function main() {
  say("gitops-pipeline demo: the example config repo, from a new build to a production pull request");
  if (!existsSync(cli)) {
    say(`\n${path.relative(root, cli)} is missing: run \`npm run build\` first.`);
    return 1;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), "gitops-pipeline-demo-"));
  const repo = path.join(work, "guestbook-config");
  try {
    step("A config repository");
    cpSync(path.join(root, "examples/config-repo"), repo, { recursive: true });
    git(repo, "init", "-q", "-b", "main");
    commit(repo, "guestbook: dev, staging and production");
    say(`    examples/config-repo copied into a new Git repository at ${repo}`);
    say(indent(git(repo, "ls-files").trim()));

    const image = await buildImage(work);

    step("Validate the config repo (what validate.yml runs on every pull request)");
    const renderer = ["kubectl", "kustomize"].find((name) => which(name));
    const validated = renderer ? gitopsPipeline(["validate", "."], repo) : undefined;
    if (!validated)
      say("    neither kubectl nor kustomize is installed to render the overlays: skipping validation");
    else if (validated.unavailable) say("    validate: not available yet in this build");
    else {
      showOutput(validated);
      say(validated.status === 0 ? "    ✔ no errors" : `    ✘ validate exited ${validated.status}`);
    }

    step("Bump dev to the new image (what ci.yml does after build-push; dev is `mode: commit`)");
    const bumped = gitopsPipeline(["update-tag", "--repo", ".", "--env", "dev", "--image", image], repo);
    if (bumped.unavailable) say("    update-tag: not available yet in this build");
    else {
      showOutput(bumped);
      showDiff(repo);
      const sha = commit(repo, `dev: ${image}`);
      say(sha ? `    committed to main as ${sha}` : "    nothing to commit");
    }

    step("Compare dev and staging");
    const compared = gitopsPipeline(["diff-envs", "--repo", ".", "dev", "staging"], repo);
    if (compared.unavailable) say("    diff-envs: not available yet in this build");
    else showOutput(compared);

    const promote = (from, to) => {
      const branch = `promote/${from}-to-${to}`;
      git(repo, "switch", "-q", "-c", branch, "main");
      const promoted = gitopsPipeline(["promote", "--repo", ".", "--from", from, "--to", to], repo);
      if (promoted.unavailable) {
        say("    promote: not available yet in this build");
        git(repo, "switch", "-q", "main");
        return undefined;
      }
      showOutput(promoted);
      showDiff(repo);
      const sha = commit(repo, `Promote ${from} to ${to}`);
      if (promoted.status !== 0 || !sha) {
        say(promoted.status !== 0 ? `    ✘ promote exited ${promoted.status}` : "    nothing to promote");
        git(repo, "switch", "-q", "main");
        return undefined;
      }
      say(`    on GitHub: pull request ${branch} → main (commit ${sha})`);
      return { branch, sha };
    };

    step("Promote dev → staging (what promote.yml does when dev changes)");
    const staging = promote("dev", "staging");
    if (staging) {
      const gate = evaluateGate(repo, "staging", "dev", staging.branch);
      if (!gate) return 1;
      say(
        `    staging gate: ${gate.open ? "open (no approvals, windows or statuses required)" : gate.reasons.join("; ")}`,
      );
      git(repo, "switch", "-q", "main");
      git(repo, "merge", "-q", "--no-ff", "-m", `Merge ${staging.branch}`, staging.branch);
      say("    merged into main; Argo CD syncs staging on its own (automated sync)");
    }

    step("Promote staging → production (a pull request that waits for its gate)");
    const production = promote("staging", "production");
    if (!production) {
      say("\nproduction: nothing was proposed, so nothing is waiting.");
      return 1;
    }
    const gate = evaluateGate(repo, "production", "staging", production.branch);
    if (!gate) return 1;
    say();
    if (gate.open) {
      say("production: the gate is open — the pull request can be merged.");
      return 0;
    }
    say(`production: still waiting for approval — pull request ${production.branch} is not merged, because:`);
    for (const reason of gate.reasons) say(`  • ${reason}`);
    say();
    say("On GitHub, gate.yml re-evaluates this on every review and every 15 minutes, sets the");
    say("gitops-pipeline/promotion status, and merges once every condition holds.");
    return 0;
  } finally {
    if (options.keep) say(`\n(kept ${repo})`);
    else removeTree(work);
  }
}

process.exitCode = await main();
