import type {
  DeliveryRequest,
  DeploymentRecord,
  ListedFile,
  PromotionRepository,
  PullRequestInfo,
} from "../flows/ports.js";
import type { Logger } from "../logger.js";
import type { RepoReader } from "../update/index.js";
import { checksOf, setStatus } from "./checks.js";
import { deliverThroughGitHub } from "./delivery.js";
import { deploymentHistory } from "./deployment-records.js";
import { recordDeployment } from "./deployments.js";
import { onGitHub } from "./errors.js";
import { branchHead, commitsTouching, compare, fileContents, inHistory, resolveCommit } from "./history.js";
import { mergePullRequest, openPullRequests, pullRequest, reviews } from "./pulls.js";
import { fullName, type GitHubRepository } from "./repository.js";
import { teamMembers, writers } from "./reviewers.js";
import { parseRepository } from "./settings.js";
import { GitHubSnapshot } from "./snapshot.js";

/** A config repository on GitHub, read and written through the API without a clone. */
export class GitHubConfigRepository implements PromotionRepository {
  readonly name: string;
  readonly owner: string;

  /** The repository named by an input; a UserError when it is missing or not `owner/name`. */
  static of(
    clients: GitHubRepository["clients"],
    repository: GitHubRepository["repository"] | undefined,
    logger: Logger,
    runUrl?: string,
  ): GitHubConfigRepository {
    return new GitHubConfigRepository({
      clients,
      repository: repository ?? parseRepository(""),
      logger,
      runUrl,
    });
  }

  constructor(private readonly on: GitHubRepository) {
    this.name = fullName(on);
    this.owner = on.repository.owner;
  }

  snapshotAt(oid: string, patterns: string[] = [], operation?: string): RepoReader {
    const snapshot = new GitHubSnapshot(this.on.clients.read, this.on.repository, patterns);
    snapshot.commit = oid;
    if (!operation) return snapshot;
    // Errors the API answers become the UserError that says what was being read; others pass unchanged.
    const context = { operation, repository: this.name };
    return {
      list: (dir) => onGitHub(context, () => snapshot.list(dir)),
      read: (path) => onGitHub(context, () => snapshot.read(path)),
      encoding: (path) => snapshot.encoding(path),
    };
  }

  resolveCommit(revision: string) {
    return resolveCommit(this.on, revision);
  }
  branchHead(name?: string) {
    return branchHead(this.on, name);
  }
  commitsTouching(from: string, path: string, limit: number) {
    return commitsTouching(this.on, from, path, limit);
  }
  compare(base: string, head: string, operation = `compare ${base} with ${head}`) {
    return compare(this.on, base, head, operation);
  }
  contents(files: ListedFile[], base: string, head: string) {
    return fileContents(this.on, files, base, head);
  }
  inHistory(ancestor: string, descendant: string, operation = `compare ${ancestor} with ${descendant}`) {
    return inHistory(this.on, ancestor, descendant, operation);
  }
  openPullRequests() {
    return openPullRequests(this.on);
  }
  pullRequest(number: number) {
    return pullRequest(this.on, number);
  }
  reviews(number: number) {
    return reviews(this.on, number);
  }
  merge(pr: PullRequestInfo, method: "merge" | "squash" | "rebase") {
    return mergePullRequest(this.on, pr, method);
  }
  teamMembers(reviewers: readonly string[], logins: readonly string[]) {
    return teamMembers(this.on, reviewers, logins);
  }
  writers(logins: readonly string[]) {
    return writers(this.on, logins);
  }
  reportsOn(sha: string, requireStatus: readonly string[]) {
    return checksOf(this.on, sha, requireStatus);
  }
  setStatus(sha: string, status: Parameters<PromotionRepository["setStatus"]>[1]) {
    return setStatus(this.on, sha, status);
  }
  recordDeployment(deployment: DeploymentRecord) {
    return recordDeployment(this.on, deployment);
  }
  deploymentHistory(environment: string, limit: number, since?: Date) {
    return deploymentHistory(this.on, environment, limit, since);
  }
  deliver(request: DeliveryRequest) {
    return deliverThroughGitHub({
      ...request,
      clients: this.on.clients,
      repository: this.on.repository,
      logger: this.on.logger,
    });
  }
}
