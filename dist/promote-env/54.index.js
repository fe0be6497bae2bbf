export const id = 54;
export const ids = [54,38];
export const modules = {

/***/ 4054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commitLink: () => (/* binding */ commitLink),
  commitMessage: () => (/* binding */ commitMessage),
  gateSummary: () => (/* binding */ gateSummary),
  markerOf: () => (/* binding */ markerOf),
  parseMarker: () => (/* binding */ parseMarker),
  promotionBody: () => (/* binding */ promotionBody),
  promotionBranch: () => (/* binding */ promotionBranch),
  promotionTable: () => (/* binding */ promotionTable),
  promotionTitle: () => (/* binding */ promotionTitle),
  proposalSummary: () => (/* binding */ proposalSummary)
});

// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
// EXTERNAL MODULE: ./src/update/index.ts + 3 modules
var update = __webpack_require__(9038);
;// CONCATENATED MODULE: ./src/promote/table.ts
/** A version for tables: digests shortened to 12 hex digits, which people compare by eye; JSON keeps them whole. */
function shortVersion(version) {
    if (version === "")
        return "-";
    return version.replace(/@([a-z0-9]+):([0-9a-f]{12})[0-9a-f]+$/, "@$1:$2");
}
/** Columns padded to their widest cell, two spaces apart, no trailing blanks. */
function textTable(header, rows) {
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    return [header, ...rows]
        .map((row) => row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
        .join("  ")
        .trimEnd())
        .join("\n")
        .concat("\n");
}
function escapeCell(text) {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
/** A GitHub-flavoured Markdown table; cells are taken as Markdown (callers escape what they interpolate). */
function markdownTable(header, rows) {
    const line = (cells) => `| ${cells.map(escapeCell).join(" | ")} |`;
    return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n").concat("\n");
}

;// CONCATENATED MODULE: ./src/promote/texts.ts



const MARKER_PREFIX = "<!-- gitops-pipeline:promote-env ";
const MARKER_RE = /<!-- gitops-pipeline:promote-env (\{[^\n]*?\}) -->/;
function markerOf(marker) {
    return `${MARKER_PREFIX}${JSON.stringify(marker)} -->`;
}
/** The marker in a pull request body, or undefined for a pull request this action did not open. */
function parseMarker(body) {
    const match = MARKER_RE.exec(body ?? "");
    if (!match)
        return undefined;
    try {
        const value = JSON.parse(match[1]);
        if ((value.kind !== "promotion" && value.kind !== "rollback") || typeof value.from !== "string")
            return undefined;
        if (typeof value.to !== "string")
            return undefined;
        if (value.revision !== undefined && !/^[0-9a-f]{40}$/.test(value.revision))
            return undefined;
        return { kind: value.kind, from: value.from, to: value.to, revision: value.revision };
    }
    catch {
        return undefined;
    }
}
/** The head branch one promotion edge owns; a rollback has its own so it never replaces a pending promotion. */
function promotionBranch(marker) {
    return marker.kind === "rollback" ? `rollback/${marker.to}` : `promote/${marker.from}-to-${marker.to}`;
}
const texts_short = (sha) => sha.slice(0, 7);
function promotionTitle(plan, marker) {
    const what = plan.rows.length === 1
        ? `${plan.rows[0].image} ${shortVersion(plan.rows[0].to)}`
        : `${plan.rows.length} images in ${new Set(plan.rows.map((r) => r.app)).size} apps`;
    return marker.kind === "rollback"
        ? `Roll back ${marker.to} to ${texts_short(marker.revision ?? "")}: ${what}`
        : `Promote ${marker.from} to ${marker.to}: ${what}`;
}
/**
 * A link to the commit an image was built from, when its tag says so (`sha-<hex>`, as metadata actions tag) and
 * its name says where the code lives (`ghcr.io/<owner>/<repo>`). Anything else stays unlinked: guessing wrong
 * would be worse than no link.
 */
function commitLink(image, version, serverUrl) {
    const sha = /^sha-([0-9a-f]{7,40})(?:@|$)/.exec(version)?.[1];
    if (!sha)
        return undefined;
    try {
        const ref = (0,src_image/* parseImageRef */.Q)(image);
        const parts = ref.repository.split("/");
        if (ref.registry.toLowerCase() !== "ghcr.io" || parts.length !== 2)
            return undefined;
        return `${serverUrl}/${parts[0]}/${parts[1]}/commit/${sha}`;
    }
    catch {
        return undefined;
    }
}
function versionCell(row, version, serverUrl) {
    const shown = `\`${shortVersion(version)}\``;
    const link = commitLink(row.image, version, serverUrl);
    return link ? `[${shown}](${link})` : shown;
}
/** The app | image | from → to table of a promotion, versions linked to their commits when the tags allow. */
function promotionTable(plan, serverUrl) {
    return markdownTable(["App", "Image", "From → To"], plan.rows.map((row) => [
        row.app,
        `\`${row.image}\``,
        `${versionCell(row, row.from, serverUrl)} → ${versionCell(row, row.to, serverUrl)}`,
    ]));
}
function promotionBody(plan, marker, context) {
    const lines = marker.kind === "rollback"
        ? [
            `Rolls **${marker.to}** back to the image references it had at ${texts_short(marker.revision ?? "")} ` +
                `(\`${context.base}\` at ${texts_short(context.baseOid)}).`,
        ]
        : [
            `Promotes what **${marker.from}** runs to **${marker.to}** ` +
                `(\`${context.base}\` at ${texts_short(context.baseOid)}). Only image references change.`,
        ];
    lines.push("", promotionTable(plan, context.serverUrl).trimEnd());
    const notes = [
        ...plan.unreferenced.map((u) => `${marker.from} app ${u.app} runs \`${u.image}\` (\`${shortVersion(u.version)}\`), which ${marker.to} does not reference: not added.`),
        ...plan.unpaired.map((u) => `App ${u.app} exists only in ${u.onlyIn}: skipped.`),
    ];
    if (notes.length > 0)
        lines.push("", ...notes.map((note) => `- ${note}`));
    lines.push("", "The `gitops-pipeline/promotion` status says whether this pull request may merge: approvals on its latest commit, " +
        "the deployment window, the source's statuses, and that it still changes nothing but these image references.", "This branch is rewritten when the source moves on; edits pushed to it block the gate.");
    if (context.run)
        lines.push("", `Proposed by ${context.run}.`);
    lines.push("", markerOf(marker));
    return lines.join("\n");
}
function commitMessage(plan, marker) {
    return {
        headline: promotionTitle(plan, marker),
        body: (0,update.commitBody)(plan.changes),
    };
}
/** The job summary of a proposal: what happened to the pull request, and the table. */
function proposalSummary(plan, marker, operation, pullRequest, serverUrl) {
    const what = marker.kind === "rollback"
        ? `Rollback of ${marker.to} to ${texts_short(marker.revision ?? "")}`
        : `Promotion ${marker.from} → ${marker.to}`;
    const link = pullRequest ? ` ([#${pullRequest.number}](${pullRequest.url}))` : "";
    const table = plan.rows.length > 0 ? promotionTable(plan, serverUrl) : `${marker.to} already runs these versions.\n`;
    return `### ${what}: ${operation}${link}\n\n${table}`;
}
/** The job summary of one gate evaluation: every condition, met or not. */
function gateSummary(pullRequest, result) {
    const rows = result.conditions.map((c) => [c.met ? "✅" : "❌", c.name, c.detail]);
    return [
        `### Promotion gate for [#${pullRequest.number}](${pullRequest.url}): ${result.open ? "open" : "blocked"}`,
        "",
        markdownTable(["", "Condition", "Detail"], rows).trimEnd(),
        "",
    ].join("\n");
}


/***/ }),

