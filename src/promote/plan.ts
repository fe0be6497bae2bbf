import { UserError } from "../errors.js";
import {
  formatImageRef,
  type ImageRef,
  imageName,
  normalizedName,
  parseImageRef,
  versionOf,
} from "../image/index.js";
import {
  type Change,
  type ChangeSet,
  findImages,
  type UpdateOptions,
  updateFile,
} from "../manifests/index.js";
import { type RepoReader, resolvePaths } from "../update/index.js";
import { appOf, pairApps } from "./pairing.js";
import { assertValidReferences } from "./references.js";

/** The part of an environment a promotion reads: its name and its paths. */
export interface EnvironmentPaths {
  name: string;
  paths: readonly string[];
}

/** One image reference an environment's files hold, with the app whose files hold it. */
export interface AppImage {
  app: string;
  file: string;
  line: number;
  ref: ImageRef;
}

/** What an environment runs, read from its files: every reference, grouped by app, plus the files' contents. */
export interface EnvironmentImages {
  name: string;
  apps: Map<string, AppImage[]>;
  files: Map<string, { app: string; content: string }>;
}

export async function readEnvironment(
  reader: RepoReader,
  env: EnvironmentPaths,
  options: UpdateOptions = {},
): Promise<EnvironmentImages> {
  const paths = await resolvePaths(reader, [...env.paths]);
  const contents = await Promise.all(paths.map(async (path) => (await reader.read(path)) ?? ""));
  const apps = new Map<string, AppImage[]>();
  const files = new Map<string, { app: string; content: string }>();
  paths.forEach((file, index) => {
    const app = appOf(file, env.paths) ?? file;
    const content = contents[index]!;
    files.set(file, { app, content });
    const images = apps.get(app) ?? [];
    for (const located of findImages(file, content, options)) {
      images.push({ app, file, line: located.line, ref: located.ref });
    }
    apps.set(app, images);
  });
  return { name: env.name, apps, files };
}

/** One line of the promotion table: an app's image moving from the target's version to the source's. */
export interface PromotionRow {
  app: string;
  image: string;
  from: string;
  to: string;
}

export interface PromotionPlan extends ChangeSet {
  from: string;
  to: string;
  rows: PromotionRow[];
  /** Images a source app runs that its target app does not reference: reported, never added. */
  unreferenced: { app: string; image: string; version: string }[];
  /** Source apps with no counterpart in the target (and the reverse). */
  unpaired: { app: string; onlyIn: string }[];
  /** One source app promoted into several target apps (a fleet of cluster overlays), when that happened. */
  fanOut?: { source: string; targets: string[] };
}

export interface PromotionOptions extends UpdateOptions {
  /** Promote only these apps (names from the paths' wildcards). */
  apps?: readonly string[];
  /** Promote only these images (full names, or the last part of the name). */
  images?: readonly string[];
}

function imageMatcher(filters: readonly string[] | undefined) {
  if (!filters || filters.length === 0) return undefined;
  const wanted = filters.map((filter) => ({
    filter,
    name: filter.includes("/") ? normalizedName(parseImageRef(filter)) : undefined,
    used: false,
  }));
  const matches = (ref: ImageRef) => {
    let hit = false;
    for (const w of wanted) {
      const last = ref.repository.split("/").at(-1);
      if (w.name === normalizedName(ref) || (w.name === undefined && w.filter === last)) {
        w.used = true;
        hit = true;
      }
    }
    return hit;
  };
  return { matches, unused: () => wanted.filter((w) => !w.used).map((w) => w.filter) };
}

/**
 * The source version of each image an app runs; two different versions of one image cannot be promoted. Images the
 * filter leaves out are not looked at: an ambiguity there must not block promoting the others.
 */
