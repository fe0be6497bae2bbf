import { chmod, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.js";

/** A build secret as the Dockerfile mounts it (`RUN --mount=type=secret,id=<id>`), from a value or a file. */
export type BuildSecret = { id: string; value: string } | { id: string; file: string };

/** What a builder gets: `--secret id=<id>,src=<file>`; the value itself is only ever in the file. */
export interface SecretMount {
  id: string;
  src: string;
}

const ID_RE = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * `id=value` lines (`secrets`) or `id=path` lines (`secret-files`), as docker/build-push-action writes them. The value
 * is everything after the first '=', untrimmed inside, so a token keeps every character; blank lines are skipped.
 */
export function parseSecrets(raw: string, input: "secrets" | "secret-files"): BuildSecret[] {
  const secrets: BuildSecret[] = [];
  raw.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const eq = line.indexOf("=");
    const id = eq > 0 ? line.slice(0, eq).trim() : "";
    if (!ID_RE.test(id)) {
      // The line may be a secret pasted without its id: never repeat it.
      throw new UserError(`input '${input}' line ${index + 1} does not start with an id and '='`, {
        hint: `Write one ${input === "secrets" ? "id=value" : "id=path"} per line; an id is letters, digits, '_', '.' and '-'.`,
      });
    }
    const rest = line.slice(eq + 1);
    // `id=` alone, or a base64 token whose padding made the split (`dG9rZW4=`): the "id" would be the secret, on the
    // builder's argv and in the provenance.
    if (input === "secrets" && /^=*$/.test(rest)) {
      throw new UserError(`input 'secrets' line ${index + 1} has an id but no value after '='`, {
        hint: "Write one id=value per line (npm_token=<the token from a repository secret>); the id is the name the Dockerfile mounts.",
      });
    }
    secrets.push(input === "secrets" ? { id, value: rest } : { id, file: rest.trim() });
  });
  return secrets;
}

/** Name parts that mark a value as a credential: a build argument with one is probably a secret. */
const CREDENTIAL_WORDS = new Set([
  "token",
  "password",
  "passwd",
  "pwd",
  "secret",
  "key",
  "apikey",
  "credential",
  "credentials",
  "auth",
  "pat",
  "passphrase",
]);

/**
 * Build arguments whose names look like credentials (`NPM_TOKEN`, `dbPassword`, `API_KEY`): their values end up in the
 * provenance and on the builder's argv, where a secret does not belong.
 */
export function credentialLikeNames(names: readonly string[]): string[] {
  return names.filter((name) =>
    name
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((part) => CREDENTIAL_WORDS.has(part)),
  );
}

/** Refuses the same id twice across `secrets` and `secret-files`: the builder would silently use one of them. */
export function checkSecretIds(secrets: BuildSecret[]): BuildSecret[] {
  const seen = new Set<string>();
  for (const secret of secrets) {
    if (seen.has(secret.id)) {
      throw new UserError(`build secret id ${JSON.stringify(secret.id)} is given twice`, {
        hint: "Give each id once, in 'secrets' or in 'secret-files'.",
      });
    }
    seen.add(secret.id);
  }
  return secrets;
}

/**
 * Writes each value secret to its own 0600 file in `dir` (0700, inside the step's run directory that is removed at the
 * end, also on failure), checks each secret file exists, and returns the mounts for the builder.
 */
export async function materializeSecrets(secrets: BuildSecret[], dir: string): Promise<SecretMount[]> {
  if (secrets.length === 0) return [];
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const mounts: SecretMount[] = [];
  for (const [index, secret] of secrets.entries()) {
    if ("value" in secret) {
      const src = path.join(dir, `secret-${index}`);
      await writeFile(src, secret.value, { mode: 0o600, flag: "wx" });
      mounts.push({ id: secret.id, src });
    } else {
      const src = path.resolve(secret.file);
      if (!(await stat(src).catch(() => undefined))?.isFile()) {
        throw new UserError(
          `input 'secret-files': the file for id ${JSON.stringify(secret.id)} is not there: ${secret.file}`,
          {
            file: secret.file,
            hint: "Write the file in an earlier step; the path is relative to the workspace.",
          },
        );
      }
      mounts.push({ id: secret.id, src });
    }
  }
  return mounts;
}
