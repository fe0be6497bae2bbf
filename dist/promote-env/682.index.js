export const id = 682;
export const ids = [682];
export const modules = {

/***/ 4682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GATE_CONTEXT: () => (/* binding */ GATE_CONTEXT),
  evaluatePullRequest: () => (/* binding */ evaluatePullRequest),
  mergePullRequest: () => (/* binding */ mergePullRequest),
  openPromotions: () => (/* binding */ openPromotions),
  propose: () => (/* binding */ propose),
  recordDeployment: () => (/* binding */ recordDeployment),
  runGate: () => (/* binding */ runGate),
  setGateStatus: () => (/* binding */ setGateStatus)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/promote/checks.ts
var promote_checks = __webpack_require__(4419);
// EXTERNAL MODULE: ./src/promote/window.ts
var promote_window = __webpack_require__(7770);
// EXTERNAL MODULE: ./src/update/local.ts
var local = __webpack_require__(1118);
// EXTERNAL MODULE: ./src/yaml/index.ts + 7 modules
var yaml = __webpack_require__(9891);
// EXTERNAL MODULE: ./src/environments/file.ts
var environments_file = __webpack_require__(1214);
;// CONCATENATED MODULE: ./src/environments/config.ts






/** Name of the pipeline configuration file at the root of a config repository. */


const TOP_LEVEL = ["environments", "promotion", "validate"];
/** The `yaml` package's default bound on alias expansion: ample for sharing a few settings. */
const MAX_ALIAS_EXPANSION = 100;
const ENVIRONMENT_KEYS = [
    "paths",
    "mode",
    "approvals",
    "reviewers",
    "windows",
    "require-status",
    "rollback-approvals",
];
const ENVIRONMENT_NAME = /^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
class Reader {
    file;
    document;
    constructor(file, document) {
        this.file = file;
        this.document = document;
    }
    line(node) {
        return (0,yaml/* positionOf */.df)(this.file, node?.range?.[0] ?? 0).line;
    }
    fail(node, message, hint) {
        const { line, column } = (0,yaml/* positionOf */.df)(this.file, node?.range?.[0] ?? 0);
        throw new errors/* UserError */.y(message, { file: this.file.path, line, column, hint });
    }
    map(entry, what) {
        const node = entry?.value?.node;
        if (!(0,dist/* isMap */.jh)(node))
            this.fail(node ?? entry?.pair.key, `${what} must be a map`);
        return node;
    }
    strings(entry, what, check) {
        const node = entry.value?.node;
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === "string") {
            check?.(node.value, node);
            return [node.value];
        }
        if (node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null))
            return [];
        if (!(0,dist/* isSeq */.oP)(node))
            this.fail(node, `${what} must be a list of strings`);
        return (0,yaml/* items */.ld)(this.file, this.document, entry.value).map((item) => {
            if (!(0,dist/* isScalar */.jn)(item.node) || typeof item.node.value !== "string" || item.node.value === "") {
                this.fail(item.node, `${what} must be a list of non-empty strings`);
            }
            check?.(item.node.value, item.node);
            return item.node.value;
        });
    }
    count(entry, what) {
        const node = entry.value?.node;
        const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
            this.fail(node ?? entry.pair.key, `${what} must be a whole number ≥ 0`, `For example: ${entry.key}: 1`);
        }
        return value;
    }
    unknownKeys(map, allowed, what) {
        for (const entry of (0,yaml/* entries */.jO)(this.file, this.document, { node: map })) {
            if (!allowed.includes(entry.key)) {
                this.fail(entry.pair.key, `unknown key '${entry.key}' in ${what}`, `Known keys: ${allowed.join(", ")}.`);
            }
        }
    }
}
function environment(reader, entry) {
    const where = `environment '${entry.key}'`;
    if (!ENVIRONMENT_NAME.test(entry.key)) {
        reader.fail(entry.pair.key, `environment name '${entry.key}' is not valid`, "Use lowercase letters, digits, '.', '_' and '-' (it becomes part of branch names and labels).");
    }
    const map = reader.map(entry, where);
    reader.unknownKeys(map, ENVIRONMENT_KEYS, where);
    const fields = (0,yaml/* entries */.jO)(reader.file, reader.document, { node: map });
    const field = (key) => fields.find((f) => f.key === key);
    const pathsEntry = field("paths");
    if (!pathsEntry)
        reader.fail(entry.pair.key, `${where} has no paths`, "Add paths: [apps/*/overlays/NAME].");
    const paths = reader.strings(pathsEntry, `paths of ${where}`, (value, node) => {
        try {
            (0,local/* repoPath */.q)(value);
        }
        catch (error) {
            reader.fail(node, error.message, error.hint);
        }
    });
    if (paths.length === 0)
        reader.fail(pathsEntry.value?.node ?? pathsEntry.pair.key, `paths of ${where} is empty`);
    const modeEntry = field("mode");
    let mode = "pull-request";
    if (modeEntry) {
        const node = modeEntry.value?.node;
        const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
        if (value !== "commit" && value !== "pull-request") {
            reader.fail(node ?? modeEntry.pair.key, `mode of ${where} must be 'commit' or 'pull-request'`);
        }
        mode = value;
    }
    const approvalsEntry = field("approvals");
    const rollbackEntry = field("rollback-approvals");
    const reviewersEntry = field("reviewers");
    const windowsEntry = field("windows");
    const statusEntry = field("require-status");
    return {
        name: entry.key,
        paths,
        mode,
        approvals: approvalsEntry ? reader.count(approvalsEntry, `approvals of ${where}`) : 0,
        reviewers: reviewersEntry
            ? reader.strings(reviewersEntry, `reviewers of ${where}`, (value, node) => {
                if (!LOGIN.test(value) && !TEAM.test(value)) {
                    reader.fail(node, `reviewer '${value}' of ${where} is neither a GitHub login nor a team`, "Write a login (alice) or a team as \"@org/team\" (quoted: '@' cannot start a plain YAML value).");
                }
            })
            : [],
        // Kept as written (promotion evaluates them), but checked here so a typo points at its own line.
        windows: windowsEntry
            ? reader.strings(windowsEntry, `windows of ${where}`, (value, node) => {
                (0,promote_window/* parseWindow */.Et)(value, { file: reader.file.path, ...(0,yaml/* positionOf */.df)(reader.file, node.range?.[0] ?? 0) });
            })
            : [],
        requireStatus: statusEntry
            ? reader.strings(statusEntry, `require-status of ${where}`, (value, node) => {
                try {
                    (0,promote_checks/* parseRequirement */.pP)(value);
                }
                catch (error) {
                    if (!(0,errors/* isUserError */.i)(error))
                        throw error;
                    reader.fail(node, `${error.message} (require-status of ${where})`, error.hint);
                }
            })
            : [],
        ...(rollbackEntry
            ? { rollbackApprovals: reader.count(rollbackEntry, `rollback-approvals of ${where}`) }
            : {}),
        line: reader.line(entry.pair.key),
    };
}
/** Parses and validates `gitops-pipeline.yaml`; every mistake is a UserError at file:line. */
function loadConfig(text, file = environments_file/* CONFIG_FILE */.g) {
    const parsed = (0,yaml/* parseYamlFile */.BU)(file, text);
    if (parsed.documents.length !== 1) {
        throw new errors/* UserError */.y(parsed.documents.length === 0
            ? "the configuration file is empty"
            : "the configuration file has more than one YAML document", { file, line: 1, hint: "Write one document with an `environments:` map." });
    }
    const document = parsed.documents[0];
    const reader = new Reader(parsed, document);
    const root = document.contents;
    if (!(0,dist/* isMap */.jh)(root))
        reader.fail(root ?? undefined, "the configuration must be a map with `environments:`");
    reader.unknownKeys(root, TOP_LEVEL, "the configuration");
    const top = (0,yaml/* entries */.jO)(parsed, document, { node: root });
    const environmentsEntry = top.find((entry) => entry.key === "environments");
    if (!environmentsEntry) {
        throw new errors/* UserError */.y("the configuration has no `environments:` map", {
            file,
            line: 1,
            hint: "Add environments: { dev: { paths: [apps/*/overlays/dev], mode: commit } }.",
        });
    }
    const environmentsMap = (0,yaml/* asMap */.$H)(environmentsEntry.value);
    if (!environmentsMap)
        reader.map(environmentsEntry, "environments");
    const environments = (0,yaml/* entries */.jO)(parsed, document, environmentsMap).map((entry) => environment(reader, entry));
    if (environments.length === 0)
        reader.fail(environmentsMap.node, "environments is empty");
    const names = environments.map((env) => env.name);
    let promotion = names;
    const promotionEntry = top.find((entry) => entry.key === "promotion");
    if (promotionEntry) {
        const seen = new Set();
        promotion = reader.strings(promotionEntry, "promotion", (value, node) => {
            if (!names.includes(value)) {
                reader.fail(node, `promotion names '${value}', which is not an environment`, `Environments: ${names.join(", ")}.`);
            }
            if (seen.has(value))
                reader.fail(node, `promotion lists '${value}' twice`);
            seen.add(value);
        });
    }
    const validateEntry = top.find((entry) => entry.key === "validate");
    return {
        file,
        environments,
        promotion,
        ...(validateEntry
            ? {
                validate: plainData(reader, validateEntry),
                validateLine: reader.line(validateEntry.pair.key),
            }
            : {}),
    };
}
/**
 * A section as plain data. Aliases are expanded, up to the parser's own bound: nested aliases ("billion laughs")
 * would otherwise expand exponentially, and the parser stops them with an error that names no file.
 */
