export const id = 72;
export const ids = [72];
export const modules = {

/***/ 7072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  changedFilesFromGit: () => (/* binding */ changedFilesFromGit),
  findKustomize: () => (/* binding */ findKustomize),
  isObjectId: () => (/* reexport */ object_id/* isObjectId */.T),
  kustomizeRenderer: () => (/* binding */ kustomizeRenderer),
  localSource: () => (/* binding */ localSource),
  repositoryUrlsFromGit: () => (/* binding */ repositoryUrlsFromGit),
  writeInsideWorkspace: () => (/* binding */ writeInsideWorkspace)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
    return { ...out, ...extra };
}
/** git's environment: no prompt (a missing credential fails fast) and untranslated messages the code can read. */
const gitEnv = (env = process.env) => childEnv(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" });

// EXTERNAL MODULE: ./src/validate/object-id.ts
var object_id = __webpack_require__(1189);
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


/***/ })

};
