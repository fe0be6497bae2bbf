import { productionEnvironmentOf } from "../argocd.js";
import type { Rule, Violation } from "../types.js";
import { imagesOf } from "../workloads.js";

/**
 * Tags that name one build: a full version (1.4.2, v1.4.2, 1.4.2-rc.1, 1.25.3-alpine, 2024.11.21) or a commit
 * (sha-abc1234, abc1234def). `1.4`, `1`, `main`, `stable` are moved by every release.
 */
const EXACT_VERSION = /^v?\d+(?:\.\d+){2,}(?:[-+_.][0-9A-Za-z][0-9A-Za-z._+-]*)?$/;
const PREFIXED_COMMIT = /^(?:sha|git|commit)-[0-9a-f]{7,64}$/;
/** A bare hex tag counts only with a letter in it: all digits is more likely a date or a counter. */
const BARE_COMMIT = /^(?=[0-9]*[a-f])[0-9a-f]{7,64}$/;

export function isExactTag(tag: string): boolean {
  return EXACT_VERSION.test(tag) || PREFIXED_COMMIT.test(tag) || BARE_COMMIT.test(tag);
}

/** Production runs what was tested: a tag that can be moved can deploy something nobody promoted. */
export const mutableTag: Rule = {
  id: "mutable-tag",
  defaultSeverity: "error",
  description:
    "In production-like environments images must be pinned by digest or by an exact version tag (1.4.2, sha-abc1234).",
  checkResource(resource, context) {
    const environment = productionEnvironmentOf(resource, context);
    if (environment === undefined) return [];
    const violations: Violation[] = [];
    for (const { owner, image, ref, path } of imagesOf(resource)) {
      if (ref.digest !== undefined || (ref.tag !== undefined && isExactTag(ref.tag))) continue;
      violations.push({
        message: `${owner} uses image "${image}" in production environment "${environment}"; ${
          ref.tag === undefined ? "it has no tag" : `tag "${ref.tag}" can be moved`
        }: pin a digest (@sha256:…) or an exact version tag such as 1.4.2`,
        path,
      });
    }
    return violations;
  },
};