/***/ 6416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ decodeText),
/* harmony export */   w: () => (/* binding */ encodeText)
/* harmony export */ });
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decodeText(bytes) {
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
function encodeText(text, encoding = "utf8") {
    if (encoding === "latin1" && /[^\u0000-\u00ff]/.test(text)) {
        throw new Error("a byte-per-character text holds a character above U+00FF");
    }
    return Buffer.from(text, encoding);
}


/***/ }),

/***/ 9038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  changeLine: () => (/* reexport */ changeLine),
  commitBody: () => (/* reexport */ commitBody),
  decodeText: () => (/* reexport */ encoding/* decodeText */.g),
  encodeText: () => (/* reexport */ encoding/* encodeText */.w),
  localReader: () => (/* reexport */ local/* localReader */.X),
  missingImagesError: () => (/* reexport */ missingImagesError),
  planUpdate: () => (/* reexport */ planUpdate),
  repoPath: () => (/* reexport */ local/* repoPath */.q),
  resolvePaths: () => (/* reexport */ resolvePaths),
  unifiedDiff: () => (/* reexport */ unifiedDiff)
});

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
;// CONCATENATED MODULE: ./src/update/diff.ts

/** One change as the CLI and the action logs print it: `file:line: image from -> to`. */
function changeLine(change) {
    return `${change.file}:${change.line}: ${change.image} ${change.from || "(none)"} -> ${change.to}`;
}
/** A commit message body: one line per change, the record `git log` shows of what a bump did. */
function commitBody(changes) {
    return changes.map((c) => `${c.file}:${c.line} ${c.image} ${c.from || "(none)"} -> ${c.to}`).join("\n");
}
/** A git-style unified diff (`a/path`, `b/path`) of every changed file, in path order. */
function unifiedDiff(files) {
    return [...files]
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        .map((file) => (0,create/* createTwoFilesPatch */.ss)(`a/${file.path}`, `b/${file.path}`, file.before, file.after, undefined, undefined, {
        headerOptions: create/* FILE_HEADERS_ONLY */.jr,
    }))
        .join("");
}

