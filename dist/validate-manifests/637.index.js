export const id = 637;
export const ids = [637];
export const modules = {

/***/ 7637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RENDERED_DIFF_MARKER: () => (/* reexport */ RENDERED_DIFF_MARKER),
  annotated: () => (/* reexport */ annotated),
  changedFilesFromGit: () => (/* reexport */ changedFilesFromGit),
  createGitHubClient: () => (/* reexport */ createGitHubClient),
  failed: () => (/* reexport */ failed),
  formatReport: () => (/* reexport */ formatReport),
  parseRepository: () => (/* reexport */ parseRepository),
  productionNote: () => (/* reexport */ productionNote),
  renderedDiffAgainst: () => (/* reexport */ renderedDiffAgainst),
  renderedDiffMarkdown: () => (/* reexport */ renderedDiffMarkdown),
  requestTimeoutMs: () => (/* reexport */ requestTimeoutMs),
  resourceName: () => (/* reexport */ resourceName),
  runValidation: () => (/* reexport */ runValidation),
  toJson: () => (/* reexport */ toJson),
  toMarkdown: () => (/* reexport */ toMarkdown),
  upsertMarkedComment: () => (/* reexport */ upsertMarkedComment),
  writeInsideWorkspace: () => (/* reexport */ writeInsideWorkspace)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/process/env.ts
/**
 * The environment a child tool (git, kustomize) gets: what it needs to find itself, its configuration, certificates
 * and proxies — never the action's inputs (INPUT_TOKEN), the runner's tokens or anything else a tool could leak into
 * an error message, a hook or a credential helper.
 */
const PASSED = new Set([
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "TMPDIR",
    "TEMP",
    "TMP",
    "LANG",
    "TZ",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "NODE_EXTRA_CA_CERTS",
    "GIT_SSL_CAINFO",
    "GIT_SSL_CAPATH",
    "GIT_CONFIG_GLOBAL",
    "GIT_CONFIG_SYSTEM",
    "GIT_CONFIG_NOSYSTEM",
    "GIT_EXEC_PATH",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "no_proxy",
    "KUBECONFIG",
]);
function childEnv(env = process.env, extra = {}) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined &&
            (PASSED.has(name) ||
                name.startsWith("GIT_CONFIG_KEY_") ||
                name.startsWith("GIT_CONFIG_VALUE_") ||
                name === "GIT_CONFIG_COUNT"))
            out[name] = value;
    }
    return { ...withBothProxyCases(out), ...extra };
}
/**
 * Tools disagree on the case they read: curl (and so git) ignores an upper-case HTTP_PROXY and reads http_proxy, Go
 * tools (buildah, podman, kubectl) read either. The runner documents the upper-case names, so each is passed in both
 * cases, a form the user set themselves winning over a copy.
 */
function withBothProxyCases(env) {
    const out = { ...env };
    for (const name of ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"]) {
        const lower = name.toLowerCase();
        if (out[lower] === undefined && out[name] !== undefined)
            out[lower] = out[name];
        if (out[name] === undefined && out[lower] !== undefined)
            out[name] = out[lower];
    }
    return out;
}
/** git's environment: no prompt (a missing credential fails fast) and untranslated messages the code can read. */
const gitEnv = (env = process.env) => childEnv(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" });

;// CONCATENATED MODULE: ./src/git/commit-tree.ts






function gitOutput(cwd, args) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)("git", ["-C", cwd, ...args], { env: gitEnv(), maxBuffer: 16 << 20 }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }));
    });
}
/** The commit `ref` names in the repository at `cwd`; a clear error when git does not know it. */
async function resolveCommit(cwd, ref) {
    if (ref === "" || ref.startsWith("-") || /[\s\0]/.test(ref)) {
        throw new errors/* UserError */.y(`${JSON.stringify(ref.slice(0, 80))} is not a git revision`, {
            hint: "Give a branch, tag or commit id, e.g. --diff-base origin/main.",
        });
    }
    const result = await gitOutput(cwd, [
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        `${ref}^{commit}`,
    ]);
    if (result.code !== 0) {
        throw new errors/* UserError */.y(`git does not know the commit ${JSON.stringify(ref)} in ${cwd}`, {
            hint: "Fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin main).",
        });
    }
    return result.stdout.trim();
}
/**
 * The files of a commit, as `git archive` writes them, unpacked by tar into a new private directory: the working
 * tree is never touched, and nothing is left behind in the repository (unlike a worktree).
 */
async function extractCommit(cwd, oid) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "gitops-pipeline-base-"));
    const remove = () => (0,promises_.rm)(dir, { recursive: true, force: true });
    try {
        await new Promise((resolve, reject) => {
            const archive = (0,external_node_child_process_.spawn)("git", ["-C", cwd, "archive", "--format=tar", "--end-of-options", oid], {
                env: gitEnv(),
                stdio: ["ignore", "pipe", "pipe"],
            });
            const tar = (0,external_node_child_process_.spawn)("tar", ["-x", "-f", "-", "-C", dir], { stdio: ["pipe", "ignore", "pipe"] });
            let errors = "";
            archive.stderr.on("data", (chunk) => {
                errors += chunk;
            });
            tar.stderr.on("data", (chunk) => {
                errors += chunk;
            });
            archive.stdout.pipe(tar.stdin);
            let pending = 2;
            let failed = false;
            const done = (what) => (code) => {
                if (code !== 0 && !failed) {
                    failed = true;
                    reject(new Error(`${what} exited with ${code}: ${errors.trim()}`));
                }
                if (--pending === 0 && !failed)
                    resolve();
            };
            archive.on("error", reject);
            tar.on("error", reject);
            archive.on("close", done("git archive"));
            tar.on("close", done("tar"));
        });
    }
    catch (error) {
        await remove();
        throw new errors/* UserError */.y(`cannot read the files of commit ${oid.slice(0, 12)}: ${error.message}`, {
            hint: "git and tar must be on PATH.",
        });
    }
    return { oid, dir, remove };
}
/**
 * Files that differ between a commit and the working tree (tracked changes, committed or not, and new files git
 * does not ignore), relative to the repository's top level.
 */
async function changedSince(top, oid) {
    const tracked = await gitOutput(top, [
        "diff",
        "--name-only",
        "--no-renames",
        "--end-of-options",
        oid,
        "--",
    ]);
    if (tracked.code !== 0) {
        throw new errors/* UserError */.y(`cannot compare the working tree with ${oid.slice(0, 12)}: ${tracked.stderr.trim()}`, {
            hint: "Run inside the git repository that holds the commit.",
        });
    }
    const untracked = await gitOutput(top, ["ls-files", "--others", "--exclude-standard"]);
    return [
        ...new Set([...tracked.stdout.split("\n"), ...untracked.stdout.split("\n")].filter(Boolean)),
    ].sort();
}
/** The top level of the git work tree holding `cwd`. */
async function workTreeTop(cwd) {
    const result = await gitOutput(cwd, ["rev-parse", "--show-toplevel"]);
    if (result.code !== 0) {
        throw new errors/* UserError */.y(`${cwd} is not inside a git work tree`, {
            hint: "A rendered diff compares a commit with the working tree: run it in a clone of the config repository.",
        });
    }
    return result.stdout.trim();
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/yaml/duplicates.ts

/**
 * The repeated keys of every mapping under `root`, in document order. The `yaml` package's own check compares each
 * new key with every earlier one, which turns a 10 MB mapping into minutes of work; this is the same rule (scalar
 * keys with equal values; other keys never compare equal) with one set per mapping, so it is linear in the size of
 * the document. The walk keeps its own stack: deep nesting cannot overflow the call stack.
 */
function duplicateKeys(root) {
    const found = [];
    const stack = [root];
    const seenNodes = new Set();
    while (stack.length > 0) {
        const node = stack.pop();
        if (!node || typeof node !== "object" || seenNodes.has(node))
            continue;
        seenNodes.add(node);
        if ((0,dist/* isMap */.jh)(node)) {
            const first = new Map();
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const key = pair.key;
                if ((0,dist/* isScalar */.jn)(key)) {
                    const identity = keyIdentity(key.value);
                    const earlier = identity === undefined ? undefined : first.get(identity);
                    if (earlier) {
                        found.push({
                            key: String(key.value),
                            offset: key.range?.[0] ?? 0,
                            firstOffset: earlier.range?.[0] ?? 0,
                        });
                    }
                    else if (identity !== undefined)
                        first.set(identity, key);
                }
                else
                    stack.push(key);
                stack.push(pair.value);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            for (const item of node.items)
                stack.push(item);
        }
    }
    return found.sort((a, b) => a.offset - b.offset);
}
/** Equal for values `===` would call equal (the parser's own rule), so `1` and `"1"` stay different keys. */
function keyIdentity(value) {
    if (typeof value === "number" && Number.isNaN(value))
        return undefined;
    if (value !== null && typeof value === "object")
        return undefined;
    return `${typeof value}:${String(value)}`;
}

;// CONCATENATED MODULE: ./src/validate/load.ts



/**
 * Parses every document of a file. The common case — a well-formed file — goes through js-yaml, the fastest plain
 * parse; only a file it rejects is parsed again with `yaml`, which keeps going after an error, so every broken
 * document and every duplicate key gets its own finding with line and column.
 */
/** YAML merge keys (`<<: *defaults`) are resolved, as the Kubernetes YAML reader and kustomize do. */
const schema = js_yaml/* CORE_SCHEMA */.OU.withTags(js_yaml/* mergeTag */.LJ);
/** Every document of `text` as plain data; throws on the first syntax error. */
function loadDocuments(text) {
    return (0,js_yaml/* loadAll */.gh)(text, { schema });
}
function load_parseYamlFile(file, text) {
    let objects;
    try {
        objects = loadDocuments(text);
    }
    catch (error) {
        const slow = parseSlowly(file, text);
        // The two parsers disagree on a few edge cases; what js-yaml rejects must still be reported.
        if (slow.findings.length === 0) {
            const mark = error.mark;
            slow.findings.push({
                rule: "yaml-syntax",
                severity: "error",
                file,
                line: (mark?.line ?? 0) + 1,
                column: (mark?.column ?? 0) + 1,
                message: error.reason ?? String(error),
            });
        }
        return slow;
    }
    const lines = new StartLines(text);
    return { documents: objects.map((object, index) => new FastDocument(object, index, lines)), findings: [] };
}
/** Start lines are needed only for findings without a path; the scan for them waits until one asks. */
class StartLines {
    text;
    starts;
    constructor(text) {
        this.text = text;
    }
    of(index) {
        this.starts ??= documentStartLines(this.text);
        return this.starts[index] ?? 1;
    }
}
class FastDocument {
    object;
    index;
    lines;
    constructor(object, index, lines) {
        this.object = object;
        this.index = index;
        this.lines = lines;
    }
    get line() {
        return this.lines.of(this.index);
    }
}
function parseSlowly(file, text) {
    const lineCounter = new dist/* LineCounter */.HN();
    // The parser's own duplicate-key check is quadratic in a mapping's size; duplicateKeys finds the same keys linearly.
    const docs = (0,dist/* parseAllDocuments */.hR)(text, {
        lineCounter,
        prettyErrors: false,
        merge: true,
        uniqueKeys: false,
        // A Go template parses into collection keys; the file is then a template, not something to warn about.
        logLevel: "error",
    });
    const list = Array.isArray(docs) ? docs : [];
    const findings = [];
    const documents = [];
    const seen = new Set();
    list.forEach((doc, index) => {
        const duplicates = duplicateKeys(doc.contents).map((duplicate) => ({
            code: "DUPLICATE_KEY",
            message: "",
            pos: [duplicate.offset],
        }));
        for (const error of [...doc.errors, ...duplicates]) {
            const { line, col } = lineCounter.linePos(error.pos[0]);
            // One finding per place: the parser often explains one mistake twice.
            if (seen.has(`${line}:${col}`))
                continue;
            seen.add(`${line}:${col}`);
            const duplicate = error.code === "DUPLICATE_KEY";
            findings.push({
                rule: duplicate ? "duplicate-key" : "yaml-syntax",
                severity: "error",
                file,
                line,
                column: col,
                message: duplicate
                    ? `duplicate key ${quoteKey(text, error.pos[0])}in one mapping: YAML keeps only one of the values; remove or rename one`
                    : `${error.message.split(" at line")[0].replace(/:$/, "")} (document ${index + 1})`,
            });
        }
        const start = doc.contents?.range?.[0] ?? doc.range[0];
        const line = lineCounter.linePos(start).line;
        if (doc.errors.length > 0 || duplicates.length > 0)
            return;
        try {
            documents.push({ object: doc.toJS({ maxAliasCount: -1 }), index, line });
        }
        catch (error) {
            // An alias to an anchor defined nowhere (or later) parses, but has no value.
            findings.push({
                rule: "yaml-syntax",
                severity: "error",
                file,
                line,
                column: 1,
                message: `${error.message} (document ${index + 1})`,
            });
        }
    });
    return { documents, findings };
}
function quoteKey(text, pos) {
    const match = /^[^:\n]{1,80}/.exec(text.slice(pos));
    return match ? `${JSON.stringify(match[0].trim().replace(/^["']|["']$/g, ""))} ` : "";
}
/**
 * 1-based line of the first content line of each document, found by scanning for `---` markers (a marker in column
 * 0 always starts a document, even inside a block scalar), so the fast path needs no position tracking.
 */
function documentStartLines(text) {
    const starts = [];
    let open = false;
    let hasContent = false;
    let line = 0;
    for (let pos = 0; pos <= text.length;) {
        let end = text.indexOf("\n", pos);
        if (end === -1)
            end = text.length;
        line++;
        if (isMarker(text, pos, end, "---")) {
            starts.push(line);
            open = true;
            hasContent = isContent(text, pos + 3, end);
        }
        else if (isMarker(text, pos, end, "...")) {
            open = false;
        }
        else if (isContent(text, pos, end)) {
            if (!open) {
                starts.push(line);
                open = true;
            }
            else if (!hasContent)
                starts[starts.length - 1] = line;
            hasContent = true;
        }
        pos = end + 1;
    }
    return starts;
}
function isMarker(text, pos, end, marker) {
    if (!text.startsWith(marker, pos))
        return false;
    const next = text.charCodeAt(pos + 3);
    return end - pos === 3 || next === 32 || next === 9 || next === 13;
}
function isContent(text, pos, end) {
    for (let i = pos; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 13)
            continue;
        return c !== 35 /* # */ && !(i === pos && c === 37); /* % directive */
    }
    return false;
}

;// CONCATENATED MODULE: ./src/rendered/objects.ts

/** `Kind namespace/name` (or `Kind name` for cluster-scoped objects): how objects are named in reports. */
function objectKey(o) {
    return o.namespace ? `${o.kind} ${o.namespace}/${o.name}` : `${o.kind} ${o.name}`;
}
/**
 * Annotations kustomize and kubectl add about how an object was made, not what it is: they change whenever a file
 * moves or an apply runs, and would drown the differences that reach the cluster.
 */
const BOOKKEEPING_ANNOTATIONS = [
    "config.kubernetes.io/origin",
    "alpha.config.kubernetes.io/transformations",
    "kubectl.kubernetes.io/last-applied-configuration",
];
const BOOKKEEPING_PREFIXES = ["internal.config.kubernetes.io/", "config.k8s.io/"];
/**
 * kustomize's content hash: the first ten hex digits of a SHA-256, with 0, 1, 3, a and e replaced so the suffix
 * never reads as a word or a number. Only this alphabet counts, so `web-config-production` keeps its name.
 */
const HASH_SUFFIX = /^(.+)-[24-9bcdfghkmt]{10}$/;
/** True for an object kustomize generated (its origin names the generator that made it). */
function generated(object) {
    const origin = annotationsOf(object)?.["config.kubernetes.io/origin"];
    return typeof origin === "string" && /^\s*configured(?:In|By):/m.test(origin);
}
function annotationsOf(object) {
    const metadata = object.metadata;
    if (!metadata || typeof metadata !== "object")
        return undefined;
    const annotations = metadata.annotations;
    return annotations && typeof annotations === "object"
        ? annotations
        : undefined;
}
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
/** Replaces every string equal to a key of `names` (anywhere in the value) by its mapped name. */
function objects_rename(value, names) {
    if (typeof value === "string")
        return names.get(value) ?? value;
    if (Array.isArray(value))
        return value.map((item) => objects_rename(item, names));
    if (isRecord(value)) {
        const out = {};
        for (const [key, item] of Object.entries(value))
            out[key] = objects_rename(item, names);
        return out;
    }
    return value;
}
/** Keys sorted at every level, so two renders that differ only in order compare equal and print the same. */
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (isRecord(value)) {
        const out = {};
        for (const key of Object.keys(value).sort())
            out[key] = sortKeys(value[key]);
        return out;
    }
    return value;
}
/**
 * Objects of one render (kustomize output, or plain manifests), normalised for comparison: generator hash suffixes
 * dropped from generated ConfigMap and Secret names and from every reference to them, bookkeeping annotations
 * removed (and `annotations` itself when nothing else is left), keys sorted, objects sorted by kind, namespace and
 * name. Documents that are not Kubernetes objects (no kind or name) are left out.
 */
function normaliseObjects(documents) {
    const objects = documents.filter((doc) => isRecord(doc) && typeof doc.kind === "string" && isRecord(doc.metadata));
    const names = new Map();
    for (const object of objects) {
        if (object.kind !== "ConfigMap" && object.kind !== "Secret")
            continue;
        const name = object.metadata.name;
        const match = typeof name === "string" ? HASH_SUFFIX.exec(name) : null;
        if (match && generated(object))
            names.set(name, match[1]);
    }
    const out = [];
    for (const raw of objects) {
        const object = (names.size ? objects_rename(raw, names) : structuredClone(raw));
        const metadata = object.metadata;
        const annotations = annotationsOf(object);
        if (annotations) {
            for (const key of Object.keys(annotations)) {
                if (BOOKKEEPING_ANNOTATIONS.includes(key) ||
                    BOOKKEEPING_PREFIXES.some((prefix) => key.startsWith(prefix)))
                    delete annotations[key];
            }
            if (Object.keys(annotations).length === 0)
                delete metadata.annotations;
        }
        if (typeof metadata.name !== "string")
            continue;
        out.push({
            kind: object.kind,
            namespace: typeof metadata.namespace === "string" ? metadata.namespace : "",
            name: metadata.name,
            object: sortKeys(object),
        });
    }
    return out.sort((a, b) => compare(a.kind, b.kind) || compare(a.namespace, b.namespace) || compare(a.name, b.name));
}
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Parses a multi-document YAML text (kustomize's output, a manifest file) and normalises its objects. */
function parseRendered(text) {
    return normaliseObjects(loadDocuments(text).flatMap((doc) => isRecord(doc) && doc.kind === "List" && Array.isArray(doc.items) ? doc.items : [doc]));
}

;// CONCATENATED MODULE: ./src/rendered/diff.ts

const diff_isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
/** Lists Kubernetes merges by name (containers, env, volumes, ports…): compared item by item under that name. */
function namedItems(list) {
    const out = new Map();
    for (const item of list) {
        const name = diff_isRecord(item) ? (item.name ?? item.key ?? item.containerPort) : undefined;
        if ((typeof name !== "string" && typeof name !== "number") || out.has(String(name)))
            return undefined;
        out.set(String(name), item);
    }
    return out;
}
const equal = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function fieldName(key) {
    return /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
}
/** Every leaf that differs between two values; objects and named lists are walked, other lists compared whole. */
function walk(before, after, at, out) {
    if (equal(before, after))
        return;
    const join = (key) => (at ? `${at}.${fieldName(key)}` : fieldName(key));
    if (diff_isRecord(before) && diff_isRecord(after)) {
        for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort())
            walk(before[key], after[key], join(key), out);
        return;
    }
    if (Array.isArray(before) && Array.isArray(after)) {
        const left = namedItems(before);
        const right = namedItems(after);
        if (left && right) {
            for (const name of [...new Set([...left.keys(), ...right.keys()])])
                walk(left.get(name), right.get(name), `${at}[${name}]`, out);
            return;
        }
        if (before.length === after.length) {
            for (let index = 0; index < before.length; index++)
                walk(before[index], after[index], `${at}[${index}]`, out);
            return;
        }
    }
    // An added or removed subtree is listed leaf by leaf, so `resources.limits.memory` reads as such.
    if (before === undefined && diff_isRecord(after) && Object.keys(after).length) {
        walk({}, after, at, out);
        return;
    }
    if (after === undefined && diff_isRecord(before) && Object.keys(before).length) {
        walk(before, {}, at, out);
        return;
    }
    const change = { path: at };
    if (before !== undefined)
        change.before = before;
    if (after !== undefined)
        change.after = after;
    out.push(change);
}
/** Field differences of one object; Secret `data`/`stringData` values are reduced to "this key changed". */
function fieldChanges(before, after, kind) {
    const out = [];
    walk(before, after, "", out);
    if (kind !== "Secret")
        return out;
    return out.map((change) => {
        if (!/^(?:data|stringData)(?:\.|$)/.test(change.path))
            return change;
        const masked = { path: change.path, hidden: true };
        if (change.before !== undefined)
            masked.before = "(hidden)";
        if (change.after !== undefined)
            masked.after = "(hidden)";
        return masked;
    });
}
/** The fields of an object that exists on one side only, Secret values masked. */
function wholeObject(object, side) {
    const changes = side === "after"
        ? fieldChanges({}, object.object, object.kind)
        : fieldChanges(object.object, {}, object.kind);
    return changes;
}
/** Every difference between two normalised renders, per object, in kind/namespace/name order. */
function diffObjects(left, right, options = {}) {
    const byKey = (list) => new Map(list.map((o) => [objectKey(o), o]));
    const l = byKey(left);
    const r = byKey(right);
    const onlyLeft = [...l.values()].filter((o) => !r.has(objectKey(o)));
    const onlyRight = [...r.values()].filter((o) => !l.has(objectKey(o)));
    const pairs = [];
    for (const [key, before] of l) {
        const after = r.get(key);
        if (after)
            pairs.push([before, after]);
    }
    if (options.acrossNamespaces) {
        const unique = (list) => {
            const counts = new Map();
            for (const o of list)
                counts.set(`${o.kind}/${o.name}`, (counts.get(`${o.kind}/${o.name}`) ?? 0) + 1);
            return new Map(list.filter((o) => counts.get(`${o.kind}/${o.name}`) === 1).map((o) => [`${o.kind}/${o.name}`, o]));
        };
        const ul = unique(onlyLeft);
        const ur = unique(onlyRight);
        for (const [id, before] of ul) {
            const after = ur.get(id);
            if (!after)
                continue;
            pairs.push([before, after]);
            onlyLeft.splice(onlyLeft.indexOf(before), 1);
            onlyRight.splice(onlyRight.indexOf(after), 1);
        }
    }
    const out = [];
    for (const [before, after] of pairs) {
        // A namespace move is said once, on the object, not again as a field.
        const fields = fieldChanges(before.object, after.object, after.kind).filter((f) => f.path !== "metadata.namespace");
        if (fields.length === 0)
            continue;
        const diff = {
            kind: after.kind,
            namespace: after.namespace,
            name: after.name,
            change: "changed",
            fields,
        };
        if (before.namespace !== after.namespace)
            diff.previousNamespace = before.namespace;
        out.push(diff);
    }
    for (const o of onlyLeft)
        out.push({
            kind: o.kind,
            namespace: o.namespace,
            name: o.name,
            change: "removed",
            fields: options.spellOutWholeObjects ? wholeObject(o, "before") : [],
        });
    for (const o of onlyRight)
        out.push({
            kind: o.kind,
            namespace: o.namespace,
            name: o.name,
            change: "added",
            fields: options.spellOutWholeObjects ? wholeObject(o, "after") : [],
        });
    const order = (d) => `${d.kind}\u0000${d.namespace}\u0000${d.name}`;
    return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/validate/apis.ts
const workloads = ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"];
const rbac = ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"];
const flowControl = ["FlowSchema", "PriorityLevelConfiguration"];
const changes = [
    {
        apiVersion: "extensions/v1beta1",
        kinds: workloads,
        deprecated: "1.9",
        removed: "1.16",
        replacement: "apps/v1",
    },
    {
        apiVersion: "apps/v1beta1",
        kinds: workloads,
        deprecated: "1.9",
        removed: "1.16",
        replacement: "apps/v1",
    },
    {
        apiVersion: "apps/v1beta2",
        kinds: workloads,
        deprecated: "1.9",
        removed: "1.16",
        replacement: "apps/v1",
    },
    {
        apiVersion: "extensions/v1beta1",
        kinds: ["NetworkPolicy"],
        deprecated: "1.9",
        removed: "1.16",
        replacement: "networking.k8s.io/v1",
    },
    {
        apiVersion: "extensions/v1beta1",
        kinds: ["PodSecurityPolicy"],
        deprecated: "1.11",
        removed: "1.16",
        replacement: "policy/v1beta1",
    },
    {
        apiVersion: "extensions/v1beta1",
        kinds: ["Ingress"],
        deprecated: "1.14",
        removed: "1.22",
        replacement: "networking.k8s.io/v1",
    },
    {
        apiVersion: "networking.k8s.io/v1beta1",
        kinds: ["Ingress", "IngressClass"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "networking.k8s.io/v1",
    },
    {
        apiVersion: "admissionregistration.k8s.io/v1beta1",
        kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
        deprecated: "1.16",
        removed: "1.22",
        replacement: "admissionregistration.k8s.io/v1",
    },
    {
        apiVersion: "apiextensions.k8s.io/v1beta1",
        kinds: ["CustomResourceDefinition"],
        deprecated: "1.16",
        removed: "1.22",
        replacement: "apiextensions.k8s.io/v1",
    },
    {
        apiVersion: "apiregistration.k8s.io/v1beta1",
        kinds: ["APIService"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "apiregistration.k8s.io/v1",
    },
    {
        apiVersion: "authentication.k8s.io/v1beta1",
        kinds: ["TokenReview"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "authentication.k8s.io/v1",
    },
    {
        apiVersion: "authorization.k8s.io/v1beta1",
        kinds: [
            "LocalSubjectAccessReview",
            "SelfSubjectAccessReview",
            "SubjectAccessReview",
            "SelfSubjectRulesReview",
        ],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "authorization.k8s.io/v1",
    },
    {
        apiVersion: "certificates.k8s.io/v1beta1",
        kinds: ["CertificateSigningRequest"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "certificates.k8s.io/v1",
    },
    {
        apiVersion: "coordination.k8s.io/v1beta1",
        kinds: ["Lease"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "coordination.k8s.io/v1",
    },
    {
        apiVersion: "rbac.authorization.k8s.io/v1beta1",
        kinds: rbac,
        deprecated: "1.17",
        removed: "1.22",
        replacement: "rbac.authorization.k8s.io/v1",
    },
    {
        apiVersion: "rbac.authorization.k8s.io/v1alpha1",
        kinds: rbac,
        deprecated: "1.17",
        removed: "1.22",
        replacement: "rbac.authorization.k8s.io/v1",
    },
    {
        apiVersion: "scheduling.k8s.io/v1beta1",
        kinds: ["PriorityClass"],
        deprecated: "1.14",
        removed: "1.22",
        replacement: "scheduling.k8s.io/v1",
    },
    {
        apiVersion: "storage.k8s.io/v1beta1",
        kinds: ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "storage.k8s.io/v1",
    },
    {
        apiVersion: "batch/v1beta1",
        kinds: ["CronJob"],
        deprecated: "1.21",
        removed: "1.25",
        replacement: "batch/v1",
    },
    {
        apiVersion: "discovery.k8s.io/v1beta1",
        kinds: ["EndpointSlice"],
        deprecated: "1.21",
        removed: "1.25",
        replacement: "discovery.k8s.io/v1",
    },
    {
        apiVersion: "events.k8s.io/v1beta1",
        kinds: ["Event"],
        deprecated: "1.19",
        removed: "1.25",
        replacement: "events.k8s.io/v1",
    },
    {
        apiVersion: "autoscaling/v2beta1",
        kinds: ["HorizontalPodAutoscaler"],
        deprecated: "1.22",
        removed: "1.25",
        replacement: "autoscaling/v2",
    },
    {
        apiVersion: "policy/v1beta1",
        kinds: ["PodDisruptionBudget"],
        deprecated: "1.21",
        removed: "1.25",
        replacement: "policy/v1",
    },
    { apiVersion: "policy/v1beta1", kinds: ["PodSecurityPolicy"], deprecated: "1.21", removed: "1.25" },
    {
        apiVersion: "node.k8s.io/v1beta1",
        kinds: ["RuntimeClass"],
        deprecated: "1.20",
        removed: "1.25",
        replacement: "node.k8s.io/v1",
    },
    {
        apiVersion: "autoscaling/v2beta2",
        kinds: ["HorizontalPodAutoscaler"],
        deprecated: "1.23",
        removed: "1.26",
        replacement: "autoscaling/v2",
    },
    {
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1",
        kinds: flowControl,
        deprecated: "1.23",
        removed: "1.26",
        replacement: "flowcontrol.apiserver.k8s.io/v1",
    },
    {
        apiVersion: "storage.k8s.io/v1beta1",
        kinds: ["CSIStorageCapacity"],
        deprecated: "1.24",
        removed: "1.27",
        replacement: "storage.k8s.io/v1",
    },
    {
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2",
        kinds: flowControl,
        deprecated: "1.26",
        removed: "1.29",
        replacement: "flowcontrol.apiserver.k8s.io/v1",
    },
    {
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3",
        kinds: flowControl,
        deprecated: "1.29",
        removed: "1.32",
        replacement: "flowcontrol.apiserver.k8s.io/v1",
    },
];
/** Release from which an API version is served ("available since" in the same guide), for targets older than that. */
const introduced = [
    { apiVersion: "apiextensions.k8s.io/v1", kinds: ["CustomResourceDefinition"], since: "1.16" },
    {
        apiVersion: "admissionregistration.k8s.io/v1",
        kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
        since: "1.16",
    },
    { apiVersion: "networking.k8s.io/v1", kinds: ["Ingress", "IngressClass"], since: "1.19" },
    { apiVersion: "events.k8s.io/v1", kinds: ["Event"], since: "1.19" },
    { apiVersion: "certificates.k8s.io/v1", kinds: ["CertificateSigningRequest"], since: "1.19" },
    { apiVersion: "node.k8s.io/v1", kinds: ["RuntimeClass"], since: "1.20" },
    { apiVersion: "batch/v1", kinds: ["CronJob"], since: "1.21" },
    { apiVersion: "policy/v1", kinds: ["PodDisruptionBudget"], since: "1.21" },
    { apiVersion: "discovery.k8s.io/v1", kinds: ["EndpointSlice"], since: "1.21" },
    { apiVersion: "autoscaling/v2", kinds: ["HorizontalPodAutoscaler"], since: "1.23" },
    { apiVersion: "storage.k8s.io/v1", kinds: ["CSIStorageCapacity"], since: "1.24" },
    { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kinds: flowControl, since: "1.26" },
    { apiVersion: "flowcontrol.apiserver.k8s.io/v1", kinds: flowControl, since: "1.29" },
];
/** Minor version of "1.29" / "v1.29.3"; throws on anything else. */
function parseKubernetesVersion(version) {
    const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version.trim());
    if (!match)
        throw new Error(`not a Kubernetes version: ${JSON.stringify(version)} (expected e.g. 1.31)`);
    return Number(match[1]);
}
const minor = (version) => Number(version.split(".")[1]);
function apiStatus(apiVersion, kind, kubernetesVersion) {
    const target = parseKubernetesVersion(kubernetesVersion);
    const newer = introduced.find((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
    if (newer && target < minor(newer.since)) {
        return {
            status: "removed",
            message: `${apiVersion} ${kind} is served only from Kubernetes ${newer.since} on (target ${kubernetesVersion}): use an API version the target serves, or raise kubernetes-version`,
        };
    }
    const change = changes.find((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
    if (!change)
        return { status: "served" };
    const instead = change.replacement ? `use ${change.replacement}` : "it has no replacement; remove it";
    if (target >= minor(change.removed)) {
        return {
            status: "removed",
            replacement: change.replacement,
            message: `${apiVersion} ${kind} is not served since Kubernetes ${change.removed} (target ${kubernetesVersion}): ${instead}`,
        };
    }
    if (target >= minor(change.deprecated)) {
        return {
            status: "deprecated",
            replacement: change.replacement,
            message: `${apiVersion} ${kind} is deprecated since Kubernetes ${change.deprecated} and removed in ${change.removed}: ${instead}`,
        };
    }
    return { status: "served" };
}
/** Whether the table knows this apiVersion/kind at all (an old API has no bundled schema, but is no unknown kind). */
function isKnownOldApi(apiVersion, kind) {
    return changes.some((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
}

;// CONCATENATED MODULE: ./src/validate/apply-rules.ts

/** The rules stage: each rule over each resource, and cross-resource rules over each deployment unit. */
function runResourceRules(resources, rules, context, out) {
    const perResource = rules.filter((rule) => rule.checkResource);
    for (const resource of resources) {
        for (const rule of perResource) {
            for (const v of rule.checkResource(resource, context)) {
                out.push({ rule: rule.id, resource: v.resource ?? resource, path: v.path, message: v.message });
            }
        }
    }
}
function runUnitRules(resources, rules, context, out) {
    for (const group of deploymentUnits(resources)) {
        for (const rule of rules) {
            if (!rule.checkAll)
                continue;
            for (const v of rule.checkAll(group, context)) {
                const at = v.resource ?? group[0];
                if (at)
                    out.push({ rule: rule.id, resource: at, path: v.path, message: v.message });
            }
        }
    }
}
/**
 * Resources that are applied together — one kustomize build, or one directory of plain manifests — are what
 * cross-resource rules (duplicates, selectors, services) compare; two overlays legitimately define the same names.
 */
function deploymentUnits(resources) {
    const groups = new Map();
    for (const resource of resources) {
        const key = resource.renderedFrom
            ? `build:${resource.renderedFrom}`
            : `dir:${external_node_path_default().posix.dirname(resource.file)}`;
        const group = groups.get(key);
        if (group)
            group.push(resource);
        else
            groups.set(key, [resource]);
    }
    return [...groups.values()];
}

;// CONCATENATED MODULE: ./src/validate/classify.ts
/**
 * What in a config repository is a Kubernetes manifest. Repositories hold much else in YAML — Helm values, app
 * config with its own tags, CI files, tool configuration that borrows `apiVersion`/`kind` — and none of it may
 * turn into findings about manifests.
 */
/**
 * A file whose text names both an `apiVersion` and a `kind` key: when such a file does not parse, it was meant to
 * be a manifest and the syntax error is a real defect. Anything else that does not parse is someone else's data.
 */
function looksLikeManifest(text) {
    return /^[ \t-]*["']?apiVersion["']?[ \t]*:/m.test(text) && /^[ \t-]*["']?kind["']?[ \t]*:/m.test(text);
}
/**
 * Groups whose objects configure a tool and never reach a cluster: kustomize's own files, kubeconfig pieces,
 * component configuration of kubelet, scheduler, API server and kubeadm, local-cluster and test tools.
 */
const toolGroups = new Set([
    "kustomize.config.k8s.io",
    "kubeadm.k8s.io",
    "audit.k8s.io",
    "apiserver.k8s.io",
    "client.authentication.k8s.io",
    "config.kubernetes.io",
    "kpt.dev",
    "fn.kpt.dev",
    "kind.x-k8s.io",
    "k3d.io",
    "eksctl.io",
    "clusterctl.cluster.x-k8s.io",
    "ctlptl.dev",
    "kuttl.dev",
    "chainsaw.kyverno.io",
    "cli.kyverno.io",
    "skaffold.dev",
]);
/** Kubernetes' own API groups without a dot in their name; every other group is a domain (CRD groups must be). */
const dotlessGroups = new Set(["apps", "batch", "autoscaling", "policy", "extensions"]);
/**
 * True when `apiVersion`/`kind` can name an object of a Kubernetes API server. Skaffold's `skaffold/v4beta11`
 * Config, kustomize's builtin plugin configs (`apiVersion: builtin`), Talos machine-config documents
 * (`apiVersion: v1alpha1`), kubeconfig (`v1` Config) and the component configs (`kubelet.config.k8s.io`…) are
 * files for tools, so they are not resources and never findings.
 */
function isClusterApi(apiVersion, kind) {
    const slash = apiVersion.indexOf("/");
    if (slash < 0)
        return apiVersion === "v1" && kind !== "Config";
    const group = apiVersion.slice(0, slash);
    if (toolGroups.has(group) || group.endsWith(".config.k8s.io"))
        return false;
    return group.includes(".") || dotlessGroups.has(group);
}
/** Image names Skaffold builds (`build.artifacts[].image`, profiles included) from a Skaffold `Config` document. */
function skaffoldArtifacts(object) {
    if (!classify_isRecord(object) ||
        typeof object.apiVersion !== "string" ||
        !object.apiVersion.startsWith("skaffold/"))
        return [];
    const builds = [
        object.build,
        ...(Array.isArray(object.profiles) ? object.profiles.map((p) => classify_isRecord(p) && p.build) : []),
    ];
    return builds.flatMap((build) => classify_isRecord(build) && Array.isArray(build.artifacts)
        ? build.artifacts.flatMap((a) => (classify_isRecord(a) && typeof a.image === "string" ? [a.image] : []))
        : []);
}
function classify_isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/validate/config.ts


const ignoreAnnotation = "gitops-pipeline.dev/ignore";
const emptyValidateConfig = {
    ignoreKinds: [],
    skipPaths: [],
    rules: {},
    overrides: [],
};
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** Checks and normalises the raw section; `knownRules` catches typos in rule ids, which would otherwise do nothing. */
function parseValidateConfig(raw, file, knownRules) {
    if (raw === undefined || raw === null)
        return emptyValidateConfig;
    const fail = (what, hint) => {
        throw new errors/* UserError */.y(`validate: ${what}`, { file, hint });
    };
    if (!isObject(raw))
        fail("must be a mapping");
    const section = raw;
    const known = [
        "kubernetesVersion",
        "strict",
        "ignoreKinds",
        "skipPaths",
        "production",
        "rules",
        "overrides",
        "crds",
        "schemas",
    ];
    for (const key of Object.keys(section)) {
        if (!known.includes(key))
            fail(`unknown key "${key}"`, `known keys: ${known.join(", ")}`);
    }
    const strings = (value, what) => {
        if (value === undefined)
            return [];
        if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
            return fail(`${what} must be a list of strings`);
        return value;
    };
    const settings = (value, what) => {
        if (value === undefined)
            return {};
        if (!isObject(value))
            return fail(`${what} must map rule ids to off, warning or error`);
        const out = {};
        for (const [id, setting] of Object.entries(value)) {
            if (!knownRules.includes(id))
                fail(`${what}: unknown rule "${id}"`, `rules: ${knownRules.join(", ")}`);
            // YAML 1.1 readers turn a bare `off` into false; accept both spellings.
            const normal = setting === false ? "off" : setting;
            if (normal !== "off" && normal !== "warning" && normal !== "error") {
                fail(`${what}.${id} must be off, warning or error, got ${JSON.stringify(setting)}`);
            }
            out[id] = normal;
        }
        return out;
    };
    const version = section.kubernetesVersion;
    if (version !== undefined && typeof version !== "string" && typeof version !== "number") {
        fail('kubernetesVersion must be a string such as "1.31"');
    }
    if (section.strict !== undefined && typeof section.strict !== "boolean")
        fail("strict must be true or false");
    const overrides = section.overrides === undefined ? [] : section.overrides;
    if (!Array.isArray(overrides))
        fail("overrides must be a list of {paths, rules}");
    return {
        kubernetesVersion: version === undefined ? undefined : String(version),
        strict: section.strict,
        ignoreKinds: strings(section.ignoreKinds, "ignoreKinds"),
        skipPaths: strings(section.skipPaths, "skipPaths"),
        ...(section.production === undefined ? {} : { production: strings(section.production, "production") }),
        ...(section.crds === undefined ? {} : { crds: strings(section.crds, "crds") }),
        ...(section.schemas === undefined ? {} : { schemas: strings(section.schemas, "schemas") }),
        rules: settings(section.rules, "rules"),
        overrides: overrides.map((entry, i) => {
            if (!isObject(entry))
                return fail(`overrides[${i}] must be a mapping with paths and rules`);
            return {
                paths: strings(entry.paths, `overrides[${i}].paths`),
                rules: settings(entry.rules, `overrides[${i}].rules`),
            };
        }),
    };
}
/** Answers "what severity does rule R have for file F", with globs compiled once. */
class RuleSettings {
    config;
    defaults;
    overrides;
    skip;
    constructor(config, defaults) {
        this.config = config;
        this.defaults = defaults;
        this.overrides = config.overrides.map((o) => ({
            match: picomatch_default()(o.paths, { dot: true }),
            rules: o.rules,
        }));
        this.skip = config.skipPaths.length ? picomatch_default()(config.skipPaths, { dot: true }) : () => false;
    }
    skipped(file) {
        return this.skip(file);
    }
    /** `fallback`: the finding's own default, used when the config does not set the rule's severity. */
    severity(rule, file, fallback) {
        let setting = this.config.rules[rule] ?? fallback ?? this.defaults.get(rule) ?? "error";
        for (const override of this.overrides) {
            if (override.rules[rule] !== undefined && override.match(file))
                setting = override.rules[rule];
        }
        return setting;
    }
    ignoresKind(apiVersion, kind) {
        return this.config.ignoreKinds.some((k) => k === kind || k === `${apiVersion}/${kind}`);
    }
}
/** Rule ids a resource opts out of through its annotation. */
function ignoredByAnnotation(object) {
    const metadata = object.metadata;
    if (!isObject(metadata) || !isObject(metadata.annotations))
        return undefined;
    const value = metadata.annotations[ignoreAnnotation];
    if (typeof value !== "string")
        return undefined;
    return new Set(value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean));
}

;// CONCATENATED MODULE: ./src/validate/kustomize.ts


const kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
/** kustomize's remote targets: URLs, scp-like git addresses, `github.com/…` shorthands and `?ref=` pins. */
const isRemote = (ref) => /^[a-z][a-z0-9+.-]*:\/\/|^[^/\s]+@[^/\s]+:|^(?:github|gitlab|bitbucket)\.(?:com|org)\/|[?&](?:ref|version|submodules|timeout)=/i.test(ref);
/** Reads the file and directory references of a kustomization file (kustomize's own field names). */
function parseKustomization(file, text, isDir, 
/** The file's first document when the caller parsed it already, or the reason it does not parse. */
loaded) {
    const dir = external_node_path_default().posix.dirname(file);
    const inputs = {
        dir,
        file,
        component: false,
        resourceFiles: [],
        otherFiles: [],
        patchFiles: [],
        dataFiles: [],
        dirs: [],
        remote: [],
        images: [],
    };
    let k;
    try {
        if (loaded && "problem" in loaded)
            throw new Error(loaded.problem);
        const first = loaded ? loaded.object : loadDocuments(text)[0];
        k = first && typeof first === "object" ? first : {};
    }
    catch (error) {
        inputs.problem = error.message;
        return inputs;
    }
    inputs.component = k.kind === "Component";
    (Array.isArray(k.images) ? k.images : []).forEach((entry, index) => {
        if (!entry || typeof entry !== "object")
            return;
        const e = entry;
        if (typeof e.name !== "string")
            return;
        const text = (v) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);
        inputs.images.push({
            index,
            name: e.name,
            newName: text(e.newName),
            newTag: text(e.newTag),
            digest: text(e.digest),
        });
    });
    const local = (ref) => {
        if (typeof ref !== "string" || ref.includes("\n") || isRemote(ref))
            return undefined;
        return external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir, ref));
    };
    const list = (value) => (Array.isArray(value) ? value : []);
    const add = (ref, role) => {
        const target = local(ref);
        if (target === undefined)
            return;
        if (isDir(target))
            inputs.dirs.push(target);
        else if (role === "resource")
            inputs.resourceFiles.push(target);
        else {
            inputs.otherFiles.push(target);
            (role === "patch" ? inputs.patchFiles : inputs.dataFiles).push(target);
        }
    };
    for (const key of ["resources", "bases", "components"]) {
        list(k[key]).forEach((ref, index) => {
            if (typeof ref === "string" && isRemote(ref))
                inputs.remote.push({ ref, path: [key, index], what: `fetch ${JSON.stringify(ref)}` });
            else
                add(ref, "resource");
        });
    }
    for (const ref of list(k.patchesStrategicMerge))
        add(ref, "patch");
    for (const key of ["patches", "patchesJson6902"]) {
        for (const entry of list(k[key])) {
            // Older kustomizations list patch files by name under `patches` too.
            if (typeof entry === "string")
                add(entry, "patch");
            else if (entry && typeof entry === "object")
                add(entry.path, "patch");
        }
    }
    for (const entry of list(k.replacements)) {
        if (entry && typeof entry === "object")
            add(entry.path, "data");
    }
    for (const key of ["crds", "configurations", "generators", "transformers", "validators"])
        for (const ref of list(k[key]))
            add(ref, "data");
    if (k.openapi && typeof k.openapi === "object")
        add(k.openapi.path, "data");
    for (const key of ["configMapGenerator", "secretGenerator"]) {
        for (const generator of list(k[key])) {
            if (!generator || typeof generator !== "object")
                continue;
            const g = generator;
            for (const entry of list(g.files))
                add(typeof entry === "string" ? entry.replace(/^[^=]*=/, "") : entry, "data");
            for (const entry of [...list(g.envs), g.env])
                add(entry, "data");
        }
    }
    list(k.helmCharts).forEach((chart, index) => {
        if (!chart || typeof chart !== "object")
            return;
        const c = chart;
        for (const entry of [c.valuesFile, ...list(c.additionalValuesFiles)])
            add(entry, "data");
        // Inflating a chart needs `--enable-helm`, the helm binary and, for a chart repository, the network.
        const from = typeof c.repo === "string" ? ` from ${JSON.stringify(c.repo)}` : "";
        inputs.remote.push({
            ref: String(c.name),
            path: ["helmCharts", index],
            what: `inflate the Helm chart ${JSON.stringify(String(c.name))}${from} with helm`,
        });
    });
    return inputs;
}
/**
 * The kustomizations of a repository as a graph: which to build (roots, not used by another) and, transitively,
 * every file each root reads — so a change can be mapped to the few roots it affects.
 */
class KustomizationGraph {
    byDir = new Map();
    closure = new Map();
    constructor(kustomizations) {
        for (const k of kustomizations)
            this.byDir.set(k.dir, k);
    }
    get(dir) {
        return this.byDir.get(dir);
    }
    get all() {
        return [...this.byDir.values()];
    }
    /** Kustomizations no other kustomization builds on: what Argo CD or Flux would point at. */
    roots() {
        const used = new Set();
        for (const k of this.byDir.values())
            for (const d of k.dirs)
                used.add(d);
        return this.all.filter((k) => !used.has(k.dir) && !k.component);
    }
    /** Every file a kustomization reads, through its bases and components. */
    inputsOf(dir) {
        const cached = this.closure.get(dir);
        if (cached)
            return cached;
        const files = new Set();
        this.closure.set(dir, files);
        const k = this.byDir.get(dir);
        if (!k)
            return files;
        files.add(k.file);
        for (const f of k.resourceFiles)
            files.add(f);
        for (const f of k.otherFiles)
            files.add(f);
        for (const d of k.dirs)
            for (const f of this.inputsOf(d))
                files.add(f);
        return files;
    }
    /**
     * Files some kustomization reads, by the role they play: resources (validated through a build), patches
     * (fragments: their syntax is checked, never their completeness) and data (never parsed as manifests).
     */
    memberFiles() {
        const resources = new Set();
        const patches = new Set();
        const data = new Set();
        const kustomizations = new Set();
        for (const k of this.byDir.values()) {
            kustomizations.add(k.file);
            for (const f of k.resourceFiles)
                resources.add(f);
            for (const f of k.patchFiles)
                patches.add(f);
            for (const f of k.dataFiles)
                data.add(f);
        }
        return { resources, patches, data, kustomizations };
    }
    /** Remote references anywhere in what `dir` builds on, with the kustomization that names each. */
    remoteOf(dir, seen = new Set()) {
        if (seen.has(dir))
            return [];
        seen.add(dir);
        const k = this.byDir.get(dir);
        if (!k)
            return [];
        return [
            ...k.remote.map((r) => ({ file: k.file, ...r })),
            ...k.dirs.flatMap((d) => this.remoteOf(d, seen)),
        ];
    }
    /** Roots whose inputs include one of the changed files, or that sit under a changed directory. */
    affectedRoots(changed) {
        const set = new Set(changed);
        return this.roots().filter((root) => {
            for (const file of this.inputsOf(root.dir))
                if (set.has(file))
                    return true;
            return false;
        });
    }
}

;// CONCATENATED MODULE: ./src/validate/files.ts





/** The load stage: which files to check, and the resources their documents hold. */
const manifestFile = /\.(?:ya?ml|json)$/i;
function files_isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/**
 * Files to check under the given paths: YAML, JSON and kustomization files, dot-directories and node_modules
 * skipped; with `names`, only files of those names.
 */
function collectFiles(paths, source, names) {
    const out = new Set();
    const wanted = (name) => names ? names.includes(name) : manifestFile.test(name) || name === "Kustomization";
    const walk = (dir) => {
        for (const entry of source.list(dir)) {
            if (entry.name.startsWith(".") || entry.name === "node_modules")
                continue;
            const full = dir === "." ? entry.name : `${dir}/${entry.name}`;
            if (entry.dir)
                walk(full);
            else if (wanted(entry.name))
                out.add(full);
        }
    };
    for (const raw of paths.length ? paths : ["."]) {
        const p = external_node_path_default().posix.normalize(raw.replace(/\\/g, "/")).replace(/\/+$/, "") || ".";
        if (source.isDir(p))
            walk(p);
        else if (source.exists(p))
            out.add(p);
        else
            throw new errors/* UserError */.y(`path not found: ${raw}`, {
                hint: "Give files or directories of the config repository.",
            });
    }
    return [...out].sort();
}
function readKustomizations(files, read, isDir, 
/** The parse the rest of validation shares, so a kustomization file is parsed once. */
load) {
    const out = [];
    for (const file of files) {
        if (!kustomizationNames.includes(external_node_path_default().posix.basename(file)))
            continue;
        out.push(parseKustomization(file, read(file) ?? "", isDir, load?.(file)));
    }
    return out;
}
/** List kinds whose `items` are objects of their own: `v1 List` and the typed `…List` kinds (SecretList…). */
function isListKind(object) {
    return (typeof object.kind === "string" &&
        object.kind.endsWith("List") &&
        typeof object.apiVersion === "string" &&
        Array.isArray(object.items));
}
/** The resources of a document: itself, or the items of a List. */
function toResources(doc, file, listItems) {
    const object = doc.object;
    if (files_isObject(object) && isListKind(object)) {
        const out = [];
        // A typed list (SecretList) may leave out each item's apiVersion and kind: they are the list's.
        const itemKind = object.kind === "List" ? undefined : object.kind.slice(0, -"List".length);
        object.items.forEach((item, i) => {
            const filled = itemKind && files_isObject(item)
                ? { apiVersion: object.apiVersion, kind: itemKind, ...item }
                : item;
            const resource = toResource({ object: filled, index: doc.index, line: doc.line }, file);
            if (!resource)
                return;
            listItems.set(resource, ["items", i]);
            out.push(resource);
        });
        return out;
    }
    const resource = toResource(doc, file);
    return resource ? [resource] : [];
}
/** A document that names an apiVersion and a kind; anything else (Helm values, tool config) is not a resource. */
function toResource(doc, file) {
    const object = doc.object;
    if (!files_isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
        return undefined;
    // kustomize's own configuration and other tools' files share the layout of resources but never reach a cluster.
    if (!isClusterApi(object.apiVersion, object.kind))
        return undefined;
    return new FileResource(idOf(object), object, file, doc);
}
/** A resource read straight from a file; its start line is looked up only when a finding needs it. */
class FileResource {
    id;
    object;
    file;
    doc;
    environment;
    documentIndex;
    constructor(id, object, file, doc) {
        this.id = id;
        this.object = object;
        this.file = file;
        this.doc = doc;
        this.documentIndex = doc.index;
    }
    get line() {
        return this.doc.line;
    }
}
function idOf(object) {
    const metadata = files_isObject(object.metadata) ? object.metadata : {};
    const id = {
        apiVersion: String(object.apiVersion),
        kind: String(object.kind),
        name: typeof metadata.name === "string" ? metadata.name : "",
    };
    if (typeof metadata.namespace === "string")
        id.namespace = metadata.namespace;
    return id;
}
/**
 * Resource files a kustomization names that a step before kustomize writes at sync time: Argo CD config management
 * plugins such as kustomized-helm run `helm template . > all.yaml && kustomize build` in a chart directory, and the
 * generated file is git-ignored. Such a kustomization cannot be built from the repository alone; its committed files
 * are still checked as they are.
 */
function generatedAtSync(k, source) {
    const missing = k.resourceFiles.filter((f) => !source.exists(f));
    if (missing.length === 0)
        return [];
    const join = (name) => (k.dir === "." ? name : `${k.dir}/${name}`);
    if (source.exists(join("Chart.yaml")))
        return missing;
    const ignore = source.read(join(".gitignore"));
    if (ignore === undefined)
        return [];
    const patterns = ignore
        .split("\n")
        .map((line) => line.trim().replace(/^\//, ""))
        .filter((line) => line && !line.startsWith("#") && !line.startsWith("!"));
    const ignored = patterns.length ? picomatch_default()(patterns, { dot: true, basename: true }) : () => false;
    return missing.filter((f) => ignored(external_node_path_default().posix.relative(k.dir, f)));
}

;// CONCATENATED MODULE: ./src/validate/render.ts


/** The render stage: kustomize builds, traced back to the files and patches their objects come from. */
const originAnnotation = "config.kubernetes.io/origin";
/**
 * Resources of one build, each traced back to the document it came from: kustomize's origin annotation names the
 * file (or, for generated objects, the kustomization that configured them), and the document is the one of the
 * same kind whose name the rendered name contains (prefixes and suffixes are kustomize's doing).
 */
function renderedResources(root, output, resolve, parse) {
    const resources = [];
    for (const object of loadDocuments(output)) {
        if (!files_isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
            continue;
        const metadata = files_isObject(object.metadata) ? object.metadata : undefined;
        const annotations = metadata && files_isObject(metadata.annotations) ? metadata.annotations : undefined;
        let origin = {};
        if (annotations && typeof annotations[originAnnotation] === "string") {
            try {
                origin = loadDocuments(annotations[originAnnotation])[0] ?? {};
            }
            catch {
                origin = {};
            }
            delete annotations[originAnnotation];
            if (Object.keys(annotations).length === 0 && metadata)
                delete metadata.annotations;
        }
        const id = idOf(object);
        const from = origin.path ?? origin.configuredIn;
        let file = from ? resolve(from) : root.file;
        let documentIndex = 0;
        let line = 1;
        const docs = origin.path ? parse(file) : [];
        if (origin.path && docs.length === 0)
            file = root.file;
        const match = bestMatch(docs, id);
        if (match) {
            documentIndex = match.index;
            line = match.line;
        }
        resources.push({ id, object, file, line, documentIndex, renderedFrom: root.dir });
    }
    return resources;
}
/** Patch documents a build applies, the root's own first: the last kustomization to set a value wins. */
function patchDocuments(graph, rootDir, parse) {
    const out = [];
    const seen = new Set();
    const visit = (dir) => {
        if (seen.has(dir))
            return;
        seen.add(dir);
        const k = graph.get(dir);
        if (!k)
            return;
        for (const file of k.patchFiles) {
            for (const doc of parse(file))
                if (files_isObject(doc.object) && typeof doc.object.kind === "string")
                    out.push({ file, doc });
        }
        for (const d of k.dirs)
            visit(d);
    };
    visit(rootDir);
    return out;
}
/** The patch document that sets the value at `path` of a rendered resource, when one does. */
function patchSetting(patches, resource, path) {
    if (!patches?.length)
        return undefined;
    const rendered = valueAt(resource.object, path);
    for (const { file, doc } of patches) {
        const object = doc.object;
        const metadata = files_isObject(object.metadata) ? object.metadata : {};
        const name = typeof metadata.name === "string" ? metadata.name : "";
        if (object.kind !== resource.id.kind || name === "" || !resource.id.name.includes(name))
            continue;
        const value = valueAt(object, path);
        // Lists merge by key, so an index into the rendered object need not match the patch's: compare values.
        const same = value === rendered ||
            (typeof value === "object" && value !== null && !path.some((s) => typeof s === "number"));
        if (value !== undefined && same)
            return { file, documentIndex: doc.index };
    }
    return undefined;
}
function valueAt(object, path) {
    let node = object;
    for (const segment of path) {
        if (node === null || typeof node !== "object")
            return undefined;
        node = node[segment];
    }
    return node;
}
function bestMatch(docs, id) {
    const sameKind = docs.filter((d) => files_isObject(d.object) && d.object.kind === id.kind);
    const nameOf = (d) => {
        const m = d.object.metadata;
        return files_isObject(m) && typeof m.name === "string" ? m.name : "";
    };
    return (sameKind.find((d) => nameOf(d) === id.name) ??
        sameKind.find((d) => nameOf(d) !== "" && id.name.includes(nameOf(d))) ??
        sameKind[0] ??
        docs[0]);
}
/** Runs `fn` over `items`, at most `limit` at a time, results in input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/validate/findings.ts


function placeFindings(raw, placement, out, own) {
    const { positions, listItems, patchesOf } = placement;
    for (const f of raw) {
        const ignored = ignoredByAnnotation(f.resource.object);
        if (ignored?.has(f.rule) || ignored?.has("all"))
            continue;
        const prefix = listItems.get(f.resource);
        const path = prefix ? [...prefix, ...(f.path ?? [])] : f.path;
        const base = {
            file: f.resource.file,
            ...(positions.locate(f.resource.file, f.resource.documentIndex, path) ?? {
                line: f.resource.line,
                column: 1,
            }),
        };
        if (!path) {
            base.line = f.resource.line;
            base.column = 1;
        }
        const overlay = f.path ? placement.overlaySetting?.(f.resource, f.path) : undefined;
        const patch = !overlay && f.path ? patchSetting(patchesOf.get(f.resource), f.resource, f.path) : undefined;
        const patchAt = patch && {
            file: patch.file,
            ...(positions.locate(patch.file, patch.documentIndex, path) ?? { line: 1, column: 1 }),
        };
        const at = overlay ?? patchAt ?? base;
        // The line a user edits comes first; the base's line, which the value overrides, is named after it.
        const also = at !== base && (at.file !== base.file || at.line !== base.line) ? base : undefined;
        let message = f.resource.renderedFrom
            ? `${f.message} (in the build of ${f.resource.renderedFrom})`
            : f.message;
        if (also)
            message += `; the base writes it at ${also.file}:${also.line}`;
        const finding = {
            rule: f.rule,
            severity: f.severity ?? "error",
            file: at.file,
            line: at.line,
            column: at.column,
            resource: f.resource.id,
            message,
        };
        if (also)
            finding.related = [{ file: also.file, line: also.line, column: also.column }];
        if (f.severity)
            own.set(finding, f.severity);
        out.push(finding);
    }
}
/** Applies configured severities and path overrides, drops repeats (a base seen through several builds), sorts. */
function settle(findings, settings, own) {
    const seen = new Set();
    const out = [];
    for (const finding of findings) {
        const setting = settings.severity(finding.rule, finding.file, own?.get(finding));
        if (setting === "off")
            continue;
        const key = `${finding.rule}\0${finding.file}\0${finding.line}\0${finding.column}\0${finding.message.replace(/ \(in the build of [^)]*\)/, "")}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ ...finding, severity: setting });
    }
    return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

;// CONCATENATED MODULE: ./src/validate/overlay.ts

/** Where a value of a rendered resource was set by a kustomization rather than written in the resource's file. */
/** `registry/name:tag@digest` → the name without tag or digest. */
function overlay_imageName(image) {
    const at = image.indexOf("@");
    const ref = at < 0 ? image : image.slice(0, at);
    const colon = ref.lastIndexOf(":");
    return colon > ref.lastIndexOf("/") ? ref.slice(0, colon) : ref;
}
/**
 * The `images:` entry of the build's kustomizations (the root's own first: the last one applied wins) that gave a
 * rendered container image its name, tag or digest; the position of the field that set what the finding is about.
 */
function overlayImageSetting(graph, resource, path, positions) {
    if (!resource.renderedFrom || path[path.length - 1] !== "image")
        return undefined;
    const image = valueAt(resource.object, path);
    if (typeof image !== "string")
        return undefined;
    const name = overlay_imageName(image);
    const seen = new Set();
    const order = [];
    const visit = (dir) => {
        if (seen.has(dir))
            return;
        seen.add(dir);
        order.push(dir);
        for (const d of graph.get(dir)?.dirs ?? [])
            visit(d);
    };
    visit(resource.renderedFrom);
    for (const dir of order) {
        const k = graph.get(dir);
        for (const entry of k?.images ?? []) {
            if ((entry.newName ?? entry.name) !== name)
                continue;
            const field = entry.digest ? "digest" : entry.newTag ? "newTag" : entry.newName ? "newName" : undefined;
            if (!field || !k)
                continue;
            const at = positions.locate(k.file, 0, ["images", entry.index, field]);
            if (at)
                return { file: k.file, ...at };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/validate/positions.ts

/**
 * Turns object paths into line:column by parsing a file again with full position tracking — done only for files
 * that have findings, so a clean repository never pays for it. One parse per file, however many findings.
 */
class PositionIndex {
    read;
    files = new Map();
    constructor(read) {
        this.read = read;
    }
    /** Where `path` is in document `documentIndex` of `file`: the key of the last segment when it exists, else the
     * deepest part of the path that does, else the document start. */
    locate(file, documentIndex, path) {
        const located = this.load(file);
        if (!located)
            return undefined;
        const docs = Array.isArray(located.docs) ? located.docs : [];
        const doc = docs[documentIndex];
        if (!doc)
            return undefined;
        let node = doc.contents;
        let offset = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
        for (const segment of path ?? []) {
            if ((0,dist/* isAlias */.Vj)(node))
                node = node.resolve(doc);
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = findPair(node, String(segment), doc);
                if (!pair)
                    break;
                offset = pair.key.range?.[0] ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof segment === "number" && node.items[segment]) {
                node = node.items[segment];
                offset = node.range?.[0] ?? offset;
            }
            else
                break;
        }
        const { line, col } = located.lineCounter.linePos(offset);
        return { line, column: col };
    }
    /** Documents of `file` as the position index sees them, for matching rendered resources to their source. */
    documents(file) {
        const located = this.load(file);
        if (!located || !Array.isArray(located.docs))
            return [];
        return located.docs.map((doc) => (doc.errors.length ? undefined : doc.toJS({ maxAliasCount: -1 })));
    }
    load(file) {
        let located = this.files.get(file);
        if (!located) {
            const text = this.read(file);
            if (text === undefined)
                return undefined;
            const lineCounter = new dist/* LineCounter */.HN();
            located = { docs: (0,dist/* parseAllDocuments */.hR)(text, { lineCounter }), lineCounter };
            this.files.set(file, located);
        }
        return located;
    }
}
/**
 * The pair for `key` in a mapping, looking through merge keys (`<<: *defaults`, `<<: [*a, *b]`) when the mapping
 * does not say it itself: the value is then where the anchor defines it.
 */
function findPair(map, key, doc) {
    let merged;
    for (const item of map.items) {
        if (!(0,dist/* isPair */.tO)(item) || !(0,dist/* isScalar */.jn)(item.key))
            continue;
        if (String(item.key.value) === key)
            return item;
        if (item.key.value === "<<" && merged === undefined) {
            const sources = (0,dist/* isSeq */.oP)(item.value) ? item.value.items : [item.value];
            for (const source of sources) {
                const target = (0,dist/* isAlias */.Vj)(source) ? source.resolve(doc) : source;
                if ((0,dist/* isMap */.jh)(target))
                    merged ??= findPair(target, key, doc);
            }
        }
    }
    return merged;
}
/** `spec.template.spec.containers[0].image`: the path the way people write it in messages. */
function formatPath(path) {
    let out = "";
    for (const segment of path) {
        if (typeof segment === "number")
            out += `[${segment}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(segment))
            out += out ? `.${segment}` : segment;
        else
            out += `[${JSON.stringify(segment)}]`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/validate/object.ts
function isObj(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function getAt(root, path) {
    let node = root;
    for (const key of path) {
        if (typeof key === "number") {
            if (!Array.isArray(node))
                return undefined;
            node = node[key];
        }
        else {
            if (!isObj(node))
                return undefined;
            node = node[key];
        }
    }
    return node;
}
function objAt(root, path) {
    const value = getAt(root, path);
    return isObj(value) ? value : undefined;
}
function listAt(root, path) {
    const value = getAt(root, path);
    return Array.isArray(value) ? value : [];
}
/**
 * The longest prefix of `path` that exists in `root`. A finding about something missing points at the closest
 * node that is there (the container, its `resources`), which is where the fix goes.
 */
function existingPath(root, path) {
    let node = root;
    for (let i = 0; i < path.length; i++) {
        const key = path[i];
        const next = typeof key === "number"
            ? Array.isArray(node)
                ? node[key]
                : undefined
            : isObj(node)
                ? node[key]
                : undefined;
        if (next === undefined || next === null)
            return path.slice(0, i);
        node = next;
    }
    return path;
}
/**
 * Values filled in later by Flux post-build substitution (`${VAR}`), by Kubernetes dependent variables (`$(VAR)`)
 * or by a template engine (`{{ … }}`): they are not the value that will run, so rules judge them as unknown.
 */
function isPlaceholder(value) {
    return /\$\{[^}]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|\{\{.*\}\}/.test(value);
}
/**
 * A value that names where a secret is kept rather than holding it: 1Password (`op://vault/item/field`), vals
 * (`ref+vault://…`, `ref+awssecrets://…`), Argo CD Vault Plugin (`<path:secret/data/app#password>` and its `<key>`
 * placeholders), Bank-Vaults (`vault:secret/data/app#password`), Berglas (`sm://project/secret`,
 * `berglas://bucket/secret`), AWS Secrets Manager and Parameter Store ARNs, and SOPS ciphertext as SOPS writes it.
 * Something fills these in at deploy time; the repository holds no credential.
 */
function isSecretReference(value) {
    const v = value.trim();
    return (/^op:\/\/[^\s/]+\/[^\s]+$/.test(v) ||
        /^ref\+[a-z0-9]+:\/\//.test(v) ||
        /<path:[^<>\n]+>/.test(v) ||
        /^<[A-Za-z0-9_.-]+(?:\s*\|\s*[a-zA-Z0-9]+)*>$/.test(v) ||
        /^vault:[^\s#]+#\S+$/.test(v) ||
        /^(?:sm|berglas):\/\/\S+$/.test(v) ||
        /^arn:aws[a-z-]*:(?:secretsmanager|ssm):/.test(v) ||
        isSopsValue(v));
}
/**
 * A value SOPS encrypted: `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]`, each part base64. Anything else in `ENC[…]`
 * is text someone typed, not ciphertext.
 */
function isSopsValue(value) {
    return /^ENC\[AES256_GCM,data:[A-Za-z0-9+/=]*,iv:[A-Za-z0-9+/=]+,tag:[A-Za-z0-9+/=]+,type:(?:str|int|float|bool|bytes|comment)\]$/.test(value);
}
/** `apps/v1` → `apps`, `v1` → `` (the core group). */
function apiGroup(apiVersion) {
    const slash = apiVersion.indexOf("/");
    return slash < 0 ? "" : apiVersion.slice(0, slash);
}

;// CONCATENATED MODULE: ./src/validate/argocd.ts

/** Where an Application spec lives: the object itself, or an ApplicationSet's template. */
function applicationSpecPath(resource) {
    if (apiGroup(resource.id.apiVersion) !== "argoproj.io")
        return undefined;
    if (resource.id.kind === "Application")
        return ["spec"];
    if (resource.id.kind === "ApplicationSet")
        return ["spec", "template", "spec"];
    return undefined;
}
/** `spec.source` and every entry of `spec.sources` (multi-source Applications). */
function applicationSources(resource) {
    const specPath = applicationSpecPath(resource);
    if (!specPath)
        return [];
    const found = [];
    const single = objAt(resource.object, [...specPath, "source"]);
    if (single)
        found.push({ source: single, path: [...specPath, "source"] });
    listAt(resource.object, [...specPath, "sources"]).forEach((source, index) => {
        if (isObj(source))
            found.push({ source, path: [...specPath, "sources", index] });
    });
    return found;
}
/**
 * One spelling per repository: `git@github.com:acme/config.git`, `ssh://git@github.com:22/acme/config` and
 * `https://github.com/acme/config.git/` are the same repo.
 */
function normalizeRepoUrl(url) {
    let rest = url.trim().toLowerCase();
    rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
    rest = rest.replace(/^[^@/]+@/, "");
    const scp = /^([^/:]+):(?!\d+\/)(.*)$/.exec(rest);
    if (scp)
        rest = `${scp[1]}/${scp[2]}`;
    // A default port written out (ssh 22, https 443, http 80, git 9418) is the same server as none.
    rest = rest.replace(/^([^/:]+):(?:22|443|80|9418)\//, "$1/");
    return rest.replace(/\/+$/, "").replace(/\.git$/, "");
}
/**
 * Image overrides an Application sets on its kustomize source (`spec.source.kustomize.images`, the field Argo CD
 * Image Updater writes): `name:tag`, `name@digest` or `old=new:tag`. They replace what the repo's manifests say.
 */
function applicationImageOverrides(resource) {
    return applicationSources(resource).flatMap(({ source, path }) => listAt(source, ["kustomize", "images"]).flatMap((entry, index) => {
        if (typeof entry !== "string" || isPlaceholder(entry))
            return [];
        const image = entry.slice(entry.indexOf("=") + 1);
        return [{ image, path: [...path, "kustomize", "images", index] }];
    }));
}
function mentions(value, environment) {
    if (typeof value !== "string")
        return false;
    const escaped = environment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`, "i").test(value);
}
/**
 * The production-like environment a resource belongs to, if any. The environment of the file wins; Argo CD
 * Applications usually live outside the environments' paths (argocd/apps/), so for them the environment is
 * otherwise read from what names it: the Application's name, label values, destination namespace and cluster
 * name, and source paths, matched as whole words (`guestbook-production`, `overlays/production`,
 * `environment: production`).
 */
function productionEnvironmentOf(resource, context) {
    if (resource.environment !== undefined) {
        return context.productionEnvironments.has(resource.environment) ? resource.environment : undefined;
    }
    const specPath = applicationSpecPath(resource);
    if (!specPath)
        return undefined;
    // An ApplicationSet names itself and, in its template, the Applications it makes: both can carry the env.
    const metadataPaths = resource.id.kind === "ApplicationSet" ? [["metadata"], ["spec", "template", "metadata"]] : [["metadata"]];
    const words = [
        ...metadataPaths.flatMap((metadata) => {
            const labels = getAt(resource.object, [...metadata, "labels"]);
            return [getAt(resource.object, [...metadata, "name"]), ...(isObj(labels) ? Object.values(labels) : [])];
        }),
        getAt(resource.object, [...specPath, "destination", "namespace"]),
        getAt(resource.object, [...specPath, "destination", "name"]),
        ...applicationSources(resource).map(({ source }) => source["path"]),
    ];
    for (const environment of context.productionEnvironments) {
        if (words.some((word) => mentions(word, environment)))
            return environment;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/validate/rules/argocd-app-path.ts


function repoPath(path) {
    const trimmed = path.replace(/^\.\/+/, "").replace(/\/+$/, "");
    return trimmed === "" ? "." : trimmed;
}
/**
 * A source path that is not in the repository leaves the Application in ComparisonError after merge. A source
 * is judged only when its repository is this one: its URL is one the caller names as this repository, or another
 * source with the same URL points at a path that exists here (so the URL evidently is this repo). Helm chart
 * sources (`chart:`) and templated paths are not paths in this repository.
 */
const argocdAppPath = {
    id: "argocd-app-path",
    defaultSeverity: "error",
    description: "An Argo CD Application or ApplicationSet pointing at this repository must name a path that exists in it.",
    checkAll(resources, context) {
        const sources = [];
        for (const resource of resources) {
            for (const { source, path } of applicationSources(resource)) {
                const { repoURL, path: dir, chart } = source;
                if (typeof repoURL !== "string" || typeof dir !== "string" || chart !== undefined)
                    continue;
                if (isPlaceholder(repoURL) || isPlaceholder(dir))
                    continue;
                sources.push({
                    resource,
                    repo: normalizeRepoUrl(repoURL),
                    dir: repoPath(dir),
                    path: [...path, "path"],
                });
            }
        }
        const thisRepo = new Set((context.repositoryUrls ?? []).map(normalizeRepoUrl));
        const exists = new Map();
        const pathExists = (dir) => {
            let known = exists.get(dir);
            if (known === undefined) {
                known = context.pathExists(dir);
                exists.set(dir, known);
            }
            return known;
        };
        for (const source of sources)
            if (pathExists(source.dir))
                thisRepo.add(source.repo);
        const violations = [];
        for (const source of sources) {
            if (!thisRepo.has(source.repo) || pathExists(source.dir))
                continue;
            violations.push({
                message: `source path "${source.dir}" does not exist in this repository; the Application would fail to sync`,
                path: source.path,
                resource: source.resource,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/argocd-sync-policy.ts


/**
 * Production changes when a person syncs a reviewed commit, not whenever main moves: automated sync there
 * bypasses the promotion gate's timing (windows, someone watching). It only speaks when gitops-pipeline.yaml
 * names a production environment; teams that auto-sync production on purpose switch it off there.
 */
const argocdSyncPolicy = {
    id: "argocd-sync-policy",
    defaultSeverity: "error",
    description: "Argo CD Applications of production-like environments must not sync automatically.",
    checkResource(resource, context) {
        const specPath = applicationSpecPath(resource);
        if (!specPath || context.productionEnvironments.size === 0)
            return [];
        const automatedPath = [...specPath, "syncPolicy", "automated"];
        const automated = getAt(resource.object, automatedPath);
        if (automated === undefined || automated === null)
            return [];
        if (isObj(automated) && automated["enabled"] === false)
            return [];
        const environment = productionEnvironmentOf(resource, context);
        if (environment === undefined)
            return [];
        return [
            {
                message: `${resource.id.kind} "${resource.id.name}" deploys to production environment "${environment}" with automated sync; remove syncPolicy.automated so a person syncs what the promotion merged`,
                path: automatedPath,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/validate/scope.ts

/**
 * What is deployed together. A kustomize build is one unit: its output is what one Argo CD Application or Flux
 * Kustomization applies, and a base shared by several overlays is a different object in each. Plain manifests
 * outside any kustomization are applied a directory at a time (Argo CD directory sources, `kubectl apply -f dir`),
 * so their unit is their directory.
 */
function renderUnit(resource) {
    if (resource.renderedFrom !== undefined)
        return `kustomize:${resource.renderedFrom}`;
    return `dir:${external_node_path_.posix.dirname(resource.file.replaceAll("\\", "/"))}`;
}
/**
 * Where a reference (Service selector, HPA target) may find its target. A rendered resource looks inside its own
 * build; a plain manifest may be completed by any plain manifest of the same environment (or, with no environments
 * configured, of the whole run), because teams split plain manifests by kind or component across directories.
 */
function lookupScope(resource) {
    return resource.renderedFrom !== undefined
        ? `kustomize:${resource.renderedFrom}`
        : `plain:${resource.environment ?? ""}`;
}
/** Resources grouped by lookup scope, so a reference searches its own scope only. */
function byLookupScope(resources, pick) {
    const groups = new Map();
    for (const resource of resources) {
        const value = pick(resource);
        if (value === undefined)
            continue;
        const key = lookupScope(resource);
        const group = groups.get(key);
        if (group)
            group.push(value);
        else
            groups.set(key, [value]);
    }
    return (from) => groups.get(lookupScope(from)) ?? [];
}
/**
 * An omitted namespace is filled in at apply time (Argo CD destination, `kubectl -n`), so it may equal any
 * namespace; two written namespaces must be equal.
 */
function namespacesMayMatch(a, b) {
    return a.id.namespace === undefined || b.id.namespace === undefined || a.id.namespace === b.id.namespace;
}
/** `file:line`, to name another resource in a message. */
function whereIs(resource) {
    return `${resource.file}:${resource.line}`;
}
/** Where a lookup searched, for messages; the engine itself names the build a rendered finding came from. */
function describeScope(resource) {
    if (resource.renderedFrom !== undefined)
        return "in the same kustomize build";
    return resource.environment !== undefined
        ? `in environment "${resource.environment}"`
        : "in the checked manifests";
}

;// CONCATENATED MODULE: ./src/image/ref.ts

const DEFAULT_REGISTRY = "docker.io";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN_RE = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const KNOWN_DIGEST_LENGTHS = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;
const REF_HINT = "Write it as name[:tag][@sha256:<64 hex>], e.g. ghcr.io/acme/web:1.4.2.";
function refuse(input, part, why, hint = REF_HINT) {
    throw new errors/* UserError */.y(`invalid image reference ${JSON.stringify(input)}: ${why} (${JSON.stringify(part)})`, {
        hint,
    });
}
/** A first path component is a registry when it could not be a Docker Hub namespace. */
function looksLikeRegistry(component) {
    return (component.includes(".") || component.includes(":") || component === "localhost" || /[A-Z]/.test(component));
}
/** Parses `name`, `name:tag`, `name@digest` or `name:tag@digest`; throws a UserError naming the bad part. */
function parseImageRef(input) {
    if (input.length === 0)
        refuse(input, input, "it is empty");
    const bad = /[\s\u0000-\u001f\u007f]/.exec(input);
    if (bad)
        refuse(input, bad[0], `it contains whitespace or a control character at offset ${bad.index}`);
    let rest = input;
    let digest;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        checkDigest(input, digest);
    }
    let tag;
    const lastSlash = rest.lastIndexOf("/");
    const colon = rest.lastIndexOf(":");
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG_RE.test(tag)) {
            refuse(input, tag, tag === "" ? "the tag after ':' is empty" : "the tag is not valid", "A tag is 1–128 characters of letters, digits, '_', '.' and '-', and does not start with '.' or '-'.");
        }
    }
    if (rest === "")
        refuse(input, rest, "the name is empty");
    const components = rest.split("/");
    let registry = "";
    if (components.length > 1 && looksLikeRegistry(components[0])) {
        registry = components.shift();
        if (!DOMAIN_RE.test(registry)) {
            refuse(input, registry, "the registry host is not valid", "A registry is a host name or IP address with an optional port, e.g. ghcr.io or localhost:5000.");
        }
    }
    for (const component of components) {
        if (component === "")
            refuse(input, rest, "the name has an empty path component");
        if (!PATH_COMPONENT_RE.test(component)) {
            if (component.toLowerCase() !== component && PATH_COMPONENT_RE.test(component.toLowerCase())) {
                refuse(input, component, "the repository name must be lowercase", `Use ${JSON.stringify(component.toLowerCase())}; registries refuse uppercase repository names.`);
            }
            refuse(input, component, "a path component is not valid", "Path components are lowercase letters and digits, separated by '.', '_', '__' or '-'.");
        }
    }
    const repository = components.join("/");
    if (rest.length > MAX_NAME_LENGTH)
        refuse(input, rest, `the name is longer than ${MAX_NAME_LENGTH} characters`);
    return { registry, repository, tag, digest };
}
function checkDigest(input, digest) {
    if (!DIGEST_RE.test(digest)) {
        refuse(input, digest, "the digest is not valid", "A digest looks like sha256:<64 lowercase hex characters>.");
    }
    const [algorithm, hex] = digest.split(":");
    const length = KNOWN_DIGEST_LENGTHS[algorithm];
    if (length !== undefined && (hex.length !== length || !/^[0-9a-f]+$/.test(hex))) {
        refuse(input, digest, `a ${algorithm} digest is ${length} lowercase hex characters`);
    }
}
/** True when `tag` is a tag the distribution grammar accepts (and so holds no space, quote, `#` or line break). */
function isValidTag(tag) {
    return TAG_RE.test(tag);
}
/** True when `digest` is `algorithm:encoded` as the distribution grammar defines it, with the right length. */
function isValidDigest(digest) {
    try {
        checkDigest(digest, digest);
        return true;
    }
    catch {
        return false;
    }
}
/** Registry as Docker resolves it: none or index.docker.io means docker.io. */
function normalizedRegistry(ref) {
    const registry = ref.registry.toLowerCase();
    if (registry === "" || registry === "index.docker.io" || registry === "registry-1.docker.io") {
        return DEFAULT_REGISTRY;
    }
    return registry;
}
/** The fully qualified name (`docker.io/library/nginx`) that decides identity. */
function ref_normalizedName(ref) {
    const registry = normalizedRegistry(ref);
    const repository = registry === DEFAULT_REGISTRY && !ref.repository.includes("/")
        ? `library/${ref.repository}`
        : ref.repository;
    return `${registry}/${repository}`;
}
/** The name as written: registry (if any) and repository, without tag or digest. */
function ref_imageName(ref) {
    return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}
function formatImageRef(ref) {
    return `${ref_imageName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ""}${ref.digest !== undefined ? `@${ref.digest}` : ""}`;
}
/** True when both references name the same repository, whatever their tags, digests or spelling. */
function sameImage(a, b) {
    const left = typeof a === "string" ? parseImageRef(a) : a;
    const right = typeof b === "string" ? parseImageRef(b) : b;
    return ref_normalizedName(left) === ref_normalizedName(right);
}
/** The part of a reference that says which version runs: `tag`, `@digest` or `tag@digest`. */
function ref_versionOf(ref) {
    return `${ref.tag ?? ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
/** The reference spelled by a name and a `versionOf()` string (`1.2`, `@sha256:…`, `1.2@sha256:…`). */
function withVersionText(name, version) {
    return `${name}${version.startsWith("@") ? "" : ":"}${version}`;
}

;// CONCATENATED MODULE: ./src/validate/workloads.ts



const TEMPLATED = { template: ["spec", "template"], selector: ["spec", "selector"] };
const SHAPES = {
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
function workloadShape(resource) {
    return SHAPES[`${apiGroup(resource.id.apiVersion)}/${resource.id.kind}`];
}
/** The pod a workload runs, or undefined for kinds that run none (or a Rollout using `workloadRef`). */
function podOf(resource) {
    const shape = workloadShape(resource);
    if (!shape)
        return undefined;
    const specPath = [...shape.template, "spec"];
    const spec = objAt(resource.object, specPath);
    if (!spec)
        return undefined;
    const restartPolicy = spec["restartPolicy"];
    return {
        templatePath: shape.template,
        specPath,
        spec,
        labels: stringMap(getAt(resource.object, [...shape.template, "metadata", "labels"])),
        selectorPath: shape.selector,
        plainSelector: shape.plainSelector ?? false,
        longRunning: !shape.runsToCompletion &&
            !(resource.id.kind === "Pod" && (restartPolicy === "Never" || restartPolicy === "OnFailure")),
    };
}
/** Most rules walk the same containers; walk them once per resource. */
const containerCache = new WeakMap();
/** Every container and init container of a workload, with its path. Ephemeral containers are debug-only. */
function containersOf(resource) {
    let found = containerCache.get(resource);
    if (!found) {
        found = findContainers(resource);
        containerCache.set(resource, found);
    }
    return found;
}
function findContainers(resource) {
    const pod = podOf(resource);
    if (!pod)
        return [];
    const found = [];
    for (const field of ["initContainers", "containers"]) {
        listAt(pod.spec, [field]).forEach((container, index) => {
            if (!isObj(container))
                return;
            const role = field === "containers" ? "container" : container["restartPolicy"] === "Always" ? "sidecar" : "init";
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
function eachContainer(check) {
    return (resource, context) => containersOf(resource).flatMap((location) => check(location, resource, context) ?? []);
}
/** "container "app"" / "init container "migrate"", for messages. */
function describeContainer(location) {
    return `${location.role === "container" ? "container" : "init container"} "${location.name}"`;
}
/**
 * Images of all containers, and an Argo CD Application's kustomize overrides, that parse as references.
 * Placeholders and malformed references are left to other checks (schema, substitution) rather than guessed at.
 */
function imagesOf(resource) {
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
        if (typeof image !== "string" || image === "" || isPlaceholder(image))
            return [];
        try {
            return [{ owner, image, ref: parseImageRef(image), path }];
        }
        catch {
            return [];
        }
    });
}
function stringMap(value) {
    const result = {};
    if (!isObj(value))
        return result;
    for (const [key, entry] of Object.entries(value)) {
        if (entry === null || entry === undefined)
            continue;
        result[key] = String(entry);
    }
    return result;
}
/** True when a plain label map (Service, ReplicationController selectors) selects `labels`. */
function mapSelects(selector, labels) {
    return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

;// CONCATENATED MODULE: ./src/validate/rules/dangling-service.ts



/**
 * A Service whose selector matches no pod has no endpoints: traffic to it fails while everything looks synced.
 * Often a label typo or a label changed on one side only. ExternalName and selector-less Services (manual
 * Endpoints) select nothing by design.
 */
const danglingService = {
    id: "dangling-service",
    defaultSeverity: "warning",
    description: "A Service's selector must match the pod template of some workload deployed with it.",
    checkAll(resources) {
        const podsFor = byLookupScope(resources, (resource) => {
            const pod = podOf(resource);
            return pod && { resource, labels: pod.labels };
        });
        const violations = [];
        for (const service of resources) {
            if (service.id.kind !== "Service" || service.id.apiVersion !== "v1")
                continue;
            if (getAt(service.object, ["spec", "type"]) === "ExternalName")
                continue;
            const selector = stringMap(getAt(service.object, ["spec", "selector"]));
            if (Object.keys(selector).length === 0)
                continue;
            const pods = podsFor(service);
            // Plain manifests in view with no workload at all: the pods come from elsewhere (another directory or app,
            // an operator), so there is nothing to judge against. A kustomize build is complete by itself.
            if (pods.length === 0 && service.renderedFrom === undefined)
                continue;
            const matched = pods.some(({ resource, labels }) => namespacesMayMatch(service, resource) && mapSelects(selector, labels));
            if (matched)
                continue;
            violations.push({
                message: `Service "${service.id.name}" selects ${Object.entries(selector)
                    .map(([key, value]) => `${key}=${value}`)
                    .join(", ")} but no pod template ${describeScope(service)} has those labels; it will have no endpoints`,
                path: ["spec", "selector"],
                resource: service,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/deprecated-api.ts
/** Reported by the engine itself (API version table), not by a check over resources. */
const deprecatedApi = {
    id: "deprecated-api",
    defaultSeverity: "warning",
    description: "The apiVersion is deprecated in the target Kubernetes version and will be removed; move to its replacement.",
};

;// CONCATENATED MODULE: ./src/validate/rules/duplicate-key.ts
/** Reported by the engine itself (the loader), not by a check over resources. */
const duplicateKey = {
    id: "duplicate-key",
    defaultSeverity: "error",
    description: "A mapping has the same key twice; YAML keeps only one of them, so the other is silently lost.",
};

;// CONCATENATED MODULE: ./src/validate/rules/duplicate-resource.ts


/** Kinds whose objects live outside namespaces: a namespace written on them is ignored by the API server. */
const CLUSTER_SCOPED = new Set([
    "/Namespace",
    "/Node",
    "/PersistentVolume",
    "rbac.authorization.k8s.io/ClusterRole",
    "rbac.authorization.k8s.io/ClusterRoleBinding",
    "apiextensions.k8s.io/CustomResourceDefinition",
    "storage.k8s.io/StorageClass",
    "storage.k8s.io/CSIDriver",
    "storage.k8s.io/VolumeAttachment",
    "scheduling.k8s.io/PriorityClass",
    "networking.k8s.io/IngressClass",
    "node.k8s.io/RuntimeClass",
    "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
    "admissionregistration.k8s.io/MutatingWebhookConfiguration",
    "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
    "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
    "admissionregistration.k8s.io/MutatingAdmissionPolicy",
    "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
    "certificates.k8s.io/CertificateSigningRequest",
    "flowcontrol.apiserver.k8s.io/FlowSchema",
    "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
    "apiregistration.k8s.io/APIService",
    "cert-manager.io/ClusterIssuer",
]);
/**
 * Identity as the API server sees it: the group but not the version (apps/v1 and apps/v1beta2 Deployments are
 * one object), and no namespace for cluster-scoped kinds.
 */
function identity(resource) {
    const group = apiGroup(resource.id.apiVersion);
    const kind = `${group}/${resource.id.kind}`;
    const namespace = CLUSTER_SCOPED.has(kind) ? "" : (resource.id.namespace ?? "");
    return `${kind}|${namespace}|${resource.id.name}`;
}
/**
 * Two definitions of one object in what is applied together: the second silently replaces the first, or the
 * sync fails. Scope is the render unit — one kustomize build, or one directory of plain manifests — so the same
 * base rendered into several overlays is not a duplicate.
 */
const duplicateResource = {
    id: "duplicate-resource",
    defaultSeverity: "error",
    description: "The same object (group, kind, namespace, name) must not be defined twice in one render unit.",
    checkAll(resources) {
        const first = new Map();
        const violations = [];
        for (const resource of resources) {
            if (!resource.id.kind || !resource.id.name)
                continue;
            const key = `${renderUnit(resource)}|${identity(resource)}`;
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, resource);
                continue;
            }
            const { kind, name, namespace } = resource.id;
            violations.push({
                message: `${kind} "${namespace ? `${namespace}/` : ""}${name}" is already defined at ${whereIs(earlier)}${resource.renderedFrom !== undefined ? " in the same kustomize build" : ""}; keep one definition`,
                path: ["metadata", "name"],
                resource,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/host-namespace.ts

const NAMESPACES = { hostNetwork: "network", hostPID: "process", hostIPC: "IPC" };
/** Sharing the node's network, process or IPC namespace lets a pod see and reach everything on the node. */
const hostNamespace = {
    id: "host-namespace",
    defaultSeverity: "error",
    description: "Pods must not share the host's network, PID or IPC namespace.",
    checkResource(resource) {
        const pod = podOf(resource);
        if (!pod)
            return [];
        const violations = [];
        for (const [field, what] of Object.entries(NAMESPACES)) {
            if (pod.spec[field] !== true)
                continue;
            violations.push({
                message: `the pod shares the host's ${what} namespace (${field}: true)`,
                path: [...pod.specPath, field],
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/host-path.ts


/**
 * A hostPath volume reaches the node's file system; node agents need it, applications should not. A warning
 * because log shippers and CSI drivers legitimately use it.
 */
const hostPath = {
    id: "host-path",
    defaultSeverity: "warning",
    description: "Pods should not mount hostPath volumes.",
    checkResource(resource) {
        const pod = podOf(resource);
        if (!pod)
            return [];
        const violations = [];
        listAt(pod.spec, ["volumes"]).forEach((volume, index) => {
            if (!isObj(volume) || !isObj(volume["hostPath"]))
                return;
            const path = volume["hostPath"]["path"];
            violations.push({
                message: `volume "${String(volume["name"] ?? index)}" mounts host path ${typeof path === "string" ? `"${path}"` : "(unset)"} from the node`,
                path: [...pod.specPath, "volumes", index, "hostPath"],
            });
        });
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/hpa-target.ts



/**
 * An autoscaler whose target is not deployed with it scales nothing, and one with minReplicas above maxReplicas
 * is refused by the API server.
 */
const hpaTarget = {
    id: "hpa-target",
    defaultSeverity: "error",
    description: "A HorizontalPodAutoscaler must target a workload deployed with it and have minReplicas ≤ maxReplicas.",
    checkAll(resources, context) {
        const violations = [];
        const candidatesFor = byLookupScope(resources, (resource) => resource);
        const workloadsFor = byLookupScope(resources, (resource) => podOf(resource));
        for (const hpa of resources) {
            if (hpa.id.kind !== "HorizontalPodAutoscaler" || apiGroup(hpa.id.apiVersion) !== "autoscaling")
                continue;
            const min = getAt(hpa.object, ["spec", "minReplicas"]);
            const max = getAt(hpa.object, ["spec", "maxReplicas"]);
            if (typeof min === "number" && typeof max === "number" && min > max) {
                violations.push({
                    message: `minReplicas (${min}) is greater than maxReplicas (${max})`,
                    path: ["spec", "minReplicas"],
                    resource: hpa,
                });
            }
            const target = objAt(hpa.object, ["spec", "scaleTargetRef"]);
            const kind = target?.["kind"];
            const name = target?.["name"];
            if (typeof kind !== "string" || typeof name !== "string")
                continue;
            const group = typeof target?.["apiVersion"] === "string" ? apiGroup(target["apiVersion"]) : undefined;
            // As for Services: plain manifests with no workload in view say nothing about where the target lives.
            if (hpa.renderedFrom === undefined && workloadsFor(hpa).length === 0)
                continue;
            // An app's directory often keeps its autoscaler a level below its workload: look up the tree too.
            const found = [...candidatesFor(hpa), ...(context?.enclosing?.(hpa) ?? [])].some((candidate) => candidate.id.kind === kind &&
                candidate.id.name === name &&
                (group === undefined || apiGroup(candidate.id.apiVersion) === group) &&
                namespacesMayMatch(hpa, candidate));
            if (found)
                continue;
            violations.push({
                message: `scaleTargetRef ${kind} "${name}" is not defined ${describeScope(hpa)}; the autoscaler would scale nothing`,
                path: ["spec", "scaleTargetRef", "name"],
                resource: hpa,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/kustomize-build.ts
/** Reported by the engine itself (the renderer), not by a check over resources. */
const kustomizeBuild = {
    id: "kustomize-build",
    defaultSeverity: "error",
    description: "A kustomization does not build; the message quotes kustomize's reason.",
};

;// CONCATENATED MODULE: ./src/validate/rules/kustomize-remote.ts
/** Reported by the engine when it leaves a build out, not by a check over resources. */
const kustomizeRemote = {
    id: "kustomize-remote",
    defaultSeverity: "warning",
    description: "A kustomization builds on a remote base, component or resource (URL, `github.com/…`, `git@…`, `?ref=`): validation works offline, so that overlay is not rendered and its local files are checked as they are.",
};

;// CONCATENATED MODULE: ./src/validate/rules/latest-tag.ts

/** An image without a tag or with `latest` changes under the same manifest: Git no longer says what runs. */
const latestTag = {
    id: "latest-tag",
    defaultSeverity: "error",
    description: "Container images must name a tag other than `latest`, or a digest.",
    checkResource(resource, context) {
        const violations = [];
        for (const { owner, image, ref, path } of imagesOf(resource)) {
            if (ref.digest !== undefined)
                continue;
            // Skaffold writes the tag it built into `image: frontend` when it deploys.
            if (ref.tag === undefined && context.builtImages?.has(image))
                continue;
            if (ref.tag === undefined) {
                violations.push({
                    message: `${owner} uses image "${image}" without a tag, which means latest; pin a version tag or a digest`,
                    path,
                });
            }
            else if (ref.tag === "latest") {
                violations.push({
                    message: `${owner} uses image "${image}"; pin a version tag or a digest instead of latest`,
                    path,
                });
            }
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/missing-limits.ts


/**
 * Only the memory limit is required: a container without one can take a node's memory and get its neighbours
 * OOM-killed. A CPU limit is left to the team, since it throttles even when the node is idle.
 */
const missingLimits = {
    id: "missing-limits",
    defaultSeverity: "warning",
    description: "Containers must set a memory limit.",
    checkResource: eachContainer((location) => {
        if (getAt(location.container, ["resources", "limits", "memory"]) != null)
            return undefined;
        return {
            message: `${describeContainer(location)} has no memory limit; set resources.limits.memory`,
            path: [...location.path, ...existingPath(location.container, ["resources", "limits"])],
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/missing-probes.ts

/**
 * A long-running container without a readiness probe gets traffic before it can serve it; without a liveness
 * probe a hung process is never restarted. Jobs, CronJobs and plain init containers exit by design.
 */
const missingProbes = {
    id: "missing-probes",
    defaultSeverity: "warning",
    description: "Containers of long-running workloads must have readiness and liveness probes.",
    checkResource: eachContainer((location) => {
        if (location.role === "init" || !location.pod.longRunning)
            return undefined;
        const missing = ["readinessProbe", "livenessProbe"].filter((probe) => location.container[probe] == null);
        if (missing.length === 0)
            return undefined;
        return { message: `${describeContainer(location)} has no ${missing.join(" or ")}`, path: location.path };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/missing-requests.ts


/** Without requests the scheduler packs pods blind and the pod is first to be evicted under pressure. */
const missingRequests = {
    id: "missing-requests",
    defaultSeverity: "warning",
    description: "Containers must request CPU and memory.",
    checkResource: eachContainer((location) => {
        const missing = ["cpu", "memory"].filter((name) => getAt(location.container, ["resources", "requests", name]) == null);
        if (missing.length === 0)
            return undefined;
        return {
            message: `${describeContainer(location)} has no ${missing.join(" or ")} request; set resources.requests.${missing.join(" and resources.requests.")}`,
            path: [...location.path, ...existingPath(location.container, ["resources", "requests"])],
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/mutable-tag.ts


/**
 * Tags that name one build: a full version (1.4.2, v1.4.2, 1.4.2-rc.1, 1.25.3-alpine, 2024.11.21) or a commit
 * (sha-abc1234, abc1234def). `1.4`, `1`, `main`, `stable` are moved by every release.
 */
const EXACT_VERSION = /^v?\d+(?:\.\d+){2,}(?:[-+_.][0-9A-Za-z][0-9A-Za-z._+-]*)?$/;
const PREFIXED_COMMIT = /^(?:sha|git|commit)-[0-9a-f]{7,64}$/;
/** A bare hex tag counts only with a letter in it: all digits is more likely a date or a counter. */
const BARE_COMMIT = /^(?=[0-9]*[a-f])[0-9a-f]{7,64}$/;
function isExactTag(tag) {
    return EXACT_VERSION.test(tag) || PREFIXED_COMMIT.test(tag) || BARE_COMMIT.test(tag);
}
/** Production runs what was tested: a tag that can be moved can deploy something nobody promoted. */
const mutableTag = {
    id: "mutable-tag",
    defaultSeverity: "error",
    description: "In production-like environments images must be pinned by digest or by an exact version tag (1.4.2, sha-abc1234).",
    checkResource(resource, context) {
        const environment = productionEnvironmentOf(resource, context);
        if (environment === undefined)
            return [];
        const violations = [];
        for (const { owner, image, ref, path } of imagesOf(resource)) {
            if (ref.digest !== undefined || (ref.tag !== undefined && isExactTag(ref.tag)))
                continue;
            violations.push({
                message: `${owner} uses image "${image}" in production environment "${environment}"; ${ref.tag === undefined ? "it has no tag" : `tag "${ref.tag}" can be moved`}: pin a digest (@sha256:…) or an exact version tag such as 1.4.2`,
                path,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/plaintext-secret.ts

/** Where SOPS keeps the keys a file is encrypted to; at least one must list a key for SOPS to decrypt it. */
const KEY_GROUPS = ["pgp", "age", "kms", "gcp_kms", "azure_kv", "hc_vault", "key_groups"];
/**
 * The metadata block SOPS adds to a file it encrypted: a `mac` over the values, itself encrypted, and the keys to
 * decrypt with. `sops: {}` or a block without keys is not something SOPS wrote.
 */
function hasSopsBlock(object) {
    const sops = object["sops"];
    if (!isObj(sops) || typeof sops["mac"] !== "string" || !isSopsValue(sops["mac"]))
        return false;
    return KEY_GROUPS.some((group) => Array.isArray(sops[group]) && sops[group].length > 0);
}
/**
 * A dotenv file SOPS encrypted keeps its metadata as `sops_*` keys (`sops_mac`, `sops_age__list_0__map_recipient`);
 * a Secret generated from one carries them among its keys, base64-encoded in `data`.
 */
function hasSopsDotenv(entries, base64) {
    const mac = entries["sops_mac"];
    if (typeof mac !== "string" || !isSopsValue(plaintext_secret_text(mac, base64)))
        return false;
    return Object.keys(entries).some((key) => /^sops_(?:pgp|age|kms|gcp_kms|azure_kv|hc_vault)__list_\d+__map_/.test(key));
}
/** The text a `data` value stands for; `undefined` when it is not base64. */
function decoded(value) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s+/g, "")))
        return undefined;
    return Buffer.from(value, "base64").toString("utf8");
}
const plaintext_secret_text = (value, base64) => (base64 ? (decoded(value) ?? value) : value);
/**
 * A Secret a generator made from a SOPS-encrypted YAML or JSON file holds that file, base64-encoded, as one value:
 * ciphertext values, a `sops` block with a `mac`.
 */
function isSopsFile(content) {
    return (/^sops:\s*$/m.test(content) &&
        /^\s+mac: ENC\[AES256_GCM,/m.test(content) &&
        /ENC\[AES256_GCM,data:[^\]]*,iv:[^\]]+,tag:[^\]]+,type:\w+\]/.test(content));
}
/** A value that is a reference, a placeholder or SOPS ciphertext, written as it is or base64-encoded in `data`. */
function notACredential(value, base64, encrypted) {
    const plain = plaintext_secret_text(value, base64);
    if (encrypted && (isSopsValue(value) || isSopsValue(plain)))
        return true;
    return (isPlaceholder(value) ||
        (!isSopsValue(value) && isSecretReference(value)) ||
        (plain !== value &&
            (isPlaceholder(plain) || (!isSopsValue(plain) && isSecretReference(plain)) || isSopsFile(plain))));
}
/**
 * Argo CD reads repositories and clusters from labelled Secrets; declaring a public repository needs only these
 * keys, and teams commit such Secrets on purpose. Their credential keys (password, sshPrivateKey, config, …) count.
 */
const ARGOCD_SECRET_TYPE = "argocd.argoproj.io/secret-type";
const ARGOCD_PUBLIC_KEYS = new Set([
    "type",
    "url",
    "name",
    "project",
    "username",
    "server",
    "namespaces",
    "clusterResources",
    "insecure",
    "enableLfs",
    "enableOCI",
    "proxy",
    "noProxy",
    "forceHttpBasicAuth",
    "githubAppID",
    "githubAppInstallationID",
    "githubAppEnterpriseBaseUrl",
]);
/**
 * Base64 is not encryption: a Secret with data in Git hands the credential to everyone who can read the repo,
 * forever (history keeps it). Empty Secrets, ones filled by substitution and SOPS-encrypted ones are fine.
 */
const plaintextSecret = {
    id: "plaintext-secret",
    defaultSeverity: "error",
    description: "Secrets must not be committed with data: use a SealedSecret, an ExternalSecret or SOPS.",
    checkResource(resource) {
        const { apiVersion, kind } = resource.id;
        if (kind !== "Secret" || apiVersion !== "v1")
            return [];
        const argocd = getAt(resource.object, ["metadata", "labels", ARGOCD_SECRET_TYPE]) !== undefined;
        for (const field of ["data", "stringData"]) {
            const entries = resource.object[field];
            if (!isObj(entries))
                continue;
            const base64 = field === "data";
            // Ciphertext counts as encrypted only next to the metadata SOPS writes with it.
            const block = hasSopsBlock(resource.object);
            const dotenv = hasSopsDotenv(entries, base64);
            const keys = Object.entries(entries).filter(([key, value]) => !(argocd && ARGOCD_PUBLIC_KEYS.has(key)) &&
                !(dotenv && key.startsWith("sops_")) &&
                value != null &&
                String(value) !== "" &&
                !notACredential(String(value), base64, block || dotenv));
            if (keys.length === 0)
                continue;
            const names = keys.map(([key]) => key);
            const listed = names.map((name) => `"${name}"`).join(", ");
            const encoding = field === "data" ? "base64" : "text";
            return [
                {
                    message: `Secret "${resource.id.name}" holds ${names.length === 1 ? "key" : "keys"} ${listed} in plain ${encoding}; commit a SealedSecret or an ExternalSecret (or encrypt with SOPS) instead`,
                    path: [field, names[0]],
                },
            ];
        }
        return [];
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/privilege-escalation.ts


/**
 * Kubernetes allows privilege escalation (setuid binaries, file capabilities) unless told otherwise, so only an
 * explicit `false` passes. A warning: most images never use it, but it is one line to close.
 */
const privilegeEscalation = {
    id: "privilege-escalation",
    defaultSeverity: "warning",
    description: "Containers must set securityContext.allowPrivilegeEscalation: false.",
    checkResource: eachContainer((location) => {
        const field = ["securityContext", "allowPrivilegeEscalation"];
        const value = getAt(location.container, field);
        if (value === false)
            return undefined;
        return {
            message: `${describeContainer(location)} ${value === true ? "allows privilege escalation" : "does not set allowPrivilegeEscalation: false"}`,
            path: [...location.path, ...existingPath(location.container, field)],
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/privileged.ts


/** A privileged container has every capability and the host's devices: it is root on the node. */
const privileged = {
    id: "privileged",
    defaultSeverity: "error",
    description: "Containers must not run privileged.",
    checkResource: eachContainer((location) => {
        if (getAt(location.container, ["securityContext", "privileged"]) !== true)
            return undefined;
        return {
            message: `${describeContainer(location)} runs privileged; grant the specific capabilities it needs instead`,
            path: [...location.path, "securityContext", "privileged"],
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/removed-api.ts
/** Reported by the engine itself (API version table), not by a check over resources. */
const removedApi = {
    id: "removed-api",
    defaultSeverity: "error",
    description: "The apiVersion is not served by the target Kubernetes version (removed already, or newer than it); the cluster rejects it.",
};

;// CONCATENATED MODULE: ./src/validate/rules/run-as-root.ts


/**
 * A container may run as root unless `runAsNonRoot: true` or a non-zero `runAsUser` holds for it; a container's
 * securityContext overrides the pod's, so each container is judged on the effective value.
 */
const runAsRoot = {
    id: "run-as-root",
    defaultSeverity: "warning",
    description: "Containers must not run as root: set runAsNonRoot: true (pod or container) and no runAsUser: 0.",
    checkResource: eachContainer((location, resource) => {
        const podContext = [...location.pod.specPath, "securityContext"];
        const containerContext = [...location.path, "securityContext"];
        const effective = (field) => {
            for (const base of [containerContext, podContext]) {
                const value = getAt(resource.object, [...base, field]);
                if (value != null)
                    return { value, path: [...base, field] };
            }
            return { value: undefined };
        };
        const user = effective("runAsUser");
        if (user.value === 0) {
            return { message: `${describeContainer(location)} runs as root (runAsUser: 0)`, path: user.path };
        }
        if (typeof user.value === "number" && user.value > 0)
            return undefined;
        const nonRoot = effective("runAsNonRoot");
        if (nonRoot.value === true)
            return undefined;
        return {
            message: `${describeContainer(location)} may run as root: ${nonRoot.value === false ? "runAsNonRoot is false" : "runAsNonRoot is not set"}; set securityContext.runAsNonRoot: true or a non-zero runAsUser`,
            path: nonRoot.path ?? location.path,
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/schema.ts
/** Reported by the engine itself (schema check), not by a check over resources. */
const schema_schema = {
    id: "schema",
    defaultSeverity: "error",
    description: "A field has the wrong type, a value outside its allowed set, or a required field is missing.",
};

;// CONCATENATED MODULE: ./src/validate/rules/secret-in-env.ts


const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY/;
/** Names that say the value is about a secret, not the secret: a file, a reference, a setting. */
const NOT_THE_SECRET = /_(?:FILES?|PATH|DIR|NAME|REF|KEY_?ID|ID|URL|URI|ENDPOINT|HOST|PORT|TTL|TIMEOUT|EXPIRY|EXPIRATION|LENGTH|LEN|SIZE|COUNT|LIFETIME|AGE|INTERVAL|DURATION|ENABLED|DISABLED|HEADER|TYPE|KIND|MODE|FORMAT|ALGORITHM|ISSUER|AUDIENCE|PROVIDER|BACKEND|STORE|MANAGER|PROJECT|REGION|NAMESPACE|VERSION|SOURCE|LOCATION|MOUNT|POLICY|STRATEGY|METHOD)$/;
/** `scheme://user:password@host`, with a password that is really there. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;
function looksLikeSetting(value) {
    return /^(?:true|false|yes|no|on|off|none|null|\d+[a-z]*)$/i.test(value) || value.startsWith("/");
}
function credential(name, value) {
    const url = URL_CREDENTIALS.exec(value);
    if (url && !isPlaceholder(url[1]))
        return "a URL with a password";
    const upper = name.toUpperCase().replaceAll("-", "_").replaceAll(".", "_");
    if (SECRET_NAME.test(upper) && !NOT_THE_SECRET.test(upper) && !looksLikeSetting(value))
        return "a literal credential";
    return undefined;
}
/** A credential written into `env[].value` is a plaintext secret in Git, and shows in `kubectl describe`. */
const secretInEnv = {
    id: "secret-in-env",
    defaultSeverity: "error",
    description: "Environment variables must not hold literal credentials; use valueFrom.secretKeyRef.",
    checkResource: eachContainer((location) => listAt(location.container, ["env"]).flatMap((variable, index) => {
        if (!isObj(variable))
            return [];
        const { name, value } = variable;
        if (typeof name !== "string" || typeof value !== "string" || value.trim() === "")
            return [];
        if ((isPlaceholder(value) || isSecretReference(value)) && !URL_CREDENTIALS.test(value))
            return [];
        const what = credential(name, value);
        if (!what)
            return [];
        return [
            {
                message: `${describeContainer(location)} sets ${name} to ${what}; move it to a Secret (SealedSecret or ExternalSecret) and use valueFrom.secretKeyRef`,
                path: [...location.path, "env", index, "value"],
            },
        ];
    })),
};

;// CONCATENATED MODULE: ./src/validate/rules/selector-mismatch.ts


function requirementHolds(operator, key, values, labels) {
    const has = Object.hasOwn(labels, key);
    switch (operator) {
        case "In":
            return has && values.includes(labels[key]);
        case "NotIn":
            return !has || !values.includes(labels[key]);
        case "Exists":
            return has;
        case "DoesNotExist":
            return !has;
        default:
            // An unknown operator is the schema rule's finding, not a mismatch.
            return true;
    }
}
/**
 * A controller whose selector does not match its own pod template is rejected by the API server (apps/v1) or,
 * for older kinds, adopts or orphans the wrong pods. Each selector term that fails is reported where it is.
 */
const selectorMismatch = {
    id: "selector-mismatch",
    defaultSeverity: "error",
    description: "A workload's selector must match the labels of its own pod template.",
    checkResource(resource) {
        const pod = podOf(resource);
        const selectorPath = pod?.selectorPath;
        if (!pod || !selectorPath)
            return [];
        const selector = getAt(resource.object, selectorPath);
        if (!isObj(selector))
            return [];
        const labels = pod.labels;
        const labelsPath = [...pod.templatePath, "metadata", "labels"];
        const violations = [];
        const mismatch = (term, path) => violations.push({
            message: `selector ${term} does not match the pod template's labels (${Object.entries(labels)
                .map(([key, value]) => `${key}=${value}`)
                .join(", ") || "none"}); the controller would not own its own pods — make ${labelsPath.join(".")} carry it`,
            path,
        });
        const plain = pod.plainSelector ? stringMap(selector) : stringMap(selector["matchLabels"]);
        const plainBase = pod.plainSelector ? selectorPath : [...selectorPath, "matchLabels"];
        for (const [key, value] of Object.entries(plain)) {
            if (labels[key] !== value)
                mismatch(`${key}=${value}`, [...plainBase, key]);
        }
        if (!pod.plainSelector) {
            listAt(selector, ["matchExpressions"]).forEach((expression, index) => {
                if (!isObj(expression) || typeof expression["key"] !== "string")
                    return;
                const values = listAt(expression, ["values"]).map(String);
                if (requirementHolds(expression["operator"], expression["key"], values, labels))
                    return;
                mismatch(`"${expression["key"]} ${String(expression["operator"])}${values.length ? ` (${values.join(", ")})` : ""}"`, [...selectorPath, "matchExpressions", index]);
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/symlink.ts
/** Reported by the engine itself (the workspace reader), not by a check over resources. */
const symlink = {
    id: "symlink",
    defaultSeverity: "warning",
    description: "A symbolic link leads outside the workspace or into a loop; it is not followed, so what it points at is not checked.",
};

;// CONCATENATED MODULE: ./src/validate/rules/unknown-field.ts
/** Reported by the engine itself (schema check), not by a check over resources. */
const unknownField = {
    id: "unknown-field",
    defaultSeverity: "error",
    description: "A field the kind's schema does not define: usually a typo or a wrong indentation, ignored by the API server.",
};

;// CONCATENATED MODULE: ./src/validate/rules/unknown-kind.ts
/** Reported by the engine itself (schema check), once per kind, not by a check over resources. */
const unknownKind = {
    id: "unknown-kind",
    defaultSeverity: "warning",
    description: "No schema is known for this apiVersion and kind, so its fields are not checked (reported once per kind; an error with `strict: true`): add its CRD with `crds`, or list the kind under `validate.ignoreKinds`.",
};

;// CONCATENATED MODULE: ./src/validate/rules/yaml-syntax.ts
/** Reported by the engine itself (the loader), not by a check over resources. */
const yamlSyntax = {
    id: "yaml-syntax",
    defaultSeverity: "error",
    description: "A file is not valid YAML; the message says where and what the parser expected.",
};

;// CONCATENATED MODULE: ./src/validate/rules/index.ts




























/** Every rule, engine rules first; ids are unique and stable because users switch rules off by id. */
const rules_rules = [
    yamlSyntax,
    duplicateKey,
    schema_schema,
    unknownField,
    unknownKind,
    removedApi,
    deprecatedApi,
    kustomizeBuild,
    kustomizeRemote,
    symlink,
    duplicateResource,
    latestTag,
    mutableTag,
    missingRequests,
    missingLimits,
    missingProbes,
    runAsRoot,
    privileged,
    privilegeEscalation,
    hostNamespace,
    hostPath,
    plaintextSecret,
    secretInEnv,
    selectorMismatch,
    danglingService,
    hpaTarget,
    argocdAppPath,
    argocdSyncPolicy,
];
function findRule(id) {
    return rules_rules.find((rule) => rule.id === id);
}

;// CONCATENATED MODULE: ./src/validate/schemas/kinds.json
const kinds_namespaceObject = /*#__PURE__*/JSON.parse('{"S2":["admissionregistration.k8s.io/v1","admissionregistration.k8s.io/v1beta1","apiextensions.k8s.io/v1","apiextensions.k8s.io/v1beta1","apiregistration.k8s.io/v1","apiregistration.k8s.io/v1beta1","apps/v1","apps/v1beta1","apps/v1beta2","authentication.k8s.io/v1","authentication.k8s.io/v1beta1","authorization.k8s.io/v1","authorization.k8s.io/v1beta1","autoscaling/v1","autoscaling/v2","autoscaling/v2beta1","autoscaling/v2beta2","batch/v1","batch/v1beta1","certificates.k8s.io/v1","certificates.k8s.io/v1beta1","coordination.k8s.io/v1","coordination.k8s.io/v1beta1","discovery.k8s.io/v1","discovery.k8s.io/v1beta1","events.k8s.io/v1","events.k8s.io/v1beta1","extensions/v1beta1","flowcontrol.apiserver.k8s.io/v1","flowcontrol.apiserver.k8s.io/v1beta1","flowcontrol.apiserver.k8s.io/v1beta2","flowcontrol.apiserver.k8s.io/v1beta3","networking.k8s.io/v1","networking.k8s.io/v1beta1","node.k8s.io/v1","node.k8s.io/v1beta1","policy/v1","policy/v1beta1","rbac.authorization.k8s.io/v1","rbac.authorization.k8s.io/v1beta1","resource.k8s.io/v1","scheduling.k8s.io/v1","scheduling.k8s.io/v1beta1","storage.k8s.io/v1","storage.k8s.io/v1beta1","v1"],"EZ":{"acme.cert-manager.io/v1/Challenge":0,"acme.cert-manager.io/v1/Order":49,"admissionregistration.k8s.io/v1/MutatingAdmissionPolicy":51,"admissionregistration.k8s.io/v1/MutatingAdmissionPolicyBinding":59,"admissionregistration.k8s.io/v1/MutatingWebhookConfiguration":62,"admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy":67,"admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding":71,"admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration":73,"admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration":75,"admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration":78,"apiextensions.k8s.io/v1/CustomResourceDefinition":80,"apiextensions.k8s.io/v1beta1/CustomResourceDefinition":94,"apiregistration.k8s.io/v1/APIService":101,"apiregistration.k8s.io/v1beta1/APIService":104,"apps/v1/ControllerRevision":105,"apps/v1/DaemonSet":106,"apps/v1/Deployment":193,"apps/v1/ReplicaSet":196,"apps/v1/StatefulSet":198,"apps/v1beta1/ControllerRevision":208,"apps/v1beta1/Deployment":209,"apps/v1beta1/DeploymentRollback":213,"apps/v1beta1/Scale":214,"apps/v1beta1/StatefulSet":216,"apps/v1beta2/ControllerRevision":221,"apps/v1beta2/DaemonSet":222,"apps/v1beta2/Deployment":226,"apps/v1beta2/ReplicaSet":228,"apps/v1beta2/Scale":229,"apps/v1beta2/StatefulSet":230,"argoproj.io/v1alpha1/AnalysisRun":232,"argoproj.io/v1alpha1/AnalysisTemplate":272,"argoproj.io/v1alpha1/Application":275,"argoproj.io/v1alpha1/ApplicationSet":306,"argoproj.io/v1alpha1/AppProject":350,"argoproj.io/v1alpha1/ClusterAnalysisTemplate":361,"argoproj.io/v1alpha1/ClusterWorkflowTemplate":362,"argoproj.io/v1alpha1/CronWorkflow":436,"argoproj.io/v1alpha1/Experiment":438,"argoproj.io/v1alpha1/Rollout":442,"argoproj.io/v1alpha1/Workflow":487,"argoproj.io/v1alpha1/WorkflowArtifactGCTask":488,"argoproj.io/v1alpha1/WorkflowEventBinding":491,"argoproj.io/v1alpha1/WorkflowTaskResult":495,"argoproj.io/v1alpha1/WorkflowTaskSet":496,"argoproj.io/v1alpha1/WorkflowTemplate":498,"authentication.k8s.io/v1/SelfSubjectReview":499,"authentication.k8s.io/v1/TokenRequest":500,"authentication.k8s.io/v1/TokenReview":503,"authentication.k8s.io/v1beta1/TokenReview":505,"authorization.k8s.io/v1/LocalSubjectAccessReview":507,"authorization.k8s.io/v1/SelfSubjectAccessReview":512,"authorization.k8s.io/v1/SelfSubjectRulesReview":514,"authorization.k8s.io/v1/SubjectAccessReview":516,"authorization.k8s.io/v1beta1/LocalSubjectAccessReview":517,"authorization.k8s.io/v1beta1/SelfSubjectAccessReview":520,"authorization.k8s.io/v1beta1/SelfSubjectRulesReview":522,"authorization.k8s.io/v1beta1/SubjectAccessReview":523,"autoscaling/v1/HorizontalPodAutoscaler":524,"autoscaling/v1/Scale":527,"autoscaling/v2/HorizontalPodAutoscaler":528,"autoscaling/v2beta1/HorizontalPodAutoscaler":540,"autoscaling/v2beta2/HorizontalPodAutoscaler":548,"awspca.cert-manager.io/v1beta1/AWSPCAClusterIssuer":552,"awspca.cert-manager.io/v1beta1/AWSPCAIssuer":555,"batch/v1/CronJob":556,"batch/v1/Job":559,"batch/v1beta1/CronJob":560,"bitnami.com/v1alpha1/SealedSecret":562,"cert-manager.io/v1/Certificate":565,"cert-manager.io/v1/CertificateRequest":576,"cert-manager.io/v1/ClusterIssuer":578,"cert-manager.io/v1/Issuer":592,"certificates.k8s.io/v1/CertificateSigningRequest":593,"certificates.k8s.io/v1beta1/CertificateSigningRequest":595,"coordination.k8s.io/v1/Lease":597,"coordination.k8s.io/v1beta1/Lease":599,"discovery.k8s.io/v1/EndpointSlice":601,"discovery.k8s.io/v1beta1/EndpointSlice":607,"eventing.keda.sh/v1alpha1/CloudEventSource":611,"eventing.keda.sh/v1alpha1/ClusterCloudEventSource":618,"eventing.knative.dev/v1/Broker":619,"eventing.knative.dev/v1/Trigger":624,"eventing.knative.dev/v1alpha1/EventPolicy":628,"eventing.knative.dev/v1alpha1/EventPolicySelector":633,"eventing.knative.dev/v1alpha1/EventTransform":634,"eventing.knative.dev/v1alpha1/RequestReply":637,"eventing.knative.dev/v1beta1/EventType":639,"eventing.knative.dev/v1beta2/EventType":641,"eventing.knative.dev/v1beta3/EventType":642,"events.k8s.io/v1/Event":645,"events.k8s.io/v1beta1/Event":648,"extensions.istio.io/v1alpha1/WasmPlugin":649,"extensions/v1beta1/DaemonSet":656,"extensions/v1beta1/Deployment":658,"extensions/v1beta1/DeploymentRollback":659,"extensions/v1beta1/Ingress":660,"extensions/v1beta1/NetworkPolicy":667,"extensions/v1beta1/PodSecurityPolicy":674,"extensions/v1beta1/ReplicaSet":683,"extensions/v1beta1/Scale":685,"external-secrets.io/v1/ClusterExternalSecret":686,"external-secrets.io/v1/ClusterSecretStore":705,"external-secrets.io/v1/ExternalSecret":815,"external-secrets.io/v1/SecretStore":816,"external-secrets.io/v1alpha1/ClusterPushSecret":817,"external-secrets.io/v1alpha1/PushSecret":826,"external-secrets.io/v1beta1/ClusterExternalSecret":827,"external-secrets.io/v1beta1/ClusterSecretStore":828,"external-secrets.io/v1beta1/ExternalSecret":829,"external-secrets.io/v1beta1/SecretStore":830,"flowcontrol.apiserver.k8s.io/v1/FlowSchema":831,"flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration":839,"flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema":845,"flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration":846,"flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema":849,"flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfiguration":850,"flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema":853,"flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfiguration":854,"flows.knative.dev/v1/Parallel":855,"flows.knative.dev/v1/Sequence":859,"gateway.networking.k8s.io/v1/BackendTLSPolicy":862,"gateway.networking.k8s.io/v1/Gateway":868,"gateway.networking.k8s.io/v1/GatewayClass":886,"gateway.networking.k8s.io/v1/GRPCRoute":888,"gateway.networking.k8s.io/v1/HTTPRoute":902,"gateway.networking.k8s.io/v1/ListenerSet":919,"gateway.networking.k8s.io/v1/ReferenceGrant":921,"gateway.networking.k8s.io/v1/TLSRoute":924,"gateway.networking.k8s.io/v1alpha2/GRPCRoute":928,"gateway.networking.k8s.io/v1alpha2/ReferenceGrant":929,"gateway.networking.k8s.io/v1alpha2/TCPRoute":930,"gateway.networking.k8s.io/v1alpha2/TLSRoute":932,"gateway.networking.k8s.io/v1alpha2/UDPRoute":934,"gateway.networking.k8s.io/v1alpha3/BackendTLSPolicy":935,"gateway.networking.k8s.io/v1alpha3/TLSRoute":936,"gateway.networking.k8s.io/v1beta1/Gateway":937,"gateway.networking.k8s.io/v1beta1/GatewayClass":938,"gateway.networking.k8s.io/v1beta1/HTTPRoute":939,"gateway.networking.k8s.io/v1beta1/ReferenceGrant":940,"gateway.networking.x-k8s.io/v1alpha1/XBackendTrafficPolicy":941,"gateway.networking.x-k8s.io/v1alpha1/XMesh":946,"generators.external-secrets.io/v1alpha1/ACRAccessToken":947,"generators.external-secrets.io/v1alpha1/ClusterGenerator":953,"generators.external-secrets.io/v1alpha1/ECRAuthorizationToken":976,"generators.external-secrets.io/v1alpha1/Fake":977,"generators.external-secrets.io/v1alpha1/GCRAccessToken":978,"generators.external-secrets.io/v1alpha1/GeneratorState":979,"generators.external-secrets.io/v1alpha1/GithubAccessToken":981,"generators.external-secrets.io/v1alpha1/Grafana":982,"generators.external-secrets.io/v1alpha1/Password":983,"generators.external-secrets.io/v1alpha1/QuayAccessToken":984,"generators.external-secrets.io/v1alpha1/STSSessionToken":985,"generators.external-secrets.io/v1alpha1/UUID":986,"generators.external-secrets.io/v1alpha1/VaultDynamicSecret":987,"generators.external-secrets.io/v1alpha1/Webhook":988,"helm.toolkit.fluxcd.io/v2/HelmRelease":989,"helm.toolkit.fluxcd.io/v2beta1/HelmRelease":1016,"helm.toolkit.fluxcd.io/v2beta2/HelmRelease":1030,"image.toolkit.fluxcd.io/v1/ImagePolicy":1035,"image.toolkit.fluxcd.io/v1/ImageRepository":1041,"image.toolkit.fluxcd.io/v1/ImageUpdateAutomation":1044,"image.toolkit.fluxcd.io/v1beta1/ImagePolicy":1055,"image.toolkit.fluxcd.io/v1beta1/ImageRepository":1057,"image.toolkit.fluxcd.io/v1beta1/ImageUpdateAutomation":1059,"image.toolkit.fluxcd.io/v1beta2/ImagePolicy":1064,"image.toolkit.fluxcd.io/v1beta2/ImageRepository":1065,"image.toolkit.fluxcd.io/v1beta2/ImageUpdateAutomation":1066,"install.istio.io/v1alpha1/IstioOperator":1067,"karpenter.k8s.aws/v1/EC2NodeClass":1068,"karpenter.sh/v1/NodeClaim":1080,"karpenter.sh/v1/NodePool":1085,"karpenter.sh/v1alpha1/NodeOverlay":1091,"keda.sh/v1alpha1/ClusterTriggerAuthentication":1093,"keda.sh/v1alpha1/ScaledJob":1115,"keda.sh/v1alpha1/ScaledObject":1120,"keda.sh/v1alpha1/TriggerAuthentication":1127,"keda.sh/v1alpha1/WithTriggers":1128,"kustomize.toolkit.fluxcd.io/v1/Kustomization":1130,"kustomize.toolkit.fluxcd.io/v1beta1/Kustomization":1136,"kustomize.toolkit.fluxcd.io/v1beta2/Kustomization":1142,"messaging.knative.dev/v1/Channel":1145,"messaging.knative.dev/v1/ChannelTemplateSpec":858,"messaging.knative.dev/v1/InMemoryChannel":1149,"messaging.knative.dev/v1/Subscription":1151,"monitoring.coreos.com/v1/Alertmanager":1153,"monitoring.coreos.com/v1/EmbeddedPersistentVolumeClaim":1179,"monitoring.coreos.com/v1/PodMonitor":1184,"monitoring.coreos.com/v1/Probe":1190,"monitoring.coreos.com/v1/Prometheus":1197,"monitoring.coreos.com/v1/PrometheusRule":1233,"monitoring.coreos.com/v1/ServiceMonitor":1237,"monitoring.coreos.com/v1/ThanosRuler":1240,"monitoring.coreos.com/v1alpha1/AlertmanagerConfig":1243,"monitoring.coreos.com/v1alpha1/PrometheusAgent":1278,"monitoring.coreos.com/v1alpha1/ScrapeConfig":1280,"monitoring.coreos.com/v1beta1/AlertmanagerConfig":1308,"networking.istio.io/v1/DestinationRule":1330,"networking.istio.io/v1/Gateway":1345,"networking.istio.io/v1/ServiceEntry":1351,"networking.istio.io/v1/Sidecar":1356,"networking.istio.io/v1/VirtualService":1363,"networking.istio.io/v1/WorkloadEntry":1384,"networking.istio.io/v1/WorkloadGroup":1385,"networking.istio.io/v1alpha3/DestinationRule":1387,"networking.istio.io/v1alpha3/EnvoyFilter":1388,"networking.istio.io/v1alpha3/Gateway":1392,"networking.istio.io/v1alpha3/ServiceEntry":1393,"networking.istio.io/v1alpha3/Sidecar":1394,"networking.istio.io/v1alpha3/VirtualService":1395,"networking.istio.io/v1alpha3/WorkloadEntry":1396,"networking.istio.io/v1alpha3/WorkloadGroup":1397,"networking.istio.io/v1beta1/DestinationRule":1398,"networking.istio.io/v1beta1/Gateway":1399,"networking.istio.io/v1beta1/ProxyConfig":1400,"networking.istio.io/v1beta1/ServiceEntry":1403,"networking.istio.io/v1beta1/Sidecar":1404,"networking.istio.io/v1beta1/VirtualService":1405,"networking.istio.io/v1beta1/WorkloadEntry":1406,"networking.istio.io/v1beta1/WorkloadGroup":1407,"networking.k8s.io/v1/Ingress":1408,"networking.k8s.io/v1/IngressClass":1416,"networking.k8s.io/v1/IPAddress":1419,"networking.k8s.io/v1/NetworkPolicy":1422,"networking.k8s.io/v1/ServiceCIDR":1427,"networking.k8s.io/v1beta1/Ingress":1429,"networking.k8s.io/v1beta1/IngressClass":1430,"node.k8s.io/v1/RuntimeClass":1431,"node.k8s.io/v1beta1/RuntimeClass":1434,"notification.toolkit.fluxcd.io/v1/Receiver":1435,"notification.toolkit.fluxcd.io/v1beta1/Alert":1438,"notification.toolkit.fluxcd.io/v1beta1/Provider":1440,"notification.toolkit.fluxcd.io/v1beta1/Receiver":1442,"notification.toolkit.fluxcd.io/v1beta2/Alert":1444,"notification.toolkit.fluxcd.io/v1beta2/Provider":1446,"notification.toolkit.fluxcd.io/v1beta2/Receiver":1448,"notification.toolkit.fluxcd.io/v1beta3/Alert":1450,"notification.toolkit.fluxcd.io/v1beta3/Provider":1451,"operator.knative.dev/v1beta1/KnativeEventing":1453,"operator.knative.dev/v1beta1/KnativeServing":1466,"policy.cert-manager.io/v1alpha1/CertificateRequestPolicy":1478,"policy/v1/Eviction":1490,"policy/v1/PodDisruptionBudget":1493,"policy/v1beta1/Eviction":1494,"policy/v1beta1/PodDisruptionBudget":1495,"policy/v1beta1/PodSecurityPolicy":1497,"rbac.authorization.k8s.io/v1/ClusterRole":1498,"rbac.authorization.k8s.io/v1/ClusterRoleBinding":1501,"rbac.authorization.k8s.io/v1/Role":1502,"rbac.authorization.k8s.io/v1/RoleBinding":1503,"rbac.authorization.k8s.io/v1beta1/ClusterRole":1504,"rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding":1505,"rbac.authorization.k8s.io/v1beta1/Role":1507,"rbac.authorization.k8s.io/v1beta1/RoleBinding":1508,"resource.k8s.io/v1/DeviceClass":1509,"resource.k8s.io/v1/ResourceClaim":1514,"resource.k8s.io/v1/ResourceClaimTemplate":1523,"resource.k8s.io/v1/ResourceSlice":1525,"scheduling.k8s.io/v1/PriorityClass":1538,"scheduling.k8s.io/v1beta1/PriorityClass":1539,"security.istio.io/v1/AuthorizationPolicy":1540,"security.istio.io/v1/PeerAuthentication":1541,"security.istio.io/v1/RequestAuthentication":1544,"security.istio.io/v1beta1/AuthorizationPolicy":1549,"security.istio.io/v1beta1/PeerAuthentication":1550,"security.istio.io/v1beta1/RequestAuthentication":1551,"serving.knative.dev/v1/Configuration":1552,"serving.knative.dev/v1/Revision":1556,"serving.knative.dev/v1/Route":1557,"serving.knative.dev/v1/Service":1560,"serving.knative.dev/v1beta1/DomainMapping":1562,"sinks.knative.dev/v1alpha1/IntegrationSink":1565,"sinks.knative.dev/v1alpha1/JobSink":1574,"source.toolkit.fluxcd.io/v1/Bucket":1576,"source.toolkit.fluxcd.io/v1/ExternalArtifact":1579,"source.toolkit.fluxcd.io/v1/GitRepository":1581,"source.toolkit.fluxcd.io/v1/HelmChart":1585,"source.toolkit.fluxcd.io/v1/HelmRepository":1590,"source.toolkit.fluxcd.io/v1/OCIRepository":1592,"source.toolkit.fluxcd.io/v1beta1/Bucket":1596,"source.toolkit.fluxcd.io/v1beta1/GitRepository":1598,"source.toolkit.fluxcd.io/v1beta1/HelmChart":1602,"source.toolkit.fluxcd.io/v1beta1/HelmRepository":1604,"source.toolkit.fluxcd.io/v1beta2/Bucket":1606,"source.toolkit.fluxcd.io/v1beta2/GitRepository":1608,"source.toolkit.fluxcd.io/v1beta2/HelmChart":1611,"source.toolkit.fluxcd.io/v1beta2/HelmRepository":1613,"source.toolkit.fluxcd.io/v1beta2/OCIRepository":1614,"sources.knative.dev/v1/ApiServerSource":1615,"sources.knative.dev/v1/ContainerSource":1620,"sources.knative.dev/v1/PingSource":1622,"sources.knative.dev/v1/SinkBinding":1624,"sources.knative.dev/v1alpha1/IntegrationSource":1627,"sources.knative.dev/v1beta2/PingSource":1632,"storage.k8s.io/v1/CSIDriver":1633,"storage.k8s.io/v1/CSINode":1636,"storage.k8s.io/v1/CSIStorageCapacity":1640,"storage.k8s.io/v1/StorageClass":1641,"storage.k8s.io/v1/VolumeAttachment":1644,"storage.k8s.io/v1/VolumeAttributesClass":1660,"storage.k8s.io/v1beta1/CSIDriver":1661,"storage.k8s.io/v1beta1/CSINode":1663,"storage.k8s.io/v1beta1/CSIStorageCapacity":1664,"storage.k8s.io/v1beta1/StorageClass":1665,"storage.k8s.io/v1beta1/VolumeAttachment":1666,"telemetry.istio.io/v1/Telemetry":1667,"telemetry.istio.io/v1alpha1/Telemetry":1675,"traefik.io/v1alpha1/IngressRoute":1676,"traefik.io/v1alpha1/IngressRouteTCP":1688,"traefik.io/v1alpha1/IngressRouteUDP":1694,"traefik.io/v1alpha1/Middleware":1698,"traefik.io/v1alpha1/MiddlewareTCP":1732,"traefik.io/v1alpha1/ServersTransport":1736,"traefik.io/v1alpha1/ServersTransportTCP":1741,"traefik.io/v1alpha1/TLSOption":1744,"traefik.io/v1alpha1/TLSStore":1747,"traefik.io/v1alpha1/TraefikService":1750,"trust-manager.io/v1alpha2/ClusterBundle":1758,"trust.cert-manager.io/v1alpha1/Bundle":1765,"v1/Binding":1774,"v1/ComponentStatus":1775,"v1/ConfigMap":1777,"v1/Endpoints":1778,"v1/Event":1782,"v1/LimitRange":1784,"v1/Namespace":1787,"v1/Node":1789,"v1/PersistentVolume":1793,"v1/PersistentVolumeClaim":220,"v1/Pod":1794,"v1/PodTemplate":1795,"v1/ReplicationController":1796,"v1/ResourceQuota":1798,"v1/Secret":1802,"v1/Service":1803,"v1/ServiceAccount":1808},"gK":[{"p":{"apiVersion":{"e":["acme.cert-manager.io/v1"]},"kind":{"e":["Challenge"]},"metadata":1,"spec":4,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"annotations":{"m":"s"},"creationTimestamp":"s","deletionGracePeriodSeconds":"n","deletionTimestamp":"s","finalizers":{"a":"s"},"generateName":"s","generation":"n","labels":{"m":"s"},"managedFields":{"a":2},"name":"s","namespace":"s","ownerReferences":{"a":3},"resourceVersion":"s","selfLink":"s","uid":"s"}},{"p":{"apiVersion":"s","fieldsType":"s","fieldsV1":"*","manager":"s","operation":"s","subresource":"s","time":"s"}},{"p":{"apiVersion":"s","blockOwnerDeletion":"b","controller":"b","kind":"s","name":"s","uid":"s"},"r":["apiVersion","kind","name","uid"]},{"p":{"authorizationURL":"s","dnsName":"s","issuerRef":5,"key":"s","solver":6,"token":"s","type":{"e":["DNS-01","HTTP-01"]},"url":"s","wildcard":"b"},"r":["authorizationURL","dnsName","issuerRef","key","solver","token","type","url"]},{"p":{"group":"s","kind":"s","name":"s"},"r":["name"]},{"p":{"dns01":7,"http01":22,"selector":48}},{"p":{"acmeDNS":8,"akamai":10,"azureDNS":11,"cloudDNS":13,"cloudflare":14,"cnameStrategy":{"e":["Follow","None"]},"digitalocean":15,"rfc2136":16,"route53":17,"webhook":21}},{"p":{"accountSecretRef":9,"host":"s"},"r":["accountSecretRef","host"]},{"p":{"key":"s","name":"s"},"r":["name"]},{"p":{"accessTokenSecretRef":9,"clientSecretSecretRef":9,"clientTokenSecretRef":9,"serviceConsumerDomain":"s"},"r":["accessTokenSecretRef","clientSecretSecretRef","clientTokenSecretRef","serviceConsumerDomain"]},{"p":{"clientID":"s","clientSecretSecretRef":9,"environment":{"e":["AzureChinaCloud","AzureGermanCloud","AzurePublicCloud","AzureUSGovernmentCloud"]},"hostedZoneName":"s","managedIdentity":12,"resourceGroupName":"s","subscriptionID":"s","tenantID":"s","zoneType":{"e":["AzurePrivateZone","AzurePublicZone"]}},"r":["resourceGroupName","subscriptionID"]},{"p":{"clientID":"s","resourceID":"s","tenantID":"s"}},{"p":{"hostedZoneName":"s","project":"s","serviceAccountSecretRef":9},"r":["project"]},{"p":{"apiKeySecretRef":9,"apiTokenSecretRef":9,"email":"s"}},{"p":{"tokenSecretRef":9},"r":["tokenSecretRef"]},{"p":{"nameserver":"s","protocol":{"e":["TCP","UDP"]},"tsigAlgorithm":"s","tsigKeyName":"s","tsigSecretSecretRef":9},"r":["nameserver"]},{"p":{"accessKeyID":"s","accessKeyIDSecretRef":9,"auth":18,"hostedZoneID":"s","region":"s","role":"s","secretAccessKeySecretRef":9}},{"p":{"kubernetes":19},"r":["kubernetes"]},{"p":{"serviceAccountRef":20},"r":["serviceAccountRef"]},{"p":{"audiences":{"a":"s"},"name":"s"},"r":["name"]},{"p":{"config":"*","groupName":"s","solverName":"s"},"r":["groupName","solverName"]},{"p":{"gatewayHTTPRoute":23,"ingress":46}},{"p":{"labels":{"m":"s"},"parentRefs":{"a":24},"podTemplate":25,"serviceType":{"e":["ClusterIP","ExternalName","LoadBalancer","NodePort"]}}},{"p":{"group":"s","kind":"s","name":"s","namespace":"s","port":"n","sectionName":"s"},"r":["name"]},{"p":{"metadata":26,"spec":27}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"}}},{"p":{"affinity":28,"imagePullSecrets":{"a":39},"nodeSelector":{"m":"s"},"priorityClassName":"s","resources":40,"securityContext":41,"serviceAccountName":"s","tolerations":{"a":45}}},{"p":{"nodeAffinity":29,"podAffinity":34,"podAntiAffinity":34}},{"p":{"preferredDuringSchedulingIgnoredDuringExecution":{"a":30},"requiredDuringSchedulingIgnoredDuringExecution":33}},{"p":{"preference":31,"weight":"n"},"r":["preference","weight"]},{"p":{"matchExpressions":{"a":32},"matchFields":{"a":32}}},{"p":{"key":"s","operator":{"e":["DoesNotExist","Exists","Gt","In","Lt","NotIn"]},"values":{"a":"s"}},"r":["key","operator"]},{"p":{"nodeSelectorTerms":{"a":31}},"r":["nodeSelectorTerms"]},{"p":{"preferredDuringSchedulingIgnoredDuringExecution":{"a":35},"requiredDuringSchedulingIgnoredDuringExecution":{"a":36}}},{"p":{"podAffinityTerm":36,"weight":"n"},"r":["podAffinityTerm","weight"]},{"p":{"labelSelector":37,"matchLabelKeys":{"a":"s"},"mismatchLabelKeys":{"a":"s"},"namespaceSelector":37,"namespaces":{"a":"s"},"topologyKey":"s"},"r":["topologyKey"]},{"p":{"matchExpressions":{"a":38},"matchLabels":{"m":"s"}}},{"p":{"key":"s","operator":"s","values":{"a":"s"}},"r":["key","operator"]},{"p":{"name":"s"}},{"p":{"limits":{"m":"x"},"requests":{"m":"x"}}},{"p":{"fsGroup":"n","fsGroupChangePolicy":{"e":["Always","OnRootMismatch"]},"runAsGroup":"n","runAsNonRoot":"b","runAsUser":"n","seLinuxOptions":42,"seccompProfile":43,"supplementalGroups":{"a":"n"},"sysctls":{"a":44}}},{"p":{"level":"s","role":"s","type":"s","user":"s"}},{"p":{"localhostProfile":"s","type":{"e":["Localhost","RuntimeDefault","Unconfined"]}},"r":["type"]},{"p":{"name":"s","value":"s"},"r":["name","value"]},{"p":{"effect":{"e":["NoExecute","NoSchedule","PreferNoSchedule"]},"key":"s","operator":{"e":["Equal","Exists","Gt","Lt"]},"tolerationSeconds":"n","value":"s"}},{"p":{"class":"s","ingressClassName":"s","ingressTemplate":47,"name":"s","podTemplate":25,"serviceType":{"e":["ClusterIP","ExternalName","LoadBalancer","NodePort"]}}},{"p":{"metadata":26}},{"p":{"dnsNames":{"a":"s"},"dnsZones":{"a":"s"},"matchLabels":{"m":"s"}}},{"p":{"apiVersion":{"e":["acme.cert-manager.io/v1"]},"kind":{"e":["Order"]},"metadata":1,"spec":50,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"commonName":"s","dnsNames":{"a":"s"},"duration":"s","ipAddresses":{"a":"s"},"issuerRef":5,"profile":"s","request":"s"},"r":["issuerRef","request"]},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["MutatingAdmissionPolicy"]},"metadata":1,"spec":52},"r":["apiVersion","kind"]},{"p":{"failurePolicy":{"e":["Fail","Ignore"]},"matchConditions":{"a":53},"matchConstraints":54,"mutations":{"a":56},"paramKind":58,"reinvocationPolicy":{"e":["IfNeeded","Never"]},"variables":{"a":53}}},{"p":{"expression":"s","name":"s"},"r":["expression","name"]},{"p":{"excludeResourceRules":{"a":55},"matchPolicy":{"e":["Equivalent","Exact"]},"namespaceSelector":37,"objectSelector":37,"resourceRules":{"a":55}}},{"p":{"apiGroups":{"a":"s"},"apiVersions":{"a":"s"},"operations":{"a":{"e":["*","CONNECT","CREATE","DELETE","UPDATE"]}},"resourceNames":{"a":"s"},"resources":{"a":"s"},"scope":{"e":["*","Cluster","Namespaced"]}}},{"p":{"applyConfiguration":57,"jsonPatch":57,"patchType":{"e":["ApplyConfiguration","JSONPatch"]}},"r":["patchType"]},{"p":{"expression":"s"}},{"p":{"apiVersion":"s","kind":"s"}},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["MutatingAdmissionPolicyBinding"]},"metadata":1,"spec":60},"r":["apiVersion","kind"]},{"p":{"matchResources":54,"paramRef":61,"policyName":"s"}},{"p":{"name":"s","namespace":"s","parameterNotFoundAction":"s","selector":37}},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["MutatingWebhookConfiguration"]},"metadata":1,"webhooks":{"a":63}},"r":["apiVersion","kind"]},{"p":{"admissionReviewVersions":{"a":"s"},"clientConfig":64,"failurePolicy":{"e":["Fail","Ignore"]},"matchConditions":{"a":53},"matchPolicy":{"e":["Equivalent","Exact"]},"name":"s","namespaceSelector":37,"objectSelector":37,"reinvocationPolicy":{"e":["IfNeeded","Never"]},"rules":{"a":66},"sideEffects":{"e":["None","NoneOnDryRun","Some","Unknown"]},"timeoutSeconds":"n"},"r":["admissionReviewVersions","clientConfig","name","sideEffects"]},{"p":{"caBundle":"s","service":65,"url":"s"}},{"p":{"name":"s","namespace":"s","path":"s","port":"n"},"r":["name","namespace"]},{"p":{"apiGroups":{"a":"s"},"apiVersions":{"a":"s"},"operations":{"a":{"e":["*","CONNECT","CREATE","DELETE","UPDATE"]}},"resources":{"a":"s"},"scope":{"e":["*","Cluster","Namespaced"]}}},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["ValidatingAdmissionPolicy"]},"metadata":1,"spec":68,"status":"*"},"r":["apiVersion","kind"]},{"p":{"auditAnnotations":{"a":69},"failurePolicy":{"e":["Fail","Ignore"]},"matchConditions":{"a":53},"matchConstraints":54,"paramKind":58,"validations":{"a":70},"variables":{"a":53}}},{"p":{"key":"s","valueExpression":"s"},"r":["key","valueExpression"]},{"p":{"expression":"s","message":"s","messageExpression":"s","reason":"s"},"r":["expression"]},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["ValidatingAdmissionPolicyBinding"]},"metadata":1,"spec":72},"r":["apiVersion","kind","spec"]},{"p":{"matchResources":54,"paramRef":61,"policyName":"s","validationActions":{"a":{"e":["Audit","Deny","Warn"]}}},"r":["policyName","validationActions"]},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["ValidatingWebhookConfiguration"]},"metadata":1,"webhooks":{"a":74}},"r":["apiVersion","kind"]},{"p":{"admissionReviewVersions":{"a":"s"},"clientConfig":64,"failurePolicy":{"e":["Fail","Ignore"]},"matchConditions":{"a":53},"matchPolicy":{"e":["Equivalent","Exact"]},"name":"s","namespaceSelector":37,"objectSelector":37,"rules":{"a":66},"sideEffects":{"e":["None","NoneOnDryRun","Some","Unknown"]},"timeoutSeconds":"n"},"r":["admissionReviewVersions","clientConfig","name","sideEffects"]},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1beta1"]},"kind":{"e":["MutatingWebhookConfiguration"]},"metadata":1,"webhooks":{"a":76}},"r":["apiVersion","kind"]},{"p":{"admissionReviewVersions":{"a":"s"},"clientConfig":64,"failurePolicy":"s","matchPolicy":"s","name":"s","namespaceSelector":37,"objectSelector":37,"reinvocationPolicy":"s","rules":{"a":77},"sideEffects":"s","timeoutSeconds":"n"},"r":["clientConfig","name"]},{"p":{"apiGroups":{"a":"s"},"apiVersions":{"a":"s"},"operations":{"a":"s"},"resources":{"a":"s"},"scope":"s"}},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1beta1"]},"kind":{"e":["ValidatingWebhookConfiguration"]},"metadata":1,"webhooks":{"a":79}},"r":["apiVersion","kind"]},{"p":{"admissionReviewVersions":{"a":"s"},"clientConfig":64,"failurePolicy":"s","matchPolicy":"s","name":"s","namespaceSelector":37,"objectSelector":37,"rules":{"a":77},"sideEffects":"s","timeoutSeconds":"n"},"r":["clientConfig","name"]},{"p":{"apiVersion":{"e":["apiextensions.k8s.io/v1"]},"kind":{"e":["CustomResourceDefinition"]},"metadata":1,"spec":81,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"conversion":82,"group":"s","names":84,"preserveUnknownFields":"b","scope":"s","versions":{"a":85}},"r":["group","names","scope","versions"]},{"p":{"strategy":"s","webhook":83},"r":["strategy"]},{"p":{"clientConfig":64,"conversionReviewVersions":{"a":"s"}},"r":["conversionReviewVersions"]},{"p":{"categories":{"a":"s"},"kind":"s","listKind":"s","plural":"s","shortNames":{"a":"s"},"singular":"s"},"r":["kind","plural"]},{"p":{"additionalPrinterColumns":{"a":86},"deprecated":"b","deprecationWarning":"s","name":"s","schema":87,"selectableFields":{"a":91},"served":"b","storage":"b","subresources":92},"r":["name","served","storage"]},{"p":{"description":"s","format":"s","jsonPath":"s","name":"s","priority":"n","type":"s"},"r":["jsonPath","name","type"]},{"p":{"openAPIV3Schema":88}},{"p":{"$ref":"s","$schema":"s","additionalItems":"*","additionalProperties":"*","allOf":{"a":88},"anyOf":{"a":88},"default":"*","definitions":{"m":88},"dependencies":{"m":"*"},"description":"s","enum":{"a":"*"},"example":"*","exclusiveMaximum":"b","exclusiveMinimum":"b","externalDocs":89,"format":"s","id":"s","items":"*","maxItems":"n","maxLength":"n","maxProperties":"n","maximum":"n","minItems":"n","minLength":"n","minProperties":"n","minimum":"n","multipleOf":"n","not":88,"nullable":"b","oneOf":{"a":88},"pattern":"s","patternProperties":{"m":88},"properties":{"m":88},"required":{"a":"s"},"title":"s","type":"s","uniqueItems":"b","x-kubernetes-embedded-resource":"b","x-kubernetes-int-or-string":"b","x-kubernetes-list-map-keys":{"a":"s"},"x-kubernetes-list-type":"s","x-kubernetes-map-type":"s","x-kubernetes-preserve-unknown-fields":"b","x-kubernetes-validations":{"a":90}}},{"p":{"description":"s","url":"s"}},{"p":{"fieldPath":"s","message":"s","messageExpression":"s","optionalOldSelf":"b","reason":{"e":["FieldValueDuplicate","FieldValueForbidden","FieldValueInvalid","FieldValueRequired"]},"rule":"s"},"r":["rule"]},{"p":{"jsonPath":"s"},"r":["jsonPath"]},{"p":{"scale":93,"status":"*"}},{"p":{"labelSelectorPath":"s","specReplicasPath":"s","statusReplicasPath":"s"},"r":["specReplicasPath","statusReplicasPath"]},{"p":{"apiVersion":{"e":["apiextensions.k8s.io/v1beta1"]},"kind":{"e":["CustomResourceDefinition"]},"metadata":1,"spec":95,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"additionalPrinterColumns":{"a":96},"conversion":97,"group":"s","names":84,"preserveUnknownFields":"b","scope":"s","subresources":92,"validation":98,"version":"s","versions":{"a":100}},"r":["group","names","scope"]},{"p":{"JSONPath":"s","description":"s","format":"s","name":"s","priority":"n","type":"s"},"r":["JSONPath","name","type"]},{"p":{"conversionReviewVersions":{"a":"s"},"strategy":"s","webhookClientConfig":64},"r":["strategy"]},{"p":{"openAPIV3Schema":99}},{"p":{"$ref":"s","$schema":"s","additionalItems":"*","additionalProperties":"*","allOf":{"a":99},"anyOf":{"a":99},"default":"*","definitions":{"m":99},"dependencies":{"m":"*"},"description":"s","enum":{"a":"*"},"example":"*","exclusiveMaximum":"b","exclusiveMinimum":"b","externalDocs":89,"format":"s","id":"s","items":"*","maxItems":"n","maxLength":"n","maxProperties":"n","maximum":"n","minItems":"n","minLength":"n","minProperties":"n","minimum":"n","multipleOf":"n","not":99,"nullable":"b","oneOf":{"a":99},"pattern":"s","patternProperties":{"m":99},"properties":{"m":99},"required":{"a":"s"},"title":"s","type":"s","uniqueItems":"b","x-kubernetes-embedded-resource":"b","x-kubernetes-int-or-string":"b","x-kubernetes-list-map-keys":{"a":"s"},"x-kubernetes-list-type":"s","x-kubernetes-map-type":"s","x-kubernetes-preserve-unknown-fields":"b"}},{"p":{"additionalPrinterColumns":{"a":96},"deprecated":"b","deprecationWarning":"s","name":"s","schema":98,"served":"b","storage":"b","subresources":92},"r":["name","served","storage"]},{"p":{"apiVersion":{"e":["apiregistration.k8s.io/v1"]},"kind":{"e":["APIService"]},"metadata":1,"spec":102,"status":"*"},"r":["apiVersion","kind"]},{"p":{"caBundle":"s","group":"s","groupPriorityMinimum":"n","insecureSkipTLSVerify":"b","service":103,"version":"s","versionPriority":"n"},"r":["groupPriorityMinimum","versionPriority"]},{"p":{"name":"s","namespace":"s","port":"n"}},{"p":{"apiVersion":{"e":["apiregistration.k8s.io/v1beta1"]},"kind":{"e":["APIService"]},"metadata":1,"spec":102,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["apps/v1"]},"data":"*","kind":{"e":["ControllerRevision"]},"metadata":1,"revision":"n"},"r":["apiVersion","kind","revision"]},{"p":{"apiVersion":{"e":["apps/v1"]},"kind":{"e":["DaemonSet"]},"metadata":1,"spec":107,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","revisionHistoryLimit":"n","selector":37,"template":108,"updateStrategy":191},"r":["selector","template"]},{"p":{"metadata":1,"spec":109}},{"p":{"activeDeadlineSeconds":"n","affinity":28,"automountServiceAccountToken":"b","containers":{"a":110},"dnsConfig":138,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableServiceLinks":"b","ephemeralContainers":{"a":140},"hostAliases":{"a":141},"hostIPC":"b","hostNetwork":"b","hostPID":"b","hostUsers":"b","hostname":"s","hostnameOverride":"s","imagePullSecrets":{"a":39},"initContainers":{"a":110},"nodeName":"s","nodeSelector":{"m":"s"},"os":142,"overhead":{"m":"x"},"preemptionPolicy":{"e":["Never","PreemptLowerPriority"]},"priority":"n","priorityClassName":"s","readinessGates":{"a":143},"resourceClaims":{"a":144},"resources":129,"restartPolicy":{"e":["Always","Never","OnFailure"]},"runtimeClassName":"s","schedulerName":"s","schedulingGates":{"a":142},"schedulingGroup":145,"securityContext":146,"serviceAccount":"s","serviceAccountName":"s","setHostnameAsFQDN":"b","shareProcessNamespace":"b","subdomain":"s","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"volumes":{"a":148}},"r":["containers"]},{"p":{"args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"name":"s","value":"s","valueFrom":112},"r":["name"]},{"p":{"configMapKeyRef":113,"fieldRef":114,"fileKeyRef":115,"resourceFieldRef":116,"secretKeyRef":113}},{"p":{"key":"s","name":"s","optional":"b"},"r":["key"]},{"p":{"apiVersion":"s","fieldPath":"s"},"r":["fieldPath"]},{"p":{"key":"s","optional":"b","path":"s","volumeName":"s"},"r":["key","path","volumeName"]},{"p":{"containerName":"s","divisor":"x","resource":"s"},"r":["resource"]},{"p":{"configMapRef":118,"prefix":"s","secretRef":118}},{"p":{"name":"s","optional":"b"}},{"p":{"postStart":120,"preStop":120,"stopSignal":{"e":["SIGABRT","SIGALRM","SIGBUS","SIGCHLD","SIGCLD","SIGCONT","SIGFPE","SIGHUP","SIGILL","SIGINT","SIGIO","SIGIOT","SIGKILL","SIGPIPE","SIGPOLL","SIGPROF","SIGPWR","SIGQUIT","SIGRTMAX","SIGRTMAX-1","SIGRTMAX-10","SIGRTMAX-11","SIGRTMAX-12","SIGRTMAX-13","SIGRTMAX-14","SIGRTMAX-2","SIGRTMAX-3","SIGRTMAX-4","SIGRTMAX-5","SIGRTMAX-6","SIGRTMAX-7","SIGRTMAX-8","SIGRTMAX-9","SIGRTMIN","SIGRTMIN+1","SIGRTMIN+10","SIGRTMIN+11","SIGRTMIN+12","SIGRTMIN+13","SIGRTMIN+14","SIGRTMIN+15","SIGRTMIN+2","SIGRTMIN+3","SIGRTMIN+4","SIGRTMIN+5","SIGRTMIN+6","SIGRTMIN+7","SIGRTMIN+8","SIGRTMIN+9","SIGSEGV","SIGSTKFLT","SIGSTOP","SIGSYS","SIGTERM","SIGTRAP","SIGTSTP","SIGTTIN","SIGTTOU","SIGURG","SIGUSR1","SIGUSR2","SIGVTALRM","SIGWINCH","SIGXCPU","SIGXFSZ"]}}},{"p":{"exec":121,"httpGet":122,"sleep":123,"tcpSocket":124}},{"p":{"command":{"a":"s"}}},{"p":{"host":"s","httpHeaders":{"a":44},"path":"s","port":"x","scheme":{"e":["HTTP","HTTPS"]}},"r":["port"]},{"p":{"seconds":"n"},"r":["seconds"]},{"p":{"host":"s","port":"x"},"r":["port"]},{"p":{"exec":121,"failureThreshold":"n","grpc":126,"httpGet":122,"initialDelaySeconds":"n","periodSeconds":"n","successThreshold":"n","tcpSocket":124,"terminationGracePeriodSeconds":"n","timeoutSeconds":"n"}},{"p":{"port":"n","service":"s"},"r":["port"]},{"p":{"containerPort":"n","hostIP":"s","hostPort":"n","name":"s","protocol":{"e":["SCTP","TCP","UDP"]}},"r":["containerPort"]},{"p":{"resourceName":"s","restartPolicy":"s"},"r":["resourceName","restartPolicy"]},{"p":{"claims":{"a":130},"limits":{"m":"x"},"requests":{"m":"x"}}},{"p":{"name":"s","request":"s"},"r":["name"]},{"p":{"action":"s","exitCodes":132},"r":["action"]},{"p":{"operator":"s","values":{"a":"n"}},"r":["operator"]},{"p":{"allowPrivilegeEscalation":"b","appArmorProfile":43,"capabilities":134,"privileged":"b","procMount":{"e":["Default","Unmasked"]},"readOnlyRootFilesystem":"b","runAsGroup":"n","runAsNonRoot":"b","runAsUser":"n","seLinuxOptions":42,"seccompProfile":43,"windowsOptions":135}},{"p":{"add":{"a":"s"},"drop":{"a":"s"}}},{"p":{"gmsaCredentialSpec":"s","gmsaCredentialSpecName":"s","hostProcess":"b","runAsUserName":"s"}},{"p":{"devicePath":"s","name":"s"},"r":["devicePath","name"]},{"p":{"mountPath":"s","mountPropagation":{"e":["Bidirectional","HostToContainer","None"]},"name":"s","readOnly":"b","recursiveReadOnly":"s","subPath":"s","subPathExpr":"s"},"r":["mountPath","name"]},{"p":{"nameservers":{"a":"s"},"options":{"a":139},"searches":{"a":"s"}}},{"p":{"name":"s","value":"s"}},{"p":{"args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","targetContainerName":"s","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"hostnames":{"a":"s"},"ip":"s"},"r":["ip"]},{"p":{"name":"s"},"r":["name"]},{"p":{"conditionType":"s"},"r":["conditionType"]},{"p":{"name":"s","resourceClaimName":"s","resourceClaimTemplateName":"s"},"r":["name"]},{"p":{"podGroupName":"s"}},{"p":{"appArmorProfile":43,"fsGroup":"n","fsGroupChangePolicy":{"e":["Always","OnRootMismatch"]},"runAsGroup":"n","runAsNonRoot":"b","runAsUser":"n","seLinuxChangePolicy":"s","seLinuxOptions":42,"seccompProfile":43,"supplementalGroups":{"a":"n"},"supplementalGroupsPolicy":{"e":["Merge","Strict"]},"sysctls":{"a":44},"windowsOptions":135}},{"p":{"labelSelector":37,"matchLabelKeys":{"a":"s"},"maxSkew":"n","minDomains":"n","nodeAffinityPolicy":{"e":["Honor","Ignore"]},"nodeTaintsPolicy":{"e":["Honor","Ignore"]},"topologyKey":"s","whenUnsatisfiable":{"e":["DoNotSchedule","ScheduleAnyway"]}},"r":["maxSkew","topologyKey","whenUnsatisfiable"]},{"p":{"awsElasticBlockStore":149,"azureDisk":150,"azureFile":151,"cephfs":152,"cinder":153,"configMap":154,"csi":156,"downwardAPI":157,"emptyDir":159,"ephemeral":160,"fc":165,"flexVolume":166,"flocker":167,"gcePersistentDisk":168,"gitRepo":169,"glusterfs":170,"hostPath":171,"image":172,"iscsi":173,"name":"s","nfs":174,"persistentVolumeClaim":175,"photonPersistentDisk":176,"portworxVolume":177,"projected":178,"quobyte":185,"rbd":186,"scaleIO":187,"secret":188,"storageos":189,"vsphereVolume":190},"r":["name"]},{"p":{"fsType":"s","partition":"n","readOnly":"b","volumeID":"s"},"r":["volumeID"]},{"p":{"cachingMode":{"e":["None","ReadOnly","ReadWrite"]},"diskName":"s","diskURI":"s","fsType":"s","kind":{"e":["Dedicated","Managed","Shared"]},"readOnly":"b"},"r":["diskName","diskURI"]},{"p":{"readOnly":"b","secretName":"s","shareName":"s"},"r":["secretName","shareName"]},{"p":{"monitors":{"a":"s"},"path":"s","readOnly":"b","secretFile":"s","secretRef":39,"user":"s"},"r":["monitors"]},{"p":{"fsType":"s","readOnly":"b","secretRef":39,"volumeID":"s"},"r":["volumeID"]},{"p":{"defaultMode":"n","items":{"a":155},"name":"s","optional":"b"}},{"p":{"key":"s","mode":"n","path":"s"},"r":["key","path"]},{"p":{"driver":"s","fsType":"s","nodePublishSecretRef":39,"readOnly":"b","volumeAttributes":{"m":"s"}},"r":["driver"]},{"p":{"defaultMode":"n","items":{"a":158}}},{"p":{"fieldRef":114,"mode":"n","path":"s","resourceFieldRef":116},"r":["path"]},{"p":{"medium":"s","sizeLimit":"x"}},{"p":{"volumeClaimTemplate":161}},{"p":{"metadata":1,"spec":162},"r":["spec"]},{"p":{"accessModes":{"a":{"e":["ReadOnlyMany","ReadWriteMany","ReadWriteOnce","ReadWriteOncePod"]}},"dataSource":163,"dataSourceRef":164,"resources":40,"selector":37,"storageClassName":"s","volumeAttributesClassName":"s","volumeMode":{"e":["Block","Filesystem"]},"volumeName":"s"}},{"p":{"apiGroup":"s","kind":"s","name":"s"},"r":["kind","name"]},{"p":{"apiGroup":"s","kind":"s","name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"fsType":"s","lun":"n","readOnly":"b","targetWWNs":{"a":"s"},"wwids":{"a":"s"}}},{"p":{"driver":"s","fsType":"s","options":{"m":"s"},"readOnly":"b","secretRef":39},"r":["driver"]},{"p":{"datasetName":"s","datasetUUID":"s"}},{"p":{"fsType":"s","partition":"n","pdName":"s","readOnly":"b"},"r":["pdName"]},{"p":{"directory":"s","repository":"s","revision":"s"},"r":["repository"]},{"p":{"endpoints":"s","path":"s","readOnly":"b"},"r":["endpoints","path"]},{"p":{"path":"s","type":{"e":["","BlockDevice","CharDevice","Directory","DirectoryOrCreate","File","FileOrCreate","Socket"]}},"r":["path"]},{"p":{"pullPolicy":{"e":["Always","IfNotPresent","Never"]},"reference":"s"}},{"p":{"chapAuthDiscovery":"b","chapAuthSession":"b","fsType":"s","initiatorName":"s","iqn":"s","iscsiInterface":"s","lun":"n","portals":{"a":"s"},"readOnly":"b","secretRef":39,"targetPortal":"s"},"r":["iqn","lun","targetPortal"]},{"p":{"path":"s","readOnly":"b","server":"s"},"r":["path","server"]},{"p":{"claimName":"s","readOnly":"b"},"r":["claimName"]},{"p":{"fsType":"s","pdID":"s"},"r":["pdID"]},{"p":{"fsType":"s","readOnly":"b","volumeID":"s"},"r":["volumeID"]},{"p":{"defaultMode":"n","sources":{"a":179}}},{"p":{"clusterTrustBundle":180,"configMap":181,"downwardAPI":182,"podCertificate":183,"secret":181,"serviceAccountToken":184}},{"p":{"labelSelector":37,"name":"s","optional":"b","path":"s","signerName":"s"},"r":["path"]},{"p":{"items":{"a":155},"name":"s","optional":"b"}},{"p":{"items":{"a":158}}},{"p":{"certificateChainPath":"s","credentialBundlePath":"s","keyPath":"s","keyType":"s","maxExpirationSeconds":"n","signerName":"s","userAnnotations":{"m":"s"}},"r":["keyType","signerName"]},{"p":{"audience":"s","expirationSeconds":"n","path":"s"},"r":["path"]},{"p":{"group":"s","readOnly":"b","registry":"s","tenant":"s","user":"s","volume":"s"},"r":["registry","volume"]},{"p":{"fsType":"s","image":"s","keyring":"s","monitors":{"a":"s"},"pool":"s","readOnly":"b","secretRef":39,"user":"s"},"r":["image","monitors"]},{"p":{"fsType":"s","gateway":"s","protectionDomain":"s","readOnly":"b","secretRef":39,"sslEnabled":"b","storageMode":"s","storagePool":"s","system":"s","volumeName":"s"},"r":["gateway","secretRef","system"]},{"p":{"defaultMode":"n","items":{"a":155},"optional":"b","secretName":"s"}},{"p":{"fsType":"s","readOnly":"b","secretRef":39,"volumeName":"s","volumeNamespace":"s"}},{"p":{"fsType":"s","storagePolicyID":"s","storagePolicyName":"s","volumePath":"s"},"r":["volumePath"]},{"p":{"rollingUpdate":192,"type":{"e":["OnDelete","RollingUpdate"]}}},{"p":{"maxSurge":"x","maxUnavailable":"x"}},{"p":{"apiVersion":{"e":["apps/v1"]},"kind":{"e":["Deployment"]},"metadata":1,"spec":194,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","paused":"b","progressDeadlineSeconds":"n","replicas":"n","revisionHistoryLimit":"n","selector":37,"strategy":195,"template":108},"r":["selector","template"]},{"p":{"rollingUpdate":192,"type":{"e":["Recreate","RollingUpdate"]}}},{"p":{"apiVersion":{"e":["apps/v1"]},"kind":{"e":["ReplicaSet"]},"metadata":1,"spec":197,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","replicas":"n","selector":37,"template":108},"r":["selector"]},{"p":{"apiVersion":{"e":["apps/v1"]},"kind":{"e":["StatefulSet"]},"metadata":1,"spec":199,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","ordinals":200,"persistentVolumeClaimRetentionPolicy":201,"podManagementPolicy":{"e":["OrderedReady","Parallel"]},"replicas":"n","revisionHistoryLimit":"n","selector":37,"serviceName":"s","template":108,"updateStrategy":202,"volumeClaimTemplates":{"a":204}},"r":["selector","template"]},{"p":{"start":"n"}},{"p":{"whenDeleted":"s","whenScaled":"s"}},{"p":{"rollingUpdate":203,"type":{"e":["OnDelete","RollingUpdate"]}}},{"p":{"maxUnavailable":"x","partition":"n"}},{"p":{"apiVersion":"s","kind":"s","metadata":1,"spec":162,"status":205}},{"p":{"accessModes":{"a":{"e":["ReadOnlyMany","ReadWriteMany","ReadWriteOnce","ReadWriteOncePod"]}},"allocatedResourceStatuses":{"m":{"e":["ControllerResizeInProgress","ControllerResizeInfeasible","NodeResizeInProgress","NodeResizeInfeasible","NodeResizePending"]}},"allocatedResources":{"m":"x"},"capacity":{"m":"x"},"conditions":{"a":206},"currentVolumeAttributesClassName":"s","modifyVolumeStatus":207,"phase":{"e":["Bound","Lost","Pending"]}}},{"p":{"lastProbeTime":"s","lastTransitionTime":"s","message":"s","reason":"s","status":"s","type":"s"},"r":["status","type"]},{"p":{"status":{"e":["InProgress","Infeasible","Pending"]},"targetVolumeAttributesClassName":"s"},"r":["status"]},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"data":"*","kind":{"e":["ControllerRevision"]},"metadata":1,"revision":"n"},"r":["apiVersion","kind","revision"]},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"kind":{"e":["Deployment"]},"metadata":1,"spec":210,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","paused":"b","progressDeadlineSeconds":"n","replicas":"n","revisionHistoryLimit":"n","rollbackTo":211,"selector":37,"strategy":212,"template":108},"r":["template"]},{"p":{"revision":"n"}},{"p":{"rollingUpdate":192,"type":"s"}},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"kind":{"e":["DeploymentRollback"]},"name":"s","rollbackTo":211,"updatedAnnotations":{"m":"s"}},"r":["apiVersion","kind","name","rollbackTo"]},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"kind":{"e":["Scale"]},"metadata":1,"spec":215,"status":"*"},"r":["apiVersion","kind"]},{"p":{"replicas":"n"}},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"kind":{"e":["StatefulSet"]},"metadata":1,"spec":217,"status":"*"},"r":["apiVersion","kind"]},{"p":{"podManagementPolicy":"s","replicas":"n","revisionHistoryLimit":"n","selector":37,"serviceName":"s","template":108,"updateStrategy":218,"volumeClaimTemplates":{"a":220}},"r":["serviceName","template"]},{"p":{"rollingUpdate":219,"type":"s"}},{"p":{"partition":"n"}},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["PersistentVolumeClaim"]},"metadata":1,"spec":162,"status":205},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"data":"*","kind":{"e":["ControllerRevision"]},"metadata":1,"revision":"n"},"r":["apiVersion","kind","revision"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["DaemonSet"]},"metadata":1,"spec":223,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","revisionHistoryLimit":"n","selector":37,"template":108,"updateStrategy":224},"r":["selector","template"]},{"p":{"rollingUpdate":225,"type":"s"}},{"p":{"maxUnavailable":"x"}},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["Deployment"]},"metadata":1,"spec":227,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","paused":"b","progressDeadlineSeconds":"n","replicas":"n","revisionHistoryLimit":"n","selector":37,"strategy":212,"template":108},"r":["selector","template"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["ReplicaSet"]},"metadata":1,"spec":197,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["Scale"]},"metadata":1,"spec":215,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["StatefulSet"]},"metadata":1,"spec":231,"status":"*"},"r":["apiVersion","kind"]},{"p":{"podManagementPolicy":"s","replicas":"n","revisionHistoryLimit":"n","selector":37,"serviceName":"s","template":108,"updateStrategy":218,"volumeClaimTemplates":{"a":220}},"r":["selector","serviceName","template"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["AnalysisRun"]},"metadata":1,"spec":233,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"args":{"a":234},"dryRun":{"a":238},"measurementRetention":{"a":239},"metrics":{"a":240},"terminate":"b","ttlStrategy":271},"r":["metrics"]},{"p":{"name":"s","value":"s","valueFrom":235},"r":["name"]},{"p":{"fieldRef":236,"secretKeyRef":237}},{"p":{"fieldPath":"s"},"r":["fieldPath"]},{"p":{"key":"s","name":"s"},"r":["key","name"]},{"p":{"metricName":"s"},"r":["metricName"]},{"p":{"limit":"n","metricName":"s"},"r":["limit","metricName"]},{"p":{"consecutiveErrorLimit":"x","consecutiveSuccessLimit":"x","count":"x","failureCondition":"s","failureLimit":"x","inconclusiveLimit":"x","initialDelay":"s","interval":"s","name":"s","provider":241,"successCondition":"s"},"r":["name","provider"]},{"p":{"cloudWatch":242,"datadog":246,"graphite":248,"influxdb":249,"job":250,"kayenta":258,"newRelic":262,"plugin":"*","prometheus":263,"skywalking":269,"wavefront":248,"web":270}},{"p":{"interval":"s","metricDataQueries":{"a":243}},"r":["metricDataQueries"]},{"p":{"expression":"s","id":"s","label":"s","metricStat":244,"period":"x","returnData":"b"}},{"p":{"metric":245,"period":"x","stat":"s","unit":"s"}},{"p":{"dimensions":{"a":139},"metricName":"s","namespace":"s"}},{"p":{"aggregator":{"e":["area","avg","l2norm","last","max","mean","min","percentile","sum"]},"apiVersion":{"e":["v1","v2"]},"formula":"s","interval":"s","queries":{"m":"s"},"query":"s","secretRef":247}},{"p":{"name":"s","namespaced":"b"}},{"p":{"address":"s","query":"s"}},{"p":{"profile":"s","query":"s"}},{"p":{"metadata":1,"spec":251},"r":["spec"]},{"p":{"activeDeadlineSeconds":"n","backoffLimit":"n","backoffLimitPerIndex":"n","completionMode":{"e":["Indexed","NonIndexed"]},"completions":"n","managedBy":"s","manualSelector":"b","maxFailedIndexes":"n","parallelism":"n","podFailurePolicy":252,"podReplacementPolicy":{"e":["Failed","TerminatingOrFailed"]},"selector":37,"successPolicy":256,"suspend":"b","template":108,"ttlSecondsAfterFinished":"n"},"r":["template"]},{"p":{"rules":{"a":253}},"r":["rules"]},{"p":{"action":{"e":["Count","FailIndex","FailJob","Ignore"]},"onExitCodes":254,"onPodConditions":{"a":255}},"r":["action"]},{"p":{"containerName":"s","operator":{"e":["In","NotIn"]},"values":{"a":"n"}},"r":["operator","values"]},{"p":{"status":"s","type":"s"},"r":["type"]},{"p":{"rules":{"a":257}},"r":["rules"]},{"p":{"succeededCount":"n","succeededIndexes":"s"}},{"p":{"address":"s","application":"s","canaryConfigName":"s","configurationAccountName":"s","lookback":"b","metricsAccountName":"s","scopes":{"a":259},"storageAccountName":"s","threshold":261},"r":["address","application","canaryConfigName","configurationAccountName","metricsAccountName","scopes","storageAccountName","threshold"]},{"p":{"controlScope":260,"experimentScope":260,"name":"s"},"r":["controlScope","experimentScope","name"]},{"p":{"end":"s","region":"s","scope":"s","start":"s","step":"n"},"r":["region","scope","step"]},{"p":{"marginal":"n","pass":"n"},"r":["marginal","pass"]},{"p":{"profile":"s","query":"s","timeout":"n"},"r":["query"]},{"p":{"address":"s","authentication":264,"headers":{"a":267},"insecure":"b","query":"s","rangeQuery":268,"timeout":"n"}},{"p":{"oauth2":265,"sigv4":266}},{"p":{"clientId":"s","clientSecret":"s","scopes":{"a":"s"},"tokenUrl":"s"}},{"p":{"profile":"s","region":"s","roleArn":"s"}},{"p":{"key":"s","value":"s"},"r":["key","value"]},{"p":{"end":"s","start":"s","step":"s"}},{"p":{"address":"s","interval":"s","query":"s"}},{"p":{"authentication":264,"body":"s","headers":{"a":267},"insecure":"b","jsonBody":"*","jsonPath":"s","method":"s","timeoutSeconds":"n","url":"s"},"r":["url"]},{"p":{"secondsAfterCompletion":"n","secondsAfterFailure":"n","secondsAfterSuccess":"n"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["AnalysisTemplate"]},"metadata":1,"spec":273},"r":["apiVersion","kind","spec"]},{"p":{"args":{"a":234},"dryRun":{"a":238},"measurementRetention":{"a":239},"metrics":{"a":240},"templates":{"a":274}}},{"p":{"clusterScope":"b","templateName":"s"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["Application"]},"metadata":1,"operation":276,"spec":297,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"info":{"a":44},"initiatedBy":277,"retry":278,"sync":280}},{"p":{"automated":"b","username":"s"}},{"p":{"backoff":279,"limit":"n","refresh":"b"}},{"p":{"duration":"s","factor":"n","maxDuration":"s"}},{"p":{"autoHealAttemptsCount":"n","dryRun":"b","manifests":{"a":"s"},"prune":"b","resources":{"a":281},"revision":"s","revisions":{"a":"s"},"source":282,"sources":{"a":282},"syncOptions":{"a":"s"},"syncStrategy":295}},{"p":{"group":"s","kind":"s","name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"chart":"s","directory":283,"helm":286,"kustomize":289,"name":"s","path":"s","plugin":293,"ref":"s","repoURL":"s","targetRevision":"s"},"r":["repoURL"]},{"p":{"exclude":"s","include":"s","jsonnet":284,"recurse":"b"}},{"p":{"extVars":{"a":285},"libs":{"a":"s"},"tlas":{"a":285}}},{"p":{"code":"b","name":"s","value":"s"},"r":["name","value"]},{"p":{"apiVersions":{"a":"s"},"fileParameters":{"a":287},"ignoreMissingValueFiles":"b","kubeVersion":"s","namespace":"s","parameters":{"a":288},"passCredentials":"b","releaseName":"s","skipCrds":"b","skipSchemaValidation":"b","skipTests":"b","valueFiles":{"a":"s"},"values":"s","valuesObject":"*","version":"s"}},{"p":{"name":"s","path":"s"}},{"p":{"forceString":"b","name":"s","value":"s"}},{"p":{"apiVersions":{"a":"s"},"commonAnnotations":{"m":"s"},"commonAnnotationsEnvsubst":"b","commonLabels":{"m":"s"},"components":{"a":"s"},"forceCommonAnnotations":"b","forceCommonLabels":"b","ignoreMissingComponents":"b","images":{"a":"s"},"kubeVersion":"s","labelIncludeTemplates":"b","labelWithoutSelector":"b","namePrefix":"s","nameSuffix":"s","namespace":"s","patches":{"a":290},"replicas":{"a":292},"version":"s"}},{"p":{"options":{"m":"b"},"patch":"s","path":"s","target":291}},{"p":{"annotationSelector":"s","labelSelector":"s","name":"s","namespace":"s","group":"s","kind":"s","version":"s"}},{"p":{"count":"x","name":"s"},"r":["count","name"]},{"p":{"env":{"a":44},"name":"s","parameters":{"a":294}}},{"p":{"name":"s","string":"s","map":{"m":"s"},"array":{"a":"s"}}},{"p":{"apply":296,"hook":296}},{"p":{"force":"b"}},{"p":{"destination":298,"ignoreDifferences":{"a":299},"info":{"a":44},"project":"s","revisionHistoryLimit":"n","source":282,"sourceHydrator":300,"sources":{"a":282},"syncPolicy":304},"r":["destination","project"]},{"p":{"name":"s","namespace":"s","server":"s"}},{"p":{"group":"s","jqPathExpressions":{"a":"s"},"jsonPointers":{"a":"s"},"kind":"s","managedFieldsManagers":{"a":"s"},"name":"s","namespace":"s"},"r":["kind"]},{"p":{"drySource":301,"hydrateTo":302,"syncSource":303},"r":["drySource","syncSource"]},{"p":{"directory":283,"helm":286,"kustomize":289,"path":"s","plugin":293,"repoURL":"s","targetRevision":"s"},"r":["path","repoURL","targetRevision"]},{"p":{"targetBranch":"s"},"r":["targetBranch"]},{"p":{"path":"s","targetBranch":"s"},"r":["path","targetBranch"]},{"p":{"automated":305,"managedNamespaceMetadata":26,"retry":278,"syncOptions":{"a":"s"}}},{"p":{"allowEmpty":"b","enabled":"b","prune":"b","selfHeal":"b"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["ApplicationSet"]},"metadata":1,"spec":307,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"applyNestedSelectors":"b","generators":{"a":308},"goTemplate":"b","goTemplateOptions":{"a":"s"},"ignoreApplicationDifferences":{"a":343},"preservedFields":344,"strategy":345,"syncPolicy":349,"template":310,"templatePatch":"s"},"r":["generators","template"]},{"p":{"clusterDecisionResource":309,"clusters":312,"git":313,"list":315,"matrix":316,"merge":342,"plugin":318,"pullRequest":320,"scmProvider":332,"selector":37}},{"p":{"configMapRef":"s","labelSelector":37,"name":"s","requeueAfterSeconds":"n","template":310,"values":{"m":"s"}},"r":["configMapRef"]},{"p":{"metadata":311,"spec":297},"r":["metadata","spec"]},{"p":{"annotations":{"m":"s"},"finalizers":{"a":"s"},"labels":{"m":"s"},"name":"s","namespace":"s"}},{"p":{"flatList":"b","selector":37,"template":310,"values":{"m":"s"}}},{"p":{"directories":{"a":314},"files":{"a":314},"pathParamPrefix":"s","repoURL":"s","requeueAfterSeconds":"n","revision":"s","template":310,"values":{"m":"s"}},"r":["repoURL","revision"]},{"p":{"exclude":"b","path":"s"},"r":["path"]},{"p":{"elements":{"a":"*"},"elementsYaml":"s","template":310}},{"p":{"generators":{"a":317},"template":310},"r":["generators"]},{"p":{"clusterDecisionResource":309,"clusters":312,"git":313,"list":315,"matrix":"*","merge":"*","plugin":318,"pullRequest":320,"scmProvider":332,"selector":37}},{"p":{"configMapRef":142,"input":319,"requeueAfterSeconds":"n","template":310,"values":{"m":"s"}},"r":["configMapRef"]},{"p":{"parameters":{"m":"*"}}},{"p":{"azuredevops":321,"bitbucket":323,"bitbucketServer":326,"continueOnRepoNotFoundError":"b","filters":{"a":328},"gitea":329,"github":330,"gitlab":331,"requeueAfterSeconds":"n","template":310,"values":{"m":"s"}}},{"p":{"api":"s","labels":{"a":"s"},"organization":"s","project":"s","repo":"s","tokenRef":322},"r":["organization","project","repo"]},{"p":{"key":"s","secretName":"s"},"r":["key","secretName"]},{"p":{"api":"s","basicAuth":324,"bearerToken":325,"owner":"s","repo":"s"},"r":["owner","repo"]},{"p":{"passwordRef":322,"username":"s"},"r":["passwordRef","username"]},{"p":{"tokenRef":322},"r":["tokenRef"]},{"p":{"api":"s","basicAuth":324,"bearerToken":325,"caRef":327,"insecure":"b","project":"s","repo":"s"},"r":["api","project","repo"]},{"p":{"configMapName":"s","key":"s"},"r":["configMapName","key"]},{"p":{"branchMatch":"s","targetBranchMatch":"s","titleMatch":"s"}},{"p":{"api":"s","insecure":"b","labels":{"a":"s"},"owner":"s","repo":"s","tokenRef":322},"r":["api","owner","repo"]},{"p":{"api":"s","appSecretName":"s","labels":{"a":"s"},"owner":"s","repo":"s","tokenRef":322},"r":["owner","repo"]},{"p":{"api":"s","caRef":327,"insecure":"b","labels":{"a":"s"},"project":"s","pullRequestState":"s","tokenRef":322},"r":["project"]},{"p":{"awsCodeCommit":333,"azureDevOps":335,"bitbucket":336,"bitbucketServer":337,"cloneProtocol":"s","filters":{"a":338},"gitea":339,"github":340,"gitlab":341,"requeueAfterSeconds":"n","template":310,"values":{"m":"s"}}},{"p":{"allBranches":"b","region":"s","role":"s","tagFilters":{"a":334}}},{"p":{"key":"s","value":"s"},"r":["key"]},{"p":{"accessTokenRef":322,"allBranches":"b","api":"s","organization":"s","teamProject":"s"},"r":["accessTokenRef","organization","teamProject"]},{"p":{"allBranches":"b","appPasswordRef":322,"owner":"s","user":"s"},"r":["appPasswordRef","owner","user"]},{"p":{"allBranches":"b","api":"s","basicAuth":324,"bearerToken":325,"caRef":327,"insecure":"b","project":"s"},"r":["api","project"]},{"p":{"branchMatch":"s","labelMatch":"s","pathsDoNotExist":{"a":"s"},"pathsExist":{"a":"s"},"repositoryMatch":"s"}},{"p":{"allBranches":"b","api":"s","insecure":"b","owner":"s","tokenRef":322},"r":["api","owner"]},{"p":{"allBranches":"b","api":"s","appSecretName":"s","organization":"s","tokenRef":322},"r":["organization"]},{"p":{"allBranches":"b","api":"s","caRef":327,"group":"s","includeSharedProjects":"b","includeSubgroups":"b","insecure":"b","tokenRef":322,"topic":"s"},"r":["group"]},{"p":{"generators":{"a":317},"mergeKeys":{"a":"s"},"template":310},"r":["generators","mergeKeys"]},{"p":{"jqPathExpressions":{"a":"s"},"jsonPointers":{"a":"s"},"name":"s"}},{"p":{"annotations":{"a":"s"},"labels":{"a":"s"}}},{"p":{"deletionOrder":"s","rollingSync":346,"type":"s"}},{"p":{"steps":{"a":347}}},{"p":{"matchExpressions":{"a":348},"maxUpdate":"x"}},{"p":{"key":"s","operator":"s","values":{"a":"s"}}},{"p":{"applicationsSync":"s","preserveResourcesOnDeletion":"b"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["AppProject"]},"metadata":1,"spec":351,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"clusterResourceBlacklist":{"a":352},"clusterResourceWhitelist":{"a":352},"description":"s","destinationServiceAccounts":{"a":353},"destinations":{"a":298},"namespaceResourceBlacklist":{"a":354},"namespaceResourceWhitelist":{"a":354},"orphanedResources":355,"permitOnlyProjectScopedClusters":"b","roles":{"a":357},"signatureKeys":{"a":359},"sourceNamespaces":{"a":"s"},"sourceRepos":{"a":"s"},"syncWindows":{"a":360}}},{"p":{"group":"s","kind":"s","name":"s"},"r":["group","kind"]},{"p":{"defaultServiceAccount":"s","namespace":"s","server":"s"},"r":["defaultServiceAccount","server"]},{"p":{"group":"s","kind":"s"},"r":["group","kind"]},{"p":{"ignore":{"a":356},"warn":"b"}},{"p":{"group":"s","kind":"s","name":"s"}},{"p":{"description":"s","groups":{"a":"s"},"jwtTokens":{"a":358},"name":"s","policies":{"a":"s"}},"r":["name"]},{"p":{"exp":"n","iat":"n","id":"s"},"r":["iat"]},{"p":{"keyID":"s"},"r":["keyID"]},{"p":{"andOperator":"b","applications":{"a":"s"},"clusters":{"a":"s"},"description":"s","duration":"s","kind":"s","manualSync":"b","namespaces":{"a":"s"},"schedule":"s","timeZone":"s"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["ClusterAnalysisTemplate"]},"metadata":1,"spec":273},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["ClusterWorkflowTemplate"]},"metadata":1,"spec":363},"r":["apiVersion","kind","metadata","spec"]},{"p":{"activeDeadlineSeconds":"n","affinity":28,"archiveLogs":"b","arguments":364,"artifactGC":388,"artifactRepositoryRef":389,"automountServiceAccountToken":"b","dnsConfig":138,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"entrypoint":"s","executor":390,"hooks":{"m":391},"hostAliases":{"a":141},"hostNetwork":"b","imagePullSecrets":{"a":39},"metrics":393,"nodeSelector":{"m":"s"},"onExit":"s","parallelism":"n","podDisruptionBudget":398,"podGC":399,"podMetadata":26,"podPriorityClassName":"s","podSpecPatch":"s","priority":"n","retryStrategy":400,"schedulerName":"s","securityContext":146,"serviceAccountName":"s","shutdown":"s","suspend":"b","synchronization":403,"templateDefaults":407,"templates":{"a":407},"tolerations":{"a":45},"ttlStrategy":271,"volumeClaimGC":433,"volumeClaimTemplates":{"a":220},"volumes":{"a":148},"workflowMetadata":434,"workflowTemplateRef":435}},{"p":{"artifacts":{"a":365},"parameters":{"a":386}}},{"p":{"archive":366,"artifactGC":368,"deleted":"b","from":"s","fromExpression":"s","globalName":"s","mode":"n","name":"s","optional":"b","path":"s","recurseMode":"b","subPath":"s","archiveLogs":"b","artifactory":369,"azure":370,"gcs":371,"git":372,"hdfs":373,"http":374,"oss":379,"plugin":381,"raw":382,"s3":383},"r":["name"]},{"p":{"none":"*","tar":367,"zip":"*"}},{"p":{"compressionLevel":"n"}},{"p":{"podMetadata":26,"serviceAccountName":"s","strategy":"s"}},{"p":{"url":"s","passwordSecret":113,"usernameSecret":113},"r":["url"]},{"p":{"blob":"s","accountKeySecret":113,"container":"s","endpoint":"s","useSDKCreds":"b"},"r":["blob","container","endpoint"]},{"p":{"key":"s","bucket":"s","serviceAccountKeySecret":113},"r":["key"]},{"p":{"branch":"s","depth":"n","disableSubmodules":"b","fetch":{"a":"s"},"insecureIgnoreHostKey":"b","insecureSkipTLS":"b","passwordSecret":113,"repo":"s","revision":"s","singleBranch":"b","sshPrivateKeySecret":113,"usernameSecret":113},"r":["repo"]},{"p":{"force":"b","path":"s","addresses":{"a":"s"},"dataTransferProtection":"s","hdfsUser":"s","krbCCacheSecret":113,"krbConfigConfigMap":113,"krbKeytabSecret":113,"krbRealm":"s","krbServicePrincipalName":"s","krbUsername":"s"},"r":["path"]},{"p":{"auth":375,"headers":{"a":44},"url":"s"},"r":["url"]},{"p":{"basicAuth":376,"clientCert":377,"oauth2":378}},{"p":{"passwordSecret":113,"usernameSecret":113}},{"p":{"clientCertSecret":113,"clientKeySecret":113}},{"p":{"clientIDSecret":113,"clientSecretSecret":113,"endpointParams":{"a":334},"scopes":{"a":"s"},"tokenURLSecret":113}},{"p":{"key":"s","accessKeySecret":113,"bucket":"s","createBucketIfNotPresent":"b","endpoint":"s","lifecycleRule":380,"secretKeySecret":113,"securityToken":"s","useSDKCreds":"b"},"r":["key"]},{"p":{"markDeletionAfterDays":"n","markInfrequentAccessAfterDays":"n"}},{"p":{"configuration":"s","connectionTimeoutSeconds":"n","key":"s","name":"s"},"r":["key"]},{"p":{"data":"s"},"r":["data"]},{"p":{"key":"s","accessKeySecret":113,"bucket":"s","caSecret":113,"createBucketIfNotPresent":384,"encryptionOptions":385,"endpoint":"s","insecure":"b","region":"s","roleARN":"s","secretKeySecret":113,"sessionTokenSecret":113,"useSDKCreds":"b"}},{"p":{"objectLocking":"b"}},{"p":{"enableEncryption":"b","kmsEncryptionContext":"s","kmsKeyId":"s","serverSideCustomerKeySecret":113}},{"p":{"default":"s","description":"s","enum":{"a":"s"},"globalName":"s","name":"s","value":"s","valueFrom":387},"r":["name"]},{"p":{"configMapKeyRef":113,"default":"s","event":"s","expression":"s","jqFilter":"s","jsonPath":"s","parameter":"s","path":"s","supplied":"*"}},{"p":{"forceFinalizerRemoval":"b","podSpecPatch":"s","podMetadata":26,"serviceAccountName":"s","strategy":"s"}},{"p":{"configMap":"s","key":"s"}},{"p":{"serviceAccountName":"s"}},{"p":{"arguments":364,"expression":"s","template":"s","templateRef":392}},{"p":{"clusterScope":"b","name":"s","template":"s"}},{"p":{"prometheus":{"a":394}},"r":["prometheus"]},{"p":{"counter":395,"gauge":396,"help":"s","histogram":397,"labels":{"a":267},"name":"s","when":"s"},"r":["help","name"]},{"p":{"value":"s"},"r":["value"]},{"p":{"operation":{"e":["Add","Set","Sub"]},"realtime":"b","value":"s"},"r":["realtime","value"]},{"p":{"buckets":{"a":"n"},"value":"s"},"r":["buckets","value"]},{"p":{"maxUnavailable":"x","minAvailable":"x","selector":37,"unhealthyPodEvictionPolicy":{"e":["AlwaysAllow","IfHealthyBudget"]}}},{"p":{"deleteDelayDuration":"s","labelSelector":37,"strategy":{"e":["","OnPodCompletion","OnPodSuccess","OnWorkflowCompletion","OnWorkflowSuccess"]}}},{"p":{"affinity":401,"backoff":402,"expression":"s","limit":"x","retryPolicy":{"e":["Always","OnError","OnFailure","OnTransientError"]}}},{"p":{"nodeAntiAffinity":"*"}},{"p":{"cap":"s","duration":"s","factor":"x","maxDuration":"s"}},{"p":{"mutexes":{"a":404},"semaphores":{"a":405}}},{"p":{"database":"b","name":"s","namespace":"s"}},{"p":{"configMapKeyRef":113,"database":406,"namespace":"s"}},{"p":{"key":"s"},"r":["key"]},{"p":{"activeDeadlineSeconds":"x","affinity":28,"annotations":{"m":"s"},"archiveLocation":408,"automountServiceAccountToken":"b","container":110,"containerSet":409,"daemon":"b","dag":412,"data":416,"executor":390,"failFast":"b","hostAliases":{"a":141},"http":419,"initContainers":{"a":423},"inputs":364,"memoize":424,"metadata":26,"metrics":393,"name":"s","nodeSelector":{"m":"s"},"outputs":426,"parallelism":"n","plugin":"*","podSpecPatch":"s","priorityClassName":"s","resource":427,"retryStrategy":400,"schedulerName":"s","script":429,"securityContext":146,"serviceAccountName":"s","sidecars":{"a":423},"steps":{"a":430},"suspend":432,"synchronization":403,"timeout":"s","tolerations":{"a":45},"volumes":{"a":148}}},{"p":{"archiveLogs":"b","artifactory":369,"azure":370,"gcs":371,"git":372,"hdfs":373,"http":374,"oss":379,"plugin":381,"raw":382,"s3":383}},{"p":{"containers":{"a":410},"retryStrategy":411,"volumeMounts":{"a":137}},"r":["containers"]},{"p":{"dependencies":{"a":"s"},"args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"duration":"s","retries":"x"},"r":["retries"]},{"p":{"failFast":"b","target":"s","tasks":{"a":413}},"r":["tasks"]},{"p":{"arguments":364,"continueOn":414,"dependencies":{"a":"s"},"depends":"s","hooks":{"m":391},"inline":407,"name":"s","onExit":"s","template":"s","templateRef":392,"when":"s","withItems":"*","withParam":"s","withSequence":415},"r":["name"]},{"p":{"error":"b","failed":"b"}},{"p":{"count":"x","end":"x","format":"s","start":"x"}},{"p":{"source":417,"transformation":{"a":418}},"r":["source","transformation"]},{"p":{"artifactPaths":365}},{"p":{"expression":"s"},"r":["expression"]},{"p":{"body":"s","bodyFrom":420,"headers":{"a":421},"insecureSkipVerify":"b","method":"s","successCondition":"s","timeoutSeconds":"n","url":"s"},"r":["url"]},{"p":{"bytes":"s"}},{"p":{"name":"s","value":"s","valueFrom":422},"r":["name"]},{"p":{"secretKeyRef":113}},{"p":{"mirrorVolumeMounts":"b","args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"cache":425,"key":"s","maxAge":"s"},"r":["cache","key","maxAge"]},{"p":{"configMap":39},"r":["configMap"]},{"p":{"artifacts":{"a":365},"exitCode":"s","parameters":{"a":386},"result":"s"}},{"p":{"action":{"e":["apply","create","delete","get","patch","replace"]},"failureCondition":"s","flags":{"a":"s"},"manifest":"s","manifestFrom":428,"mergeStrategy":{"e":["json","merge","strategic"]},"setOwnerReference":"b","successCondition":"s"},"r":["action"]},{"p":{"artifact":365},"r":["artifact"]},{"p":{"source":"s","args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"steps":{"a":431}},"r":["steps"]},{"p":{"arguments":364,"continueOn":414,"hooks":{"m":391},"inline":407,"name":"s","onExit":"s","template":"s","templateRef":392,"when":"s","withItems":"*","withParam":"s","withSequence":415}},{"p":{"duration":"s"}},{"p":{"strategy":"s"}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"},"labelsFrom":{"m":418}}},{"p":{"clusterScope":"b","name":"s"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["CronWorkflow"]},"metadata":1,"spec":437,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"concurrencyPolicy":{"e":["Allow","Forbid","Replace"]},"failedJobsHistoryLimit":"n","schedules":{"a":"s"},"startingDeadlineSeconds":"n","stopStrategy":418,"successfulJobsHistoryLimit":"n","suspend":"b","timezone":"s","when":"s","workflowMetadata":1,"workflowSpec":363},"r":["schedules","workflowSpec"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["Experiment"]},"metadata":1,"spec":439,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"analyses":{"a":440},"analysisRunMetadata":26,"dryRun":{"a":238},"duration":"s","measurementRetention":{"a":239},"progressDeadlineSeconds":"n","scaleDownDelaySeconds":"n","templates":{"a":441},"terminate":"b"},"r":["templates"]},{"p":{"args":{"a":234},"clusterScope":"b","name":"s","requiredForCompletion":"b","templateName":"s"},"r":["name","templateName"]},{"p":{"minReadySeconds":"n","name":"s","replicas":"n","selector":37,"service":39,"template":108},"r":["name","selector","template"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["Rollout"]},"metadata":1,"spec":443,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"analysis":444,"minReadySeconds":"n","paused":"b","progressDeadlineAbort":"b","progressDeadlineSeconds":"n","replicas":"n","restartAt":"s","revisionHistoryLimit":"n","rollbackWindow":445,"selector":37,"strategy":446,"template":108,"workloadRef":486}},{"p":{"successfulRunHistoryLimit":"n","unsuccessfulRunHistoryLimit":"n"}},{"p":{"revisions":"n"}},{"p":{"blueGreen":447,"canary":453}},{"p":{"abortScaleDownDelaySeconds":"n","activeMetadata":26,"activeService":"s","antiAffinity":448,"autoPromotionEnabled":"b","autoPromotionSeconds":"n","maxUnavailable":"x","postPromotionAnalysis":450,"prePromotionAnalysis":450,"previewMetadata":26,"previewReplicaCount":"n","previewService":"s","scaleDownDelayRevisionLimit":"n","scaleDownDelaySeconds":"n"},"r":["activeService"]},{"p":{"preferredDuringSchedulingIgnoredDuringExecution":449,"requiredDuringSchedulingIgnoredDuringExecution":"*"}},{"p":{"weight":"n"},"r":["weight"]},{"p":{"analysisRunMetadata":26,"args":{"a":451},"dryRun":{"a":238},"measurementRetention":{"a":239},"templates":{"a":274}}},{"p":{"name":"s","value":"s","valueFrom":452},"r":["name"]},{"p":{"fieldRef":236,"podTemplateHashValue":"s"}},{"p":{"abortScaleDownDelaySeconds":"n","analysis":454,"antiAffinity":448,"canaryMetadata":26,"canaryService":"s","dynamicStableScale":"b","maxSurge":"x","maxUnavailable":"x","minPodsPerReplicaSet":"n","pingPong":455,"replicaProgressThreshold":456,"scaleDownDelayRevisionLimit":"n","scaleDownDelaySeconds":"n","stableMetadata":26,"stableService":"s","steps":{"a":457},"trafficRouting":469}},{"p":{"startingStep":"n","analysisRunMetadata":26,"args":{"a":451},"dryRun":{"a":238},"measurementRetention":{"a":239},"templates":{"a":274}}},{"p":{"pingService":"s","pongService":"s"},"r":["pingService","pongService"]},{"p":{"type":"s","value":"n"},"r":["type","value"]},{"p":{"analysis":450,"experiment":458,"pause":461,"plugin":462,"setCanaryScale":463,"setHeaderRoute":464,"setMirrorRoute":467,"setWeight":"n"}},{"p":{"analyses":{"a":459},"analysisRunMetadata":26,"dryRun":{"a":238},"duration":"s","scaleDownDelaySeconds":"n","templates":{"a":460}},"r":["templates"]},{"p":{"args":{"a":451},"clusterScope":"b","name":"s","requiredForCompletion":"b","templateName":"s"},"r":["name","templateName"]},{"p":{"metadata":26,"name":"s","replicas":"n","selector":37,"service":39,"specRef":"s","weight":"n"},"r":["name","specRef"]},{"p":{"duration":"x"}},{"p":{"config":"*","name":"s"},"r":["name"]},{"p":{"matchTrafficWeight":"b","replicas":"n","weight":"n"}},{"p":{"match":{"a":465},"name":"s"}},{"p":{"headerName":"s","headerValue":466},"r":["headerName","headerValue"]},{"p":{"exact":"s","prefix":"s","regex":"s"}},{"p":{"match":{"a":468},"name":"s","percentage":"n"},"r":["name"]},{"p":{"headers":{"m":466},"method":466,"path":466}},{"p":{"alb":470,"ambassador":472,"apisix":473,"appMesh":475,"istio":478,"managedRoutes":{"a":142},"maxTrafficWeight":"n","nginx":483,"plugins":"*","smi":484,"traefik":485}},{"p":{"annotationPrefix":"s","ingress":"s","ingresses":{"a":"s"},"rootService":"s","servicePort":"n","stickinessConfig":471},"r":["servicePort"]},{"p":{"durationSeconds":"n","enabled":"b"},"r":["durationSeconds","enabled"]},{"p":{"mappings":{"a":"s"}},"r":["mappings"]},{"p":{"route":474}},{"p":{"name":"s","rules":{"a":"s"}},"r":["name"]},{"p":{"virtualNodeGroup":476,"virtualService":477}},{"p":{"canaryVirtualNodeRef":142,"stableVirtualNodeRef":142},"r":["canaryVirtualNodeRef","stableVirtualNodeRef"]},{"p":{"name":"s","routes":{"a":"s"}},"r":["name"]},{"p":{"destinationRule":479,"virtualService":480,"virtualServices":{"a":480}}},{"p":{"additionalSubsetNames":{"a":"s"},"canarySubsetName":"s","name":"s","stableSubsetName":"s"},"r":["canarySubsetName","name","stableSubsetName"]},{"p":{"name":"s","routes":{"a":"s"},"tcpRoutes":{"a":481},"tlsRoutes":{"a":482}},"r":["name"]},{"p":{"port":"n"}},{"p":{"port":"n","sniHosts":{"a":"s"}}},{"p":{"additionalIngressAnnotations":{"m":"s"},"annotationPrefix":"s","canaryIngressAnnotations":{"m":"s"},"stableIngress":"s","stableIngresses":{"a":"s"}}},{"p":{"rootService":"s","trafficSplitName":"s"}},{"p":{"weightedTraefikServiceName":"s"},"r":["weightedTraefikServiceName"]},{"p":{"apiVersion":"s","kind":"s","name":"s","scaleDown":"s"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["Workflow"]},"metadata":1,"spec":363,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowArtifactGCTask"]},"metadata":1,"spec":489,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"artifactsByNode":{"m":490}}},{"p":{"archiveLocation":408,"artifacts":{"m":365}}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowEventBinding"]},"metadata":1,"spec":492},"r":["apiVersion","kind","metadata","spec"]},{"p":{"event":493,"submit":494},"r":["event"]},{"p":{"selector":"s"},"r":["selector"]},{"p":{"arguments":364,"metadata":1,"workflowTemplateRef":435},"r":["workflowTemplateRef"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowTaskResult"]},"metadata":1,"message":"s","outputs":426,"phase":"s","progress":"s"},"r":["apiVersion","kind","metadata"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowTaskSet"]},"metadata":1,"spec":497,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"tasks":{"m":407}}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowTemplate"]},"metadata":1,"spec":363},"r":["apiVersion","kind","metadata","spec"]},{"p":{"apiVersion":{"e":["authentication.k8s.io/v1"]},"kind":{"e":["SelfSubjectReview"]},"metadata":1,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["authentication.k8s.io/v1"]},"kind":{"e":["TokenRequest"]},"metadata":1,"spec":501,"status":"*"},"r":["apiVersion","kind"]},{"p":{"audiences":{"a":"s"},"boundObjectRef":502,"expirationSeconds":"n"}},{"p":{"apiVersion":"s","kind":"s","name":"s","uid":"s"}},{"p":{"apiVersion":{"e":["authentication.k8s.io/v1"]},"kind":{"e":["TokenReview"]},"metadata":1,"spec":504,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"audiences":{"a":"s"},"token":"s"},"r":["token"]},{"p":{"apiVersion":{"e":["authentication.k8s.io/v1beta1"]},"kind":{"e":["TokenReview"]},"metadata":1,"spec":506,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"audiences":{"a":"s"},"token":"s"}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1"]},"kind":{"e":["LocalSubjectAccessReview"]},"metadata":1,"spec":508,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"extra":{"m":{"a":"s"}},"groups":{"a":"s"},"nonResourceAttributes":509,"resourceAttributes":510,"uid":"s","user":"s"}},{"p":{"path":"s","verb":"s"}},{"p":{"fieldSelector":511,"group":"s","labelSelector":511,"name":"s","namespace":"s","resource":"s","subresource":"s","verb":"s","version":"s"}},{"p":{"rawSelector":"s","requirements":{"a":38}}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1"]},"kind":{"e":["SelfSubjectAccessReview"]},"metadata":1,"spec":513,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"nonResourceAttributes":509,"resourceAttributes":510}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1"]},"kind":{"e":["SelfSubjectRulesReview"]},"metadata":1,"spec":515,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"namespace":"s"}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1"]},"kind":{"e":["SubjectAccessReview"]},"metadata":1,"spec":508,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1beta1"]},"kind":{"e":["LocalSubjectAccessReview"]},"metadata":1,"spec":518,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"extra":{"m":{"a":"s"}},"group":{"a":"s"},"nonResourceAttributes":509,"resourceAttributes":519,"uid":"s","user":"s"}},{"p":{"group":"s","name":"s","namespace":"s","resource":"s","subresource":"s","verb":"s","version":"s"}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1beta1"]},"kind":{"e":["SelfSubjectAccessReview"]},"metadata":1,"spec":521,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"nonResourceAttributes":509,"resourceAttributes":519}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1beta1"]},"kind":{"e":["SelfSubjectRulesReview"]},"metadata":1,"spec":515,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1beta1"]},"kind":{"e":["SubjectAccessReview"]},"metadata":1,"spec":518,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["autoscaling/v1"]},"kind":{"e":["HorizontalPodAutoscaler"]},"metadata":1,"spec":525,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"maxReplicas":"n","minReplicas":"n","scaleTargetRef":526,"targetCPUUtilizationPercentage":"n"},"r":["maxReplicas","scaleTargetRef"]},{"p":{"apiVersion":"s","kind":"s","name":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["autoscaling/v1"]},"kind":{"e":["Scale"]},"metadata":1,"spec":215,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["autoscaling/v2"]},"kind":{"e":["HorizontalPodAutoscaler"]},"metadata":1,"spec":529,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"behavior":530,"maxReplicas":"n","metrics":{"a":533},"minReplicas":"n","scaleTargetRef":526},"r":["maxReplicas","scaleTargetRef"]},{"p":{"scaleDown":531,"scaleUp":531}},{"p":{"policies":{"a":532},"selectPolicy":"s","stabilizationWindowSeconds":"n","tolerance":"x"}},{"p":{"periodSeconds":"n","type":"s","value":"n"},"r":["periodSeconds","type","value"]},{"p":{"containerResource":534,"external":536,"object":538,"pods":536,"resource":539,"type":"s"},"r":["type"]},{"p":{"container":"s","name":"s","target":535},"r":["container","name","target"]},{"p":{"averageUtilization":"n","averageValue":"x","type":"s","value":"x"},"r":["type"]},{"p":{"metric":537,"target":535},"r":["metric","target"]},{"p":{"name":"s","selector":37},"r":["name"]},{"p":{"describedObject":526,"metric":537,"target":535},"r":["describedObject","metric","target"]},{"p":{"name":"s","target":535},"r":["name","target"]},{"p":{"apiVersion":{"e":["autoscaling/v2beta1"]},"kind":{"e":["HorizontalPodAutoscaler"]},"metadata":1,"spec":541,"status":"*"},"r":["apiVersion","kind"]},{"p":{"maxReplicas":"n","metrics":{"a":542},"minReplicas":"n","scaleTargetRef":526},"r":["maxReplicas","scaleTargetRef"]},{"p":{"containerResource":543,"external":544,"object":545,"pods":546,"resource":547,"type":"s"},"r":["type"]},{"p":{"container":"s","name":"s","targetAverageUtilization":"n","targetAverageValue":"x"},"r":["container","name"]},{"p":{"metricName":"s","metricSelector":37,"targetAverageValue":"x","targetValue":"x"},"r":["metricName"]},{"p":{"averageValue":"x","metricName":"s","selector":37,"target":526,"targetValue":"x"},"r":["metricName","target","targetValue"]},{"p":{"metricName":"s","selector":37,"targetAverageValue":"x"},"r":["metricName","targetAverageValue"]},{"p":{"name":"s","targetAverageUtilization":"n","targetAverageValue":"x"},"r":["name"]},{"p":{"apiVersion":{"e":["autoscaling/v2beta2"]},"kind":{"e":["HorizontalPodAutoscaler"]},"metadata":1,"spec":549,"status":"*"},"r":["apiVersion","kind"]},{"p":{"behavior":550,"maxReplicas":"n","metrics":{"a":533},"minReplicas":"n","scaleTargetRef":526},"r":["maxReplicas","scaleTargetRef"]},{"p":{"scaleDown":551,"scaleUp":551}},{"p":{"policies":{"a":532},"selectPolicy":"s","stabilizationWindowSeconds":"n"}},{"p":{"apiVersion":{"e":["awspca.cert-manager.io/v1beta1"]},"kind":{"e":["AWSPCAClusterIssuer"]},"metadata":1,"spec":553,"status":"*"},"r":["apiVersion","kind"]},{"p":{"arn":"s","region":"s","role":"s","secretRef":554}},{"p":{"accessKeyIDSelector":113,"secretAccessKeySelector":113,"name":"s","namespace":"s"}},{"p":{"apiVersion":{"e":["awspca.cert-manager.io/v1beta1"]},"kind":{"e":["AWSPCAIssuer"]},"metadata":1,"spec":553,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["batch/v1"]},"kind":{"e":["CronJob"]},"metadata":1,"spec":557,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"concurrencyPolicy":{"e":["Allow","Forbid","Replace"]},"failedJobsHistoryLimit":"n","jobTemplate":558,"schedule":"s","startingDeadlineSeconds":"n","successfulJobsHistoryLimit":"n","suspend":"b","timeZone":"s"},"r":["jobTemplate","schedule"]},{"p":{"metadata":1,"spec":251}},{"p":{"apiVersion":{"e":["batch/v1"]},"kind":{"e":["Job"]},"metadata":1,"spec":251,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["batch/v1beta1"]},"kind":{"e":["CronJob"]},"metadata":1,"spec":561,"status":"*"},"r":["apiVersion","kind"]},{"p":{"concurrencyPolicy":"s","failedJobsHistoryLimit":"n","jobTemplate":558,"schedule":"s","startingDeadlineSeconds":"n","successfulJobsHistoryLimit":"n","suspend":"b","timeZone":"s"},"r":["jobTemplate","schedule"]},{"p":{"apiVersion":{"e":["bitnami.com/v1alpha1"]},"kind":{"e":["SealedSecret"]},"metadata":1,"spec":563,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"data":"s","encryptedData":{"m":"s"},"template":564},"r":["encryptedData"]},{"p":{"data":{"m":"s"},"immutable":"b","metadata":1,"type":"s"}},{"p":{"apiVersion":{"e":["cert-manager.io/v1"]},"kind":{"e":["Certificate"]},"metadata":1,"spec":566,"status":"*"},"r":["apiVersion","kind"]},{"p":{"additionalOutputFormats":{"a":567},"commonName":"s","dnsNames":{"a":"s"},"duration":"s","emailAddresses":{"a":"s"},"encodeUsagesInRequest":"b","ipAddresses":{"a":"s"},"isCA":"b","issuerRef":5,"keystores":568,"literalSubject":"s","nameConstraints":571,"otherNames":{"a":573},"privateKey":574,"renewBefore":"s","renewBeforePercentage":"n","revisionHistoryLimit":"n","secretName":"s","secretTemplate":26,"signatureAlgorithm":{"e":["ECDSAWithSHA256","ECDSAWithSHA384","ECDSAWithSHA512","PureEd25519","SHA256WithRSA","SHA384WithRSA","SHA512WithRSA"]},"subject":575,"uris":{"a":"s"},"usages":{"a":{"e":["any","cert sign","client auth","code signing","content commitment","crl sign","data encipherment","decipher only","digital signature","email protection","encipher only","ipsec end system","ipsec tunnel","ipsec user","key agreement","key encipherment","microsoft sgc","netscape sgc","ocsp signing","s/mime","server auth","signing","timestamping"]}}},"r":["issuerRef","secretName"]},{"p":{"type":{"e":["CombinedPEM","DER"]}},"r":["type"]},{"p":{"jks":569,"pkcs12":570}},{"p":{"alias":"s","create":"b","password":"s","passwordSecretRef":9},"r":["create"]},{"p":{"create":"b","password":"s","passwordSecretRef":9,"profile":{"e":["LegacyDES","LegacyRC2","Modern2023"]}},"r":["create"]},{"p":{"critical":"b","excluded":572,"permitted":572}},{"p":{"dnsDomains":{"a":"s"},"emailAddresses":{"a":"s"},"ipRanges":{"a":"s"},"uriDomains":{"a":"s"}}},{"p":{"oid":"s","utf8Value":"s"}},{"p":{"algorithm":{"e":["ECDSA","Ed25519","RSA"]},"encoding":{"e":["PKCS1","PKCS8"]},"rotationPolicy":{"e":["Always","Never"]},"size":"n"}},{"p":{"countries":{"a":"s"},"localities":{"a":"s"},"organizationalUnits":{"a":"s"},"organizations":{"a":"s"},"postalCodes":{"a":"s"},"provinces":{"a":"s"},"serialNumber":"s","streetAddresses":{"a":"s"}}},{"p":{"apiVersion":{"e":["cert-manager.io/v1"]},"kind":{"e":["CertificateRequest"]},"metadata":1,"spec":577,"status":"*"},"r":["apiVersion","kind"]},{"p":{"duration":"s","extra":{"m":{"a":"s"}},"groups":{"a":"s"},"isCA":"b","issuerRef":5,"request":"s","uid":"s","usages":{"a":{"e":["any","cert sign","client auth","code signing","content commitment","crl sign","data encipherment","decipher only","digital signature","email protection","encipher only","ipsec end system","ipsec tunnel","ipsec user","key agreement","key encipherment","microsoft sgc","netscape sgc","ocsp signing","s/mime","server auth","signing","timestamping"]}},"username":"s"},"r":["issuerRef","request"]},{"p":{"apiVersion":{"e":["cert-manager.io/v1"]},"kind":{"e":["ClusterIssuer"]},"metadata":1,"spec":579,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"acme":580,"ca":582,"selfSigned":583,"vault":584,"venafi":589}},{"p":{"caBundle":"s","disableAccountKeyGeneration":"b","email":"s","enableDurationFeature":"b","externalAccountBinding":581,"preferredChain":"s","privateKeySecretRef":9,"profile":"s","server":"s","skipTLSVerify":"b","solvers":{"a":6}},"r":["privateKeySecretRef","server"]},{"p":{"keyAlgorithm":{"e":["HS256","HS384","HS512"]},"keyID":"s","keySecretRef":9},"r":["keyID","keySecretRef"]},{"p":{"crlDistributionPoints":{"a":"s"},"issuingCertificateURLs":{"a":"s"},"ocspServers":{"a":"s"},"secretName":"s"},"r":["secretName"]},{"p":{"crlDistributionPoints":{"a":"s"}}},{"p":{"auth":585,"caBundle":"s","caBundleSecretRef":9,"clientCertSecretRef":9,"clientKeySecretRef":9,"namespace":"s","path":"s","server":"s","serverName":"s"},"r":["auth","path","server"]},{"p":{"appRole":586,"clientCertificate":587,"kubernetes":588,"tokenSecretRef":9}},{"p":{"path":"s","roleId":"s","secretRef":9},"r":["path","roleId","secretRef"]},{"p":{"mountPath":"s","name":"s","secretName":"s"}},{"p":{"mountPath":"s","role":"s","secretRef":9,"serviceAccountRef":20},"r":["role"]},{"p":{"cloud":590,"tpp":591,"zone":"s"},"r":["zone"]},{"p":{"apiTokenSecretRef":9,"url":"s"},"r":["apiTokenSecretRef"]},{"p":{"caBundle":"s","caBundleSecretRef":9,"credentialsRef":142,"url":"s"},"r":["credentialsRef","url"]},{"p":{"apiVersion":{"e":["cert-manager.io/v1"]},"kind":{"e":["Issuer"]},"metadata":1,"spec":579,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["certificates.k8s.io/v1"]},"kind":{"e":["CertificateSigningRequest"]},"metadata":1,"spec":594,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"expirationSeconds":"n","extra":{"m":{"a":"s"}},"groups":{"a":"s"},"request":"s","signerName":"s","uid":"s","usages":{"a":{"e":["any","cert sign","client auth","code signing","content commitment","crl sign","data encipherment","decipher only","digital signature","email protection","encipher only","ipsec end system","ipsec tunnel","ipsec user","key agreement","key encipherment","microsoft sgc","netscape sgc","ocsp signing","s/mime","server auth","signing","timestamping"]}},"username":"s"},"r":["request","signerName"]},{"p":{"apiVersion":{"e":["certificates.k8s.io/v1beta1"]},"kind":{"e":["CertificateSigningRequest"]},"metadata":1,"spec":596,"status":"*"},"r":["apiVersion","kind"]},{"p":{"extra":{"m":{"a":"s"}},"groups":{"a":"s"},"request":"s","signerName":"s","uid":"s","usages":{"a":"s"},"username":"s"},"r":["request"]},{"p":{"apiVersion":{"e":["coordination.k8s.io/v1"]},"kind":{"e":["Lease"]},"metadata":1,"spec":598},"r":["apiVersion","kind"]},{"p":{"acquireTime":"s","holderIdentity":"s","leaseDurationSeconds":"n","leaseTransitions":"n","preferredHolder":"s","renewTime":"s","strategy":"s"}},{"p":{"apiVersion":{"e":["coordination.k8s.io/v1beta1"]},"kind":{"e":["Lease"]},"metadata":1,"spec":600},"r":["apiVersion","kind"]},{"p":{"acquireTime":"s","holderIdentity":"s","leaseDurationSeconds":"n","leaseTransitions":"n","renewTime":"s"}},{"p":{"addressType":{"e":["FQDN","IPv4","IPv6"]},"apiVersion":{"e":["discovery.k8s.io/v1"]},"endpoints":{"a":602},"kind":{"e":["EndpointSlice"]},"metadata":1,"ports":{"a":606}},"r":["addressType","apiVersion","kind"]},{"p":{"addresses":{"a":"s"},"conditions":603,"deprecatedTopology":{"m":"s"},"hints":604,"hostname":"s","nodeName":"s","targetRef":605,"zone":"s"},"r":["addresses"]},{"p":{"ready":"b","serving":"b","terminating":"b"}},{"p":{"forNodes":{"a":142},"forZones":{"a":142}}},{"p":{"apiVersion":"s","fieldPath":"s","kind":"s","name":"s","namespace":"s","resourceVersion":"s","uid":"s"}},{"p":{"appProtocol":"s","name":"s","port":"n","protocol":{"e":["SCTP","TCP","UDP"]}}},{"p":{"addressType":"s","apiVersion":{"e":["discovery.k8s.io/v1beta1"]},"endpoints":{"a":608},"kind":{"e":["EndpointSlice"]},"metadata":1,"ports":{"a":610}},"r":["addressType","apiVersion","endpoints","kind"]},{"p":{"addresses":{"a":"s"},"conditions":603,"hints":609,"hostname":"s","nodeName":"s","targetRef":605,"topology":{"m":"s"}},"r":["addresses"]},{"p":{"forZones":{"a":142}}},{"p":{"appProtocol":"s","name":"s","port":"n","protocol":"s"}},{"p":{"apiVersion":{"e":["eventing.keda.sh/v1alpha1"]},"kind":{"e":["CloudEventSource"]},"metadata":1,"spec":612,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"authenticationRef":613,"clusterName":"s","destination":614,"eventSubscription":617},"r":["destination"]},{"p":{"kind":"s","name":"s"},"r":["name"]},{"p":{"azureEventGridTopic":615,"http":616}},{"p":{"endpoint":"s"},"r":["endpoint"]},{"p":{"uri":"s"},"r":["uri"]},{"p":{"excludedEventTypes":{"a":{"e":["keda.authentication.clustertriggerauthentication.created.v1","keda.authentication.clustertriggerauthentication.removed.v1","keda.authentication.clustertriggerauthentication.updated.v1","keda.authentication.triggerauthentication.created.v1","keda.authentication.triggerauthentication.removed.v1","keda.authentication.triggerauthentication.updated.v1","keda.scaledjob.failed.v1","keda.scaledjob.paused.v1","keda.scaledjob.ready.v1","keda.scaledjob.removed.v1","keda.scaledjob.rolloutcleanup.completed.v1","keda.scaledjob.rolloutcleanup.failed.v1","keda.scaledjob.rolloutcleanup.started.v1","keda.scaledjob.unpaused.v1","keda.scaledobject.failed.v1","keda.scaledobject.paused.v1","keda.scaledobject.ready.v1","keda.scaledobject.removed.v1","keda.scaledobject.unpaused.v1"]}},"includedEventTypes":{"a":{"e":["keda.authentication.clustertriggerauthentication.created.v1","keda.authentication.clustertriggerauthentication.removed.v1","keda.authentication.clustertriggerauthentication.updated.v1","keda.authentication.triggerauthentication.created.v1","keda.authentication.triggerauthentication.removed.v1","keda.authentication.triggerauthentication.updated.v1","keda.scaledjob.failed.v1","keda.scaledjob.paused.v1","keda.scaledjob.ready.v1","keda.scaledjob.removed.v1","keda.scaledjob.rolloutcleanup.completed.v1","keda.scaledjob.rolloutcleanup.failed.v1","keda.scaledjob.rolloutcleanup.started.v1","keda.scaledjob.unpaused.v1","keda.scaledobject.failed.v1","keda.scaledobject.paused.v1","keda.scaledobject.ready.v1","keda.scaledobject.removed.v1","keda.scaledobject.unpaused.v1"]}}}},{"p":{"apiVersion":{"e":["eventing.keda.sh/v1alpha1"]},"kind":{"e":["ClusterCloudEventSource"]},"metadata":1,"spec":612,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1"]},"kind":{"e":["Broker"]},"metadata":1,"spec":620,"status":"*"},"r":["apiVersion","kind"]},{"p":{"config":621,"delivery":622}},{"p":{"address":"s","apiVersion":"s","group":"s","kind":"s","name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"backoffDelay":"s","backoffPolicy":"s","deadLetterSink":623,"format":"s","retry":"n","retryAfterMax":"s","timeout":"s"}},{"p":{"CACerts":"s","audience":"s","ref":621,"uri":"s"}},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1"]},"kind":{"e":["Trigger"]},"metadata":1,"spec":625,"status":"*"},"r":["apiVersion","kind"]},{"p":{"broker":"s","brokerRef":621,"delivery":622,"filter":626,"filters":{"a":627},"subscriber":623},"r":["subscriber"]},{"p":{"attributes":{"m":"s"}}},{"p":{"all":{"a":627},"any":{"a":627},"cesql":"s","exact":{"m":"s"},"not":627,"prefix":{"m":"s"},"suffix":{"m":"s"}}},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1alpha1"]},"kind":{"e":["EventPolicy"]},"metadata":1,"spec":629,"status":"*"},"r":["apiVersion","kind"]},{"p":{"filters":{"a":627},"from":{"a":630},"to":{"a":632}}},{"p":{"ref":631,"sub":"s"}},{"p":{"apiVersion":"s","kind":"s","name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"ref":526,"selector":633}},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1alpha1"]},"kind":{"e":["EventPolicySelector"]},"matchExpressions":{"a":38},"matchLabels":{"m":"s"}},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1alpha1"]},"kind":{"e":["EventTransform"]},"metadata":1,"spec":635,"status":"*"},"r":["apiVersion","kind"]},{"p":{"reply":636,"sink":623,"jsonata":57}},{"p":{"discard":"b","jsonata":57}},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1alpha1"]},"kind":{"e":["RequestReply"]},"metadata":1,"spec":638,"status":"*"},"r":["apiVersion","kind"]},{"p":{"brokerRef":621,"correlationAttribute":"s","delivery":622,"replyAttribute":"s","timeout":"s"},"r":["brokerRef","correlationAttribute","replyAttribute"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1beta1"]},"kind":{"e":["EventType"]},"metadata":1,"spec":640,"status":"*"},"r":["apiVersion","kind"]},{"p":{"broker":"s","description":"s","reference":621,"schema":"s","schemaData":"s","source":"s","type":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1beta2"]},"kind":{"e":["EventType"]},"metadata":1,"spec":640,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1beta3"]},"kind":{"e":["EventType"]},"metadata":1,"spec":643,"status":"*"},"r":["apiVersion","kind"]},{"p":{"attributes":{"a":644},"description":"s","reference":621},"r":["attributes"]},{"p":{"name":"s","required":"b","value":"s"},"r":["name","required"]},{"p":{"action":"s","apiVersion":{"e":["events.k8s.io/v1"]},"deprecatedCount":"n","deprecatedFirstTimestamp":"s","deprecatedLastTimestamp":"s","deprecatedSource":646,"eventTime":"s","kind":{"e":["Event"]},"metadata":1,"note":"s","reason":"s","regarding":605,"related":605,"reportingController":"s","reportingInstance":"s","series":647,"type":"s"},"r":["apiVersion","eventTime","kind"]},{"p":{"component":"s","host":"s"}},{"p":{"count":"n","lastObservedTime":"s"},"r":["count","lastObservedTime"]},{"p":{"action":"s","apiVersion":{"e":["events.k8s.io/v1beta1"]},"deprecatedCount":"n","deprecatedFirstTimestamp":"s","deprecatedLastTimestamp":"s","deprecatedSource":646,"eventTime":"s","kind":{"e":["Event"]},"metadata":1,"note":"s","reason":"s","regarding":605,"related":605,"reportingController":"s","reportingInstance":"s","series":647,"type":"s"},"r":["apiVersion","eventTime","kind"]},{"p":{"spec":650,"status":"*","apiVersion":{"e":["extensions.istio.io/v1alpha1"]},"kind":{"e":["WasmPlugin"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"failStrategy":{"e":["FAIL_CLOSE","FAIL_OPEN","FAIL_RELOAD"]},"imagePullPolicy":{"e":["Always","IfNotPresent","UNSPECIFIED_POLICY"]},"imagePullSecret":"s","match":{"a":651},"phase":{"e":["AUTHN","AUTHZ","STATS","UNSPECIFIED_PHASE"]},"pluginConfig":"*","pluginName":"s","priority":"n","selector":653,"sha256":"s","targetRef":281,"targetRefs":{"a":281},"type":{"e":["HTTP","NETWORK","UNSPECIFIED_PLUGIN_TYPE"]},"url":"s","verificationKey":"s","vmConfig":654},"r":["url"]},{"p":{"mode":{"e":["CLIENT","CLIENT_AND_SERVER","SERVER","UNDEFINED"]},"ports":{"a":652}}},{"p":{"number":"n"},"r":["number"]},{"p":{"matchLabels":{"m":"s"}}},{"p":{"env":{"a":655}}},{"p":{"name":"s","value":"s","valueFrom":{"e":["HOST","INLINE"]}},"r":["name"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["DaemonSet"]},"metadata":1,"spec":657,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","revisionHistoryLimit":"n","selector":37,"template":108,"templateGeneration":"n","updateStrategy":224},"r":["template"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["Deployment"]},"metadata":1,"spec":210,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["DeploymentRollback"]},"name":"s","rollbackTo":211,"updatedAnnotations":{"m":"s"}},"r":["apiVersion","kind","name","rollbackTo"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["Ingress"]},"metadata":1,"spec":661,"status":"*"},"r":["apiVersion","kind"]},{"p":{"backend":662,"ingressClassName":"s","rules":{"a":663},"tls":{"a":666}}},{"p":{"resource":163,"serviceName":"s","servicePort":"x"}},{"p":{"host":"s","http":664}},{"p":{"paths":{"a":665}},"r":["paths"]},{"p":{"backend":662,"path":"s","pathType":"s"},"r":["backend"]},{"p":{"hosts":{"a":"s"},"secretName":"s"}},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["NetworkPolicy"]},"metadata":1,"spec":668},"r":["apiVersion","kind"]},{"p":{"egress":{"a":669},"ingress":{"a":673},"podSelector":37,"policyTypes":{"a":"s"}},"r":["podSelector"]},{"p":{"ports":{"a":670},"to":{"a":671}}},{"p":{"port":"x","protocol":"s"}},{"p":{"ipBlock":672,"namespaceSelector":37,"podSelector":37}},{"p":{"cidr":"s","except":{"a":"s"}},"r":["cidr"]},{"p":{"from":{"a":671},"ports":{"a":670}}},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["PodSecurityPolicy"]},"metadata":1,"spec":675},"r":["apiVersion","kind"]},{"p":{"allowPrivilegeEscalation":"b","allowedCSIDrivers":{"a":142},"allowedCapabilities":{"a":"s"},"allowedFlexVolumes":{"a":676},"allowedHostPaths":{"a":677},"allowedProcMountTypes":{"a":"s"},"allowedUnsafeSysctls":{"a":"s"},"defaultAddCapabilities":{"a":"s"},"defaultAllowPrivilegeEscalation":"b","forbiddenSysctls":{"a":"s"},"fsGroup":678,"hostIPC":"b","hostNetwork":"b","hostPID":"b","hostPorts":{"a":679},"privileged":"b","readOnlyRootFilesystem":"b","requiredDropCapabilities":{"a":"s"},"runAsGroup":680,"runAsUser":680,"runtimeClass":681,"seLinux":682,"supplementalGroups":678,"volumes":{"a":"s"}},"r":["fsGroup","runAsUser","seLinux","supplementalGroups"]},{"p":{"driver":"s"},"r":["driver"]},{"p":{"pathPrefix":"s","readOnly":"b"}},{"p":{"ranges":{"a":679},"rule":"s"}},{"p":{"max":"n","min":"n"},"r":["max","min"]},{"p":{"ranges":{"a":679},"rule":"s"},"r":["rule"]},{"p":{"allowedRuntimeClassNames":{"a":"s"},"defaultRuntimeClassName":"s"},"r":["allowedRuntimeClassNames"]},{"p":{"rule":"s","seLinuxOptions":42},"r":["rule"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["ReplicaSet"]},"metadata":1,"spec":684,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","replicas":"n","selector":37,"template":108}},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["Scale"]},"metadata":1,"spec":215,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1"]},"kind":{"e":["ClusterExternalSecret"]},"metadata":1,"spec":687,"status":"*"},"r":["apiVersion","kind"]},{"p":{"externalSecretMetadata":26,"externalSecretName":"s","externalSecretSpec":688,"namespaceSelector":37,"namespaceSelectors":{"a":37},"namespaces":{"a":"s"},"refreshTime":"s"},"r":["externalSecretSpec"]},{"p":{"data":{"a":689},"dataFrom":{"a":694},"refreshInterval":"s","refreshPolicy":{"e":["CreatedOnce","OnChange","Periodic"]},"secretStoreRef":693,"target":700}},{"p":{"remoteRef":690,"secretKey":"s","sourceRef":691},"r":["remoteRef","secretKey"]},{"p":{"conversionStrategy":{"e":["Default","Unicode"]},"decodingStrategy":{"e":["Auto","Base64","Base64URL","None"]},"key":"s","metadataPolicy":{"e":["Fetch","None"]},"property":"s","version":"s"},"r":["key"]},{"p":{"generatorRef":692,"storeRef":693}},{"p":{"apiVersion":"s","kind":{"e":["ACRAccessToken","ClusterGenerator","ECRAuthorizationToken","Fake","GCRAccessToken","GithubAccessToken","Grafana","Password","QuayAccessToken","STSSessionToken","UUID","VaultDynamicSecret","Webhook"]},"name":"s"},"r":["kind","name"]},{"p":{"kind":{"e":["ClusterSecretStore","SecretStore"]},"name":"s"}},{"p":{"extract":690,"find":695,"rewrite":{"a":697},"sourceRef":691}},{"p":{"conversionStrategy":{"e":["Default","Unicode"]},"decodingStrategy":{"e":["Auto","Base64","Base64URL","None"]},"name":696,"path":"s","tags":{"m":"s"}}},{"p":{"regexp":"s"}},{"p":{"regexp":698,"transform":699}},{"p":{"source":"s","target":"s"},"r":["source","target"]},{"p":{"template":"s"},"r":["template"]},{"p":{"creationPolicy":{"e":["Merge","None","Orphan","Owner"]},"deletionPolicy":{"e":["Delete","Merge","Retain"]},"immutable":"b","name":"s","template":701}},{"p":{"data":{"m":"s"},"engineVersion":{"e":["v2"]},"mergePolicy":{"e":["Merge","Replace"]},"metadata":26,"templateFrom":{"a":702},"type":"s"}},{"p":{"configMap":703,"literal":"s","secret":703,"target":{"e":["Annotations","Data","Labels"]}}},{"p":{"items":{"a":704},"name":"s"},"r":["items","name"]},{"p":{"key":"s","templateAs":{"e":["KeysAndValues","Values"]}},"r":["key"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1"]},"kind":{"e":["ClusterSecretStore"]},"metadata":1,"spec":706,"status":"*"},"r":["apiVersion","kind"]},{"p":{"conditions":{"a":707},"controller":"s","provider":708,"refreshInterval":"n","retrySettings":814},"r":["provider"]},{"p":{"namespaceRegexes":{"a":"s"},"namespaceSelector":37,"namespaces":{"a":"s"}}},{"p":{"akeyless":709,"alibaba":716,"aws":720,"azurekv":725,"beyondtrust":727,"bitwardensecretsmanager":731,"chef":734,"cloudrusm":737,"conjur":739,"delinea":743,"device42":744,"doppler":747,"fake":750,"fortanix":752,"gcpsm":754,"github":758,"gitlab":760,"ibm":763,"infisical":767,"keepersecurity":771,"kubernetes":772,"onboardbase":777,"onepassword":779,"oracle":782,"passbolt":785,"passworddepot":787,"previder":788,"pulumi":791,"scaleway":792,"secretserver":793,"senhasegura":794,"vault":796,"webhook":806,"yandexcertificatemanager":811,"yandexlockbox":811}},{"p":{"akeylessGWApiURL":"s","authSecretRef":710,"caBundle":"s","caProvider":715},"r":["akeylessGWApiURL","authSecretRef"]},{"p":{"kubernetesAuth":711,"secretRef":714}},{"p":{"accessID":"s","k8sConfName":"s","secretRef":712,"serviceAccountRef":713},"r":["accessID","k8sConfName"]},{"p":{"key":"s","name":"s","namespace":"s"}},{"p":{"audiences":{"a":"s"},"name":"s","namespace":"s"},"r":["name"]},{"p":{"accessID":712,"accessType":712,"accessTypeParam":712}},{"p":{"key":"s","name":"s","namespace":"s","type":"s"},"r":["name","type"]},{"p":{"auth":717,"regionID":"s"},"r":["auth","regionID"]},{"p":{"rrsa":718,"secretRef":719}},{"p":{"oidcProviderArn":"s","oidcTokenFilePath":"s","roleArn":"s","sessionName":"s"},"r":["oidcProviderArn","oidcTokenFilePath","roleArn","sessionName"]},{"p":{"accessKeyIDSecretRef":712,"accessKeySecretSecretRef":712},"r":["accessKeyIDSecretRef","accessKeySecretSecretRef"]},{"p":{"additionalRoles":{"a":"s"},"auth":721,"externalID":"s","prefix":"s","region":"s","role":"s","secretsManager":724,"service":{"e":["ParameterStore","SecretsManager"]},"sessionTags":{"a":267},"transitiveTagKeys":{"a":"s"}},"r":["region","service"]},{"p":{"jwt":722,"secretRef":723}},{"p":{"serviceAccountRef":713}},{"p":{"accessKeyIDSecretRef":712,"secretAccessKeySecretRef":712,"sessionTokenSecretRef":712}},{"p":{"forceDeleteWithoutRecovery":"b","recoveryWindowInDays":"n"}},{"p":{"authSecretRef":726,"authType":{"e":["ManagedIdentity","ServicePrincipal","WorkloadIdentity"]},"environmentType":{"e":["ChinaCloud","GermanCloud","PublicCloud","USGovernmentCloud"]},"identityId":"s","serviceAccountRef":713,"tenantId":"s","vaultUrl":"s"},"r":["vaultUrl"]},{"p":{"clientCertificate":712,"clientId":712,"clientSecret":712,"tenantId":712}},{"p":{"auth":728,"server":730},"r":["auth","server"]},{"p":{"apiKey":729,"certificate":729,"certificateKey":729,"clientId":729,"clientSecret":729}},{"p":{"secretRef":712,"value":"s"}},{"p":{"apiUrl":"s","apiVersion":"s","clientTimeOutSeconds":"n","retrievalType":"s","separator":"s","verifyCA":"b"},"r":["apiUrl","verifyCA"]},{"p":{"apiURL":"s","auth":732,"bitwardenServerSDKURL":"s","caBundle":"s","caProvider":715,"identityURL":"s","organizationID":"s","projectID":"s"},"r":["auth","organizationID","projectID"]},{"p":{"secretRef":733},"r":["secretRef"]},{"p":{"credentials":712},"r":["credentials"]},{"p":{"auth":735,"serverUrl":"s","username":"s"},"r":["auth","serverUrl","username"]},{"p":{"secretRef":736},"r":["secretRef"]},{"p":{"privateKeySecretRef":712},"r":["privateKeySecretRef"]},{"p":{"auth":738,"projectID":"s"},"r":["auth"]},{"p":{"secretRef":719}},{"p":{"auth":740,"caBundle":"s","caProvider":715,"url":"s"},"r":["auth","url"]},{"p":{"apikey":741,"jwt":742}},{"p":{"account":"s","apiKeyRef":712,"userRef":712},"r":["account","apiKeyRef","userRef"]},{"p":{"account":"s","hostId":"s","secretRef":712,"serviceAccountRef":713,"serviceID":"s"},"r":["account","serviceID"]},{"p":{"clientId":729,"clientSecret":729,"tenant":"s","tld":"s","urlTemplate":"s"},"r":["clientId","clientSecret","tenant"]},{"p":{"auth":745,"host":"s"},"r":["auth","host"]},{"p":{"secretRef":746},"r":["secretRef"]},{"p":{"credentials":712}},{"p":{"auth":748,"config":"s","format":{"e":["docker","dotnet-json","env","json","yaml"]},"nameTransformer":{"e":["camel","dotnet-env","lower-kebab","lower-snake","tf-var","upper-camel"]},"project":"s"},"r":["auth"]},{"p":{"secretRef":749},"r":["secretRef"]},{"p":{"dopplerToken":712},"r":["dopplerToken"]},{"p":{"data":{"a":751}},"r":["data"]},{"p":{"key":"s","value":"s","version":"s"},"r":["key","value"]},{"p":{"apiKey":753,"apiUrl":"s"}},{"p":{"secretRef":712}},{"p":{"auth":755,"location":"s","projectID":"s"}},{"p":{"secretRef":756,"workloadIdentity":757}},{"p":{"secretAccessKeySecretRef":712}},{"p":{"clusterLocation":"s","clusterName":"s","clusterProjectID":"s","serviceAccountRef":713},"r":["serviceAccountRef"]},{"p":{"appID":"n","auth":759,"environment":"s","installationID":"n","organization":"s","repository":"s","uploadURL":"s","url":"s"},"r":["appID","auth","installationID","organization"]},{"p":{"privateKey":712},"r":["privateKey"]},{"p":{"auth":761,"environment":"s","groupIDs":{"a":"s"},"inheritFromGroups":"b","projectID":"s","url":"s"},"r":["auth"]},{"p":{"SecretRef":762},"r":["SecretRef"]},{"p":{"accessToken":712}},{"p":{"auth":764,"serviceUrl":"s"},"r":["auth"]},{"p":{"containerAuth":765,"secretRef":766}},{"p":{"iamEndpoint":"s","profile":"s","tokenLocation":"s"},"r":["profile"]},{"p":{"secretApiKeySecretRef":712}},{"p":{"auth":768,"hostAPI":"s","secretsScope":770},"r":["auth","secretsScope"]},{"p":{"universalAuthCredentials":769}},{"p":{"clientId":712,"clientSecret":712},"r":["clientId","clientSecret"]},{"p":{"environmentSlug":"s","expandSecretReferences":"b","projectSlug":"s","recursive":"b","secretsPath":"s"},"r":["environmentSlug","projectSlug"]},{"p":{"authRef":712,"folderID":"s"},"r":["authRef","folderID"]},{"p":{"auth":773,"authRef":712,"remoteNamespace":"s","server":776}},{"p":{"cert":774,"serviceAccount":713,"token":775}},{"p":{"clientCert":712,"clientKey":712}},{"p":{"bearerToken":712}},{"p":{"caBundle":"s","caProvider":715,"url":"s"}},{"p":{"apiHost":"s","auth":778,"environment":"s","project":"s"},"r":["apiHost","auth","environment","project"]},{"p":{"apiKeyRef":712,"passcodeRef":712},"r":["apiKeyRef","passcodeRef"]},{"p":{"auth":780,"connectHost":"s","vaults":{"m":"n"}},"r":["auth","connectHost","vaults"]},{"p":{"secretRef":781},"r":["secretRef"]},{"p":{"connectTokenSecretRef":712},"r":["connectTokenSecretRef"]},{"p":{"auth":783,"compartment":"s","encryptionKey":"s","principalType":{"e":["","InstancePrincipal","UserPrincipal","Workload"]},"region":"s","serviceAccountRef":713,"vault":"s"},"r":["region","vault"]},{"p":{"secretRef":784,"tenancy":"s","user":"s"},"r":["secretRef","tenancy","user"]},{"p":{"fingerprint":712,"privatekey":712},"r":["fingerprint","privatekey"]},{"p":{"auth":786,"host":"s"},"r":["auth","host"]},{"p":{"passwordSecretRef":712,"privateKeySecretRef":712},"r":["passwordSecretRef","privateKeySecretRef"]},{"p":{"auth":745,"database":"s","host":"s"},"r":["auth","database","host"]},{"p":{"auth":789,"baseUri":"s"},"r":["auth"]},{"p":{"secretRef":790}},{"p":{"accessToken":712},"r":["accessToken"]},{"p":{"accessToken":753,"apiUrl":"s","environment":"s","organization":"s","project":"s"},"r":["accessToken","environment","organization","project"]},{"p":{"accessKey":729,"apiUrl":"s","projectId":"s","region":"s","secretKey":729},"r":["accessKey","projectId","region","secretKey"]},{"p":{"password":729,"serverURL":"s","username":729},"r":["password","serverURL","username"]},{"p":{"auth":795,"ignoreSslCertificate":"b","module":"s","url":"s"},"r":["auth","module","url"]},{"p":{"clientId":"s","clientSecretSecretRef":712},"r":["clientId","clientSecretSecretRef"]},{"p":{"auth":797,"caBundle":"s","caProvider":715,"forwardInconsistent":"b","headers":{"m":"s"},"namespace":"s","path":"s","readYourWrites":"b","server":"s","tls":805,"version":"s"},"r":["server"]},{"p":{"appRole":798,"cert":799,"iam":800,"jwt":801,"kubernetes":803,"ldap":804,"namespace":"s","tokenSecretRef":712,"userPass":804}},{"p":{"path":"s","roleId":"s","roleRef":712,"secretRef":712},"r":["path","secretRef"]},{"p":{"clientCert":712,"secretRef":712}},{"p":{"externalID":"s","jwt":722,"path":"s","region":"s","role":"s","secretRef":723,"vaultAwsIamServerID":"s","vaultRole":"s"},"r":["vaultRole"]},{"p":{"kubernetesServiceAccountToken":802,"path":"s","role":"s","secretRef":712},"r":["path"]},{"p":{"audiences":{"a":"s"},"expirationSeconds":"n","serviceAccountRef":713},"r":["serviceAccountRef"]},{"p":{"mountPath":"s","role":"s","secretRef":712,"serviceAccountRef":713},"r":["mountPath","role"]},{"p":{"path":"s","secretRef":712,"username":"s"},"r":["path","username"]},{"p":{"certSecretRef":712,"keySecretRef":712}},{"p":{"auth":807,"body":"s","caBundle":"s","caProvider":715,"headers":{"m":"s"},"method":"s","result":809,"secrets":{"a":810},"timeout":"s","url":"s"},"r":["result","url"]},{"p":{"ntlm":808}},{"p":{"passwordSecret":712,"usernameSecret":712},"r":["passwordSecret","usernameSecret"]},{"p":{"jsonPath":"s"}},{"p":{"name":"s","secretRef":712},"r":["name","secretRef"]},{"p":{"apiEndpoint":"s","auth":812,"caProvider":813},"r":["auth"]},{"p":{"authorizedKeySecretRef":712}},{"p":{"certSecretRef":712}},{"p":{"maxRetries":"n","retryInterval":"s"}},{"p":{"apiVersion":{"e":["external-secrets.io/v1"]},"kind":{"e":["ExternalSecret"]},"metadata":1,"spec":688,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1"]},"kind":{"e":["SecretStore"]},"metadata":1,"spec":706,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1alpha1"]},"kind":{"e":["ClusterPushSecret"]},"metadata":1,"spec":818,"status":"*"},"r":["apiVersion","kind"]},{"p":{"namespaceSelectors":{"a":37},"pushSecretMetadata":26,"pushSecretName":"s","pushSecretSpec":819,"refreshTime":"s"},"r":["pushSecretSpec"]},{"p":{"data":{"a":820},"deletionPolicy":{"e":["Delete","None"]},"refreshInterval":"s","secretStoreRefs":{"a":823},"selector":824,"template":701,"updatePolicy":{"e":["IfNotExists","Replace"]}},"r":["secretStoreRefs","selector"]},{"p":{"conversionStrategy":{"e":["None","ReverseUnicode"]},"match":821,"metadata":"*"},"r":["match"]},{"p":{"remoteRef":822,"secretKey":"s"},"r":["remoteRef"]},{"p":{"property":"s","remoteKey":"s"},"r":["remoteKey"]},{"p":{"kind":{"e":["ClusterSecretStore","SecretStore"]},"labelSelector":37,"name":"s"}},{"p":{"generatorRef":692,"secret":825}},{"p":{"name":"s","selector":37}},{"p":{"apiVersion":{"e":["external-secrets.io/v1alpha1"]},"kind":{"e":["PushSecret"]},"metadata":1,"spec":819,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1beta1"]},"kind":{"e":["ClusterExternalSecret"]},"metadata":1,"spec":687,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1beta1"]},"kind":{"e":["ClusterSecretStore"]},"metadata":1,"spec":706,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1beta1"]},"kind":{"e":["ExternalSecret"]},"metadata":1,"spec":688,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1beta1"]},"kind":{"e":["SecretStore"]},"metadata":1,"spec":706,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1"]},"kind":{"e":["FlowSchema"]},"metadata":1,"spec":832,"status":"*"},"r":["apiVersion","kind"]},{"p":{"distinguisherMethod":833,"matchingPrecedence":"n","priorityLevelConfiguration":142,"rules":{"a":834}},"r":["priorityLevelConfiguration"]},{"p":{"type":"s"},"r":["type"]},{"p":{"nonResourceRules":{"a":835},"resourceRules":{"a":836},"subjects":{"a":837}},"r":["subjects"]},{"p":{"nonResourceURLs":{"a":"s"},"verbs":{"a":"s"}},"r":["nonResourceURLs","verbs"]},{"p":{"apiGroups":{"a":"s"},"clusterScope":"b","namespaces":{"a":"s"},"resources":{"a":"s"},"verbs":{"a":"s"}},"r":["apiGroups","resources","verbs"]},{"p":{"group":142,"kind":"s","serviceAccount":838,"user":142},"r":["kind"]},{"p":{"name":"s","namespace":"s"},"r":["name","namespace"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1"]},"kind":{"e":["PriorityLevelConfiguration"]},"metadata":1,"spec":840,"status":"*"},"r":["apiVersion","kind"]},{"p":{"exempt":841,"limited":842,"type":"s"},"r":["type"]},{"p":{"lendablePercent":"n","nominalConcurrencyShares":"n"}},{"p":{"borrowingLimitPercent":"n","lendablePercent":"n","limitResponse":843,"nominalConcurrencyShares":"n"}},{"p":{"queuing":844,"type":"s"},"r":["type"]},{"p":{"handSize":"n","queueLengthLimit":"n","queues":"n"}},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta1"]},"kind":{"e":["FlowSchema"]},"metadata":1,"spec":832,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta1"]},"kind":{"e":["PriorityLevelConfiguration"]},"metadata":1,"spec":847,"status":"*"},"r":["apiVersion","kind"]},{"p":{"limited":848,"type":"s"},"r":["type"]},{"p":{"assuredConcurrencyShares":"n","limitResponse":843}},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta2"]},"kind":{"e":["FlowSchema"]},"metadata":1,"spec":832,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta2"]},"kind":{"e":["PriorityLevelConfiguration"]},"metadata":1,"spec":851,"status":"*"},"r":["apiVersion","kind"]},{"p":{"limited":852,"type":"s"},"r":["type"]},{"p":{"assuredConcurrencyShares":"n","borrowingLimitPercent":"n","lendablePercent":"n","limitResponse":843}},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta3"]},"kind":{"e":["FlowSchema"]},"metadata":1,"spec":832,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta3"]},"kind":{"e":["PriorityLevelConfiguration"]},"metadata":1,"spec":840,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flows.knative.dev/v1"]},"kind":{"e":["Parallel"]},"metadata":1,"spec":856,"status":"*"},"r":["apiVersion","kind"]},{"p":{"branches":{"a":857},"channelTemplate":858,"reply":623},"r":["branches"]},{"p":{"delivery":622,"filter":623,"reply":623,"subscriber":623},"r":["subscriber"]},{"p":{"apiVersion":{"e":["messaging.knative.dev/v1"]},"kind":{"e":["ChannelTemplateSpec"]},"spec":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flows.knative.dev/v1"]},"kind":{"e":["Sequence"]},"metadata":1,"spec":860,"status":"*"},"r":["apiVersion","kind"]},{"p":{"channelTemplate":858,"reply":623,"steps":{"a":861}},"r":["steps"]},{"p":{"delivery":622,"CACerts":"s","audience":"s","ref":621,"uri":"s"}},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["BackendTLSPolicy"]},"metadata":1,"spec":863,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"options":{"m":"s"},"targetRefs":{"a":864},"validation":865},"r":["targetRefs","validation"]},{"p":{"sectionName":"s","group":"s","kind":"s","name":"s"},"r":["group","kind","name"]},{"p":{"caCertificateRefs":{"a":866},"hostname":"s","subjectAltNames":{"a":867},"wellKnownCACertificates":"s"},"r":["hostname"]},{"p":{"group":"s","kind":"s","name":"s"},"r":["group","kind","name"]},{"p":{"hostname":"s","type":{"e":["Hostname","URI"]},"uri":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["Gateway"]},"metadata":1,"spec":869,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"addresses":{"a":870},"allowedListeners":871,"defaultScope":{"e":["All","None"]},"gatewayClassName":"s","infrastructure":873,"listeners":{"a":874},"tls":879},"r":["gatewayClassName","listeners"]},{"p":{"type":"s","value":"s"}},{"p":{"namespaces":872}},{"p":{"from":"s","selector":37}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"},"parametersRef":866}},{"p":{"allowedRoutes":875,"hostname":"s","name":"s","port":"n","protocol":"s","tls":877},"r":["name","port","protocol"]},{"p":{"kinds":{"a":876},"namespaces":872}},{"p":{"group":"s","kind":"s"},"r":["kind"]},{"p":{"certificateRefs":{"a":878},"mode":{"e":["Passthrough","Terminate"]},"options":{"m":"s"}}},{"p":{"group":"s","kind":"s","name":"s","namespace":"s"},"r":["name"]},{"p":{"backend":880,"frontend":881}},{"p":{"clientCertificateRef":878}},{"p":{"default":882,"perPort":{"a":885}},"r":["default"]},{"p":{"validation":883}},{"p":{"caCertificateRefs":{"a":884},"mode":{"e":["AllowInsecureFallback","AllowValidOnly"]}},"r":["caCertificateRefs"]},{"p":{"group":"s","kind":"s","name":"s","namespace":"s"},"r":["group","kind","name"]},{"p":{"port":"n","tls":882},"r":["port","tls"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["GatewayClass"]},"metadata":1,"spec":887,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"controllerName":"s","description":"s","parametersRef":884},"r":["controllerName"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["GRPCRoute"]},"metadata":1,"spec":889,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"hostnames":{"a":"s"},"rules":{"a":890},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}}},{"p":{"backendRefs":{"a":891},"filters":{"a":892},"matches":{"a":897},"name":"s","sessionPersistence":900}},{"p":{"filters":{"a":892},"weight":"n","group":"s","kind":"s","name":"s","namespace":"s","port":"n"},"r":["name"]},{"p":{"extensionRef":866,"requestHeaderModifier":893,"requestMirror":894,"responseHeaderModifier":893,"type":"s"},"r":["type"]},{"p":{"add":{"a":44},"remove":{"a":"s"},"set":{"a":44}}},{"p":{"backendRef":895,"fraction":896,"percent":"n"},"r":["backendRef"]},{"p":{"group":"s","kind":"s","name":"s","namespace":"s","port":"n"},"r":["name"]},{"p":{"denominator":"n","numerator":"n"},"r":["numerator"]},{"p":{"headers":{"a":898},"method":899}},{"p":{"name":"s","type":{"e":["Exact","RegularExpression"]},"value":"s"},"r":["name","value"]},{"p":{"method":"s","service":"s","type":{"e":["Exact","RegularExpression"]}}},{"p":{"absoluteTimeout":"s","cookieConfig":901,"idleTimeout":"s","sessionName":"s","type":{"e":["Cookie","Header"]}}},{"p":{"lifetimeType":{"e":["Permanent","Session"]}}},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["HTTPRoute"]},"metadata":1,"spec":903,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"hostnames":{"a":"s"},"rules":{"a":904},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}}},{"p":{"backendRefs":{"a":905},"filters":{"a":906},"matches":{"a":915},"name":"s","retry":917,"sessionPersistence":900,"timeouts":918}},{"p":{"filters":{"a":906},"weight":"n","group":"s","kind":"s","name":"s","namespace":"s","port":"n"},"r":["name"]},{"p":{"cors":907,"extensionRef":866,"externalAuth":908,"requestHeaderModifier":893,"requestMirror":894,"requestRedirect":912,"responseHeaderModifier":893,"type":"s","urlRewrite":914},"r":["type"]},{"p":{"allowCredentials":"b","allowHeaders":{"a":"s"},"allowMethods":{"a":{"e":["*","CONNECT","DELETE","GET","HEAD","OPTIONS","PATCH","POST","PUT","TRACE"]}},"allowOrigins":{"a":"s"},"exposeHeaders":{"a":"s"},"maxAge":"n"}},{"p":{"backendRef":895,"forwardBody":909,"grpc":910,"http":911,"protocol":"s"},"r":["backendRef","protocol"]},{"p":{"maxSize":"n"}},{"p":{"allowedHeaders":{"a":"s"}}},{"p":{"allowedHeaders":{"a":"s"},"allowedResponseHeaders":{"a":"s"},"path":"s"}},{"p":{"hostname":"s","path":913,"port":"n","scheme":{"e":["http","https"]},"statusCode":"*"}},{"p":{"replaceFullPath":"s","replacePrefixMatch":"s","type":"s"},"r":["type"]},{"p":{"hostname":"s","path":913}},{"p":{"headers":{"a":898},"method":{"e":["CONNECT","DELETE","GET","HEAD","OPTIONS","PATCH","POST","PUT","TRACE"]},"path":916,"queryParams":{"a":898}}},{"p":{"type":{"e":["Exact","PathPrefix","RegularExpression"]},"value":"s"}},{"p":{"attempts":"n","backoff":"s","codes":{"a":"n"}}},{"p":{"backendRequest":"s","request":"s"}},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["ListenerSet"]},"metadata":1,"spec":920,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"listeners":{"a":874},"parentRef":878},"r":["listeners","parentRef"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["ReferenceGrant"]},"metadata":1,"spec":922},"r":["apiVersion","kind"]},{"p":{"from":{"a":923},"to":{"a":352}},"r":["from","to"]},{"p":{"group":"s","kind":"s","namespace":"s"},"r":["group","kind","namespace"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["TLSRoute"]},"metadata":1,"spec":925,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"hostnames":{"a":"s"},"rules":{"a":926},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}},"r":["hostnames","rules"]},{"p":{"backendRefs":{"a":927},"name":"s"},"r":["backendRefs"]},{"p":{"weight":"n","group":"s","kind":"s","name":"s","namespace":"s","port":"n"},"r":["name"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["GRPCRoute"]},"metadata":1,"spec":889,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["ReferenceGrant"]},"metadata":1,"spec":922},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["TCPRoute"]},"metadata":1,"spec":931,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"rules":{"a":926},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}},"r":["rules"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["TLSRoute"]},"metadata":1,"spec":933,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"hostnames":{"a":"s"},"rules":{"a":926},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}},"r":["rules"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["UDPRoute"]},"metadata":1,"spec":931,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha3"]},"kind":{"e":["BackendTLSPolicy"]},"metadata":1,"spec":863,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha3"]},"kind":{"e":["TLSRoute"]},"metadata":1,"spec":925,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1beta1"]},"kind":{"e":["Gateway"]},"metadata":1,"spec":869,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1beta1"]},"kind":{"e":["GatewayClass"]},"metadata":1,"spec":887,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1beta1"]},"kind":{"e":["HTTPRoute"]},"metadata":1,"spec":903,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1beta1"]},"kind":{"e":["ReferenceGrant"]},"metadata":1,"spec":922},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["gateway.networking.x-k8s.io/v1alpha1"]},"kind":{"e":["XBackendTrafficPolicy"]},"metadata":1,"spec":942,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"retryConstraint":943,"sessionPersistence":900,"targetRefs":{"a":866}},"r":["targetRefs"]},{"p":{"budget":944,"minRetryRate":945}},{"p":{"interval":"s","percent":"n"}},{"p":{"count":"n","interval":"s"}},{"p":{"apiVersion":{"e":["gateway.networking.x-k8s.io/v1alpha1"]},"kind":{"e":["XMesh"]},"metadata":1,"spec":887,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["ACRAccessToken"]},"metadata":1,"spec":948},"r":["apiVersion","kind"]},{"p":{"auth":949,"environmentType":{"e":["ChinaCloud","GermanCloud","PublicCloud","USGovernmentCloud"]},"registry":"s","scope":"s","tenantId":"s"},"r":["auth","registry"]},{"p":{"managedIdentity":950,"servicePrincipal":951,"workloadIdentity":722}},{"p":{"identityId":"s"}},{"p":{"secretRef":952},"r":["secretRef"]},{"p":{"clientId":712,"clientSecret":712}},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["ClusterGenerator"]},"metadata":1,"spec":954},"r":["apiVersion","kind"]},{"p":{"generator":955,"kind":{"e":["ACRAccessToken","ECRAuthorizationToken","Fake","GCRAccessToken","GithubAccessToken","Grafana","Password","QuayAccessToken","STSSessionToken","UUID","VaultDynamicSecret","Webhook"]}},"r":["generator","kind"]},{"p":{"acrAccessTokenSpec":948,"ecrAuthorizationTokenSpec":956,"fakeSpec":957,"gcrAccessTokenSpec":958,"githubAccessTokenSpec":961,"grafanaSpec":964,"passwordSpec":969,"quayAccessTokenSpec":970,"stsSessionTokenSpec":971,"uuidSpec":"*","vaultDynamicSecretSpec":973,"webhookSpec":974}},{"p":{"auth":721,"region":"s","role":"s","scope":"s"},"r":["region"]},{"p":{"controller":"s","data":{"m":"s"}}},{"p":{"auth":959,"projectID":"s"},"r":["auth","projectID"]},{"p":{"secretRef":756,"workloadIdentity":960}},{"p":{"clusterLocation":"s","clusterName":"s","clusterProjectID":"s","serviceAccountRef":713},"r":["clusterLocation","clusterName","serviceAccountRef"]},{"p":{"appID":"s","auth":962,"installID":"s","permissions":{"m":"s"},"repositories":{"a":"s"},"url":"s"},"r":["appID","auth","installID"]},{"p":{"privateKey":963},"r":["privateKey"]},{"p":{"secretRef":712},"r":["secretRef"]},{"p":{"auth":965,"serviceAccount":968,"url":"s"},"r":["auth","serviceAccount","url"]},{"p":{"basic":966,"token":967}},{"p":{"password":967,"username":"s"},"r":["password","username"]},{"p":{"key":"s","name":"s"}},{"p":{"name":"s","role":"s"},"r":["name","role"]},{"p":{"allowRepeat":"b","digits":"n","length":"n","noUpper":"b","symbolCharacters":"s","symbols":"n"},"r":["allowRepeat","length","noUpper"]},{"p":{"robotAccount":"s","serviceAccountRef":713,"url":"s"},"r":["robotAccount","serviceAccountRef"]},{"p":{"auth":721,"region":"s","requestParameters":972,"role":"s"},"r":["region"]},{"p":{"serialNumber":"s","sessionDuration":"n","tokenCode":"s"}},{"p":{"allowEmptyResponse":"b","controller":"s","method":"s","parameters":"*","path":"s","provider":796,"resultType":{"e":["Auth","Data","Raw"]},"retrySettings":814},"r":["path","provider"]},{"p":{"auth":807,"body":"s","caBundle":"s","caProvider":715,"headers":{"m":"s"},"method":"s","result":809,"secrets":{"a":975},"timeout":"s","url":"s"},"r":["result","url"]},{"p":{"name":"s","secretRef":967},"r":["name","secretRef"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["ECRAuthorizationToken"]},"metadata":1,"spec":956},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["Fake"]},"metadata":1,"spec":957},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["GCRAccessToken"]},"metadata":1,"spec":958},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["GeneratorState"]},"metadata":1,"spec":980,"status":"*"},"r":["apiVersion","kind"]},{"p":{"garbageCollectionDeadline":"s","resource":"*","state":"*"},"r":["resource","state"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["GithubAccessToken"]},"metadata":1,"spec":961},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["Grafana"]},"metadata":1,"spec":964},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["Password"]},"metadata":1,"spec":969},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["QuayAccessToken"]},"metadata":1,"spec":970},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["STSSessionToken"]},"metadata":1,"spec":971},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["UUID"]},"metadata":1,"spec":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["VaultDynamicSecret"]},"metadata":1,"spec":973},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["Webhook"]},"metadata":1,"spec":974},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["helm.toolkit.fluxcd.io/v2"]},"kind":{"e":["HelmRelease"]},"metadata":1,"spec":990,"status":"*"},"r":["apiVersion","kind"]},{"p":{"chart":991,"chartRef":995,"commonMetadata":26,"dependsOn":{"a":996},"driftDetection":997,"healthCheckExprs":{"a":1000},"install":1001,"interval":"s","kubeConfig":1004,"maxHistory":"n","persistentClient":"b","postRenderers":{"a":1005},"releaseName":"s","rollback":1009,"serviceAccountName":"s","storageNamespace":"s","suspend":"b","targetNamespace":"s","test":1010,"timeout":"s","uninstall":1012,"upgrade":1013,"values":"*","valuesFrom":{"a":1015},"waitStrategy":142},"r":["interval"]},{"p":{"metadata":26,"spec":992},"r":["spec"]},{"p":{"chart":"s","ignoreMissingValuesFiles":"b","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":993,"valuesFiles":{"a":"s"},"verify":994,"version":"s"},"r":["chart","sourceRef"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","GitRepository","HelmRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"provider":{"e":["cosign","notation"]},"secretRef":142},"r":["provider"]},{"p":{"apiVersion":"s","kind":{"e":["ExternalArtifact","HelmChart","OCIRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"name":"s","namespace":"s","readyExpr":"s"},"r":["name"]},{"p":{"ignore":{"a":998},"mode":"s"}},{"p":{"paths":{"a":"s"},"target":999},"r":["paths"]},{"p":{"annotationSelector":"s","group":"s","kind":"s","labelSelector":"s","name":"s","namespace":"s","version":"s"}},{"p":{"apiVersion":"s","kind":"s","current":"s","failed":"s","inProgress":"s"},"r":["apiVersion","kind","current"]},{"p":{"crds":"s","createNamespace":"b","disableHooks":"b","disableOpenAPIValidation":"b","disableSchemaValidation":"b","disableTakeOwnership":"b","disableWait":"b","disableWaitForJobs":"b","remediation":1002,"replace":"b","serverSideApply":"b","skipCRDs":"b","strategy":1003,"timeout":"s"}},{"p":{"ignoreTestFailures":"b","remediateLastFailure":"b","retries":"n"}},{"p":{"name":{"e":["RemediateOnFailure","RetryOnFailure"]},"retryInterval":"s"},"r":["name"]},{"p":{"configMapRef":142,"secretRef":9}},{"p":{"kustomize":1006}},{"p":{"images":{"a":1007},"patches":{"a":1008}}},{"p":{"digest":"s","name":"s","newName":"s","newTag":"s"},"r":["name"]},{"p":{"patch":"s","target":999},"r":["patch"]},{"p":{"cleanupOnFail":"b","disableHooks":"b","disableWait":"b","disableWaitForJobs":"b","force":"b","recreate":"b","serverSideApply":"s","timeout":"s"}},{"p":{"enable":"b","filters":{"a":1011},"ignoreFailures":"b","timeout":"s"}},{"p":{"exclude":"b","name":"s"},"r":["name"]},{"p":{"deletionPropagation":{"e":["background","foreground","orphan"]},"disableHooks":"b","disableWait":"b","keepHistory":"b","timeout":"s"}},{"p":{"cleanupOnFail":"b","crds":"s","disableHooks":"b","disableOpenAPIValidation":"b","disableSchemaValidation":"b","disableTakeOwnership":"b","disableWait":"b","disableWaitForJobs":"b","force":"b","preserveValues":"b","remediation":1014,"serverSideApply":"s","strategy":1003,"timeout":"s"}},{"p":{"ignoreTestFailures":"b","remediateLastFailure":"b","retries":"n","strategy":"s"}},{"p":{"kind":{"e":["ConfigMap","Secret"]},"name":"s","optional":"b","targetPath":"s","valuesKey":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["helm.toolkit.fluxcd.io/v2beta1"]},"kind":{"e":["HelmRelease"]},"metadata":1,"spec":1017,"status":"*"},"r":["apiVersion","kind"]},{"p":{"chart":1018,"chartRef":995,"dependsOn":{"a":1021},"driftDetection":997,"install":1022,"interval":"s","kubeConfig":1004,"maxHistory":"n","persistentClient":"b","postRenderers":{"a":1023},"releaseName":"s","rollback":1027,"serviceAccountName":"s","storageNamespace":"s","suspend":"b","targetNamespace":"s","test":1028,"timeout":"s","uninstall":1012,"upgrade":1029,"values":"*","valuesFrom":{"a":1015}},"r":["chart","interval"]},{"p":{"metadata":26,"spec":1019},"r":["spec"]},{"p":{"chart":"s","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":993,"valuesFile":"s","valuesFiles":{"a":"s"},"verify":1020,"version":"s"},"r":["chart","sourceRef"]},{"p":{"provider":{"e":["cosign"]},"secretRef":142},"r":["provider"]},{"p":{"name":"s","namespace":"s"},"r":["name"]},{"p":{"crds":"s","createNamespace":"b","disableHooks":"b","disableOpenAPIValidation":"b","disableWait":"b","disableWaitForJobs":"b","remediation":1002,"replace":"b","skipCRDs":"b","timeout":"s"}},{"p":{"kustomize":1024}},{"p":{"images":{"a":1007},"patches":{"a":1008},"patchesJson6902":{"a":1025},"patchesStrategicMerge":{"a":"*"}}},{"p":{"patch":{"a":1026},"target":999},"r":["patch","target"]},{"p":{"from":"s","op":{"e":["add","copy","move","remove","replace","test"]},"path":"s","value":"*"},"r":["op","path"]},{"p":{"cleanupOnFail":"b","disableHooks":"b","disableWait":"b","disableWaitForJobs":"b","force":"b","recreate":"b","timeout":"s"}},{"p":{"enable":"b","ignoreFailures":"b","timeout":"s"}},{"p":{"cleanupOnFail":"b","crds":"s","disableHooks":"b","disableOpenAPIValidation":"b","disableWait":"b","disableWaitForJobs":"b","force":"b","preserveValues":"b","remediation":1014,"timeout":"s"}},{"p":{"apiVersion":{"e":["helm.toolkit.fluxcd.io/v2beta2"]},"kind":{"e":["HelmRelease"]},"metadata":1,"spec":1031,"status":"*"},"r":["apiVersion","kind"]},{"p":{"chart":1032,"chartRef":1034,"dependsOn":{"a":1021},"driftDetection":997,"install":1022,"interval":"s","kubeConfig":1004,"maxHistory":"n","persistentClient":"b","postRenderers":{"a":1023},"releaseName":"s","rollback":1027,"serviceAccountName":"s","storageNamespace":"s","suspend":"b","targetNamespace":"s","test":1010,"timeout":"s","uninstall":1012,"upgrade":1029,"values":"*","valuesFrom":{"a":1015}},"r":["interval"]},{"p":{"metadata":26,"spec":1033},"r":["spec"]},{"p":{"chart":"s","ignoreMissingValuesFiles":"b","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":993,"valuesFile":"s","valuesFiles":{"a":"s"},"verify":994,"version":"s"},"r":["chart","sourceRef"]},{"p":{"apiVersion":"s","kind":{"e":["HelmChart","OCIRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1"]},"kind":{"e":["ImagePolicy"]},"metadata":1,"spec":1036,"status":"*"},"r":["apiVersion","kind"]},{"p":{"digestReflectionPolicy":{"e":["Always","IfNotPresent","Never"]},"filterTags":1037,"imageRepositoryRef":1021,"interval":"s","policy":1038,"suspend":"b"},"r":["imageRepositoryRef","policy"]},{"p":{"extract":"s","pattern":"s"}},{"p":{"alphabetical":1039,"numerical":1039,"semver":1040}},{"p":{"order":{"e":["asc","desc"]}}},{"p":{"range":"s"},"r":["range"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1"]},"kind":{"e":["ImageRepository"]},"metadata":1,"spec":1042,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"certSecretRef":142,"exclusionList":{"a":"s"},"image":"s","insecure":"b","interval":"s","provider":{"e":["aws","azure","gcp","generic"]},"proxySecretRef":142,"secretRef":142,"serviceAccountName":"s","suspend":"b","timeout":"s"},"r":["image","interval"]},{"p":{"namespaceSelectors":{"a":653}},"r":["namespaceSelectors"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1"]},"kind":{"e":["ImageUpdateAutomation"]},"metadata":1,"spec":1045,"status":"*"},"r":["apiVersion","kind"]},{"p":{"git":1046,"interval":"s","policySelector":37,"sourceRef":1053,"suspend":"b","update":1054},"r":["interval","sourceRef"]},{"p":{"checkout":1047,"commit":1049,"push":1052},"r":["commit"]},{"p":{"ref":1048},"r":["ref"]},{"p":{"branch":"s","commit":"s","name":"s","semver":"s","tag":"s"}},{"p":{"author":1050,"messageTemplate":"s","messageTemplateValues":{"m":"s"},"signingKey":1051},"r":["author"]},{"p":{"email":"s","name":"s"},"r":["email"]},{"p":{"secretRef":142},"r":["secretRef"]},{"p":{"branch":"s","options":{"m":"s"},"refspec":"s"}},{"p":{"apiVersion":"s","kind":{"e":["GitRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"path":"s","strategy":{"e":["Setters"]}}},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["ImagePolicy"]},"metadata":1,"spec":1056,"status":"*"},"r":["apiVersion","kind"]},{"p":{"filterTags":1037,"imageRepositoryRef":1021,"policy":1038},"r":["imageRepositoryRef","policy"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["ImageRepository"]},"metadata":1,"spec":1058,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"certSecretRef":142,"exclusionList":{"a":"s"},"image":"s","interval":"s","secretRef":142,"serviceAccountName":"s","suspend":"b","timeout":"s"},"r":["image","interval"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["ImageUpdateAutomation"]},"metadata":1,"spec":1060,"status":"*"},"r":["apiVersion","kind"]},{"p":{"git":1061,"interval":"s","sourceRef":1053,"suspend":"b","update":1063},"r":["interval","sourceRef"]},{"p":{"checkout":1047,"commit":1062,"push":1052},"r":["commit"]},{"p":{"author":1050,"messageTemplate":"s","signingKey":1051},"r":["author"]},{"p":{"path":"s","strategy":{"e":["Setters"]}},"r":["strategy"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["ImagePolicy"]},"metadata":1,"spec":1036,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["ImageRepository"]},"metadata":1,"spec":1042,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["ImageUpdateAutomation"]},"metadata":1,"spec":1045,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["install.istio.io/v1alpha1"]},"kind":{"e":["IstioOperator"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["karpenter.k8s.aws/v1"]},"kind":{"e":["EC2NodeClass"]},"metadata":1,"spec":1069,"status":"*"},"r":["apiVersion","kind"]},{"p":{"amiFamily":{"e":["AL2","AL2023","Bottlerocket","Custom","Windows2019","Windows2022","Windows2025"]},"amiSelectorTerms":{"a":1070},"associatePublicIPAddress":"b","blockDeviceMappings":{"a":1071},"capacityReservationSelectorTerms":{"a":1073},"context":"s","detailedMonitoring":"b","instanceProfile":"s","instanceStorePolicy":{"e":["RAID0"]},"ipPrefixCount":"n","kubelet":1074,"metadataOptions":1075,"networkInterfaces":{"a":1076},"placementGroupSelector":1077,"role":"s","securityGroupSelectorTerms":{"a":1078},"subnetSelectorTerms":{"a":1079},"tags":{"m":"s"},"userData":"s"},"r":["amiSelectorTerms","securityGroupSelectorTerms","subnetSelectorTerms"]},{"p":{"alias":"s","id":"s","name":"s","owner":"s","ssmParameter":"s","tags":{"m":"s"}}},{"p":{"deviceName":"s","ebs":1072,"rootVolume":"b"}},{"p":{"deleteOnTermination":"b","encrypted":"b","iops":"n","kmsKeyID":"s","snapshotID":"s","throughput":"n","volumeInitializationRate":"n","volumeSize":"s","volumeType":{"e":["gp2","gp3","io1","io2","sc1","st1","standard"]}}},{"p":{"id":"s","instanceMatchCriteria":{"e":["open","targeted"]},"ownerID":"s","tags":{"m":"s"}}},{"p":{"clusterDNS":{"a":"s"},"cpuCFSQuota":"b","evictionHard":{"m":"s"},"evictionMaxPodGracePeriod":"n","evictionSoft":{"m":"s"},"evictionSoftGracePeriod":{"m":"s"},"imageGCHighThresholdPercent":"n","imageGCLowThresholdPercent":"n","kubeReserved":{"m":"s"},"maxPods":"n","podsPerCore":"n","systemReserved":{"m":"s"}}},{"p":{"httpEndpoint":{"e":["disabled","enabled"]},"httpProtocolIPv6":{"e":["disabled","enabled"]},"httpPutResponseHopLimit":"n","httpTokens":{"e":["optional","required"]}}},{"p":{"deviceIndex":"n","interfaceType":"s","networkCardIndex":"n"},"r":["deviceIndex","interfaceType","networkCardIndex"]},{"p":{"id":"s","name":"s"}},{"p":{"id":"s","name":"s","tags":{"m":"s"}}},{"p":{"id":"s","tags":{"m":"s"}}},{"p":{"apiVersion":{"e":["karpenter.sh/v1"]},"kind":{"e":["NodeClaim"]},"metadata":1,"spec":1081,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"expireAfter":"s","nodeClassRef":866,"requirements":{"a":1082},"resources":1083,"startupTaints":{"a":1084},"taints":{"a":1084},"terminationGracePeriod":"s"},"r":["nodeClassRef","requirements"]},{"p":{"key":"s","minValues":"n","operator":{"e":["DoesNotExist","Exists","Gt","In","Lt","NotIn"]},"values":{"a":"s"}},"r":["key","operator"]},{"p":{"requests":{"m":"x"}}},{"p":{"effect":{"e":["NoExecute","NoSchedule","PreferNoSchedule"]},"key":"s","timeAdded":"s","value":"s"},"r":["effect","key"]},{"p":{"apiVersion":{"e":["karpenter.sh/v1"]},"kind":{"e":["NodePool"]},"metadata":1,"spec":1086,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"disruption":1087,"limits":{"m":"x"},"replicas":"n","template":1089,"weight":"n"},"r":["template"]},{"p":{"budgets":{"a":1088},"consolidateAfter":"s","consolidationPolicy":"s"},"r":["consolidateAfter"]},{"p":{"duration":"s","nodes":"s","reasons":{"a":{"e":["Drifted","Empty","Underutilized"]}},"schedule":"s"},"r":["nodes"]},{"p":{"metadata":26,"spec":1090},"r":["spec"]},{"p":{"expireAfter":"s","nodeClassRef":866,"requirements":{"a":1082},"startupTaints":{"a":1084},"taints":{"a":1084},"terminationGracePeriod":"s"},"r":["nodeClassRef","requirements"]},{"p":{"apiVersion":{"e":["karpenter.sh/v1alpha1"]},"kind":{"e":["NodeOverlay"]},"metadata":1,"spec":1092,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"capacity":{"m":"x"},"price":"s","priceAdjustment":"s","requirements":{"a":32},"weight":"n"},"r":["requirements"]},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"kind":{"e":["ClusterTriggerAuthentication"]},"metadata":1,"spec":1094,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"awsSecretManager":1095,"azureKeyVault":1101,"boundServiceAccountToken":{"a":1105},"configMapTargetRef":{"a":1106},"env":{"a":1107},"filePath":"s","gcpSecretManager":1108,"hashiCorpVault":1111,"podIdentity":1099,"secretTargetRef":{"a":1106}}},{"p":{"credentials":1096,"podIdentity":1099,"region":"s","secrets":{"a":1100}},"r":["secrets"]},{"p":{"accessKey":1097,"accessSecretKey":1097,"accessToken":1097},"r":["accessKey","accessSecretKey"]},{"p":{"valueFrom":1098},"r":["valueFrom"]},{"p":{"secretKeyRef":237},"r":["secretKeyRef"]},{"p":{"identityAuthorityHost":"s","identityId":"s","identityOwner":{"e":["keda","workload"]},"identityTenantId":"s","provider":"s","roleArn":"s"},"r":["provider"]},{"p":{"name":"s","parameter":"s","secretKey":"s","versionId":"s","versionStage":"s"},"r":["name","parameter"]},{"p":{"cloud":1102,"credentials":1103,"podIdentity":1099,"secrets":{"a":1104},"vaultUri":"s"},"r":["secrets","vaultUri"]},{"p":{"activeDirectoryEndpoint":"s","keyVaultResourceURL":"s","type":"s"},"r":["type"]},{"p":{"clientId":"s","clientSecret":1097,"tenantId":"s"},"r":["clientId","clientSecret","tenantId"]},{"p":{"name":"s","parameter":"s","version":"s"},"r":["name","parameter"]},{"p":{"parameter":"s","serviceAccountName":"s"},"r":["parameter","serviceAccountName"]},{"p":{"key":"s","name":"s","parameter":"s"},"r":["key","name","parameter"]},{"p":{"containerName":"s","name":"s","parameter":"s"},"r":["name","parameter"]},{"p":{"credentials":1109,"podIdentity":1099,"secrets":{"a":1110}},"r":["secrets"]},{"p":{"clientSecret":1097},"r":["clientSecret"]},{"p":{"id":"s","parameter":"s","version":"s"},"r":["id","parameter"]},{"p":{"address":"s","authentication":"s","credential":1112,"mount":"s","namespace":"s","role":"s","secrets":{"a":1113}},"r":["address","authentication","secrets"]},{"p":{"serviceAccount":"s","serviceAccountName":"s","token":"s"}},{"p":{"key":"s","parameter":"s","path":"s","pkiData":1114,"type":"s"},"r":["key","parameter","path"]},{"p":{"altNames":"s","commonName":"s","format":"s","ipSans":"s","otherSans":"s","ttl":"s","uriSans":"s"}},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"kind":{"e":["ScaledJob"]},"metadata":1,"spec":1116,"status":"*"},"r":["apiVersion","kind"]},{"p":{"envSourceContainerName":"s","failedJobsHistoryLimit":"n","jobTargetRef":251,"maxReplicaCount":"n","minReplicaCount":"n","pollingInterval":"n","rollout":1117,"rolloutStrategy":"s","scalingStrategy":1118,"successfulJobsHistoryLimit":"n","triggers":{"a":1119}},"r":["jobTargetRef","triggers"]},{"p":{"propagationPolicy":"s","strategy":"s"}},{"p":{"customScalingQueueLengthDeduction":"n","customScalingRunningJobPercentage":"s","multipleScalersCalculation":"s","pendingPodConditions":{"a":"s"},"strategy":"s"}},{"p":{"authenticationRef":613,"metadata":{"m":"s"},"metricType":"s","name":"s","type":"s","useCachedMetrics":"b"},"r":["metadata","type"]},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"kind":{"e":["ScaledObject"]},"metadata":1,"spec":1121,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"advanced":1122,"cooldownPeriod":"n","fallback":1125,"idleReplicaCount":"n","initialCooldownPeriod":"n","maxReplicaCount":"n","minReplicaCount":"n","pollingInterval":"n","scaleTargetRef":1126,"triggers":{"a":1119}},"r":["scaleTargetRef","triggers"]},{"p":{"horizontalPodAutoscalerConfig":1123,"restoreToOriginalReplicaCount":"b","scalingModifiers":1124}},{"p":{"behavior":530,"name":"s"}},{"p":{"activationTarget":"s","formula":"s","metricType":"s","target":"s"}},{"p":{"behavior":{"e":["currentReplicas","currentReplicasIfHigher","currentReplicasIfLower","static"]},"failureThreshold":"n","replicas":"n"},"r":["failureThreshold","replicas"]},{"p":{"apiVersion":"s","envSourceContainerName":"s","kind":"s","name":"s"},"r":["name"]},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"kind":{"e":["TriggerAuthentication"]},"metadata":1,"spec":1094,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"internalKind":"s","kind":{"e":["WithTriggers"]},"metadata":1,"spec":1129},"r":["apiVersion","internalKind","kind","spec"]},{"p":{"pollingInterval":"n","triggers":{"a":1119}},"r":["triggers"]},{"p":{"apiVersion":{"e":["kustomize.toolkit.fluxcd.io/v1"]},"kind":{"e":["Kustomization"]},"metadata":1,"spec":1131,"status":"*"},"r":["apiVersion","kind"]},{"p":{"commonMetadata":26,"components":{"a":"s"},"decryption":1132,"deletionPolicy":{"e":["Delete","MirrorPrune","Orphan","WaitForTermination"]},"dependsOn":{"a":996},"force":"b","healthCheckExprs":{"a":1000},"healthChecks":{"a":631},"ignoreMissingComponents":"b","images":{"a":1007},"interval":"s","kubeConfig":1004,"namePrefix":"s","nameSuffix":"s","patches":{"a":1008},"path":"s","postBuild":1133,"prune":"b","retryInterval":"s","serviceAccountName":"s","sourceRef":1135,"suspend":"b","targetNamespace":"s","timeout":"s","wait":"b"},"r":["interval","prune","sourceRef"]},{"p":{"provider":{"e":["sops"]},"secretRef":142,"serviceAccountName":"s"},"r":["provider"]},{"p":{"substitute":{"m":"s"},"substituteFrom":{"a":1134}}},{"p":{"kind":{"e":["ConfigMap","Secret"]},"name":"s","optional":"b"},"r":["kind","name"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","ExternalArtifact","GitRepository","OCIRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["kustomize.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Kustomization"]},"metadata":1,"spec":1137,"status":"*"},"r":["apiVersion","kind"]},{"p":{"decryption":1138,"dependsOn":{"a":1021},"force":"b","healthChecks":{"a":631},"images":{"a":1007},"interval":"s","kubeConfig":1051,"patches":{"a":1008},"patchesJson6902":{"a":1025},"patchesStrategicMerge":{"a":"*"},"path":"s","postBuild":1139,"prune":"b","retryInterval":"s","serviceAccountName":"s","sourceRef":1141,"suspend":"b","targetNamespace":"s","timeout":"s","validation":{"e":["client","none","server"]}},"r":["interval","prune","sourceRef"]},{"p":{"provider":{"e":["sops"]},"secretRef":142},"r":["provider"]},{"p":{"substitute":{"m":"s"},"substituteFrom":{"a":1140}}},{"p":{"kind":{"e":["ConfigMap","Secret"]},"name":"s"},"r":["kind","name"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","GitRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["kustomize.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Kustomization"]},"metadata":1,"spec":1143,"status":"*"},"r":["apiVersion","kind"]},{"p":{"commonMetadata":26,"components":{"a":"s"},"decryption":1138,"dependsOn":{"a":1021},"force":"b","healthChecks":{"a":631},"images":{"a":1007},"interval":"s","kubeConfig":1004,"patches":{"a":1008},"patchesJson6902":{"a":1025},"patchesStrategicMerge":{"a":"*"},"path":"s","postBuild":1133,"prune":"b","retryInterval":"s","serviceAccountName":"s","sourceRef":1144,"suspend":"b","targetNamespace":"s","timeout":"s","validation":{"e":["client","none","server"]},"wait":"b"},"r":["interval","prune","sourceRef"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","GitRepository","OCIRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["messaging.knative.dev/v1"]},"kind":{"e":["Channel"]},"metadata":1,"spec":1146,"status":"*"},"r":["apiVersion","kind"]},{"p":{"channelTemplate":858,"delivery":622,"subscribers":{"a":1147}}},{"p":{"auth":1148,"delivery":622,"generation":"n","name":"s","replyAudience":"s","replyCACerts":"s","replyUri":"s","subscriberAudience":"s","subscriberCACerts":"s","subscriberUri":"s","uid":"s"}},{"p":{"serviceAccountName":"s","serviceAccountNames":{"a":"s"}}},{"p":{"apiVersion":{"e":["messaging.knative.dev/v1"]},"kind":{"e":["InMemoryChannel"]},"metadata":1,"spec":1150,"status":"*"},"r":["apiVersion","kind"]},{"p":{"delivery":622,"subscribers":{"a":1147}}},{"p":{"apiVersion":{"e":["messaging.knative.dev/v1"]},"kind":{"e":["Subscription"]},"metadata":1,"spec":1152,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"channel":621,"delivery":622,"reply":623,"subscriber":623},"r":["channel"]},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["Alertmanager"]},"metadata":1,"spec":1154,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"additionalArgs":{"a":1155},"additionalPeers":{"a":"s"},"affinity":28,"alertmanagerConfigMatcherStrategy":1156,"alertmanagerConfigNamespaceSelector":37,"alertmanagerConfigSelector":37,"alertmanagerConfiguration":1157,"automountServiceAccountToken":"b","baseImage":"s","clusterAdvertiseAddress":"s","clusterGossipInterval":"s","clusterLabel":"s","clusterPeerTimeout":"s","clusterPushpullInterval":"s","clusterTLS":1172,"configMaps":{"a":"s"},"configSecret":"s","containers":{"a":110},"dnsConfig":1174,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableFeatures":{"a":"s"},"enableServiceLinks":"b","externalUrl":"s","forceEnableClusterMode":"b","hostAliases":{"a":1175},"hostNetwork":"b","hostUsers":"b","image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"imagePullSecrets":{"a":39},"initContainers":{"a":110},"limits":1176,"listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"minReadySeconds":"n","nodeSelector":{"m":"s"},"paused":"b","persistentVolumeClaimRetentionPolicy":201,"podManagementPolicy":{"e":["OrderedReady","Parallel"]},"podMetadata":1177,"portName":"s","priorityClassName":"s","replicas":"n","resources":129,"retention":"s","routePrefix":"s","schedulerName":"s","secrets":{"a":"s"},"securityContext":146,"serviceAccountName":"s","serviceName":"s","sha":"s","storage":1178,"tag":"s","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"updateStrategy":1180,"version":"s","volumeMounts":{"a":137},"volumes":{"a":148},"web":1181}},{"p":{"name":"s","value":"s"},"r":["name"]},{"p":{"type":"s"}},{"p":{"global":1158,"name":"s","templates":{"a":1161}}},{"p":{"httpConfig":1159,"jira":1165,"mattermost":1166,"opsGenieApiKey":113,"opsGenieApiUrl":113,"pagerdutyUrl":"s","resolveTimeout":"s","rocketChat":1167,"slackApiUrl":113,"smtp":1168,"telegram":1165,"victorops":1170,"webex":1165,"wechat":1171}},{"p":{"tlsConfig":1160,"authorization":1162,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"ca":1161,"cert":1161,"insecureSkipVerify":"b","keySecret":113,"maxVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"minVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"serverName":"s"}},{"p":{"configMap":113,"secret":113}},{"p":{"credentials":113,"type":"s"}},{"p":{"password":113,"username":113}},{"p":{"clientId":1161,"clientSecret":113,"endpointParams":{"m":"s"},"scopes":{"a":"s"},"tlsConfig":1160,"tokenUrl":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["clientId","clientSecret","tokenUrl"]},{"p":{"apiURL":"s"}},{"p":{"webhookURL":113}},{"p":{"apiURL":"s","token":113,"tokenID":113}},{"p":{"authIdentity":"s","authPassword":113,"authSecret":113,"authUsername":"s","forceImplicitTLS":"b","from":"s","hello":"s","requireTLS":"b","smartHost":1169,"tlsConfig":1160}},{"p":{"host":"s","port":"s"},"r":["host","port"]},{"p":{"apiKey":113,"apiURL":"s"}},{"p":{"apiCorpID":"s","apiSecret":113,"apiURL":"s"}},{"p":{"client":1160,"server":1173},"r":["client","server"]},{"p":{"cert":1161,"certFile":"s","cipherSuites":{"a":"s"},"clientAuthType":"s","clientCAFile":"s","client_ca":1161,"curvePreferences":{"a":"s"},"keyFile":"s","keySecret":113,"maxVersion":"s","minVersion":"s","preferServerCipherSuites":"b"}},{"p":{"nameservers":{"a":"s"},"options":{"a":1155},"searches":{"a":"s"}}},{"p":{"hostnames":{"a":"s"},"ip":"s"},"r":["hostnames","ip"]},{"p":{"maxPerSilenceBytes":"s","maxSilences":"n"}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"},"name":"s"}},{"p":{"disableMountSubPath":"b","emptyDir":159,"ephemeral":160,"volumeClaimTemplate":1179}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["EmbeddedPersistentVolumeClaim"]},"metadata":1177,"spec":162,"status":205},"r":["apiVersion","kind"]},{"p":{"rollingUpdate":225,"type":{"e":["OnDelete","RollingUpdate"]}},"r":["type"]},{"p":{"getConcurrency":"n","timeout":"n","httpConfig":1182,"tlsConfig":1173}},{"p":{"headers":1183,"http2":"b"}},{"p":{"contentSecurityPolicy":"s","strictTransportSecurity":"s","xContentTypeOptions":{"e":["","NoSniff"]},"xFrameOptions":{"e":["","Deny","SameOrigin"]},"xXSSProtection":"s"}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["PodMonitor"]},"metadata":1,"spec":1185,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"attachMetadata":1186,"bodySizeLimit":"s","fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"jobLabel":"s","keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","namespaceSelector":1187,"podMetricsEndpoints":{"a":1188},"podTargetLabels":{"a":"s"},"sampleLimit":"n","scrapeClass":"s","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"selector":37,"selectorMechanism":{"e":["RelabelConfig","RoleSelector"]},"targetLimit":"n","convertClassicHistogramsToNHCB":"b","nativeHistogramBucketLimit":"n","nativeHistogramMinBucketFactor":"x","scrapeClassicHistograms":"b","scrapeNativeHistograms":"b"},"r":["selector"]},{"p":{"node":"b"}},{"p":{"any":"b","matchNames":{"a":"s"}}},{"p":{"filterRunning":"b","honorLabels":"b","honorTimestamps":"b","interval":"s","metricRelabelings":{"a":1189},"params":{"m":{"a":"s"}},"path":"s","port":"s","portNumber":"n","relabelings":{"a":1189},"scheme":{"e":["HTTP","HTTPS","http","https"]},"scrapeTimeout":"s","targetPort":"x","trackTimestampsStaleness":"b","tlsConfig":1160,"authorization":1162,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"action":{"e":["Drop","DropEqual","HashMod","Keep","KeepEqual","LabelDrop","LabelKeep","LabelMap","Lowercase","Replace","Uppercase","drop","dropequal","hashmod","keep","keepequal","labeldrop","labelkeep","labelmap","lowercase","replace","uppercase"]},"modulus":"n","regex":"s","replacement":"s","separator":"s","sourceLabels":{"a":"s"},"targetLabel":"s"}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["Probe"]},"metadata":1,"spec":1191,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"authorization":1162,"fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"interval":"s","jobName":"s","keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","metricRelabelings":{"a":1189},"module":"s","params":{"a":1192},"prober":1193,"sampleLimit":"n","scrapeClass":"s","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"scrapeTimeout":"s","targetLimit":"n","targets":1194,"convertClassicHistogramsToNHCB":"b","nativeHistogramBucketLimit":"n","nativeHistogramMinBucketFactor":"x","scrapeClassicHistograms":"b","scrapeNativeHistograms":"b","tlsConfig":1160,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164}},{"p":{"name":"s","values":{"a":"s"}},"r":["name"]},{"p":{"path":"s","scheme":{"e":["HTTP","HTTPS","http","https"]},"url":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["url"]},{"p":{"ingress":1195,"staticConfig":1196}},{"p":{"namespaceSelector":1187,"relabelingConfigs":{"a":1189},"selector":37}},{"p":{"labels":{"m":"s"},"relabelingConfigs":{"a":1189},"static":{"a":"s"}}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["Prometheus"]},"metadata":1,"spec":1198,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"additionalAlertManagerConfigs":113,"additionalAlertRelabelConfigs":113,"alerting":1199,"allowOverlappingBlocks":"b","baseImage":"s","disableCompaction":"b","enableAdminAPI":"b","evaluationInterval":"s","exemplars":909,"prometheusRulesExcludedFromEnforce":{"a":1203},"query":1204,"queryLogFile":"s","remoteRead":{"a":1205},"retention":"s","retentionSize":"s","ruleNamespaceSelector":37,"ruleQueryOffset":"s","ruleSelector":37,"rules":1207,"sha":"s","shardRetentionPolicy":1209,"tag":"s","thanos":1211,"additionalArgs":{"a":1155},"additionalScrapeConfigs":113,"affinity":28,"apiserverConfig":1213,"arbitraryFSAccessThroughSMs":1214,"automountServiceAccountToken":"b","bodySizeLimit":"s","configMaps":{"a":"s"},"containers":{"a":110},"convertClassicHistogramsToNHCB":"b","dnsConfig":1174,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableFeatures":{"a":"s"},"enableOTLPReceiver":"b","enableRemoteWriteReceiver":"b","enableServiceLinks":"b","enforcedBodySizeLimit":"s","enforcedKeepDroppedTargets":"n","enforcedLabelLimit":"n","enforcedLabelNameLengthLimit":"n","enforcedLabelValueLengthLimit":"n","enforcedNamespaceLabel":"s","enforcedSampleLimit":"n","enforcedTargetLimit":"n","excludedFromEnforcement":{"a":1215},"externalLabels":{"m":"s"},"externalUrl":"s","hostAliases":{"a":1175},"hostNetwork":"b","hostUsers":"b","ignoreNamespaceSelectors":"b","image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"imagePullSecrets":{"a":39},"initContainers":{"a":110},"keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"maximumStartupDurationSeconds":"n","minReadySeconds":"n","nameEscapingScheme":{"e":["AllowUTF8","Dots","Underscores","Values"]},"nameValidationScheme":{"e":["Legacy","UTF8"]},"nodeSelector":{"m":"s"},"otlp":1216,"overrideHonorLabels":"b","overrideHonorTimestamps":"b","paused":"b","persistentVolumeClaimRetentionPolicy":201,"podManagementPolicy":{"e":["OrderedReady","Parallel"]},"podMetadata":1177,"podMonitorNamespaceSelector":37,"podMonitorSelector":37,"podTargetLabels":{"a":"s"},"portName":"s","priorityClassName":"s","probeNamespaceSelector":37,"probeSelector":37,"prometheusExternalLabelName":"s","reloadStrategy":{"e":["HTTP","ProcessSignal"]},"remoteWrite":{"a":1217},"remoteWriteReceiverMessageVersions":{"a":{"e":["V1.0","V2.0"]}},"replicaExternalLabelName":"s","replicas":"n","resources":129,"routePrefix":"s","runtime":1225,"sampleLimit":"n","schedulerName":"s","scrapeClasses":{"a":1226},"scrapeClassicHistograms":"b","scrapeConfigNamespaceSelector":37,"scrapeConfigSelector":37,"scrapeFailureLogFile":"s","scrapeInterval":"s","scrapeNativeHistograms":"b","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"scrapeTimeout":"s","secrets":{"a":"s"},"securityContext":146,"serviceAccountName":"s","serviceDiscoveryRole":{"e":["EndpointSlice","Endpoints"]},"serviceMonitorNamespaceSelector":37,"serviceMonitorSelector":37,"serviceName":"s","shardingStrategy":1227,"shards":"n","storage":1178,"targetLimit":"n","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":1229},"tracingConfig":1230,"tsdb":1231,"updateStrategy":1180,"version":"s","volumeMounts":{"a":137},"volumes":{"a":148},"walCompression":"b","web":1232}},{"p":{"alertmanagers":{"a":1200}},"r":["alertmanagers"]},{"p":{"alertRelabelings":{"a":1189},"apiVersion":{"e":["V1","V2","v1","v2"]},"authorization":1162,"basicAuth":1163,"bearerTokenFile":"s","enableHttp2":"b","name":"s","namespace":"s","pathPrefix":"s","port":"x","relabelings":{"a":1189},"scheme":{"e":["HTTP","HTTPS","http","https"]},"sigv4":1201,"timeout":"s","tlsConfig":1202,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["name","port"]},{"p":{"accessKey":113,"externalId":"s","profile":"s","region":"s","roleArn":"s","secretKey":113,"useFIPSSTSEndpoint":"b"}},{"p":{"ca":1161,"cert":1161,"insecureSkipVerify":"b","keySecret":113,"maxVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"minVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"serverName":"s","caFile":"s","certFile":"s","keyFile":"s"}},{"p":{"ruleName":"s","ruleNamespace":"s"},"r":["ruleName","ruleNamespace"]},{"p":{"lookbackDelta":"s","maxConcurrency":"n","maxSamples":"n","timeout":"s"}},{"p":{"authorization":1206,"basicAuth":1163,"bearerToken":"s","bearerTokenFile":"s","filterExternalLabels":"b","followRedirects":"b","headers":{"m":"s"},"name":"s","oauth2":1164,"readRecent":"b","remoteTimeout":"s","requiredMatchers":{"m":"s"},"tlsConfig":1202,"url":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["url"]},{"p":{"credentialsFile":"s","credentials":113,"type":"s"}},{"p":{"alert":1208}},{"p":{"forGracePeriod":"s","forOutageTolerance":"s","resendDelay":"s"}},{"p":{"retain":1210,"whenScaled":"s"}},{"p":{"retentionPeriod":"s"},"r":["retentionPeriod"]},{"p":{"additionalArgs":{"a":1155},"baseImage":"s","blockSize":"s","getConfigInterval":"s","getConfigTimeout":"s","grpcListenLocal":"b","grpcServerTlsConfig":1212,"httpListenLocal":"b","image":"s","listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"minTime":"s","objectStorageConfig":113,"objectStorageConfigFile":"s","readyTimeout":"s","resources":129,"sha":"s","tag":"s","tracingConfig":113,"tracingConfigFile":"s","version":"s","volumeMounts":{"a":137}}},{"p":{"cipherSuites":{"a":"s"},"curves":{"a":"s"},"ca":1161,"cert":1161,"insecureSkipVerify":"b","keySecret":113,"maxVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"minVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"serverName":"s","caFile":"s","certFile":"s","keyFile":"s"}},{"p":{"authorization":1206,"basicAuth":1163,"bearerToken":"s","bearerTokenFile":"s","host":"s","tlsConfig":1202,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["host"]},{"p":{"deny":"b"}},{"p":{"group":{"e":["monitoring.coreos.com"]},"name":"s","namespace":"s","resource":{"e":["podmonitors","probes","prometheusrules","scrapeconfigs","servicemonitors"]}},"r":["namespace","resource"]},{"p":{"convertHistogramsToNHCB":"b","ignoreResourceAttributes":{"a":"s"},"keepIdentifyingResourceAttributes":"b","promoteAllResourceAttributes":"b","promoteResourceAttributes":{"a":"s"},"promoteScopeMetadata":"b","translationStrategy":{"e":["NoTranslation","NoUTF8EscapingWithSuffixes","UnderscoreEscapingWithSuffixes","UnderscoreEscapingWithoutSuffixes"]}}},{"p":{"authorization":1206,"azureAd":1218,"basicAuth":1163,"bearerToken":"s","bearerTokenFile":"s","enableHTTP2":"b","followRedirects":"b","headers":{"m":"s"},"messageVersion":{"e":["V1.0","V2.0"]},"metadataConfig":1223,"name":"s","oauth2":1164,"queueConfig":1224,"remoteTimeout":"s","roundRobinDNS":"b","sendExemplars":"b","sendNativeHistograms":"b","sigv4":1201,"tlsConfig":1202,"url":"s","writeRelabelConfigs":{"a":1189},"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["url"]},{"p":{"cloud":{"e":["AzureChina","AzureGovernment","AzurePublic"]},"managedIdentity":1219,"oauth":1220,"scope":"s","sdk":1221,"workloadIdentity":1222}},{"p":{"clientId":"s"}},{"p":{"clientId":"s","clientSecret":113,"tenantId":"s"},"r":["clientId","clientSecret","tenantId"]},{"p":{"tenantId":"s"}},{"p":{"clientId":"s","tenantId":"s"},"r":["clientId","tenantId"]},{"p":{"maxSamplesPerSend":"n","send":"b","sendInterval":"s"}},{"p":{"batchSendDeadline":"s","capacity":"n","maxBackoff":"s","maxRetries":"n","maxSamplesPerSend":"n","maxShards":"n","minBackoff":"s","minShards":"n","retryOnRateLimit":"b","sampleAgeLimit":"s"}},{"p":{"goGC":"n"}},{"p":{"attachMetadata":1186,"authorization":1206,"default":"b","fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"metricRelabelings":{"a":1189},"name":"s","relabelings":{"a":1189},"tlsConfig":1202},"r":["name"]},{"p":{"mode":{"e":["Address","Topology"]},"topology":1228}},{"p":{"externalLabelName":"s","values":{"a":"s"}}},{"p":{"additionalLabelSelectors":{"e":["OnResource","OnShard"]},"labelSelector":37,"matchLabelKeys":{"a":"s"},"maxSkew":"n","minDomains":"n","nodeAffinityPolicy":{"e":["Honor","Ignore"]},"nodeTaintsPolicy":{"e":["Honor","Ignore"]},"topologyKey":"s","whenUnsatisfiable":{"e":["DoNotSchedule","ScheduleAnyway"]}},"r":["maxSkew","topologyKey","whenUnsatisfiable"]},{"p":{"clientType":{"e":["GRPC","HTTP","grpc","http"]},"compression":{"e":["Gzip","gzip"]},"endpoint":"s","headers":{"m":"s"},"insecure":"b","samplingFraction":"x","timeout":"s","tlsConfig":1202},"r":["endpoint"]},{"p":{"outOfOrderTimeWindow":"s"}},{"p":{"maxConnections":"n","pageTitle":"s","httpConfig":1182,"tlsConfig":1173}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["PrometheusRule"]},"metadata":1,"spec":1234,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"groups":{"a":1235}}},{"p":{"interval":"s","labels":{"m":"s"},"limit":"n","name":"s","partial_response_strategy":"s","query_offset":"s","rules":{"a":1236}},"r":["name"]},{"p":{"alert":"s","annotations":{"m":"s"},"expr":"x","for":"s","keep_firing_for":"s","labels":{"m":"s"},"record":"s"},"r":["expr"]},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["ServiceMonitor"]},"metadata":1,"spec":1238,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"attachMetadata":1186,"bodySizeLimit":"s","endpoints":{"a":1239},"fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"jobLabel":"s","keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","namespaceSelector":1187,"podTargetLabels":{"a":"s"},"sampleLimit":"n","scrapeClass":"s","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"selector":37,"selectorMechanism":{"e":["RelabelConfig","RoleSelector"]},"serviceDiscoveryRole":{"e":["EndpointSlice","Endpoints"]},"targetLabels":{"a":"s"},"targetLimit":"n","convertClassicHistogramsToNHCB":"b","nativeHistogramBucketLimit":"n","nativeHistogramMinBucketFactor":"x","scrapeClassicHistograms":"b","scrapeNativeHistograms":"b"},"r":["endpoints","selector"]},{"p":{"bearerTokenFile":"s","filterRunning":"b","honorLabels":"b","honorTimestamps":"b","interval":"s","metricRelabelings":{"a":1189},"params":{"m":{"a":"s"}},"path":"s","port":"s","relabelings":{"a":1189},"scheme":{"e":["HTTP","HTTPS","http","https"]},"scrapeTimeout":"s","targetPort":"x","trackTimestampsStaleness":"b","tlsConfig":1202,"authorization":1162,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["ThanosRuler"]},"metadata":1,"spec":1241,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"additionalArgs":{"a":1155},"affinity":28,"alertDropLabels":{"a":"s"},"alertQueryUrl":"s","alertRelabelConfigFile":"s","alertRelabelConfigs":113,"alertmanagersConfig":113,"alertmanagersUrl":{"a":"s"},"containers":{"a":110},"dnsConfig":1174,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableFeatures":{"a":"s"},"enableServiceLinks":"b","enforcedNamespaceLabel":"s","evaluationInterval":"s","excludedFromEnforcement":{"a":1215},"externalPrefix":"s","grpcServerTlsConfig":1212,"hostAliases":{"a":1175},"hostUsers":"b","image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"imagePullSecrets":{"a":39},"initContainers":{"a":110},"labels":{"m":"s"},"listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"minReadySeconds":"n","nodeSelector":{"m":"s"},"objectStorageConfig":113,"objectStorageConfigFile":"s","paused":"b","podManagementPolicy":{"e":["OrderedReady","Parallel"]},"podMetadata":1177,"portName":"s","priorityClassName":"s","prometheusRulesExcludedFromEnforce":{"a":1203},"queryConfig":113,"queryEndpoints":{"a":"s"},"remoteWrite":{"a":1217},"replicas":"n","resendDelay":"s","resources":129,"retention":"s","routePrefix":"s","ruleConcurrentEval":"n","ruleGracePeriod":"s","ruleNamespaceSelector":37,"ruleOutageTolerance":"s","ruleQueryOffset":"s","ruleSelector":37,"schedulerName":"s","securityContext":146,"serviceAccountName":"s","serviceName":"s","storage":1178,"terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"tracingConfig":113,"tracingConfigFile":"s","updateStrategy":1180,"version":"s","volumeMounts":{"a":137},"volumes":{"a":148},"web":1242}},{"p":{"httpConfig":1182,"tlsConfig":1173}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1alpha1"]},"kind":{"e":["AlertmanagerConfig"]},"metadata":1,"spec":1244,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"inhibitRules":{"a":1245},"muteTimeIntervals":{"a":1247},"receivers":{"a":1251},"route":1277}},{"p":{"equal":{"a":"s"},"sourceMatch":{"a":1246},"targetMatch":{"a":1246}}},{"p":{"matchType":"s","name":"s","regex":"b","value":"s"},"r":["name"]},{"p":{"name":"s","timeIntervals":{"a":1248}},"r":["name"]},{"p":{"daysOfMonth":{"a":1249},"months":{"a":"s"},"times":{"a":1250},"weekdays":{"a":"s"},"years":{"a":"s"}}},{"p":{"end":"n","start":"n"}},{"p":{"endTime":"s","startTime":"s"}},{"p":{"discordConfigs":{"a":1252},"emailConfigs":{"a":1254},"msteamsConfigs":{"a":1256},"msteamsv2Configs":{"a":1257},"name":"s","opsgenieConfigs":{"a":1258},"pagerdutyConfigs":{"a":1260},"pushoverConfigs":{"a":1263},"rocketchatConfigs":{"a":1264},"slackConfigs":{"a":1267},"snsConfigs":{"a":1271},"telegramConfigs":{"a":1272},"victoropsConfigs":{"a":1273},"webexConfigs":{"a":1274},"webhookConfigs":{"a":1275},"wechatConfigs":{"a":1276}},"r":["name"]},{"p":{"apiURL":113,"avatarURL":"s","content":"s","httpConfig":1253,"message":"s","sendResolved":"b","title":"s","username":"s"},"r":["apiURL"]},{"p":{"authorization":1162,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"proxyURL":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authIdentity":"s","authPassword":113,"authSecret":113,"authUsername":"s","forceImplicitTLS":"b","from":"s","headers":{"a":267},"hello":"s","html":"s","requireTLS":"b","sendResolved":"b","smarthost":"s","text":"s","threading":1255,"tlsConfig":1160,"to":"s"}},{"p":{"threadByDate":{"e":["Daily","None"]}},"r":["threadByDate"]},{"p":{"httpConfig":1253,"sendResolved":"b","summary":"s","text":"s","title":"s","webhookUrl":113},"r":["webhookUrl"]},{"p":{"httpConfig":1253,"sendResolved":"b","text":"s","title":"s","webhookURL":113}},{"p":{"actions":"s","apiKey":113,"apiURL":"s","description":"s","details":{"a":267},"entity":"s","httpConfig":1253,"message":"s","note":"s","priority":"s","responders":{"a":1259},"sendResolved":"b","source":"s","tags":"s","updateAlerts":"b"}},{"p":{"id":"s","name":"s","type":{"e":["escalation","schedule","team","teams","user"]},"username":"s"},"r":["type"]},{"p":{"class":"s","client":"s","clientURL":"s","component":"s","description":"s","details":{"a":267},"group":"s","httpConfig":1253,"pagerDutyImageConfigs":{"a":1261},"pagerDutyLinkConfigs":{"a":1262},"routingKey":113,"sendResolved":"b","serviceKey":113,"severity":"s","source":"s","timeout":"s","url":"s"}},{"p":{"alt":"s","href":"s","src":"s"}},{"p":{"alt":"s","href":"s"}},{"p":{"device":"s","expire":"s","html":"b","httpConfig":1253,"message":"s","monospace":"b","priority":"s","retry":"s","sendResolved":"b","sound":"s","title":"s","token":113,"tokenFile":"s","ttl":"s","url":"s","urlTitle":"s","userKey":113,"userKeyFile":"s"}},{"p":{"actions":{"a":1265},"apiURL":"s","channel":"s","color":"s","emoji":"s","fields":{"a":1266},"httpConfig":1253,"iconURL":"s","imageURL":"s","linkNames":"b","sendResolved":"b","shortFields":"b","text":"s","thumbURL":"s","title":"s","titleLink":"s","token":113,"tokenID":113},"r":["token","tokenID"]},{"p":{"msg":"s","text":"s","url":"s"}},{"p":{"short":"b","title":"s","value":"s"}},{"p":{"actions":{"a":1268},"apiURL":113,"callbackId":"s","channel":"s","color":"s","fallback":"s","fields":{"a":1270},"footer":"s","httpConfig":1253,"iconEmoji":"s","iconURL":"s","imageURL":"s","linkNames":"b","messageText":"s","mrkdwnIn":{"a":"s"},"pretext":"s","sendResolved":"b","shortFields":"b","text":"s","thumbURL":"s","timeout":"s","title":"s","titleLink":"s","username":"s"}},{"p":{"confirm":1269,"name":"s","style":"s","text":"s","type":"s","url":"s","value":"s"},"r":["text","type"]},{"p":{"dismissText":"s","okText":"s","text":"s","title":"s"},"r":["text"]},{"p":{"short":"b","title":"s","value":"s"},"r":["title","value"]},{"p":{"apiURL":"s","attributes":{"m":"s"},"httpConfig":1253,"message":"s","phoneNumber":"s","sendResolved":"b","sigv4":1201,"subject":"s","targetARN":"s","topicARN":"s"}},{"p":{"apiURL":"s","botToken":113,"botTokenFile":"s","chatID":"n","disableNotifications":"b","httpConfig":1253,"message":"s","messageThreadID":"n","parseMode":{"e":["HTML","Markdown","MarkdownV2"]},"sendResolved":"b"},"r":["chatID"]},{"p":{"apiKey":113,"apiUrl":"s","customFields":{"a":267},"entityDisplayName":"s","httpConfig":1253,"messageType":"s","monitoringTool":"s","routingKey":"s","sendResolved":"b","stateMessage":"s"},"r":["routingKey"]},{"p":{"apiURL":"s","httpConfig":1253,"message":"s","roomID":"s","sendResolved":"b"},"r":["roomID"]},{"p":{"httpConfig":1253,"maxAlerts":"n","sendResolved":"b","timeout":"s","url":"s","urlSecret":113}},{"p":{"agentID":"s","apiSecret":113,"apiURL":"s","corpID":"s","httpConfig":1253,"message":"s","messageType":"s","sendResolved":"b","toParty":"s","toTag":"s","toUser":"s"}},{"p":{"activeTimeIntervals":{"a":"s"},"continue":"b","groupBy":{"a":"s"},"groupInterval":"s","groupWait":"s","matchers":{"a":1246},"muteTimeIntervals":{"a":"s"},"receiver":"s","repeatInterval":"s","routes":{"a":"*"}}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1alpha1"]},"kind":{"e":["PrometheusAgent"]},"metadata":1,"spec":1279,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"mode":{"e":["DaemonSet","StatefulSet"]},"additionalArgs":{"a":1155},"additionalScrapeConfigs":113,"affinity":28,"apiserverConfig":1213,"arbitraryFSAccessThroughSMs":1214,"automountServiceAccountToken":"b","bodySizeLimit":"s","configMaps":{"a":"s"},"containers":{"a":110},"convertClassicHistogramsToNHCB":"b","dnsConfig":1174,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableFeatures":{"a":"s"},"enableOTLPReceiver":"b","enableRemoteWriteReceiver":"b","enableServiceLinks":"b","enforcedBodySizeLimit":"s","enforcedKeepDroppedTargets":"n","enforcedLabelLimit":"n","enforcedLabelNameLengthLimit":"n","enforcedLabelValueLengthLimit":"n","enforcedNamespaceLabel":"s","enforcedSampleLimit":"n","enforcedTargetLimit":"n","excludedFromEnforcement":{"a":1215},"externalLabels":{"m":"s"},"externalUrl":"s","hostAliases":{"a":1175},"hostNetwork":"b","hostUsers":"b","ignoreNamespaceSelectors":"b","image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"imagePullSecrets":{"a":39},"initContainers":{"a":110},"keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"maximumStartupDurationSeconds":"n","minReadySeconds":"n","nameEscapingScheme":{"e":["AllowUTF8","Dots","Underscores","Values"]},"nameValidationScheme":{"e":["Legacy","UTF8"]},"nodeSelector":{"m":"s"},"otlp":1216,"overrideHonorLabels":"b","overrideHonorTimestamps":"b","paused":"b","persistentVolumeClaimRetentionPolicy":201,"podManagementPolicy":{"e":["OrderedReady","Parallel"]},"podMetadata":1177,"podMonitorNamespaceSelector":37,"podMonitorSelector":37,"podTargetLabels":{"a":"s"},"portName":"s","priorityClassName":"s","probeNamespaceSelector":37,"probeSelector":37,"prometheusExternalLabelName":"s","reloadStrategy":{"e":["HTTP","ProcessSignal"]},"remoteWrite":{"a":1217},"remoteWriteReceiverMessageVersions":{"a":{"e":["V1.0","V2.0"]}},"replicaExternalLabelName":"s","replicas":"n","resources":129,"routePrefix":"s","runtime":1225,"sampleLimit":"n","schedulerName":"s","scrapeClasses":{"a":1226},"scrapeClassicHistograms":"b","scrapeConfigNamespaceSelector":37,"scrapeConfigSelector":37,"scrapeFailureLogFile":"s","scrapeInterval":"s","scrapeNativeHistograms":"b","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"scrapeTimeout":"s","secrets":{"a":"s"},"securityContext":146,"serviceAccountName":"s","serviceDiscoveryRole":{"e":["EndpointSlice","Endpoints"]},"serviceMonitorNamespaceSelector":37,"serviceMonitorSelector":37,"serviceName":"s","shardingStrategy":1227,"shards":"n","storage":1178,"targetLimit":"n","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":1229},"tracingConfig":1230,"tsdb":1231,"updateStrategy":1180,"version":"s","volumeMounts":{"a":137},"volumes":{"a":148},"walCompression":"b","web":1232}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1alpha1"]},"kind":{"e":["ScrapeConfig"]},"metadata":1,"spec":1281,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"authorization":1162,"azureSDConfigs":{"a":1282},"basicAuth":1163,"bodySizeLimit":"s","consulSDConfigs":{"a":1283},"digitalOceanSDConfigs":{"a":1284},"dnsSDConfigs":{"a":1285},"dockerSDConfigs":{"a":1286},"dockerSwarmSDConfigs":{"a":1288},"ec2SDConfigs":{"a":1289},"enableCompression":"b","enableHTTP2":"b","eurekaSDConfigs":{"a":1290},"fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"fileSDConfigs":{"a":1291},"gceSDConfigs":{"a":1292},"hetznerSDConfigs":{"a":1293},"honorLabels":"b","honorTimestamps":"b","httpSDConfigs":{"a":1294},"ionosSDConfigs":{"a":1295},"jobName":"s","keepDroppedTargets":"n","kubernetesSDConfigs":{"a":1296},"kumaSDConfigs":{"a":1299},"labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","lightSailSDConfigs":{"a":1300},"linodeSDConfigs":{"a":1301},"metricRelabelings":{"a":1189},"metricsPath":"s","nameEscapingScheme":{"e":["AllowUTF8","Dots","Underscores","Values"]},"nameValidationScheme":{"e":["Legacy","UTF8"]},"nomadSDConfigs":{"a":1302},"oauth2":1164,"openstackSDConfigs":{"a":1303},"ovhcloudSDConfigs":{"a":1304},"params":{"m":{"a":"s"}},"puppetDBSDConfigs":{"a":1305},"relabelings":{"a":1189},"sampleLimit":"n","scalewaySDConfigs":{"a":1306},"scheme":{"e":["HTTP","HTTPS","http","https"]},"scrapeClass":"s","scrapeInterval":"s","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"scrapeTimeout":"s","staticConfigs":{"a":1307},"targetLimit":"n","tlsConfig":1160,"trackTimestampsStaleness":"b","convertClassicHistogramsToNHCB":"b","nativeHistogramBucketLimit":"n","nativeHistogramMinBucketFactor":"x","scrapeClassicHistograms":"b","scrapeNativeHistograms":"b","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authenticationMethod":{"e":["ManagedIdentity","OAuth","SDK","WorkloadIdentity"]},"authorization":1162,"basicAuth":1163,"clientID":"s","clientSecret":113,"enableHTTP2":"b","environment":"s","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","resourceGroup":"s","subscriptionID":"s","tenantID":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["subscriptionID"]},{"p":{"allowStale":"b","authorization":1162,"basicAuth":1163,"datacenter":"s","enableHTTP2":"b","filter":"s","followRedirects":"b","healthFilter":"s","namespace":"s","nodeMeta":{"m":"s"},"oauth2":1164,"partition":"s","pathPrefix":"s","refreshInterval":"s","scheme":{"e":["HTTP","HTTPS","http","https"]},"server":"s","services":{"a":"s"},"tagSeparator":"s","tags":{"a":"s"},"tlsConfig":1160,"tokenRef":113,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["server"]},{"p":{"authorization":1162,"enableHTTP2":"b","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"names":{"a":"s"},"port":"n","refreshInterval":"s","type":{"e":["A","AAAA","MX","NS","SRV"]}},"r":["names"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","filters":{"a":1287},"followRedirects":"b","host":"s","hostNetworkingHost":"s","matchFirstNetwork":"b","oauth2":1164,"port":"n","refreshInterval":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["host"]},{"p":{"name":"s","values":{"a":"s"}},"r":["name","values"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","filters":{"a":1287},"followRedirects":"b","host":"s","oauth2":1164,"port":"n","refreshInterval":"s","role":{"e":["Nodes","Services","Tasks"]},"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["host","role"]},{"p":{"accessKey":113,"enableHTTP2":"b","filters":{"a":1287},"followRedirects":"b","port":"n","refreshInterval":"s","region":"s","roleARN":"s","secretKey":113,"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","oauth2":1164,"refreshInterval":"s","server":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["server"]},{"p":{"files":{"a":"s"},"refreshInterval":"s"},"r":["files"]},{"p":{"filter":"s","port":"n","project":"s","refreshInterval":"s","tagSeparator":"s","zone":"s"},"r":["project","zone"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","labelSelector":"s","oauth2":1164,"port":"n","refreshInterval":"s","role":{"e":["Hcloud","Robot","hcloud","robot"]},"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["role"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","oauth2":1164,"refreshInterval":"s","tlsConfig":1160,"url":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["url"]},{"p":{"authorization":1162,"datacenterID":"s","enableHTTP2":"b","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["authorization","datacenterID"]},{"p":{"apiServer":"s","attachMetadata":1186,"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","namespaces":1297,"oauth2":1164,"role":{"e":["EndpointSlice","Endpoints","Ingress","Node","Pod","Service"]},"selectors":{"a":1298},"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["role"]},{"p":{"names":{"a":"s"},"ownNamespace":"b"}},{"p":{"field":"s","label":"s","role":{"e":["EndpointSlice","Endpoints","Ingress","Node","Pod","Service"]}},"r":["role"]},{"p":{"authorization":1162,"basicAuth":1163,"clientID":"s","enableHTTP2":"b","fetchTimeout":"s","followRedirects":"b","oauth2":1164,"refreshInterval":"s","server":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["server"]},{"p":{"accessKey":113,"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","endpoint":"s","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","region":"s","roleARN":"s","secretKey":113,"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authorization":1162,"enableHTTP2":"b","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","region":"s","tagSeparator":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"allowStale":"b","authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","namespace":"s","oauth2":1164,"refreshInterval":"s","region":"s","server":"s","tagSeparator":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["server"]},{"p":{"allTenants":"b","applicationCredentialId":"s","applicationCredentialName":"s","applicationCredentialSecret":113,"availability":{"e":["Admin","Internal","Public","admin","internal","public"]},"domainID":"s","domainName":"s","identityEndpoint":"s","password":113,"port":"n","projectID":"s","projectName":"s","refreshInterval":"s","region":"s","role":{"e":["Hypervisor","Instance","LoadBalancer"]},"tlsConfig":1160,"userid":"s","username":"s"},"r":["region","role"]},{"p":{"applicationKey":"s","applicationSecret":113,"consumerKey":113,"endpoint":"s","refreshInterval":"s","service":{"e":["DedicatedServer","VPS"]}},"r":["applicationKey","applicationSecret","consumerKey","service"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","includeParameters":"b","oauth2":1164,"port":"n","query":"s","refreshInterval":"s","tlsConfig":1160,"url":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["query","url"]},{"p":{"accessKey":"s","apiURL":"s","enableHTTP2":"b","followRedirects":"b","nameFilter":"s","port":"n","projectID":"s","refreshInterval":"s","role":{"e":["Baremetal","Instance"]},"secretKey":113,"tagsFilter":{"a":"s"},"tlsConfig":1160,"zone":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["accessKey","projectID","role","secretKey"]},{"p":{"labels":{"m":"s"},"targets":{"a":"s"}},"r":["targets"]},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1beta1"]},"kind":{"e":["AlertmanagerConfig"]},"metadata":1,"spec":1309,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"inhibitRules":{"a":1310},"receivers":{"a":1312},"route":1329,"timeIntervals":{"a":1247}}},{"p":{"equal":{"a":"s"},"sourceMatch":{"a":1311},"targetMatch":{"a":1311}}},{"p":{"matchType":"s","name":"s","value":"s"},"r":["name"]},{"p":{"discordConfigs":{"a":1313},"emailConfigs":{"a":1315},"msteamsConfigs":{"a":1316},"msteamsv2Configs":{"a":1317},"name":"s","opsgenieConfigs":{"a":1318},"pagerdutyConfigs":{"a":1319},"pushoverConfigs":{"a":1320},"rocketchatConfigs":{"a":1321},"slackConfigs":{"a":1322},"snsConfigs":{"a":1323},"telegramConfigs":{"a":1324},"victoropsConfigs":{"a":1325},"webexConfigs":{"a":1326},"webhookConfigs":{"a":1327},"wechatConfigs":{"a":1328}},"r":["name"]},{"p":{"apiURL":113,"avatarURL":"s","content":"s","httpConfig":1314,"message":"s","sendResolved":"b","title":"s","username":"s"},"r":["apiURL"]},{"p":{"authorization":1162,"basicAuth":1163,"bearerTokenSecret":237,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"proxyURL":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authIdentity":"s","authPassword":237,"authSecret":237,"authUsername":"s","forceImplicitTLS":"b","from":"s","headers":{"a":267},"hello":"s","html":"s","requireTLS":"b","sendResolved":"b","smarthost":"s","text":"s","threading":1255,"tlsConfig":1160,"to":"s"}},{"p":{"httpConfig":1314,"sendResolved":"b","summary":"s","text":"s","title":"s","webhookUrl":113},"r":["webhookUrl"]},{"p":{"httpConfig":1314,"sendResolved":"b","text":"s","title":"s","webhookURL":113}},{"p":{"actions":"s","apiKey":237,"apiURL":"s","description":"s","details":{"a":267},"entity":"s","httpConfig":1314,"message":"s","note":"s","priority":"s","responders":{"a":1259},"sendResolved":"b","source":"s","tags":"s"}},{"p":{"class":"s","client":"s","clientURL":"s","component":"s","description":"s","details":{"a":267},"group":"s","httpConfig":1314,"pagerDutyImageConfigs":{"a":1261},"pagerDutyLinkConfigs":{"a":1262},"routingKey":237,"sendResolved":"b","serviceKey":237,"severity":"s","source":"s","timeout":"s","url":"s"}},{"p":{"device":"s","expire":"s","html":"b","httpConfig":1314,"message":"s","monospace":"b","priority":"s","retry":"s","sendResolved":"b","sound":"s","title":"s","token":237,"tokenFile":"s","ttl":"s","url":"s","urlTitle":"s","userKey":237,"userKeyFile":"s"}},{"p":{"actions":{"a":1265},"apiURL":"s","channel":"s","color":"s","emoji":"s","fields":{"a":1266},"httpConfig":1314,"iconURL":"s","imageURL":"s","linkNames":"b","sendResolved":"b","shortFields":"b","text":"s","thumbURL":"s","title":"s","titleLink":"s","token":113,"tokenID":113},"r":["token","tokenID"]},{"p":{"actions":{"a":1268},"apiURL":237,"callbackId":"s","channel":"s","color":"s","fallback":"s","fields":{"a":1270},"footer":"s","httpConfig":1314,"iconEmoji":"s","iconURL":"s","imageURL":"s","linkNames":"b","messageText":"s","mrkdwnIn":{"a":"s"},"pretext":"s","sendResolved":"b","shortFields":"b","text":"s","thumbURL":"s","timeout":"s","title":"s","titleLink":"s","username":"s"}},{"p":{"apiURL":"s","attributes":{"m":"s"},"httpConfig":1314,"message":"s","phoneNumber":"s","sendResolved":"b","sigv4":1201,"subject":"s","targetARN":"s","topicARN":"s"}},{"p":{"apiURL":"s","botToken":237,"botTokenFile":"s","chatID":"n","disableNotifications":"b","httpConfig":1314,"message":"s","messageThreadID":"n","parseMode":{"e":["HTML","Markdown","MarkdownV2"]},"sendResolved":"b"},"r":["chatID"]},{"p":{"apiKey":237,"apiUrl":"s","customFields":{"a":267},"entityDisplayName":"s","httpConfig":1314,"messageType":"s","monitoringTool":"s","routingKey":"s","sendResolved":"b","stateMessage":"s"},"r":["routingKey"]},{"p":{"apiURL":"s","httpConfig":1314,"message":"s","roomID":"s","sendResolved":"b"},"r":["roomID"]},{"p":{"httpConfig":1314,"maxAlerts":"n","sendResolved":"b","timeout":"s","url":"s","urlSecret":237}},{"p":{"agentID":"s","apiSecret":237,"apiURL":"s","corpID":"s","httpConfig":1314,"message":"s","messageType":"s","sendResolved":"b","toParty":"s","toTag":"s","toUser":"s"}},{"p":{"activeTimeIntervals":{"a":"s"},"continue":"b","groupBy":{"a":"s"},"groupInterval":"s","groupWait":"s","matchers":{"a":1311},"muteTimeIntervals":{"a":"s"},"receiver":"s","repeatInterval":"s","routes":{"a":"*"}}},{"p":{"spec":1331,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["DestinationRule"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"exportTo":{"a":"s"},"host":"s","subsets":{"a":1332},"trafficPolicy":1333,"workloadSelector":653},"r":["host"]},{"p":{"labels":{"m":"s"},"name":"s","trafficPolicy":1333},"r":["name"]},{"p":{"connectionPool":1334,"loadBalancer":"*","outlierDetection":1338,"portLevelSettings":{"a":1339},"proxyProtocol":1342,"retryBudget":1343,"tls":1341,"tunnel":1344}},{"p":{"http":1335,"tcp":1336}},{"p":{"h2UpgradePolicy":{"e":["DEFAULT","DO_NOT_UPGRADE","UPGRADE"]},"http1MaxPendingRequests":"n","http2MaxRequests":"n","idleTimeout":"s","maxConcurrentStreams":"n","maxRequestsPerConnection":"n","maxRetries":"n","useClientProtocol":"b"}},{"p":{"connectTimeout":"s","idleTimeout":"s","maxConnectionDuration":"s","maxConnections":"n","tcpKeepalive":1337}},{"p":{"interval":"s","probes":"n","time":"s"}},{"p":{"baseEjectionTime":"s","consecutive5xxErrors":"n","consecutiveErrors":"n","consecutiveGatewayErrors":"n","consecutiveLocalOriginFailures":"n","interval":"s","maxEjectionPercent":"n","minHealthPercent":"n","splitExternalLocalOriginErrors":"b"}},{"p":{"connectionPool":1334,"loadBalancer":"*","outlierDetection":1338,"port":1340,"tls":1341}},{"p":{"number":"n"}},{"p":{"caCertificates":"s","caCrl":"s","clientCertificate":"s","credentialName":"s","insecureSkipVerify":"b","mode":{"e":["DISABLE","ISTIO_MUTUAL","MUTUAL","SIMPLE"]},"privateKey":"s","sni":"s","subjectAltNames":{"a":"s"}}},{"p":{"version":{"e":["V1","V2"]}}},{"p":{"minRetryConcurrency":"n","percent":"n"}},{"p":{"protocol":"s","targetHost":"s","targetPort":"n"},"r":["targetHost","targetPort"]},{"p":{"spec":1346,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["Gateway"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"selector":{"m":"s"},"servers":{"a":1347}}},{"p":{"bind":"s","defaultEndpoint":"s","hosts":{"a":"s"},"name":"s","port":1348,"tls":1349},"r":["hosts","port"]},{"p":{"name":"s","number":"n","protocol":"s","targetPort":"n"},"r":["name","number","protocol"]},{"p":{"caCertCredentialName":"s","caCertificates":"s","caCrl":"s","cipherSuites":{"a":"s"},"credentialName":"s","credentialNames":{"a":"s"},"httpsRedirect":"b","maxProtocolVersion":{"e":["TLSV1_0","TLSV1_1","TLSV1_2","TLSV1_3","TLS_AUTO"]},"minProtocolVersion":{"e":["TLSV1_0","TLSV1_1","TLSV1_2","TLSV1_3","TLS_AUTO"]},"mode":{"e":["AUTO_PASSTHROUGH","ISTIO_MUTUAL","MUTUAL","OPTIONAL_MUTUAL","PASSTHROUGH","SIMPLE"]},"privateKey":"s","serverCertificate":"s","subjectAltNames":{"a":"s"},"tlsCertificates":{"a":1350},"verifyCertificateHash":{"a":"s"},"verifyCertificateSpki":{"a":"s"}}},{"p":{"caCertificates":"s","privateKey":"s","serverCertificate":"s"}},{"p":{"spec":1352,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["ServiceEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"addresses":{"a":"s"},"endpoints":{"a":1353},"exportTo":{"a":"s"},"hosts":{"a":"s"},"location":{"e":["MESH_EXTERNAL","MESH_INTERNAL"]},"ports":{"a":1354},"resolution":{"e":["DNS","DNS_ROUND_ROBIN","DYNAMIC_DNS","NONE","STATIC"]},"subjectAltNames":{"a":"s"},"workloadSelector":1355},"r":["hosts"]},{"p":{"address":"s","labels":{"m":"s"},"locality":"s","network":"s","ports":{"m":"n"},"serviceAccount":"s","weight":"n"}},{"p":{"name":"s","number":"n","protocol":"s","targetPort":"n"},"r":["name","number"]},{"p":{"labels":{"m":"s"}}},{"p":{"spec":1357,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["Sidecar"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"egress":{"a":1358},"inboundConnectionPool":1334,"ingress":{"a":1360},"outboundTrafficPolicy":1361,"workloadSelector":1355}},{"p":{"bind":"s","captureMode":{"e":["DEFAULT","IPTABLES","NONE"]},"hosts":{"a":"s"},"port":1359},"r":["hosts"]},{"p":{"name":"s","number":"n","protocol":"s","targetPort":"n"}},{"p":{"bind":"s","captureMode":{"e":["DEFAULT","IPTABLES","NONE"]},"connectionPool":1334,"defaultEndpoint":"s","port":1359,"tls":1349},"r":["port"]},{"p":{"egressProxy":1362,"mode":{"e":["ALLOW_ANY","REGISTRY_ONLY"]}}},{"p":{"host":"s","port":1340,"subset":"s"},"r":["host"]},{"p":{"spec":1364,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["VirtualService"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"exportTo":{"a":"s"},"gateways":{"a":"s"},"hosts":{"a":"s"},"http":{"a":1365},"tcp":{"a":1379},"tls":{"a":1382}}},{"p":{"corsPolicy":1366,"delegate":1367,"directResponse":1368,"fault":1369,"headers":1370,"match":{"a":1372},"mirror":1362,"mirror_percent":"n","mirrorPercent":"n","mirrorPercentage":1373,"mirrors":{"a":1374},"name":"s","redirect":"*","retries":1375,"rewrite":1376,"route":{"a":1378},"timeout":"s"}},{"p":{"allowCredentials":"b","allowHeaders":{"a":"s"},"allowMethods":{"a":"s"},"allowOrigin":{"a":"s"},"allowOrigins":{"a":"*"},"exposeHeaders":{"a":"s"},"maxAge":"s","unmatchedPreflights":{"e":["FORWARD","IGNORE","UNSPECIFIED"]}}},{"p":{"name":"s","namespace":"s"}},{"p":{"body":"*","status":"n"},"r":["status"]},{"p":{"abort":"*","delay":"*"}},{"p":{"request":1371,"response":1371}},{"p":{"add":{"m":"s"},"remove":{"a":"s"},"set":{"m":"s"}}},{"p":{"authority":"*","gateways":{"a":"s"},"headers":{"m":"*"},"ignoreUriCase":"b","method":"*","name":"s","port":"n","queryParams":{"m":"*"},"scheme":"*","sourceLabels":{"m":"s"},"sourceNamespace":"s","statPrefix":"s","uri":"*","withoutHeaders":{"m":"*"}}},{"p":{"value":"n"}},{"p":{"destination":1362,"percentage":1373},"r":["destination"]},{"p":{"attempts":"n","backoff":"s","perTryTimeout":"s","retryIgnorePreviousHosts":"b","retryOn":"s","retryRemoteLocalities":"b"}},{"p":{"authority":"s","uri":"s","uriRegexRewrite":1377}},{"p":{"match":"s","rewrite":"s"}},{"p":{"destination":1362,"headers":1370,"weight":"n"},"r":["destination"]},{"p":{"match":{"a":1380},"route":{"a":1381}}},{"p":{"destinationSubnets":{"a":"s"},"gateways":{"a":"s"},"port":"n","sourceLabels":{"m":"s"},"sourceNamespace":"s","sourceSubnet":"s"}},{"p":{"destination":1362,"weight":"n"},"r":["destination"]},{"p":{"match":{"a":1383},"route":{"a":1381}},"r":["match"]},{"p":{"destinationSubnets":{"a":"s"},"gateways":{"a":"s"},"port":"n","sniHosts":{"a":"s"},"sourceLabels":{"m":"s"},"sourceNamespace":"s"},"r":["sniHosts"]},{"p":{"spec":1353,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["WorkloadEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1386,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["WorkloadGroup"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"metadata":26,"probe":"*","template":1353},"r":["template"]},{"p":{"spec":1331,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["DestinationRule"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1389,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["EnvoyFilter"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"configPatches":{"a":1390},"priority":"n","targetRefs":{"a":281},"workloadSelector":1355}},{"p":{"applyTo":{"e":["BOOTSTRAP","CLUSTER","EXTENSION_CONFIG","FILTER_CHAIN","HTTP_FILTER","HTTP_ROUTE","INVALID","LISTENER","LISTENER_FILTER","NETWORK_FILTER","ROUTE_CONFIGURATION","VIRTUAL_HOST"]},"match":"*","patch":1391}},{"p":{"filterClass":{"e":["AUTHN","AUTHZ","STATS","UNSPECIFIED"]},"operation":{"e":["ADD","INSERT_AFTER","INSERT_BEFORE","INSERT_FIRST","INVALID","MERGE","REMOVE","REPLACE"]},"value":"*"}},{"p":{"spec":1346,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["Gateway"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1352,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["ServiceEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1357,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["Sidecar"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1364,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["VirtualService"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1353,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["WorkloadEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1386,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["WorkloadGroup"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1331,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["DestinationRule"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1346,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["Gateway"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1401,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["ProxyConfig"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"concurrency":"n","environmentVariables":{"m":"s"},"image":1402,"selector":653}},{"p":{"imageType":"s"}},{"p":{"spec":1352,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["ServiceEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1357,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["Sidecar"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1364,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["VirtualService"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1353,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["WorkloadEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1386,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["WorkloadGroup"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["Ingress"]},"metadata":1,"spec":1409,"status":"*"},"r":["apiVersion","kind"]},{"p":{"defaultBackend":1410,"ingressClassName":"s","rules":{"a":1413},"tls":{"a":666}}},{"p":{"resource":163,"service":1411}},{"p":{"name":"s","port":1412},"r":["name"]},{"p":{"name":"s","number":"n"}},{"p":{"host":"s","http":1414}},{"p":{"paths":{"a":1415}},"r":["paths"]},{"p":{"backend":1410,"path":"s","pathType":{"e":["Exact","ImplementationSpecific","Prefix"]}},"r":["backend","pathType"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["IngressClass"]},"metadata":1,"spec":1417},"r":["apiVersion","kind"]},{"p":{"controller":"s","parameters":1418}},{"p":{"apiGroup":"s","kind":"s","name":"s","namespace":"s","scope":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["IPAddress"]},"metadata":1,"spec":1420},"r":["apiVersion","kind","spec"]},{"p":{"parentRef":1421},"r":["parentRef"]},{"p":{"group":"s","name":"s","namespace":"s","resource":"s"},"r":["name","resource"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["NetworkPolicy"]},"metadata":1,"spec":1423},"r":["apiVersion","kind"]},{"p":{"egress":{"a":1424},"ingress":{"a":1426},"podSelector":37,"policyTypes":{"a":{"e":["Egress","Ingress"]}}}},{"p":{"ports":{"a":1425},"to":{"a":671}}},{"p":{"endPort":"n","port":"x","protocol":{"e":["SCTP","TCP","UDP"]}}},{"p":{"from":{"a":671},"ports":{"a":1425}}},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["ServiceCIDR"]},"metadata":1,"spec":1428,"status":"*"},"r":["apiVersion","kind"]},{"p":{"cidrs":{"a":"s"}}},{"p":{"apiVersion":{"e":["networking.k8s.io/v1beta1"]},"kind":{"e":["Ingress"]},"metadata":1,"spec":661,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1beta1"]},"kind":{"e":["IngressClass"]},"metadata":1,"spec":1417},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["node.k8s.io/v1"]},"handler":"s","kind":{"e":["RuntimeClass"]},"metadata":1,"overhead":1432,"scheduling":1433},"r":["apiVersion","handler","kind"]},{"p":{"podFixed":{"m":"x"}}},{"p":{"nodeSelector":{"m":"s"},"tolerations":{"a":45}}},{"p":{"apiVersion":{"e":["node.k8s.io/v1beta1"]},"handler":"s","kind":{"e":["RuntimeClass"]},"metadata":1,"overhead":1432,"scheduling":1433},"r":["apiVersion","handler","kind"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1"]},"kind":{"e":["Receiver"]},"metadata":1,"spec":1436,"status":"*"},"r":["apiVersion","kind"]},{"p":{"events":{"a":"s"},"interval":"s","resourceFilter":"s","resources":{"a":1437},"secretRef":142,"suspend":"b","type":{"e":["acr","bitbucket","cdevents","dockerhub","gcr","generic","generic-hmac","github","gitlab","harbor","nexus","quay"]}},"r":["resources","secretRef","type"]},{"p":{"apiVersion":"s","kind":"s","matchLabels":{"m":"s"},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Alert"]},"metadata":1,"spec":1439,"status":"*"},"r":["apiVersion","kind"]},{"p":{"eventSeverity":{"e":["error","info"]},"eventSources":{"a":1437},"exclusionList":{"a":"s"},"providerRef":142,"summary":"s","suspend":"b"},"r":["eventSources","providerRef"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Provider"]},"metadata":1,"spec":1441,"status":"*"},"r":["apiVersion","kind"]},{"p":{"address":"s","certSecretRef":142,"channel":"s","proxy":"s","secretRef":142,"suspend":"b","timeout":"s","type":{"e":["alertmanager","azuredevops","azureeventhub","bitbucket","discord","generic","generic-hmac","github","githubdispatch","gitlab","googlechat","grafana","lark","matrix","msteams","opsgenie","rocket","sentry","slack","telegram","webex"]},"username":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Receiver"]},"metadata":1,"spec":1443,"status":"*"},"r":["apiVersion","kind"]},{"p":{"events":{"a":"s"},"resources":{"a":1437},"secretRef":142,"suspend":"b","type":{"e":["acr","bitbucket","dockerhub","gcr","generic","generic-hmac","github","gitlab","harbor","nexus","quay"]}},"r":["resources","secretRef","type"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Alert"]},"metadata":1,"spec":1445,"status":"*"},"r":["apiVersion","kind"]},{"p":{"eventMetadata":{"m":"s"},"eventSeverity":{"e":["error","info"]},"eventSources":{"a":1437},"exclusionList":{"a":"s"},"inclusionList":{"a":"s"},"providerRef":142,"summary":"s","suspend":"b"},"r":["eventSources","providerRef"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Provider"]},"metadata":1,"spec":1447,"status":"*"},"r":["apiVersion","kind"]},{"p":{"address":"s","certSecretRef":142,"channel":"s","interval":"s","proxy":"s","secretRef":142,"suspend":"b","timeout":"s","type":{"e":["alertmanager","azuredevops","azureeventhub","bitbucket","bitbucketserver","datadog","discord","generic","generic-hmac","gitea","github","githubdispatch","gitlab","googlechat","googlepubsub","grafana","lark","matrix","msteams","opsgenie","pagerduty","rocket","sentry","slack","telegram","webex"]},"username":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Receiver"]},"metadata":1,"spec":1449,"status":"*"},"r":["apiVersion","kind"]},{"p":{"events":{"a":"s"},"interval":"s","resources":{"a":1437},"secretRef":142,"suspend":"b","type":{"e":["acr","bitbucket","dockerhub","gcr","generic","generic-hmac","github","gitlab","harbor","nexus","quay"]}},"r":["resources","secretRef","type"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta3"]},"kind":{"e":["Alert"]},"metadata":1,"spec":1445},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta3"]},"kind":{"e":["Provider"]},"metadata":1,"spec":1452},"r":["apiVersion","kind"]},{"p":{"address":"s","certSecretRef":142,"channel":"s","commitStatusExpr":"s","interval":"s","proxy":"s","proxySecretRef":142,"secretRef":142,"serviceAccountName":"s","suspend":"b","timeout":"s","type":{"e":["alertmanager","azuredevops","azureeventhub","bitbucket","bitbucketserver","datadog","discord","generic","generic-hmac","gitea","giteapullrequestcomment","github","githubdispatch","githubpullrequestcomment","gitlab","gitlabmergerequestcomment","googlechat","googlepubsub","grafana","lark","matrix","msteams","nats","opsgenie","otel","pagerduty","rocket","sentry","slack","telegram","webex","zulip"]},"username":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["operator.knative.dev/v1beta1"]},"kind":{"e":["KnativeEventing"]},"metadata":1,"spec":1454,"status":"*"},"r":["apiVersion","kind"]},{"p":{"defaultBrokerClass":"s","sinkBindingSelectionMode":"s","source":1455,"additionalManifests":{"a":1457},"clusterProfileRef":838,"config":{"m":{"m":"s"}},"deployments":{"a":1458},"high-availability":1462,"manifests":{"a":1457},"namespace":26,"podDisruptionBudgets":{"a":1463},"registry":1464,"resources":{"a":1461},"services":{"a":1465},"version":"s","workloads":{"a":1458}}},{"p":{"ceph":1456,"github":1456,"gitlab":1456,"kafka":1456,"rabbitmq":1456,"redis":1456},"r":["ceph","github","gitlab","kafka","rabbitmq","redis"]},{"p":{"enabled":"b"},"r":["enabled"]},{"p":{"URL":"s"},"r":["URL"]},{"p":{"affinity":28,"annotations":{"m":"s"},"env":{"a":1459},"hostNetwork":"b","labels":{"m":"s"},"livenessProbes":{"a":1460},"name":"s","nodeSelector":{"m":"s"},"readinessProbes":{"a":1460},"replicas":"n","resources":{"a":1461},"tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"version":"s","volumeMounts":{"a":137}},"r":["name"]},{"p":{"container":"s","envVars":{"a":111}},"r":["container"]},{"p":{"container":"s","failureThreshold":"n","initialDelaySeconds":"n","periodSeconds":"n","successThreshold":"n","terminationGracePeriodSeconds":"n","timeoutSeconds":"n"},"r":["container"]},{"p":{"container":"s","claims":{"a":130},"limits":{"m":"x"},"requests":{"m":"x"}},"r":["container"]},{"p":{"replicas":"n"},"r":["replicas"]},{"p":{"name":"s","maxUnavailable":"x","minAvailable":"x","selector":37,"unhealthyPodEvictionPolicy":{"e":["AlwaysAllow","IfHealthyBudget"]}},"r":["name"]},{"p":{"default":"s","imagePullSecrets":{"a":39},"override":{"m":"s"}}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"},"name":"s","selector":{"m":"s"}},"r":["name"]},{"p":{"apiVersion":{"e":["operator.knative.dev/v1beta1"]},"kind":{"e":["KnativeServing"]},"metadata":1,"spec":1467,"status":"*"},"r":["apiVersion","kind"]},{"p":{"controller-custom-certs":1468,"ingress":1469,"security":1477,"additionalManifests":{"a":1457},"clusterProfileRef":838,"config":{"m":{"m":"s"}},"deployments":{"a":1458},"high-availability":1462,"manifests":{"a":1457},"namespace":26,"podDisruptionBudgets":{"a":1463},"registry":1464,"resources":{"a":1461},"services":{"a":1465},"version":"s","workloads":{"a":1458}}},{"p":{"name":"s","type":"s"},"r":["name","type"]},{"p":{"contour":1470,"gateway-api":1470,"istio":1471,"kourier":1476}},{"p":{"enabled":"b"}},{"p":{"enabled":"b","knative-ingress-gateway":1472,"knative-local-gateway":1472}},{"p":{"selector":{"m":"s"},"servers":{"a":1473}}},{"p":{"bind":"s","defaultEndpoint":"s","hosts":{"a":"s"},"name":"s","port":1474,"tls":1475}},{"p":{"name":"s","number":"n","protocol":"s","target_port":"n"}},{"p":{"caCertificates":"s","cipherSuites":{"a":"s"},"credentialName":"s","httpsRedirect":"b","maxProtocolVersion":"n","minProtocolVersion":"n","mode":{"e":["AUTO_PASSTHROUGH","ISTIO_MUTUAL","MUTUAL","PASSTHROUGH","SIMPLE"]},"privateKey":"s","serverCertificate":"s","subjectAltNames":{"a":"s"},"verifyCertificateHash":{"a":"s"},"verifyCertificateSpki":{"a":"s"}}},{"p":{"bootstrap-configmap":"s","enabled":"b","http-port":"n","https-port":"n","service-load-balancer-ip":"s","service-type":{"e":["ClusterIP","ExternalName","LoadBalancer","NodePort"]}}},{"p":{"securityGuard":1456},"r":["securityGuard"]},{"p":{"apiVersion":{"e":["policy.cert-manager.io/v1alpha1"]},"kind":{"e":["CertificateRequestPolicy"]},"metadata":1,"spec":1479,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"allowed":1480,"constraints":1485,"plugins":{"m":1487},"selector":1488},"r":["selector"]},{"p":{"commonName":1481,"dnsNames":1483,"emailAddresses":1483,"ipAddresses":1483,"isCA":"b","subject":1484,"uris":1483,"usages":{"a":{"e":["any","cert sign","client auth","code signing","content commitment","crl sign","data encipherment","decipher only","digital signature","email protection","encipher only","ipsec end system","ipsec tunnel","ipsec user","key agreement","key encipherment","microsoft sgc","netscape sgc","ocsp signing","s/mime","server auth","signing","timestamping"]}}}},{"p":{"required":"b","validations":{"a":1482},"value":"s"}},{"p":{"message":"s","rule":"s"},"r":["rule"]},{"p":{"required":"b","validations":{"a":1482},"values":{"a":"s"}}},{"p":{"countries":1483,"localities":1483,"organizationalUnits":1483,"organizations":1483,"postalCodes":1483,"provinces":1483,"serialNumber":1481,"streetAddresses":1483}},{"p":{"maxDuration":"s","minDuration":"s","privateKey":1486}},{"p":{"algorithm":{"e":["ECDSA","Ed25519","RSA"]},"maxSize":"n","minSize":"n"}},{"p":{"values":{"m":"s"}}},{"p":{"issuerRef":356,"namespace":1489}},{"p":{"matchLabels":{"m":"s"},"matchNames":{"a":"s"}}},{"p":{"apiVersion":{"e":["policy/v1"]},"deleteOptions":1491,"kind":{"e":["Eviction"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":"s","dryRun":{"a":"s"},"gracePeriodSeconds":"n","ignoreStoreReadErrorWithClusterBreakingPotential":"b","kind":"s","orphanDependents":"b","preconditions":1492,"propagationPolicy":"s"}},{"p":{"resourceVersion":"s","uid":"s"}},{"p":{"apiVersion":{"e":["policy/v1"]},"kind":{"e":["PodDisruptionBudget"]},"metadata":1,"spec":398,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["policy/v1beta1"]},"deleteOptions":1491,"kind":{"e":["Eviction"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["policy/v1beta1"]},"kind":{"e":["PodDisruptionBudget"]},"metadata":1,"spec":1496,"status":"*"},"r":["apiVersion","kind"]},{"p":{"maxUnavailable":"x","minAvailable":"x","selector":37}},{"p":{"apiVersion":{"e":["policy/v1beta1"]},"kind":{"e":["PodSecurityPolicy"]},"metadata":1,"spec":675},"r":["apiVersion","kind"]},{"p":{"aggregationRule":1499,"apiVersion":{"e":["rbac.authorization.k8s.io/v1"]},"kind":{"e":["ClusterRole"]},"metadata":1,"rules":{"a":1500}},"r":["apiVersion","kind"]},{"p":{"clusterRoleSelectors":{"a":37}}},{"p":{"apiGroups":{"a":"s"},"nonResourceURLs":{"a":"s"},"resourceNames":{"a":"s"},"resources":{"a":"s"},"verbs":{"a":"s"}},"r":["verbs"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1"]},"kind":{"e":["ClusterRoleBinding"]},"metadata":1,"roleRef":163,"subjects":{"a":164}},"r":["apiVersion","kind","roleRef"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1"]},"kind":{"e":["Role"]},"metadata":1,"rules":{"a":1500}},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1"]},"kind":{"e":["RoleBinding"]},"metadata":1,"roleRef":163,"subjects":{"a":164}},"r":["apiVersion","kind","roleRef"]},{"p":{"aggregationRule":1499,"apiVersion":{"e":["rbac.authorization.k8s.io/v1beta1"]},"kind":{"e":["ClusterRole"]},"metadata":1,"rules":{"a":1500}},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1beta1"]},"kind":{"e":["ClusterRoleBinding"]},"metadata":1,"roleRef":1506,"subjects":{"a":164}},"r":["apiVersion","kind","roleRef"]},{"p":{"apiGroup":"s","kind":"s","name":"s"},"r":["apiGroup","kind","name"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1beta1"]},"kind":{"e":["Role"]},"metadata":1,"rules":{"a":1500}},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1beta1"]},"kind":{"e":["RoleBinding"]},"metadata":1,"roleRef":1506,"subjects":{"a":164}},"r":["apiVersion","kind","roleRef"]},{"p":{"apiVersion":{"e":["resource.k8s.io/v1"]},"kind":{"e":["DeviceClass"]},"metadata":1,"spec":1510},"r":["apiVersion","kind","spec"]},{"p":{"config":{"a":1511},"extendedResourceName":"s","selectors":{"a":1513}}},{"p":{"opaque":1512}},{"p":{"driver":"s","parameters":"*"},"r":["driver","parameters"]},{"p":{"cel":418}},{"p":{"apiVersion":{"e":["resource.k8s.io/v1"]},"kind":{"e":["ResourceClaim"]},"metadata":1,"spec":1515,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"devices":1516}},{"p":{"config":{"a":1517},"constraints":{"a":1518},"requests":{"a":1519}}},{"p":{"opaque":1512,"requests":{"a":"s"}}},{"p":{"distinctAttribute":"s","matchAttribute":"s","requests":{"a":"s"}}},{"p":{"exactly":1520,"firstAvailable":{"a":1522},"name":"s"},"r":["name"]},{"p":{"adminAccess":"b","allocationMode":{"e":["All","ExactCount"]},"capacity":1083,"count":"n","deviceClassName":"s","selectors":{"a":1513},"tolerations":{"a":1521}},"r":["deviceClassName"]},{"p":{"effect":{"e":["NoExecute","NoSchedule","None"]},"key":"s","operator":{"e":["Equal","Exists"]},"tolerationSeconds":"n","value":"s"}},{"p":{"allocationMode":{"e":["All","ExactCount"]},"capacity":1083,"count":"n","deviceClassName":"s","name":"s","selectors":{"a":1513},"tolerations":{"a":1521}},"r":["deviceClassName","name"]},{"p":{"apiVersion":{"e":["resource.k8s.io/v1"]},"kind":{"e":["ResourceClaimTemplate"]},"metadata":1,"spec":1524},"r":["apiVersion","kind","spec"]},{"p":{"metadata":1,"spec":1515},"r":["spec"]},{"p":{"apiVersion":{"e":["resource.k8s.io/v1"]},"kind":{"e":["ResourceSlice"]},"metadata":1,"spec":1526},"r":["apiVersion","kind","spec"]},{"p":{"allNodes":"b","devices":{"a":1527},"driver":"s","nodeName":"s","nodeSelector":33,"perDeviceNodeSelection":"b","pool":1536,"sharedCounters":{"a":1537}},"r":["driver","pool"]},{"p":{"allNodes":"b","allowMultipleAllocations":"b","attributes":{"m":1528},"bindingConditions":{"a":"s"},"bindingFailureConditions":{"a":"s"},"bindsToNode":"b","capacity":{"m":1529},"consumesCounters":{"a":1532},"name":"s","nodeAllocatableResourceMappings":{"m":1534},"nodeName":"s","nodeSelector":33,"taints":{"a":1535}},"r":["name"]},{"p":{"bool":"b","bools":{"a":"b"},"int":"n","ints":{"a":"n"},"string":"s","strings":{"a":"s"},"version":"s","versions":{"a":"s"}}},{"p":{"requestPolicy":1530,"value":"x"},"r":["value"]},{"p":{"default":"x","validRange":1531,"validValues":{"a":"x"}}},{"p":{"max":"x","min":"x","step":"x"},"r":["min"]},{"p":{"counterSet":"s","counters":{"m":1533}},"r":["counterSet","counters"]},{"p":{"value":"x"},"r":["value"]},{"p":{"allocationMultiplier":"x","capacityKey":"s"}},{"p":{"effect":{"e":["NoExecute","NoSchedule","None"]},"key":"s","timeAdded":"s","value":"s"},"r":["effect","key"]},{"p":{"generation":"n","name":"s","resourceSliceCount":"n"},"r":["generation","name","resourceSliceCount"]},{"p":{"counters":{"m":1533},"name":"s"},"r":["counters","name"]},{"p":{"apiVersion":{"e":["scheduling.k8s.io/v1"]},"description":"s","globalDefault":"b","kind":{"e":["PriorityClass"]},"metadata":1,"preemptionPolicy":{"e":["Never","PreemptLowerPriority"]},"value":"n"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["scheduling.k8s.io/v1beta1"]},"description":"s","globalDefault":"b","kind":{"e":["PriorityClass"]},"metadata":1,"preemptionPolicy":"s","value":"n"},"r":["apiVersion","kind","value"]},{"p":{"spec":"*","status":"*","apiVersion":{"e":["security.istio.io/v1"]},"kind":{"e":["AuthorizationPolicy"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1542,"status":"*","apiVersion":{"e":["security.istio.io/v1"]},"kind":{"e":["PeerAuthentication"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"mtls":1543,"portLevelMtls":{"m":1543},"selector":653}},{"p":{"mode":{"e":["DISABLE","PERMISSIVE","STRICT","UNSET"]}}},{"p":{"spec":1545,"status":"*","apiVersion":{"e":["security.istio.io/v1"]},"kind":{"e":["RequestAuthentication"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"jwtRules":{"a":1546},"selector":653,"targetRef":281,"targetRefs":{"a":281}}},{"p":{"audiences":{"a":"s"},"forwardOriginalToken":"b","fromCookies":{"a":"s"},"fromHeaders":{"a":1547},"fromParams":{"a":"s"},"issuer":"s","jwks":"s","jwks_uri":"s","jwksUri":"s","outputClaimToHeaders":{"a":1548},"outputPayloadToHeader":"s","spaceDelimitedClaims":{"a":"s"},"timeout":"s"}},{"p":{"name":"s","prefix":"s"},"r":["name"]},{"p":{"claim":"s","header":"s"},"r":["claim","header"]},{"p":{"spec":"*","status":"*","apiVersion":{"e":["security.istio.io/v1beta1"]},"kind":{"e":["AuthorizationPolicy"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1542,"status":"*","apiVersion":{"e":["security.istio.io/v1beta1"]},"kind":{"e":["PeerAuthentication"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1545,"status":"*","apiVersion":{"e":["security.istio.io/v1beta1"]},"kind":{"e":["RequestAuthentication"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["serving.knative.dev/v1"]},"kind":{"e":["Configuration"]},"metadata":1,"spec":1553,"status":"*"},"r":["apiVersion","kind"]},{"p":{"template":1554}},{"p":{"metadata":1,"spec":1555}},{"p":{"containerConcurrency":"n","idleTimeoutSeconds":"n","responseStartTimeoutSeconds":"n","timeoutSeconds":"n","activeDeadlineSeconds":"n","affinity":28,"automountServiceAccountToken":"b","containers":{"a":110},"dnsConfig":138,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableServiceLinks":"b","ephemeralContainers":{"a":140},"hostAliases":{"a":141},"hostIPC":"b","hostNetwork":"b","hostPID":"b","hostUsers":"b","hostname":"s","hostnameOverride":"s","imagePullSecrets":{"a":39},"initContainers":{"a":110},"nodeName":"s","nodeSelector":{"m":"s"},"os":142,"overhead":{"m":"x"},"preemptionPolicy":{"e":["Never","PreemptLowerPriority"]},"priority":"n","priorityClassName":"s","readinessGates":{"a":143},"resourceClaims":{"a":144},"resources":129,"restartPolicy":{"e":["Always","Never","OnFailure"]},"runtimeClassName":"s","schedulerName":"s","schedulingGates":{"a":142},"schedulingGroup":145,"securityContext":146,"serviceAccount":"s","serviceAccountName":"s","setHostnameAsFQDN":"b","shareProcessNamespace":"b","subdomain":"s","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"volumes":{"a":148}},"r":["containers"]},{"p":{"apiVersion":{"e":["serving.knative.dev/v1"]},"kind":{"e":["Revision"]},"metadata":1,"spec":1555,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["serving.knative.dev/v1"]},"kind":{"e":["Route"]},"metadata":1,"spec":1558,"status":"*"},"r":["apiVersion","kind"]},{"p":{"traffic":{"a":1559}}},{"p":{"configurationName":"s","latestRevision":"b","percent":"n","revisionName":"s","tag":"s","url":"s"}},{"p":{"apiVersion":{"e":["serving.knative.dev/v1"]},"kind":{"e":["Service"]},"metadata":1,"spec":1561,"status":"*"},"r":["apiVersion","kind"]},{"p":{"template":1554,"traffic":{"a":1559}}},{"p":{"apiVersion":{"e":["serving.knative.dev/v1beta1"]},"kind":{"e":["DomainMapping"]},"metadata":1,"spec":1563,"status":"*"},"r":["apiVersion","kind"]},{"p":{"ref":621,"tls":1564},"r":["ref"]},{"p":{"secretName":"s"},"r":["secretName"]},{"p":{"apiVersion":{"e":["sinks.knative.dev/v1alpha1"]},"kind":{"e":["IntegrationSink"]},"metadata":1,"spec":1566,"status":"*"},"r":["apiVersion","kind"]},{"p":{"aws":1567,"log":1573}},{"p":{"auth":1568,"s3":1570,"sns":1571,"sqs":1572}},{"p":{"accessKey":"s","secret":1569,"secretKey":"s","serviceAccountName":"s"}},{"p":{"ref":142}},{"p":{"arn":"s","autoCreateBucket":"b","delay":"n","deleteAfterRead":"b","destinationBucket":"s","destinationBucketPrefix":"s","destinationBucketSuffix":"s","forcePathStyle":"b","ignoreBody":"b","maxMessagesPerPoll":"n","moveAfterRead":"b","prefix":"s","overrideEndpoint":"b","region":"s","uriEndpointOverride":"s"},"r":["autoCreateBucket","delay","deleteAfterRead","forcePathStyle","ignoreBody","maxMessagesPerPoll","moveAfterRead","overrideEndpoint"]},{"p":{"arn":"s","autoCreateTopic":"b","overrideEndpoint":"b","region":"s","uriEndpointOverride":"s"},"r":["autoCreateTopic","overrideEndpoint"]},{"p":{"arn":"s","autoCreateQueue":"b","delay":"n","deleteAfterRead":"b","greedy":"b","host":"s","maxMessagesPerPoll":"n","protocol":"s","queueURL":"s","visibilityTimeout":"n","waitTimeSeconds":"n","overrideEndpoint":"b","region":"s","uriEndpointOverride":"s"},"r":["autoCreateQueue","delay","deleteAfterRead","greedy","host","maxMessagesPerPoll","protocol","overrideEndpoint"]},{"p":{"level":"s","logMask":"b","loggerName":"s","marker":"s","multiline":"b","showAllProperties":"b","showBody":"b","showBodyType":"b","showCachedStreams":"b","showExchangePattern":"b","showHeaders":"b","showProperties":"b","showStreams":"b"}},{"p":{"apiVersion":{"e":["sinks.knative.dev/v1alpha1"]},"kind":{"e":["JobSink"]},"metadata":1,"spec":1575,"status":"*"},"r":["apiVersion","kind"]},{"p":{"job":559}},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["Bucket"]},"metadata":1,"spec":1577,"status":"*"},"r":["apiVersion","kind"]},{"p":{"bucketName":"s","certSecretRef":142,"endpoint":"s","ignore":"s","insecure":"b","interval":"s","prefix":"s","provider":{"e":["aws","azure","gcp","generic"]},"proxySecretRef":142,"region":"s","secretRef":142,"serviceAccountName":"s","sts":1578,"suspend":"b","timeout":"s"},"r":["bucketName","endpoint","interval"]},{"p":{"certSecretRef":142,"endpoint":"s","provider":{"e":["aws","ldap"]},"secretRef":142},"r":["endpoint","provider"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["ExternalArtifact"]},"metadata":1,"spec":1580,"status":"*"},"r":["apiVersion","kind"]},{"p":{"sourceRef":631}},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["GitRepository"]},"metadata":1,"spec":1582,"status":"*"},"r":["apiVersion","kind"]},{"p":{"ignore":"s","include":{"a":1583},"interval":"s","provider":{"e":["azure","generic","github"]},"proxySecretRef":142,"recurseSubmodules":"b","ref":1048,"secretRef":142,"serviceAccountName":"s","sparseCheckout":{"a":"s"},"suspend":"b","timeout":"s","url":"s","verify":1584},"r":["interval","url"]},{"p":{"fromPath":"s","repository":142,"toPath":"s"},"r":["repository"]},{"p":{"mode":"s","secretRef":142},"r":["secretRef"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["HelmChart"]},"metadata":1,"spec":1586,"status":"*"},"r":["apiVersion","kind"]},{"p":{"chart":"s","ignoreMissingValuesFiles":"b","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":1587,"suspend":"b","valuesFiles":{"a":"s"},"verify":1588,"version":"s"},"r":["chart","interval","sourceRef"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","GitRepository","HelmRepository"]},"name":"s"},"r":["kind","name"]},{"p":{"matchOIDCIdentity":{"a":1589},"provider":{"e":["cosign","notation"]},"secretRef":142},"r":["provider"]},{"p":{"issuer":"s","subject":"s"},"r":["issuer","subject"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["HelmRepository"]},"metadata":1,"spec":1591,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"certSecretRef":142,"insecure":"b","interval":"s","passCredentials":"b","provider":{"e":["aws","azure","gcp","generic"]},"secretRef":142,"suspend":"b","timeout":"s","type":{"e":["default","oci"]},"url":"s"},"r":["url"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["OCIRepository"]},"metadata":1,"spec":1593,"status":"*"},"r":["apiVersion","kind"]},{"p":{"certSecretRef":142,"ignore":"s","insecure":"b","interval":"s","layerSelector":1594,"provider":{"e":["aws","azure","gcp","generic"]},"proxySecretRef":142,"ref":1595,"secretRef":142,"serviceAccountName":"s","suspend":"b","timeout":"s","url":"s","verify":1588},"r":["interval","url"]},{"p":{"mediaType":"s","operation":{"e":["copy","extract"]}}},{"p":{"digest":"s","semver":"s","semverFilter":"s","tag":"s"}},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Bucket"]},"metadata":1,"spec":1597,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"bucketName":"s","endpoint":"s","ignore":"s","insecure":"b","interval":"s","provider":{"e":["aws","gcp","generic"]},"region":"s","secretRef":142,"suspend":"b","timeout":"s"},"r":["bucketName","endpoint","interval"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["GitRepository"]},"metadata":1,"spec":1599,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"gitImplementation":{"e":["go-git","libgit2"]},"ignore":"s","include":{"a":1583},"interval":"s","recurseSubmodules":"b","ref":1600,"secretRef":142,"suspend":"b","timeout":"s","url":"s","verify":1601},"r":["interval","url"]},{"p":{"branch":"s","commit":"s","semver":"s","tag":"s"}},{"p":{"mode":{"e":["head"]},"secretRef":142},"r":["mode"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["HelmChart"]},"metadata":1,"spec":1603,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"chart":"s","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":1587,"suspend":"b","valuesFile":"s","valuesFiles":{"a":"s"},"version":"s"},"r":["chart","interval","sourceRef"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["HelmRepository"]},"metadata":1,"spec":1605,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"interval":"s","passCredentials":"b","secretRef":142,"suspend":"b","timeout":"s","url":"s"},"r":["interval","url"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Bucket"]},"metadata":1,"spec":1607,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"bucketName":"s","certSecretRef":142,"endpoint":"s","ignore":"s","insecure":"b","interval":"s","prefix":"s","provider":{"e":["aws","azure","gcp","generic"]},"proxySecretRef":142,"region":"s","secretRef":142,"sts":1578,"suspend":"b","timeout":"s"},"r":["bucketName","endpoint","interval"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["GitRepository"]},"metadata":1,"spec":1609,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"gitImplementation":{"e":["go-git","libgit2"]},"ignore":"s","include":{"a":1583},"interval":"s","recurseSubmodules":"b","ref":1048,"secretRef":142,"suspend":"b","timeout":"s","url":"s","verify":1610},"r":["interval","url"]},{"p":{"mode":{"e":["head"]},"secretRef":142},"r":["mode","secretRef"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["HelmChart"]},"metadata":1,"spec":1612,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"chart":"s","ignoreMissingValuesFiles":"b","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":1587,"suspend":"b","valuesFile":"s","valuesFiles":{"a":"s"},"verify":1588,"version":"s"},"r":["chart","interval","sourceRef"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["HelmRepository"]},"metadata":1,"spec":1591,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["OCIRepository"]},"metadata":1,"spec":1593,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["sources.knative.dev/v1"]},"kind":{"e":["ApiServerSource"]},"metadata":1,"spec":1616,"status":"*"},"r":["apiVersion","kind"]},{"p":{"filters":{"a":627},"mode":"s","namespaceSelector":37,"owner":1617,"resources":{"a":1618},"serviceAccountName":"s","ceOverrides":1619,"sink":623},"r":["resources"]},{"p":{"apiVersion":"s","kind":"s"},"r":["apiVersion","kind"]},{"p":{"apiVersion":"s","kind":"s","selector":37},"r":["apiVersion","kind"]},{"p":{"extensions":{"m":"s"}}},{"p":{"apiVersion":{"e":["sources.knative.dev/v1"]},"kind":{"e":["ContainerSource"]},"metadata":1,"spec":1621,"status":"*"},"r":["apiVersion","kind"]},{"p":{"template":108,"ceOverrides":1619,"sink":623},"r":["template"]},{"p":{"apiVersion":{"e":["sources.knative.dev/v1"]},"kind":{"e":["PingSource"]},"metadata":1,"spec":1623,"status":"*"},"r":["apiVersion","kind"]},{"p":{"contentType":"s","data":"s","dataBase64":"s","schedule":"s","timezone":"s","ceOverrides":1619,"sink":623}},{"p":{"apiVersion":{"e":["sources.knative.dev/v1"]},"kind":{"e":["SinkBinding"]},"metadata":1,"spec":1625,"status":"*"},"r":["apiVersion","kind","spec","status"]},{"p":{"ceOverrides":1619,"sink":623,"subject":1626},"r":["subject"]},{"p":{"apiVersion":"s","kind":"s","name":"s","namespace":"s","selector":37}},{"p":{"apiVersion":{"e":["sources.knative.dev/v1alpha1"]},"kind":{"e":["IntegrationSource"]},"metadata":1,"spec":1628,"status":"*"},"r":["apiVersion","kind"]},{"p":{"aws":1629,"template":108,"timer":1631,"ceOverrides":1619,"sink":623}},{"p":{"auth":1568,"ddbStreams":1630,"s3":1570,"sqs":1572}},{"p":{"delay":"n","streamIteratorType":"s","table":"s","overrideEndpoint":"b","region":"s","uriEndpointOverride":"s"},"r":["overrideEndpoint"]},{"p":{"contentType":"s","message":"s","period":"n","repeatCount":"n"},"r":["contentType","message","period"]},{"p":{"apiVersion":{"e":["sources.knative.dev/v1beta2"]},"kind":{"e":["PingSource"]},"metadata":1,"spec":1623,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"kind":{"e":["CSIDriver"]},"metadata":1,"spec":1634},"r":["apiVersion","kind","spec"]},{"p":{"attachRequired":"b","fsGroupPolicy":"s","nodeAllocatableUpdatePeriodSeconds":"n","podInfoOnMount":"b","preventPodSchedulingIfMissing":"b","requiresRepublish":"b","seLinuxMount":"b","serviceAccountTokenInSecrets":"b","storageCapacity":"b","tokenRequests":{"a":1635},"volumeLifecycleModes":{"a":"s"}}},{"p":{"audience":"s","expirationSeconds":"n"},"r":["audience"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"kind":{"e":["CSINode"]},"metadata":1,"spec":1637},"r":["apiVersion","kind","spec"]},{"p":{"drivers":{"a":1638}},"r":["drivers"]},{"p":{"allocatable":1639,"name":"s","nodeID":"s","topologyKeys":{"a":"s"}},"r":["name","nodeID"]},{"p":{"count":"n"}},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"capacity":"x","kind":{"e":["CSIStorageCapacity"]},"maximumVolumeSize":"x","metadata":1,"nodeTopology":37,"storageClassName":"s"},"r":["apiVersion","kind","storageClassName"]},{"p":{"allowVolumeExpansion":"b","allowedTopologies":{"a":1642},"apiVersion":{"e":["storage.k8s.io/v1"]},"kind":{"e":["StorageClass"]},"metadata":1,"mountOptions":{"a":"s"},"parameters":{"m":"s"},"provisioner":"s","reclaimPolicy":{"e":["Delete","Recycle","Retain"]},"volumeBindingMode":{"e":["Immediate","WaitForFirstConsumer"]}},"r":["apiVersion","kind","provisioner"]},{"p":{"matchLabelExpressions":{"a":1643}}},{"p":{"key":"s","values":{"a":"s"}},"r":["key","values"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"kind":{"e":["VolumeAttachment"]},"metadata":1,"spec":1645,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"attacher":"s","nodeName":"s","source":1646},"r":["attacher","nodeName","source"]},{"p":{"inlineVolumeSpec":1647,"persistentVolumeName":"s"}},{"p":{"accessModes":{"a":{"e":["ReadOnlyMany","ReadWriteMany","ReadWriteOnce","ReadWriteOncePod"]}},"awsElasticBlockStore":149,"azureDisk":150,"azureFile":1648,"capacity":{"m":"x"},"cephfs":1649,"cinder":1650,"claimRef":605,"csi":1651,"fc":165,"flexVolume":1652,"flocker":167,"gcePersistentDisk":168,"glusterfs":1653,"hostPath":171,"iscsi":1654,"local":1655,"mountOptions":{"a":"s"},"nfs":174,"nodeAffinity":1656,"persistentVolumeReclaimPolicy":{"e":["Delete","Recycle","Retain"]},"photonPersistentDisk":176,"portworxVolume":177,"quobyte":185,"rbd":1657,"scaleIO":1658,"storageClassName":"s","storageos":1659,"volumeAttributesClassName":"s","volumeMode":{"e":["Block","Filesystem"]},"vsphereVolume":190}},{"p":{"readOnly":"b","secretName":"s","secretNamespace":"s","shareName":"s"},"r":["secretName","shareName"]},{"p":{"monitors":{"a":"s"},"path":"s","readOnly":"b","secretFile":"s","secretRef":1367,"user":"s"},"r":["monitors"]},{"p":{"fsType":"s","readOnly":"b","secretRef":1367,"volumeID":"s"},"r":["volumeID"]},{"p":{"controllerExpandSecretRef":1367,"controllerPublishSecretRef":1367,"driver":"s","fsType":"s","nodeExpandSecretRef":1367,"nodePublishSecretRef":1367,"nodeStageSecretRef":1367,"readOnly":"b","volumeAttributes":{"m":"s"},"volumeHandle":"s"},"r":["driver","volumeHandle"]},{"p":{"driver":"s","fsType":"s","options":{"m":"s"},"readOnly":"b","secretRef":1367},"r":["driver"]},{"p":{"endpoints":"s","endpointsNamespace":"s","path":"s","readOnly":"b"},"r":["endpoints","path"]},{"p":{"chapAuthDiscovery":"b","chapAuthSession":"b","fsType":"s","initiatorName":"s","iqn":"s","iscsiInterface":"s","lun":"n","portals":{"a":"s"},"readOnly":"b","secretRef":1367,"targetPortal":"s"},"r":["iqn","lun","targetPortal"]},{"p":{"fsType":"s","path":"s"},"r":["path"]},{"p":{"required":33}},{"p":{"fsType":"s","image":"s","keyring":"s","monitors":{"a":"s"},"pool":"s","readOnly":"b","secretRef":1367,"user":"s"},"r":["image","monitors"]},{"p":{"fsType":"s","gateway":"s","protectionDomain":"s","readOnly":"b","secretRef":1367,"sslEnabled":"b","storageMode":"s","storagePool":"s","system":"s","volumeName":"s"},"r":["gateway","secretRef","system"]},{"p":{"fsType":"s","readOnly":"b","secretRef":605,"volumeName":"s","volumeNamespace":"s"}},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"driverName":"s","kind":{"e":["VolumeAttributesClass"]},"metadata":1,"parameters":{"m":"s"}},"r":["apiVersion","driverName","kind"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"kind":{"e":["CSIDriver"]},"metadata":1,"spec":1662},"r":["apiVersion","kind","spec"]},{"p":{"attachRequired":"b","fsGroupPolicy":"s","podInfoOnMount":"b","requiresRepublish":"b","storageCapacity":"b","tokenRequests":{"a":1635},"volumeLifecycleModes":{"a":"s"}}},{"p":{"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"kind":{"e":["CSINode"]},"metadata":1,"spec":1637},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"capacity":"x","kind":{"e":["CSIStorageCapacity"]},"maximumVolumeSize":"x","metadata":1,"nodeTopology":37,"storageClassName":"s"},"r":["apiVersion","kind","storageClassName"]},{"p":{"allowVolumeExpansion":"b","allowedTopologies":{"a":1642},"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"kind":{"e":["StorageClass"]},"metadata":1,"mountOptions":{"a":"s"},"parameters":{"m":"s"},"provisioner":"s","reclaimPolicy":"s","volumeBindingMode":"s"},"r":["apiVersion","kind","provisioner"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"kind":{"e":["VolumeAttachment"]},"metadata":1,"spec":1645,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"spec":1668,"status":"*","apiVersion":{"e":["telemetry.istio.io/v1"]},"kind":{"e":["Telemetry"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"accessLogging":{"a":1669},"metrics":{"a":1671},"selector":653,"targetRef":281,"targetRefs":{"a":281},"tracing":{"a":1674}}},{"p":{"disabled":"b","filter":57,"match":1670,"providers":{"a":142}}},{"p":{"mode":{"e":["CLIENT","CLIENT_AND_SERVER","SERVER"]}}},{"p":{"overrides":{"a":1672},"providers":{"a":142},"reportingInterval":"s"}},{"p":{"disabled":"b","match":"*","tagOverrides":{"m":1673}}},{"p":{"operation":{"e":["REMOVE","UPSERT"]},"value":"s"}},{"p":{"customTags":{"m":"*"},"disableSpanReporting":"b","enableIstioTags":"b","match":1670,"providers":{"a":142},"randomSamplingPercentage":"n","useRequestIdForTraceSampling":"b"}},{"p":{"spec":1668,"status":"*","apiVersion":{"e":["telemetry.istio.io/v1alpha1"]},"kind":{"e":["Telemetry"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["IngressRoute"]},"metadata":1,"spec":1677},"r":["apiVersion","kind","metadata","spec"]},{"p":{"entryPoints":{"a":"s"},"ingressClassName":"s","parentRefs":{"a":1021},"routes":{"a":1678},"tls":1686},"r":["routes"]},{"p":{"kind":{"e":["Rule"]},"match":"s","middlewares":{"a":1021},"observability":1679,"priority":"n","services":{"a":1680},"syntax":"s"},"r":["match"]},{"p":{"accessLogs":"b","metrics":"b","traceVerbosity":"s","tracing":"b"}},{"p":{"healthCheck":1681,"kind":{"e":["Service","TraefikService"]},"middlewares":{"a":1021},"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","passHostHeader":"b","passiveHealthCheck":1682,"port":"x","responseForwarding":1683,"scheme":"s","serversTransport":"s","sticky":1684,"strategy":"s","weight":"n"},"r":["name"]},{"p":{"followRedirects":"b","headers":{"m":"s"},"hostname":"s","interval":"x","method":"s","mode":"s","path":"s","port":"n","scheme":"s","status":"n","timeout":"x","unhealthyInterval":"x"}},{"p":{"failureWindow":"x","maxFailedAttempts":"n"}},{"p":{"flushInterval":"s"}},{"p":{"cookie":1685}},{"p":{"domain":"s","httpOnly":"b","maxAge":"n","name":"s","path":"s","sameSite":{"e":["Lax","None","Strict","lax","none","strict"]},"secure":"b"}},{"p":{"certResolver":"s","domains":{"a":1687},"options":1021,"secretName":"s","store":1021}},{"p":{"main":"s","sans":{"a":"s"}}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["IngressRouteTCP"]},"metadata":1,"spec":1689},"r":["apiVersion","kind","metadata","spec"]},{"p":{"entryPoints":{"a":"s"},"ingressClassName":"s","routes":{"a":1690},"tls":1693},"r":["routes"]},{"p":{"match":"s","middlewares":{"a":1021},"priority":"n","services":{"a":1691},"syntax":{"e":["v2","v3"]}},"r":["match"]},{"p":{"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","port":"x","proxyProtocol":1692,"serversTransport":"s","terminationDelay":"n","tls":"b","weight":"n"},"r":["name","port"]},{"p":{"version":"n"}},{"p":{"certResolver":"s","domains":{"a":1687},"options":1021,"passthrough":"b","secretName":"s","store":1021}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["IngressRouteUDP"]},"metadata":1,"spec":1695},"r":["apiVersion","kind","metadata","spec"]},{"p":{"entryPoints":{"a":"s"},"ingressClassName":"s","routes":{"a":1696}},"r":["routes"]},{"p":{"services":{"a":1697}}},{"p":{"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","port":"x","weight":"n"},"r":["name","port"]},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["Middleware"]},"metadata":1,"spec":1699},"r":["apiVersion","kind","metadata","spec"]},{"p":{"addPrefix":1700,"basicAuth":1701,"buffering":1702,"chain":1703,"circuitBreaker":1704,"compress":1705,"contentType":1706,"digestAuth":1701,"encodedCharacters":1707,"errors":1708,"forwardAuth":1709,"grpcWeb":1711,"headers":1712,"inFlightReq":1713,"ipAllowList":1716,"ipWhiteList":1717,"passTLSClientCert":1718,"plugin":{"m":"*"},"rateLimit":1722,"redirectRegex":1725,"redirectScheme":1726,"replacePath":1727,"replacePathRegex":1728,"retry":1729,"stripPrefix":1730,"stripPrefixRegex":1731}},{"p":{"prefix":"s"}},{"p":{"headerField":"s","realm":"s","removeHeader":"b","secret":"s"}},{"p":{"maxRequestBodyBytes":"n","maxResponseBodyBytes":"n","memRequestBodyBytes":"n","memResponseBodyBytes":"n","retryExpression":"s"}},{"p":{"middlewares":{"a":1021}}},{"p":{"checkPeriod":"x","expression":"s","fallbackDuration":"x","recoveryDuration":"x","responseCode":"n"}},{"p":{"defaultEncoding":"s","encodings":{"a":"s"},"excludedContentTypes":{"a":"s"},"includedContentTypes":{"a":"s"},"minResponseBodyBytes":"n"}},{"p":{"autoDetect":"b"}},{"p":{"allowEncodedBackSlash":"b","allowEncodedHash":"b","allowEncodedNullCharacter":"b","allowEncodedPercent":"b","allowEncodedQuestionMark":"b","allowEncodedSemicolon":"b","allowEncodedSlash":"b"}},{"p":{"query":"s","service":1680,"status":{"a":"s"},"statusRewrites":{"m":"n"}}},{"p":{"addAuthCookiesToResponse":{"a":"s"},"address":"s","authRequestHeaders":{"a":"s"},"authResponseHeaders":{"a":"s"},"authResponseHeadersRegex":"s","authSigninURL":"s","forwardBody":"b","headerField":"s","maxBodySize":"n","maxResponseBodySize":"n","preserveLocationHeader":"b","preserveRequestMethod":"b","tls":1710,"trustForwardHeader":"b"}},{"p":{"caOptional":"b","caSecret":"s","certSecret":"s","insecureSkipVerify":"b"}},{"p":{"allowOrigins":{"a":"s"}}},{"p":{"accessControlAllowCredentials":"b","accessControlAllowHeaders":{"a":"s"},"accessControlAllowMethods":{"a":"s"},"accessControlAllowOriginList":{"a":"s"},"accessControlAllowOriginListRegex":{"a":"s"},"accessControlExposeHeaders":{"a":"s"},"accessControlMaxAge":"n","addVaryHeader":"b","allowedHosts":{"a":"s"},"browserXssFilter":"b","contentSecurityPolicy":"s","contentSecurityPolicyReportOnly":"s","contentTypeNosniff":"b","customBrowserXSSValue":"s","customFrameOptionsValue":"s","customRequestHeaders":{"m":"s"},"customResponseHeaders":{"m":"s"},"featurePolicy":"s","forceSTSHeader":"b","frameDeny":"b","hostsProxyHeaders":{"a":"s"},"isDevelopment":"b","permissionsPolicy":"s","publicKey":"s","referrerPolicy":"s","sslForceHost":"b","sslHost":"s","sslProxyHeaders":{"m":"s"},"sslRedirect":"b","sslTemporaryRedirect":"b","stsIncludeSubdomains":"b","stsPreload":"b","stsSeconds":"n"}},{"p":{"amount":"n","sourceCriterion":1714}},{"p":{"ipStrategy":1715,"requestHeaderName":"s","requestHost":"b"}},{"p":{"depth":"n","excludedIPs":{"a":"s"},"ipv6Subnet":"n"}},{"p":{"ipStrategy":1715,"rejectStatusCode":"n","sourceRange":{"a":"s"}}},{"p":{"ipStrategy":1715,"sourceRange":{"a":"s"}}},{"p":{"info":1719,"pem":"b"}},{"p":{"issuer":1720,"notAfter":"b","notBefore":"b","sans":"b","serialNumber":"b","subject":1721}},{"p":{"commonName":"b","country":"b","domainComponent":"b","locality":"b","organization":"b","province":"b","serialNumber":"b"}},{"p":{"commonName":"b","country":"b","domainComponent":"b","locality":"b","organization":"b","organizationalUnit":"b","province":"b","serialNumber":"b"}},{"p":{"average":"n","burst":"n","period":"x","redis":1723,"sourceCriterion":1714}},{"p":{"db":"n","dialTimeout":"x","endpoints":{"a":"s"},"maxActiveConns":"n","minIdleConns":"n","poolSize":"n","readTimeout":"x","secret":"s","tls":1724,"writeTimeout":"x"}},{"p":{"caSecret":"s","certSecret":"s","insecureSkipVerify":"b"}},{"p":{"permanent":"b","regex":"s","replacement":"s"}},{"p":{"permanent":"b","port":"s","scheme":"s"}},{"p":{"path":"s"}},{"p":{"regex":"s","replacement":"s"}},{"p":{"attempts":"n","disableRetryOnNetworkError":"b","initialInterval":"x","maxRequestBodyBytes":"n","retryNonIdempotentMethod":"b","status":{"a":"s"},"timeout":"x"}},{"p":{"forceSlash":"b","prefixes":{"a":"s"}}},{"p":{"regex":{"a":"s"}}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["MiddlewareTCP"]},"metadata":1,"spec":1733},"r":["apiVersion","kind","metadata","spec"]},{"p":{"inFlightConn":1734,"ipAllowList":1735,"ipWhiteList":1735}},{"p":{"amount":"n"}},{"p":{"sourceRange":{"a":"s"}}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["ServersTransport"]},"metadata":1,"spec":1737},"r":["apiVersion","kind","metadata","spec"]},{"p":{"certificatesSecrets":{"a":"s"},"cipherSuites":{"a":"s"},"disableHTTP2":"b","forwardingTimeouts":1738,"insecureSkipVerify":"b","maxIdleConnsPerHost":"n","maxVersion":"s","minVersion":"s","peerCertURI":"s","rootCAs":{"a":1739},"rootCAsSecrets":{"a":"s"},"serverName":"s","spiffe":1740}},{"p":{"dialTimeout":"x","idleConnTimeout":"x","pingTimeout":"x","readIdleTimeout":"x","responseHeaderTimeout":"x"}},{"p":{"configMap":"s","secret":"s"}},{"p":{"ids":{"a":"s"},"trustDomain":"s"}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["ServersTransportTCP"]},"metadata":1,"spec":1742},"r":["apiVersion","kind","metadata","spec"]},{"p":{"dialKeepAlive":"x","dialTimeout":"x","proxyProtocol":1692,"terminationDelay":"x","tls":1743}},{"p":{"certificatesSecrets":{"a":"s"},"insecureSkipVerify":"b","peerCertURI":"s","rootCAs":{"a":1739},"rootCAsSecrets":{"a":"s"},"serverName":"s","spiffe":1740}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["TLSOption"]},"metadata":1,"spec":1745},"r":["apiVersion","kind","metadata","spec"]},{"p":{"alpnProtocols":{"a":"s"},"cipherSuites":{"a":"s"},"clientAuth":1746,"curvePreferences":{"a":"s"},"disableSessionTickets":"b","maxVersion":"s","minVersion":"s","preferServerCipherSuites":"b","sniStrict":"b"}},{"p":{"clientAuthType":{"e":["NoClientCert","RequestClientCert","RequireAndVerifyClientCert","RequireAnyClientCert","VerifyClientCertIfGiven"]},"secretNames":{"a":"s"}}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["TLSStore"]},"metadata":1,"spec":1748},"r":["apiVersion","kind","metadata","spec"]},{"p":{"certificates":{"a":1564},"defaultCertificate":1564,"defaultGeneratedCert":1749}},{"p":{"domain":1687,"resolver":"s"}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["TraefikService"]},"metadata":1,"spec":1751},"r":["apiVersion","kind","metadata","spec"]},{"p":{"failover":1752,"highestRandomWeight":1754,"mirroring":1755,"weighted":1757}},{"p":{"errors":1753,"fallback":1680,"service":1680},"r":["errors","fallback","service"]},{"p":{"maxRequestBodyBytes":"n","status":{"a":"s"}}},{"p":{"services":{"a":1680}}},{"p":{"maxBodySize":"n","mirrorBody":"b","mirrors":{"a":1756},"healthCheck":1681,"kind":{"e":["Service","TraefikService"]},"middlewares":{"a":1021},"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","passHostHeader":"b","passiveHealthCheck":1682,"port":"x","responseForwarding":1683,"scheme":"s","serversTransport":"s","sticky":1684,"strategy":"s","weight":"n"},"r":["name"]},{"p":{"percent":"n","healthCheck":1681,"kind":{"e":["Service","TraefikService"]},"middlewares":{"a":1021},"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","passHostHeader":"b","passiveHealthCheck":1682,"port":"x","responseForwarding":1683,"scheme":"s","serversTransport":"s","sticky":1684,"strategy":"s","weight":"n"},"r":["name"]},{"p":{"services":{"a":1680},"sticky":1684}},{"p":{"apiVersion":{"e":["trust-manager.io/v1alpha2"]},"kind":{"e":["ClusterBundle"]},"metadata":1,"spec":1759,"status":"*"},"r":["apiVersion","kind"]},{"p":{"defaultCAs":1760,"inLineCAs":"s","sourceRefs":{"a":1761},"target":1762}},{"p":{"provider":{"e":["Disabled","System"]}},"r":["provider"]},{"p":{"key":"s","kind":{"e":["ConfigMap","Secret"]},"name":"s","selector":37},"r":["key","kind"]},{"p":{"configMap":1763,"namespaceSelector":37,"secret":1763},"r":["namespaceSelector"]},{"p":{"data":{"a":1764},"metadata":26},"r":["data"]},{"p":{"format":{"e":["PEM","PKCS12"]},"key":"s","password":"s","profile":{"e":["LegacyDES","LegacyRC2","Modern2023"]}},"r":["key"]},{"p":{"apiVersion":{"e":["trust.cert-manager.io/v1alpha1"]},"kind":{"e":["Bundle"]},"metadata":1,"spec":1766,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"sources":{"a":1767},"target":1769},"r":["sources"]},{"p":{"configMap":1768,"inLine":"s","secret":1768,"useDefaultCAs":"b"}},{"p":{"includeAllKeys":"b","key":"s","name":"s","selector":37}},{"p":{"additionalFormats":1770,"configMap":1773,"namespaceSelector":37,"secret":1773}},{"p":{"jks":1771,"pkcs12":1772}},{"p":{"password":"s","key":"s"},"r":["key"]},{"p":{"password":"s","profile":{"e":["LegacyDES","LegacyRC2","Modern2023"]},"key":"s"},"r":["key"]},{"p":{"key":"s","metadata":26},"r":["key"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Binding"]},"metadata":1,"target":605},"r":["apiVersion","kind","target"]},{"p":{"apiVersion":{"e":["v1"]},"conditions":{"a":1776},"kind":{"e":["ComponentStatus"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"error":"s","message":"s","status":"s","type":"s"},"r":["status","type"]},{"p":{"apiVersion":{"e":["v1"]},"binaryData":{"m":"s"},"data":{"m":"s"},"immutable":"b","kind":{"e":["ConfigMap"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Endpoints"]},"metadata":1,"subsets":{"a":1779}},"r":["apiVersion","kind"]},{"p":{"addresses":{"a":1780},"notReadyAddresses":{"a":1780},"ports":{"a":1781}}},{"p":{"hostname":"s","ip":"s","nodeName":"s","targetRef":605},"r":["ip"]},{"p":{"appProtocol":"s","name":"s","port":"n","protocol":{"e":["SCTP","TCP","UDP"]}},"r":["port"]},{"p":{"action":"s","apiVersion":{"e":["v1"]},"count":"n","eventTime":"s","firstTimestamp":"s","involvedObject":605,"kind":{"e":["Event"]},"lastTimestamp":"s","message":"s","metadata":1,"reason":"s","related":605,"reportingComponent":"s","reportingInstance":"s","series":1783,"source":646,"type":"s"},"r":["apiVersion","involvedObject","kind","metadata"]},{"p":{"count":"n","lastObservedTime":"s"}},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["LimitRange"]},"metadata":1,"spec":1785},"r":["apiVersion","kind"]},{"p":{"limits":{"a":1786}},"r":["limits"]},{"p":{"default":{"m":"x"},"defaultRequest":{"m":"x"},"max":{"m":"x"},"maxLimitRequestRatio":{"m":"x"},"min":{"m":"x"},"type":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Namespace"]},"metadata":1,"spec":1788,"status":"*"},"r":["apiVersion","kind"]},{"p":{"finalizers":{"a":"s"}}},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Node"]},"metadata":1,"spec":1790,"status":"*"},"r":["apiVersion","kind"]},{"p":{"configSource":1791,"externalID":"s","podCIDR":"s","podCIDRs":{"a":"s"},"providerID":"s","taints":{"a":1084},"unschedulable":"b"}},{"p":{"configMap":1792}},{"p":{"kubeletConfigKey":"s","name":"s","namespace":"s","resourceVersion":"s","uid":"s"},"r":["kubeletConfigKey","name","namespace"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["PersistentVolume"]},"metadata":1,"spec":1647,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Pod"]},"metadata":1,"spec":109,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["PodTemplate"]},"metadata":1,"template":108},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["ReplicationController"]},"metadata":1,"spec":1797,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","replicas":"n","selector":{"m":"s"},"template":108}},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["ResourceQuota"]},"metadata":1,"spec":1799,"status":"*"},"r":["apiVersion","kind"]},{"p":{"hard":{"m":"x"},"scopeSelector":1800,"scopes":{"a":{"e":["BestEffort","CrossNamespacePodAffinity","NotBestEffort","NotTerminating","PriorityClass","Terminating","VolumeAttributesClass"]}}}},{"p":{"matchExpressions":{"a":1801}}},{"p":{"operator":{"e":["DoesNotExist","Exists","In","NotIn"]},"scopeName":{"e":["BestEffort","CrossNamespacePodAffinity","NotBestEffort","NotTerminating","PriorityClass","Terminating","VolumeAttributesClass"]},"values":{"a":"s"}},"r":["operator","scopeName"]},{"p":{"apiVersion":{"e":["v1"]},"data":{"m":"s"},"immutable":"b","kind":{"e":["Secret"]},"metadata":1,"stringData":{"m":"s"},"type":"s"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Service"]},"metadata":1,"spec":1804,"status":"*"},"r":["apiVersion","kind"]},{"p":{"allocateLoadBalancerNodePorts":"b","clusterIP":"s","clusterIPs":{"a":"s"},"externalIPs":{"a":"s"},"externalName":"s","externalTrafficPolicy":{"e":["Cluster","Local"]},"healthCheckNodePort":"n","internalTrafficPolicy":{"e":["Cluster","Local"]},"ipFamilies":{"a":{"e":["","IPv4","IPv6"]}},"ipFamilyPolicy":{"e":["PreferDualStack","RequireDualStack","SingleStack"]},"loadBalancerClass":"s","loadBalancerIP":"s","loadBalancerSourceRanges":{"a":"s"},"ports":{"a":1805},"publishNotReadyAddresses":"b","selector":{"m":"s"},"sessionAffinity":{"e":["ClientIP","None"]},"sessionAffinityConfig":1806,"trafficDistribution":"s","type":{"e":["ClusterIP","ExternalName","LoadBalancer","NodePort"]}}},{"p":{"appProtocol":"s","name":"s","nodePort":"n","port":"n","protocol":{"e":["SCTP","TCP","UDP"]},"targetPort":"x"},"r":["port"]},{"p":{"clientIP":1807}},{"p":{"timeoutSeconds":"n"}},{"p":{"apiVersion":{"e":["v1"]},"automountServiceAccountToken":"b","imagePullSecrets":{"a":39},"kind":{"e":["ServiceAccount"]},"metadata":1,"secrets":{"a":605}},"r":["apiVersion","kind"]}]}');
;// CONCATENATED MODULE: ./src/validate/schema.ts

/** API versions Kubernetes itself serves: their kinds are all known, so an unknown one there is a mistake. */
const builtinApiVersions = new Set(kinds_namespaceObject.S2);
class SchemaSet {
    types;
    kinds;
    lowercase = new Map();
    replaced = new Set();
    constructor() {
        this.types = [...kinds_namespaceObject.gK];
        this.kinds = new Map(Object.entries(kinds_namespaceObject.EZ));
    }
    has(apiVersion, kind) {
        return this.resolve(apiVersion, kind) !== undefined;
    }
    /** A kind of an API version Kubernetes itself serves, whose schema no CRD or schema file replaced. */
    isCore(apiVersion, kind) {
        return builtinApiVersions.has(apiVersion) && !this.replaced.has(`${apiVersion}/${kind}`);
    }
    /**
     * JSON schema files name kinds in lowercase (`{group}/{kind}_{version}.json`); such a schema answers for the
     * kind spelled in any case, unless a CRD names it exactly.
     */
    resolve(apiVersion, kind) {
        return (this.kinds.get(`${apiVersion}/${kind}`) ?? this.lowercase.get(`${apiVersion}/${kind.toLowerCase()}`));
    }
    /** Other API versions of the same group that define `kind` (a CRD version that moved on, or a typo in it). */
    versionsOf(apiVersion, kind) {
        const slash = apiVersion.indexOf("/");
        const group = slash < 0 ? "" : apiVersion.slice(0, slash);
        const out = [];
        for (const key of this.kinds.keys()) {
            const cut = key.lastIndexOf("/");
            if (key.slice(cut + 1) !== kind)
                continue;
            const version = key.slice(0, cut);
            const s = version.indexOf("/");
            if ((s < 0 ? "" : version.slice(0, s)) === group)
                out.push(version);
        }
        return out;
    }
    /** For a built-in API version, its kind spelled nearly like `kind` — `Deploymnet`, `configmap`. */
    closeKind(apiVersion, kind) {
        if (!builtinApiVersions.has(apiVersion))
            return undefined;
        const prefix = `${apiVersion}/`;
        let best;
        for (const key of this.kinds.keys()) {
            if (!key.startsWith(prefix) || key.indexOf("/", prefix.length) >= 0)
                continue;
            const known = key.slice(prefix.length);
            if (known.toLowerCase() === kind.toLowerCase())
                return known;
            if (kind.length >= 5 && editDistance(known, kind) <= 2)
                best ??= known;
        }
        return best;
    }
    /** Registers a kind from a CustomResourceDefinition's openAPIV3Schema; replaces a bundled one of the same name. */
    addOpenApi(apiVersion, kind, schema) {
        this.kinds.set(`${apiVersion}/${kind}`, this.fromOpenApi(schema, true));
        this.replaced.add(`${apiVersion}/${kind}`);
    }
    /** Registers a JSON schema file's kind, known only by its lowercase name; replaces the bundled one. */
    addJsonSchema(apiVersion, lowercaseKind, schema) {
        const key = `${apiVersion}/${lowercaseKind.toLowerCase()}`;
        for (const known of [...this.kinds.keys()])
            if (known.toLowerCase() === key.toLowerCase() && known.startsWith(`${apiVersion}/`)) {
                this.kinds.delete(known);
                this.replaced.add(known);
            }
        this.lowercase.set(key, this.fromOpenApi(schema, true));
    }
    check(object, strict) {
        const root = this.resolve(String(object.apiVersion), String(object.kind));
        const issues = [];
        if (root === undefined)
            return issues;
        // SOPS keeps its metadata in a top-level `sops` block, which decryption (Flux, ksops, helm-secrets) removes.
        if (schema_isObject(object.sops)) {
            const { sops: _, ...decrypted } = object;
            this.walk(decrypted, root, [], strict, issues);
        }
        else
            this.walk(object, root, [], strict, issues);
        return issues;
    }
    walk(value, ref, path, strict, out) {
        // null means "unset" to the API server (kubectl writes `creationTimestamp: null`).
        if (value === null || value === undefined || ref === "*")
            return;
        if (typeof ref === "number") {
            if (!schema_isObject(value)) {
                mismatch(value, "an object", path, out);
                return;
            }
            const type = this.types[ref];
            for (const key in value) {
                const field = type.p[key];
                if (field === undefined) {
                    if (strict && !type.open)
                        out.push(schema_unknownField(key, type, path));
                    continue;
                }
                path.push(key);
                this.walk(value[key], field, path, strict, out);
                path.pop();
            }
            if (type.r) {
                for (const key of type.r) {
                    if (value[key] === undefined) {
                        out.push({
                            rule: "schema",
                            path: [...path],
                            message: `${where(path, "object")} is missing required field "${key}"`,
                        });
                    }
                }
            }
            return;
        }
        if (typeof ref === "string") {
            if (placeholder(value))
                return;
            switch (ref) {
                case "s":
                    if (typeof value !== "string")
                        mismatch(value, "a string", path, out);
                    return;
                case "n":
                    if (typeof value !== "number")
                        mismatch(value, "a number", path, out);
                    return;
                case "b":
                    if (typeof value !== "boolean")
                        mismatch(value, "true or false", path, out);
                    return;
                case "x":
                    if (typeof value !== "string" && typeof value !== "number")
                        mismatch(value, "a number or a string", path, out);
                    return;
            }
            return;
        }
        if ("a" in ref) {
            if (!Array.isArray(value)) {
                mismatch(value, "a list", path, out);
                return;
            }
            for (let i = 0; i < value.length; i++) {
                path.push(i);
                this.walk(value[i], ref.a, path, strict, out);
                path.pop();
            }
            return;
        }
        if ("m" in ref) {
            if (!schema_isObject(value)) {
                mismatch(value, "a map", path, out);
                return;
            }
            for (const key in value) {
                path.push(key);
                this.walk(value[key], ref.m, path, strict, out);
                path.pop();
            }
            return;
        }
        if (typeof value !== "string") {
            mismatch(value, `one of ${ref.e.join(", ")}`, path, out);
            return;
        }
        if (!ref.e.includes(value) && !placeholder(value)) {
            out.push({
                rule: "schema",
                path: [...path],
                message: `${where(path, "value")} must be one of ${ref.e.map((e) => JSON.stringify(e)).join(", ")}, got ${JSON.stringify(value)}`,
            });
        }
    }
    fromOpenApi(schema, topLevel = false) {
        if (!schema_isObject(schema))
            return "*";
        if (schema["x-kubernetes-int-or-string"] === true)
            return "x";
        if (schema["x-kubernetes-preserve-unknown-fields"] === true && !schema_isObject(schema.properties))
            return "*";
        const type = schema.type;
        if (Array.isArray(schema.enum) && schema.enum.every((e) => typeof e === "string"))
            return { e: schema.enum };
        if (type === "string")
            return "s";
        if (type === "integer" || type === "number")
            return "n";
        if (type === "boolean")
            return "b";
        if (type === "array")
            return { a: this.fromOpenApi(schema.items) };
        if (schema_isObject(schema.properties)) {
            const at = this.types.length;
            const entry = { p: {} };
            this.types.push(entry);
            for (const [key, sub] of Object.entries(schema.properties))
                entry.p[key] = this.fromOpenApi(sub);
            if (topLevel) {
                entry.p.apiVersion ??= "s";
                entry.p.kind ??= "s";
                entry.p.metadata = this.metadataRef();
                if (entry.p.status !== undefined)
                    entry.p.status = "*";
            }
            if (Array.isArray(schema.required))
                entry.r = schema.required.filter((r) => typeof r === "string");
            if (schema["x-kubernetes-preserve-unknown-fields"] === true)
                entry.open = true;
            if (schema_isObject(schema.additionalProperties) || schema.additionalProperties === true)
                entry.open = true;
            return at;
        }
        if (schema_isObject(schema.additionalProperties))
            return { m: this.fromOpenApi(schema.additionalProperties) };
        return "*";
    }
    metadataRef() {
        const configMap = this.types[this.kinds.get("v1/ConfigMap")];
        return configMap.p.metadata;
    }
}
function schema_isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/**
 * Flux post-build substitution (`${VAR}`, `${VAR:=default}`) fills any field type at apply time, and a SOPS value
 * (`ENC[AES256_GCM,data:…,type:int]`) is whatever type it decrypts to; so is a templated value (`{{ … }}`) of an
 * ApplicationSet or an ExternalSecret template.
 */
function placeholder(value) {
    return (typeof value === "string" && (value.includes("${") || value.includes("{{") || value.startsWith("ENC[")));
}
function where(path, what) {
    return path.length ? formatPathShort(path) : `the ${what}`;
}
function formatPathShort(path) {
    let out = "";
    for (const segment of path) {
        if (typeof segment === "number")
            out += `[${segment}]`;
        else
            out += out ? `.${segment}` : segment;
    }
    return out;
}
function describe(value) {
    if (Array.isArray(value))
        return "a list";
    if (schema_isObject(value))
        return "a map";
    return `${typeof value} ${JSON.stringify(value)}`;
}
function mismatch(value, expected, path, out) {
    out.push({
        rule: "schema",
        path: [...path],
        message: `${where(path, "value")} must be ${expected}, got ${describe(value)}`,
    });
}
function schema_unknownField(key, type, path) {
    const known = Object.keys(type.p);
    const close = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? known.find((k) => editDistance(k, key) <= 2);
    const field = formatPathShort([...path, key]);
    return {
        rule: "unknown-field",
        path: [...path, key],
        message: `unknown field "${field}"${close ? `: did you mean "${close}"?` : ""} (the API server would drop it)`,
    };
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 2)
        return 3;
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const saved = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = saved;
        }
    }
    return row[b.length];
}

;// CONCATENATED MODULE: ./src/validate/schema-check.ts



/** The schema stage: API versions, OpenAPI schemas of built-in and CRD kinds, kinds nothing describes. */
const unknownKindRule = "unknown-kind";
const apiCache = new Map();
/** The table lookup once per apiVersion/kind/target, not once per resource. */
function apiStatusOf(apiVersion, kind, kubernetesVersion) {
    const key = `${kubernetesVersion}\0${apiVersion}\0${kind}`;
    let status = apiCache.get(key);
    if (!status) {
        status = apiStatus(apiVersion, kind, kubernetesVersion);
        apiCache.set(key, status);
    }
    return status;
}
function checkSchema(resource, stage, out, unschematized) {
    const { schemas, settings } = stage;
    const { apiVersion, kind } = resource.id;
    const api = apiStatusOf(apiVersion, kind, stage.kubernetesVersion);
    if (api.status !== "served") {
        out.push({
            rule: api.status === "removed" ? "removed-api" : "deprecated-api",
            resource,
            path: ["apiVersion"],
            message: api.message,
        });
    }
    // An ignored kind is not schema-checked at all, bundled schema or not: a list written when the kind had no
    // schema must not turn into errors when a release starts to ship one.
    if (settings.ignoresKind(apiVersion, kind))
        return;
    if (schemas.has(apiVersion, kind)) {
        // Bundled CRD schemas lag the operators that define them: a field a newer release added is not the user's
        // mistake unless they asked for strictness. Core kinds are what the API server itself refuses.
        const custom = !schemas.isCore(apiVersion, kind);
        for (const issue of schemas.check(resource.object, stage.strict)) {
            const finding = { rule: issue.rule, resource, path: issue.path, message: issue.message };
            if (custom && issue.rule === "unknown-field" && !stage.strictCustom) {
                finding.severity = "warning";
                finding.message = `${issue.message} (the schema of ${kind} may be older than the operator: point \`schemas\` or \`crds\` at a newer one, or set strict: true to make this an error)`;
            }
            out.push(finding);
        }
    }
    else if (!isKnownOldApi(apiVersion, kind)) {
        const close = schemas.closeKind(apiVersion, kind);
        if (close) {
            // A kind the API group does not have, next to one it has: a typo the API server would refuse.
            out.push({
                rule: "schema",
                resource,
                path: ["kind"],
                message: `${apiVersion} has no kind "${kind}": did you mean "${close}"?`,
            });
        }
        else {
            const key = `${apiVersion}\0${kind}`;
            const group = unschematized.get(key);
            if (group)
                group.push(resource);
            else
                unschematized.set(key, [resource]);
        }
    }
}
/** One unknown-kind finding per kind, on the first resource of it that is not ignored. */
function unknownKinds(unschematized, schemas, settings) {
    const out = [];
    for (const group of unschematized.values()) {
        const reportable = group.filter((r) => {
            const ignored = ignoredByAnnotation(r.object);
            return (!ignored?.has(unknownKindRule) &&
                !ignored?.has("all") &&
                settings.severity(unknownKindRule, r.file) !== "off");
        });
        const first = reportable[0];
        if (!first)
            continue;
        const { apiVersion, kind } = first.id;
        const files = [...new Set(reportable.map((r) => r.file))];
        const count = reportable.length === 1
            ? "1 resource"
            : `${reportable.length} resources in ${files.length === 1 ? "1 file" : `${files.length} files`}`;
        const versions = schemas.versionsOf(apiVersion, kind);
        const known = versions.length ? ` (the bundled schemas know ${versions.join(", ")})` : "";
        out.push({
            rule: unknownKindRule,
            resource: first,
            path: ["kind"],
            message: `no schema for ${apiVersion} ${kind}${known}, so the fields of its ${count} are not checked: point \`crds\` at its CustomResourceDefinition, or list "${kind}" under validate.ignoreKinds`,
        });
    }
    return out;
}
/** Registers the kinds of CustomResourceDefinition documents; returns how many versions were added. */
function registerCrds(docs, schemas) {
    let added = 0;
    for (const doc of docs) {
        const crd = doc.object;
        if (!files_isObject(crd) || crd.kind !== "CustomResourceDefinition" || !files_isObject(crd.spec))
            continue;
        const spec = crd.spec;
        const group = typeof spec.group === "string" ? spec.group : "";
        const kind = files_isObject(spec.names) && typeof spec.names.kind === "string" ? spec.names.kind : undefined;
        if (!kind || !Array.isArray(spec.versions))
            continue;
        for (const version of spec.versions) {
            if (!files_isObject(version) || typeof version.name !== "string")
                continue;
            const schema = files_isObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
            schemas.addOpenApi(`${group}/${version.name}`, kind, schema ?? { "x-kubernetes-preserve-unknown-fields": true });
            added++;
        }
    }
    return added;
}

;// CONCATENATED MODULE: ./src/validate/engine.ts


















const defaultKubernetesVersion = "1.33";
const kustomizeRemoteRule = "kustomize-remote";
/** load → render → schema → rules → findings; the whole check of a config repository. */
async function validateManifests(options, source, renderer) {
    const config = options.config;
    // A rule switched off everywhere is not run at all.
    const rules = (options.rules ?? rules_rules).filter((rule) => config.rules[rule.id] !== "off" || config.overrides.some((o) => (o.rules[rule.id] ?? "off") !== "off"));
    const kubernetesVersion = options.kubernetesVersion ?? config.kubernetesVersion ?? defaultKubernetesVersion;
    parseKubernetesVersion(kubernetesVersion);
    // Unset: unknown fields are errors (warnings for CRD kinds, whose bundled schemas may lag the operator) and kinds
    // without a schema warnings; true: all errors; false: unknown fields are not reported. An explicit severity
    // under `rules` wins over all of these.
    const strictness = options.strict ?? config.strict;
    const defaults = new Map(rules.map((r) => [r.id, r.defaultSeverity]));
    if (strictness === true && defaults.has(unknownKindRule))
        defaults.set(unknownKindRule, "error");
    const settings = new RuleSettings(config, defaults);
    const findings = [];
    // Each file is read once: the parse, the position lookup and the classification share its text.
    const texts = new Map();
    const readText = (file) => {
        if (texts.has(file))
            return texts.get(file);
        const text = source.read(file);
        texts.set(file, text);
        return text;
    };
    const positions = new PositionIndex(readText);
    const schemas = new SchemaSet();
    for (const s of options.jsonSchemas ?? [])
        schemas.addJsonSchema(s.apiVersion, s.kind, s.schema);
    const parsed = new Map();
    // Each file is parsed once; syntax findings wait until the file turns out to be one that must be YAML.
    const pending = new Map();
    const loadOnce = (file) => {
        let docs = parsed.get(file);
        if (!docs) {
            const text = settings.skipped(file) ? undefined : readText(file);
            const result = text === undefined ? { documents: [], findings: [] } : load_parseYamlFile(file, text);
            docs = result.documents;
            parsed.set(file, docs);
            if (result.findings.length)
                pending.set(file, result.findings);
        }
        return docs;
    };
    // Go templates (Helm chart templates) are not YAML until rendered: a file with `{{` that does not parse is one.
    // One that parses holds its `{{` in strings, keys or comments — placeholders filled in later, not a template.
    const templates = new Set();
    const parseFile = (file, report) => {
        const docs = loadOnce(file);
        const problems = pending.get(file);
        if (problems) {
            pending.delete(file);
            const text = readText(file);
            if (text?.includes("{{")) {
                templates.add(file);
                docs.length = 0;
            }
            else if (text !== undefined && report(file, text))
                findings.push(...problems);
        }
        return docs;
    };
    const loadKustomization = (file) => {
        const docs = loadOnce(file);
        const problem = pending.get(file)?.[0];
        return problem ? { problem: problem.message } : { object: docs[0]?.object };
    };
    const collected = (options.files ?? collectFiles(options.paths, source)).filter((f) => !settings.skipped(f));
    // Kustomizations: every one under the checked paths, so files they read are checked through them.
    const kustomizations = readKustomizations(collected, readText, (p) => source.isDir(p), loadKustomization);
    const graph = new KustomizationGraph(kustomizations);
    // What a file is (resource, patch, generator input) is decided by every kustomization of the working tree, so
    // a patch checked on its own — a pre-commit hook passing changed files — is still known as a patch.
    const workTree = options.repositoryRoot ?? ".";
    const narrower = options.paths.length > 0 &&
        !options.paths.some((p) => external_node_path_default().posix.normalize(p) === ".") &&
        source.isDir(workTree);
    const members = (narrower
        ? new KustomizationGraph([
            ...kustomizations,
            ...readKustomizations(collectFiles([workTree], source, kustomizationNames).filter((f) => !settings.skipped(f) && !graph.get(external_node_path_default().posix.dirname(f))), readText, (p) => source.isDir(p), loadKustomization),
        ])
        : graph).memberFiles();
    // What kustomize would apply is checked wherever it lives: under a dot-directory, in node_modules, or with an
    // extension the walk does not pick up.
    const files = [...collected];
    const listed = new Set(collected);
    for (const file of graph.memberFiles().resources) {
        if (!listed.has(file) && !settings.skipped(file) && source.exists(file) && !source.isDir(file)) {
            files.push(file);
            listed.add(file);
        }
    }
    /**
     * Syntax findings of a file count when the file must be YAML: a kustomization, a resource or patch it reads,
     * or a file that names apiVersion and kind. Broken app config, scripts and other tools' YAML are not findings.
     */
    const mustParse = (file, text) => members.kustomizations.has(file) ||
        members.resources.has(file) ||
        members.patches.has(file) ||
        looksLikeManifest(text);
    const parse = (file) => parseFile(file, mustParse);
    // A CRD file given to validate against must be YAML: a broken one would silently check nothing.
    for (const crd of options.crdFiles ?? [])
        registerCrds(parseFile(crd, () => true), schemas);
    const changed = options.changedFiles ? new Set(options.changedFiles) : undefined;
    const listItems = new WeakMap();
    // Without a renderer, files of kustomizations are checked as they are rather than not at all.
    const rendering = options.render === "auto" && renderer !== undefined;
    const roots = rendering ? (changed ? graph.affectedRoots([...changed]) : graph.roots()) : [];
    // A build that needs the network is not run: validation works offline. Its local files are checked as they are.
    const offline = new Map();
    for (const root of roots) {
        const remote = graph.remoteOf(root.dir);
        if (remote.length)
            offline.set(root, remote);
    }
    // A kustomization whose resources a plugin writes at sync cannot be built here; nor can what builds on it.
    const generated = new Set(graph.all.flatMap((k) => generatedAtSync(k, source)));
    const builds = roots.filter((root) => !offline.has(root) && ![...graph.inputsOf(root.dir)].some((f) => generated.has(f)));
    // Files a build reads are validated in its output.
    const built = new Set(builds.flatMap((root) => [...graph.inputsOf(root.dir)]));
    const resources = [];
    const builtImages = new Set();
    const checkedFiles = [];
    const environmentOf = environmentMatcher(options.environments ?? []);
    // Builds start first so kustomize works while the plain files are parsed.
    const renderedResults = renderer && builds.length
        ? mapLimit(builds, options.concurrency ?? 2, async (root) => ({
            root,
            result: await renderer(root.dir),
        }))
        : Promise.resolve([]);
    for (const file of files) {
        if (changed && !changed.has(file))
            continue;
        const text = readText(file);
        if (text === undefined)
            continue;
        const resource = members.resources.has(file);
        // JSON files are manifests only when they say so; package.json and tool settings are not read further.
        if (/\.json$/i.test(file) && !resource && !looksLikeManifest(text))
            continue;
        checkedFiles.push(file);
        // Generator inputs, Helm values, replacement configs: data, whatever they look like.
        if (members.data.has(file) && !resource)
            continue;
        const docs = parse(file);
        if (templates.has(file))
            continue;
        // A patch is a fragment: its syntax counts, its completeness never does.
        if (members.kustomizations.has(file) || (members.patches.has(file) && !resource))
            continue;
        if (built.has(file))
            continue;
        const environment = environmentOf(file);
        for (const doc of docs) {
            for (const image of skaffoldArtifacts(doc.object))
                builtImages.add(image);
            for (const resource of toResources(doc, file, listItems)) {
                if (environment)
                    resource.environment = environment;
                resources.push(resource);
            }
        }
    }
    for (const [root, remote] of offline) {
        for (const at of remote) {
            findings.push({
                rule: kustomizeRemoteRule,
                severity: "warning",
                file: at.file,
                ...(positions.locate(at.file, 0, at.path) ?? { line: 1, column: 1 }),
                message: `${root.dir} was not rendered: kustomize would ${at.what} over the network, and validation works offline; its local files were checked as they are`,
            });
        }
    }
    const rendered = [];
    // Strategic-merge patch documents of each build, so a value an overlay sets is located in the overlay.
    const patchesOf = new WeakMap();
    for (const { root, result } of await renderedResults) {
        rendered.push(root.dir);
        if (!result.ok) {
            findings.push({
                rule: "kustomize-build",
                severity: "error",
                file: root.file,
                line: 1,
                column: 1,
                message: `kustomize build ${root.dir} failed: ${result.error}`,
            });
            continue;
        }
        const patches = patchDocuments(graph, root.dir, parse);
        for (const resource of renderedResources(root, result.output, result.origin, parse)) {
            patchesOf.set(resource, patches);
            // The build is what an environment deploys, wherever its files come from.
            const environment = environmentOf(root.file) ?? environmentOf(resource.file);
            if (environment)
                resource.environment = environment;
            resources.push(resource);
        }
    }
    // CRDs committed alongside their custom resources define those kinds too.
    for (const resource of resources) {
        if (resource.id.kind === "CustomResourceDefinition")
            registerCrds([{ object: resource.object, index: 0, line: 1 }], schemas);
    }
    const repoRoot = options.repositoryRoot ?? ".";
    const context = {
        kubernetesVersion,
        repoRoot,
        pathExists: (p) => source.exists(external_node_path_default().posix.join(repoRoot, external_node_path_default().posix.normalize(p.replace(/^\/+/, "")))),
        repositoryUrls: typeof options.repositoryUrls === "function"
            ? resources.some(isArgoApplication)
                ? await options.repositoryUrls()
                : []
            : options.repositoryUrls,
        productionEnvironments: new Set(options.productionEnvironments ?? []),
        builtImages,
        enclosing: enclosingResources(resources),
    };
    const raw = [];
    const unschematized = new Map();
    const stage = {
        schemas,
        settings,
        strict: strictness !== false,
        strictCustom: strictness === true,
        kubernetesVersion,
    };
    for (const resource of resources)
        checkSchema(resource, stage, raw, unschematized);
    raw.push(...unknownKinds(unschematized, schemas, settings));
    runResourceRules(resources, rules, context, raw);
    runUnitRules(resources, rules, context, raw);
    const own = new WeakMap();
    placeFindings(raw, {
        positions,
        listItems,
        patchesOf,
        overlaySetting: (resource, at) => overlayImageSetting(graph, resource, at, positions),
    }, findings, own);
    findings.push(...(source.refusals?.() ?? []).filter((f) => !settings.skipped(f.file)));
    const final = settle(findings, settings, own);
    return {
        findings: final,
        summary: {
            files: checkedFiles.length,
            resources: resources.length,
            errors: final.filter((f) => f.severity === "error").length,
            warnings: final.filter((f) => f.severity === "warning").length,
        },
        rules,
        files: checkedFiles,
        rendered,
    };
}
/** Plain-manifest resources by directory, so a rule can look one directory up and further for a referent. */
function enclosingResources(resources) {
    const byDir = new Map();
    for (const r of resources) {
        if (r.renderedFrom)
            continue;
        const dir = external_node_path_default().posix.dirname(r.file);
        const list = byDir.get(dir);
        if (list)
            list.push(r);
        else
            byDir.set(dir, [r]);
    }
    return (resource) => {
        if (resource.renderedFrom)
            return [];
        const out = [];
        let dir = external_node_path_default().posix.dirname(resource.file);
        while (dir !== "." && dir !== "/" && dir !== "") {
            dir = external_node_path_default().posix.dirname(dir);
            out.push(...(byDir.get(dir) ?? []));
        }
        return out;
    };
}
function environmentMatcher(environments) {
    const matchers = environments.flatMap((env) => env.paths.map((p) => {
        const pattern = external_node_path_default().posix.normalize(p).replace(/\/+$/, "");
        // A pattern names files or directories: a directory's pattern covers everything under it.
        const glob = picomatch_default()([pattern, `${pattern}/**`], { dot: true });
        return {
            name: env.name,
            test: (file) => pattern === "." || file === pattern || file.startsWith(`${pattern}/`) || glob(file),
        };
    }));
    return (file) => matchers.find((m) => m.test(file))?.name;
}
const isArgoApplication = (resource) => resource.id.apiVersion.startsWith("argoproj.io/") &&
    (resource.id.kind === "Application" || resource.id.kind === "ApplicationSet");

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/validate/local.ts





/** A finding about a symbolic link the source did not follow; the link is named, what it points at is not read. */
function linkFinding(file, message) {
    return { rule: "symlink", severity: "warning", file, line: 1, column: 1, message };
}
const isInside = (root, real) => real === root || real.startsWith(root.endsWith((external_node_path_default()).sep) ? root : `${root}${(external_node_path_default()).sep}`);
/**
 * The working tree on disk, paths relative to `cwd`, bounded by the workspace `root`: nothing whose real path lies
 * outside `root` is read, listed or reported as existing. A symbolic link inside the workspace to something inside
 * it is followed (its file is read once, under the name given); a link leading out of the workspace, or back into a
 * directory that holds it, is not followed and becomes a warning that names the link.
 */
function localSource(cwd, root = cwd) {
    const abs = (p) => external_node_path_default().resolve(cwd, p);
    const realRoot = realOrResolved(root);
    const realCwd = realOrResolved(cwd);
    const reals = new Map();
    const refused = new Map();
    const listedDirs = new Set();
    // Keyed by the link's absolute path: one link reached under two names (a path given absolutely, and the
    // repository walked relatively) is one finding, under the first name.
    const refuse = (link, message) => {
        if (!refused.has(abs(link)))
            refused.set(abs(link), linkFinding(link, message));
    };
    /** Names the first link on the way to `p` that leads out of the workspace or loops, when there is one. */
    const blame = (p) => {
        const parts = external_node_path_default().normalize(p).split((external_node_path_default()).sep);
        for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join((external_node_path_default()).sep) || (external_node_path_default()).sep;
            let link = false;
            try {
                link = (0,external_node_fs_.lstatSync)(abs(prefix)).isSymbolicLink();
            }
            catch {
                return;
            }
            if (!link)
                continue;
            const shown = prefix.split((external_node_path_default()).sep).join("/");
            let real;
            try {
                real = (0,external_node_fs_.realpathSync)(abs(prefix));
            }
            catch (error) {
                if (error.code === "ELOOP")
                    refuse(shown, "symbolic link loops back on itself; it is not followed");
                return;
            }
            if (!isInside(realRoot, real)) {
                refuse(shown, "symbolic link leads outside the workspace; it is not followed, so what it points at is not checked. Copy the file into the repository or remove the link.");
                return;
            }
        }
    };
    /**
     * Real path and type of an absolute path, or null when it does not exist or loops. Built from the parent's (cached),
     * so a file that is no link costs one lstat, and only links are resolved in full.
     */
    const resolved = new Map();
    const resolve = (absolute) => {
        const known = resolved.get(absolute);
        if (known !== undefined)
            return known;
        let out = null;
        const parent = external_node_path_default().dirname(absolute);
        const base = parent === absolute ? undefined : resolve(parent);
        if (parent === absolute || base) {
            const candidate = base ? external_node_path_default().join(base.real, external_node_path_default().basename(absolute)) : absolute;
            try {
                let stat = (0,external_node_fs_.lstatSync)(candidate);
                let real = candidate;
                if (stat.isSymbolicLink()) {
                    real = external_node_fs_.realpathSync.native(candidate);
                    stat = (0,external_node_fs_.statSync)(real);
                }
                out = { real, kind: stat.isDirectory() ? "dir" : stat.isFile() ? "file" : undefined };
            }
            catch {
                out = null;
            }
        }
        resolved.set(absolute, out);
        return out;
    };
    const inside = (p) => {
        const known = reals.get(p);
        if (known !== undefined)
            return known ?? undefined;
        const found = resolve(abs(p));
        const ok = found && isInside(realRoot, found.real) ? found : undefined;
        if (!ok && (found || isLink(abs(p))))
            blame(p);
        reals.set(p, ok ?? null);
        return ok;
    };
    const realPath = (p) => inside(p)?.real;
    const kind = (p) => inside(p)?.kind;
    /** Real paths of `dir` and every directory above it on the way the walk took to reach it. */
    const walkedThrough = (dir) => {
        const out = new Set();
        const parts = dir.split("/");
        for (let i = 0; i <= parts.length; i++) {
            const real = realPath(parts.slice(0, i).join("/") || ".");
            if (real !== undefined)
                out.add(real);
        }
        return out;
    };
    return {
        read(file) {
            const found = inside(file);
            if (found?.kind !== "file")
                return undefined;
            try {
                return (0,external_node_fs_.readFileSync)(found.real, "utf8");
            }
            catch {
                return undefined;
            }
        },
        list(dir) {
            const realDir = realPath(dir);
            if (realDir === undefined)
                return [];
            listedDirs.add(realDir);
            let entries;
            try {
                entries = (0,external_node_fs_.readdirSync)(realDir, { withFileTypes: true });
            }
            catch {
                return [];
            }
            entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            const out = [];
            let stack;
            const absDir = abs(dir);
            for (const entry of entries) {
                if (!entry.isSymbolicLink()) {
                    if (!entry.isDirectory() && !entry.isFile())
                        continue;
                    const kind = entry.isDirectory() ? "dir" : "file";
                    out.push({ name: entry.name, dir: kind === "dir" });
                    // The listing already tells what a plain entry is: reading it later needs no lstat of its own.
                    resolved.set(external_node_path_default().join(absDir, entry.name), { real: external_node_path_default().join(realDir, entry.name), kind });
                    continue;
                }
                const full = dir === "." ? entry.name : `${dir}/${entry.name}`;
                const what = kind(full);
                if (what === "file")
                    out.push({ name: entry.name, dir: false });
                if (what !== "dir")
                    continue;
                const target = realPath(full);
                stack ??= walkedThrough(dir);
                if (stack.has(target) || isInside(target, realDir)) {
                    refuse(full, "symbolic link leads back into a directory that contains it (a loop); it is not followed");
                }
                else if (!listedDirs.has(target))
                    out.push({ name: entry.name, dir: true });
            }
            return out;
        },
        isDir: (p) => kind(p) === "dir",
        exists: (p) => kind(p) !== undefined,
        refusals: () => [...refused.values()],
        realPath,
        isDirect: (p) => realPath(p) === external_node_path_default().resolve(realCwd, p),
    };
}
function isLink(p) {
    try {
        return (0,external_node_fs_.lstatSync)(p).isSymbolicLink();
    }
    catch {
        return false;
    }
}
function realOrResolved(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return external_node_path_default().resolve(p);
    }
}
function run(file, args) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(file, args, { maxBuffer: 256 * 1024 * 1024, env: childEnv() }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : 127) : 0;
            resolve({ code, stdout, stderr: stderr || (error && code === 127 ? error.message : "") });
        });
    });
}
/** `kustomize build` when installed, else `kubectl kustomize`; undefined when neither exists. */
async function findKustomize() {
    if ((await run("kustomize", ["version"])).code === 0)
        return { file: "kustomize", args: ["build"] };
    if ((await run("kubectl", ["version", "--client"])).code === 0)
        return { file: "kubectl", args: ["kustomize"] };
    return undefined;
}
/**
 * Builds through a throw-away kustomization outside the repository that only adds
 * `buildMetadata: [originAnnotations]`, so every rendered object names the file it came from without touching the
 * user's tree. kustomize refuses absolute resource paths, hence the relative one.
 */
function kustomizeRenderer(cwd, tool, source) {
    return async (dir) => {
        if (source && !source.isDir(dir)) {
            return { ok: false, error: `${dir} is not a directory inside the workspace` };
        }
        const wrapper = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "gitops-pipeline-build-"));
        try {
            const target = external_node_path_default().relative(wrapper, external_node_path_default().resolve(cwd, dir));
            (0,external_node_fs_.writeFileSync)(external_node_path_default().join(wrapper, "kustomization.yaml"), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
            const result = await run(tool.file, [...tool.args, wrapper]);
            if (result.code !== 0)
                return { ok: false, error: reason(result.stderr, target, dir, wrapper) };
            const origin = (p) => external_node_path_default().relative(cwd, external_node_path_default().resolve(wrapper, p)).split((external_node_path_default()).sep).join("/");
            // kustomize refuses files outside a kustomization's root, but follows any directory, through a link or `..`:
            // a build that drew on the world outside the workspace is refused, none of its objects reported.
            const outside = source && originPaths(result.stdout).find((p) => isOutside(source, cwd, origin(p)));
            if (outside) {
                return {
                    ok: false,
                    error: `the build reads ${origin(outside)}, which is outside the workspace; its output is not checked. Keep every base and component inside the repository.`,
                };
            }
            return { ok: true, output: result.stdout, origin };
        }
        finally {
            (0,external_node_fs_.rmSync)(wrapper, { recursive: true, force: true });
        }
    };
}
/** Files named by kustomize's origin annotations (`path:` of a resource, `configuredIn:` of a generator). */
function originPaths(output) {
    const paths = [];
    const block = /^( *)config\.kubernetes\.io\/origin: \|-?\n((?:\1 +\S.*\n)+)/gm;
    for (let m = block.exec(output); m; m = block.exec(output)) {
        const field = /^ *(?:path|configuredIn): (.+)$/gm;
        for (let f = field.exec(m[2]); f; f = field.exec(m[2]))
            paths.push(f[1].trim().replace(/^(["'])(.*)\1$/, "$2"));
    }
    return paths;
}
/** True for a file that exists but is not inside the workspace (directly or through a link). */
function isOutside(source, cwd, file) {
    if (source.realPath(file) !== undefined)
        return false;
    try {
        (0,external_node_fs_.statSync)(external_node_path_default().resolve(cwd, file));
    }
    catch {
        return false;
    }
    return true;
}
/** kustomize's own words, without kubectl's log prefix or the wrapper's paths. */
function reason(stderr, target, dir, wrapper) {
    const text = stderr.trim();
    const quoted = /err="((?:[^"\\]|\\.)*)"/.exec(text);
    let message = quoted ? quoted[1].replace(/\\"/g, '"').replace(/\\n/g, " ") : text.replace(/^Error: /, "");
    message = message.split(wrapper).join("<build>").split(target).join(dir);
    message = message.replace(/^accumulating resources: accumulation err='accumulating resources from '[^']*': /, "");
    return message || "kustomize exited without saying why";
}
/**
 * Files changed between two commits (`git diff --name-only base...head`, relative to `cwd`); undefined when git
 * cannot answer — typically a shallow clone without the base commit — so the caller can check everything instead.
 */
async function changedFilesFromGit(cwd, base, head) {
    const result = await new Promise((resolve) => {
        (0,external_node_child_process_.execFile)("git", [
            "-C",
            cwd,
            "diff",
            "--name-only",
            "--relative",
            "--no-renames",
            "--end-of-options",
            `${base}...${head}`,
        ], { env: gitEnv() }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout }));
    });
    if (result.code !== 0)
        return undefined;
    return result.stdout.split("\n").filter(Boolean);
}
/**
 * Clone URLs of the repository checked out at `root`, from its `origin` and `upstream` remotes (read from git's
 * config, no network). Only a repository whose top level is `root` counts, never one the workspace merely sits in.
 */
async function repositoryUrlsFromGit(root) {
    const result = await new Promise((resolve) => {
        (0,external_node_child_process_.execFile)("git", ["-C", root, "config", "--local", "--get-regexp", "^remote\\.(origin|upstream)\\.url$"], { env: { ...gitEnv(), GIT_CEILING_DIRECTORIES: external_node_path_default().dirname(external_node_path_default().resolve(root)) } }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout }));
    });
    if (result.code !== 0)
        return [];
    return result.stdout
        .split("\n")
        .map((line) => line.slice(line.indexOf(" ") + 1).trim())
        .filter((url) => url !== "" && !url.includes("\n"));
}

/**
 * Writes a report file the user named, relative to the workspace (`roots[0]`): never outside the given roots (the
 * workspace, the runner's temporary directory), never through a symbolic link (a link in the checkout could
 * otherwise point the write at any file the runner can change). Missing directories are created, inside the root.
 * Returns the absolute path written.
 */
function writeInsideWorkspace(roots, file, text, fail) {
    const hint = "Name a file inside the workspace (relative to it) or in RUNNER_TEMP, or leave the input empty.";
    const target = external_node_path_default().resolve(roots[0], file);
    const root = roots.find((r) => {
        const relative = external_node_path_default().relative(external_node_path_default().resolve(r), target);
        return !(relative === "" ||
            relative === ".." ||
            relative.startsWith(`..${(external_node_path_default()).sep}`) ||
            external_node_path_default().isAbsolute(relative));
    });
    if (root === undefined)
        throw fail(`${file} is outside the workspace`, hint);
    const missing = [];
    let dir = external_node_path_default().dirname(target);
    for (;;) {
        try {
            (0,external_node_fs_.lstatSync)(dir);
            break;
        }
        catch {
            missing.unshift(dir);
            dir = external_node_path_default().dirname(dir);
        }
    }
    let realDir;
    try {
        realDir = (0,external_node_fs_.realpathSync)(dir);
    }
    catch {
        throw fail(`the directory of ${file} cannot be resolved`, hint);
    }
    if (!isInside(realOrResolved(root), realDir) || !(0,external_node_fs_.statSync)(realDir).isDirectory())
        throw fail(`${file} leads outside the workspace through a symbolic link`, hint);
    for (const d of missing)
        (0,external_node_fs_.mkdirSync)(d);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(target, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_TRUNC | external_node_fs_.constants.O_NOFOLLOW, 0o644);
    }
    catch (error) {
        const code = error.code;
        if (code === "ELOOP")
            throw fail(`${file} is a symbolic link; the report is not written through it`, hint);
        if (code === "EISDIR")
            throw fail(`${file} is a directory`, hint);
        throw fail(`cannot write ${file}: ${error.message}`, hint);
    }
    try {
        (0,external_node_fs_.writeSync)(fd, text);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    return target;
}

;// CONCATENATED MODULE: ./src/rendered/render.ts






/** The kustomizations of a tree as a graph (the same reading validation uses). */
function kustomizationGraph(source) {
    const files = collectFiles(["."], source, kustomizationNames);
    return new KustomizationGraph(files.map((file) => parseKustomization(file, source.read(file) ?? "", (p) => source.isDir(p))));
}
let tool;
async function kustomize() {
    tool ??= findKustomize();
    const found = await tool;
    if (!found)
        throw new errors/* UserError */.y("neither kustomize nor kubectl is on PATH, so overlays cannot be rendered", {
            hint: "Install kubectl (it includes kustomize) or kustomize.",
        });
    return found;
}
/**
 * A tree whose kustomizations render with kustomize (through validation's renderer, so both read a repository the
 * same way and refuse the same escapes), and whose plain manifest directories are read as they are.
 */
function renderTree(dir) {
    const root = external_node_path_default().resolve(dir);
    const source = localSource(root, root);
    const graph = kustomizationGraph(source);
    let renderer;
    let renders = 0;
    return {
        dir: root,
        source,
        graph,
        get renders() {
            return renders;
        },
        async render(unit) {
            if (graph.get(unit) === undefined)
                return plainManifests(source, unit);
            renderer ??= kustomize().then((found) => kustomizeRenderer(root, found, source));
            renders++;
            const result = await (await renderer)(unit);
            if (!result.ok)
                return { ok: false, error: result.error };
            try {
                return { ok: true, objects: parseRendered(result.output) };
            }
            catch (error) {
                return { ok: false, error: `kustomize's output of ${unit} is not YAML: ${error.message}` };
            }
        },
    };
}
/** A directory (or file) of plain manifests: every YAML document in it that is a Kubernetes object. */
function plainManifests(source, unit) {
    if (!source.exists(unit))
        return { ok: true, objects: [] };
    const objects = [];
    for (const file of collectFiles([unit], source)) {
        try {
            objects.push(...parseRendered(source.read(file) ?? ""));
        }
        catch (error) {
            return { ok: false, error: `${file} is not valid YAML: ${error.message}` };
        }
    }
    return { ok: true, objects };
}
/** Runs `fn` over `items`, at most `limit` at a time, results in the items' order. */
async function render_mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/rendered/change.ts


/**
 * The rendered difference a change makes: only the overlays whose inputs include a changed file (on either side,
 * so an overlay the change removes or adds is shown too) are rendered, on both trees, and compared object by object.
 */
async function renderedChange(base, head, changed, concurrency = 2) {
    const before = new Set(base.graph.affectedRoots(changed).map((k) => k.dir));
    const after = new Set(head.graph.affectedRoots(changed).map((k) => k.dir));
    const overlays = [...new Set([...before, ...after])].sort();
    const rendersBefore = base.renders + head.renders;
    const results = await render_mapLimit(overlays, concurrency, async (overlay) => {
        const [left, right] = await Promise.all([
            before.has(overlay) ? base.render(overlay) : undefined,
            after.has(overlay) ? head.render(overlay) : undefined,
        ]);
        const errors = [];
        if (left && !left.ok)
            errors.push({ side: "base", error: left.error });
        if (right && !right.ok)
            errors.push({ side: "head", error: right.error });
        if (errors.length)
            return { overlay, status: "failed", objects: [], errors };
        const objects = diffObjects(left?.ok ? left.objects : [], right?.ok ? right.objects : []);
        const status = !left ? "added" : !right ? "removed" : objects.length ? "changed" : "unchanged";
        return { overlay, status, objects, errors };
    });
    return { overlays: results, renders: base.renders + head.renders - rendersBefore };
}

;// CONCATENATED MODULE: ./src/flows/rendered-diff.ts



/**
 * What the working tree changes in the cluster compared with `ref`: the overlays the changed files affect, rendered
 * from the base commit's files (extracted to a private directory) and from the working tree.
 */
async function renderedDiffAgainst(cwd, ref, concurrency = 2) {
    const top = await workTreeTop(cwd);
    const base = await resolveCommit(top, ref);
    const changed = await changedSince(top, base);
    const extracted = await extractCommit(top, base);
    try {
        const change = await renderedChange(renderTree(extracted.dir), renderTree(top), changed, concurrency);
        return { ...change, base, changedFiles: changed.length };
    }
    finally {
        await extracted.remove();
    }
}

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(9988);
// EXTERNAL MODULE: ./node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(2203);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./src/http/proxy.ts + 1 modules
var http_proxy = __webpack_require__(3947);
;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test, so bundles need not read package.json at run time. */
const VERSION = "0.1.0";

;// CONCATENATED MODULE: ./src/github/errors.ts

function httpStatus(error) {
    const status = error?.status;
    return typeof status === "number" && status > 0 ? status : undefined;
}
/** GraphQL answers with 200 and an `errors` list; their `type` plays the role of the HTTP status. */
function graphqlErrors(error) {
    const candidate = error;
    if (candidate?.name === "GraphqlResponseError")
        return candidate.errors ?? [];
    return undefined;
}
/** The text GitHub gave, from a REST body or GraphQL errors. */
function gitHubMessage(error) {
    const gql = graphqlErrors(error);
    if (gql)
        return gql.map((entry) => entry.message ?? entry.type ?? "").join("; ");
    const http = error;
    const data = http?.response?.data;
    const details = (data?.errors ?? [])
        .map((entry) => (typeof entry === "string" ? entry : entry?.message))
        .filter(Boolean);
    const base = data?.message ?? http?.message ?? String(error);
    return details.length > 0 ? `${base} (${details.join("; ")})` : base;
}
/** True for 422 "Reference already exists" from POST git/refs. */
function isReferenceExists(error) {
    return httpStatus(error) === 422 && /reference already exists/i.test(gitHubMessage(error));
}
/** True for 422 "A pull request already exists for owner:branch." */
function isPullRequestExists(error) {
    return httpStatus(error) === 422 && /pull request already exists/i.test(gitHubMessage(error));
}
/** 422 "No commits between main and branch": the head branch was reset by a concurrent run at that moment. */
function isNoCommitsBetween(error) {
    return httpStatus(error) === 422 && /no commits between/i.test(gitHubMessage(error));
}
/** createCommitOnBranch's compare-and-swap failure: someone else moved the branch after we read it. */
function isStaleHead(error) {
    const gql = graphqlErrors(error);
    if (!gql)
        return false;
    return gql.some((entry) => entry.type === "STALE_DATA" || /expected branch to point to/i.test(entry.message ?? ""));
}
const PROTECTION = /protected branch|branch protection|repository rule|rule violation|through a pull request/i;
const NOT_PERMITTED_PR = /not permitted to create or approve pull requests/i;
const NOT_ACCESSIBLE = /resource not accessible by (integration|personal access token)/i;
function rateLimitReset(error) {
    const reset = Number(error?.response?.headers?.["x-ratelimit-reset"]);
    if (!Number.isFinite(reset) || reset <= 0)
        return undefined;
    return new Date(reset * 1000).toISOString().replace(/\.\d+Z$/, "Z");
}
function isRateLimited(error, status, message) {
    const remaining = error?.response?.headers?.["x-ratelimit-remaining"];
    return (status === 429 ||
        (status === 403 && (String(remaining) === "0" || /rate limit/i.test(message))) ||
        (graphqlErrors(error) ?? []).some((entry) => entry.type === "RATE_LIMITED"));
}
/** `1.5 s`: durations in messages, as the user configured them. */
function formatSeconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
}
/** Error codes of the layers below HTTP, in the words a user checks them by. */
function networkReason(code) {
    if (code === "ECONNREFUSED")
        return { reason: "connection refused", tls: false };
    if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME")
        return { reason: "the host name does not resolve", tls: false };
    if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT")
        return { reason: "connecting timed out", tls: false };
    if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET")
        return { reason: "the connection was reset", tls: false };
    if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)|^EPROTO$/.test(code))
        return { reason: "the TLS handshake failed", tls: true };
    return { reason: code, tls: false };
}
/**
 * A request that never got an HTTP answer: Octokit reports it as a 500 without a response, the network's error
 * (or our time limit) as its cause. Undefined for anything GitHub answered.
 */
function networkFailure(error) {
    const http = error;
    if (httpStatus(error) !== 500 || http?.response)
        return undefined;
    let host = "the API URL";
    try {
        if (http?.request?.url)
            host = new URL(http.request.url).host;
    }
    catch {
        // keep the generic name
    }
    const retryCount = http?.request?.request?.retryCount;
    const attempts = typeof retryCount === "number" ? retryCount + 1 : undefined;
    let cause = error.cause;
    for (let depth = 0; cause && depth < 6; depth++, cause = cause.cause) {
        if (cause.name === "RequestTimeout" && typeof cause.timeoutMs === "number") {
            return {
                host,
                reason: `no answer within ${formatSeconds(cause.timeoutMs)}`,
                tls: false,
                timeout: true,
                attempts,
            };
        }
        if (typeof cause.code === "string" && cause.code !== "") {
            return { host, ...networkReason(cause.code), timeout: false, attempts };
        }
    }
    if (error.cause === undefined)
        return undefined;
    return { host, reason: String(http?.message ?? "network error"), tls: false, timeout: false, attempts };
}
/**
 * Turns what GitHub answered into a UserError that says what to change: the token, the workflow's `permissions:`,
 * a repository setting, or the branch protection. Errors that are not GitHub's come back unchanged.
 */
function translateGitHubError(error, context) {
    if (error instanceof UserError)
        return error;
    const status = httpStatus(error);
    const gql = graphqlErrors(error);
    if (status === undefined && gql === undefined)
        return error;
    const network = networkFailure(error);
    if (network) {
        const tried = network.attempts && network.attempts > 1 ? `, ${network.attempts} attempts` : "";
        return new UserError(`could not ${context.operation} in ${context.repository}: the GitHub API at ${network.host} could not be reached (${network.reason}${tried})`, {
            hint: `This is the network or the API URL, not GitHub itself: check that ${network.host} is the GitHub server ` +
                "(GITHUB_API_URL and GITHUB_GRAPHQL_URL; on GitHub Enterprise Server https://HOST/api/v3 and " +
                "https://HOST/api/graphql) and that the runner reaches it (DNS, proxy, firewall)." +
                (network.tls
                    ? " A server certificate from a private CA needs NODE_EXTRA_CA_CERTS on the runner."
                    : network.timeout
                        ? " A slow server needs a larger `request-timeout`."
                        : ""),
            cause: error,
        });
    }
    const message = gitHubMessage(error);
    const types = new Set((gql ?? []).map((entry) => entry.type));
    const what = `GitHub refused to ${context.operation} in ${context.repository}`;
    const permissions = context.pullRequests
        ? "`permissions: { contents: write, pull-requests: write }`"
        : "`permissions: { contents: write }`";
    if (status === 401) {
        return new UserError(`${what}: the token was not accepted (401 ${message})`, {
            hint: "Pass a valid token: check the secret behind the `token` input is set, not expired and not revoked.",
            cause: error,
        });
    }
    if (isRateLimited(error, status, message)) {
        const reset = rateLimitReset(error);
        return new UserError(`${what}: the API rate limit is exhausted${reset ? ` until ${reset}` : ""} (${message})`, {
            hint: "Re-run the job after the reset. GITHUB_TOKEN has 1,000 requests per hour per repository; a GitHub App " +
                "installation token has its own, larger budget.",
            cause: error,
        });
    }
    if (NOT_PERMITTED_PR.test(message)) {
        return new UserError(`${what}: GitHub Actions is not permitted to create or approve pull requests`, {
            hint: "Enable Settings → Actions → General → Workflow permissions → 'Allow GitHub Actions to create and approve " +
                "pull requests' (on the repository, and on the organisation if it is locked there), or pass a GitHub App " +
                "installation token as `token`.",
            cause: error,
        });
    }
    if (types.has("INSUFFICIENT_SCOPES")) {
        return new UserError(`${what}: the token's scopes do not allow it (${message})`, {
            hint: "A classic personal access token needs the `repo` scope (and `workflow` to change workflow files); a " +
                "fine-grained token or GitHub App needs Contents and Pull requests: Read and write.",
            cause: error,
        });
    }
    if ((status === 403 || types.has("FORBIDDEN")) && NOT_ACCESSIBLE.test(message)) {
        return new UserError(`${what}: the token lacks a permission (${message})`, {
            hint: `Give the job ${permissions}. GITHUB_TOKEN cannot write to another repository: for a separate config ` +
                "repository use a GitHub App installation token with Contents and Pull requests write.",
            cause: error,
        });
    }
    if ((status === 422 || status === 403 || status === 409 || gql) && PROTECTION.test(message)) {
        return new UserError(`${what}: branch protection refused the change (${message})`, {
            hint: "Use `mode: pull-request` for this branch, or allow the token's app to bypass the rule in the branch " +
                "protection / ruleset settings.",
            cause: error,
        });
    }
    if (status === 404 || types.has("NOT_FOUND")) {
        return new UserError(`${what}: not found — the repository or branch does not exist, or the token cannot see it`, {
            hint: "Check the `repository` and `base` inputs. GITHUB_TOKEN only reaches the workflow's own repository; to " +
                "write to another one pass a GitHub App installation token (or a fine-grained PAT) that can access it.",
            cause: error,
        });
    }
    if (status === 403 || types.has("FORBIDDEN")) {
        return new UserError(`${what}: access denied (403 ${message})`, {
            hint: `Give the job ${permissions}, or use a token that can write to ${context.repository}.`,
            cause: error,
        });
    }
    if (status !== undefined && status >= 500) {
        return new UserError(`${what}: GitHub kept failing (${status} ${message}) after retries`, {
            hint: "This is on GitHub's side; nothing was changed. Re-run the job, or check https://www.githubstatus.com.",
            cause: error,
        });
    }
    return new UserError(`${what}: ${status ? `${status} ` : ""}${message}`, { cause: error });
}
/** Runs a GitHub call and translates its failure; the one wrapper every delivery step uses. */
async function onGitHub(context, call) {
    try {
        return await call();
    }
    catch (error) {
        throw translateGitHubError(error, context);
    }
}

;// CONCATENATED MODULE: ./src/github/settings.ts

// What the action entries check in their inputs before any client exists (and before its library is loaded).
/** Per-request time limit: GitHub ends its own work on a request after 10 s, so 30 s leaves room for the network. */
const DEFAULT_REQUEST_TIMEOUT_S = 30;
/** Retries of a request that failed with a 5xx, a network error or a timeout. */
const DEFAULT_RETRIES = 2;
/**
 * The request time limit from an input or environment value in seconds (empty: the default). Bounded so a typo
 * cannot turn it off: at most 10 minutes.
 */
function parseRequestTimeout(text, source) {
    const trimmed = text.trim();
    if (trimmed === "")
        return DEFAULT_REQUEST_TIMEOUT_S * 1000;
    const seconds = Number(trimmed);
    if (!/^\d+(\.\d+)?$/.test(trimmed) || !(seconds > 0) || seconds > 600) {
        throw new errors/* UserError */.y(`${source} must be a number of seconds between 0 and 600, got ${JSON.stringify(text)}`, {
            hint: `Give the time one GitHub API request may take, e.g. ${DEFAULT_REQUEST_TIMEOUT_S}; failed requests are retried ${DEFAULT_RETRIES} times.`,
        });
    }
    return Math.round(seconds * 1000);
}
/** `owner/name` split and checked, so a typo fails before any request. */
function parseRepository(value) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
    if (!match) {
        throw new errors/* UserError */.y(`repository must be written owner/name, got ${JSON.stringify(value)}`, {
            hint: "Set the repository input to the config repository, e.g. acme/deploy.",
        });
    }
    return { owner: match[1], repo: match[2] };
}

;// CONCATENATED MODULE: ./src/github/client.ts









const GitOpsOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
const DEFAULT_API_URL = "https://api.github.com";
/** Raised when a request's time limit ran out; it travels as the `cause` of Octokit's error. */
class RequestTimeout extends Error {
    timeoutMs;
    constructor(timeoutMs) {
        super(`no answer within ${formatSeconds(timeoutMs)}`);
        this.timeoutMs = timeoutMs;
        this.name = "RequestTimeout";
    }
}
/**
 * `fetch` with a time limit per call, through the proxy the environment names. The limit covers the body too (the
 * signal stays attached while Octokit reads it), and a timeout rejects with RequestTimeout, which Octokit reports as a
 * retriable 500.
 */
function fetchWithTimeout(timeoutMs) {
    const fetch = (0,http_proxy/* proxyAwareFetch */.Fm)();
    return async (input, init) => {
        const timer = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
        try {
            return await fetch(input, { ...init, signal });
        }
        catch (error) {
            if (timer.aborted)
                throw new RequestTimeout(timeoutMs);
            throw error;
        }
    };
}
/**
 * The one place GitHub clients are made. Transient failures (5xx, rate limits with `retry-after`) are retried a
 * bounded number of times, so a job either lands its change or fails with the cause instead of hanging.
 */
function createGitHubClient(options) {
    const { token, logger } = options;
    const redact = (message) => (token ? message.split(token).join("***") : message);
    const retries = options.retries ?? DEFAULT_RETRIES;
    const maxWait = options.maxRateLimitWait ?? 120;
    const rateLimitRetries = options.rateLimitRetries ?? 3;
    const baseUrl = (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, "");
    const proxy = (0,http_proxy/* proxyFor */.iJ)(baseUrl);
    if (proxy)
        logger.debug(`GitHub API requests to ${baseUrl} go through the proxy ${(0,http_proxy/* redactProxy */.YP)(proxy)}`);
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const where = `${request.method} ${request.url}`;
        if (retryCount >= rateLimitRetries || retryAfter > maxWait) {
            logger.warning(`GitHub ${kind} rate limit on ${where}: not retrying (retry ${retryCount + 1}, wait ${retryAfter}s)`);
            return false;
        }
        logger.info(`GitHub ${kind} rate limit on ${where}: retrying in ${retryAfter}s`);
        return true;
    };
    const octokit = new GitOpsOctokit({
        auth: token || undefined,
        baseUrl,
        userAgent: `gitops-pipeline/${VERSION}`,
        request: { fetch: fetchWithTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_S * 1000) },
        log: {
            debug: (message) => logger.debug(redact(message)),
            info: (message) => logger.debug(redact(message)),
            warn: (message) => logger.warning(redact(message)),
            // Failed requests are reported by whoever handles them (many, like a lost race, are expected).
            error: (message) => logger.debug(redact(message)),
        },
        retry: { retries },
        throttle: {
            id: options.id ?? "gitops-pipeline",
            write: new (lib_default()).Group({ maxConcurrent: 1, minTime: options.writeSpacingMs ?? 1000 }),
            onRateLimit: onLimit("primary"),
            onSecondaryRateLimit: onLimit("secondary"),
        },
    });
    if (options.graphqlUrl) {
        // baseUrl too: with a `/api/v3` REST root, @octokit/graphql would otherwise derive its own endpoint.
        octokit.graphql = octokit.graphql.defaults({ baseUrl: options.graphqlUrl, url: options.graphqlUrl });
    }
    return octokit;
}
/**
 * The pair most callers want: reads without write spacing (GraphQL queries are not content-creating, yet the
 * throttling plugin spaces every GraphQL document), writes spaced as GitHub asks.
 */
function createGitHubClients(options) {
    return { read: createGitHubClient({ ...options, writeSpacingMs: 0 }), write: createGitHubClient(options) };
}

;// CONCATENATED MODULE: ./src/github/comments.ts
/** The first comment on an issue or pull request whose body starts with `marker`, reading every page. */
async function findMarkedComment(client, repository, issue, marker) {
    for (let page = 1;; page++) {
        const response = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
            ...repository,
            issue_number: issue,
            per_page: 100,
            page,
        });
        const comments = response.data;
        const found = comments.find((c) => c.body?.startsWith(marker));
        if (found)
            return found;
        const link = String(response.headers.link ?? "");
        if (comments.length < 100 || !/rel="next"/.test(link))
            return undefined;
    }
}
/**
 * Keeps one comment per purpose on a pull request: the comment that starts with `marker` is edited in place (left
 * alone when its body is already `body`), and only when there is none is one created (unless `create` is false).
 */
async function upsertMarkedComment(client, repository, issue, marker, body, options = {}) {
    const existing = await findMarkedComment(client, repository, issue, marker);
    // Nothing worth saying and nothing said before: no comment at all.
    if (!existing && options.create === false)
        return undefined;
    if (existing && existing.body === body)
        return { operation: "unchanged", id: existing.id, url: existing.html_url };
    if (existing) {
        const response = await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
            ...repository,
            comment_id: existing.id,
            body,
        });
        return { operation: "updated", id: Number(response.data.id), url: response.data.html_url };
    }
    const response = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...repository,
        issue_number: issue,
        body,
    });
    return { operation: "created", id: Number(response.data.id), url: response.data.html_url };
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
;// CONCATENATED MODULE: ./src/rendered/format.ts


/** A value as one line: strings bare, everything else as JSON, long values cut. */
function shown(value) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
const multiline = (value) => typeof value === "string" && value.includes("\n");
/** One field change as text lines (no indentation); multi-line strings (config files) as a unified hunk. */
function fieldLines(change) {
    if (change.hidden) {
        const what = change.before === undefined ? "added" : change.after === undefined ? "removed" : "changed";
        return [`${change.path}: ${what} (value hidden)`];
    }
    if (multiline(change.before) || multiline(change.after)) {
        const before = typeof change.before === "string"
            ? change.before
            : change.before === undefined
                ? ""
                : shown(change.before);
        const after = typeof change.after === "string" ? change.after : change.after === undefined ? "" : shown(change.after);
        const patch = (0,create/* structuredPatch */.YB)("", "", withNewline(before), withNewline(after), undefined, undefined, {
            context: 2,
        });
        const lines = [`${change.path}:`];
        for (const hunk of patch.hunks) {
            lines.push(`  @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
            for (const line of hunk.lines)
                if (!line.startsWith("\\"))
                    lines.push(`  ${line}`);
        }
        return lines;
    }
    if (change.before === undefined)
        return [`${change.path}: + ${shown(change.after)}`];
    if (change.after === undefined)
        return [`${change.path}: - ${shown(change.before)}`];
    return [`${change.path}: ${shown(change.before)} -> ${shown(change.after)}`];
}
const withNewline = (text) => (text === "" || text.endsWith("\n") ? text : `${text}\n`);
/**
 * Object differences as text: `~` changed (with its fields), `+` only on the right side, `-` only on the left; sides
 * are named (environment names, or base and head).
 */
function objectDiffLines(diffs, sides) {
    const lines = [];
    for (const diff of diffs) {
        const key = objectKey(diff);
        if (diff.change === "added")
            lines.push(`+ ${key} (only in ${sides[1]})`);
        else if (diff.change === "removed")
            lines.push(`- ${key} (only in ${sides[0]})`);
        else {
            const moved = diff.previousNamespace !== undefined
                ? ` (namespace ${diff.previousNamespace || "(none)"} in ${sides[0]})`
                : "";
            lines.push(`~ ${key}${moved}`);
        }
        for (const change of diff.fields)
            for (const line of fieldLines(change))
                lines.push(`    ${line}`);
    }
    return lines;
}
/** A JSON-ready view of object differences; hidden values never carry the value. */
function objectDiffJson(diffs) {
    return diffs.map((d) => ({
        kind: d.kind,
        namespace: d.namespace || null,
        name: d.name,
        change: d.change,
        ...(d.previousNamespace !== undefined ? { previousNamespace: d.previousNamespace || null } : {}),
        fields: d.fields.map((f) => f.hidden
            ? {
                path: f.path,
                change: f.before === undefined ? "added" : f.after === undefined ? "removed" : "changed",
                hidden: true,
            }
            : f),
    }));
}

;// CONCATENATED MODULE: ./src/rendered/markdown.ts

/** Finds the one comment this report lives in, so each push edits it instead of adding another. */
const RENDERED_DIFF_MARKER = "<!-- gitops-pipeline:rendered-diff -->";
/** GitHub refuses an issue comment longer than this many characters. */
const COMMENT_LIMIT = 65_536;
const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** A code fence longer than any run of backticks in the text, so repository text cannot close it early. */
function fenced(lines, language) {
    const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((r) => r.length))));
    const fence = "`".repeat(longest + 1);
    return `${fence}${language}\n${lines.join("\n")}\n${fence}`;
}
function counts(overlay) {
    if (overlay.status === "failed")
        return "does not render";
    if (overlay.status === "unchanged")
        return "no change in the rendered objects";
    const by = { changed: 0, added: 0, removed: 0 };
    for (const o of overlay.objects)
        by[o.change]++;
    const parts = Object.entries(by)
        .filter(([, n]) => n > 0)
        .map(([what, n]) => `${n} ${what}`);
    const prefix = overlay.status === "added" ? "new overlay: " : overlay.status === "removed" ? "overlay removed: " : "";
    return `${prefix}${parts.join(", ") || "no objects"}`;
}
/** Lines a reader sees for one overlay: object differences in diff notation, or kustomize's reason. */
function overlayLines(overlay) {
    if (overlay.status === "failed")
        return overlay.errors.map((e) => `${e.side}: ${e.error}`);
    return objectDiffLines(overlay.objects, ["base", "head"]).map((line) => 
    // diff notation colours `+` and `-` lines; changed objects and their fields stay neutral.
    line.startsWith("~ ") ? `! ${line.slice(2)}` : line);
}
/**
 * The rendered diff as Markdown for a job summary or a pull-request comment: the marker, a headline, then one
 * collapsed section per overlay that differs. Sections that do not fit in `limit` characters are cut, and a note
 * says how many were left out.
 */
function renderedDiffMarkdown(change, options) {
    const limit = options.limit ?? COMMENT_LIMIT;
    const shown = change.overlays.filter((o) => o.status !== "unchanged");
    const head = [
        ...(options.marker === false ? [] : [RENDERED_DIFF_MARKER]),
        "### Rendered diff",
        "",
        change.overlays.length === 0
            ? `No overlay is affected by the changes since \`${options.base.slice(0, 12)}\`.`
            : `${change.overlays.length} overlay${change.overlays.length === 1 ? "" : "s"} affected since \`${options.base.slice(0, 12)}\`, ${shown.length} with differences in what reaches the cluster (${change.renders} kustomize build${change.renders === 1 ? "" : "s"}). Secret values are never shown.`,
        "",
    ].join("\n");
    // Room kept for the note about what was cut.
    const reserve = 400;
    let text = head;
    let cut = 0;
    let truncated = false;
    for (const [index, overlay] of shown.entries()) {
        const summary = `<details><summary><code>${escapeHtml(overlay.overlay)}</code>: ${counts(overlay)}</summary>\n\n`;
        const lines = overlayLines(overlay);
        let section = `${summary}${fenced(lines, "diff")}\n\n</details>\n\n`;
        const room = limit - reserve - text.length;
        if (section.length > room) {
            // The first overlay that does not fit is shown as far as it fits; the rest are counted.
            const kept = [];
            let size = summary.length + 40;
            for (const line of lines) {
                if (size + line.length + 1 > room)
                    break;
                kept.push(line);
                size += line.length + 1;
            }
            if (kept.length > 0) {
                kept.push(`... ${lines.length - kept.length} more line(s) cut`);
                section = `${summary}${fenced(kept, "diff")}\n\n</details>\n\n`;
                text += section;
                truncated = true;
                cut = shown.length - index - 1;
            }
            else
                cut = shown.length - index;
            break;
        }
        text += section;
    }
    if (cut > 0 || truncated) {
        text += `> [!NOTE]\n> The rendered diff was cut to fit GitHub's limit of ${COMMENT_LIMIT.toLocaleString("en-US")} characters${cut > 0 ? `: ${cut} more overlay${cut === 1 ? " is" : "s are"} not shown` : ""}. Run \`gitops-pipeline validate --diff-base ${options.base.slice(0, 12)}\` for all of it.\n`;
    }
    return text;
}

;// CONCATENATED MODULE: ./src/report/index.ts

const reportFormats = (/* unused pure expression or super */ null && (["text", "json", "sarif", "junit", "github"]));
/** GitHub shows at most this many error and this many warning annotations per step; the rest only in the summary. */
const annotationCap = 10;
function formatReport(report, format) {
    switch (format) {
        case "json":
            return `${JSON.stringify(toJson(report), null, 2)}\n`;
        case "sarif":
            return `${JSON.stringify(toSarif(report), null, 2)}\n`;
        case "junit":
            return toJunit(report);
        case "github":
            return report.findings.map((f) => `${workflowCommand(f)}\n`).join("") + `${summaryLine(report)}\n`;
        default:
            return toText(report);
    }
}
function summaryLine(report) {
    const { files, resources, errors, warnings } = report.summary;
    return `${files} file${files === 1 ? "" : "s"}, ${resources} resource${resources === 1 ? "" : "s"}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
function resourceName(f) {
    if (!f.resource)
        return "";
    return `${f.resource.kind}/${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}`;
}
/**
 * Control characters but tab and newline shown as `\xNN`: repository text must not move a terminal's cursor, colour
 * or rewrite earlier lines of a log.
 */
const printable = (s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
function toText(report) {
    const lines = report.findings.map((f) => {
        const what = resourceName(f);
        return printable(`${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${what ? `${what}: ` : ""}${f.message}`);
    });
    lines.push(summaryLine(report));
    return `${lines.join("\n")}\n`;
}
/** The shape other checks parse: keys and order fixed by the CLI contract. */
function toJson(report) {
    return {
        findings: report.findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            file: f.file,
            line: f.line,
            column: f.column,
            resource: f.resource
                ? {
                    apiVersion: f.resource.apiVersion,
                    kind: f.resource.kind,
                    name: f.resource.name,
                    namespace: f.resource.namespace ?? null,
                }
                : null,
            message: f.message,
            ...(f.related?.length ? { related: f.related.map((r) => ({ ...r })) } : {}),
        })),
        summary: { ...report.summary },
    };
}
/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, rule descriptors, results with physical locations whose
 * URIs are relative to the checkout (`%SRCROOT%`, which the uploader resolves to the repository root).
 */
function toSarif(report) {
    const rules = report.rules;
    const index = new Map(rules.map((r, i) => [r.id, i]));
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "gitops-pipeline",
                        version: VERSION,
                        rules: rules.map((r) => ({
                            id: r.id,
                            name: r.id,
                            shortDescription: { text: r.description },
                            fullDescription: { text: r.description },
                            defaultConfiguration: { level: r.defaultSeverity },
                            properties: { tags: ["kubernetes", "gitops"] },
                        })),
                    },
                },
                columnKind: "unicodeCodePoints",
                results: report.findings.map((f) => ({
                    ruleId: f.rule,
                    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
                    level: f.severity,
                    message: { text: resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: relativeUri(f.file), uriBaseId: "%SRCROOT%" },
                                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
                            },
                        },
                    ],
                    // The base line a value an overlay sets overrides: shown next to the result, never as its place.
                    ...(f.related?.length
                        ? {
                            relatedLocations: f.related.map((r, id) => ({
                                id,
                                message: { text: "the value in the base, which this setting overrides" },
                                physicalLocation: {
                                    artifactLocation: { uri: relativeUri(r.file), uriBaseId: "%SRCROOT%" },
                                    region: { startLine: Math.max(1, r.line), startColumn: Math.max(1, r.column) },
                                },
                            })),
                        }
                        : {}),
                })),
            },
        ],
    };
}
/** Lone UTF-16 surrogates: not characters at all, so neither XML nor UTF-8 can carry them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Characters a path segment may hold as they are (RFC 3986 pchar less pct-encoded); all else is %-encoded UTF-8. */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
/**
 * A file path as a relative URI reference (RFC 3986): each segment percent-encoded, so `#`, `?`, `%`, spaces and
 * non-ASCII survive, and a colon in the first segment encoded, so `c:x.yaml` is not read as a scheme.
 */
function relativeUri(file) {
    return file
        .replace(LONE_SURROGATE, "\uFFFD")
        .split("/")
        .map((segment, i) => Array.from(segment, (c) => PCHAR.test(c) && !(i === 0 && c === ":") ? c : encodeURIComponent(c).replace(/[!'()*]/g, escapeAscii)).join(""))
        .join("/");
}
const escapeAscii = (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
/**
 * Text for XML 1.0 content and attribute values: markup characters escaped, characters XML cannot hold at all (C0
 * controls but tab and newlines, U+FFFE, U+FFFF, lone surrogates) dropped; in attributes, tab and newlines become
 * character references so a parser does not fold them into spaces.
 */
const xml = (s, attribute = false) => {
    const text = s
        .replace(LONE_SURROGATE, "")
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/g, "")
        .replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
    return attribute ? text.replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`) : text;
};
const attr = (s) => xml(s, true);
/** One test case per checked file: it fails with its errors listed; warnings go to its system-out. */
function toJunit(report) {
    const byFile = new Map();
    for (const file of report.files)
        byFile.set(file, []);
    for (const f of report.findings) {
        if (!byFile.has(f.file))
            byFile.set(f.file, []);
        byFile.get(f.file)?.push(f);
    }
    const line = (f) => `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.message}`;
    let failures = 0;
    const cases = [];
    for (const [file, findings] of byFile) {
        const errors = findings.filter((f) => f.severity === "error");
        const warnings = findings.filter((f) => f.severity === "warning");
        let body = "";
        if (errors.length) {
            failures++;
            body += `      <failure message="${attr(`${errors.length} error${errors.length === 1 ? "" : "s"}: ${errors[0].message}`)}" type="${attr(errors[0].rule)}">${xml(errors.map(line).join("\n"))}</failure>\n`;
        }
        if (warnings.length)
            body += `      <system-out>${xml(warnings.map(line).join("\n"))}</system-out>\n`;
        cases.push(body
            ? `    <testcase classname="gitops-pipeline.validate" name="${attr(file)}" file="${attr(file)}">\n${body}    </testcase>\n`
            : `    <testcase classname="gitops-pipeline.validate" name="${attr(file)}" file="${attr(file)}"/>\n`);
    }
    return (`<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<testsuites name="gitops-pipeline validate" tests="${cases.length}" failures="${failures}">\n` +
        `  <testsuite name="validate-manifests" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n` +
        cases.join("") +
        "  </testsuite>\n</testsuites>\n");
}
const escapeData = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
/** `::error file=…,line=…,col=…,title=…::message`, the runner's annotation command. */
function workflowCommand(f) {
    const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}`;
    return `::${f.severity} ${props}::${escapeData(resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message)}`;
}
/** The findings that get an annotation: the first `annotationCap` errors and warnings; the rest stay in the summary. */
function annotated(findings) {
    const errors = findings.filter((f) => f.severity === "error");
    const warnings = findings.filter((f) => f.severity === "warning");
    const shown = [...errors.slice(0, annotationCap), ...warnings.slice(0, annotationCap)];
    return { shown, hidden: findings.length - shown.length };
}
/**
 * Repository text (file names, resource names, messages) as the plain text of one table cell: line breaks become
 * spaces, and every character Markdown or HTML could read as structure — a pipe ending the cell, a tag, a link, an
 * image, emphasis, a code span, the colon of a `scheme://` autolink — is written as a character reference, which renders as itself.
 */
const cell = (s) => s
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[|<>&`*_[\]()!#~\\]|:(?=\/)/g, (c) => `&#${c.charCodeAt(0)};`);
const summaryRowCap = 1000;
/** Markdown for the job summary: counts, then every finding (up to a size GitHub accepts). */
function toMarkdown(report, options = {}) {
    const { files, resources, errors, warnings } = report.summary;
    const status = errors > 0 ? "❌" : warnings > 0 ? "⚠️" : "✅";
    const out = [
        `## ${status} validate-manifests`,
        "",
        "| Files | Resources | Errors | Warnings | Kustomizations built |",
        "| ---: | ---: | ---: | ---: | ---: |",
        `| ${files} | ${resources} | ${errors} | ${warnings} | ${report.rendered.length} |`,
        "",
    ];
    if (options.hiddenAnnotations) {
        out.push(`GitHub shows ${annotationCap} error and ${annotationCap} warning annotations per step; ${options.hiddenAnnotations} more finding${options.hiddenAnnotations === 1 ? " is" : "s are"} listed only here.`, "");
    }
    if (report.findings.length === 0) {
        out.push("No findings.", "");
        return out.join("\n");
    }
    out.push("| Severity | Rule | Location | Resource | Message |", "| --- | --- | --- | --- | --- |");
    for (const f of report.findings.slice(0, summaryRowCap)) {
        const where = `${f.file}:${f.line}:${f.column}`;
        const link = options.fileUrl ? `[${cell(where)}](${options.fileUrl(f)})` : `<code>${cell(where)}</code>`;
        out.push(`| ${f.severity} | <code>${cell(f.rule)}</code> | ${link} | ${cell(resourceName(f))} | ${cell(f.message)} |`);
    }
    if (report.findings.length > summaryRowCap) {
        out.push("", `${report.findings.length - summaryRowCap} more findings are in the JSON and SARIF reports.`);
    }
    out.push("");
    return out.join("\n");
}

;// CONCATENATED MODULE: ./src/promote/checks.ts
// What `require-status` asks of the source commit, and how commit statuses, check runs and check suites answer it.
// A smoke test that runs as a job of a workflow reports a check run, Argo CD's notifications a commit status, a
// scanning app a check suite; the gate reads all three with one meaning of success, pending and failure.

/** A GitHub App slug: lowercase letters, digits and '-' (`github-actions`, `codeql`). */
const APP_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
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
        if (kind === "check-run") {
            // A run name may hold '@' itself (`test (node@22)`): only a slug after the last one pins an app.
            const at = name.lastIndexOf("@");
            const app = at > 0 ? name.slice(at + 1).trim() : "";
            if (at > 0 && APP_SLUG.test(app))
                return { text, kind, name: name.slice(0, at).trim(), app };
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
/**
 * The check runs that answer a requirement: the latest run of the name for each app, or only the pinned app's. A
 * re-run replaces a run of the same app; another app's run never does, so an app reporting success cannot hide the
 * failure of another (an unpinned name needs every app's latest run to pass).
 */
function answeringRuns(requirement, runs) {
    const latest = new Map();
    for (const run of runs) {
        if (run.name !== requirement.name)
            continue;
        if (requirement.app !== undefined && run.app !== requirement.app)
            continue;
        const key = run.app ?? "";
        const seen = latest.get(key);
        if (!seen || run.id > seen.id)
            latest.set(key, run);
    }
    return [...latest.values()];
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
        for (const run of answeringRuns(requirement, checks.checkRuns ?? [])) {
            found.push(checkObservation("check run", run.status, run.conclusion));
        }
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
    const shownName = requirement.app ? `${requirement.name} (app ${requirement.app})` : requirement.name;
    const cut = requirement.kind !== "status" &&
        requirement.kind !== "check-suite" &&
        checks.truncated?.names.includes(requirement.name)
        ? `; only the first ${checks.truncated.limit} check runs of this name were read, GitHub lists more`
        : "";
    if (observations.length === 0) {
        return {
            requirement,
            verdict: undefined,
            detail: `required ${noun} ${shownName} not reported ${where}${cut}`,
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
        detail: `required ${noun} ${shownName} is ${deciding.state} ${where}${shown}` +
            (deciding.note ? `; ${deciding.note}` : "") +
            cut,
    };
}
/**
 * Which kinds of report the requirements can be answered by, so an adapter fetches only those, and the check run
 * names to list (GitHub filters a commit's check runs by `check_name`).
 */
function reportsNeeded(requirements) {
    const parsed = requirements.map(parseRequirement);
    const runNames = parsed.filter((r) => r.kind === "any" || r.kind === "check-run").map((r) => r.name);
    return {
        checkRuns: runNames.length > 0,
        checkSuites: parsed.some((r) => r.kind === "check-suite"),
        checkRunNames: [...new Set(runNames)],
    };
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
function window_wallClock(now, zone) {
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
    const { day, minutes } = window_wallClock(now, window.zone);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/update/encoding.ts
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function encoding_decodeText(bytes) {
    try {
        return { text: strictUtf8.decode(bytes), encoding: "utf8" };
    }
    catch {
        return {
            text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
            encoding: "latin1",
        };
    }
}
/** The bytes of `text` held as `encoding`; a character outside one byte in a "latin1" text is a bug, not data loss. */
function encoding_encodeText(text, encoding = "utf8") {
    if (encoding === "latin1" && /[^\u0000-\u00ff]/.test(text)) {
        throw new Error("a byte-per-character text holds a character above U+00FF");
    }
    return Buffer.from(text, encoding);
}

;// CONCATENATED MODULE: ./src/update/local.ts







/**
 * Normalises a repository-relative path and refuses one that leaves the repository (`..`, absolute paths),
 * so no caller can read or write outside the root it was given.
 */
function local_repoPath(path) {
    const slashed = path.replace(/\\/g, "/");
    if ((0,external_node_path_.isAbsolute)(path) || slashed.startsWith("/")) {
        throw new errors/* UserError */.y(`path ${JSON.stringify(path)} is absolute`, {
            hint: "Give paths relative to the repository root.",
        });
    }
    const normal = external_node_path_.posix.normalize(slashed).replace(/\/+$/, "");
    if (normal === ".." || normal.startsWith("../")) {
        throw new errors/* UserError */.y(`path ${JSON.stringify(path)} leaves the repository through '..'`, {
            hint: "Give paths inside the repository, relative to its root.",
        });
    }
    return normal === "." ? "" : normal;
}
// The callback form costs measurably less CPU per small file than fs/promises' FileHandle-based readFile,
// which dominated a walk over thousands of files (see bench/update-tag.mjs).
const readFile = (0,external_node_util_.promisify)(external_node_fs_.readFile);
function local_isInside(root, target) {
    const rel = relative(root, target);
    return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}
/** A RepoReader over a directory; symlinks are followed only while they stay inside it. */
function localReader(root) {
    let realRoot;
    const base = () => {
        realRoot ??= realpath(root).then(async (real) => {
            if (!(await stat(real)).isDirectory()) {
                throw new UserError(`repository directory ${JSON.stringify(root)} is not a directory`, {
                    hint: "Pass the root directory of the config repository with --repo.",
                });
            }
            return real;
        }, (error) => {
            throw new UserError(`repository directory ${JSON.stringify(root)} cannot be read (${error.code})`, {
                hint: "Pass an existing directory with --repo.",
            });
        });
        return realRoot;
    };
    // What listings already showed to be plain files and directories (no symlink on the way): these need no
    // further checks, which keeps a walk over thousands of files to one readdir per directory and one read per file.
    const known = new Map();
    // Files read one character per byte because they are not UTF-8: written back the same way (see encoding.ts).
    const encodings = new Map();
    /** Real path of a repository path, after checking that neither `..` nor a symlink leads outside. */
    function resolve(path) {
        const rel = local_repoPath(path);
        let found = known.get(rel);
        if (!found) {
            found = resolveUncached(rel);
            known.set(rel, found);
        }
        return found;
    }
    async function resolveUncached(rel) {
        const top = await base();
        if (rel === "")
            return { real: top, dir: true };
        const slash = rel.lastIndexOf("/");
        const parent = await resolve(slash < 0 ? "" : rel.slice(0, slash));
        if (!parent?.dir)
            return undefined;
        const candidate = join(parent.real, rel.slice(slash + 1));
        let stats;
        try {
            stats = await lstat(candidate);
        }
        catch (error) {
            if (error.code === "ENOENT")
                return undefined;
            throw error;
        }
        if (!stats.isSymbolicLink())
            return { real: candidate, dir: stats.isDirectory() };
        const real = await realpath(candidate).catch(() => undefined);
        if (real === undefined)
            return undefined;
        if (!local_isInside(top, real)) {
            throw new UserError(`path ${JSON.stringify(rel)} leaves the repository through a symlink (to ${real})`, {
                hint: "Replace the symlink with the file, or point it inside the repository.",
            });
        }
        return { real, dir: (await stat(real)).isDirectory() };
    }
    return {
        root,
        async list(dir) {
            const resolved = await resolve(dir);
            if (!resolved?.dir)
                return [];
            const rel = local_repoPath(dir);
            const found = await readdir(resolved.real, { withFileTypes: true });
            return found
                .map((entry) => {
                const type = entry.isSymbolicLink() ? "symlink" : entry.isDirectory() ? "dir" : "file";
                const path = rel ? `${rel}/${entry.name}` : entry.name;
                if (type !== "symlink" && !known.has(path)) {
                    known.set(path, Promise.resolve({ real: join(resolved.real, entry.name), dir: type === "dir" }));
                }
                return { name: entry.name, type };
            })
                .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        },
        async read(path) {
            const resolved = await resolve(path);
            if (!resolved || resolved.dir)
                return undefined;
            const { text, encoding } = decodeText(await readFile(resolved.real));
            if (encoding !== "utf8")
                encodings.set(local_repoPath(path), encoding);
            return text;
        },
        encoding(path) {
            return encodings.get(local_repoPath(path)) ?? "utf8";
        },
        async writeAll(files) {
            const planned = [];
            try {
                for (const file of files) {
                    const target = (await resolve(file.path))?.real ?? join(await base(), local_repoPath(file.path));
                    const existing = await lstat(target).catch(() => undefined);
                    // Renaming over a directory fails only after the earlier files were replaced: refuse it up front.
                    if (existing && !existing.isFile()) {
                        throw new UserError(`${JSON.stringify(file.path)} is not a regular file, so it cannot be replaced`, {
                            file: file.path,
                            hint: "Remove or rename what is there, then run again; nothing was written.",
                        });
                    }
                    const temp = join(dirname(target), `.${randomBytes(6).toString("hex")}.gitops-pipeline.tmp`);
                    planned.push({ temp, target });
                    await writeFile(temp, encodeText(file.content, encodings.get(local_repoPath(file.path))), {
                        mode: existing ? existing.mode & 0o7777 : 0o644,
                        flag: "wx",
                    });
                }
            }
            catch (error) {
                await Promise.all(planned.map(({ temp }) => rm(temp, { force: true })));
                throw error;
            }
            for (const [index, { temp, target }] of planned.entries()) {
                try {
                    await rename(temp, target);
                }
                catch (error) {
                    // Files already renamed stay replaced, but no temporary file is left behind next to the others.
                    await Promise.all(planned.slice(index).map((left) => rm(left.temp, { force: true })));
                    throw error;
                }
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/yaml/document.ts



/**
 * The largest file the edit path parses: 32 MiB. Parsing keeps a node per token and the source tokens, about 35
 * bytes of memory per byte of YAML (a 10 MB file peaks near 360 MB and parses in about a second), so this bounds a
 * run to roughly 1.2 GB and a few seconds per file. Hand-written manifests are kilobytes; the biggest generated ones
 * in config repositories (CRD bundles, rendered charts) are a few MB.
 */
const MAX_YAML_BYTES = 32 * 1024 * 1024;
/**
 * Parses every document of a file with source ranges kept. Syntax errors become a UserError at file:line so
 * nothing is edited in a file the tools downstream could not read either.
 */
function document_parseYamlFile(path, content) {
    const file = parseYamlDocuments(path, content);
    for (const document of file.documents) {
        const error = documentError(file, document);
        if (error)
            throw error;
    }
    return file;
}
/**
 * Parses without judging the documents: each may carry errors (see `documentError`). Only a file above
 * MAX_YAML_BYTES is refused here, before any work.
 */
function parseYamlDocuments(path, content) {
    if (content.length > MAX_YAML_BYTES) {
        throw new errors/* UserError */.y(`this file is ${(content.length / 1024 / 1024).toFixed(1)} MiB; YAML files above ${MAX_YAML_BYTES / 1024 / 1024} MiB are not edited`, {
            file: path,
            hint: "A manifest this large is generated: regenerate it with the new version, or leave it out of the paths.",
        });
    }
    const lines = lineIndex(content);
    // Parsed as YAML 1.2: only ranges and structure matter here, and quoting decisions check 1.1 and 1.2.
    // Duplicate keys stay errors, as in Go's yaml (kustomize, Helm): which one would a reader take? They are found by
    // `duplicateKeys` (linear) rather than the parser's own check, which is quadratic in the size of a mapping.
    const parsed = (0,dist/* parseAllDocuments */.hR)(content, {
        keepSourceTokens: true,
        uniqueKeys: false,
    });
    // An empty stream comes back as an EmptyStream (an array subclass with extra fields): keep plain arrays.
    return { path, content, documents: [...parsed], lines };
}
/**
 * Line starts from the text itself. The parser's own line counter misses the lines of a multi-line plain scalar it
 * meets while recovering from an error (a Helm template's `{{` read as a flow mapping), and every later position of
 * the file then drifts upwards.
 */
function lineIndex(content) {
    const lines = new dist/* LineCounter */.HN();
    lines.addNewLine(0);
    for (let at = content.indexOf("\n"); at >= 0; at = content.indexOf("\n", at + 1))
        lines.addNewLine(at + 1);
    return lines;
}
/** The first problem of one document as a UserError at file:line: a syntax error, else a repeated key. */
function documentError(file, document) {
    const error = document.errors[0];
    if (error) {
        const at = file.lines.linePos(error.pos[0]);
        const first = error.message.split("\n")[0] ?? error.message;
        return new errors/* UserError */.y(`malformed YAML: ${first.replace(/ at line \d+, column \d+:?$/, "")}`, {
            file: file.path,
            line: at.line,
            column: at.col,
            hint: "Fix the YAML syntax; nothing was changed.",
        });
    }
    const duplicate = duplicateKeys(document.contents)[0];
    if (duplicate) {
        const at = file.lines.linePos(duplicate.offset);
        return new errors/* UserError */.y(`malformed YAML: map keys must be unique; ${JSON.stringify(duplicate.key)} repeats the key at line ${file.lines.linePos(duplicate.firstOffset).line}`, {
            file: file.path,
            line: at.line,
            column: at.col,
            hint: "Remove or rename one of the keys: YAML readers disagree on which value wins; nothing was changed.",
        });
    }
    return unresolvedAlias(file, document);
}
/**
 * An alias whose anchor this document does not define. Anchors do not reach across `---`: kustomize, kubectl and Helm
 * refuse such a file, so editing it would only hide the problem.
 */
function unresolvedAlias(file, document) {
    const [start, , end] = document.range;
    if (!file.content.slice(start, end).includes("*"))
        return undefined;
    let found;
    (0,dist/* visit */.YR)(document, {
        Alias(_, node) {
            if (node.resolve(document) !== undefined)
                return undefined;
            found = { name: node.source, offset: node.range?.[0] ?? start };
            return dist/* visit */.YR.BREAK;
        },
    });
    if (!found)
        return undefined;
    const at = file.lines.linePos(found.offset);
    const elsewhere = file.documents.some((other) => other !== document && definesAnchor(other, found.name));
    return new errors/* UserError */.y(`malformed YAML: alias *${found.name} names no anchor of its document${elsewhere ? " (an anchor of that name is in another document of the file, and anchors do not reach across '---')" : ""}`, {
        file: file.path,
        line: at.line,
        column: at.col,
        hint: "Define the anchor in the same document, or write the value out; kustomize and kubectl refuse the file as it is, and nothing was changed.",
    });
}
function definesAnchor(document, name) {
    let found = false;
    (0,dist/* visit */.YR)(document, (_, node) => {
        if (!(0,dist/* isAlias */.Vj)(node) && node.anchor === name) {
            found = true;
            return dist/* visit */.YR.BREAK;
        }
        return undefined;
    });
    return found;
}
function document_positionOf(file, offset) {
    const { line, col } = file.lines.linePos(offset);
    return { line, column: col };
}

;// CONCATENATED MODULE: ./src/yaml/embedded.ts



/**
 * Parses the text of a literal block scalar as YAML. Returns undefined when the block is not plainly mappable
 * (folded, explicit indentation indicator, or not YAML): those are left alone rather than guessed at.
 */
function embeddedYaml(outer, node) {
    if (node.type !== Scalar.BLOCK_LITERAL || typeof node.value !== "string" || !node.range)
        return undefined;
    const { content } = outer;
    const [start, end] = node.range;
    const headerEnd = content.indexOf("\n", start);
    if (headerEnd < 0 || headerEnd >= end || /\d/.test(content.slice(start, headerEnd)))
        return undefined;
    const inner = node.value;
    const innerLines = inner.split("\n");
    const outerStarts = [];
    for (let at = headerEnd + 1; at < end; at = content.indexOf("\n", at) + 1 || end)
        outerStarts.push(at);
    const firstLine = content.slice(outerStarts[0] ?? end, content.indexOf("\n", outerStarts[0] ?? end));
    const indent = /^ */.exec(firstLine)[0].length;
    // Every embedded line must sit, unchanged, at the block's indentation on its own outer line.
    for (const [k, line] of innerLines.entries()) {
        if (line === "")
            continue;
        const at = outerStarts[k];
        if (at === undefined || content.slice(at + indent, at + indent + line.length) !== line)
            return undefined;
    }
    const innerStarts = [0];
    for (let i = inner.indexOf("\n"); i >= 0; i = inner.indexOf("\n", i + 1))
        innerStarts.push(i + 1);
    const lineOf = (offset) => {
        let k = innerStarts.length - 1;
        while (k > 0 && innerStarts[k] > offset)
            k--;
        return k;
    };
    // A line start maps to the outer line's start (before the block's indentation), so whole-line insertions
    // and removals stay whole lines; anything else maps past the indentation.
    const toOuter = (offset) => {
        const k = lineOf(offset);
        const line = outerStarts[k];
        if (line === undefined)
            return end;
        return offset === innerStarts[k] ? line : line + indent + (offset - innerStarts[k]);
    };
    let file;
    try {
        file = parseYamlFile(outer.path, inner);
    }
    catch (error) {
        if (isUserError(error))
            return undefined;
        throw error;
    }
    const eol = content[headerEnd - 1] === "\r" ? "\r\n" : "\n";
    return {
        file,
        position: (offset) => positionOf(outer, toOuter(offset)),
        splice: (splice) => {
            const pad = " ".repeat(indent);
            const lines = splice.text.split(/\r?\n/);
            const text = lines
                .map((line, i) => (i > 0 || splice.start === innerStarts[lineOf(splice.start)]) && line !== "" ? pad + line : line)
                .join(eol);
            return { start: toOuter(splice.start), end: toOuter(splice.end), text };
        },
    };
}

;// CONCATENATED MODULE: ./src/yaml/mapping.ts

/** The line ending at or after `at`; on a last line without one, the line ending of the line before. */
function lineEnding(content, at) {
    let newline = content.indexOf("\n", at);
    if (newline < 0)
        newline = content.lastIndexOf("\n", at);
    return newline > 0 && content[newline - 1] === "\r" ? "\r\n" : "\n";
}
function lineStart(content, at) {
    return content.lastIndexOf("\n", at - 1) + 1;
}
function keyStart(pair) {
    return pair.key.range[0];
}
function valueEnd(pair) {
    const value = pair.value;
    if (value?.range)
        return value.range[1];
    return pair.key.range[1] + 1;
}
/**
 * Inserts `key: text` right after `after` in the same map, in the map's own style: a new line at the key's
 * indentation (with the file's line ending) in block maps, `, key: text` in flow maps.
 */
function insertPair(file, map, after, key, text) {
    const { content } = file;
    const end = valueEnd(after);
    if (map.flow)
        return { start: end, end, text: `, ${key}: ${text}` };
    const start = keyStart(after);
    const indent = " ".repeat(start - lineStart(content, start));
    const eol = lineEnding(content, end - 1);
    const newline = content.indexOf("\n", Math.max(end - 1, start));
    if (newline < 0)
        return { start: content.length, end: content.length, text: `${eol}${indent}${key}: ${text}` };
    return { start: newline + 1, end: newline + 1, text: `${indent}${key}: ${text}${eol}` };
}
/**
 * Removes one pair with its line (block) or its separator (flow). A pair that shares its line with a
 * sequence dash (`- digest: …`) is removed up to the next key so the dash stays with the entry.
 */
function removePair(file, map, pair) {
    const { content } = file;
    const index = map.items.indexOf(pair);
    const start = keyStart(pair);
    const end = valueEnd(pair);
    const next = map.items[index + 1];
    const previous = map.items[index - 1];
    if (map.flow) {
        if (previous)
            return { start: valueEnd(previous), end, text: "" };
        if (next)
            return { start, end: keyStart(next), text: "" };
        return { start, end, text: "" };
    }
    const ownLine = content.slice(lineStart(content, start), start).trim() === "";
    if (!ownLine) {
        if (next)
            return { start, end: keyStart(next), text: "" };
        return { start, end, text: "" };
    }
    const newline = content.indexOf("\n", Math.max(end - 1, start));
    const from = lineStart(content, start);
    if (newline < 0 && from > 0) {
        // The last line has no line break: take the one before it, so the file still ends without one.
        return { start: content[from - 2] === "\r" ? from - 2 : from - 1, end: content.length, text: "" };
    }
    return { start: from, end: newline < 0 ? content.length : newline + 1, text: "" };
}
function isStringScalar(node) {
    return isScalar(node) && (typeof node.value === "string" || typeof node.value === "number");
}

;// CONCATENATED MODULE: ./src/yaml/scalar.ts


/**
 * Plain spellings that YAML 1.1 readers (Go's yaml.v2/v3 as used by kustomize and Helm, PyYAML) turn into
 * something other than the same string. The `yaml` package checks cover most of them; these patterns keep the
 * decision independent of one library's schema details.
 */
const YAML11_SPECIAL = (/* unused pure expression or super */ null && ([
    /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    /^(?:~|null|Null|NULL|)$/,
    /^[-+]?(?:0b[01_]+|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|(?:0|[1-9][0-9_]*))$/,
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
    /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
    /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$/,
    /^(?:=|<<)$/,
]));
/** True when `value` written as a plain scalar would not read back as this exact string under YAML 1.1 or 1.2. */
function needsQuotes(value, inFlow = false) {
    if (YAML11_SPECIAL.some((re) => re.test(value)))
        return true;
    if (value !== value.trim() || /[\n\r\t]/.test(value))
        return true;
    // Indicators that cannot start a plain scalar (some parsers only warn, Go's yaml refuses).
    if (/^[,[\]{}#&*!|>'"%@`]|^[-?:](?:\s|$)/.test(value) || /:\s|\s#/.test(value))
        return true;
    if (inFlow && /[,[\]{}]/.test(value))
        return true;
    for (const version of ["1.1", "1.2"]) {
        try {
            if (parse(`${value}\n`, { version, logLevel: "silent" }) !== value)
                return true;
            if (parse(`k: ${value}\n`, { version, logLevel: "silent" })?.k !== value)
                return true;
        }
        catch {
            return true;
        }
    }
    return false;
}
function doubleQuoted(value) {
    let out = '"';
    for (const ch of value) {
        const code = ch.codePointAt(0);
        if (ch === '"' || ch === "\\")
            out += `\\${ch}`;
        else if (ch === "\n")
            out += "\\n";
        else if (ch === "\t")
            out += "\\t";
        else if (code < 0x20 || code === 0x7f)
            out += `\\x${code.toString(16).padStart(2, "0")}`;
        else
            out += ch;
    }
    return `${out}"`;
}
function singleQuoted(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/**
 * The string a scalar holds as the user sees it. Plain scalars are read from the source so `tag: 1.10` is
 * "1.10" (what a Go template prints from the text is irrelevant: the author meant 1.10), not the number 1.1.
 */
function scalarText(content, node) {
    if (!node.range)
        return undefined;
    if (node.type === Scalar.PLAIN) {
        return content.slice(node.range[0], node.range[1]).trim();
    }
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
        return typeof node.value === "string" ? node.value.trim() : undefined;
    }
    return typeof node.value === "string" ? node.value : undefined;
}
/** The splice that makes `node` hold `value`, written in the node's own style. */
function replaceScalar(content, node, value, where, inFlow = false) {
    const [start, end] = node.range;
    switch (node.type) {
        case Scalar.QUOTE_SINGLE:
            return { start, end, text: singleQuoted(value) };
        case Scalar.QUOTE_DOUBLE:
            return { start, end, text: doubleQuoted(value) };
        case Scalar.BLOCK_LITERAL:
        case Scalar.BLOCK_FOLDED:
            return replaceBlockScalar(content, start, end, value, where);
        default: {
            if (start === end) {
                // An empty value (`newTag:`): keep the separator space YAML needs on either side.
                const text = needsQuotes(value, inFlow) ? doubleQuoted(value) : value;
                const before = content[start - 1] === ":" ? " " : "";
                const after = content[start] === "#" ? " " : "";
                return { start, end, text: `${before}${text}${after}` };
            }
            if (content.slice(start, end).includes("\n")) {
                // A multi-line plain scalar: rewriting it on one line keeps the value but joins its lines.
                return { start, end, text: doubleQuoted(value) };
            }
            return { start, end, text: needsQuotes(value, inFlow) ? doubleQuoted(value) : value };
        }
    }
}
/** Keeps the `|`/`>` header, indentation and trailing blank lines; only a one-line body can be rewritten. */
function replaceBlockScalar(content, start, end, value, where) {
    const source = content.slice(start, end);
    const headerEnd = source.indexOf("\n") + 1;
    const body = source.slice(headerEnd);
    const match = /^([ \t]*)(\S[^\r\n]*)(\r?\n|$)/.exec(body);
    const restOfBody = match ? body.slice(match[0].length) : "";
    if (!match || restOfBody.trim() !== "") {
        throw new UserError("cannot rewrite a multi-line block scalar holding an image reference", {
            ...where,
            hint: "Write the reference on one line (plain or quoted) and run again.",
        });
    }
    return {
        start: start + headerEnd + match[1].length,
        end: start + headerEnd + match[1].length + match[2].length,
        text: value,
    };
}

;// CONCATENATED MODULE: ./src/yaml/tree.ts



/** Follows an alias to its anchored node, remembering where the anchor is (edits there would change every use). */
function deref(file, document, node, parent) {
    if ((0,dist/* isAlias */.Vj)(node)) {
        const target = node.resolve(document);
        if (!target)
            return undefined;
        if (parent?.anchor)
            return { node: target, anchor: parent.anchor, alias: parent.alias };
        return {
            node: target,
            anchor: document_positionOf(file, target.range?.[0] ?? 0),
            alias: document_positionOf(file, node.range?.[0] ?? 0),
        };
    }
    if (node === null || node === undefined)
        return undefined;
    return { node: node, anchor: parent?.anchor, alias: parent?.alias };
}
function keyOf(pair) {
    const key = pair.key;
    if ((0,dist/* isScalar */.jn)(key) && (typeof key.value === "string" || typeof key.value === "number"))
        return String(key.value);
    return undefined;
}
/**
 * The entries of a map as a reader sees them: its own keys first, then keys merged in with `<<: *anchor`
 * (those count as reached through an alias). Later duplicates are ignored, as YAML readers keep the first.
 */
function entries(file, document, reached) {
    return mapEntries(file, document, reached, new Set());
}
/** `entries` with the maps being merged so far: a map that merges itself (`&a {<<: *a}`) must not loop forever. */
function mapEntries(file, document, reached, merging) {
    merging.add(reached.node);
    const out = [];
    const seen = new Set();
    const merges = [];
    for (const pair of reached.node.items) {
        const key = keyOf(pair);
        if (key === undefined)
            continue;
        if (key === "<<" && !((0,dist/* isScalar */.jn)(pair.key) && pair.key.type !== "PLAIN")) {
            const sources = (0,dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value];
            for (const source of sources) {
                const target = deref(file, document, source, reached);
                if (target)
                    merges.push(target);
            }
            continue;
        }
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ key, pair, value: deref(file, document, pair.value, reached), map: reached.node });
    }
    for (const merged of merges) {
        if (!(0,dist/* isMap */.jh)(merged.node) || merging.has(merged.node))
            continue;
        for (const entry of mapEntries(file, document, merged, merging)) {
            if (seen.has(entry.key))
                continue;
            seen.add(entry.key);
            out.push(entry);
        }
    }
    merging.delete(reached.node);
    return out;
}
function get(file, document, map, key) {
    return entries(file, document, map).find((entry) => entry.key === key);
}
function asMap(reached) {
    return reached && (0,dist/* isMap */.jh)(reached.node) ? reached : undefined;
}
function items(file, document, reached) {
    if (!reached || !(0,dist/* isSeq */.oP)(reached.node))
        return [];
    const out = [];
    for (const item of reached.node.items) {
        const target = deref(file, document, item, reached);
        if (target)
            out.push(target);
    }
    return out;
}
/** True when the node sits in a flow collection (`[a, b]`, `{k: v}`), where `,[]{}` need quoting. */
function isFlow(node) {
    return Boolean(node && (isMap(node) || isSeq(node)) && node.flow);
}
/** Every anchor that is used through an alias in a document; editing inside one changes all of its uses. */
function anchorUses(file, document) {
    const found = new Map();
    visit(document, {
        Alias(_, alias) {
            const target = alias.resolve(document);
            if (!target?.range)
                return;
            let use = found.get(target);
            if (!use) {
                use = {
                    name: alias.source,
                    start: target.range[0],
                    end: target.range[2],
                    at: positionOf(file, target.range[0]),
                    uses: [],
                };
                found.set(target, use);
            }
            use.uses.push(positionOf(file, alias.range?.[0] ?? 0));
        },
    });
    return [...found.values()];
}
/** Repeated visits one walk may make: far above any real manifest, far below what nested aliases can expand to. */
const MAX_WALK_VISITS = 100_000;
/**
 * Guards a recursive walk that follows aliases. A node that contains an alias to itself (`&a {b: *a}`) would be
 * walked forever, and aliases of aliases (`&b [*a, *a]`, `&c [*b, *b]`, …) double the work at every level: `enter`
 * skips a node already on the current path and stops the walk with a UserError once the expansion is absurd. Only
 * visits of a node already walked count: a first visit is bounded by the file's size, so a large file without
 * aliases is walked whole.
 */
function aliasWalkGuard(file) {
    const onPath = new Set();
    const walked = new Set();
    let repeats = 0;
    return {
        enter(node) {
            if (onPath.has(node))
                return false;
            if (walked.has(node)) {
                if (++repeats > MAX_WALK_VISITS) {
                    const { line, column } = positionOf(file, node.range?.[0] ?? 0);
                    throw new UserError(`aliases in this file expand to more than ${MAX_WALK_VISITS} nodes`, {
                        file: file.path,
                        line,
                        column,
                        hint: "Replace nested aliases (*name) with the values they stand for; nothing was changed.",
                    });
                }
            }
            else
                walked.add(node);
            onPath.add(node);
            return true;
        },
        leave(node) {
            onPath.delete(node);
        },
    };
}

;// CONCATENATED MODULE: ./src/yaml/index.ts








;// CONCATENATED MODULE: ./src/environments/file.ts
/** The environments file, at the root of the config repository unless an input or option names another. */
const CONFIG_FILE = "gitops-pipeline.yaml";

;// CONCATENATED MODULE: ./src/promote/freeze.ts

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** Offset of `zone` from UTC at instant `ms`, in milliseconds (positive east of Greenwich). */
function offsetAt(ms, zone) {
    const parts = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
    }).formatToParts(new Date(ms));
    const get = (type) => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    return asUtc - Math.floor(ms / 1000) * 1000;
}
/**
 * The instant a wall-clock time in `zone` names: `2026-12-24` (midnight) or `2026-12-24T18:00`. Undefined when
 * the text is not such a time or names a day that does not exist. A time skipped by a DST jump moves forward.
 */
function zonedInstant(text, zone) {
    const match = LOCAL.exec(text);
    if (!match)
        return undefined;
    const [year, month, day, hour = 0, minute = 0, second = 0] = match
        .slice(1)
        .map((v) => (v === undefined ? undefined : Number(v)));
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59)
        return undefined;
    if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
        return undefined;
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    // Two passes settle the offset on either side of a DST change.
    let guess = wall - offsetAt(wall, zone);
    guess = wall - offsetAt(guess, zone);
    return guess;
}
/** The freezes in force at `now`. */
function activeFreezes(freezes, now) {
    const at = now.getTime();
    return freezes.filter((freeze) => freeze.from <= at && at < freeze.to);
}
/** "until 2027-01-04 00:00 Europe/Berlin (Year-end freeze)" for a reason or a summary. */
function describeFreeze(freeze) {
    const end = wallClock(new Date(freeze.to), freeze.timezone);
    const day = new Intl.DateTimeFormat("en-CA", {
        timeZone: freeze.timezone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
    }).format(new Date(freeze.to));
    return `frozen from ${freeze.fromText} until ${day} ${end.label.split(" ").slice(1).join(" ")}: ${freeze.reason}`;
}

;// CONCATENATED MODULE: ./src/environments/freezes.ts




const FREEZE_KEYS = ["from", "to", "timezone", "reason", "allow-rollbacks"];
const HINT = "Write each freeze as { from: 2026-12-20, to: 2027-01-04, timezone: Europe/Berlin, reason: Year-end freeze }; " +
    "a date alone covers the whole day, or give a time as 2026-12-20T18:00.";
/**
 * The `freezes:` list of an environment. Each mistake is a UserError at the line that holds it: a freeze that is
 * silently ignored would let a promotion through on the day it was meant to stop.
 */
function parseFreezes(file, document, entry, where) {
    const fail = (node, message, hint = HINT) => {
        const { line, column } = document_positionOf(file, node?.range?.[0] ?? entry.pair.key.range?.[0] ?? 0);
        throw new errors/* UserError */.y(message, { file: file.path, line, column, hint });
    };
    const node = entry.value?.node;
    if (node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null))
        return [];
    if (!(0,dist/* isSeq */.oP)(node))
        fail(node ?? entry.pair.key, `freezes of ${where} must be a list`);
    return items(file, document, entry.value).map((item) => {
        if (!(0,dist/* isMap */.jh)(item.node))
            fail(item.node, `each freeze of ${where} must be a map`);
        const fields = entries(file, document, item);
        for (const field of fields) {
            if (!FREEZE_KEYS.includes(field.key)) {
                fail(field.pair.key, `unknown key '${field.key}' in a freeze of ${where}`, `Known keys: ${FREEZE_KEYS.join(", ")}.`);
            }
        }
        const field = (key) => fields.find((f) => f.key === key);
        const text = (key, required) => {
            const found = field(key);
            const value = found?.value?.node;
            if (!found) {
                if (required)
                    fail(item.node, `a freeze of ${where} has no ${key}`);
                return undefined;
            }
            if (!(0,dist/* isScalar */.jn)(value) ||
                (typeof value.value !== "string" && typeof value.value !== "number") ||
                String(value.value).trim() === "") {
                return fail(value ?? found.pair.key, `${key} of a freeze of ${where} must be a non-empty value`);
            }
            return { value: String(value.value).trim(), node: value };
        };
        const zone = text("timezone", false) ?? { value: "UTC" };
        try {
            new Intl.DateTimeFormat("en-US", { timeZone: zone.value });
        }
        catch {
            fail(zone.node, `unknown time zone ${JSON.stringify(zone.value)} in a freeze of ${where}`, "Use an IANA zone name such as Europe/Berlin, America/New_York or UTC.");
        }
        const reason = text("reason", true);
        const from = text("from", true);
        const to = text("to", true);
        const instant = (part, key, endOfDay) => {
            let ms = zonedInstant(part.value, zone.value);
            if (ms === undefined)
                fail(part.node, `${key} ${JSON.stringify(part.value)} of a freeze of ${where} is not a date`);
            // A date alone as `to` includes that day: "to: 2027-01-04" means back to work on the 5th.
            if (endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(part.value)) {
                const [y, m, d] = part.value.split("-").map(Number);
                ms = zonedInstant(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10), zone.value);
            }
            return ms;
        };
        const fromMs = instant(from, "from", false);
        const toMs = instant(to, "to", true);
        if (toMs <= fromMs)
            fail(to.node, `a freeze of ${where} ends (${to.value}) before it starts (${from.value})`);
        const rollbacks = field("allow-rollbacks");
        let allowRollbacks = true;
        if (rollbacks) {
            const value = rollbacks.value?.node;
            if (!(0,dist/* isScalar */.jn)(value) || typeof value.value !== "boolean") {
                fail(value ?? rollbacks.pair.key, `allow-rollbacks of a freeze of ${where} must be true or false`);
            }
            allowRollbacks = value.value;
        }
        return {
            from: fromMs,
            to: toMs,
            fromText: from.value,
            toText: to.value,
            timezone: zone.value,
            reason: reason.value,
            allowRollbacks,
            line: document_positionOf(file, item.node.range?.[0] ?? 0).line,
        };
    });
}

;// CONCATENATED MODULE: ./src/environments/previews.ts




const PREVIEW_KEYS = ["template", "path", "namespace", "ttl", "mode"];
const PREVIEW_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** The largest pull request number a pattern is checked with: GitHub's numbers are 32-bit integers. */
const LARGEST_NUMBER = "2147483647";
const TTL = /^([1-9][0-9]{0,4})([mhdw])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** `7d`, `48h`, `30m`, `2w` in milliseconds; undefined when the text is none of those. */
function parseTtl(text) {
    const match = TTL.exec(text);
    return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}
/** A pattern with the pull request number filled in. */
function fillNumber(pattern, number) {
    return pattern.replaceAll("{number}", String(number));
}
function previews_scalarText(reader, entry, what) {
    const node = entry.value?.node;
    if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== "string" || node.value.trim() === "") {
        reader.fail(node ?? entry.pair.key, `${what} must be a non-empty string`);
    }
    return { text: node.value.trim(), node };
}
function preview(reader, entry) {
    const where = `preview '${entry.key}'`;
    if (!PREVIEW_NAME.test(entry.key)) {
        reader.fail(entry.pair.key, `preview name '${entry.key}' is not valid`, "Use lowercase letters, digits and '-' (it names branches and commit messages).");
    }
    const map = reader.map(entry, where);
    reader.unknownKeys(map, PREVIEW_KEYS, where);
    const fields = entries(reader.file, reader.document, { node: map });
    const field = (key, example) => {
        const found = fields.find((f) => f.key === key);
        if (!found)
            reader.fail(entry.pair.key, `${where} has no ${key}`, `Add ${key}: ${example}.`);
        return previews_scalarText(reader, found, `${key} of ${where}`);
    };
    const inRepo = (text, node, what) => {
        try {
            return local_repoPath(text);
        }
        catch (error) {
            if (!(0,errors/* isUserError */.i)(error))
                throw error;
            reader.fail(node, `${what} of ${where}: ${error.message}`, error.hint);
        }
    };
    const template = field("template", "apps/NAME/overlays/dev");
    const templatePath = inRepo(template.text, template.node, "template");
    if (templatePath === "")
        reader.fail(template.node, `template of ${where} is the repository root`);
    const path = field("path", "apps/NAME/previews/pr-{number}");
    const segments = path.text.replace(/\/+$/, "").split("/");
    if (!segments.at(-1).includes("{number}") || segments.slice(0, -1).some((s) => s.includes("{"))) {
        reader.fail(path.node, `path of ${where} must contain {number} in its last segment, and only there`, "For example: path: apps/guestbook/previews/pr-{number} (each preview is one folder beside the others).");
    }
    if (/[*?[\]{}]/.test(path.text.replaceAll("{number}", ""))) {
        reader.fail(path.node, `path of ${where} holds a glob or brace; only {number} is filled in`);
    }
    const filled = inRepo(fillNumber(path.text, 1), path.node, "path");
    if (!filled.includes("/") && filled === "")
        reader.fail(path.node, `path of ${where} is the repository root`);
    if (filled === templatePath ||
        filled.startsWith(`${templatePath}/`) ||
        templatePath.startsWith(`${filled}/`)) {
        reader.fail(path.node, `path of ${where} overlaps its template ${templatePath}`, "Keep previews in a folder of their own.");
    }
    const namespace = field("namespace", "NAME-pr-{number}");
    if (!namespace.text.includes("{number}")) {
        reader.fail(namespace.node, `namespace of ${where} must contain {number}`, "Each preview needs a namespace of its own, e.g. namespace: guestbook-pr-{number}.");
    }
    for (const sample of ["1", LARGEST_NUMBER]) {
        const value = fillNumber(namespace.text, sample);
        if (!DNS_LABEL.test(value)) {
            reader.fail(namespace.node, `namespace of ${where} gives '${value}' for pull request ${sample}, which is not a valid namespace name`, "A namespace is a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.");
        }
    }
    const ttlEntry = fields.find((f) => f.key === "ttl");
    let ttl;
    if (ttlEntry) {
        const value = previews_scalarText(reader, ttlEntry, `ttl of ${where}`);
        const ms = parseTtl(value.text);
        if (ms === undefined) {
            reader.fail(value.node, `ttl of ${where} is '${value.text}', not a duration`, "Write a number and a unit: 30m, 48h, 7d or 2w.");
        }
        ttl = { text: value.text, ms };
    }
    const modeEntry = fields.find((f) => f.key === "mode");
    let mode = "commit";
    if (modeEntry) {
        const value = previews_scalarText(reader, modeEntry, `mode of ${where}`);
        if (value.text !== "commit" && value.text !== "pull-request")
            reader.fail(value.node, `mode of ${where} must be 'commit' or 'pull-request'`);
        mode = value.text;
    }
    return {
        name: entry.key,
        template: templatePath,
        path: path.text.replace(/\/+$/, "").replace(/^\.\//, ""),
        namespace: namespace.text,
        ...(ttl ? { ttl: ttl.text, ttlMs: ttl.ms } : {}),
        mode,
        line: reader.line(entry.pair.key),
        templateLine: document_positionOf(reader.file, template.node.range?.[0] ?? 0).line,
    };
}
/** The `previews:` section: a map of names to preview settings, each checked where it is written. */
function readPreviews(reader, entry) {
    const map = reader.map(entry, "previews");
    if (!(0,dist/* isMap */.jh)(map))
        return [];
    return entries(reader.file, reader.document, { node: map }).map((item) => preview(reader, item));
}
/** The named preview entry; the only one when no name is given. A UserError lists what the file defines. */
function findPreview(config, name) {
    const names = config.previews.map((p) => p.name);
    if (config.previews.length === 0) {
        throw new UserError(`${config.file} has no previews: section`, {
            file: config.file,
            hint: "Add previews: { NAME: { template: apps/NAME/overlays/dev, path: apps/NAME/previews/pr-{number}, namespace: NAME-pr-{number} } }.",
        });
    }
    if (!name) {
        if (config.previews.length === 1)
            return config.previews[0];
        throw new UserError(`${config.file} defines ${names.length} previews; say which one`, {
            file: config.file,
            hint: `Name one of: ${names.join(", ")}.`,
        });
    }
    const found = config.previews.find((p) => p.name === name);
    if (!found) {
        throw new UserError(`preview '${name}' is not defined in ${config.file}`, {
            file: config.file,
            hint: `Defined previews: ${names.join(", ")}.`,
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/environments/config.ts






/** Name of the pipeline configuration file at the root of a config repository. */




const TOP_LEVEL = ["environments", "promotion", "validate", "previews"];
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
    "freezes",
];
const ENVIRONMENT_NAME = /^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
/** Reads a section of the file, failing at the line of the node at fault. */
class Reader {
    file;
    document;
    constructor(file, document) {
        this.file = file;
        this.document = document;
    }
    line(node) {
        return document_positionOf(this.file, node?.range?.[0] ?? 0).line;
    }
    fail(node, message, hint) {
        const { line, column } = document_positionOf(this.file, node?.range?.[0] ?? 0);
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
        return items(this.file, this.document, entry.value).map((item) => {
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
        for (const entry of entries(this.file, this.document, { node: map })) {
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
    const fields = entries(reader.file, reader.document, { node: map });
    const field = (key) => fields.find((f) => f.key === key);
    const pathsEntry = field("paths");
    if (!pathsEntry)
        reader.fail(entry.pair.key, `${where} has no paths`, "Add paths: [apps/*/overlays/NAME].");
    const paths = reader.strings(pathsEntry, `paths of ${where}`, (value, node) => {
        try {
            local_repoPath(value);
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
    const freezesEntry = field("freezes");
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
                parseWindow(value, { file: reader.file.path, ...document_positionOf(reader.file, node.range?.[0] ?? 0) });
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
        ...(freezesEntry ? { freezes: parseFreezes(reader.file, reader.document, freezesEntry, where) } : {}),
        ...(rollbackEntry
            ? { rollbackApprovals: reader.count(rollbackEntry, `rollback-approvals of ${where}`) }
            : {}),
        line: reader.line(entry.pair.key),
    };
}
/** Parses and validates `gitops-pipeline.yaml`; every mistake is a UserError at file:line. */
function loadConfig(text, file = CONFIG_FILE) {
    const parsed = document_parseYamlFile(file, text);
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
    const top = entries(parsed, document, { node: root });
    const environmentsEntry = top.find((entry) => entry.key === "environments");
    if (!environmentsEntry) {
        throw new errors/* UserError */.y("the configuration has no `environments:` map", {
            file,
            line: 1,
            hint: "Add environments: { dev: { paths: [apps/*/overlays/dev], mode: commit } }.",
        });
    }
    const environmentsMap = asMap(environmentsEntry.value);
    if (!environmentsMap)
        reader.map(environmentsEntry, "environments");
    const environments = entries(parsed, document, environmentsMap).map((entry) => environment(reader, entry));
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
    const previewsEntry = top.find((entry) => entry.key === "previews");
    return {
        file,
        environments,
        promotion,
        previews: previewsEntry ? readPreviews(reader, previewsEntry) : [],
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
        throw new UserError(`environment '${name}' is not defined in ${config.file}`, {
            file: config.file,
            hint: `Defined environments: ${config.environments.map((env) => env.name).join(", ")}.`,
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/environments/index.ts


;// CONCATENATED MODULE: ./src/validate/json-schemas.ts



const fileName = /^([a-z0-9-]+)_([a-z0-9]+)\.json$/;
/**
 * Every schema file under `dir` (a group directory per API group, any depth above it). A file that is not valid
 * JSON is an error at its line: a schema that silently checks nothing would hide the findings it was meant to give.
 */
function readSchemaDirectory(dir, source) {
    const out = [];
    const walk = (at) => {
        for (const entry of source.list(at)) {
            const full = at === "." ? entry.name : `${at}/${entry.name}`;
            if (entry.dir) {
                if (!entry.name.startsWith("."))
                    walk(full);
                continue;
            }
            const match = fileName.exec(entry.name);
            const group = external_node_path_default().posix.basename(at);
            if (!match || !group.includes("."))
                continue;
            const text = source.read(full) ?? "";
            let schema;
            try {
                schema = loadDocuments(text)[0];
            }
            catch (error) {
                const mark = error.mark;
                const line = (mark?.line ?? 0) + 1;
                throw new errors/* UserError */.y(`${full}:${line}: not a valid JSON schema file: ${error.reason}`, {
                    file: full,
                    line,
                    hint: "Replace it with a JSON schema file (kubeconform's openapi2jsonschema writes them).",
                });
            }
            out.push({ apiVersion: `${group}/${match[2]}`, kind: match[1], schema });
        }
    };
    walk(dir);
    return out;
}

;// CONCATENATED MODULE: ./src/validate/run.ts










/** A config file that cannot be read or understood: the CLI exits 2 on it, like on bad usage. */
class ConfigFileError extends errors/* UserError */.y {
}
/** A path given to check (or a CRD file) that does not exist or lies outside the workspace: bad usage too. */
class PathError extends errors/* UserError */.y {
}
const run_TOP_LEVEL = ["environments", "promotion", "validate"];
/**
 * What validation needs from gitops-pipeline.yaml: the `validate:` section, and which paths belong to which
 * environment. A file with only a `validate:` section is complete for validation; environments are the concern of
 * updates and promotions. Production rules apply to the environments `validate.production` names, else to the last
 * of the promotion order when there is an order (two environments or more): a lone environment is not production
 * just for being defined.
 */
function readPipelineConfig(text, file) {
    const fail = (error) => {
        if (error instanceof errors/* UserError */.y) {
            const where = error.location.line
                ? error.location
                : { file, line: (error.location.line ?? 0) || undefined };
            throw new ConfigFileError(error.message, { ...where, file, hint: error.hint });
        }
        throw error;
    };
    const known = rules_rules.map((r) => r.id);
    const validateOnly = validateSectionOnly(text, file);
    if (validateOnly !== undefined) {
        try {
            const validate = parseValidateConfig(validateOnly.section, file, known);
            if (validate.production?.length) {
                throw new errors/* UserError */.y(`validate: production names ${validate.production[0]}, which is not an environment`, {
                    file,
                    hint: "Define it under `environments:`, or leave production out.",
                });
            }
            return { validate, environments: [], productionEnvironments: [] };
        }
        catch (error) {
            return fail(error);
        }
    }
    try {
        const config = loadConfig(text, file);
        const validate = parseValidateConfig(config.validate, file, known);
        const names = config.environments.map((e) => e.name);
        for (const name of validate.production ?? []) {
            if (!names.includes(name))
                throw new errors/* UserError */.y(`validate: production names ${JSON.stringify(name)}, which is not an environment`, {
                    file,
                    line: config.validateLine,
                    hint: `Environments: ${names.join(", ")}.`,
                });
        }
        const last = config.promotion.length >= 2 ? config.promotion[config.promotion.length - 1] : undefined;
        return {
            validate,
            environments: config.environments.map((e) => ({ name: e.name, paths: e.paths })),
            productionEnvironments: validate.production ?? (last ? [last] : []),
        };
    }
    catch (error) {
        return fail(error);
    }
}
/**
 * The `validate:` section of a file that defines no environments; undefined when the file has environments (or
 * is not a plain mapping), which the full configuration reader then checks and explains.
 */
function validateSectionOnly(text, file) {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    if (doc.errors.length > 0 || !(0,dist/* isMap */.jh)(doc.contents))
        return undefined;
    const keys = doc.contents.items.map((pair) => String(pair.key?.value ?? pair.key));
    if (keys.includes("environments"))
        return undefined;
    const unknown = keys.find((key) => !run_TOP_LEVEL.includes(key));
    if (unknown !== undefined || keys.includes("promotion"))
        return undefined;
    try {
        return { section: doc.toJS({ maxAliasCount: 100 })?.validate };
    }
    catch (error) {
        throw new ConfigFileError(`cannot read the configuration: ${error.message}`, {
            file,
            hint: "Write the validate section without YAML aliases.",
        });
    }
}
/** The path as the user wrote it, or `.`, for messages. */
const run_shown = (p) => p || ".";
/**
 * Checks a path given by the user (a `paths` entry, a CRD file, the config file) against the workspace: it must
 * exist, and neither it nor a link on the way may lead outside.
 */
function checkGivenPath(source, inputs, given, what, make) {
    if (source.exists(given))
        return;
    const lexical = external_node_path_default().relative(external_node_path_default().resolve(inputs.root), external_node_path_default().resolve(inputs.cwd, given));
    const hint = `Everything validation reads must lie inside the workspace (${inputs.root}).`;
    if (lexical === ".." || lexical.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(lexical)) {
        throw make(`${what} ${run_shown(given)} is outside the workspace`, hint);
    }
    const normal = external_node_path_default().posix.normalize(given.replace(/\\/g, "/"));
    const link = source.refusals().find((f) => normal === f.file || normal.startsWith(`${f.file}/`));
    if (link)
        throw make(`${what} ${run_shown(given)} leads outside the workspace through the link ${link.file}`, hint);
}
async function runValidation(inputs, readFile) {
    const root = inputs.root ?? inputs.cwd;
    const source = localSource(inputs.cwd, root);
    const bounds = { cwd: inputs.cwd, root };
    // The configuration of the directory run in, else of the workspace (which is where it lives in a repository).
    const configFile = inputs.configFile ??
        (source.exists("gitops-pipeline.yaml") || external_node_path_default().resolve(inputs.cwd) === external_node_path_default().resolve(root)
            ? "gitops-pipeline.yaml"
            : external_node_path_default().relative(inputs.cwd, external_node_path_default().join(root, "gitops-pipeline.yaml")).split((external_node_path_default()).sep).join("/"));
    if (inputs.configFile) {
        checkGivenPath(source, bounds, inputs.configFile, "the config file", (m, hint) => new ConfigFileError(m, { hint }));
    }
    const configReal = source.realPath(configFile);
    const text = configReal === undefined ? undefined : readFile(configReal);
    if (text === undefined && inputs.configFile) {
        throw new ConfigFileError(`cannot read the config file ${inputs.configFile}`, {
            hint: "Pass an existing gitops-pipeline.yaml, or leave the option out to use the defaults.",
        });
    }
    const config = text === undefined
        ? { validate: emptyValidateConfig, environments: [], productionEnvironments: [] }
        : readPipelineConfig(text, configFile);
    // Paths in the config file are relative to the file, so the same config works from any directory.
    const configDir = external_node_path_default().posix.dirname(configFile);
    const fromConfig = (list) => (list ?? []).map((p) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(configDir, p)));
    const crdPaths = [...inputs.crds, ...fromConfig(config.validate.crds)];
    const crds = [];
    for (const crd of crdPaths) {
        checkGivenPath(source, bounds, crd, "the CRD file", (m, hint) => new PathError(m, { hint }));
        if (!source.exists(crd))
            throw new PathError(`CRD file not found: ${crd}`, {
                hint: "`crds` takes files of CustomResourceDefinitions (or directories of them).",
            });
        crds.push(...(source.isDir(crd) ? collectFiles([crd], source) : [crd]));
    }
    const jsonSchemas = [];
    for (const dir of [...(inputs.schemas ?? []), ...fromConfig(config.validate.schemas)]) {
        checkGivenPath(source, bounds, dir, "the schema directory", (m, hint) => new PathError(m, { hint }));
        if (!source.isDir(dir))
            throw new PathError(`schema directory not found: ${dir}`, {
                hint: "`schemas` takes directories of JSON schemas laid out as {group}/{kind}_{version}.json.",
            });
        try {
            jsonSchemas.push(...readSchemaDirectory(dir, source));
        }
        catch (error) {
            if (error instanceof errors/* UserError */.y)
                throw new PathError(error.message, { ...error.location, hint: error.hint });
            throw error;
        }
    }
    const paths = inputs.paths.length ? inputs.paths : ["."];
    for (const p of paths) {
        checkGivenPath(source, bounds, p, "path", (m, hint) => new PathError(m, { hint }));
    }
    const files = uniqueFiles(collectFiles(paths, source), source);
    // The tool is looked for at the first build, so a repository without kustomizations never waits for the probe.
    let found;
    const renderer = inputs.render === "auto"
        ? async (dir) => {
            found ??= findKustomize().then((tool) => {
                if (!tool) {
                    throw new errors/* UserError */.y("neither kustomize nor kubectl is on PATH, so kustomizations cannot be rendered", {
                        hint: "Install kubectl or kustomize, or set render to never.",
                    });
                }
                return kustomizeRenderer(inputs.cwd, tool, source);
            });
            return (await found)(dir);
        }
        : undefined;
    const repositoryUrls = async () => [
        ...(inputs.repositoryUrls ?? []),
        ...(await repositoryUrlsFromGit(root)),
    ];
    const repositoryRoot = external_node_path_default().relative(external_node_path_default().resolve(inputs.cwd), external_node_path_default().resolve(root))
        .split((external_node_path_default()).sep)
        .join("/");
    const report = await validateManifests({
        paths,
        files,
        kubernetesVersion: inputs.kubernetesVersion,
        strict: inputs.strict,
        render: inputs.render,
        changedFiles: inputs.changedFiles,
        config: config.validate,
        crdFiles: crds,
        jsonSchemas,
        // Builds are separate kustomize processes: as many at once as there are cores.
        concurrency: Math.max(1, (0,external_node_os_.availableParallelism)()),
        environments: config.environments,
        productionEnvironments: config.productionEnvironments,
        repositoryRoot: repositoryRoot || ".",
        repositoryUrls,
    }, source, renderer);
    return { ...report, productionEnvironments: config.productionEnvironments };
}
/**
 * One path per file: a file reached both directly and through a link (or through two links) is checked once, under
 * its direct path when there is one, else under the first name found.
 */
function uniqueFiles(files, source) {
    const byReal = new Map();
    for (const file of files) {
        const real = source.realPath(file);
        if (real === undefined)
            continue;
        const seen = byReal.get(real);
        if (seen === undefined || (!source.isDirect(seen) && source.isDirect(file)))
            byReal.set(real, file);
    }
    const keep = new Set(byReal.values());
    return files.filter((file) => keep.has(file));
}
/** Says which environments production rules hold to, so defining environments never changes them unannounced. */
function productionNote(environments) {
    if (environments.length === 0)
        return undefined;
    const names = environments.map((e) => JSON.stringify(e)).join(", ");
    return `mutable-tag and argocd-sync-policy apply to production environment ${names} (set validate.production in gitops-pipeline.yaml to choose others, or [] for none)`;
}
function failed(report, failOn) {
    if (failOn === "never")
        return false;
    return report.summary.errors > 0 || (failOn === "warning" && report.summary.warnings > 0);
}

;// CONCATENATED MODULE: ./src/image/index.ts


;// CONCATENATED MODULE: ./src/metrics/trailers.ts

// The two trailers update-manifest-tag writes so that the config repository's history knows which app commit each
// image came from and when that commit was made: the start of a change's lead time.
const SOURCE_COMMIT = "Source-Commit";
const SOURCE_COMMIT_TIME = "Source-Commit-Time";
// GitHub's rules for owner and repository names; anything else could carry a newline or a second trailer.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;
function trailers_describe(value) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return JSON.stringify(shown);
}
/** Milliseconds since the epoch of an ISO 8601 time with a zone, or undefined when it is not one (or not a date). */
function parseIsoTime(text) {
    const match = ISO_TIME.exec(text);
    if (!match)
        return undefined;
    const [, year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = match.map(Number);
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60)
        return undefined;
    if ((offsetHours ?? 0) > 23 || (offsetMinutes ?? 0) > 59)
        return undefined;
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days)
        return undefined;
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
}
/**
 * Checks the three values a trailer pair is made of; each must be exactly one well-formed token, so a hostile
 * input cannot add lines or trailers to a commit message. `names` say which inputs they came from.
 */
function checkSourceCommit(input, names = {
    repository: "source repository",
    sha: "source commit",
    time: "source commit time",
}) {
    if (!REPOSITORY.test(input.repository)) {
        throw new UserError(`${names.repository} ${trailers_describe(input.repository)} is not owner/repo`, {
            hint: "Give the app repository as owner/name, e.g. acme/web (GITHUB_REPOSITORY of the app's workflow).",
        });
    }
    const sha = input.sha.toLowerCase();
    if (!SHA.test(sha)) {
        throw new UserError(`${names.sha} ${trailers_describe(input.sha)} is not a full commit id`, {
            hint: "Give the 40-character hexadecimal commit id (github.sha of the app's workflow).",
        });
    }
    const timeMs = parseIsoTime(input.time);
    if (timeMs === undefined) {
        throw new UserError(`${names.time} ${trailers_describe(input.time)} is not an ISO 8601 time with an offset`, {
            hint: "Write it as 2026-03-01T14:05:09+01:00 or 2026-03-01T13:05:09Z (the push event's head_commit.timestamp).",
        });
    }
    return { repository: input.repository, sha, time: input.time, timeMs };
}
/** The trailer lines for the given source commits, one pair each, in order. */
function formatSourceTrailers(sources) {
    return sources.flatMap((source) => {
        const checked = checkSourceCommit(source);
        return [
            `${SOURCE_COMMIT}: ${checked.repository}@${checked.sha}`,
            `${SOURCE_COMMIT_TIME}: ${checked.time}`,
        ];
    });
}
const TRAILER_LINE = /^[A-Za-z0-9-]+: \S/;
/**
 * A commit message body with trailer lines at its end: in the trailer block it already ends with (git reads only
 * the last paragraph as trailers), else after a blank line.
 */
function trailers_appendTrailerLines(body, lines) {
    if (lines.length === 0)
        return body;
    const trimmed = body.trimEnd();
    if (trimmed === "")
        return lines.join("\n");
    const last = trimmed.split(/\n\s*\n/).at(-1);
    const block = last.split("\n").every((line) => TRAILER_LINE.test(line));
    return `${trimmed}${block ? "\n" : "\n\n"}${lines.join("\n")}`;
}
/** A whole commit message (headline, body) with the source trailers at its end. */
function withSourceTrailers(message, sources) {
    const [headline, ...rest] = message.trimEnd().split("\n");
    const body = rest.join("\n").replace(/^\s*\n/, "");
    return `${headline}\n\n${trailers_appendTrailerLines(body, formatSourceTrailers(sources))}\n`;
}
/**
 * Reads `Source-Commit` / `Source-Commit-Time` pairs from trailer lines (`Key: value`, one per line, as
 * `git log --format=%(trailers)` prints them). Values come from commits anyone with push access wrote: malformed
 * ones are counted, not trusted.
 */
function parseSourceTrailers(text) {
    const sources = [];
    let rejected = 0;
    let pending;
    for (const line of text.split("\n")) {
        const colon = line.indexOf(":");
        if (colon < 0)
            continue;
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (key === SOURCE_COMMIT.toLowerCase()) {
            if (pending)
                rejected++;
            const at = value.lastIndexOf("@");
            pending = at > 0 ? { repository: value.slice(0, at), sha: value.slice(at + 1) } : undefined;
            if (!pending)
                rejected++;
        }
        else if (key === SOURCE_COMMIT_TIME.toLowerCase()) {
            if (!pending) {
                rejected++;
                continue;
            }
            try {
                sources.push(checkSourceCommit({ ...pending, time: value }));
            }
            catch {
                rejected++;
            }
            pending = undefined;
        }
    }
    if (pending)
        rejected++;
    return { sources, rejected };
}

;// CONCATENATED MODULE: ./src/texts/pull-request.ts




/** Marks pull requests this project opened, so people and tools can tell them apart. */
const PR_MARKER = "<!-- gitops-pipeline:update-manifest-tag -->";
function shortHash(text) {
    return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
/** A string reduced to what every git ref and URL accepts: lowercase, digits, `.`, `_`, `-`. */
function sanitizeRefPart(text) {
    const cleaned = text
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-")
        .replace(/\.{2,}/g, ".")
        .replace(/-{2,}/g, "-")
        .replace(/^[.-]+|[.-]+$/g, "")
        .replace(/\.lock$/, "-lock");
    return cleaned || "x";
}
/**
 * The one head branch a (scope, image set) pair owns: `gitops/<environment>/<image>`, so a new tag of the same
 * image updates the open pull request instead of opening another. The image part is the repository path
 * (`acme/web` → `acme-web`); several images share `<first>-and-<n>-more-<hash>`, the hash taken over their sorted
 * normalised names so the order of the input does not matter. Paths instead of an environment become
 * `paths-<hash>` of the sorted paths.
 */
function headBranchName(scope, images) {
    const scopePart = scope.environment
        ? sanitizeRefPart(scope.environment)
        : `paths-${shortHash([...(scope.paths ?? [])].sort().join("\n"))}`;
    const names = [...new Set(images.map(normalizedName))].sort();
    const first = images.find((image) => normalizedName(image) === names[0]);
    const firstPart = sanitizeRefPart(first ? first.repository : "images").slice(0, 60);
    const imagePart = names.length <= 1
        ? firstPart
        : `${firstPart}-and-${names.length - 1}-more-${shortHash(names.join("\n"))}`;
    return `gitops/${scopePart}/${imagePart}`;
}
function targetOf(images) {
    if (images.length === 1)
        return `${imageName(images[0])} to ${versionOf(images[0])}`;
    return `${images.length} images`;
}
/** Default commit headline and pull request title. */
function defaultTitle(images, scope) {
    return `Update ${targetOf(images)}${scope.environment ? ` in ${scope.environment}` : ""}`;
}
/** Markdown-safe table cell. */
function pull_request_cell(text) {
    return String(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function code(text) {
    return text === "" ? "" : `\`${text.replace(/`/g, "'")}\``;
}
/** The change table every report uses: file:line, image, from → to; links to the file when a URL base is given. */
function changeTable(changes, fileUrl) {
    const rows = changes.map((change) => {
        const where = `${change.file}:${change.line}`;
        const file = fileUrl ? `[${pull_request_cell(where)}](${fileUrl(change.file, change.line)})` : pull_request_cell(where);
        return `| ${file} | ${code(pull_request_cell(change.image))} | ${code(pull_request_cell(change.from))} | ${code(pull_request_cell(change.to))} |`;
    });
    return ["| File | Image | From | To |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
/** Pull request body: what changes and where, plus the marker. */
function pullRequestBody(changes, context) {
    const files = new Set(changes.map((c) => c.file)).size;
    const lines = [
        `Updates ${changes.length} image reference${changes.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}` +
            `${context.environment ? ` of **${context.environment}**` : ""} on \`${context.base}\`.`,
        "",
        changeTable(changes),
        "",
        "This branch is rewritten when a newer version of these images arrives; edits pushed to it are replaced.",
    ];
    if (context.run)
        lines.push("", `Triggered by ${context.run}.`);
    lines.push("", PR_MARKER);
    return lines.join("\n");
}
/**
 * `Display Name <email@example.com>`, checked so the value cannot smuggle anything into a commit header or a
 * trailer: one line, no angle brackets in the name, one address with an `@`.
 */
function pull_request_parseIdentity(text, input) {
    const match = /^([^<>\n\r\0]*?)\s*<([^<>\s@]+@[^<>\s@]+)>$/.exec(text.trim());
    const name = match?.[1]?.trim() ?? "";
    // Control characters (ESC, BEL, a newline) would reach git's headers and terminals; none belongs in either part.
    if (!match || name === "" || /[\u0000-\u001f\u007f-\u009f]/.test(match[0])) {
        throw new UserError(`input '${input}' must be written \`Display Name <email@address>\`, got ${JSON.stringify(text)}`, {
            hint: "e.g. github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>",
        });
    }
    return { name, email: match[2] };
}
/** True when a name or e-mail read from elsewhere (GitHub's account data) holds a control character. */
function hasControlCharacter(text) {
    return /[\u0000-\u001f\u007f-\u009f]/.test(text);
}
function formatIdentity(identity) {
    return `${identity.name} <${identity.email}>`;
}
/** The commit message body with a Signed-off-by trailer, in the trailer block git would put it in. */
function withSignoff(body, identity) {
    const trailer = `Signed-off-by: ${formatIdentity(identity)}`;
    if (body.split(/\r?\n/).includes(trailer))
        return body;
    return appendTrailerLines(body, [trailer]);
}
/** GitHub refuses a pull request body longer than this many characters. */
const pull_request_MAX_PULL_REQUEST_BODY = 65_536;
/** The generated body with the user's text under it, refused before any write when GitHub would refuse it. */
function withUserBody(generated, user) {
    const body = user?.trim() ? `${generated}\n\n${user.trim()}\n` : generated;
    if (body.length > pull_request_MAX_PULL_REQUEST_BODY) {
        throw new UserError(`the pull request body would be ${body.length} characters; GitHub accepts at most ${pull_request_MAX_PULL_REQUEST_BODY}`, { hint: "Shorten the text given as `body` or `body-path`; nothing was written." });
    }
    return body;
}

// EXTERNAL MODULE: ./src/actions/runtime.ts
var runtime = __webpack_require__(3683);
;// CONCATENATED MODULE: ./src/actions/pull-request-inputs.ts







function pull_request_inputs_isInside(root, target) {
    const rel = relative(root, target);
    return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
/**
 * A text file from the workspace, for `body-path`: the path (and every symlink on it) must stay inside the
 * workspace, the file must be a regular UTF-8 file no larger than a pull request body can be.
 */
async function readWorkspaceFile(path, workspace, input) {
    const root = await realpath(workspace);
    const asked = resolve(root, path);
    const outside = () => new UserError(`input '${input}' names ${JSON.stringify(path)}, which is outside the workspace`, {
        hint: "The file must be inside GITHUB_WORKSPACE, and no symlink on the way may lead out of it.",
    });
    if (!pull_request_inputs_isInside(root, asked))
        throw outside();
    const real = await realpath(asked).catch((error) => {
        throw new UserError(`input '${input}' names ${JSON.stringify(path)}, which cannot be read (${error.code})`, {
            hint: "Give a path relative to the workspace (GITHUB_WORKSPACE) of a file an earlier step wrote.",
        });
    });
    if (!pull_request_inputs_isInside(root, real))
        throw outside();
    // Opening a FIFO waits for a writer, for ever: the type is checked before opening, and O_NONBLOCK keeps an entry
    // swapped in between from blocking the open.
    const notRegular = () => new UserError(`input '${input}' names ${JSON.stringify(path)}, which is not a regular file`, {
        hint: "Write the body to an ordinary file in an earlier step (not a pipe, device or directory).",
    });
    if (!(await lstat(real)).isFile())
        throw notRegular();
    // O_NOFOLLOW on the resolved path: nothing can swap a link in between the check and the read.
    const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw notRegular();
        if (stats.size > MAX_PULL_REQUEST_BODY * 4) {
            throw new UserError(`input '${input}' names ${JSON.stringify(path)}, ${stats.size} bytes; a pull request body holds at most ${MAX_PULL_REQUEST_BODY} characters`, { hint: "Shorten the file, or link to the full text from it." });
        }
        const bytes = await handle.readFile();
        try {
            return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        }
        catch {
            throw new UserError(`input '${input}' names ${JSON.stringify(path)}, which is not UTF-8 text`);
        }
    }
    finally {
        await handle.close();
    }
}
function identityInput(name) {
    const text = getString(name).trim();
    return text ? parseIdentity(text, name) : undefined;
}
/** Reads and checks the create-pull-request-compatible inputs; `body-path` wins over `body`, as there. */
async function pullRequestInputs(env, warn) {
    const bodyPath = getString("body-path").trim();
    let body = getString("body");
    if (bodyPath) {
        if (body.trim())
            warn("both 'body' and 'body-path' are set; 'body-path' is used");
        body = await readWorkspaceFile(bodyPath, env.GITHUB_WORKSPACE || process.cwd(), "body-path");
    }
    const canModify = getString("maintainer-can-modify").trim();
    return {
        body: body.trim() ? body : undefined,
        deleteBranch: getBoolean("delete-branch", false),
        signoff: getBoolean("signoff", false),
        maintainerCanModify: canModify === "" ? undefined : getBoolean("maintainer-can-modify", true),
        author: identityInput("author"),
        committer: identityInput("committer"),
    };
}
/** The per-request time limit: the `request-timeout` input, else GITOPS_PIPELINE_REQUEST_TIMEOUT, in seconds. */
function requestTimeoutMs(env) {
    const input = (0,runtime/* getString */.AA)("request-timeout").trim();
    if (input)
        return parseRequestTimeout(input, "input 'request-timeout'");
    return parseRequestTimeout(env.GITOPS_PIPELINE_REQUEST_TIMEOUT ?? "", "GITOPS_PIPELINE_REQUEST_TIMEOUT");
}

;// CONCATENATED MODULE: ./src/actions/validate-manifests.work.ts
/** What the validate-manifests action loads once its inputs are checked: one chunk of the bundle, loaded at once. */










/***/ })

};