function plainData(reader, entry) {
    try {
        return entry.value?.node.toJS(reader.document, { maxAliasCount: MAX_ALIAS_EXPANSION });
    }
    catch (error) {
        if (!(error instanceof ReferenceError))
            throw error;
        reader.fail(entry.pair.key, `the ${entry.key} section uses aliases that expand to too many nodes`, "Write the values out instead of nesting aliases (*name) inside anchored lists or maps.");
    }
}
/** The named environment, or a UserError listing the ones the file defines. */
function findEnvironment(config, name) {
    const found = config.environments.find((env) => env.name === name);
    if (!found) {
        throw new errors/* UserError */.y(`environment '${name}' is not defined in ${config.file}`, {
            file: config.file,
            hint: `Defined environments: ${config.environments.map((env) => env.name).join(", ")}.`,
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/environments/index.ts


// EXTERNAL MODULE: ./src/github/errors.ts
var github_errors = __webpack_require__(3116);
// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
;// CONCATENATED MODULE: ./src/promote/edges.ts


/**
 * The source and target of one promotion. Without an explicit source the target receives from the environment
 * before it in `promotion`.
 */
function promotionEdge(config, to, from) {
    const target = findEnvironment(config, to);
    if (from) {
        if (from === to) {
            throw new errors/* UserError */.y(`cannot promote ${to} to itself`, { hint: "Give two different environments." });
        }
        return { source: findEnvironment(config, from), target };
    }
    const index = config.promotion.indexOf(to);
    if (index <= 0) {
        throw new errors/* UserError */.y(index < 0
            ? `environment '${to}' is not in the promotion order, so the environment it receives from is unknown`
            : `environment '${to}' is the first in the promotion order, so nothing is promoted to it`, {
            file: config.file,
            hint: `Name the source explicitly, or list it before '${to}' in promotion: [...].`,
        });
    }
    return { source: findEnvironment(config, config.promotion[index - 1]), target };
}
/** Approvals a pull request needs: `rollback-approvals` for a rollback (falling back to `approvals`). */
function requiredApprovals(target, kind) {
    return kind === "rollback" ? (target.rollbackApprovals ?? target.approvals) : target.approvals;
}

// EXTERNAL MODULE: ./src/promote/gate.ts + 1 modules
var gate = __webpack_require__(1500);
// EXTERNAL MODULE: ./src/manifests/index.ts + 9 modules
var manifests = __webpack_require__(3934);
// EXTERNAL MODULE: ./src/update/index.ts + 3 modules
var update = __webpack_require__(9038);
// EXTERNAL MODULE: ./src/promote/pairing.ts
var pairing = __webpack_require__(4372);
// EXTERNAL MODULE: ./src/promote/references.ts
var references = __webpack_require__(256);
;// CONCATENATED MODULE: ./src/promote/plan.ts






async function readEnvironment(reader, env, options = {}) {
    const paths = await (0,update.resolvePaths)(reader, [...env.paths]);
    const contents = await Promise.all(paths.map(async (path) => (await reader.read(path)) ?? ""));
    const apps = new Map();
    const files = new Map();
    paths.forEach((file, index) => {
        const app = (0,pairing/* appOf */.XH)(file, env.paths) ?? file;
        const content = contents[index];
        files.set(file, { app, content });
        const images = apps.get(app) ?? [];
        for (const located of (0,manifests/* findImages */.Mz)(file, content, options)) {
            images.push({ app, file, line: located.line, ref: located.ref });
        }
        apps.set(app, images);
    });
    return { name: env.name, apps, files };
}
function imageMatcher(filters) {
    if (!filters || filters.length === 0)
        return undefined;
    const wanted = filters.map((filter) => ({
        filter,
        name: filter.includes("/") ? (0,src_image/* normalizedName */.j8)((0,src_image/* parseImageRef */.Q)(filter)) : undefined,
        used: false,
    }));
    const matches = (ref) => {
        let hit = false;
        for (const w of wanted) {
            const last = ref.repository.split("/").at(-1);
            if (w.name === (0,src_image/* normalizedName */.j8)(ref) || (w.name === undefined && w.filter === last)) {
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
function sourceVersions(env, app, images, keep) {
    const byName = new Map();
    for (const image of images) {
        if (image.ref.tag === undefined && image.ref.digest === undefined)
            continue;
        if (!keep(image.ref))
            continue;
        (0,references/* assertValidReferences */.ZA)([image], env);
        const name = (0,src_image/* normalizedName */.j8)(image.ref);
        byName.set(name, [...(byName.get(name) ?? []), image]);
    }
    const chosen = new Map();
    for (const [name, candidates] of byName) {
        const versions = new Set(candidates.map((c) => (0,src_image/* versionOf */.E4)(c.ref)));
        if (versions.size > 1) {
            throw new errors/* UserError */.y(`app ${app} in ${env} runs ${name} at ${versions.size} different versions, so which one to promote is ambiguous:\n` +
                candidates.map((c) => `    ${c.file}:${c.line}: ${(0,src_image/* formatImageRef */.kL)(c.ref)}`).join("\n"), {
                file: candidates[0].file,
                line: candidates[0].line,
                hint: `Make ${env} use one version of ${name} in app ${app}, or promote the other images with --image.`,
            });
        }
        chosen.set(name, candidates[0]);
    }
    return chosen;
}
/**
 * Plans a promotion: for every app both environments have, each image the target references takes the version
 * the source runs (tag and digest). Only image references change; everything else in the target's files stays.
 * Pure apart from reading through `reader`; throws before anything could be written.
 */
async function planPromotion(reader, source, target, options = {}) {
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
function planBetween(from, to, options = {}) {
    const source = { name: from.name };
    const target = { name: to.name };
    const wantedApps = options.apps && options.apps.length > 0 ? new Set(options.apps) : undefined;
    for (const app of wantedApps ?? []) {
        if (!from.apps.has(app) || !to.apps.has(app)) {
            const both = [...from.apps.keys()].filter((name) => to.apps.has(name));
            throw new errors/* UserError */.y(`app ${JSON.stringify(app)} is not in both ${source.name} and ${target.name}`, {
                hint: `Apps in both: ${both.join(", ") || "none"}. App names come from the wildcard parts of the environments' paths.`,
            });
        }
    }
    const imageFilter = imageMatcher(options.images);
    const plan = {
        from: source.name,
        to: target.name,
        rows: [],
        unreferenced: [],
        unpaired: [],
        changes: [],
        files: [],
    };
    for (const app of [...from.apps.keys()].sort()) {
        if (wantedApps && !wantedApps.has(app))
            continue;
        if (!to.apps.has(app)) {
            plan.unpaired.push({ app, onlyIn: source.name });
            continue;
        }
        const targetNames = new Set(to.apps.get(app).map((image) => (0,src_image/* normalizedName */.j8)(image.ref)));
        const refs = [];
        const keep = (ref) => !imageFilter || imageFilter.matches(ref);
        for (const [name, image] of sourceVersions(source.name, app, from.apps.get(app), keep)) {
            if (!targetNames.has(name)) {
                plan.unreferenced.push({ app, image: (0,src_image/* imageName */.tO)(image.ref), version: (0,src_image/* versionOf */.E4)(image.ref) });
                continue;
            }
            refs.push(image.ref);
        }
        if (refs.length === 0)
            continue;
        // The target's current versions go into the table, the commit message and the log: they are read, so checked.
        const promoted = new Set(refs.map(src_image/* normalizedName */.j8));
        (0,references/* assertValidReferences */.ZA)(to.apps.get(app).filter((image) => promoted.has((0,src_image/* normalizedName */.j8)(image.ref))), target.name);
        for (const [file, { app: fileApp, content }] of to.files) {
            if (fileApp !== app)
                continue;
            const result = (0,manifests/* updateFile */.Io)(file, content, refs, options);
            if (result.changes.length === 0)
                continue;
            plan.changes.push(...result.changes);
            plan.files.push({ path: file, before: content, after: result.content });
            plan.rows.push(...rowsOf(app, result.changes, plan.rows));
        }
    }
    for (const app of [...to.apps.keys()].sort()) {
        if (!from.apps.has(app) && (!wantedApps || wantedApps.has(app))) {
            plan.unpaired.push({ app, onlyIn: target.name });
        }
    }
    const unused = imageFilter?.unused() ?? [];
    if (unused.length > 0) {
        throw new errors/* UserError */.y(`image filter ${unused.map((u) => JSON.stringify(u)).join(", ")} matches no image in ${source.name}`, {
            hint: "Give the image name as the manifests write it (ghcr.io/acme/web) or its last part (web).",
        });
    }
    return plan;
}
/** Table rows for one file's changes, skipping rows already listed (an image referenced in several files). */
function rowsOf(app, changes, existing) {
    const rows = [];
    for (const change of changes) {
        const row = { app, image: change.image, from: change.from, to: change.to };
        const same = (r) => r.app === row.app && r.image === row.image && r.from === row.from && r.to === row.to;
        if (!existing.some(same) && !rows.some(same))
            rows.push(row);
    }
    return rows;
}
/** Differences in image references per app between two environments (what `diff-envs` prints). */
async function diffEnvironments(reader, left, right, options = {}) {
    const sides = await Promise.all([
        readEnvironment(reader, left, options),
        readEnvironment(reader, right, options),
    ]);
    for (const side of sides)
        assertValidReferences([...side.apps.values()].flat(), side.name);
    const apps = [...new Set([...sides[0].apps.keys(), ...sides[1].apps.keys()])].sort();
    const differences = [];
    for (const app of apps) {
        const names = new Map();
        const versions = sides.map((side) => {
            const byName = new Map();
            for (const image of side.apps.get(app) ?? []) {
                const name = normalizedName(image.ref);
                if (!names.has(name))
                    names.set(name, imageName(image.ref));
                byName.set(name, (byName.get(name) ?? new Set()).add(versionOf(image.ref)));
            }
            return byName;
        });
        for (const [name, shown] of [...names].sort((a, b) => a[1].localeCompare(b[1]))) {
            const pair = versions.map((v) => [...(v.get(name) ?? [])].sort());
            if (pair[0].join() !== pair[1].join())
                differences.push({ app, image: shown, versions: pair });
        }
    }
    return { differences, apps: apps.length };
}

// EXTERNAL MODULE: ./src/promote/reviews.ts
var promote_reviews = __webpack_require__(8318);
// EXTERNAL MODULE: ./src/promote/texts.ts + 1 modules
var texts = __webpack_require__(4054);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/delivery/github-reader.ts



const RANK = { oid: 0, list: 1, read: 2 };
/**
 * Named fragments keep a query of hundreds of paths small: each path costs its alias, its variable and a
 * fragment spread. O: the object id; L: the entries; R: the entries with their files' text (or the file's text).
 */
const FRAGMENTS = {
    B: "fragment B on Blob { oid byteSize text isBinary isTruncated }",
    O: "fragment O on TreeEntry { type mode oid }",
    L: "fragment L on TreeEntry { type mode oid object { ... on Tree { entries { name type mode } } } }",
    R: "fragment R on TreeEntry { type mode object { ... on Tree { entries { name type mode object { ...B " +
        "... on Tree { entries { name type mode object { ...B } } } } } } ...B } }",
};
const SPREAD = { oid: "O", list: "L", read: "R" };
const SYMLINK_MODE = 0o120000;
const FILE_MODE = 0o100644;
const EXECUTABLE_MODE = 0o100755;
/** Paths per GraphQL document; a round wider than this is split. */
const MAX_PATHS_PER_QUERY = 250;
const GLOB_CHARS = /[*?[\]{}()!+@]/;
/**
 * The GraphQL field answering one path of a Commit, as a TreeEntry. The root has no TreeEntry: it is the
 * commit's `tree`, seeded alike.
 */
function pathField(alias, variable, path, want) {
    if (path === "") {
        const entries = want === "read"
            ? "entries { name type mode object { ...B ... on Tree { entries { name type mode object { ...B } } } } }"
            : "entries { name type mode }";
        return `${alias}: tree { oid ${want === "oid" ? "" : entries} }`;
    }
    return `${alias}: file(path: ${variable}) { ...${SPREAD[want]} }`;
}
/** The fragment definitions a set of wants spreads, to append to the document (unused ones are invalid). */
function fragmentsFor(wants) {
    const used = new Set();
    for (const [path, want] of wants) {
        if (path !== "")
            used.add(SPREAD[want]);
        if (want === "read")
            used.add("B");
    }
    return [...used].map((name) => FRAGMENTS[name]).join(" ");
}
function kindOf(entry) {
    if (entry.type === "tree")
        return "dir";
    if (entry.type === "blob")
        return entry.mode === SYMLINK_MODE ? "symlink" : "file";
    return undefined; // a submodule is another repository: nothing here to edit
}
/** The root answers as a Tree, every other path as a TreeEntry: one shape for `seed`. */
function asEntry(path, raw) {
    if (path !== "" || !raw)
        return raw;
    const tree = raw;
    return { type: "tree", mode: 0o40000, oid: tree.oid, object: { entries: tree.entries } };
}
function join(dir, name) {
    return dir === "" ? name : `${dir}/${name}`;
}
function parentOf(path) {
    const slash = path.lastIndexOf("/");
    return slash < 0 ? "" : path.slice(0, slash);
}
function scopeOf(pattern) {
    const scan = picomatch_default().scan(pattern.replace(/\\/g, "/"));
    const base = (0,update.repoPath)(scan.isGlob ? scan.base : pattern);
    const baseSegments = base === "" ? [] : base.split("/");
    const globSegments = scan.isGlob ? scan.glob.split("/").filter(Boolean) : [];
    const segments = [...baseSegments, ...globSegments];
    let open = segments.length;
    // `**` crosses directories and a brace may hide a `/`: from there on, resolution cannot be pruned.
    const unsplittable = globSegments.findIndex((s) => s.includes("**"));
    if (unsplittable >= 0 || /\{[^}]*\/[^}]*\}/.test(scan.glob)) {
        open = baseSegments.length + (unsplittable >= 0 ? unsplittable : 0);
    }
    return {
        segments,
        matchers: segments.map((segment) => picomatch_default()(segment, { dot: false })),
        glob: scan.isGlob ? baseSegments.length : segments.length,
        open,
    };
}
/**
 * A read-only view of one commit through GraphQL that fetches only what the patterns need. Each round asks for
 * every directory and file known to be needed in one aliased query, so the number of requests follows the depth
 * of the patterns and the bytes follow the directories they select, never the size of the repository.
 *
 * Listings are the patterns' view: an entry that cannot lead to a match is left out, so a resolver that walks
 * everything below a glob's base (as the core's does) only walks what can match.
 */
class GitHubSnapshot {
    github;
    repository;
    dirs = new Map();
    texts = new Map();
    oids = new Map();
    readDone = new Set();
    /** Paths whose existence is known (looked up, or seen in a listing), and the type of those that exist. */
    known = new Set();
    types = new Map();
    /** Symlink targets (a symlink's blob is the path it points to). */
    links = new Map();
    /** Git modes of the paths seen (100644 file, 100755 executable, 120000 symlink, 40000 directory). */
    modes = new Map();
    /** Files that are not UTF-8, held one character per byte (see update/encoding.ts). */
    encodings = new Map();
    scopes;
    queue = new Map();
    flushing;
    /** The commit read; set once the first query has answered. */
    commit = "";
    /** Requests this snapshot made itself, for the caller's accounting. */
    requests = 0;
    constructor(github, repository, patterns) {
        this.github = github;
        this.repository = repository;
        this.scopes = patterns.map(scopeOf);
    }
    /** The patterns path resolution will follow; known only after the config file has been read. */
    setPatterns(patterns) {
        this.scopes = patterns.map(scopeOf);
    }
    /** Records the answer to a `pathField` query, whichever request carried it. */
    seed(path, answer, want) {
        const key = (0,update.repoPath)(path);
        const raw = asEntry(key, answer);
        this.known.add(key);
        const kind = raw ? kindOf(raw) : undefined;
        if (raw && typeof raw.mode === "number")
            this.modes.set(key, raw.mode);
        if (kind) {
            this.types.set(key, kind);
            for (let parent = parentOf(key); parent !== "" && !this.types.has(parent); parent = parentOf(parent)) {
                this.known.add(parent);
                this.types.set(parent, "dir");
            }
        }
        if (want === "oid") {
            this.oids.set(key, raw?.oid ?? null);
            return;
        }
        if (!raw) {
            this.oids.set(key, null);
            this.dirs.set(key, null);
            this.texts.set(key, null);
            this.readDone.add(key);
            return;
        }
        if (raw.oid)
            this.oids.set(key, raw.oid);
        if (kind === "dir") {
            this.texts.set(key, null);
            const entries = [];
            for (const child of raw.object?.entries ?? []) {
                const childKind = kindOf(child);
                if (!childKind || child.name === undefined)
                    continue;
                entries.push({ name: child.name, type: childKind });
                const childPath = join(key, child.name);
                if (typeof child.mode === "number")
                    this.modes.set(childPath, child.mode);
                this.known.add(childPath);
                this.types.set(childPath, childKind);
                if (child.oid)
                    this.oids.set(childPath, child.oid);
                if (childKind !== "dir")
                    this.dirs.set(childPath, null);
                if (childKind !== "dir" && want === "read" && child.object)
                    this.seedBlob(childPath, child.object, childKind);
                // A read also brings the level below (an overlay's patches/): seed it as its own read.
                if (childKind === "dir" && want === "read" && child.object?.entries)
                    this.seed(childPath, child, "read");
            }
            this.dirs.set(key, entries);
        }
        else {
            this.dirs.set(key, null);
            if (kind !== undefined && want === "read" && raw.object)
                this.seedBlob(key, raw.object, kind);
        }
        if (want === "read")
            this.readDone.add(key);
    }
    seedBlob(path, blob, kind) {
        this.readDone.add(path);
        if (kind === "symlink" && typeof blob.text === "string") {
            this.links.set(path, blob.text);
            return;
        }
        if (blob.oid && !this.oids.has(path))
            this.oids.set(path, blob.oid);
        // A truncated blob stays unknown: `read` fetches it whole through REST if the core asks for it. So does one
        // whose text is not its bytes: GraphQL decodes blobs as UTF-8, replacing what is not (a Latin-1 comment) with
        // U+FFFD, which a commit would then write for good; and what GitHub calls binary is judged on the bytes.
        if (blob.isBinary || blob.isTruncated || typeof blob.text !== "string" || !isExactText(blob))
            return;
        this.texts.set(path, blob.text);
    }
    /** How `read` held a file's bytes: "latin1" (one character per byte) for a file that is not UTF-8. */
    encoding(path) {
        return this.encodings.get((0,update.repoPath)(path)) ?? "utf8";
    }
    /** Whether `path` can lead to (or lies below) a match of any pattern. */
    visible(path) {
        const parts = path.split("/");
        return this.scopes.some((scope) => {
            for (let index = 0; index < parts.length; index++) {
                if (index >= scope.open || index >= scope.segments.length)
                    return true;
                if (!scope.matchers[index](parts[index]))
                    return false;
            }
            return true;
        });
    }
    async list(dir) {
        const key = (0,update.repoPath)(dir);
        if (!this.dirs.has(key)) {
            const partial = this.partialListing(key);
            if (partial)
                return partial;
            await this.fetch(new Map([[key, "list"]]));
        }
        return (this.dirs.get(key) ?? []).filter((entry) => this.visible(join(key, entry.name)));
    }
    /**
     * The patterns' view of a directory that was never listed, when every pattern reaching it names one plain
     * entry there and each of those was looked up: those entries are all the view can hold, so no listing is
     * needed. Undefined when a glob (or a match ending above) could make any entry visible.
     */
    partialListing(dir) {
        const parts = dir === "" ? [] : dir.split("/");
        const depth = parts.length;
        const names = new Set();
        for (const scope of this.scopes) {
            const reaches = parts.every((part, index) => index >= scope.open || index >= scope.segments.length || scope.matchers[index](part));
            if (!reaches)
                continue;
            if (depth >= scope.open || depth >= scope.segments.length)
                return undefined;
            const segment = scope.segments[depth];
            if (GLOB_CHARS.test(segment))
                return undefined;
            names.add(segment);
        }
        const entries = [];
        for (const name of [...names].sort()) {
            const path = join(dir, name);
            if (!this.known.has(path))
                return undefined;
            const type = this.types.get(path);
            if (type)
                entries.push({ name, type });
        }
        return entries;
    }
    async read(path, hops = 0) {
        const key = (0,update.repoPath)(path);
        if (this.dirs.get(key))
            return undefined;
        if (!this.texts.has(key) && !this.readDone.has(key))
            await this.fetch(new Map([[key, "read"]]));
        const link = this.links.get(key);
        if (link !== undefined) {
            // Followed like the file system would, and refused the same way when it leads outside the repository.
            if (hops >= 8 || link.startsWith("/")) {
                throw new errors/* UserError */.y(`path ${JSON.stringify(key)} is a symlink that leaves the repository or loops`, {
                    hint: "Replace the symlink with the file, or point it inside the repository.",
                });
            }
            return this.read(join(parentOf(key), link), hops + 1);
        }
        const oid = this.oids.get(key);
        if (!this.texts.has(key) && oid)
            await this.readBlob(key, oid);
        return this.texts.get(key) ?? undefined;
    }
    /**
     * The path a commit through the API writes to change `path`'s content: the path itself for a regular file, the
     * target for a symlink to a regular file inside the repository (what an edit through a checkout changes).
     * createCommitOnBranch writes every file as a regular 100644 blob, so whatever it would turn into something
     * else is refused: an executable file, a symlink leading outside the repository or to another symlink.
     */
    async commitPath(path) {
        const key = (0,update.repoPath)(path);
        const mode = await this.modeOf(key);
        if (mode !== SYMLINK_MODE) {
            this.checkRegular(key, key, mode);
            return key;
        }
        if (!this.links.has(key))
            await this.fetch(new Map([[key, "read"]]));
        const link = this.links.get(key) ?? "";
        let target;
        try {
            target = link === "" || link.startsWith("/") ? undefined : (0,update.repoPath)(join(parentOf(key), link));
        }
        catch {
            target = undefined;
        }
        if (target === undefined) {
            throw refusedLink(key, `points to ${JSON.stringify(link)}, outside the repository`);
        }
        const targetMode = await this.modeOf(target);
        if (targetMode === SYMLINK_MODE) {
            throw refusedLink(key, `points to ${target}, which is itself a symlink`);
        }
        this.checkRegular(key, target, targetMode);
        return target;
    }
    async modeOf(key) {
        if (!this.modes.has(key) && !(this.known.has(key) && !this.types.has(key)))
            await this.fetch(new Map([[key, "oid"]]));
        return this.modes.get(key);
    }
    checkRegular(asked, path, mode) {
        if (mode === FILE_MODE)
            return;
        const via = asked === path ? "" : ` (the target of the symlink ${asked})`;
        if (mode === EXECUTABLE_MODE) {
            throw new errors/* UserError */.y(`${path}${via} is executable (mode 100755); a commit through the GitHub API would turn it into a regular file`, {
                file: path,
                hint: "Remove the executable bit from the file in the repository, or use `working-directory` mode (git keeps modes); nothing was written.",
            });
        }
        throw new errors/* UserError */.y(`${path}${via} is not a regular file in the repository (${mode === undefined ? "missing" : `mode ${mode.toString(8)}`}), so a commit through the GitHub API cannot update it`, { file: path, hint: "Point the paths at regular files; nothing was written." });
    }
    /** Git blob ids of paths in this commit (undefined when absent), one request for all unknown ones. */
    async blobOids(paths) {
        const keys = paths.map(update.repoPath);
        const unknown = keys.filter((key) => !this.oids.has(key));
        if (unknown.length > 0)
            await this.fetch(new Map(unknown.map((key) => [key, "oid"])));
        return new Map(keys.map((key) => [key, this.oids.get(key) ?? undefined]));
    }
    /**
     * What the patterns need next, given what is known: for a plain path its parent's listing and its content;
     * for a glob the listings along every directory that can still match, one level per round. Empty when path
     * resolution can run from what is cached.
     */
    plan() {
        const wants = new Map();
        const need = (path, want) => {
            const satisfied = want === "read"
                ? this.readDone.has(path)
                : want === "list"
                    ? this.dirs.has(path)
                    : this.known.has(path);
            if (satisfied)
                return;
            const queued = wants.get(path);
            if (queued === undefined || RANK[want] > RANK[queued])
                wants.set(path, want);
        };
        const missing = (path) => this.known.has(path) && !this.types.has(path);
        // Symlinks met so far are followed in the next round rather than one by one when the core reads them.
        for (const [link, target] of this.links) {
            if (target.startsWith("/"))
                continue;
            try {
                need((0,update.repoPath)(join(parentOf(link), target)), "read");
            }
            catch {
                // Leaves the repository: `read` refuses it with the reason when the core asks.
            }
        }
        for (const scope of this.scopes) {
            const base = scope.segments.slice(0, scope.glob).join("/");
            if (scope.glob === scope.segments.length) {
                need(base, "read");
                continue;
            }
            const descend = (dir, index) => {
                if (index >= scope.open || missing(dir))
                    return; // past `**`: resolved on demand by the core's own walk
                const segment = scope.segments[index];
                if (!GLOB_CHARS.test(segment)) {
                    // A run of plain names needs no listing to be addressed: ask for its end in the same round as the level
                    // above. Its existence implies its ancestors', which answers the walk's listings of the directories in
                    // between (see partialListing); only when it is missing are those looked up, in the next round.
                    let end = index;
                    while (end < scope.segments.length && end < scope.open && !GLOB_CHARS.test(scope.segments[end]))
                        end++;
                    const chain = scope.segments.slice(index, end);
                    const target = join(dir, chain.join("/"));
                    const toEnd = end === scope.segments.length;
                    need(target, toEnd ? "read" : "list");
                    if (missing(target)) {
                        let between = dir;
                        for (const name of chain.slice(0, -1)) {
                            between = join(between, name);
                            need(between, "oid");
                        }
                    }
                    else if (!toEnd)
                        descend(target, end);
                    return;
                }
                if (!this.dirs.has(dir)) {
                    need(dir, "list");
                    return;
                }
                for (const entry of this.dirs.get(dir) ?? []) {
                    if (!scope.matchers[index](entry.name))
                        continue;
                    const child = join(dir, entry.name);
                    if (index === scope.segments.length - 1) {
                        if (entry.type !== "symlink")
                            need(child, "read");
                    }
                    else if (entry.type === "dir") {
                        descend(child, index + 1);
                    }
                }
            };
            need(base, "list");
            descend(base, scope.glob);
        }
        return wants;
    }
    /** Runs `plan` rounds until path resolution needs nothing more (bounded: a round per glob level). */
    async prefetch(rounds = 6) {
        for (let round = 0; round < rounds; round++) {
            const wants = this.plan();
            if (wants.size === 0)
                return;
            await this.fetch(wants);
        }
    }
    /** Queues paths for the next aliased query; callers in the same turn of the event loop share it. */
    async fetch(wants) {
        for (const [path, want] of wants) {
            const queued = this.queue.get(path);
            if (queued === undefined || RANK[want] > RANK[queued])
                this.queue.set(path, want);
        }
        this.flushing ??= new Promise((resolve) => setImmediate(resolve)).then(() => this.flush());
        await this.flushing;
    }
    async flush() {
        const batch = this.queue;
        this.queue = new Map();
        this.flushing = undefined;
        // GitHub bounds the work of one query (nodes, time): very wide rounds go out as several queries.
        const entries = [...batch];
        const chunks = [];
        for (let start = 0; start < entries.length; start += MAX_PATHS_PER_QUERY) {
            chunks.push(new Map(entries.slice(start, start + MAX_PATHS_PER_QUERY)));
        }
        await Promise.all(chunks.map(async (chunk) => {
            const { query, variables, paths } = buildPathQuery(chunk, {
                owner: this.repository.owner,
                name: this.repository.repo,
                oid: this.commit,
            });
            this.requests++;
            const data = await this.github.graphql(query, variables);
            const commit = data.repository?.object;
            paths.forEach((path, index) => {
                this.seed(path, commit?.[`f${index}`], chunk.get(path));
            });
        }));
    }
    /** Blobs GraphQL gives no text for (truncated): fetched whole, once. */
    async readBlob(path, oid) {
        this.requests++;
        const { data } = await this.github.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
            owner: this.repository.owner,
            repo: this.repository.repo,
            file_sha: oid,
        });
        const bytes = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
        if (bytes.includes(0)) {
            this.texts.set(path, null);
            return;
        }
        const { text, encoding } = (0,update.decodeText)(bytes);
        this.texts.set(path, text);
        if (encoding !== "utf8")
            this.encodings.set(path, encoding);
    }
}
function refusedLink(path, what) {
    return new errors/* UserError */.y(`${path} is a symlink that ${what}; refusing to replace the link with a regular file`, {
        file: path,
        hint: "An edit lands on a symlink's target when it is a regular file inside the repository: point the link straight at the file, or list the file's own path; nothing was written.",
    });
}
/** True when a blob's GraphQL text is its bytes: same UTF-8 length, no replacement character. */
function isExactText(blob) {
    const text = blob.text;
    return (!text.includes("\uFFFD") && (blob.byteSize === undefined || Buffer.byteLength(text) === blob.byteSize));
}
/** The aliased fields and variables for a set of paths, placed in a Commit selection by the caller. */
function pathFields(wants, prefix = "f") {
    const paths = [...wants.keys()];
    const declarations = [];
    const variables = {};
    const fields = paths.map((path, index) => {
        const variable = `$${prefix}${index}`;
        if (path !== "") {
            variables[`${prefix}${index}`] = path;
            declarations.push(`${variable}: String!`);
        }
        return pathField(`${prefix}${index}`, variable, path, wants.get(path));
    });
    return { fields: fields.join(" "), fragments: fragmentsFor(wants), declarations, variables, paths };
}
function buildPathQuery(wants, where) {
    const { fields, fragments, declarations, variables, paths } = pathFields(wants);
    const query = `query(${["$owner: String!", "$name: String!", "$oid: GitObjectID!", ...declarations].join(", ")}) ` +
        `{ repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { ${fields} } } } } ${fragments}`;
    return { query, variables: { ...variables, ...where }, paths };
}

// EXTERNAL MODULE: ./src/delivery/render.ts
var render = __webpack_require__(7146);
;// CONCATENATED MODULE: ./src/delivery/github.ts






const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Jittered exponential back-off: concurrent runs that collided spread out instead of colliding again. It never
 * waits less than a second, the spacing GitHub asks between writes, so the re-read happens right before the
 * retried write may go and the window for the next collision stays short.
 */
function backoff(attempt, baseMs) {
    return 1000 + Math.random() * Math.min(8000, baseMs * 2 ** (attempt - 1));
}
/** Git's object id for a blob with this content: compares a branch's file to ours without fetching it. */
function gitBlobOid(content, encoding = "utf8") {
    const bytes = (0,update.encodeText)(content, encoding);
    return (0,external_node_crypto_.createHash)("sha1")
        .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
        .digest("hex");
}
/**
 * Updates image references in a repository on GitHub without a clone: reads only what the paths need, writes
 * every changed file as one `createCommitOnBranch` guarded by `expectedHeadOid`. When the branch moved in
 * between, it reads again, plans again on the new head and retries after a jittered back-off, a bounded number
 * of times. A base branch is never force-moved; only the pull request's own head branch is.
 */
async function deliverThroughGitHub(options) {
    const attempts = options.attempts ?? 10;
    const full = `${options.repository.owner}/${options.repository.repo}`;
    let requests = 0;
    const count = (promise) => {
        requests++;
        return promise;
    };
    const warnings = [];
    let signer = options.signoff === "token" ? undefined : options.signoff;
    // Kept across a lost compare-and-swap when the files we change did not change: no need to read them again.
    let kept;
    for (let attempt = 1;; attempt++) {
        let state;
        let plan;
        if (kept)
            ({ state, plan } = kept);
        else {
            state = await readState(options);
            requests += 1 + state.snapshot.requests;
            const before = state.snapshot.requests;
            const snapshot = state.snapshot;
            plan = await (0,github_errors/* onGitHub */.xr)({ operation: "read the files", repository: full }, async () => deliverable(await options.plan(snapshot, state.patterns), snapshot));
            requests += state.snapshot.requests - before;
        }
        const mode = state.mode;
        const pullRequestMode = mode === "pull-request";
        const result = (operation, extra = {}) => ({
            operation,
            mode,
            plan,
            base: state.base.name,
            baseOid: state.base.oid,
            repository: state.nameWithOwner,
            repositoryUrl: state.url,
            branch: pullRequestMode ? options.branch : undefined,
            requests,
            warnings,
            ...extra,
        });
        if (pullRequestMode && state.base.name === options.branch) {
            throw new errors/* UserError */.y(`the pull request branch ${options.branch} is the base branch itself`, {
                hint: "Choose a `branch` different from `base`: the head branch is rewritten on every update.",
            });
        }
        if (plan.changes.length === 0) {
            // The base already runs these versions: an open pull request for them has nothing left to deliver.
            const stale = pullRequestMode && options.deleteBranch ? state.head : undefined;
            const ours = stale?.pullRequest?.baseRefName === state.base.name ? stale.pullRequest : undefined;
            // A head branch whose open pull request targets another base is that pull request's: left alone.
            if (!stale || (stale.pullRequest && !ours))
                return result("unchanged");
            if (options.dryRun)
                return result(ours ? "would-close" : "unchanged", { pullRequest: ours });
            const closed = await closeAndDeleteHead(options, state, ours, () => requests++);
            return result(ours ? "closed" : "unchanged", { pullRequest: closed });
        }
        let texts = options.texts(plan, state.base.name);
        texts = { ...texts, pullRequestBody: (0,render/* withUserBody */.af)(texts.pullRequestBody, options.body) };
        const headCommit = state.head && { oid: state.head.oid, url: `${state.url}/commit/${state.head.oid}` };
        try {
            if (mode === "commit") {
                if (options.dryRun)
                    return result("would-commit");
                if (options.signoff === "token")
                    signer ??= await count(tokenIdentity(options, state));
                if (signer)
                    texts = { ...texts, body: (0,render/* withSignoff */["do"])(texts.body, signer) };
                const commit = await count(commitFiles(options, state, state.base.name, state.base.oid, plan, texts));
                return result("committed", { commit });
            }
            // Pull-request mode: is the head branch already exactly base + these edits?
            let headMatches = false;
            if (state.head) {
                const headSnapshot = new GitHubSnapshot(options.clients.read, options.repository, []);
                headSnapshot.commit = state.head.oid;
                const oids = await headSnapshot.blobOids(plan.files.map((file) => file.path));
                requests += headSnapshot.requests;
                headMatches = plan.files.every((file) => oids.get(file.path) === gitBlobOid(file.after, state.snapshot.encoding(file.path)));
            }
            const existing = state.head?.pullRequest?.baseRefName === state.base.name ? state.head.pullRequest : undefined;
            // Already delivered: the outputs point at the pull request and the head commit that carries the change.
            if (existing && headMatches)
                return result("unchanged", { pullRequest: existing, commit: headCommit });
            if (options.dryRun) {
                return result(existing ? "would-update" : "would-create", { pullRequest: existing });
            }
            let commit;
            if (!headMatches) {
                if (options.signoff === "token")
                    signer ??= await count(tokenIdentity(options, state));
                if (signer)
                    texts = { ...texts, body: (0,render/* withSignoff */["do"])(texts.body, signer) };
                await count(moveHeadBranch(options, state));
                commit = await count(commitFiles(options, state, options.branch, state.base.oid, plan, texts)).catch(async (error) => {
                    // Refused (not raced): put the open pull request's branch back where it was rather than leave it empty.
                    if (state.head && !(0,github_errors/* isStaleHead */.k9)(error))
                        await restoreHeadBranch(options, state.head.oid).catch(() => { });
                    throw error;
                });
            }
            const target = {
                ...options,
                base: state.base.name,
                texts,
                pullRequest: {
                    ...options.pullRequest,
                    maintainerCanModify: options.pullRequest.maintainerCanModify ?? options.maintainerCanModify,
                },
            };
            const { pullRequest, created } = await openOrUpdatePullRequest(target, existing, () => requests++).catch(async (error) => {
                // A branch this run created for a pull request that could not be opened is removed again: a refused
                // run leaves the repository as it found it.
                if (!state.head && commit && !(0,github_errors/* isNoCommitsBetween */.s$)(error))
                    await deleteHeadBranch(options).catch(() => { });
                throw error;
            });
            if (!created && !commit)
                return result("unchanged", { pullRequest, commit: headCommit });
            warnings.push(...(await applyMetadata(target, pullRequest, () => requests++)));
            return result(created ? "created" : "updated", { commit: commit ?? headCommit, pullRequest });
        }
        catch (error) {
            // Lost races: the branch moved, another run created the head branch, or reset it just as we opened the PR.
            if (!(0,github_errors/* isStaleHead */.k9)(error) && !(0,github_errors/* isReferenceExists */.Yo)(error) && !(0,github_errors/* isNoCommitsBetween */.s$)(error))
                throw error;
            if (attempt >= attempts) {
                throw new errors/* UserError */.y(`${mode === "commit" ? state.base.name : options.branch} in ${full} kept moving while updating it; ` +
                    `gave up after ${attempts} attempts and wrote nothing`, {
                    hint: "Other jobs are committing to the same branch at a high rate; re-run the job.",
                    cause: error,
                });
            }
            const wait = backoff(attempt, options.backoffMs ?? 500);
            options.logger.info(`${mode === "commit" ? state.base.name : options.branch} moved since it was read; reading it again in ${Math.round(wait)} ms (attempt ${attempt + 1} of ${attempts})`);
            await sleep(wait);
            const moved = mode === "commit" && (0,github_errors/* isStaleHead */.k9)(error) ? await rebaseIfUntouched(options, state, plan) : undefined;
            requests += moved ? 1 : 0;
            kept = moved ? { state: moved, plan } : undefined;
        }
    }
}
/**
 * The plan as a commit through the API writes it. createCommitOnBranch writes each path as a regular 100644 file:
 * an edit reached through a symlink lands on the link's target (as an edit of a checkout does), and a file
 * whose mode would change is refused (see GitHubSnapshot.commitPath). Changes are reported where they land.
 */
async function deliverable(plan, snapshot) {
    if (plan.files.length === 0)
        return plan;
    const targets = new Map(await Promise.all(plan.files.map(async (file) => [file.path, await snapshot.commitPath(file.path)])));
    if (plan.files.every((file) => targets.get(file.path) === file.path))
        return plan;
    const files = new Map();
    for (const file of plan.files) {
        const path = targets.get(file.path);
        const other = files.get(path);
        if (other && other.file.after !== file.after) {
            throw new errors/* UserError */.y(`${file.path} and ${other.from} are the same file, edited two different ways`, {
                file: path,
                hint: "List one of the two paths only; nothing was written.",
            });
        }
        files.set(path, { from: file.path, file: { ...file, path } });
    }
    const seen = new Set();
    const changes = plan.changes
        .map((change) => ({ ...change, file: targets.get(change.file) ?? change.file }))
        .filter((change) => {
        const key = `${change.file}\0${change.line}\0${change.image}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    return { ...plan, files: [...files.values()].map((entry) => entry.file), changes };
}
/**
 * The token's own identity for a Signed-off-by trailer: the commit createCommitOnBranch makes is authored by
 * it. GitHub's no-reply address stands in when the account shows no public email.
 */
async function tokenIdentity(options, state) {
    const data = await (0,github_errors/* onGitHub */.xr)({ operation: "read the token's identity for the Signed-off-by trailer", repository: state.nameWithOwner }, () => options.clients.read.graphql("query { viewer { login name email databaseId } }"));
    const viewer = data.viewer;
    const host = new URL(state.url).host;
    const noreply = `users.noreply.${host}`;
    const email = viewer.email ||
        (viewer.databaseId ? `${viewer.databaseId}+${viewer.login}@${noreply}` : `${viewer.login}@${noreply}`);
    return { name: viewer.name || viewer.login, email };
}
/**
 * `delete-branch`: nothing is left to change, so the open pull request (if any) is closed and its head branch
 * deleted, as create-pull-request does when its branch no longer differs from the base.
 */
async function closeAndDeleteHead(options, state, pullRequest, counted) {
    const { owner, repo } = options.repository;
    if (pullRequest) {
        counted();
        await closePullRequest(options, pullRequest);
    }
    counted();
    await (0,github_errors/* onGitHub */.xr)({ operation: `delete branch ${options.branch}`, repository: state.nameWithOwner }, () => options.clients.write.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
        owner,
        repo,
        ref: `heads/${options.branch}`,
    }));
    options.logger.info(`Deleted branch ${options.branch}: nothing is left to change`);
    return pullRequest;
}
/**
 * One query for everything a run decides on: the base branch's commit, the head branch and its open pull
 * request, and the first round of the paths. Contents are always read through the commit id, so a base that
 * moves during the run is caught by `expectedHeadOid`, never half-read.
 */
async function readState(options) {
    const { owner, repo } = options.repository;
    const full = `${owner}/${repo}`;
    const known = "patterns" in options.target ? options.target.patterns : undefined;
    const snapshot = new GitHubSnapshot(options.clients.read, options.repository, known ?? []);
    const wants = snapshot.plan();
    if (!known && "config" in options.target)
        wants.set(options.target.config, "read");
    // The head branch is asked for whenever pull-request mode is possible: a missing ref costs nothing.
    const head = options.mode === "commit" ? undefined : options.branch;
    const first = pathFields(wants);
    const declarations = ["$owner: String!", "$name: String!", ...first.declarations];
    const variables = { owner, name: repo, ...first.variables };
    if (options.base) {
        declarations.push("$base: String!");
        variables.base = `refs/heads/${options.base}`;
    }
    if (head) {
        declarations.push("$head: String!");
        variables.head = `refs/heads/${head}`;
    }
    const query = `query(${declarations.join(", ")}) { repository(owner: $owner, name: $name) { id nameWithOwner url ` +
        `base: ${options.base ? "ref(qualifiedName: $base)" : "defaultBranchRef"} { name target { oid ... on Commit { ${first.fields} } } } ` +
        (head
            ? "head: ref(qualifiedName: $head) { target { oid } associatedPullRequests(states: [OPEN], first: 5) { nodes { id number url baseRefName } } } "
            : "") +
        `} } ${first.fragments}`;
    const data = await (0,github_errors/* onGitHub */.xr)({ operation: "read the repository", repository: full }, () => options.clients.read.graphql(query, variables));
    const repository = data.repository;
    if (!repository) {
        throw (0,github_errors/* translateGitHubError */.yw)({ name: "GraphqlResponseError", errors: [{ type: "NOT_FOUND" }], message: "" }, {
            operation: "read the repository",
            repository: full,
        });
    }
    if (!repository.base) {
        throw new errors/* UserError */.y(options.base
            ? `branch ${options.base} does not exist in ${repository.nameWithOwner}`
            : `${repository.nameWithOwner} has no default branch (is it empty?)`, { hint: "Set `base` to an existing branch of the config repository." });
    }
    snapshot.commit = repository.base.target.oid;
    first.paths.forEach((path, index) => {
        snapshot.seed(path, repository.base.target[`f${index}`], wants.get(path));
    });
    let target = { patterns: known ?? [] };
    if (!known && "config" in options.target) {
        target = options.target.resolve(await snapshot.read(options.target.config));
        snapshot.setPatterns(target.patterns);
    }
    await (0,github_errors/* onGitHub */.xr)({ operation: "read the paths", repository: full }, () => snapshot.prefetch());
    const headRef = repository.head;
    const open = headRef?.associatedPullRequests.nodes ?? [];
    const pr = open.find((node) => node.baseRefName === repository.base.name) ?? open[0];
    return {
        mode: options.mode ?? target.mode ?? "pull-request",
        patterns: target.patterns,
        id: repository.id,
        nameWithOwner: repository.nameWithOwner,
        url: repository.url,
        base: { name: repository.base.name, oid: repository.base.target.oid },
        head: headRef ? { oid: headRef.target.oid, pullRequest: pr } : undefined,
        snapshot,
    };
}
/**
 * After a lost compare-and-swap in commit mode: one small query for the new head and the ids of the files we
 * change. When none of them changed, planning again would read the same bytes and produce the same edits, so
 * the same files are committed on the new head; otherwise (undefined) everything is read and planned again.
 */
async function rebaseIfUntouched(options, state, plan) {
    const paths = plan.files.map((file) => file.path);
    // The bytes the plan started from are known: their blob ids need no request.
    const before = new Map(plan.files.map((file) => [file.path, gitBlobOid(file.before, state.snapshot.encoding(file.path))]));
    const wants = new Map(paths.map((path) => [path, "oid"]));
    const fields = pathFields(wants);
    const query = `query(${["$owner: String!", "$name: String!", "$branch: String!", ...fields.declarations].join(", ")}) ` +
        `{ repository(owner: $owner, name: $name) { ref(qualifiedName: $branch) { target { oid ... on Commit { ${fields.fields} } } } } } ${fields.fragments}`;
    const data = await (0,github_errors/* onGitHub */.xr)({ operation: "read the branch", repository: state.nameWithOwner }, () => options.clients.read.graphql(query, {
        owner: options.repository.owner,
        name: options.repository.repo,
        branch: `refs/heads/${state.base.name}`,
        ...fields.variables,
    }));
    const target = data.repository?.ref?.target;
    if (!target)
        return undefined;
    const untouched = fields.paths.every((path, index) => (target[`f${index}`]?.oid ?? undefined) === before.get(path));
    if (!untouched)
        return undefined;
    return { ...state, base: { ...state.base, oid: target.oid } };
}
/** The single write that changes files: one commit, all files, only if the branch is still where we read it. */
async function commitFiles(options, state, branch, expectedHeadOid, plan, texts) {
    const message = { headline: texts.headline };
    if (texts.body)
        message.body = texts.body;
    // Empty lists must be left out, not sent as null: GitHub rejects a null `additions`/`deletions`.
    const input = {
        branch: { repositoryNameWithOwner: state.nameWithOwner, branchName: branch },
        expectedHeadOid,
        message,
        fileChanges: {
            additions: plan.files.map((file) => ({
                path: file.path,
                // In the encoding it was read in: a file that is not UTF-8 keeps its other bytes exactly.
                contents: (0,update.encodeText)(file.after, state.snapshot.encoding(file.path)).toString("base64"),
            })),
        },
    };
    try {
        const data = await options.clients.write.graphql("mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid url } } }", { input });
        const commit = data.createCommitOnBranch?.commit;
        if (!commit)
            throw new errors/* UserError */.y(`GitHub accepted the commit to ${branch} but returned no commit`);
        options.logger.info(`Committed ${plan.files.length} file(s) to ${branch}: ${commit.url}`);
        return commit;
    }
    catch (error) {
        if ((0,github_errors/* isStaleHead */.k9)(error))
            throw error;
        throw (0,github_errors/* translateGitHubError */.yw)(error, {
            operation: `commit to ${branch}`,
            repository: state.nameWithOwner,
            pullRequests: state.mode === "pull-request",
        });
    }
}
/**
 * Puts the pull request's head branch at the base commit, ready for the one new commit: created when missing,
 * force-moved when it exists. Only ever the head branch: the base branch is only appended to.
 */
async function moveHeadBranch(options, state) {
    const { owner, repo } = options.repository;
    const context = { operation: `create branch ${options.branch}`, repository: state.nameWithOwner };
    if (options.branch === state.base.name)
        throw new errors/* UserError */.y("refusing to rewrite the base branch");
    const force = () => (0,github_errors/* onGitHub */.xr)(context, () => options.clients.write.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        owner,
        repo,
        ref: `heads/${options.branch}`,
        sha: state.base.oid,
        force: true,
    }));
    if (state.head) {
        await force();
        return;
    }
    try {
        await options.clients.write.request("POST /repos/{owner}/{repo}/git/refs", {
            owner,
            repo,
            ref: `refs/heads/${options.branch}`,
            sha: state.base.oid,
        });
    }
    catch (error) {
        // Another run created it between our read and this write: start over from a fresh read.
        if ((0,github_errors/* isReferenceExists */.Yo)(error))
            throw error;
        throw (0,github_errors/* translateGitHubError */.yw)(error, context);
    }
}
async function restoreHeadBranch(options, oid) {
    const { owner, repo } = options.repository;
    await options.clients.write.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        owner,
        repo,
        ref: `heads/${options.branch}`,
        sha: oid,
        force: true,
    });
    options.logger.info(`Put branch ${options.branch} back at ${oid.slice(0, 7)}: the new commit was refused`);
}
async function deleteHeadBranch(options) {
    const { owner, repo } = options.repository;
    await options.clients.write.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
        owner,
        repo,
        ref: `heads/${options.branch}`,
    });
    options.logger.info(`Deleted branch ${options.branch} again: the pull request could not be opened`);
}
/** Closes a pull request whose branch has nothing left to deliver (delete-branch). */
async function closePullRequest(target, pullRequest) {
    const { owner, repo } = target.repository;
    await (0,github_errors/* onGitHub */.xr)({
        operation: `close pull request #${pullRequest.number}`,
        repository: `${owner}/${repo}`,
        pullRequests: true,
    }, () => target.clients.write.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: pullRequest.number,
        state: "closed",
    }));
    target.logger.info(`Closed pull request #${pullRequest.number}: the base already has these versions`);
}
/** The open pull request from `branch` into `base`, if any (REST, for callers that did not read it by GraphQL). */
async function findPullRequest(target) {
    const { owner, repo } = target.repository;
    const { data: open } = await (0,github_errors/* onGitHub */.xr)({ operation: "find the open pull request", repository: `${owner}/${repo}`, pullRequests: true }, () => target.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
        owner,
        repo,
        head: `${owner}:${target.branch}`,
        state: "open",
    }));
    const found = open.find((pr) => pr.base.ref === target.base);
    return found ? { number: found.number, url: found.html_url, id: found.node_id } : undefined;
}
/**
 * Opens the pull request, or updates the open one in place (title, body), so there is exactly one per head
 * branch even when runs race: a 422 "already exists" means another run won, and its pull request is updated.
 */
async function openOrUpdatePullRequest(target, existing, counted = () => { }) {
    const { owner, repo } = target.repository;
    const context = { operation: "open the pull request", repository: `${owner}/${repo}`, pullRequests: true };
    const { maintainerCanModify } = target.pullRequest;
    const canModify = maintainerCanModify === undefined ? {} : { maintainer_can_modify: maintainerCanModify };
    const update = async (number) => {
        counted();
        const { data } = await (0,github_errors/* onGitHub */.xr)({ ...context, operation: `update pull request #${number}` }, () => target.clients.write.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
            owner,
            repo,
            pull_number: number,
            title: target.texts.title,
            body: target.texts.pullRequestBody,
            ...canModify,
        }));
        target.logger.info(`Updated pull request #${data.number}: ${data.html_url}`);
        return { number: data.number, url: data.html_url, id: data.node_id };
    };
    if (existing)
        return { pullRequest: await update(existing.number), created: false };
    try {
        counted();
        const { data } = await target.clients.write.request("POST /repos/{owner}/{repo}/pulls", {
            owner,
            repo,
            title: target.texts.title,
            head: target.branch,
            base: target.base,
            body: target.texts.pullRequestBody,
            draft: target.pullRequest.draft,
            ...canModify,
        });
        target.logger.info(`Opened pull request #${data.number}: ${data.html_url}`);
        return { pullRequest: { number: data.number, url: data.html_url, id: data.node_id }, created: true };
    }
    catch (error) {
        if ((0,github_errors/* isNoCommitsBetween */.s$)(error))
            throw error;
        if (!(0,github_errors/* isPullRequestExists */.f_)(error))
            throw (0,github_errors/* translateGitHubError */.yw)(error, context);
    }
    counted();
    const found = await findPullRequest(target);
    if (!found)
        throw new errors/* UserError */.y(`GitHub says a pull request from ${target.branch} exists but lists none open`);
    return { pullRequest: await update(found.number), created: false };
}
/**
 * Labels, reviewers and auto-merge: the update itself has landed by now, so a refusal here is a warning that
 * names the permission or setting, never a failed run.
 */