// EXTERNAL MODULE: ./src/update/encoding.ts
var encoding = __webpack_require__(6416);
// EXTERNAL MODULE: ./src/update/local.ts
var local = __webpack_require__(1118);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/manifests/index.ts + 9 modules
var manifests = __webpack_require__(3934);
;// CONCATENATED MODULE: ./src/update/paths.ts




function join(dir, name) {
    return dir ? `${dir}/${name}` : name;
}
/**
 * Walks a directory for manifest files (`*.yaml`, `*.yml`, `Kustomization`). Hidden directories (`.git`,
 * `.github`) are skipped: workflow files have `image:` keys that are not deployments. Symlinked files are
 * included (reading them checks they stay inside the repository); symlinked directories are not followed.
 */
async function walk(reader, dir, out) {
    const below = [];
    for (const entry of await reader.list(dir)) {
        const path = join(dir, entry.name);
        if (entry.type === "dir") {
            if (!entry.name.startsWith("."))
                below.push(walk(reader, path, out));
        }
        else if ((0,manifests/* isManifestPath */.HS)(path)) {
            out.push(path);
        }
    }
    await Promise.all(below);
}
async function entryType(reader, path) {
    if (path === "")
        return "dir";
    const slash = path.lastIndexOf("/");
    const parent = slash < 0 ? "" : path.slice(0, slash);
    const name = path.slice(slash + 1);
    return (await reader.list(parent)).find((entry) => entry.name === name)?.type;
}
/** All entries under `dir` (relative paths, directories included), for glob matching. */
async function everything(reader, dir, out = []) {
    const below = [];
    for (const entry of await reader.list(dir)) {
        const path = join(dir, entry.name);
        out.push({ name: path, type: entry.type });
        if (entry.type === "dir" && !entry.name.startsWith("."))
            below.push(everything(reader, path, out));
    }
    await Promise.all(below);
    return out;
}
/**
 * Expands files, directories (recursively) and globs (picomatch syntax) relative to the repository root into a
 * sorted, de-duplicated list of manifest files. A pattern that matches nothing is a user error: a typo in an
 * environment's paths would otherwise look like "nothing to update".
 */
async function resolvePaths(reader, patterns) {
    const files = new Set();
    for (const pattern of patterns) {
        const found = [];
        // A trailing slash means the directory itself, as it does for plain paths; picomatch would match nothing.
        const scan = picomatch_default().scan(pattern.replace(/\\/g, "/").replace(/(.)\/+$/, "$1"));
        if (scan.isGlob) {
            const base = (0,local/* repoPath */.q)(scan.base);
            const glob = scan.base ? `${base}${base ? "/" : ""}${scan.glob}` : scan.glob;
            const matches = picomatch_default()(glob, { dot: false });
            const candidates = (await entryType(reader, base)) === "dir" ? await everything(reader, base) : [];
            for (const entry of candidates) {
                if (!matches(entry.name))
                    continue;
                if (entry.type === "dir")
                    await walk(reader, entry.name, found);
                else if ((0,manifests/* isManifestPath */.HS)(entry.name))
                    found.push(entry.name);
            }
        }
        else {
            const path = (0,local/* repoPath */.q)(pattern);
            const type = await entryType(reader, path);
            if (type === "dir")
                await walk(reader, path, found);
            else if (type === "file" || type === "symlink") {
                // Resolving a symlink checks it stays inside the repository; a symlink to a directory is walked.
                if ((await reader.read(path)) === undefined)
                    await walk(reader, path, found);
                else
                    found.push(path);
            }
        }
        if (found.length === 0) {
            throw new errors/* UserError */.y(`path ${JSON.stringify(pattern)} matches no YAML files in the repository`, {
                hint: "Check the path (relative to the repository root); directories are searched for *.yaml, *.yml and Kustomization.",
            });
        }
        for (const path of found)
            files.add(path);
    }
    return [...files].sort();
}

// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
;// CONCATENATED MODULE: ./src/update/plan.ts




/** Enough reads in flight to hide latency (file system thread pool, or HTTP for remote readers). */
const READ_CONCURRENCY = 16;
/** Requested images must carry a version and name each image once, or the plan would be ambiguous. */
function checkImages(images) {
    if (images.length === 0)
        throw new errors/* UserError */.y("no image to update", { hint: "Pass --image name:tag." });
    const seen = new Map();
    for (const image of images) {
        if (image.tag === undefined && image.digest === undefined) {
            throw new errors/* UserError */.y(`image ${(0,src_image/* formatImageRef */.kL)(image)} has no tag or digest to set`, {
                hint: "Write it as name:tag, name@sha256:<digest> or name:tag@sha256:<digest>.",
            });
        }
        const name = (0,src_image/* normalizedName */.j8)(image);
        const other = seen.get(name);
        if (other && (0,src_image/* formatImageRef */.kL)(other) !== (0,src_image/* formatImageRef */.kL)(image)) {
            throw new errors/* UserError */.y(`image ${name} is given twice with different versions`, {
                hint: `Pass one of ${(0,src_image/* formatImageRef */.kL)(other)} and ${(0,src_image/* formatImageRef */.kL)(image)}.`,
            });
        }
        seen.set(name, image);
    }
}
async function readAll(reader, paths) {
    const contents = new Array(paths.length);
    let next = 0;
    const worker = async () => {
        while (next < paths.length) {
            const index = next++;
            contents[index] = (await reader.read(paths[index])) ?? "";
        }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
    return contents;
}
/**
 * Plans an image update over the files the patterns name: pure apart from reading through `reader`, and
 * all-or-nothing (any error — malformed YAML, an alias, a path leaving the repository — throws before a caller
 * could write anything). Files already at the requested versions produce no change.
 */
async function planUpdate(reader, patterns, images, options = {}) {
    checkImages(images);
    // Files named explicitly are read whatever their extension; directory walks pick YAML files only.
    const paths = await resolvePaths(reader, patterns);
    const contents = await readAll(reader, paths);
    const found = new Set();
    const changes = [];
    const warnings = [];
    const files = [];
    paths.forEach((path, index) => {
        const before = contents[index];
        const result = (0,manifests/* updateFile */.Io)(path, before, images, options);
        for (const image of result.found)
            found.add(image);
        warnings.push(...result.warnings);
        if (result.changes.length === 0)
            return;
        changes.push(...result.changes);
        files.push({ path, before, after: result.content });
    });
    const missing = images.filter((image) => !found.has(image));
    // Only on the way to an error: where the missing images are named after all, and why no finder reached them.
    const unedited = missing.length === 0
        ? []
        : paths.flatMap((path, index) => (0,manifests/* explainMissing */.Ce)(path, contents[index], missing));
    return { changes, files, missing, scanned: paths, unedited, warnings };
}
/**
 * The error for images found nowhere: where each is named in a place that is not edited and why (file:line), or,
 * when no file names it, that it is not referenced under the paths.
 */
function missingImagesError(plan, patterns, hint) {
    const names = plan.missing.map(src_image/* formatImageRef */.kL).join(", ");
    const unedited = plan.unedited ?? [];
    if (unedited.length === 0)
        return new errors/* UserError */.y(`not referenced under ${patterns.join(", ")}: ${names}`, { hint });
    const places = unedited.map((place) => `\n  ${place.file}:${place.line}:${place.column}: ${(0,src_image/* imageName */.tO)(place.image)} ${place.reason}`);
    return new errors/* UserError */.y(`not referenced where images are edited under ${patterns.join(", ")}: ${names}; named only here:${places.join("")}`, { hint });
}

;// CONCATENATED MODULE: ./src/update/index.ts







/***/ }),

/***/ 1118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ localReader),
/* harmony export */   q: () => (/* binding */ repoPath)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _encoding_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6416);







/**
 * Normalises a repository-relative path and refuses one that leaves the repository (`..`, absolute paths),
 * so no caller can read or write outside the root it was given.
 */
