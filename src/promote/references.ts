// A promotion reads image references out of one environment's files and writes their versions into another's,
// into a pull request's table, a commit message and the log. What it reads is repository content: a tag such as
// "sha-1\nnamePrefix: pwned-" must never be copied, compared or printed as if it were a version.
import { isUserError, UserError } from "../errors.js";
import { type ImageRef, imageName, parseImageRef, versionOf, withVersionText } from "../image/index.js";

/** Where a reference was read: the file and line of the value that carries its version. */
export interface ReadReference {
  file: string;
  line: number;
  ref: ImageRef;
}

/** What is wrong with one part of a reference read from a file. */
export interface ReferenceProblem {
  part: "tag" | "digest";
  value: string;
  /** Why the image-reference grammar refuses it (the same check update-tag applies to its inputs). */
  why: string;
  hint: string;
}

/**
 * Checks the tag and digest a finder read from a file the way update-tag checks its inputs: each must parse as
 * exactly that part of `name:tag@digest`. The name needs no check here: finders only recognise names that parse.
 */
export function referenceProblem(ref: ImageRef): ReferenceProblem | undefined {
  const name = imageName(ref);
  const parts: [ReferenceProblem["part"], string | undefined, string][] = [
    ["tag", ref.tag, ":"],
    ["digest", ref.digest, "@"],
  ];
  for (const [part, value, separator] of parts) {
    if (value === undefined) continue;
    let why = `it is not one ${part}`;
    let hint = "Write it as name[:tag][@sha256:<64 hex>].";
    try {
      const parsed = parseImageRef(`${name}${separator}${value}`);
      if (parsed[part] === value && (part === "digest" || parsed.digest === undefined)) continue;
    } catch (error) {
      if (!isUserError(error)) throw error;
      // Offsets count from the start of the value, not of the reference it was checked in.
      why = reasonOf(error.message).replace(
        /at offset (\d+)/,
        (_, at: string) => `at offset ${Number(at) - name.length - separator.length}`,
      );
      hint = error.hint ?? "";
    }
    // "1.0@sha256:…" or "a/b" parse as more than a tag: say that, unless the value is not even one word.
    const foreign = part === "tag" ? /[@:/]/.exec(value) : undefined;
    if (foreign && !/\s|[\u0000-\u001f\u007f]/.test(value)) {
      why = `a tag cannot contain '${foreign[0]}'`;
      hint = "Write the tag alone (1.4.2); a digest goes in its own field.";
    }
    return { part, value, why, hint };
  }
  return undefined;
}

/** `invalid image reference "…": <why> ("<part>")` → `<why>`. */
function reasonOf(message: string): string {
  const match = /^invalid image reference "(?:[^"\\]|\\.)*": (.*) \("(?:[^"\\]|\\.)*"\)$/s.exec(message);
  return match ? match[1]! : message;
}

/** One line naming the problem, with the offending value escaped so it prints as one line. */
export function describeProblem(image: ReadReference, problem: ReferenceProblem): string {
  return (
    `${image.file}:${image.line}: ${imageName(image.ref)} has an invalid ${problem.part} ` +
    `${JSON.stringify(problem.value)} (${problem.why})`
  );
}

/**
 * Refuses the first reference of `images` that update-tag would not accept as input, naming its file:line.
 * `environment` says whose files they are.
 */
export function assertValidReferences(images: Iterable<ReadReference>, environment: string): void {
  for (const image of images) {
    const problem = referenceProblem(image.ref);
    if (!problem) continue;
    throw new UserError(
      `${environment} references ${imageName(image.ref)} with an invalid ${problem.part} ` +
        `${JSON.stringify(problem.value)}: ${problem.why}`,
      {
        file: image.file,
        line: image.line,
        hint:
          `${problem.hint} Correct it in ${image.file} (by hand or with update-tag), then run again: ` +
          "versions are compared and copied only when every reference read is valid.",
      },
    );
  }
}

/**
 * Why `version` (as a change spells it: `tag`, `@digest`, `tag@digest`) is not a valid version of `image`, or
 * undefined when it is one.
 */
export function versionProblem(image: string, version: string): string | undefined {
  try {
    const ref = parseImageRef(withVersionText(image, version));
    if (versionOf(ref) === version) return undefined;
  } catch (error) {
    if (!isUserError(error)) throw error;
    return reasonOf(error.message);
  }
  return "it is not one tag and digest";
}