async function applyMetadata(options, pullRequest, counted = () => { }) {
    const { owner, repo } = options.repository;
    const { labels, reviewers, teamReviewers, autoMerge } = options.pullRequest;
    const warnings = [];
    const attempt = async (what, hint, call) => {
        counted();
        try {
            await call();
        }
        catch (error) {
            const message = `could not ${what} on pull request #${pullRequest.number}: ${(0,github_errors/* gitHubMessage */.RG)(error)}. ${hint}`;
            options.logger.warning(message);
            warnings.push(message);
        }
    };
    if (labels.length > 0) {
        await attempt("add labels", "The token needs `issues: write` or `pull-requests: write`.", () => options.clients.write.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
            owner,
            repo,
            issue_number: pullRequest.number,
            labels,
        }));
    }
    if (reviewers.length > 0 || teamReviewers.length > 0) {
        await attempt("request reviewers", "Reviewers must be collaborators other than the token's user; team reviewers need a token that can read the organisation's teams (a GitHub App or PAT, not GITHUB_TOKEN).", () => options.clients.write.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
            owner,
            repo,
            pull_number: pullRequest.number,
            reviewers,
            team_reviewers: teamReviewers,
        }));
    }
    if (autoMerge) {
        await attempt("enable auto-merge", "Enable Settings → General → 'Allow auto-merge' and protect the base branch with a required check or review; the token needs `pull-requests: write` and `contents: write`.", () => options.clients.write.graphql("mutation($input: EnablePullRequestAutoMergeInput!) { enablePullRequestAutoMerge(input: $input) { pullRequest { number } } }", { input: { pullRequestId: pullRequest.id, mergeMethod: autoMerge.toUpperCase() } }));
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/delivery/promotion.ts













const GATE_CONTEXT = "gitops-pipeline/promotion";
const full = (ctx) => `${ctx.repository.owner}/${ctx.repository.repo}`;
const promotion_short = (sha) => sha.slice(0, 7);
async function paginate(fetchPage) {
    const all = [];
    for (let page = 1; page <= 20; page++) {
        const { data } = await fetchPage(page);
        all.push(...data);
        if (data.length < 100)
            break;
    }
    return all;
}
/** The base branch's name and current commit. */
async function baseHead(ctx, name) {
    const { owner, repo } = ctx.repository;
    const context = { operation: "read the base branch", repository: full(ctx) };
    let branch = name ?? ctx.base;
    if (!branch) {
        const { data } = await (0,github_errors/* onGitHub */.xr)(context, () => ctx.clients.read.request("GET /repos/{owner}/{repo}", { owner, repo }));
        branch = data.default_branch;
    }
    try {
        const { data } = await ctx.clients.read.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
            owner,
            repo,
            ref: `heads/${branch}`,
        });
        return { name: branch, oid: data.object.sha };
    }
    catch (error) {
        if ((0,github_errors/* httpStatus */.nG)(error) === 404) {
            throw new errors/* UserError */.y(`branch ${branch} does not exist in ${full(ctx)}`, {
                hint: "Set `base` to the branch the environments live on.",
            });
        }
        throw (0,github_errors/* translateGitHubError */.yw)(error, context);
    }
}
function snapshotAt(ctx, oid, patterns = []) {
    const snapshot = new GitHubSnapshot(ctx.clients.read, ctx.repository, patterns);
    snapshot.commit = oid;
    return snapshot;
}
async function configAt(ctx, oid) {
    const text = await snapshotAt(ctx, oid).read(ctx.config);
    if (text === undefined) {
        throw new errors/* UserError */.y(`${ctx.config} is missing in ${full(ctx)} at ${promotion_short(oid)}`, {
            hint: "Create the config file at the repository root, or set `config` to where it is.",
        });
    }
    return loadConfig(text, ctx.config);
}
/** What an environment runs at one commit, read through GitHub without a clone. */
async function environmentAt(ctx, oid, env, name = env.name) {
    const snapshot = snapshotAt(ctx, oid, env.paths);
    const read = await (0,github_errors/* onGitHub */.xr)({ operation: `read ${env.name} at ${promotion_short(oid)}`, repository: full(ctx) }, () => readEnvironment(snapshot, env));
    return { ...read, name };
}
function imagesKey(images) {
    return [...images.apps]
        .map(([app, refs]) => `${app}=${[...new Set(refs.map((r) => (0,src_image/* formatImageRef */.kL)(r.ref)))].sort().join(",")}`)
        .sort()
        .join("\n");
}
/**
 * The commit a rollback returns to: the parent of the newest commit that changed the target's image references
 * (found among the commits touching its files), so a later change of replicas or comments is not mistaken for it.
 */
