import type { RepoEntry } from "../update/index.js";

/** How much of a path a round needs: its git object id, its entries, or its entries with their files' text. */
export type Want = "oid" | "list" | "read";
export const RANK: Record<Want, number> = { oid: 0, list: 1, read: 2 };

/**
 * Named fragments keep a query of hundreds of paths small: each path costs its alias, its variable and a
 * fragment spread. O: the object id; L: the entries; R: the entries with their files' text (or the file's text).
 */
const FRAGMENTS: Record<string, string> = {
  B: "fragment B on Blob { oid byteSize text isBinary isTruncated }",
  O: "fragment O on TreeEntry { type mode oid }",
  L: "fragment L on TreeEntry { type mode oid object { ... on Tree { entries { name type mode } } } }",
  R:
    "fragment R on TreeEntry { type mode object { ... on Tree { entries { name type mode object { ...B " +
    "... on Tree { entries { name type mode object { ...B } } } } } } ...B } }",
};
const SPREAD: Record<Want, string> = { oid: "O", list: "L", read: "R" };
export const SYMLINK_MODE = 0o120000;
/** Paths per GraphQL document; a round wider than this is split. */
export const MAX_PATHS_PER_QUERY = 250;

/**
 * The GraphQL field answering one path of a Commit, as a TreeEntry. The root has no TreeEntry: it is the
 * commit's `tree`, seeded alike.
 */
export function pathField(alias: string, variable: string, path: string, want: Want): string {
  if (path === "") {
    const entries =
      want === "read"
        ? "entries { name type mode object { ...B ... on Tree { entries { name type mode object { ...B } } } } }"
        : "entries { name type mode }";
    return `${alias}: tree { oid ${want === "oid" ? "" : entries} }`;
  }
  return `${alias}: file(path: ${variable}) { ...${SPREAD[want]} }`;
}

/** The fragment definitions a set of wants spreads, to append to the document (unused ones are invalid). */
function fragmentsFor(wants: Map<string, Want>): string {
  const used = new Set<string>();
  for (const [path, want] of wants) {
    if (path !== "") used.add(SPREAD[want]);
    if (want === "read") used.add("B");
  }
  return [...used].map((name) => FRAGMENTS[name]).join(" ");
}

export interface RawBlob {
  oid?: string;
  byteSize?: number;
  text?: string | null;
  isBinary?: boolean | null;
  isTruncated?: boolean;
}
export interface RawEntry {
  name?: string;
  type: string;
  mode: number;
  oid?: string;
  object?: (RawBlob & { entries?: RawEntry[] }) | null;
}

export function kindOf(entry: RawEntry): RepoEntry["type"] | undefined {
  if (entry.type === "tree") return "dir";
  if (entry.type === "blob") return entry.mode === SYMLINK_MODE ? "symlink" : "file";
  return undefined; // a submodule is another repository: nothing here to edit
}

/** The root answers as a Tree, every other path as a TreeEntry: one shape for `seed`. */
export function asEntry(path: string, raw: unknown): RawEntry | null | undefined {
  if (path !== "" || !raw) return raw as RawEntry | null | undefined;
  const tree = raw as { oid: string; entries?: RawEntry[] };
  return { type: "tree", mode: 0o40000, oid: tree.oid, object: { entries: tree.entries } };
}

/** The aliased fields and variables for a set of paths, placed in a Commit selection by the caller. */
export function pathFields(
  wants: Map<string, Want>,
  prefix = "f",
): {
  fields: string;
  fragments: string;
  declarations: string[];
  variables: Record<string, string>;
  paths: string[];
} {
  const paths = [...wants.keys()];
  const declarations: string[] = [];
  const variables: Record<string, string> = {};
  const fields = paths.map((path, index) => {
    const variable = `$${prefix}${index}`;
    if (path !== "") {
      variables[`${prefix}${index}`] = path;
      declarations.push(`${variable}: String!`);
    }
    return pathField(`${prefix}${index}`, variable, path, wants.get(path)!);
  });
  return { fields: fields.join(" "), fragments: fragmentsFor(wants), declarations, variables, paths };
}

export function buildPathQuery(
  wants: Map<string, Want>,
  where: { owner: string; name: string; oid: string },
): { query: string; variables: Record<string, string>; paths: string[] } {
  const { fields, fragments, declarations, variables, paths } = pathFields(wants);
  const query =
    `query(${["$owner: String!", "$name: String!", "$oid: GitObjectID!", ...declarations].join(", ")}) ` +
    `{ repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { ${fields} } } } } ${fragments}`;
  return { query, variables: { ...variables, ...where }, paths };
}
