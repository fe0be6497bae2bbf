// Generates src/validate/schemas/kinds.json: a compact structural schema (fields, types, required fields, enums)
// for every kind in kubernetes-models and the CRD model packages below, read from their type declarations, and
// src/validate/schemas/SOURCES.md, which names each source, its version and licences.
// `node scripts/gen-schemas.mjs` after upgrading those devDependencies; the output is committed, the packages are not
// bundled (they need Node >= 22 and cost ~0.75 s to import).
//
// Encoding of a type reference: "s" string, "n" number, "b" boolean, "x" int-or-string, "*" anything,
// a number = index into `types`, {"a": ref} list, {"m": ref} map of string to ref, {"e": [..]} one of the strings.
// A type is {"p": {field: ref}, "r": [required fields], "open": true when other fields are allowed too}.
// `builtin` lists the API versions Kubernetes itself serves.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Each model package and the project whose CRDs (or API) it is generated from, with that project's licence.
const packages = [
  { name: "kubernetes-models", upstream: "Kubernetes", license: "Apache-2.0" },
  { name: "@kubernetes-models/apimachinery", upstream: "Kubernetes", license: "Apache-2.0" },
  { name: "@kubernetes-models/argo-cd", upstream: "Argo CD", license: "Apache-2.0" },
  { name: "@kubernetes-models/flux-cd", upstream: "Flux", license: "Apache-2.0" },
  { name: "@kubernetes-models/sealed-secrets", upstream: "Sealed Secrets", license: "Apache-2.0" },
  { name: "@kubernetes-models/argo-rollouts", upstream: "Argo Rollouts", license: "Apache-2.0" },
  { name: "@kubernetes-models/argo-workflows", upstream: "Argo Workflows", license: "Apache-2.0" },
  {
    name: "@kubernetes-models/cert-manager",
    upstream: "cert-manager, trust-manager, approver-policy",
    license: "Apache-2.0",
  },
  {
    name: "@kubernetes-models/external-secrets",
    upstream: "External Secrets Operator",
    license: "Apache-2.0",
  },
  { name: "@kubernetes-models/gateway-api", upstream: "Gateway API", license: "Apache-2.0" },
  { name: "@kubernetes-models/istio", upstream: "Istio", license: "Apache-2.0" },
  { name: "@kubernetes-models/prometheus-operator", upstream: "Prometheus Operator", license: "Apache-2.0" },
  { name: "@kubernetes-models/keda", upstream: "KEDA", license: "Apache-2.0" },
  { name: "@kubernetes-models/traefik", upstream: "Traefik", license: "MIT" },
  { name: "@kubernetes-models/karpenter", upstream: "Karpenter", license: "Apache-2.0" },
  { name: "@kubernetes-models/knative", upstream: "Knative", license: "Apache-2.0" },
];
// Objects controllers create for themselves; nobody commits them, and they would only add weight.
const internalGroup = /\.internal\.knative\.dev$|^duck\.knative\.dev$/;

function declarationFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "_schemas" && entry.name !== "node_modules") out.push(...declarationFiles(full));
    } else if (entry.name.endsWith(".d.ts") && entry.name !== "index.d.ts") out.push(full);
  }
  return out;
}

// Sorted, so the output (type indexes included) is the same on every machine.
const filesOf = new Map(
  packages.map((p) => [p.name, declarationFiles(path.join(root, "node_modules", p.name)).sort()]),
);
const files = [...filesOf.values()].flat();
const program = ts.createProgram(files, {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();

const types = [];
const indexOf = new Map();

function literalStrings(members) {
  return members.every((t) => t.flags & ts.TypeFlags.StringLiteral)
    ? members.map((t) => t.value).sort()
    : undefined;
}

function ref(type, topLevel = false) {
  const f = type.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return "*";
  if (f & ts.TypeFlags.StringLiteral) return { e: [type.value] };
  if (f & ts.TypeFlags.String) return "s";
  if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return "n";
  if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return "b";
  if (type.isUnion()) {
    const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (members.length === 1) return ref(members[0]);
    const strings = literalStrings(members);
    if (strings) return { e: strings };
    if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return "b";
    const kinds = new Set(members.map((t) => ref(t)).map((r) => (typeof r === "object" && r.e ? "s" : r)));
    if (kinds.size === 2 && kinds.has("s") && kinds.has("n")) return "x";
    return "*";
  }
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const [item] = checker.getTypeArguments(type);
    return { a: item ? ref(item) : "*" };
  }
  if (f & ts.TypeFlags.Object) {
    const properties = checker.getPropertiesOfType(type);
    const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    if (properties.length === 0) return index ? { m: ref(index) } : "*";
    const key = type.id;
    if (indexOf.has(key)) return indexOf.get(key);
    const at = types.length;
    indexOf.set(key, at);
    const entry = { p: {}, r: [] };
    types.push(entry);
    for (const property of properties) {
      const name = property.getName();
      // Status is written by controllers, not committed; keeping it would double the schema set for no finding.
      entry.p[name] =
        topLevel && name === "status"
          ? "*"
          : ref(checker.getTypeOfSymbolAtLocation(property, property.valueDeclaration));
      if (!(property.flags & ts.SymbolFlags.Optional)) entry.r.push(name);
    }
    if (entry.r.length === 0) delete entry.r;
    // Declared fields plus an index signature: x-kubernetes-preserve-unknown-fields with properties.
    if (index) entry.open = true;
    return at;
  }
  return "*";
}

const kinds = {};
const builtin = new Set();
const counts = new Map();
for (const pkg of packages) {
  for (const file of filesOf.get(pkg.name)) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const type = checker.getTypeAtLocation(statement.name);
      const apiVersion = type.getProperty("apiVersion");
      const kind = type.getProperty("kind");
      if (!apiVersion || !kind) continue;
      const versionType = checker.getTypeOfSymbolAtLocation(apiVersion, statement);
      const kindType = checker.getTypeOfSymbolAtLocation(kind, statement);
      if (!(versionType.flags & ts.TypeFlags.StringLiteral) || !(kindType.flags & ts.TypeFlags.StringLiteral))
        continue;
      if (kindType.value.endsWith("List")) continue;
      const version = versionType.value;
      if (internalGroup.test(version.split("/")[0])) continue;
      const key = `${version}/${kindType.value}`;
      if (!(key in kinds)) counts.set(pkg.name, (counts.get(pkg.name) ?? 0) + 1);
      kinds[key] = ref(type, true);
      if (pkg.name === "kubernetes-models") builtin.add(version);
    }
  }
}

