import path from "node:path";
import { UserError } from "../errors.js";
import { loadDocuments } from "./load.js";
import type { ManifestSource } from "./source.js";

/** JSON schemas kept the way kubeconform users keep them: `{group}/{kind}_{version}.json`, kind in lowercase. */
export interface JsonSchemaFile {
  apiVersion: string;
  kind: string;
  schema: unknown;
}

const fileName = /^([a-z0-9-]+)_([a-z0-9]+)\.json$/;

/**
 * Every schema file under `dir` (a group directory per API group, any depth above it). A file that is not valid
 * JSON is an error at its line: a schema that silently checks nothing would hide the findings it was meant to give.
 */
export function readSchemaDirectory(dir: string, source: ManifestSource): JsonSchemaFile[] {
  const out: JsonSchemaFile[] = [];
  const walk = (at: string) => {
    for (const entry of source.list(at)) {
      const full = at === "." ? entry.name : `${at}/${entry.name}`;
      if (entry.dir) {
        if (!entry.name.startsWith(".")) walk(full);
        continue;
      }
      const match = fileName.exec(entry.name);
      const group = path.posix.basename(at);
      if (!match || !group.includes(".")) continue;
      const text = source.read(full) ?? "";
      let schema: unknown;
      try {
        schema = loadDocuments(text)[0];
      } catch (error) {
        const mark = (error as { mark?: { line: number } }).mark;
        const line = (mark?.line ?? 0) + 1;
        throw new UserError(
          `${full}:${line}: not a valid JSON schema file: ${(error as { reason?: string }).reason}`,
          {
            file: full,
            line,
            hint: "Replace it with a JSON schema file (kubeconform's openapi2jsonschema writes them).",
          },
        );
      }
      out.push({ apiVersion: `${group}/${match[2]}`, kind: match[1]!, schema });
    }
  };
  walk(dir);
  return out;
}