function repoPath(path) {
    const slashed = path.replace(/\\/g, "/");
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path) || slashed.startsWith("/")) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`path ${JSON.stringify(path)} is absolute`, {
            hint: "Give paths relative to the repository root.",
        });
    }
    const normal = node_path__WEBPACK_IMPORTED_MODULE_3__.posix.normalize(slashed).replace(/\/+$/, "");
    if (normal === ".." || normal.startsWith("../")) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`path ${JSON.stringify(path)} leaves the repository through '..'`, {
            hint: "Give paths inside the repository, relative to its root.",
        });
    }
    return normal === "." ? "" : normal;
}
// The callback form costs measurably less CPU per small file than fs/promises' FileHandle-based readFile,
// which dominated a walk over thousands of files (see bench/update-tag.mjs).
const readFile = (0,node_util__WEBPACK_IMPORTED_MODULE_4__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_1__.readFile);
function isInside(root, target) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, target);
    return rel === "" || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}`) && rel !== ".." && !(0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(rel));
}
/** A RepoReader over a directory; symlinks are followed only while they stay inside it. */
function localReader(root) {
    let realRoot;
    const base = () => {
        realRoot ??= (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(root).then(async (real) => {
            if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(real)).isDirectory()) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`repository directory ${JSON.stringify(root)} is not a directory`, {
                    hint: "Pass the root directory of the config repository with --repo.",
                });
            }
            return real;
        }, (error) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`repository directory ${JSON.stringify(root)} cannot be read (${error.code})`, {
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
        const rel = repoPath(path);
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
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(parent.real, rel.slice(slash + 1));
        let stats;
        try {
            stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(candidate);
        }
        catch (error) {
            if (error.code === "ENOENT")
                return undefined;
            throw error;
        }
        if (!stats.isSymbolicLink())
            return { real: candidate, dir: stats.isDirectory() };
        const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(candidate).catch(() => undefined);
        if (real === undefined)
            return undefined;
        if (!isInside(top, real)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`path ${JSON.stringify(rel)} leaves the repository through a symlink (to ${real})`, {
                hint: "Replace the symlink with the file, or point it inside the repository.",
            });
        }
        return { real, dir: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(real)).isDirectory() };
    }
    return {
        root,
        async list(dir) {
            const resolved = await resolve(dir);
            if (!resolved?.dir)
                return [];
            const rel = repoPath(dir);
            const found = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(resolved.real, { withFileTypes: true });
            return found
                .map((entry) => {
                const type = entry.isSymbolicLink() ? "symlink" : entry.isDirectory() ? "dir" : "file";
                const path = rel ? `${rel}/${entry.name}` : entry.name;
                if (type !== "symlink" && !known.has(path)) {
                    known.set(path, Promise.resolve({ real: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(resolved.real, entry.name), dir: type === "dir" }));
                }
                return { name: entry.name, type };
            })
                .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        },
        async read(path) {
            const resolved = await resolve(path);
            if (!resolved || resolved.dir)
                return undefined;
            const { text, encoding } = (0,_encoding_js__WEBPACK_IMPORTED_MODULE_6__/* .decodeText */ .g)(await readFile(resolved.real));
            if (encoding !== "utf8")
                encodings.set(repoPath(path), encoding);
            return text;
        },
        encoding(path) {
            return encodings.get(repoPath(path)) ?? "utf8";
        },
        async writeAll(files) {
            const planned = [];
            try {
                for (const file of files) {
                    const target = (await resolve(file.path))?.real ?? (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(await base(), repoPath(file.path));
                    const existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(target).catch(() => undefined);
                    // Renaming over a directory fails only after the earlier files were replaced: refuse it up front.
                    if (existing && !existing.isFile()) {
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`${JSON.stringify(file.path)} is not a regular file, so it cannot be replaced`, {
                            file: file.path,
                            hint: "Remove or rename what is there, then run again; nothing was written.",
                        });
                    }
                    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(target), `.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString("hex")}.gitops-pipeline.tmp`);
                    planned.push({ temp, target });
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(temp, (0,_encoding_js__WEBPACK_IMPORTED_MODULE_6__/* .encodeText */ .w)(file.content, encodings.get(repoPath(file.path))), {
                        mode: existing ? existing.mode & 0o7777 : 0o644,
                        flag: "wx",
                    });
                }
            }
            catch (error) {
                await Promise.all(planned.map(({ temp }) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true })));
                throw error;
            }
            for (const [index, { temp, target }] of planned.entries()) {
                try {
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, target);
                }
                catch (error) {
                    // Files already renamed stay replaced, but no temporary file is left behind next to the others.
                    await Promise.all(planned.slice(index).map((left) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(left.temp, { force: true })));
                    throw error;
                }
            }
        },
    };
}


/***/ })

};
