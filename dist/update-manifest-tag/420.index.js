export const id = 420;
export const ids = [420];
export const modules = {

/***/ 5420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  git: () => (/* binding */ git),
  gitHubRepositoryOf: () => (/* binding */ gitHubRepositoryOf),
  updateInWorkingDirectory: () => (/* binding */ updateInWorkingDirectory)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
    return { ...out, ...extra };
}
/** git's environment: no prompt (a missing credential fails fast) and untranslated messages the code can read. */
const gitEnv = (env = process.env) => childEnv(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" });

// EXTERNAL MODULE: ./src/update/index.ts + 13 modules
var update = __webpack_require__(2941);
// EXTERNAL MODULE: ./src/delivery/github.ts + 1 modules
var delivery_github = __webpack_require__(2400);
// EXTERNAL MODULE: ./src/delivery/render.ts
var render = __webpack_require__(7146);
// EXTERNAL MODULE: ./src/delivery/run.ts + 4 modules
var run = __webpack_require__(3490);
;// CONCATENATED MODULE: ./src/delivery/git.ts








/** Runs git with an argv array (never a shell) in `cwd`; prompts are off so a missing credential fails fast. */
function git(cwd, args) {
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_.spawn)("git", args, {
            cwd,
            env: gitEnv(),
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => {
            stdout += chunk;
        });
        child.stderr.on("data", (chunk) => {
            stderr += chunk;
        });
        child.on("error", (error) => reject(new errors/* UserError */.y(`cannot run git: ${error.message}`, {
            hint: "Install git on the runner.",
            cause: error,
        })));
        child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
    });
}
async function must(cwd, args, what) {
    const result = await git(cwd, args);
    if (result.code !== 0) {
        throw new errors/* UserError */.y(`git could not ${what}: ${result.stderr.trim() || result.stdout.trim()}`, {
            hint: `The command was: git ${args.join(" ")} (in ${cwd})`,
        });
    }
    return result.stdout.trim();
}
/** The remote refused a push because it moved on (not a permission or hook refusal). */
function isRejectedAsStale(result) {
    // With --porcelain the per-ref verdict ("[rejected] (fetch first)") is on stdout.
    return /\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info/i.test(`${result.stdout}\n${result.stderr}`);
}
/** `owner/name` when the remote URL is on the GitHub server the workflow runs on, else undefined. */
function gitHubRepositoryOf(remoteUrl, serverUrl) {
    let host;
    try {
        host = new URL(serverUrl).host.toLowerCase();
    }
    catch {
        return undefined;
    }
    const scp = /^(?:[^@/]+@)?([^:/]+):([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remoteUrl);
    if (scp && !remoteUrl.includes("://")) {
        return scp[1].toLowerCase() === host.replace(/:\d+$/, "")
            ? { owner: scp[2], repo: scp[3] }
            : undefined;
    }
    try {
        const url = new URL(remoteUrl);
        if (url.host.toLowerCase() !== host)
            return undefined;
        const parts = url.pathname
            .replace(/^\/+|\/+$/g, "")
            .replace(/\.git$/, "")
            .split("/");
        return parts.length === 2 ? { owner: parts[0], repo: parts[1] } : undefined;
    }
    catch {
        return undefined;
    }
}
const BOT = {
    name: "github-actions[bot]",
    email: "41898282+github-actions[bot]@users.noreply.github.com",
};
const asConfig = (identity) => [
    "-c",
    `user.name=${identity.name}`,
    "-c",
    `user.email=${identity.email}`,
];
async function saveCheckout(cwd, identity, branch) {
    const head = await must(cwd, ["rev-parse", "--verify", "HEAD"], "read HEAD");
    const current = (await git(cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"])).stdout.trim();
    const stash = await must(cwd, [...identity, "stash", "create"], "record the uncommitted changes");
    let headBranch;
    if (branch) {
        const found = await git(cwd, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`]);
        headBranch = { name: branch, oid: found.code === 0 ? found.stdout.trim() : undefined };
    }
    return { branch: current || undefined, head, stash, headBranch };
}
/**
 * Puts the checkout back as it was: the branch (or detached HEAD) at its commit, index and working tree with
 * their uncommitted changes, the pull request's local branch where it was. Used when a run fails after it began
 * editing, so a failed push leaves no local commit or edit behind.
 */
async function restoreCheckout(cwd, saved, logger) {
    await git(cwd, ["rebase", "--abort"]);
    if (saved.branch) {
        await git(cwd, ["checkout", "--quiet", "--force", saved.branch]);
        await git(cwd, ["reset", "--quiet", "--hard", saved.head]);
    }
    else {
        await git(cwd, ["checkout", "--quiet", "--force", "--detach", saved.head]);
    }
    const local = saved.headBranch;
    if (local && local.name !== saved.branch) {
        if (local.oid)
            await git(cwd, ["update-ref", `refs/heads/${local.name}`, local.oid]);
        else
            await git(cwd, ["branch", "--quiet", "-D", "--end-of-options", local.name]);
    }
    if (saved.stash) {
        const applied = await git(cwd, ["stash", "apply", "--index", "--quiet", saved.stash]);
        if (applied.code !== 0) {
            logger.warning(`could not restore the uncommitted changes of the checkout; they are kept in commit ${saved.stash} (git stash apply ${saved.stash})`);
        }
    }
}
/** Object ids of `paths` in `commit` (absent paths missing from the map). */
async function blobOidsAt(cwd, commit, paths) {
    const out = await must(cwd, ["ls-tree", "-z", commit, "--", ...paths], "list the remote branch");
    const oids = new Map();
    for (const record of out.split("\0")) {
        const tab = record.indexOf("\t");
        if (tab > 0)
            oids.set(record.slice(tab + 1), record.slice(0, tab).split(" ")[2]);
    }
    return oids;
}
/**
 * Working-directory mode, for any git host: edit the checkout with the core, commit, push. A push the remote
 * refuses because it moved is retried after a fetch and rebase; when the rebase conflicts (someone changed the
 * same lines), our commit is dropped and the edit planned again on the new tree. Pull-request mode pushes the
 * head branch (force: it is ours alone) and opens or updates the pull request when the remote is on GitHub.
 * Whatever fails after the edit began, the checkout is put back as it was.
 */
async function updateInWorkingDirectory(request, directory, options) {
    const cwd = (0,external_node_path_.resolve)(directory);
    const remote = options.remote ?? "origin";
    const attempts = options.attempts ?? 5;
    const { logger } = options;
    await must(cwd, ["rev-parse", "--git-dir"], `find a repository in ${directory}`);
    const reader = (0,update.localReader)(cwd);
    let patterns = request.paths;
    let configMode;
    if (request.environment) {
        const target = (0,run.targetFromConfig)(request, await reader.read(request.config));
        patterns = target.patterns;
        configMode = target.mode;
    }
    const mode = request.mode ?? configMode ?? "pull-request";
    const branch = mode === "pull-request" ? (0,run.branchFor)(request) : undefined;
    const plan = (0,run.planner)(request, logger);
    const original = (await git(cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"])).stdout.trim();
    const base = request.base || original;
    if (request.dryRun) {
        // A dry run only plans on the checkout: it works on any checkout, detached or without a remote.
        const planned = await plan(reader, patterns);
        return {
            operation: planned.changes.length === 0 ? "unchanged" : await dryRunOperation(cwd, remote, branch, planned),
            mode,
            branch,
            plan: planned,
            repository: directory,
            base: base || "HEAD",
            dryRun: true,
            warnings: [],
        };
    }
    if (!base) {
        throw new errors/* UserError */.y(`the checkout in ${directory} is on a detached HEAD and no base branch was given`, {
            hint: "Set `base` to the branch to update, or check out a branch (actions/checkout with `ref:`).",
        });
    }
    const remoteUrl = await must(cwd, ["remote", "get-url", remote], `find the remote ${remote}`);
    const github = options.serverUrl ? gitHubRepositoryOf(remoteUrl, options.serverUrl) : undefined;
    const repositoryName = github ? `${github.owner}/${github.repo}` : remoteUrl.replace(/\/\/[^@/]*@/, "//");
    const texts = (planned, baseName) => {
        const made = (0,run.textsFor)(request)(planned, baseName);
        return { ...made, pullRequestBody: (0,render/* withUserBody */.af)(made.pullRequestBody, request.body) };
    };
    const configured = (await git(cwd, ["config", "user.email"])).stdout.trim();
    const identity = request.committer ? asConfig(request.committer) : configured ? [] : asConfig(BOT);
    const commitFlags = [
        ...(request.author ? [`--author=${(0,render/* formatIdentity */.gZ)(request.author)}`] : []),
        ...(request.signoff ? ["--signoff"] : []),
    ];
    const outcome = (extra) => ({
        mode,
        branch,
        repository: repositoryName,
        repositoryUrl: github && options.serverUrl ? `${options.serverUrl.replace(/\/+$/, "")}/${repositoryName}` : undefined,
        base,
        dryRun: request.dryRun,
        warnings: [],
        ...extra,
    });
    /** Plans on the working tree, writes, commits; undefined when there is nothing to change. */
    const commitEdits = async () => {
        const planned = await plan(reader, patterns);
        if (planned.changes.length === 0)
            return { planned, committed: false };
        const paths = planned.files.map((file) => file.path);
        const dirty = (await must(cwd, ["status", "--porcelain", "--", ...paths], "read the status")).trim();
        if (dirty) {
            throw new errors/* UserError */.y(`files to update have uncommitted changes in ${directory}:\n${dirty}`, {
                hint: "Commit or discard them before this step, so the update commit contains only the version bump.",
            });
        }
        const { headline, body } = texts(planned, base);
        touched = true;
        await reader.writeAll(planned.files.map((file) => ({ path: file.path, content: file.after })));
        await must(cwd, ["add", "--", ...paths], "stage the updated files");
        await must(cwd, [
            ...identity,
            "commit",
            "--quiet",
            ...commitFlags,
            "-m",
            headline,
            ...(body ? ["-m", body] : []),
            "--",
            ...paths,
        ], "commit");
        return { planned, committed: true };
    };
    const saved = await saveCheckout(cwd, identity, branch);
    // Set before the first change to the checkout: a failure before it has nothing to put back.
    let touched = false;
    try {
        if (mode === "commit")
            return await commitAndPush();
        try {
            return await pullRequestBranch(branch);
        }
        finally {
            if (original && original !== branch)
                await git(cwd, ["checkout", "--quiet", original]);
        }
    }
    catch (error) {
        if (touched)
            await restoreCheckout(cwd, saved, logger);
        throw error;
    }
    async function commitAndPush() {
        let { planned, committed } = await commitEdits();
        if (!committed)
            return outcome({ operation: "unchanged", plan: planned });
        for (let attempt = 1;; attempt++) {
            const pushed = await git(cwd, ["push", "--porcelain", remote, `HEAD:refs/heads/${base}`]);
            if (pushed.code === 0)
                break;
            if (!isRejectedAsStale(pushed) || attempt >= attempts) {
                throw new errors/* UserError */.y(`git push to ${base} failed: ${`${pushed.stdout}\n${pushed.stderr}`.trim()}`, {
                    hint: (isRejectedAsStale(pushed)
                        ? "The branch kept moving; re-run the job."
                        : "Check that the checkout's credentials may push to the branch (actions/checkout persists them) and that no protection rule refuses it.") +
                        " The checkout was put back as it was.",
                });
            }
            logger.info(`${base} moved on the remote; rebasing and pushing again (attempt ${attempt + 1} of ${attempts})`);
            await must(cwd, ["fetch", "--quiet", remote, base], `fetch ${base}`);
            const rebased = await git(cwd, [...identity, "rebase", "--quiet", "--autostash", "FETCH_HEAD"]);
            if (rebased.code !== 0) {
                // The same lines changed remotely: drop our commit, catch up, and plan the edit again on what is there now.
                await git(cwd, ["rebase", "--abort"]);
                await must(cwd, ["reset", "--quiet", "--keep", "HEAD~1"], "drop the conflicting update commit");
                await must(cwd, [...identity, "rebase", "--quiet", "--autostash", "FETCH_HEAD"], "rebase onto the remote branch");
                ({ planned, committed } = await commitEdits());
                if (!committed)
                    return outcome({ operation: "unchanged", plan: planned });
            }
        }
        const oid = await must(cwd, ["rev-parse", "HEAD"], "read the new commit");
        return outcome({
            operation: "committed",
            plan: planned,
            commit: {
                oid,
                url: github && options.serverUrl
                    ? `${options.serverUrl.replace(/\/+$/, "")}/${repositoryName}/commit/${oid}`
                    : undefined,
            },
        });
    }
    // Pull-request mode: the head branch is base + this one commit, rebuilt from the remote base every time.
    async function pullRequestBranch(branch) {
        if (branch === base)
            throw new errors/* UserError */.y(`the pull request branch ${branch} is the base branch itself`);
        await must(cwd, ["fetch", "--quiet", remote, `refs/heads/${base}`], `fetch ${base}`);
        const baseOid = await must(cwd, ["rev-parse", "FETCH_HEAD"], "read the fetched base");
        touched = true;
        await must(cwd, ["checkout", "--quiet", "-B", branch, baseOid], `create branch ${branch}`);
        const { planned, committed } = await commitEdits();
        const target = (made) => github && options.clients
            ? {
                clients: options.clients,
                repository: github,
                branch,
                base,
                texts: made,
                pullRequest: (0,run.pullRequestOptions)(request),
                logger,
            }
            : undefined;
        const remoteHead = (await must(cwd, ["ls-remote", remote, `refs/heads/${branch}`], "list the remote branch")).split(/\s/)[0];
        if (!committed) {
            if (!request.deleteBranch || !remoteHead)
                return outcome({ operation: "unchanged", plan: planned });
            // delete-branch: nothing left to change, so the pull request is closed and its branch deleted.
            const pr = target(texts(planned, base));
            const open = pr ? await (0,delivery_github/* findPullRequest */._f)(pr) : undefined;
            if (pr && open)
                await (0,delivery_github/* closePullRequest */.d6)(pr, open);
            await must(cwd, ["push", "--quiet", remote, "--delete", `refs/heads/${branch}`], `delete ${branch}`);
            logger.info(`Deleted branch ${branch} on ${repositoryName}: nothing is left to change`);
            return outcome({ operation: open ? "closed" : "unchanged", plan: planned, pullRequest: open });
        }
        let same = false;
        if (remoteHead) {
            await must(cwd, ["fetch", "--quiet", remote, `refs/heads/${branch}`], `fetch ${branch}`);
            const [ours, theirs] = await Promise.all([
                must(cwd, ["rev-parse", "HEAD^{tree}"], "read the tree"),
                must(cwd, ["rev-parse", "FETCH_HEAD^{tree}"], "read the remote tree"),
            ]);
            same = ours === theirs;
        }
        if (!same) {
            // Force only ever lands on our own head branch; the base branch is never pushed in this mode.
            await must(cwd, ["push", "--quiet", "--force", remote, `HEAD:refs/heads/${branch}`], `push ${branch}`);
        }
        const oid = same ? remoteHead : await must(cwd, ["rev-parse", "HEAD"], "read the new commit");
        const pr = target(texts(planned, base));
        if (!pr) {
            return outcome({
                operation: same ? "unchanged" : remoteHead ? "updated" : "created",
                plan: planned,
                commit: { oid },
                note: `Pushed branch \`${branch}\` to ${repositoryName}; the remote is not on this GitHub server, so open the pull request there.`,
            });
        }
        const existing = await (0,delivery_github/* findPullRequest */._f)(pr);
        if (existing && same)
            return outcome({ operation: "unchanged", plan: planned, pullRequest: existing, commit: { oid } });
        const { pullRequest, created } = await (0,delivery_github/* openOrUpdatePullRequest */.x5)(pr, existing);
        const warnings = await (0,delivery_github/* applyMetadata */.AC)(pr, pullRequest);
        return outcome({
            operation: created ? "created" : "updated",
            plan: planned,
            pullRequest,
            commit: { oid },
            warnings,
        });
    }
}
/**
 * What a real run would do, for a dry run: commit mode commits; pull-request mode creates the head branch when the
 * remote has none (or no remote can be asked), and updates it unless it already holds these exact files. Reads
 * only: `ls-remote` and a fetch of the head branch, never the checkout.
 */
async function dryRunOperation(cwd, remote, branch, planned) {
    if (!branch)
        return "would-commit";
    const listed = await git(cwd, ["ls-remote", remote, `refs/heads/${branch}`]);
    if (listed.code !== 0 || listed.stdout.trim() === "")
        return "would-create";
    const fetched = await git(cwd, ["fetch", "--quiet", remote, `refs/heads/${branch}`]);
    if (fetched.code !== 0)
        return "would-update";
    const oids = await blobOidsAt(cwd, "FETCH_HEAD", planned.files.map((file) => file.path));
    return planned.files.every((file) => oids.get(file.path) === (0,delivery_github/* gitBlobOid */.Yh)(file.after))
        ? "unchanged"
        : "would-update";
}


/***/ })

};
