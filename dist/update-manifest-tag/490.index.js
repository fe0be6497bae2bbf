export const id = 490;
export const ids = [490];
export const modules = {

/***/ 2400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AC: () => (/* binding */ applyMetadata),
  d6: () => (/* binding */ closePullRequest),
  OY: () => (/* binding */ deliverThroughGitHub),
  _f: () => (/* binding */ findPullRequest),
  Yh: () => (/* binding */ gitBlobOid),
  x5: () => (/* binding */ openOrUpdatePullRequest)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github/errors.ts
var github_errors = __webpack_require__(3116);
// EXTERNAL MODULE: ./src/update/index.ts + 13 modules
var update = __webpack_require__(2941);
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


/***/ }),

/***/ 3490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  branchFor: () => (/* binding */ branchFor),
  planner: () => (/* binding */ planner),
  pullRequestOptions: () => (/* binding */ pullRequestOptions),
  targetFromConfig: () => (/* binding */ targetFromConfig),
  textsFor: () => (/* binding */ textsFor),
  updateThroughGitHub: () => (/* binding */ updateThroughGitHub)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/promote/checks.ts
// What `require-status` asks of the source commit, and how commit statuses, check runs and check suites answer it.
// A smoke test that runs as a job of a workflow reports a check run, Argo CD's notifications a commit status, a
// scanning app a check suite; the gate reads all three with one meaning of success, pending and failure.

const PREFIXES = [
    ["status:", "status"],
    ["check:", "check-run"],
    ["check-suite:", "check-suite"],
];
/** Reads one `require-status` entry; a known prefix with nothing after it is a mistake. */
function parseRequirement(text) {
    for (const [prefix, kind] of PREFIXES) {
        if (!text.startsWith(prefix))
            continue;
        const name = text.slice(prefix.length).trim();
        if (name === "") {
            throw new errors/* UserError */.y(`require-status entry ${JSON.stringify(text)} names nothing after '${prefix}'`, {
                hint: "Write NAME (a commit status context or a check run name), status:CONTEXT, check:CHECK-RUN-NAME " +
                    "or check-suite:APP-SLUG.",
            });
        }
        return { text, kind, name };
    }
    return { text, kind: "any", name: text };
}
const UNVERIFIED = new Set(["neutral", "skipped"]);
const UNVERIFIED_NOTE = "neutral and skipped verify nothing, so they do not count as success";
function statusObservation(status) {
    const verdict = status.state === "success" ? "success" : status.state === "pending" ? "pending" : "failure";
    return { source: "commit status", state: status.state, verdict };
}
/**
 * A check run or suite: anything not completed is pending; once completed only `success` passes. `neutral` and
 * `skipped` (a job whose `if:` was false) say nothing about staging, so they block like a failure; any other
 * conclusion (failure, cancelled, timed_out, action_required, stale, startup_failure, or one GitHub adds later)
 * fails.
 */
function checkObservation(source, status, conclusion) {
    if (status !== "completed") {
        const state = status ?? "queued";
        // An unknown in-flight status is still in flight: it blocks, and a later evaluation sees it finish.
        return { source, state, verdict: "pending" };
    }
    const state = conclusion ?? "completed";
    if (state === "success")
        return { source, state, verdict: "success" };
    if (UNVERIFIED.has(state))
        return { source, state, verdict: "failure", note: UNVERIFIED_NOTE };
    return { source, state, verdict: "failure" };
}
/** The latest check run of each name: a re-run replaces what it re-runs. */
function latestCheckRuns(runs) {
    const latest = new Map();
    for (const run of runs) {
        const seen = latest.get(run.name);
        if (!seen || run.id > seen.id)
            latest.set(run.name, run);
    }
    return latest;
}
function observe(requirement, checks) {
    const found = [];
    const { kind, name } = requirement;
    if (kind === "any" || kind === "status") {
        const status = checks.statuses.find((s) => s.context === name);
        if (status)
            found.push(statusObservation(status));
    }
    if (kind === "any" || kind === "check-run") {
        const run = latestCheckRuns(checks.checkRuns ?? []).get(name);
        if (run)
            found.push(checkObservation("check run", run.status, run.conclusion));
    }
    if (kind === "check-suite") {
        for (const suite of checks.checkSuites ?? []) {
            if (suite.app === name && suite.runs > 0) {
                found.push(checkObservation("check suite", suite.status, suite.conclusion));
            }
        }
    }
    return found;
}
const NOUN = {
    any: "status",
    status: "status",
    "check-run": "check run",
    "check-suite": "check suite",
};
/**
 * Evaluates one requirement against the source commit's reports. Every report that answers it must pass: a
 * commit status and a check run of the same name both count, and several suites of one app all must succeed.
 */
