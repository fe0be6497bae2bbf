import { describe, expect, it } from "vitest";
import { isUserError } from "../../src/errors.js";
import { checkSourceCommit, parseSourceTrailers, withSourceTrailers } from "../../src/metrics/trailers.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const good = { repository: "acme/web", sha: SHA, time: "2026-03-01T14:05:09+01:00" };

function refusal(input: typeof good): string {
  try {
    checkSourceCommit(input);
  } catch (error) {
    if (isUserError(error)) return error.message;
    throw error;
  }
  return "accepted";
}

describe("Source-Commit trailers", () => {
  it("append one pair after a blank line, or join an existing trailer block", () => {
    expect(withSourceTrailers("Bump web\n\nweb 1.2 → 1.3", [good])).toBe(
      `Bump web\n\nweb 1.2 → 1.3\n\nSource-Commit: acme/web@${SHA}\nSource-Commit-Time: 2026-03-01T14:05:09+01:00\n`,
    );
    expect(withSourceTrailers("Bump web\n\nSigned-off-by: A <a@example.com>", [good])).toMatch(
      /Signed-off-by: A <a@example.com>\nSource-Commit: /,
    );
  });

  it("refuse a value that would add a line or a trailer, and impossible times", () => {
    expect(refusal({ ...good, repository: "acme/web\nSource-Commit: evil/x@1" })).toMatch(
      /is not owner\/repo/,
    );
    expect(refusal({ ...good, sha: `${SHA}\nX: y` })).toMatch(/is not a full commit id/);
    expect(refusal({ ...good, time: "2026-03-01T14:05:09+01:00\nSource-Commit: a/b@c" })).toMatch(/ISO 8601/);
    expect(refusal({ ...good, time: "2026-02-30T10:00:00Z" })).toMatch(/ISO 8601/);
    expect(refusal({ ...good, time: "2026-03-01T10:00:00" })).toMatch(/ISO 8601/);
    expect(refusal(good)).toBe("accepted");
  });

  it("are read in pairs; a malformed or unpaired one is counted, not trusted", () => {
    const parsed = parseSourceTrailers(
      [
        `Source-Commit: acme/web@${SHA}`,
        "Source-Commit-Time: 2026-03-01T13:05:09Z",
        "Source-Commit-Time: 2026-03-01T13:05:09Z",
        "Source-Commit: acme/api@nothex",
        "Source-Commit-Time: 2026-03-01T13:05:09Z",
        `Source-Commit: acme/api@${SHA}`,
      ].join("\n"),
    );
    expect(parsed.sources).toEqual([
      {
        repository: "acme/web",
        sha: SHA,
        time: "2026-03-01T13:05:09Z",
        timeMs: Date.UTC(2026, 2, 1, 13, 5, 9),
      },
    ]);
    expect(parsed.rejected).toBe(3);
  });
});