async function previousRevision(ctx, base, target) {
    const { owner, repo } = ctx.repository;
    const current = await environmentAt(ctx, base, target);
    const files = await (0,update.resolvePaths)(snapshotAt(ctx, base, target.paths), target.paths);
    const candidates = new Map();
    for (const path of files) {
        const { data } = await (0,github_errors/* onGitHub */.xr)({ operation: `read the history of ${path}`, repository: full(ctx) }, () => ctx.clients.read.request("GET /repos/{owner}/{repo}/commits", {
            owner,
            repo,
            sha: base,
            path,
            per_page: 10,
        }));
        for (const commit of data) {
            candidates.set(commit.sha, {
                date: commit.commit.committer?.date ?? "",
                parent: commit.parents[0]?.sha,
            });
        }
    }
    const newestFirst = [...candidates].sort((a, b) => b[1].date.localeCompare(a[1].date));
    const wanted = imagesKey(current);
    for (const [sha, { parent }] of newestFirst.slice(0, 20)) {
        if (!parent)
            continue;
        const before = await environmentAt(ctx, parent, target).catch((error) => {
            if (error instanceof errors/* UserError */.y)
                return undefined; // the environment did not exist yet
            throw error;
        });
        if (before && imagesKey(before) !== wanted) {
            ctx.logger.info(`${target.name}'s image references last changed in ${promotion_short(sha)}; rolling back to ${promotion_short(parent)}`);
            return parent;
        }
    }
    throw new errors/* UserError */.y(`found no earlier image references of ${target.name} in the recent history of its files`, {
        hint: "Give the commit to return to with the `revision` input.",
    });
}
async function resolveRevision(ctx, revision) {
    const { owner, repo } = ctx.repository;
    try {
        const { data } = await ctx.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}", {
            owner,
            repo,
            ref: revision,
        });
        return data.sha;
    }
    catch (error) {
        if ((0,github_errors/* httpStatus */.nG)(error) === 404 || (0,github_errors/* httpStatus */.nG)(error) === 422) {
            throw new errors/* UserError */.y(`revision ${JSON.stringify(revision)} is not a commit, branch or tag of ${full(ctx)}`, {
                hint: "Give a commit SHA (or a tag) from the config repository's history.",
            });
        }
        throw (0,github_errors/* translateGitHubError */.yw)(error, { operation: `resolve revision ${revision}`, repository: full(ctx) });
    }
}
function reviewerRequests(target, owner) {
    const reviewers = [];
    const teamReviewers = [];
    for (const entry of target.reviewers) {
        const team = /^@([^/]+)\/(.+)$/.exec(entry);
        if (!team)
            reviewers.push(entry);
        else if (team[1].toLowerCase() === owner.toLowerCase())
            teamReviewers.push(team[2]);
    }
    return { reviewers, teamReviewers };
}
/**
 * Opens or updates the one pull request of a promotion edge (or the rollback of an environment), through the
 * same delivery as update-manifest-tag: one verified commit on a fixed branch, the pull request updated in place.
 * A target whose mode is `commit` receives the change as a commit on the base branch instead.
 */
