import type { BuildPushResult } from "./build-push.js";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The job summary: what the registry now serves, under which names, and how it got there. */
export function summaryMarkdown(result: BuildPushResult): string {
  const lines: string[] = [];
  const heading = result.skipped
    ? `### ${result.image}: already pushed, build skipped`
    : result.pushed
      ? `### ${result.image}: built and pushed`
      : `### ${result.image}: built, not pushed`;
  lines.push(heading, "");
  if (result.digest) {
    lines.push(`Digest: \`${result.digest}\``, "");
    lines.push("| reference | pinned reference |", "| --- | --- |");
    for (const ref of result.refs) lines.push(`| \`${ref}\` | \`${ref}@${result.digest}\` |`);
  } else {
    lines.push("No digest: the image was not pushed, so no registry holds it.", "");
    lines.push("| reference |", "| --- |");
    for (const ref of result.refs) lines.push(`| \`${ref}\` |`);
  }
  lines.push("");
  if (result.skipped) {
    lines.push(
      result.tagsAdded.length > 0
        ? `Tags added to the existing image: ${result.tagsAdded.map((tag) => `\`${tag}\``).join(", ")}`
        : "Every tag already named the existing image; nothing was built, pushed or tagged.",
      "",
    );
  }
  const { attestations } = result;
  if (attestations.sbomPath || attestations.provenancePath) {
    const where = (digest: string) => (digest ? `attached as \`${digest}\`` : "not attached");
    const verb = attestations.reused ? "from the run that built it" : "written";
    if (attestations.sbomPath) {
      const count = attestations.packages === undefined ? "" : ` (${attestations.packages} packages)`;
      lines.push(`SBOM (SPDX 2.3)${count}: ${verb}, ${where(attestations.sbomDigest)}`, "");
    }
    if (attestations.provenancePath) {
      lines.push(`Provenance (SLSA v1, unsigned): ${verb}, ${where(attestations.provenanceDigest)}`, "");
    }
  }
  const builder = result.builder === "none" ? "none (skipped)" : result.builder;
  const platforms = result.platforms.length > 0 ? result.platforms.join(", ") : "the runner's";
  lines.push(`Builder: ${builder} · platforms: ${platforms} · duration: ${seconds(result.durationMs)}`, "");
  return lines.join("\n");
}