function sourceVersions(
  env: string,
  app: string,
  images: readonly AppImage[],
  keep: (ref: ImageRef) => boolean,
): Map<string, AppImage> {
  const byName = new Map<string, AppImage[]>();
  for (const image of images) {
    if (image.ref.tag === undefined && image.ref.digest === undefined) continue;
    if (!keep(image.ref)) continue;
    assertValidReferences([image], env);
    const name = normalizedName(image.ref);
    byName.set(name, [...(byName.get(name) ?? []), image]);
  }
  const chosen = new Map<string, AppImage>();
  for (const [name, candidates] of byName) {
    const versions = new Set(candidates.map((c) => versionOf(c.ref)));
    if (versions.size > 1) {
      throw new UserError(
        `app ${app} in ${env} runs ${name} at ${versions.size} different versions, so which one to promote is ambiguous:\n` +
          candidates.map((c) => `    ${c.file}:${c.line}: ${formatImageRef(c.ref)}`).join("\n"),
        {
          file: candidates[0]!.file,
          line: candidates[0]!.line,
          hint: `Make ${env} use one version of ${name} in app ${app}, or promote the other images with --image.`,
        },
      );
    }
    chosen.set(name, candidates[0]!);
  }
  return chosen;
}

/**
 * Plans a promotion: for every app both environments have, each image the target references takes the version
 * the source runs (tag and digest). Only image references change; everything else in the target's files stays.
 * Pure apart from reading through `reader`; throws before anything could be written.
 */
export async function planPromotion(
  reader: RepoReader,
  source: EnvironmentPaths,
  target: EnvironmentPaths,
  options: PromotionOptions = {},
): Promise<PromotionPlan> {
  const [from, to] = await Promise.all([
    readEnvironment(reader, source, options),
    readEnvironment(reader, target, options),
  ]);
  return planBetween(from, to, options);
}

/**
 * The same plan from environments already read, possibly at different commits: a rollback reads its "source"
 * (the target at an earlier revision) from history.
 */
export function planBetween(
  from: EnvironmentImages,
  to: EnvironmentImages,
  options: PromotionOptions = {},
): PromotionPlan {
  const source = { name: from.name };
  const target = { name: to.name };
  const wantedApps = options.apps && options.apps.length > 0 ? new Set(options.apps) : undefined;
  const allPairs = pairApps([...from.apps.keys()].sort(), [...to.apps.keys()].sort(), {
    from: source.name,
    to: target.name,
  });
  for (const app of wantedApps ?? []) {
    if (!allPairs.some((pair) => pair.source === app || pair.target === app)) {
      const both = allPairs.map((pair) => pair.target);
      throw new UserError(`app ${JSON.stringify(app)} is not in both ${source.name} and ${target.name}`, {
        hint: `Apps in both: ${both.join(", ") || "none"}. App names come from the wildcard parts of the environments' paths.`,
      });
    }
  }
  const pairs = allPairs.filter(
    (pair) => !wantedApps || wantedApps.has(pair.source) || wantedApps.has(pair.target),
  );
  const imageFilter = imageMatcher(options.images);

  const plan: PromotionPlan = {
    from: source.name,
    to: target.name,
    rows: [],
    unreferenced: [],
    unpaired: [],
    changes: [],
    files: [],
  };
  const fanned = pairs.filter((pair) => pair.source !== pair.target);
  if (fanned.length > 1 && fanned.every((pair) => pair.source === fanned[0]!.source)) {
    plan.fanOut = { source: fanned[0]!.source, targets: fanned.map((pair) => pair.target) };
  }
  const paired = new Set(allPairs.map((pair) => pair.source));
  for (const app of [...from.apps.keys()].sort()) {
    if ((!wantedApps || wantedApps.has(app)) && !paired.has(app))
      plan.unpaired.push({ app, onlyIn: source.name });
  }
  const keep = (ref: ImageRef) => !imageFilter || imageFilter.matches(ref);
  // Each source app's versions are read once, however many targets take them.
  const chosen = new Map<string, Map<string, AppImage>>();
  for (const { source: from_, target: app } of pairs) {
    let versions = chosen.get(from_);
    if (!versions) {
      versions = sourceVersions(source.name, from_, from.apps.get(from_)!, keep);
      chosen.set(from_, versions);
    }
    const targetNames = new Set(to.apps.get(app)!.map((image) => normalizedName(image.ref)));
    const refs: ImageRef[] = [];
    for (const [name, image] of versions) {
      if (!targetNames.has(name)) {
        plan.unreferenced.push({ app, image: imageName(image.ref), version: versionOf(image.ref) });
        continue;
      }
      refs.push(image.ref);
    }
    if (refs.length === 0) continue;
    // The target's current versions go into the table, the commit message and the log: they are read, so checked.
    const promoted = new Set(refs.map(normalizedName));
    assertValidReferences(
      to.apps.get(app)!.filter((image) => promoted.has(normalizedName(image.ref))),
      target.name,
    );
    for (const [file, { app: fileApp, content }] of to.files) {
      if (fileApp !== app) continue;
      const result = updateFile(file, content, refs, options);
      if (result.changes.length === 0) continue;
      plan.changes.push(...result.changes);
      plan.files.push({ path: file, before: content, after: result.content });
      plan.rows.push(...rowsOf(app, result.changes, plan.rows));
    }
  }
  const targeted = new Set(allPairs.map((pair) => pair.target));
  for (const app of [...to.apps.keys()].sort()) {
    if (!targeted.has(app) && (!wantedApps || wantedApps.has(app))) {
      plan.unpaired.push({ app, onlyIn: target.name });
    }
  }
  const unused = imageFilter?.unused() ?? [];
  if (unused.length > 0) {
    throw new UserError(
      `image filter ${unused.map((u) => JSON.stringify(u)).join(", ")} matches no image in ${source.name}`,
      {
        hint: "Give the image name as the manifests write it (ghcr.io/acme/web) or its last part (web).",
      },
    );
  }
  return plan;
}