async function propose(ctx, request) {
    const base = await baseHead(ctx);
    const config = await configAt(ctx, base.oid);
    let marker;
    let target;
    let patterns;
    let planOn;
    const filters = { apps: request.apps, images: request.images };
    if (request.kind === "promotion") {
        const edge = promotionEdge(config, request.to, request.from);
        target = edge.target;
        marker = { kind: "promotion", from: edge.source.name, to: target.name };
        patterns = [...new Set([...edge.source.paths, ...target.paths])];
        planOn = (reader) => planPromotion(reader, edge.source, edge.target, filters);
    }
    else {
        target = findEnvironment(config, request.to);
        const revision = request.revision
            ? await resolveRevision(ctx, request.revision)
            : await previousRevision(ctx, base.oid, target);
        marker = { kind: "rollback", from: target.name, to: target.name, revision };
        patterns = target.paths;
        const earlier = await environmentAt(ctx, revision, target, `${target.name} at ${promotion_short(revision)}`);
        planOn = async (reader) => planBetween(earlier, await readEnvironment(reader, target), filters);
    }
    let promotion;
    let plannedOn = base.oid;
    const delivery = await deliverThroughGitHub({
        clients: ctx.clients,
        repository: ctx.repository,
        base: base.name,
        mode: target.mode,
        target: { patterns },
        plan: async (reader) => {
            plannedOn = reader.commit || plannedOn;
            promotion = await planOn(reader);
            return { ...promotion, missing: [], scanned: [] };
        },
        branch: (0,texts.promotionBranch)(marker),
        texts: (_plan, baseName) => {
            const message = (0,texts.commitMessage)(promotion, marker);
            return {
                ...message,
                title: (0,texts.promotionTitle)(promotion, marker),
                pullRequestBody: (0,texts.promotionBody)(promotion, marker, {
                    base: baseName,
                    baseOid: plannedOn,
                    serverUrl: ctx.serverUrl,
                    run: ctx.runUrl,
                }),
            };
        },
        pullRequest: {
            labels: [marker.kind, `env:${target.name}`],
            ...reviewerRequests(target, ctx.repository.owner),
            draft: false,
            autoMerge: false,
        },
        dryRun: request.dryRun,
        logger: ctx.logger,
        ...request.extras,
    });
    return { delivery, plan: promotion, marker, target };
}
/** Open pull requests this action opened for `to` (promotion and rollback), oldest first. */
async function openPromotions(ctx, to) {
    const { owner, repo } = ctx.repository;
    const pulls = await (0,github_errors/* onGitHub */.xr)({ operation: "list open pull requests", repository: full(ctx), pullRequests: true }, () => paginate((page) => ctx.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
        owner,
        repo,
        state: "open",
        per_page: 100,
        page,
        direction: "asc",
    })));
    return pulls.filter((pr) => (0,texts.parseMarker)(pr.body)?.to === to).map((pr) => pr.number);
}
/** Files per GraphQL document: two blobs each, well inside GitHub's query limits. */
const FILES_PER_QUERY = 50;
async function fileContents(ctx, files, baseOid, headOid) {
    const read = [];
    for (let start = 0; start < files.length; start += FILES_PER_QUERY) {
        read.push(...(await fileContentsBatch(ctx, files.slice(start, start + FILES_PER_QUERY), baseOid, headOid)));
    }
    return read;
}
async function fileContentsBatch(ctx, files, baseOid, headOid) {
    const declarations = ["$owner: String!", "$name: String!"];
    const variables = { owner: ctx.repository.owner, name: ctx.repository.repo };
    const fields = [];
    files.forEach((file, index) => {
        for (const [side, oid, path] of [
            ["b", baseOid, file.previousPath ?? file.path],
            ["h", headOid, file.path],
        ]) {
            declarations.push(`$${side}${index}: String!`);
            variables[`${side}${index}`] = `${oid}:${path}`;
            fields.push(`${side}${index}: object(expression: $${side}${index}) { ... on Blob { text isBinary isTruncated } }`);
        }
    });
    const data = await (0,github_errors/* onGitHub */.xr)({ operation: "read the pull request's files", repository: full(ctx) }, () => ctx.clients.read.graphql(`query(${declarations.join(", ")}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`, variables));
    const text = (blob) => blob && !blob.isBinary && !blob.isTruncated && typeof blob.text === "string" ? blob.text : undefined;
    return files.map((file, index) => ({
        ...file,
        base: text(data.repository?.[`b${index}`]),
        head: text(data.repository?.[`h${index}`]),
    }));
}
/** Who of `logins` belongs to each `@org/team` the environment names (one request per candidate and team). */
async function teamMembers(ctx, reviewers, logins) {
    const members = {};
    for (const entry of reviewers) {
        const team = /^@([^/]+)\/(.+)$/.exec(entry);
        if (!team)
            continue;
        members[entry] = [];
        for (const username of logins) {
            try {
                const { data } = await ctx.clients.read.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", {
                    org: team[1],
                    team_slug: team[2],
                    username,
                });
                if (data.state === "active")
                    members[entry].push(username);
            }
            catch (error) {
                if ((0,github_errors/* httpStatus */.nG)(error) === 404)
                    continue;
                if ((0,github_errors/* httpStatus */.nG)(error) === 403) {
                    ctx.logger.warning(`cannot read the members of ${entry} (403): approvals by its members do not count. ` +
                        "Team membership needs a token with `members: read` on the organisation (a GitHub App or PAT; GITHUB_TOKEN cannot).");
                    break;
                }
                throw (0,github_errors/* translateGitHubError */.yw)(error, {
                    operation: `read the membership of ${entry}`,
                    repository: full(ctx),
                });
            }
        }
    }
    return members;
}
async function writers(ctx, logins) {
    const { owner, repo } = ctx.repository;
    const found = [];
    for (const username of logins) {
        const { data } = await (0,github_errors/* onGitHub */.xr)({ operation: `read the permission of ${username}`, repository: full(ctx) }, () => ctx.clients.read.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
            owner,
            repo,
            username,
        }));
        if (data.permission === "admin" || data.permission === "write" || data.role_name === "maintain") {
            found.push(username);
        }
    }
    return found;
}
/** Reads every page of a list endpoint that wraps its items (`{ total_count, check_runs }`). */
async function paginateWrapped(fetchPage) {
    const all = [];
    for (let page = 1; page <= 20; page++) {
        const { total, items } = await fetchPage(page);
        all.push(...items);
        if (items.length < 100 || all.length >= total)
            break;
    }
    return all;
}
/** A 403 on the checks API means the token cannot read checks: say which permission gives it. */
async function readChecks(ctx, what, sha, read) {
    try {
        return await read();
    }
    catch (error) {
        if ((0,github_errors/* httpStatus */.nG)(error) === 403 && /resource not accessible/i.test((0,github_errors/* gitHubMessage */.RG)(error))) {
            throw new errors/* UserError */.y(`GitHub refused to read the ${what} of ${promotion_short(sha)} in ${full(ctx)} (403 ${(0,github_errors/* gitHubMessage */.RG)(error)}); ` +
                "require-status names checks, so the gate must read them", {
                hint: "Give the token `checks: read`: in the workflow `permissions: { checks: read }` for GITHUB_TOKEN, or " +
                    "`permission-checks: read` on actions/create-github-app-token (and the Checks permission on the App). " +
                    "To require only a commit status, write it as status:CONTEXT in require-status.",
                cause: error,
            });
        }
        throw (0,github_errors/* translateGitHubError */.yw)(error, {
            operation: `read the ${what} of ${promotion_short(sha)}`,
            repository: full(ctx),
        });
    }
}
/**
 * The commit statuses of `sha`, and its check runs and check suites when a requirement can be answered by them
 * (a plain name is a status context or a check run name; `check-suite:` needs the suites).
 */
