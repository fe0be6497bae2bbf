import { posix } from "node:path";
import { Document, parseDocument } from "yaml";
import { DNS_LABEL, fillNumber, type PreviewConfig } from "../environments/previews.js";
import { UserError } from "../errors.js";
import { formatImageRef, type ImageRef, imageName, normalizedName, versionOf } from "../image/index.js";
import type { Change } from "../manifests/index.js";
import type { RepoReader, UpdatePlan } from "../update/index.js";
import { MAX_PULL_REQUEST_NUMBER } from "./number.js";
import { needsNameSuffix, readTemplate } from "./template.js";

export { parsePullRequestNumber } from "./number.js";

/** Annotations on a preview's kustomization: which preview it is and when it was made and last changed. */
export const MARKER = {
  preview: "gitops-pipeline.dev/preview",
  pullRequest: "gitops-pipeline.dev/pull-request",
  created: "gitops-pipeline.dev/created",
  updated: "gitops-pipeline.dev/updated",
} as const;
const KUSTOMIZATION = "kustomization.yaml";
const NAMESPACE_FILE = "namespace.yaml";

/** What happened (or would happen) to one preview. */
export interface PreviewOutcome {
  number: number;
  path: string;
  namespace: string;
  action: "created" | "updated" | "unchanged" | "removed" | "kept";
  /** Why a sweep removed it (or kept it). */
  reason?: string;
  images: string[];
}

/** A change set that can also delete files: what a preview commit carries. */
export interface PreviewPlan extends UpdatePlan {
  deletions: { path: string }[];
  previews: PreviewOutcome[];
}

/** A preview found in the repository, with what its marker says. */
export interface FoundPreview {
  number: number;
  path: string;
  namespace?: string;
  created?: Date;
  updated?: Date;
  images: string[];
}

/** Where preview N lives and what its namespace is; both checked again for this very number. */
export function previewPlace(preview: PreviewConfig, number: number): { path: string; namespace: string } {
  const path = posix.normalize(fillNumber(preview.path, number));
  const namespace = fillNumber(preview.namespace, number);
  if (path.startsWith("../") || posix.isAbsolute(path) || !DNS_LABEL.test(namespace)) {
    throw new UserError(
      `preview ${preview.name} for #${number} would be at ${path} in namespace ${namespace}, which is not allowed`,
    );
  }
  return { path, namespace };
}

interface Existing {
  annotations: Record<string, string>;
  images: ImageEntry[];
  namespace?: string;
}

/** What an existing preview kustomization says; a file that does not parse says nothing (it is rewritten). */
function readExisting(text: string | undefined): Existing {
  const empty: Existing = { annotations: {}, images: [] };
  if (text === undefined) return empty;
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return empty;
  let value: { metadata?: { annotations?: unknown }; images?: unknown; namespace?: unknown } | null;
  try {
    value = doc.toJS({ maxAliasCount: 10 });
  } catch {
    return empty;
  }
  const annotations: Record<string, string> = {};
  const raw = value?.metadata?.annotations;
  if (raw && typeof raw === "object") {
    for (const [key, item] of Object.entries(raw)) if (typeof item === "string") annotations[key] = item;
  }
  const images = Array.isArray(value?.images)
    ? value.images.filter((entry): entry is ImageEntry => typeof entry?.name === "string")
    : [];
  return {
    annotations,
    images,
    ...(typeof value?.namespace === "string" ? { namespace: value.namespace } : {}),
  };
}

interface ImageEntry {
  name: string;
  newTag?: string;
  digest?: string;
}

const entryText = (entry: ImageEntry) =>
  `${entry.name}${entry.newTag ? `:${entry.newTag}` : ""}${entry.digest ? `@${entry.digest}` : ""}`;

function date(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const value = new Date(text);
  return Number.isNaN(value.getTime()) ? undefined : value;
}

