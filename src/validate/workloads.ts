import { type ImageRef, parseImageRef } from "../image/ref.js";
import { applicationImageOverrides } from "./argocd.js";
import { apiGroup, getAt, isObj, isPlaceholder, listAt, type Obj, objAt } from "./object.js";
import type { ObjectPath, Resource, Rule, RuleContext, Violation } from "./types.js";

/**
 * Where each workload kind keeps its pod: one table so that every rule about containers, labels and selectors
 * agrees on which kinds run pods and where.
 */
interface WorkloadShape {
  /** Path to the pod template (`metadata` + `spec`); empty for a bare Pod, whose own object is the template. */
  template: ObjectPath;
  /** Path to the label selector, for kinds that have one. */
  selector?: ObjectPath;
  /** Pods of run-to-completion kinds exit by design: no probes expected. */
  runsToCompletion?: boolean;
  /** ReplicationController's selector is a plain label map, not a LabelSelector. */
  plainSelector?: boolean;
}

const TEMPLATED: WorkloadShape = { template: ["spec", "template"], selector: ["spec", "selector"] };

const SHAPES: Record<string, WorkloadShape> = {
  "/Pod": { template: [] },
  "/ReplicationController": { ...TEMPLATED, plainSelector: true },
  "/PodTemplate": { template: ["template"] },
  "apps/Deployment": TEMPLATED,
  "apps/StatefulSet": TEMPLATED,
  "apps/DaemonSet": TEMPLATED,
  "apps/ReplicaSet": TEMPLATED,
  // Removed in Kubernetes 1.16 but still committed; removed-api reports them, the pod rules still apply.
  "extensions/Deployment": TEMPLATED,
  "extensions/DaemonSet": TEMPLATED,
  "extensions/ReplicaSet": TEMPLATED,
  "batch/Job": { ...TEMPLATED, runsToCompletion: true },
  "batch/CronJob": {
    template: ["spec", "jobTemplate", "spec", "template"],
    selector: ["spec", "jobTemplate", "spec", "selector"],
    runsToCompletion: true,
  },
  "argoproj.io/Rollout": TEMPLATED,
};

export interface PodLocation {
  /** Path to the pod template; its `metadata.labels` are the pod's labels. */
  templatePath: ObjectPath;
  /** Path to the pod spec. */
  specPath: ObjectPath;
  spec: Obj;
  labels: Record<string, string>;
  selectorPath?: ObjectPath;
  plainSelector: boolean;
  /** False for Jobs, CronJobs and Pods that do not restart. */
  longRunning: boolean;
}

function workloadShape(resource: Resource): WorkloadShape | undefined {
  return SHAPES[`${apiGroup(resource.id.apiVersion)}/${resource.id.kind}`];
}

/** The pod a workload runs, or undefined for kinds that run none (or a Rollout using `workloadRef`). */
export function podOf(resource: Resource): PodLocation | undefined {
  const shape = workloadShape(resource);
  if (!shape) return undefined;
  const specPath = [...shape.template, "spec"];
  const spec = objAt(resource.object, specPath);
  if (!spec) return undefined;
  const restartPolicy = spec["restartPolicy"];
  return {
    templatePath: shape.template,
    specPath,
    spec,
    labels: stringMap(getAt(resource.object, [...shape.template, "metadata", "labels"])),
    selectorPath: shape.selector,
    plainSelector: shape.plainSelector ?? false,
    longRunning:
      !shape.runsToCompletion &&
      !(resource.id.kind === "Pod" && (restartPolicy === "Never" || restartPolicy === "OnFailure")),
  };
}

export type ContainerRole = "container" | "init" | "sidecar";

export interface ContainerLocation {
  container: Obj;
  name: string;
  path: ObjectPath;
  /** `sidecar` is an init container with `restartPolicy: Always`, which runs alongside the app. */
  role: ContainerRole;
  pod: PodLocation;
}

/** Most rules walk the same containers; walk them once per resource. */
const containerCache = new WeakMap<Resource, readonly ContainerLocation[]>();

/** Every container and init container of a workload, with its path. Ephemeral containers are debug-only. */
export function containersOf(resource: Resource): readonly ContainerLocation[] {
  let found = containerCache.get(resource);
  if (!found) {
    found = findContainers(resource);
    containerCache.set(resource, found);
  }
  return found;
}

function findContainers(resource: Resource): ContainerLocation[] {
  const pod = podOf(resource);
  if (!pod) return [];
  const found: ContainerLocation[] = [];
  for (const field of ["initContainers", "containers"] as const) {
    listAt(pod.spec, [field]).forEach((container, index) => {
      if (!isObj(container)) return;
      const role: ContainerRole =
        field === "containers" ? "container" : container["restartPolicy"] === "Always" ? "sidecar" : "init";
      found.push({
        container,
        name: typeof container["name"] === "string" ? container["name"] : `#${index}`,
        path: [...pod.specPath, field, index],
        role,
        pod,
      });
    });
  }
  return found;
}

/** A rule's checkResource that judges each container on its own: the shape most pod rules share. */
export function eachContainer(
  check: (
    location: ContainerLocation,
    resource: Resource,
    context: RuleContext,
  ) => Violation | Violation[] | undefined,
): NonNullable<Rule["checkResource"]> {
  return (resource, context) =>
    containersOf(resource).flatMap((location) => check(location, resource, context) ?? []);
}

/** "container "app"" / "init container "migrate"", for messages. */
export function describeContainer(location: ContainerLocation): string {
  return `${location.role === "container" ? "container" : "init container"} "${location.name}"`;
}

export interface LocatedImage {
  /** Who runs it, for messages: `container "web"`, `Application kustomize image override`. */
  owner: string;
  image: string;
  ref: ImageRef;
  path: ObjectPath;
}

/**
 * Images of all containers, and an Argo CD Application's kustomize overrides, that parse as references.
 * Placeholders and malformed references are left to other checks (schema, substitution) rather than guessed at.
 */
export function imagesOf(resource: Resource): LocatedImage[] {
  const written = [
    ...containersOf(resource).map((location) => ({
      owner: describeContainer(location),
      image: location.container["image"],
      path: [...location.path, "image"],
    })),
    ...applicationImageOverrides(resource).map(({ image, path }) => ({
      owner: `${resource.id.kind} kustomize image override`,
      image,
      path,
    })),
  ];
  return written.flatMap(({ owner, image, path }) => {
    if (typeof image !== "string" || image === "" || isPlaceholder(image)) return [];
    try {
      return [{ owner, image, ref: parseImageRef(image), path }];
    } catch {
      return [];
    }
  });
}

export function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isObj(value)) return result;
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || entry === undefined) continue;
    result[key] = String(entry);
  }
  return result;
}

/** True when a plain label map (Service, ReplicationController selectors) selects `labels`. */
export function mapSelects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}
