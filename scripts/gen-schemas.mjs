// Generates src/validate/schemas/kinds.json: a compact structural schema (fields, types, required fields, enums)
// for every kind in kubernetes-models and the GitOps CRD model packages, read from their type declarations.
// `node scripts/gen-schemas.mjs` after upgrading those devDependencies; the output is committed, the packages are not
// bundled (they need Node >= 22 and cost ~0.75 s to import).
//
// Encoding of a type reference: "s" string, "n" number, "b" boolean, "x" int-or-string, "*" anything,
// a number = index into `types`, {"a": ref} list, {"m": ref} map of string to ref, {"e": [..]} one of the strings.
// A type is {"p": {field: ref}, "r": [required fields]}.
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const packages = [
  "kubernetes-models",
  "@kubernetes-models/apimachinery",
  "@kubernetes-models/argo-cd",
  "@kubernetes-models/flux-cd",
  "@kubernetes-models/sealed-secrets",
  "@kubernetes-models/argo-rollouts",
];

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
const files = packages.flatMap((name) => declarationFiles(path.join(root, "node_modules", name)).sort());
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
    if (properties.length === 0) {
      const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
      return index ? { m: ref(index) } : "*";
    }
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
    return at;
  }
  return "*";
}

const kinds = {};
for (const file of files) {
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
    kinds[`${versionType.value}/${kindType.value}`] = ref(type, true);
  }
}

const sorted = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b)));
const out = path.join(root, "src/validate/schemas/kinds.json");
writeFileSync(out, `${JSON.stringify({ kinds: sorted, types })}\n`);
console.log(`${Object.keys(sorted).length} kinds, ${types.length} types -> ${path.relative(root, out)}`);