// Enums Flux documents as open: Alert event sources and Receiver resources name any kind that emits Flux events
// (Flux Operator's FluxInstance and ResourceSet, tofu-controller's Terraform…) once the CRD's enum is extended as
// the Flux docs show, so the bundled list of Flux's own kinds would turn valid configurations into errors.
const openEnums = [
  { kinds: /^notification\.toolkit\.fluxcd\.io\/[^/]+\/Alert$/, path: ["spec", "eventSources", [], "kind"] },
  { kinds: /^notification\.toolkit\.fluxcd\.io\/[^/]+\/Receiver$/, path: ["spec", "resources", [], "kind"] },
];
for (const { kinds: pattern, path: fieldPath } of openEnums) {
  for (const key of Object.keys(kinds)) {
    if (pattern.test(key)) kinds[key] = setAt(kinds[key], fieldPath, "s");
  }
}

/** A copy of the type at `at` with the field at `fieldPath` replaced (copies, so types shared elsewhere stay). */
function setAt(at, fieldPath, value) {
  if (fieldPath.length === 0) return value;
  const [head, ...rest] = fieldPath;
  if (Array.isArray(head))
    return at && typeof at === "object" && "a" in at ? { a: setAt(at.a, rest, value) } : at;
  if (typeof at !== "number" || types[at].p[head] === undefined) return at;
  const copy = { ...types[at], p: { ...types[at].p, [head]: setAt(types[at].p[head], rest, value) } };
  types.push(copy);
  return types.length - 1;
}

// Identical types from different packages (ObjectMeta, selectors, probes…) are stored once: partition refinement
// over the type graph, which may be cyclic.
const refKey = (r, cls) =>
  typeof r === "number"
    ? `#${cls[r]}`
    : typeof r === "string"
      ? r
      : "a" in r
        ? `a(${refKey(r.a, cls)})`
        : "m" in r
          ? `m(${refKey(r.m, cls)})`
          : `e(${r.e.join(",")})`;
let cls = types.map(() => 0);
for (let classes = 1; ; ) {
  const ids = new Map();
  const next = types.map((t, i) => {
    const sig = `${cls[i]}|${t.open ? 1 : 0}|${(t.r ?? []).join(",")}|${Object.entries(t.p)
      .map(([k, v]) => `${k}=${refKey(v, cls)}`)
      .join(";")}`;
    if (!ids.has(sig)) ids.set(sig, ids.size);
    return ids.get(sig);
  });
  cls = next;
  if (ids.size === classes) break;
  classes = ids.size;
}
// Keep only types some kind reaches, numbered in the order they are first reached.
const order = new Map();
const compact = [];
const remap = (r) => {
  if (typeof r === "number") {
    const c = cls[r];
    if (!order.has(c)) {
      order.set(c, compact.length);
      compact.push(null);
      const t = types[r];
      const entry = { p: {} };
      compact[order.get(c)] = entry;
      for (const [k, v] of Object.entries(t.p)) entry.p[k] = remap(v);
      if (t.r) entry.r = t.r;
      if (t.open) entry.open = true;
    }
    return order.get(c);
  }
  if (typeof r === "string") return r;
  if ("a" in r) return { a: remap(r.a) };
  if ("m" in r) return { m: remap(r.m) };
  return r;
};
const sorted = Object.fromEntries(
  Object.entries(kinds)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, r]) => [k, remap(r)]),
);
const out = path.join(root, "src/validate/schemas/kinds.json");
writeFileSync(out, `${JSON.stringify({ builtin: [...builtin].sort(), kinds: sorted, types: compact })}\n`);
console.log(`${Object.keys(sorted).length} kinds, ${compact.length} types -> ${path.relative(root, out)}`);

const rows = packages.map((p) => {
  const meta = JSON.parse(readFileSync(path.join(root, "node_modules", p.name, "package.json"), "utf8"));
  return `| \`${p.name}\` | ${meta.version} | ${meta.license} | ${p.upstream} | ${p.license} | ${counts.get(p.name) ?? 0} |`;
});
const notice = path.join(root, "src/validate/schemas/SOURCES.md");
writeFileSync(
  notice,
  `# Sources of the bundled schemas

\`kinds.json\` is generated by \`scripts/gen-schemas.mjs\` from the type declarations of these npm packages (devDependencies,
not bundled). The packages are generated from the upstream projects' API types and CustomResourceDefinitions; the
field names, types, required fields and allowed values in \`kinds.json\` derive from those definitions. Alert event
sources and Receiver resources of Flux's notification API accept any kind (Flux documents extending that list).

| Package | Version | Package licence | Upstream project | Upstream licence | Kinds |
| --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`,
);