/** Table rows for one file's changes, skipping rows already listed (an image referenced in several files). */
function rowsOf(app: string, changes: readonly Change[], existing: readonly PromotionRow[]): PromotionRow[] {
  const rows: PromotionRow[] = [];
  for (const change of changes) {
    const row = { app, image: change.image, from: change.from, to: change.to };
    const same = (r: PromotionRow) =>
      r.app === row.app && r.image === row.image && r.from === row.from && r.to === row.to;
    if (!existing.some(same) && !rows.some(same)) rows.push(row);
  }
  return rows;
}

/** One difference between two environments: an app's image at different versions (or missing on one side). */
export interface EnvironmentDifference {
  app: string;
  image: string;
  /** Versions per environment, in the order given; empty when that side does not reference the image. */
  versions: [string[], string[]];
}

/** Differences in image references per app between two environments (what `diff-envs` prints). */
export async function diffEnvironments(
  reader: RepoReader,
  left: EnvironmentPaths,
  right: EnvironmentPaths,
  options: UpdateOptions = {},
): Promise<{ differences: EnvironmentDifference[]; apps: number }> {
  const sides = await Promise.all([
    readEnvironment(reader, left, options),
    readEnvironment(reader, right, options),
  ]);
  for (const side of sides) assertValidReferences([...side.apps.values()].flat(), side.name);
  const apps = [...new Set([...sides[0].apps.keys(), ...sides[1].apps.keys()])].sort();
  const differences: EnvironmentDifference[] = [];
  for (const app of apps) {
    const names = new Map<string, string>();
    const versions = sides.map((side) => {
      const byName = new Map<string, Set<string>>();
      for (const image of side.apps.get(app) ?? []) {
        const name = normalizedName(image.ref);
        if (!names.has(name)) names.set(name, imageName(image.ref));
        byName.set(name, (byName.get(name) ?? new Set()).add(versionOf(image.ref)));
      }
      return byName;
    });
    for (const [name, shown] of [...names].sort((a, b) => a[1].localeCompare(b[1]))) {
      const pair = versions.map((v) => [...(v.get(name) ?? [])].sort()) as [string[], string[]];
      if (pair[0].join() !== pair[1].join()) differences.push({ app, image: shown, versions: pair });
    }
  }
  return { differences, apps: apps.length };
}