function evaluateRequirement(requirement, checks, where) {
    const noun = NOUN[requirement.kind];
    const observations = observe(requirement, checks);
    if (observations.length === 0) {
        return {
            requirement,
            verdict: undefined,
            detail: `required ${noun} ${requirement.name} not reported ${where}`,
        };
    }
    const deciding = observations.find((o) => o.verdict === "failure") ??
        observations.find((o) => o.verdict === "pending") ??
        observations[0];
    const sources = [...new Set(observations.map((o) => o.source))];
    const shown = requirement.kind === "any" && sources.length === 1 && sources[0] === "commit status"
        ? ""
        : sources.length === 1
            ? ` (${observations.length > 1 ? `${observations.length} ${sources[0]}s` : sources[0]})`
            : ` (${observations.map((o) => `${o.source} ${o.state}`).join(", ")})`;
    return {
        requirement,
        verdict: deciding.verdict,
        detail: `required ${noun} ${requirement.name} is ${deciding.state} ${where}${shown}` +
            (deciding.note ? `; ${deciding.note}` : ""),
    };
}
/** Which kinds of report the requirements can be answered by, so an adapter fetches only those. */
function reportsNeeded(requirements) {
    const kinds = new Set(requirements.map((text) => parseRequirement(text).kind));
    return { checkRuns: kinds.has("any") || kinds.has("check-run"), checkSuites: kinds.has("check-suite") };
}

;// CONCATENATED MODULE: ./src/promote/window.ts

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FORMAT_HINT = 'Write a window as "DAYS HH:MM-HH:MM ZONE", e.g. "Mon-Fri 09:00-17:00 Europe/Berlin"; DAYS is a day (Mon), a range ' +
    "(Mon-Fri, Fri-Mon wraps over the weekend) or a comma list of those; ZONE is an IANA time zone such as UTC.";