/** The preview's kustomization, the same bytes for the same inputs. */
function renderKustomization(input: {
  preview: PreviewConfig;
  number: number;
  path: string;
  namespace: string;
  template: string;
  suffix: boolean;
  namespaceFile: boolean;
  images: ImageEntry[];
  created: string;
  updated: string;
}): string {
  const resources = [posix.relative(input.path, input.template)];
  if (input.namespaceFile) resources.push(NAMESPACE_FILE);
  const body: Record<string, unknown> = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    metadata: {
      name: `${input.preview.name}-pr-${input.number}`,
      annotations: {
        [MARKER.preview]: input.preview.name,
        [MARKER.pullRequest]: String(input.number),
        [MARKER.created]: input.created,
        [MARKER.updated]: input.updated,
      },
    },
    namespace: input.namespace,
    ...(input.suffix ? { nameSuffix: `-pr-${input.number}` } : {}),
    resources,
    ...(input.images.length > 0 ? { images: input.images } : {}),
  };
  const document = new Document(body);
  document.commentBefore =
    ` Preview of pull request #${input.number} (${input.preview.name}), written by gitops-pipeline.\n` +
    " Built from the template; removed when the pull request closes or by a sweep.";
  return document.toString({ lineWidth: 0 });
}

function renderNamespace(namespace: string, preview: PreviewConfig, number: number): string {
  const document = new Document({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: namespace,
      labels: { [MARKER.preview]: preview.name, [MARKER.pullRequest]: String(number) },
    },
  });
  document.commentBefore =
    " Shipped with the preview so that pruning removes it with the preview (a namespace made by CreateNamespace=true is left behind).";
  return document.toString({ lineWidth: 0 });
}

function emptyPlan(): PreviewPlan {
  return { changes: [], files: [], deletions: [], missing: [], scanned: [], previews: [] };
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}

/**
 * Plans preview N: a kustomization that builds from the template in its own namespace (shipping that Namespace
 * unless the template already renders one, which the namespace setting then renames), with a name suffix when the
 * template renders cluster-wide objects, and the given images. Without images the preview keeps the ones it has.
 * Running it again with the same images plans nothing: the timestamps only move when something else does.
 */
export async function planPreviewUpdate(
  reader: RepoReader,
  preview: PreviewConfig,
  request: { number: number; images: ImageRef[]; now: Date; configFile: string },
): Promise<PreviewPlan> {
  const { path, namespace } = previewPlace(preview, request.number);
  const facts = await readTemplate(reader, preview.template, {
    file: request.configFile,
    line: preview.templateLine,
  });
  const seen = new Map<string, ImageRef>();
  for (const image of request.images) {
    if (image.tag === undefined && image.digest === undefined) {
      throw new UserError(`image ${formatImageRef(image)} has no tag or digest`, {
        hint: "Give the pull request's image as name:tag, e.g. ghcr.io/acme/web:pr-42.",
      });
    }
    const other = seen.get(normalizedName(image));
    if (other && versionOf(other) !== versionOf(image))
      throw new UserError(`image ${imageName(image)} is given twice with different versions`);
    seen.set(normalizedName(image), image);
  }
  const file = posix.join(path, KUSTOMIZATION);
  const namespacePath = posix.join(path, NAMESPACE_FILE);
  const [existing, existingNamespace] = await Promise.all([reader.read(file), reader.read(namespacePath)]);
  const { annotations: marker, images: previous } = readExisting(existing);
  const images: ImageEntry[] =
    request.images.length > 0
      ? [...seen.values()]
          .map((image) => ({
            name: imageName(image),
            ...(image.tag !== undefined ? { newTag: image.tag } : {}),
            ...(image.digest !== undefined ? { digest: image.digest } : {}),
          }))
          .sort((a, b) => a.name.localeCompare(b.name))
      : previous;
  const namespaceFile = !facts.kinds.has("Namespace");
  const stamp = request.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const input = {
    preview,
    number: request.number,
    path,
    namespace,
    template: preview.template,
    suffix: needsNameSuffix(facts),
    namespaceFile,
    images,
    created: marker[MARKER.created] ?? stamp,
    updated: marker[MARKER.updated] ?? stamp,
  };
  let after = renderKustomization(input);
  if (existing !== undefined && after !== existing) after = renderKustomization({ ...input, updated: stamp });
  const namespaceText = renderNamespace(namespace, preview, request.number);

  const plan = emptyPlan();
  plan.scanned = [file, namespacePath];
  if (after !== existing) plan.files.push({ path: file, before: existing ?? "", after });
  if (namespaceFile && namespaceText !== existingNamespace)
    plan.files.push({ path: namespacePath, before: existingNamespace ?? "", after: namespaceText });
  if (!namespaceFile && existingNamespace !== undefined) plan.deletions.push({ path: namespacePath });
  const before = new Map(previous.map((entry) => [entry.name, entry]));
  for (const entry of images) {
    const old = before.get(entry.name);
    if (old && entryText(old) === entryText(entry)) continue;
    const change: Change = {
      file,
      line: lineOf(after, `name: ${entry.name}`),
      image: entry.name,
      from: old ? entryText(old).slice(old.name.length).replace(/^:/, "") : "",
      to: entryText(entry).slice(entry.name.length).replace(/^:/, ""),
    };
    plan.changes.push(change);
  }
  const changed = plan.files.length > 0 || plan.deletions.length > 0;
  plan.previews.push({
    number: request.number,
    path,
    namespace,
    action: !changed ? "unchanged" : existing === undefined ? "created" : "updated",
    images: images.map(entryText),
  });
  return plan;
}

