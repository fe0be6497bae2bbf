import { VERSION } from "../version.js";

/** The URI that says how to read this statement's externalParameters; docs/build-push.md describes it. */
export const BUILD_TYPE =
  "https://github.com/gitops-pipeline/gitops-pipeline/blob/v1/docs/build-push.md#build-type-v1";

/** What the workflow run says about itself (GITHUB_* variables and the event), read by the entry. */
export interface RunContext {
  serverUrl: string;
  /** owner/name */
  repository: string;
  /** The commit built (the PR head on pull requests). */
  revision: string;
  ref: string;
  eventName: string;
  /** `owner/name/.github/workflows/ci.yml@refs/heads/main` (GITHUB_WORKFLOW_REF); "" outside Actions. */
  workflowRef: string;
  runId: string;
  runAttempt: string;
  /** `github-hosted` or `self-hosted` (RUNNER_ENVIRONMENT), when the runner says. */
  runnerEnvironment: string;
  repositoryId: string;
  repositoryOwnerId: string;
}

export interface ProvenanceBuild {
  /** The image name and the digest pushed. */
  name: string;
  digest: string;
  builder: string;
  /** The inputs that decided what was built: context, file, target, platforms, tags, build args, labels, annotations. */
  parameters: Record<string, unknown>;
  startedOn: Date;
  finishedOn: Date;
}

function workflowParts(workflowRef: string): { repository: string; path: string; ref: string } | undefined {
  const match = /^([^/]+\/[^/]+)\/(.+)@(.+)$/.exec(workflowRef);
  return match ? { repository: match[1]!, path: match[2]!, ref: match[3]! } : undefined;
}

/**
 * An in-toto Statement v1 with an SLSA provenance v1 predicate about the pushed image: which workflow built it from
 * which commit, with which parameters, in which run. Unsigned: signing is what GitHub's attestation action adds on the
 * `digest` output (see the example workflow).
 */
export function provenanceStatement(run: RunContext, build: ProvenanceBuild): object {
  const server = run.serverUrl.replace(/\/+$/, "");
  const workflow = workflowParts(run.workflowRef);
  const hex = build.digest.replace(/^sha256:/, "");
  const runUrl = run.runId
    ? `${server}/${run.repository}/actions/runs/${run.runId}${run.runAttempt ? `/attempts/${run.runAttempt}` : ""}`
    : undefined;
  return {
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: build.name, digest: { sha256: hex } }],
    predicateType: "https://slsa.dev/provenance/v1",
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          workflow: workflow
            ? { ref: workflow.ref, repository: `${server}/${workflow.repository}`, path: workflow.path }
            : undefined,
          event: { name: run.eventName, ref: run.ref },
          build: build.parameters,
        },
        internalParameters: {
          github: {
            event_name: run.eventName,
            repository_id: run.repositoryId || undefined,
            repository_owner_id: run.repositoryOwnerId || undefined,
            runner_environment: run.runnerEnvironment || undefined,
          },
          builder: build.builder,
        },
        resolvedDependencies: [
          {
            uri: `git+${server}/${run.repository}${run.ref ? `@${run.ref}` : ""}`,
            digest: { gitCommit: run.revision },
          },
        ],
      },
      runDetails: {
        builder: {
          id: workflow ? `${server}/${run.workflowRef}` : `${server}/${run.repository}`,
          version: { "gitops-pipeline/build-push": VERSION },
        },
        metadata: {
          ...(runUrl ? { invocationId: runUrl } : {}),
          startedOn: build.startedOn.toISOString(),
          finishedOn: build.finishedOn.toISOString(),
        },
      },
    },
  };
}
