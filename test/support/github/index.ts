export { runHttpBackend, startGitHttpServer } from "../git-http.js";
export { GraphQLFailure, HttpError } from "./errors.js";
export type { Fault, FaultHandle, FaultMatch, FaultOptions } from "./faults.js";
export { BareRepo, runGit, ZERO_OID } from "./git.js";
export { githubSchema } from "./graphql.js";
export { decodeNodeId, nodeId } from "./ids.js";
export type {
  BranchProtection,
  PermissionLevel,
  PullRequest,
  RepoSettings,
  RepoState,
  TokenInfo,
  TokenPermission,
  TokenType,
} from "./model.js";
export {
  GitHubTestServer,
  type RepositorySeed,
  type RequestFilter,
  type RequestRecord,
  type StartOptions,
  startGitHubServer,
  type Violation,
} from "./server.js";
export { loadSpec } from "./spec.js";