/** Every file under a directory (symlinks included, as entries to delete), depth first. */
async function filesUnder(reader: RepoReader, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await reader.list(dir)) {
    const path = posix.join(dir, entry.name);
    if (entry.type === "dir") out.push(...(await filesUnder(reader, path)));
    else out.push(path);
  }
  return out.sort();
}

/** Plans removing preview N: every file of its folder. Nothing to do when it does not exist. */
export async function planPreviewDelete(
  reader: RepoReader,
  preview: PreviewConfig,
  number: number,
): Promise<PreviewPlan> {
  const { path, namespace } = previewPlace(preview, number);
  const plan = emptyPlan();
  const files = await filesUnder(reader, path);
  plan.deletions.push(...files.map((file) => ({ path: file })));
  plan.previews.push({
    number,
    path,
    namespace,
    action: files.length > 0 ? "removed" : "unchanged",
    images: [],
  });
  return plan;
}

/** The folder every preview of this entry lives in, and how a preview's folder name carries its number. */
function previewRoot(preview: PreviewConfig): { root: string; name: RegExp } {
  const root = posix.dirname(preview.path);
  const last = posix.basename(preview.path);
  const source = last
    .split("{number}")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("([1-9][0-9]{0,9})");
  return { root: root === "." ? "" : root, name: new RegExp(`^${source}$`) };
}

/** The previews of an entry that exist in the repository, by pull request number. */
export async function listPreviews(reader: RepoReader, preview: PreviewConfig): Promise<FoundPreview[]> {
  const { root, name } = previewRoot(preview);
  const found: FoundPreview[] = [];
  for (const entry of await reader.list(root)) {
    const match = entry.type === "dir" ? name.exec(entry.name) : null;
    if (!match) continue;
    const numbers = match.slice(1).map(Number);
    if (numbers.some((n) => n !== numbers[0]) || numbers[0]! > MAX_PULL_REQUEST_NUMBER) continue;
    const path = posix.join(root, entry.name);
    const text = await reader.read(posix.join(path, KUSTOMIZATION));
    const existing = readExisting(text);
    found.push({
      number: numbers[0]!,
      path,
      namespace: existing.namespace,
      created: date(existing.annotations[MARKER.created]),
      updated: date(existing.annotations[MARKER.updated]),
      images: existing.images.map(entryText),
    });
  }
  return found.sort((a, b) => a.number - b.number);
}

/**
 * Plans a sweep: previews whose pull request is not open (when the open ones are known) or that were last
 * updated longer ago than the ttl are removed, all in one change set.
 */
export async function planSweep(
  reader: RepoReader,
  preview: PreviewConfig,
  facts: { now: Date; open?: ReadonlySet<number> },
): Promise<PreviewPlan> {
  const plan = emptyPlan();
  for (const found of await listPreviews(reader, preview)) {
    let reason: string | undefined;
    if (facts.open && !facts.open.has(found.number)) reason = `pull request #${found.number} is not open`;
    else if (preview.ttlMs !== undefined) {
      const since = found.updated ?? found.created;
      if (since && facts.now.getTime() - since.getTime() > preview.ttlMs)
        reason = `not updated for longer than ${preview.ttl} (since ${since.toISOString()})`;
    }
    const namespace = found.namespace ?? fillNumber(preview.namespace, found.number);
    if (!reason) {
      plan.previews.push({
        number: found.number,
        path: found.path,
        namespace,
        action: "kept",
        images: found.images,
      });
      continue;
    }
    const files = await filesUnder(reader, found.path);
    plan.deletions.push(...files.map((file) => ({ path: file })));
    plan.previews.push({
      number: found.number,
      path: found.path,
      namespace,
      action: "removed",
      reason,
      images: found.images,
    });
  }
  return plan;
}
