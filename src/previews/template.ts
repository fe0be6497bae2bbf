import { posix } from "node:path";
import { parseAllDocuments } from "yaml";
import { UserError } from "../errors.js";
import type { RepoReader } from "../update/index.js";

export const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/**
 * Kinds that live outside any namespace. Two previews (and the template's own environment) rendering one of these
 * under the same name would fight over it, so a preview of a template holding one gets a name suffix.
 */
const CLUSTER_SCOPED = new Set([
  "APIService",
  "CertificateSigningRequest",
  "ClusterIssuer",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "PersistentVolume",
  "PriorityClass",
  "RuntimeClass",
  "StorageClass",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
]);
/** Nesting deeper than this is a loop or a mistake; kustomize itself would refuse a cycle. */
const MAX_DEPTH = 12;

/** What a preview needs to know about the overlay it builds from. */
export interface TemplateFacts {
  /** The template's kustomization file. */
  kustomization: string;
  /** Kinds found in its local resources (followed through bases and components). */
  kinds: Set<string>;
}

/** The kustomization file of a directory, or undefined when it holds none. */
export async function kustomizationIn(reader: RepoReader, dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES) {
    const path = posix.join(dir, name);
    if ((await reader.read(path)) !== undefined) return path;
  }
  return undefined;
}

function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith("git@") || entry.includes("?ref=");
}

function documentsOf(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const document of parseAllDocuments(text, { uniqueKeys: false })) {
    if (!("errors" in document) || document.errors.length > 0) continue;
    try {
      const value = document.toJS({ maxAliasCount: 100 });
      if (value && typeof value === "object" && !Array.isArray(value)) out.push(value);
    } catch {
      // An alias bomb or a bad alias: validate-manifests reports such files; here it only hides kinds.
    }
  }
  return out;
}

/**
 * Reads the template through the reader: it must be a directory with a kustomization. Its local resources are
 * followed to learn which kinds it renders; remote ones are not fetched (they cannot be known offline).
 */
export async function readTemplate(
  reader: RepoReader,
  template: string,
  where: { file: string; line: number },
): Promise<TemplateFacts> {
  const kustomization = await kustomizationIn(reader, template);
  if (!kustomization) {
    throw new UserError(`the preview template ${template} has no kustomization`, {
      ...where,
      hint: "Point template at an overlay folder holding a kustomization.yaml (for example apps/NAME/overlays/dev).",
    });
  }
  const kinds = new Set<string>();
  const seen = new Set<string>();
  const visit = async (file: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || seen.has(file)) return;
    seen.add(file);
    const text = await reader.read(file);
    if (text === undefined) return;
    const dir = posix.dirname(file);
    const isKustomization = KUSTOMIZATION_FILES.includes(posix.basename(file));
    for (const doc of documentsOf(text)) {
      if (!isKustomization) {
        if (typeof doc.kind === "string") kinds.add(doc.kind);
        continue;
      }
      for (const key of ["resources", "bases", "components"]) {
        const list = doc[key];
        if (!Array.isArray(list)) continue;
        for (const entry of list) {
          if (typeof entry !== "string" || isRemote(entry)) continue;
          const target = posix.normalize(posix.join(dir, entry));
          if (target.startsWith("../") || target === "..") continue;
          const nested = await kustomizationIn(reader, target).catch(() => undefined);
          await visit(nested ?? target, depth + 1).catch(() => {});
        }
      }
    }
  };
  await visit(kustomization, 0);
  return { kustomization, kinds };
}

/** Whether previews of this template need a name suffix: it renders objects that have no namespace. */
export function needsNameSuffix(facts: TemplateFacts): boolean {
  return [...facts.kinds].some((kind) => CLUSTER_SCOPED.has(kind));
}