async function reportsOn(ctx, sha, requireStatus) {
    const { owner, repo } = ctx.repository;
    if (requireStatus.length === 0)
        return { statuses: [] };
    const needed = (0,promote_checks/* reportsNeeded */.JM)(requireStatus);
    const { data: combined } = await (0,github_errors/* onGitHub */.xr)({ operation: `read the statuses of ${promotion_short(sha)}`, repository: full(ctx) }, () => ctx.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/status", {
        owner,
        repo,
        ref: sha,
        per_page: 100,
    }));
    const checks = {
        statuses: combined.statuses.map((s) => ({ context: s.context, state: s.state })),
    };
    if (needed.checkRuns) {
        checks.checkRuns = await readChecks(ctx, "check runs", sha, () => paginateWrapped(async (page) => {
            const { data } = await ctx.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
                owner,
                repo,
                ref: sha,
                filter: "latest",
                per_page: 100,
                page,
            });
            return {
                total: data.total_count,
                items: data.check_runs.map((run) => ({
                    id: Number(run.id),
                    name: run.name,
                    status: run.status,
                    conclusion: run.conclusion,
                })),
            };
        }));
    }
    if (needed.checkSuites) {
        checks.checkSuites = await readChecks(ctx, "check suites", sha, () => paginateWrapped(async (page) => {
            const { data } = await ctx.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/check-suites", {
                owner,
                repo,
                ref: sha,
                per_page: 100,
                page,
            });
            return {
                total: data.total_count,
                items: data.check_suites.map((suite) => ({
                    id: Number(suite.id),
                    app: suite.app?.slug ?? "",
                    status: suite.status,
                    conclusion: suite.conclusion,
                    runs: suite.latest_check_runs_count,
                })),
            };
        }));
    }
    return checks;
}
/**
 * Fetches everything the gate decides on for one pull request and evaluates it. Returns undefined for a pull
 * request this action did not open, or one for another target environment.
 */
