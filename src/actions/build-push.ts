import { readFileSync } from "node:fs";
import os from "node:os";
import * as core from "@actions/core";
import { BUILDERS } from "../builder/argv.js";
import {
  computeMetadata,
  createdTime,
  type GitHubContext,
  isPullRequest,
  parseKeyValues,
  resolveImageName,
  splitTagInputs,
} from "../builder/metadata.js";
import { checkPlatforms } from "../builder/platform.js";
import type { RunContext } from "../builder/provenance.js";
import { checkSecretIds, credentialLikeNames, parseSecrets } from "../builder/secrets.js";
import { UserError } from "../errors.js";
import { authFileCandidates } from "../registry/credentials.js";
import {
  actionsLogger,
  getBoolean,
  getChoice,
  getList,
  getSecret,
  getString,
  logInfo,
  runAction,
  writeSummary,
} from "./runtime.js";

function githubContext(env: NodeJS.ProcessEnv): GitHubContext {
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as Record<string, unknown>;
    } catch (error) {
      throw new UserError(`cannot read the event payload: ${(error as Error).message}`, {
        file: env.GITHUB_EVENT_PATH,
        hint: "The runner writes this file; outside GitHub Actions point GITHUB_EVENT_PATH at a JSON event or unset it.",
      });
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    ref: env.GITHUB_REF ?? "",
    sha: env.GITHUB_SHA ?? "",
    repository: env.GITHUB_REPOSITORY ?? "",
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    payload,
  };
}

/** What the provenance says about the run, from the runner's variables. */
function runContext(env: NodeJS.ProcessEnv, revision: string): RunContext {
  return {
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    repository: env.GITHUB_REPOSITORY ?? "",
    revision,
    ref: env.GITHUB_REF ?? "",
    eventName: env.GITHUB_EVENT_NAME ?? "",
    workflowRef: env.GITHUB_WORKFLOW_REF ?? "",
    runId: env.GITHUB_RUN_ID ?? "",
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? "",
    runnerEnvironment: env.RUNNER_ENVIRONMENT ?? "",
    repositoryId: env.GITHUB_REPOSITORY_ID ?? "",
    repositoryOwnerId: env.GITHUB_REPOSITORY_OWNER_ID ?? "",
  };
}

/**
 * Both or neither. A fork's pull request gets no secrets, so a lone username there must not fail a build that does not
 * push anyway; when pushing it is a mistake to name.
 */
function loginCredentials(username: string, password: string, push: boolean) {
  if (username !== "" && password !== "") return { username, password };
  if (username === "" && password === "") return undefined;
  const missing = username === "" ? "username" : "password";
  if (!push) {
    core.warning(`input '${missing}' is empty, so the build runs without a registry login`);
    return undefined;
  }
  throw new UserError(
    `input '${missing}' is empty but '${missing === "username" ? "password" : "username"}' is set`,
    {
      hint: "Set both to log in. Secrets are empty in pull requests from forks and in repositories that lack them.",
    },
  );
}

/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
export function run(): Promise<void> {
  return runAction(async () => {
    const env = process.env;
    const password = getSecret("password");
    const username = getString("username");
    const context = githubContext(env);
    const push = getBoolean("push", !isPullRequest(context));
    const credentials = loginCredentials(username, password, push);
    const { ref: image, lowercased } = resolveImageName(core.getInput("image"));
    if (lowercased)
      core.notice(
        `image name lowercased to ${image.registry ? `${image.registry}/` : ""}${image.repository}: registries refuse uppercase repository names`,
      );

    const { tags, otherRefs } = splitTagInputs(image, getList("tags"));
    const metadata = computeMetadata(context, {
      latest: getBoolean("latest", false),
      extra: tags,
      labels: parseKeyValues(core.getInput("labels"), "labels"),
      created: createdTime(context, env.SOURCE_DATE_EPOCH, new Date()),
    });
    const buildArgs = parseKeyValues(core.getInput("build-args"), "build-args");
    for (const name of credentialLikeNames(Object.keys(buildArgs))) {
      core.warning(
        `build-arg ${name} looks like a credential: build arguments are recorded in the provenance and on the builder's command line; pass it with 'secrets' (${name}=…) and mount it with RUN --mount=type=secret,id=${name}`,
      );
    }
    const secrets = checkSecretIds([
      ...parseSecrets(getSecret("secrets"), "secrets"),
      ...parseSecrets(getString("secret-files"), "secret-files"),
    ]);
    // Each value masked on its own, so a one-line secret from a multi-line input is hidden wherever it appears.
    for (const secret of secrets)
      if ("value" in secret && secret.value.trim() !== "") core.setSecret(secret.value);
    // The work's code loads only now, so a step with a bad input fails before paying for it.
    const { buildAndPush, summaryMarkdown } = await import("./build-push.work.js");
    const result = await buildAndPush(
      {
        image,
        metadata,
        otherRefs,
        annotations: parseKeyValues(core.getInput("annotations"), "annotations"),
        secrets,
        attestations: {
          sbom: push && getBoolean("sbom", true),
          provenance: push && getBoolean("provenance", true),
          run: runContext(env, metadata.revision),
        },
        context: getString("context", "."),
        file: getString("file") || undefined,
        builder: getChoice("builder", ["auto", ...BUILDERS], "auto"),
        platforms: checkPlatforms(getList("platforms")),
        buildArgs,
        target: getString("target") || undefined,
        cacheFrom: core.getMultilineInput("cache-from"),
        cacheTo: core.getMultilineInput("cache-to"),
        push,
        skipExisting: getBoolean("skip-existing", true),
        insecure: getBoolean("insecure", false),
        credentials,
        authFiles: authFileCandidates(env),
        tempDir: env.RUNNER_TEMP || os.tmpdir(),
        pathVariable: env.PATH ?? "",
        // The builders get the job's environment but not the action's inputs: the password stays in this process.
        env: Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_"))),
      },
      actionsLogger,
    );

    const pinned = result.digest ? `${result.image}@${result.digest}` : "";
    core.setOutput("image", result.image);
    core.setOutput("tag", result.tag);
    core.setOutput("tags", JSON.stringify(result.tags));
    core.setOutput("digest", result.digest);
    core.setOutput("imageid", result.imageId);
    core.setOutput("sbom-path", result.attestations.sbomPath);
    core.setOutput("provenance-path", result.attestations.provenancePath);
    core.setOutput("image-ref", pinned);
    core.setOutput("image-tag-ref", result.digest ? `${result.image}:${result.tag}@${result.digest}` : "");
    core.setOutput(
      "metadata",
      JSON.stringify({
        tags: result.tags,
        refs: result.refs,
        labels: result.labels,
        annotations: result.annotations,
        digest: result.digest,
        imageid: result.imageId,
        builder: result.builder,
        platforms: result.platforms,
        sbom: result.attestations.sbomDigest || undefined,
        provenance: result.attestations.provenanceDigest || undefined,
      }),
    );
    core.setOutput("skipped", String(result.skipped));
    if (result.skipped) {
      const added =
        result.tagsAdded.length > 0 ? `; tags added: ${result.tagsAdded.join(", ")}` : "; no tag added";
      logInfo(
        `${result.image}:${result.tag}@${result.digest} was already in the registry: not built, not pushed${added}`,
      );
    } else if (pinned) logInfo(`pushed ${result.image}:${result.tag}@${result.digest}`);
    await writeSummary(summaryMarkdown(result));
  });
}