function dayIndex(name, window, where) {
    const index = DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase());
    const full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    if (index < 0 || !(name.length === 3 || name.toLowerCase() === full[index])) {
        throw new errors/* UserError */.y(`deployment window ${JSON.stringify(window)}: unknown day ${JSON.stringify(name)}`, {
            ...where,
            hint: "Days are Mon, Tue, Wed, Thu, Fri, Sat, Sun (or their full English names).",
        });
    }
    return index;
}
function parseDays(spec, window, where) {
    const days = new Set();
    for (const part of spec.split(",")) {
        const [first, last, extra] = part.split("-");
        if (!first || extra !== undefined || last === "") {
            throw new errors/* UserError */.y(`deployment window ${JSON.stringify(window)}: bad day range ${JSON.stringify(part)}`, {
                ...where,
                hint: FORMAT_HINT,
            });
        }
        const from = dayIndex(first, window, where);
        const to = last === undefined ? from : dayIndex(last, window, where);
        // A range walks forward through the week, so Fri-Mon is Fri, Sat, Sun, Mon.
        for (let day = from;; day = (day + 1) % 7) {
            days.add(day);
            if (day === to)
                break;
        }
    }
    return days;
}
function parseTime(text, window, where) {
    const match = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(text);
    const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
    if (!match || minutes > 24 * 60) {
        throw new errors/* UserError */.y(`deployment window ${JSON.stringify(window)}: bad time ${JSON.stringify(text)}`, {
            ...where,
            hint: "Times are 24-hour HH:MM, from 00:00 to 24:00.",
        });
    }
    return minutes;
}
/** Parses one window; `where` points errors at the config line that holds it. */
function parseWindow(text, where = {}) {
    const fields = text.trim().split(/\s+/);
    if (fields.length !== 3) {
        throw new errors/* UserError */.y(`deployment window ${JSON.stringify(text)}: expected 3 fields (days, time span, time zone), found ${fields[0] === "" ? 0 : fields.length}`, { ...where, hint: FORMAT_HINT });
    }
    const [daySpec, span, zone] = fields;
    const days = parseDays(daySpec, text, where);
    const times = span.split("-");
    if (times.length !== 2) {
        throw new errors/* UserError */.y(`deployment window ${JSON.stringify(text)}: bad time span ${JSON.stringify(span)}`, {
            ...where,
            hint: FORMAT_HINT,
        });
    }
    const start = parseTime(times[0], text, where);
    const end = parseTime(times[1], text, where);
    if (start === end) {
        throw new errors/* UserError */.y(`deployment window ${JSON.stringify(text)}: the span ${span} is empty`, {
            ...where,
            hint: "Use 00:00-24:00 for a whole day.",
        });
    }
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
    }
    catch {
        throw new errors/* UserError */.y(`deployment window ${JSON.stringify(text)}: unknown time zone ${JSON.stringify(zone)}`, {
            ...where,
            hint: "Use an IANA zone name such as Europe/Berlin, America/New_York or UTC.",
        });
    }
    return { text, days, start, end, zone };
}
/** Weekday (0 = Sunday) and minutes after midnight of `now` on the wall clocks of `zone`. */
function wallClock(now, zone) {
    const parts = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        weekday: "short",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
    }).formatToParts(now);
    const part = (type) => parts.find((p) => p.type === type)?.value ?? "";
    const weekday = part("weekday");
    const hour = Number(part("hour"));
    const minute = Number(part("minute"));
    return {
        day: DAY_NAMES.indexOf(weekday.toLowerCase()),
        minutes: hour * 60 + minute,
        label: `${weekday} ${part("hour")}:${part("minute")} ${zone}`,
    };
}
function isWindowOpen(window, now) {
    const { day, minutes } = wallClock(now, window.zone);
    if (window.start < window.end) {
        return window.days.has(day) && minutes >= window.start && minutes < window.end;
    }
    // An overnight span belongs to the day it starts on: "Fri 22:00-02:00" includes Saturday 01:00.
    const yesterday = (day + 6) % 7;
    return ((window.days.has(day) && minutes >= window.start) || (window.days.has(yesterday) && minutes < window.end));
}
/** Several windows are alternatives: the gate is inside when any one of them is open; none configured = always. */
function anyWindowOpen(windows, now) {
    return windows.length === 0 || windows.some((window) => isWindowOpen(window, now));
}

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
                parseWindow(value, { file: reader.file.path, ...(0,yaml/* positionOf */.df)(reader.file, node.range?.[0] ?? 0) });
            })
            : [],
        requireStatus: statusEntry
            ? reader.strings(statusEntry, `require-status of ${where}`, (value, node) => {
                try {
                    parseRequirement(value);
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


// EXTERNAL MODULE: ./src/github/client.ts + 17 modules
var client = __webpack_require__(8612);
// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
// EXTERNAL MODULE: ./src/update/index.ts + 13 modules
var update = __webpack_require__(2941);
// EXTERNAL MODULE: ./src/delivery/github.ts + 1 modules
var github = __webpack_require__(2400);
// EXTERNAL MODULE: ./src/delivery/render.ts
var render = __webpack_require__(7146);
;// CONCATENATED MODULE: ./src/delivery/run.ts







/** The planner bound to the request: the core's planUpdate plus the missing-image rule. */
function planner(request, logger) {
    return async (reader, patterns) => {
        const plan = await (0,update.planUpdate)(reader, patterns, request.images, { helmPaths: request.helmPaths });
        if (plan.missing.length > 0) {
            const names = plan.missing.map(src_image/* formatImageRef */.kL).join(", ");
            if (!request.allowMissing) {
                throw (0,update.missingImagesError)(plan, patterns, "Check the image names and the paths (or the environment), or set allow-missing: true to update the others.");
            }
            logger.warning(`not referenced under ${patterns.join(", ")} (allowed): ${names}`);
        }
        for (const warning of plan.warnings ?? [])
            logger.warning(`${warning.file}:${warning.line}: ${warning.message}`);
        return plan;
    };
}
/** Paths and mode of the request's environment, from the config file's text. */
function targetFromConfig(request, text) {
    if (text === undefined) {
        throw new errors/* UserError */.y(`environment ${request.environment} needs ${request.config} in the config repository, and there is none`, {
            hint: "Create the config file at the repository root, set `config` to where it is, or give `paths` instead.",
        });
    }
    const environment = findEnvironment(loadConfig(text, request.config), request.environment);
    return { patterns: environment.paths, mode: environment.mode };
}
/** Commit message, pull request title and body, from the inputs or from the changes. */
function textsFor(request) {
    return (plan, base) => {
        const title = request.title || (0,render/* defaultTitle */.QL)(request.images, request);
        const [headline, ...rest] = (request.commitMessage || title).split(/\r?\n/);
        const body = request.commitMessage ? rest.join("\n").trim() : (0,update.commitBody)(plan.changes);
        return {
            headline: headline.trim() || title,
            body,
            title,
            pullRequestBody: (0,render/* pullRequestBody */.NF)(plan.changes, {
                environment: request.environment,
                base,
                run: request.runUrl,
            }),
        };
    };
}
function pullRequestOptions(request) {
    const { labels, reviewers, teamReviewers, draft, autoMerge, maintainerCanModify } = request;
    return { labels, reviewers, teamReviewers, draft, autoMerge, maintainerCanModify };
}
function branchFor(request) {
    return (request.branch ||
        (0,render/* headBranchName */.wh)({ environment: request.environment, paths: request.paths }, request.images));
}
/** API mode: no clone, one commit, at most one pull request. */
function updateThroughGitHub(request, clients, logger) {
    return (0,github/* deliverThroughGitHub */.OY)({
        clients,
        repository: request.repository ?? (0,client.parseRepository)(""),
        base: request.base,
        mode: request.mode,
        target: request.environment
            ? { config: request.config, resolve: (text) => targetFromConfig(request, text) }
            : { patterns: request.paths },
        plan: planner(request, logger),
        branch: branchFor(request),
        texts: textsFor(request),
        pullRequest: pullRequestOptions(request),
        body: request.body,
        deleteBranch: request.deleteBranch,
        // createCommitOnBranch commits as the token: the trailer names it unless the workflow names someone.
        signoff: request.signoff ? (request.committer ?? request.author ?? "token") : undefined,
        dryRun: request.dryRun,
        logger,
    });
}


/***/ })

};