async function evaluatePullRequest(ctx, number, options) {
    const { owner, repo } = ctx.repository;
    const context = { operation: `read pull request #${number}`, repository: full(ctx), pullRequests: true };
    const { data: pr } = await (0,github_errors/* onGitHub */.xr)(context, () => ctx.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: number,
    }));
    const marker = (0,texts.parseMarker)(pr.body);
    if (!marker || marker.to !== options.to)
        return undefined;
    if (pr.state !== "open") {
        ctx.logger.info(`pull request #${number} is ${pr.merged ? "merged" : "closed"}; nothing to gate`);
        return undefined;
    }
    const info = {
        number,
        url: pr.html_url,
        headSha: pr.head.sha,
        headRef: pr.head.ref,
        baseRef: pr.base.ref,
        author: pr.user?.login ?? "",
        body: pr.body ?? "",
    };
    const base = await baseHead(ctx, pr.base.ref);
    const config = await configAt(ctx, base.oid);
    const target = findEnvironment(config, marker.to);
    const { data: compare } = await (0,github_errors/* onGitHub */.xr)(context, () => ctx.clients.read.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        owner,
        repo,
        basehead: `${base.oid}...${info.headSha}`,
    }));
    const sourceCommit = compare.merge_base_commit.sha;
    const listed = compare.files?.length ?? 0;
    if (listed < pr.changed_files) {
        // GitHub lists at most 300 files per comparison; an unchecked file could hide any change.
        throw new errors/* UserError */.y(`pull request #${number} changes ${pr.changed_files} files and GitHub listed only ${listed}, so the gate cannot check them all`, { hint: "Promote fewer apps at once (the `apps` input) so each promotion stays reviewable." });
    }
    const files = await fileContents(ctx, (compare.files ?? []).map((file) => ({
        path: file.filename,
        status: file.status,
        ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
    })), sourceCommit, info.headSha);
    const reviews = (await (0,github_errors/* onGitHub */.xr)(context, () => paginate((page) => ctx.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
        owner,
        repo,
        pull_number: number,
        per_page: 100,
        page,
    })))).map((review) => ({
        user: review.user?.login ?? "",
        userType: review.user?.type,
        state: review.state,
        commitId: review.commit_id ?? "",
    }));
    const candidates = [
        ...new Set(reviews
            .filter((r) => r.user && r.user.toLowerCase() !== info.author.toLowerCase() && !(0,promote_reviews/* isBot */.w2)(r.user, r.userType))
            .map((r) => r.user)),
    ];
    const origin = [];
    if (info.headRef !== (0,texts.promotionBranch)(marker)) {
        origin.push(`the ${marker.kind} of ${marker.to} must come from branch ${(0,texts.promotionBranch)(marker)}, not ${info.headRef}`);
    }
    if (marker.kind === "rollback" && marker.revision) {
        // Only a state the base branch really had is a rollback: any other commit could carry anything.
        const revision = marker.revision;
        const status = await ctx.clients.read
            .request("GET /repos/{owner}/{repo}/compare/{basehead}", {
            owner,
            repo,
            basehead: `${revision}...${base.oid}`,
            per_page: 1,
        })
            .then(({ data }) => data.status, (error) => {
            if ((0,github_errors/* httpStatus */.nG)(error) === 404)
                return "missing";
            throw (0,github_errors/* translateGitHubError */.yw)(error, context);
        });
        if (status !== "ahead" && status !== "identical") {
            origin.push(`rollback revision ${promotion_short(revision)} is not in the history of ${base.name}`);
        }
    }
    let source;
    if (marker.kind === "promotion") {
        const from = findEnvironment(config, marker.from);
        source = {
            name: from.name,
            commit: sourceCommit,
            images: await environmentAt(ctx, base.oid, from),
            checks: await reportsOn(ctx, sourceCommit, target.requireStatus),
        };
    }
    else {
        const revision = marker.revision ?? sourceCommit;
        source = {
            name: `${target.name} at ${promotion_short(revision)}`,
            commit: revision,
            images: await environmentAt(ctx, revision, target),
            checks: { statuses: [] },
        };
    }
    const result = (0,gate.evaluateGate)({
        kind: marker.kind,
        now: options.now,
        pullRequest: { number, author: info.author, headSha: info.headSha, files },
        reviews,
        reviewers: {
            reviewers: target.reviewers,
            teamMembers: await teamMembers(ctx, target.reviewers, candidates),
            writers: target.reviewers.length === 0 ? await writers(ctx, candidates) : [],
        },
        approvals: requiredApprovals(target, marker.kind),
        windows: target.windows,
        requireStatus: target.requireStatus,
        target: { name: target.name, paths: target.paths },
        source: {
            name: source.name,
            commit: source.commit,
            images: Object.fromEntries(source.images.apps),
            ...source.checks,
        },
        origin,
    });
    return { pullRequest: info, marker, target, result, sourceCommit };
}
async function setGateStatus(ctx, sha, state, description) {
    const { owner, repo } = ctx.repository;
    await (0,github_errors/* onGitHub */.xr)({ operation: `set the ${GATE_CONTEXT} status`, repository: full(ctx) }, () => ctx.clients.write.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
        owner,
        repo,
        sha,
        state,
        context: GATE_CONTEXT,
        description,
        ...(ctx.runUrl ? { target_url: ctx.runUrl } : {}),
    }));
}
/** Merges at the evaluated head only: a push between evaluation and merge makes GitHub refuse (409). */
async function mergePullRequest(ctx, pullRequest, method) {
    const { owner, repo } = ctx.repository;
    try {
        const { data } = await ctx.clients.write.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
            owner,
            repo,
            pull_number: pullRequest.number,
            sha: pullRequest.headSha,
            merge_method: method,
        });
        ctx.logger.info(`Merged pull request #${pullRequest.number} (${method}) as ${promotion_short(data.sha)}`);
        return data.sha;
    }
    catch (error) {
        const status = (0,github_errors/* httpStatus */.nG)(error);
        if (status === 405 || status === 409) {
            throw new errors/* UserError */.y(`GitHub refused to merge pull request #${pullRequest.number}: ${error.message}`, {
                hint: status === 409
                    ? "The pull request changed while the gate was evaluated; the next event evaluates it again."
                    : "Check the branch protection of the base branch (required reviews or checks this token cannot satisfy) and the allowed merge methods.",
            });
        }
        throw (0,github_errors/* translateGitHubError */.yw)(error, {
            operation: `merge pull request #${pullRequest.number}`,
            repository: full(ctx),
            pullRequests: true,
        });
    }
}
/**
 * Records a change that landed in an environment as a GitHub Deployment with a success status, so deployment
 * frequency and lead time can be read from GitHub. The images go in the payload.
 */
