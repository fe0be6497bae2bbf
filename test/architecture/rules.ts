/**
 * The layout rules of src/, in one table: which layer each file belongs to, what each layer may import, which
 * packages only some places may use, who may read process.env, and how long a file may grow. docs/architecture.md
 * explains them; test/architecture/imports.test.ts enforces them over the import graph.
 */

export type LayerName = "entry" | "flow" | "transport" | "core" | "shared" | "process";

export interface Layer {
  name: LayerName;
  /** Files of the layer: a folder (ending in `/`) or one file. */
  paths: string[];
  /** Layers its files may import (a transport only its own folder of the transports, see TRANSPORT_PAIRS). */
  mayImport: LayerName[];
  role: string;
}

export const LAYERS: Layer[] = [
  {
    name: "entry",
    paths: ["src/actions/", "src/main/", "src/cli.ts", "src/commands/"],
    mayImport: ["entry", "flow", "transport", "core", "shared", "process"],
    role: "runner or command line in, outputs out: inputs → a flow → outputs",
  },
  {
    name: "flow",
    paths: ["src/flows/"],
    mayImport: ["flow", "core", "shared"],
    role: "orchestration over the ports in src/flows/ports.ts",
  },
  {
    name: "transport",
    paths: ["src/github/", "src/git/", "src/registry/", "src/builder/", "src/http/"],
    mayImport: ["transport", "core", "shared", "process"],
    role: "HTTP, git and builder processes behind the ports",
  },
  {
    name: "core",
    paths: [
      "src/image/",
      "src/yaml/",
      "src/manifests/",
      "src/environments/",
      "src/promote/",
      "src/previews/",
      "src/metrics/",
      "src/rendered/",
      "src/update/",
      "src/validate/",
      "src/report/",
      "src/texts/",
    ],
    mayImport: ["core", "shared"],
    role: "pure functions over strings and objects",
  },
  {
    name: "shared",
    paths: ["src/errors.ts", "src/logger.ts", "src/version.ts"],
    mayImport: ["shared"],
    role: "the error type, the logger interface, the version: every layer may use them",
  },
  {
    name: "process",
    paths: ["src/process/"],
    mayImport: ["shared"],
    role: "what child processes get from this process's environment",
  },
];

/**
 * Transport modules a flow may import: the implementations of the ports (the flow builds them from clients or
 * a directory it was given) and, as a type only, the client type. Everything else of a transport stays behind them.
 */
export const ADAPTERS: { file: string; typeOnly: boolean }[] = [
  { file: "src/github/config-repository.ts", typeOnly: false },
  { file: "src/github/pull-request-writer.ts", typeOnly: false },
  { file: "src/github/client.ts", typeOnly: true },
  { file: "src/git/working-tree.ts", typeOnly: false },
  { file: "src/git/commit-reader.ts", typeOnly: false },
  { file: "src/git/commit-tree.ts", typeOnly: false },
];

/** The ports: transports implement them, so they may import this file, as types only, and no other flow file. */
export const PORTS = "src/flows/ports.ts";

/**
 * Transport folders that may use another transport folder (the builder pushes and tags through the registry client;
 * the HTTP clients share the proxy-aware fetch).
 */
export const TRANSPORT_PAIRS: [from: string, to: string][] = [
  ["src/builder/", "src/registry/"],
  // Both HTTP clients connect through the proxy the environment names.
  ["src/github/", "src/http/"],
  ["src/registry/", "src/http/"],
];

/** Packages only some places may import: a path prefix, a file, or a layer name. */
export const PACKAGES: { pattern: RegExp; allowedIn: string[]; why: string }[] = [
  {
    pattern: /^@actions\//,
    allowedIn: ["entry"],
    why: "the runner protocol belongs to the entries",
  },
  {
    pattern: /^(@octokit\/|bottleneck$)/,
    allowedIn: ["src/github/"],
    why: "one folder creates and uses GitHub clients",
  },
  {
    pattern: /^node:child_process$/,
    allowedIn: [
      "src/git/",
      "src/builder/process.ts",
      // Renders with `kubectl kustomize` and reads git remotes: validation's processes, kept beside the checks
      // that need them. Moving them behind a port would let this line go.
      "src/validate/local.ts",
    ],
    why: "git argv and builder processes are transports",
  },
  {
    pattern: /^(node:https?|node:net|node:tls|undici)$/,
    allowedIn: ["transport", "entry"],
    why: "network connections are transports",
  },
];

/** Files that may read `process.env`: the entries, and the module that filters it for child processes. */
export const ENV_READERS: string[] = ["entry", "process"];

/** Files importing src/process/ (which reads process.env) besides entries and transports. */
export const PROCESS_IMPORTERS: string[] = [
  // Kustomize's environment; see the node:child_process exception above.
  "src/validate/local.ts",
];

export const MAX_LINES = 500;

/** Files allowed past MAX_LINES, each with the reason; empty since validate/engine.ts was split by stage. */
export const LONG_FILES: string[] = [];

/** Generated files, exempt from the line limit. */
export const GENERATED = ["src/validate/schemas/"];