async function recordDeployment(ctx, deployment) {
    const { owner, repo } = ctx.repository;
    const context = { operation: `record a deployment to ${deployment.environment}`, repository: full(ctx) };
    const { data } = await (0,github_errors/* onGitHub */.xr)(context, () => ctx.clients.write.request("POST /repos/{owner}/{repo}/deployments", {
        owner,
        repo,
        ref: deployment.sha,
        environment: deployment.environment,
        description: deployment.description.slice(0, 140),
        auto_merge: false,
        required_contexts: [],
        payload: {
            images: deployment.images,
            ...(deployment.pullRequest ? { pullRequest: deployment.pullRequest } : {}),
        },
    }));
    if (!("id" in data))
        throw new errors/* UserError */.y(`GitHub did not create the deployment: ${data.message ?? "no reason given"}`);
    await (0,github_errors/* onGitHub */.xr)(context, () => ctx.clients.write.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
        owner,
        repo,
        deployment_id: Number(data.id),
        state: "success",
        description: "Recorded by gitops-pipeline promote-env",
        ...(ctx.runUrl ? { log_url: ctx.runUrl } : {}),
    }));
    ctx.logger.info(`Recorded deployment ${data.id} to ${deployment.environment} at ${promotion_short(deployment.sha)}`);
    return { id: Number(data.id), url: data.url };
}
/**
 * One pass of the gate over one pull request: evaluate, set the status (pending while a fresh proposal waits,
 * failure once a gate event found it blocked), merge when open and asked, and record the deployment. Undefined for
 * a pull request that is not an open promotion to `to`.
 */
async function runGate(ctx, number, options) {
    const evaluation = await evaluatePullRequest(ctx, number, options);
    if (!evaluation)
        return undefined;
    const { result, pullRequest, target, marker } = evaluation;
    for (const reason of result.reasons)
        ctx.logger.info(`#${number} blocked: ${reason}`);
    if (options.dryRun)
        return { evaluation };
    const state = result.open ? "success" : options.final ? "failure" : "pending";
    await setGateStatus(ctx, pullRequest.headSha, state, (0,gate.gateDescription)(result));
    if (!result.open || !options.merge)
        return { evaluation };
    const merged = await mergePullRequest(ctx, pullRequest, options.merge);
    if (options.recordDeployment) {
        await recordDeployment(ctx, {
            sha: merged,
            environment: target.name,
            images: (0,gate.imagesAfter)(result.changes),
            description: `${marker.kind} #${number}`,
            pullRequest: number,
        });
    }
    return { evaluation, merged };
}


/***/ })

};
