import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 356:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/builder/argv.ts
var argv = __nccwpck_require__(705);
// EXTERNAL MODULE: ./src/builder/metadata.ts
var builder_metadata = __nccwpck_require__(770);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
;// CONCATENATED MODULE: ./src/builder/platform.ts

/**
 * Operating systems and architectures as OCI image indexes name them (the Go GOOS/GOARCH values). A builder accepts
 * any string and writes it into the image, so a typo pushes an image no node can ever run.
 */
const OPERATING_SYSTEMS = new Set([
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "illumos",
    "ios",
    "js",
    "linux",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
]);
/** Each architecture with the variants it has; an empty list means it takes none. */
const ARCHITECTURES = {
    "386": [],
    amd64: ["v1", "v2", "v3", "v4"],
    amd64p32: [],
    arm: ["v5", "v6", "v7", "v8"],
    arm64: [
        "v8",
        "v8.0",
        "v8.1",
        "v8.2",
        "v8.3",
        "v8.4",
        "v8.5",
        "v8.6",
        "v8.7",
        "v8.8",
        "v8.9",
        "v9",
        "v9.0",
        "v9.1",
        "v9.2",
        "v9.3",
        "v9.4",
        "v9.5",
    ],
    loong64: [],
    mips: [],
    mipsle: [],
    mips64: [],
    mips64le: [],
    ppc64: [],
    ppc64le: [],
    riscv64: [],
    s390x: [],
    wasm: [],
};
/** Names other tools use for the same thing, so the error can say which value is meant. */
const ALIASES = {
    x86_64: "amd64",
    "x86-64": "amd64",
    x64: "amd64",
    aarch64: "arm64",
    armhf: "arm/v7",
    armel: "arm/v6",
    i386: "386",
    i686: "386",
    x86: "386",
    ppc64el: "ppc64le",
};
const FORMS = "Write each platform as os/arch[/variant], e.g. linux/amd64, linux/arm64, linux/arm/v7, linux/386, linux/ppc64le, linux/s390x, linux/riscv64, windows/amd64.";
function refuse(entry, why) {
    throw new errors/* UserError */.y(`input 'platforms': ${JSON.stringify(entry)} ${why}`, { hint: FORMS });
}
/** Checks one `os/arch[/variant]` entry and returns it lowercased as builders expect. */
function checkPlatform(entry) {
    const parts = entry.toLowerCase().split("/");
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === "")) {
        refuse(entry, "is not os/arch[/variant]");
    }
    const [os, arch, variant] = parts;
    if (!OPERATING_SYSTEMS.has(os)) {
        refuse(entry, `names an unknown operating system ${JSON.stringify(os)} (known: ${[...OPERATING_SYSTEMS].join(", ")})`);
    }
    const variants = Object.hasOwn(ARCHITECTURES, arch) ? ARCHITECTURES[arch] : undefined;
    if (variants === undefined) {
        const alias = Object.hasOwn(ALIASES, arch) ? ALIASES[arch] : undefined;
        refuse(entry, alias
            ? `names the architecture ${JSON.stringify(arch)}, which images call ${JSON.stringify(alias)}: write ${os}/${alias}`
            : `names an unknown architecture ${JSON.stringify(arch)} (known: ${Object.keys(ARCHITECTURES).join(", ")})`);
    }
    if (variant !== undefined && !variants.includes(variant)) {
        refuse(entry, variants.length === 0
            ? `gives the variant ${JSON.stringify(variant)}, but ${arch} has none`
            : `gives an unknown ${arch} variant ${JSON.stringify(variant)} (known: ${variants.join(", ")})`);
    }
    return parts.join("/");
}
/** Every entry checked before anything is built; duplicates are dropped, order kept. */
function checkPlatforms(entries) {
    return [...new Set(entries.map(checkPlatform))];
}

// EXTERNAL MODULE: ./src/builder/secrets.ts
var builder_secrets = __nccwpck_require__(566);
// EXTERNAL MODULE: ./src/registry/credentials.ts
var registry_credentials = __nccwpck_require__(653);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: ./src/actions/workflow.ts



const escapeData = (text) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
const commandValue = (value) => value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== "" && value !== 0)
        .map(([key, value]) => `${key}=${escapeProperty(commandValue(value))}`)
        .join(",");
    process.stdout.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${external_node_os_.EOL}`);
}
function annotation(command, message, properties = {}) {
    issue(command, message, {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn,
    });
}
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function getMultilineInput(name) {
    return getInput(name)
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
}
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    const text = commandValue(value);
    if (!file) {
        process.stdout.write(external_node_os_.EOL);
        issue("set-output", text, { name });
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    // A value holding the delimiter could end the block early and set outputs of its own choosing.
    if (name.includes(delimiter) || text.includes(delimiter))
        throw new Error("output value contains its delimiter");
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${text}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, "utf8");
}
function setSecret(secret) {
    issue("add-mask", secret);
}
const isDebug = () => process.env.RUNNER_DEBUG === "1";
function info(message) {
    process.stdout.write(`${message}${external_node_os_.EOL}`);
}
function debug(message) {
    issue("debug", message);
}
function notice(message, properties) {
    annotation("notice", message, properties);
}
function warning(message, properties) {
    annotation("warning", message, properties);
}
function error(message, properties) {
    annotation("error", message, properties);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends markdown to the job summary; false when the runner names no summary file. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown, "utf8");
    return true;
}

;// CONCATENATED MODULE: ./src/actions/runtime.ts



/**
 * The runner reads `::command::` at the start of any (trimmed) line and `##[command]` anywhere in a line. Text that
 * comes from a repository, an event or a registry could carry either, so such text is fenced with a one-time
 * stop-commands token the text cannot know.
 */
const COMMAND_LIKE = /::|##\[/;
/** Writes text to the log as plain text, never as workflow commands, however it was made. */
function logInfo(text) {
    if (!COMMAND_LIKE.test(text)) {
        info(text);
        return;
    }
    const token = (0,external_node_crypto_.randomUUID)();
    info(`::stop-commands::${token}`);
    info(text);
    info(`::${token}::`);
}
/** Logger for the core; info goes through the fence, while debug and warning escape their data themselves. */
const actionsLogger = {
    debug: (message) => debug(message),
    info: logInfo,
    warning: (message) => warning(message),
};
/**
 * Appends to the job summary when the runner provides one. The summary is a report of work already done, so failing
 * to write it warns and never fails the step (act and other runners have no summary file).
 */
async function writeSummary(markdown) {
    if (markdown === "")
        return;
    try {
        appendSummary(markdown);
    }
    catch (error) {
        warning(`could not write the job summary: ${error.message}`);
    }
}
function getString(name, fallback = "") {
    return getInput(name) || fallback;
}
/**
 * A newline- or comma-separated input as a list; blank entries and whole-line `#` comments are dropped. A `#` inside
 * an entry is kept: labels such as `priority #1` are values, not comments.
 */
function getList(name) {
    return getInput(name)
        .split(/\r?\n|,/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "" && !entry.startsWith("#"));
}
function getBoolean(name, fallback) {
    const raw = getInput(name).trim().toLowerCase();
    if (raw === "")
        return fallback;
    if (["true", "yes", "1", "on"].includes(raw))
        return true;
    if (["false", "no", "0", "off"].includes(raw))
        return false;
    throw new errors/* UserError */.y(`input '${name}' must be true or false, got ${JSON.stringify(raw)}`);
}
function getChoice(name, choices, fallback) {
    const raw = getInput(name).trim();
    if (raw === "")
        return fallback;
    if (choices.includes(raw))
        return raw;
    throw new errors/* UserError */.y(`input '${name}' must be one of ${choices.join(", ")}, got ${JSON.stringify(raw)}`);
}
/** A secret input, masked in logs before anything else can print it. */
function getSecret(name) {
    const value = getInput(name);
    if (value)
        setSecret(value);
    return value;
}
/**
 * Runs an action body: user mistakes become one failed-step message; anything else also keeps its stack in the
 * debug log, where a maintainer can find it without alarming the user.
 */
async function runAction(body) {
    try {
        await body();
    }
    catch (error) {
        if ((0,errors/* isUserError */.i)(error)) {
            setFailed(error.format());
            return;
        }
        const err = error;
        debug(err?.stack ?? String(error));
        setFailed(err?.message ?? String(error));
    }
}

;// CONCATENATED MODULE: ./src/actions/build-push.ts










function githubContext(env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(env.GITHUB_EVENT_PATH, "utf8"));
        }
        catch (error) {
            throw new errors/* UserError */.y(`cannot read the event payload: ${error.message}`, {
                file: env.GITHUB_EVENT_PATH,
                hint: "The runner writes this file; outside GitHub Actions point GITHUB_EVENT_PATH at a JSON event or unset it.",
            });
        }
    }
    return {
        eventName: env.GITHUB_EVENT_NAME ?? "",
        ref: env.GITHUB_REF ?? "",
        sha: env.GITHUB_SHA ?? "",
        repository: env.GITHUB_REPOSITORY ?? "",
        serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
        payload,
    };
}
/** What the provenance says about the run, from the runner's variables. */
function runContext(env, revision) {
    return {
        serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
        repository: env.GITHUB_REPOSITORY ?? "",
        revision,
        ref: env.GITHUB_REF ?? "",
        eventName: env.GITHUB_EVENT_NAME ?? "",
        workflowRef: env.GITHUB_WORKFLOW_REF ?? "",
        runId: env.GITHUB_RUN_ID ?? "",
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? "",
        runnerEnvironment: env.RUNNER_ENVIRONMENT ?? "",
        repositoryId: env.GITHUB_REPOSITORY_ID ?? "",
        repositoryOwnerId: env.GITHUB_REPOSITORY_OWNER_ID ?? "",
    };
}
/**
 * Both or neither. A fork's pull request gets no secrets, so a lone username there must not fail a build that does not
 * push anyway; when pushing it is a mistake to name.
 */
function loginCredentials(username, password, push) {
    if (username !== "" && password !== "")
        return { username, password };
    if (username === "" && password === "")
        return undefined;
    const missing = username === "" ? "username" : "password";
    if (!push) {
        warning(`input '${missing}' is empty, so the build runs without a registry login`);
        return undefined;
    }
    throw new errors/* UserError */.y(`input '${missing}' is empty but '${missing === "username" ? "password" : "username"}' is set`, {
        hint: "Set both to log in. Secrets are empty in pull requests from forks and in repositories that lack them.",
    });
}
/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
function run() {
    return runAction(async () => {
        const env = process.env;
        const password = getSecret("password");
        const username = getString("username");
        const context = githubContext(env);
        const push = getBoolean("push", !(0,builder_metadata/* isPullRequest */.r0)(context));
        const credentials = loginCredentials(username, password, push);
        const { ref: image, lowercased } = (0,builder_metadata/* resolveImageName */.Do)(getInput("image"));
        if (lowercased)
            notice(`image name lowercased to ${image.registry ? `${image.registry}/` : ""}${image.repository}: registries refuse uppercase repository names`);
        const { tags, otherRefs } = (0,builder_metadata/* splitTagInputs */.aE)(image, getList("tags"));
        const metadata = (0,builder_metadata/* computeMetadata */.FT)(context, {
            latest: getBoolean("latest", false),
            extra: tags,
            labels: (0,builder_metadata/* parseKeyValues */.Hl)(getInput("labels"), "labels"),
            created: (0,builder_metadata/* createdTime */.wO)(context, env.SOURCE_DATE_EPOCH, new Date()),
        });
        const secrets = (0,builder_secrets/* checkSecretIds */.Py)([
            ...(0,builder_secrets/* parseSecrets */.dC)(getSecret("secrets"), "secrets"),
            ...(0,builder_secrets/* parseSecrets */.dC)(getString("secret-files"), "secret-files"),
        ]);
        // Each value masked on its own, so a one-line secret from a multi-line input is hidden wherever it appears.
        for (const secret of secrets)
            if ("value" in secret && secret.value.trim() !== "")
                setSecret(secret.value);
        // The work's code loads only now, so a step with a bad input fails before paying for it.
        const { buildAndPush, summaryMarkdown } = await __nccwpck_require__.e(/* import() */ 928).then(__nccwpck_require__.bind(__nccwpck_require__, 928));
        const result = await buildAndPush({
            image,
            metadata,
            otherRefs,
            annotations: (0,builder_metadata/* parseKeyValues */.Hl)(getInput("annotations"), "annotations"),
            secrets,
            attestations: {
                sbom: push && getBoolean("sbom", true),
                provenance: push && getBoolean("provenance", true),
                run: runContext(env, metadata.revision),
            },
            context: getString("context", "."),
            file: getString("file") || undefined,
            builder: getChoice("builder", ["auto", ...argv/* BUILDERS */.rV], "auto"),
            platforms: checkPlatforms(getList("platforms")),
            buildArgs: (0,builder_metadata/* parseKeyValues */.Hl)(getInput("build-args"), "build-args"),
            target: getString("target") || undefined,
            cacheFrom: getMultilineInput("cache-from"),
            cacheTo: getMultilineInput("cache-to"),
            push,
            skipExisting: getBoolean("skip-existing", true),
            insecure: getBoolean("insecure", false),
            credentials,
            authFiles: (0,registry_credentials/* authFileCandidates */.bA)(env),
            tempDir: env.RUNNER_TEMP || external_node_os_default().tmpdir(),
            pathVariable: env.PATH ?? "",
            // The builders get the job's environment but not the action's inputs: the password stays in this process.
            env: Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_"))),
        }, actionsLogger);
        const pinned = result.digest ? `${result.image}@${result.digest}` : "";
        setOutput("image", result.image);
        setOutput("tag", result.tag);
        setOutput("tags", JSON.stringify(result.tags));
        setOutput("digest", result.digest);
        setOutput("imageid", result.imageId);
        setOutput("sbom-path", result.attestations.sbomPath);
        setOutput("provenance-path", result.attestations.provenancePath);
        setOutput("image-ref", pinned);
        setOutput("image-tag-ref", result.digest ? `${result.image}:${result.tag}@${result.digest}` : "");
        setOutput("metadata", JSON.stringify({
            tags: result.tags,
            refs: result.refs,
            labels: result.labels,
            annotations: result.annotations,
            digest: result.digest,
            imageid: result.imageId,
            builder: result.builder,
            platforms: result.platforms,
            sbom: result.attestations.sbomDigest || undefined,
            provenance: result.attestations.provenanceDigest || undefined,
        }));
        setOutput("skipped", String(result.skipped));
        if (result.skipped) {
            const added = result.tagsAdded.length > 0 ? `; tags added: ${result.tagsAdded.join(", ")}` : "; no tag added";
            logInfo(`${result.image}:${result.tag}@${result.digest} was already in the registry: not built, not pushed${added}`);
        }
        else if (pinned)
            logInfo(`pushed ${result.image}:${result.tag}@${result.digest}`);
        await writeSummary(summaryMarkdown(result));
    });
}


/***/ }),

/***/ 705:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ daemonlessPush),
/* harmony export */   NH: () => (/* binding */ buildxBuild),
/* harmony export */   au: () => (/* binding */ daemonlessBuild),
/* harmony export */   e6: () => (/* binding */ loginInvocation),
/* harmony export */   qD: () => (/* binding */ reportedDigest),
/* harmony export */   rV: () => (/* binding */ BUILDERS)
/* harmony export */ });
/** The builders this action drives; `auto` picks the first one present in this order. */
const BUILDERS = ["buildx", "buildah", "podman"];
function flagPairs(flag, values) {
    return [...values].flatMap((value) => [flag, value]);
}
function keyValues(values, prefix = "") {
    return Object.entries(values).map(([key, value]) => `${prefix}${key}=${value}`);
}
/** `--secret id=<id>,src=<file>`: the builders read the file; the value is on no command line. */
function secretArgs(secrets) {
    return flagPairs("--secret", secrets.map((secret) => `id=${secret.id},src=${secret.src}`));
}
/**
 * `docker buildx build`. Provenance attestations are off: with them a single-platform image becomes an index
 * with an `unknown/unknown` entry, and the digest people pin no longer names a runnable image.
 */
function buildxBuild(request, files) {
    const args = ["buildx", "build", "--iidfile", files.iidfile, "--metadata-file", files.metadataFile];
    args.push("--provenance=false");
    if (request.file)
        args.push("--file", request.file);
    if (request.target)
        args.push("--target", request.target);
    args.push(...flagPairs("--tag", request.refs));
    args.push(...flagPairs("--label", keyValues(request.labels)));
    // Without a prefix buildx annotates the image manifest; an index of several platforms gets them too.
    const annotationLevel = request.platforms.length > 1 ? "index,manifest:" : "";
    args.push(...flagPairs("--annotation", keyValues(request.annotations, annotationLevel)));
    args.push(...secretArgs(request.secrets));
    // BuildKit stamps the image config with SOURCE_DATE_EPOCH, as --timestamp does for buildah; the user's value wins.
    const buildArgs = { SOURCE_DATE_EPOCH: String(request.timestamp), ...request.buildArgs };
    args.push(...flagPairs("--build-arg", keyValues(buildArgs)));
    if (request.platforms.length > 0)
        args.push("--platform", request.platforms.join(","));
    args.push(...flagPairs("--cache-from", request.cacheFrom));
    args.push(...flagPairs("--cache-to", request.cacheTo));
    // BuildKit does not fall back to plain HTTP by itself; the image exporter takes the flag per push.
    if (request.push && request.insecure)
        args.push("--output", "type=image,push=true,registry.insecure=true");
    else if (request.push)
        args.push("--push");
    // A multi-platform result cannot be loaded into the local engine; without push it stays in the build cache.
    else if (request.platforms.length <= 1)
        args.push("--load");
    args.push(request.context);
    return { command: "docker", args };
}
function storageArgs(files) {
    return ["--storage-driver", "vfs", "--root", files.root, "--runroot", files.runroot];
}
function buildArgsCommon(request, files) {
    // --layers=false (buildah's default, not podman's): with per-step caching podman reuses the first platform's image
    // for the next on FROM scratch, leaving one entry in the index, and on vfs every cached step is a full copy.
    const args = ["--isolation", "chroot", "--layers=false", "--timestamp", String(request.timestamp)];
    if (request.file)
        args.push("--file", request.file);
    if (request.target)
        args.push("--target", request.target);
    args.push(...flagPairs("--label", keyValues(request.labels)));
    args.push(...flagPairs("--annotation", keyValues(request.annotations)));
    args.push(...flagPairs("--build-arg", keyValues(request.buildArgs)));
    args.push(...secretArgs(request.secrets));
    if (request.platforms.length > 1) {
        // Several platforms build into a manifest list named by the primary ref; pushing it pushes every image.
        args.push("--platform", request.platforms.join(","), "--manifest", request.refs[0]);
    }
    else {
        if (request.platforms.length === 1)
            args.push("--platform", request.platforms[0]);
        // buildah refuses an image id file for several platforms; one image has one id, its config digest.
        args.push("--iidfile", files.iidfile);
        args.push(...flagPairs("--tag", request.refs));
    }
    return args;
}
/** `buildah bud` (or `podman build`) into a private vfs store with chroot isolation: no daemon, no overlay, no user namespaces. */
function daemonlessBuild(builder, request, files, options = { authfile: false }) {
    const verb = builder === "buildah" ? "bud" : "build";
    // The login also serves pulling a private base image.
    const auth = options.authfile ? ["--authfile", files.authfile] : [];
    return {
        command: builder,
        args: [...storageArgs(files), verb, ...auth, ...buildArgsCommon(request, files), request.context],
    };
}
/**
 * Pushes one ref. The first push writes `--digestfile`, the digest of the manifest exactly as the registry received it
 * (not the local image id, which differs once the registry compresses layers).
 */
function daemonlessPush(builder, request, files, ref, options) {
    const multi = request.platforms.length > 1;
    const args = [...storageArgs(files)];
    if (multi)
        args.push("manifest", "push", "--all");
    else
        args.push("push");
    if (options.authfile)
        args.push("--authfile", files.authfile);
    if (request.insecure)
        args.push("--tls-verify=false");
    if (options.digestFile)
        args.push("--digestfile", options.digestFile);
    // A manifest list has one local name (the primary ref) and is pushed to every tag from it.
    args.push(multi ? request.refs[0] : ref, `docker://${ref}`);
    return { command: builder, args };
}
/** Registry login with the password on stdin: it never appears in a process listing or an argv log line. */
function loginInvocation(builder, registry, username, password, files, insecure) {
    if (builder === "buildx") {
        return {
            command: "docker",
            args: ["login", "--username", username, "--password-stdin", registry],
            stdin: password,
        };
    }
    const args = [...storageArgs(files), "login", "--authfile", files.authfile];
    if (insecure)
        args.push("--tls-verify=false");
    args.push("--username", username, "--password-stdin", registry);
    return { command: builder, args, stdin: password };
}
/** The digest a builder reported after pushing, from the file it wrote. */
function reportedDigest(builder, content) {
    if (builder === "buildx") {
        try {
            const parsed = JSON.parse(content);
            const digest = parsed["containerimage.digest"];
            return typeof digest === "string" ? digest : "";
        }
        catch {
            return "";
        }
    }
    return content.trim();
}


/***/ }),

/***/ 770:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ resolveImageName),
/* harmony export */   FT: () => (/* binding */ computeMetadata),
/* harmony export */   Hl: () => (/* binding */ parseKeyValues),
/* harmony export */   Lk: () => (/* binding */ taggedRefs),
/* harmony export */   aE: () => (/* binding */ splitTagInputs),
/* harmony export */   r0: () => (/* binding */ isPullRequest),
/* harmony export */   wO: () => (/* binding */ createdTime)
/* harmony export */ });
/* unused harmony exports revisionOf, sanitizeTag, computeTags */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(916);
/* harmony import */ var _image_index_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(243);


const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const SEMVER_TAG_RE = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);
function record(value) {
    return typeof value === "object" && value !== null ? value : {};
}
function text(value) {
    return typeof value === "string" && value !== "" ? value : undefined;
}
function isPullRequest(context) {
    return PULL_REQUEST_EVENTS.has(context.eventName);
}
/**
 * The commit the image is built from. On pull requests GITHUB_SHA is a merge commit that exists nowhere but in
 * that run, so the PR head is the one a reviewer can find again.
 */
function revisionOf(context) {
    if (isPullRequest(context)) {
        const head = text(record(record(context.payload.pull_request).head).sha);
        if (head)
            return head;
    }
    if (!/^[0-9a-f]{40}$/.test(context.sha)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`GITHUB_SHA is ${JSON.stringify(context.sha)}, not a 40-character commit id`, {
            hint: "Run the action inside a GitHub Actions job, or set GITHUB_SHA to the commit being built.",
        });
    }
    return context.sha;
}
/** A git ref name made into a valid tag: anything a tag cannot hold becomes '-', and it may not start with '.' or '-'. */
function sanitizeTag(name) {
    const cleaned = name
        .replace(/[^A-Za-z0-9_.-]+/g, "-")
        .replace(/^[.-]+/, "")
        .slice(0, 128)
        .replace(/-+$/, "");
    return cleaned;
}
function pullRequestNumber(context) {
    const number = context.payload.number ?? record(context.payload.pull_request).number;
    if (typeof number === "number")
        return number;
    const match = /^refs\/pull\/(\d+)\//.exec(context.ref);
    return match ? Number(match[1]) : undefined;
}
function defaultBranch(context) {
    return text(record(context.payload.repository).default_branch);
}
/** The tags a run produces, primary first. */
function computeTags(context, options) {
    const primary = `sha-${revisionOf(context).slice(0, 7)}`;
    const tags = [primary];
    if (isPullRequest(context)) {
        const number = pullRequestNumber(context);
        if (number !== undefined)
            tags.push(`pr-${number}`);
    }
    else if (context.ref.startsWith("refs/heads/")) {
        const branch = context.ref.slice("refs/heads/".length);
        const tag = sanitizeTag(branch);
        if (tag)
            tags.push(tag);
        if (options.latest && branch === defaultBranch(context))
            tags.push("latest");
    }
    else if (context.ref.startsWith("refs/tags/")) {
        const name = context.ref.slice("refs/tags/".length);
        const semver = SEMVER_TAG_RE.exec(name);
        if (semver) {
            const [, major, minor, patch, prerelease] = semver;
            tags.push(`${major}.${minor}.${patch}${prerelease ?? ""}`);
            // A pre-release must not move the X.Y tag that people pin to get fixes.
            if (!prerelease)
                tags.push(`${major}.${minor}`);
        }
        else {
            const tag = sanitizeTag(name);
            if (tag)
                tags.push(tag);
        }
    }
    for (const extra of options.extra) {
        if (!TAG_RE.test(extra)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`input 'tags': ${JSON.stringify(extra)} is not a valid image tag`, {
                hint: "A tag is 1–128 letters, digits, '_', '.' and '-', not starting with '.' or '-'; write tags without the image name.",
            });
        }
        tags.push(extra);
    }
    return { primary, tags: [...new Set(tags)] };
}
/** The version a person would name this build by: the release, the branch, the PR, else the short commit. */
function versionLabel(context, tags) {
    if (context.ref.startsWith("refs/tags/") ||
        context.ref.startsWith("refs/heads/") ||
        isPullRequest(context)) {
        return tags[1] ?? tags[0];
    }
    return tags[0];
}
/**
 * The build time: SOURCE_DATE_EPOCH when the workflow sets one, else the pushed commit's time, else now. Tying it
 * to the commit makes rebuilding the same commit give the same digest when the Dockerfile itself is reproducible.
 */
function createdTime(context, sourceDateEpoch, now) {
    if (sourceDateEpoch !== undefined && sourceDateEpoch !== "") {
        if (!/^\d+$/.test(sourceDateEpoch)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`SOURCE_DATE_EPOCH is ${JSON.stringify(sourceDateEpoch)}, not a number of seconds`, {
                hint: "Set it to a Unix time, e.g. $(git log -1 --format=%ct).",
            });
        }
        return Number(sourceDateEpoch);
    }
    const commitTime = text(record(context.payload.head_commit).timestamp);
    if (commitTime && !isPullRequest(context)) {
        const millis = Date.parse(commitTime);
        if (!Number.isNaN(millis))
            return Math.floor(millis / 1000);
    }
    return Math.floor(now.getTime() / 1000);
}
/** `key=value` lines (values may hold commas and '='), as build-args and labels are written. */
function parseKeyValues(raw, input) {
    const result = {};
    raw.split(/\r?\n/).forEach((line, index) => {
        const entry = line.trim();
        if (entry === "" || entry.startsWith("#"))
            return;
        const eq = entry.indexOf("=");
        if (eq <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`input '${input}' line ${index + 1}: ${JSON.stringify(entry)} is not key=value`, {
                hint: `Write one KEY=value per line in '${input}'.`,
            });
        }
        result[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
    });
    return result;
}
function computeMetadata(context, options) {
    const { primary, tags } = computeTags(context, options);
    const revision = revisionOf(context);
    const repositoryName = context.repository.split("/").pop() ?? context.repository;
    const labels = {
        "org.opencontainers.image.source": `${context.serverUrl.replace(/\/+$/, "")}/${context.repository}`,
        "org.opencontainers.image.revision": revision,
        "org.opencontainers.image.created": new Date(options.created * 1000).toISOString(),
        "org.opencontainers.image.version": versionLabel(context, tags),
        "org.opencontainers.image.title": repositoryName,
        ...options.labels,
    };
    return { primary, tags, labels, revision, created: options.created };
}
/**
 * The `image` input as a name without tag or digest. Uppercase (as `github.repository` often has) is lowercased
 * rather than refused, and the caller is told so it can say so.
 */
function resolveImageName(input) {
    const trimmed = input.trim();
    if (trimmed === "") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y("input 'image' is required", {
            hint: "Name the image without a tag, e.g. ghcr.io/acme/web.",
        });
    }
    const lower = trimmed.toLowerCase();
    const ref = (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageRef */ .Q)(lower);
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`input 'image' must be a name without tag or digest, got ${JSON.stringify(trimmed)}`, {
            hint: `Use image: ${(0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .imageName */ .tO)(ref)} and put extra tags in 'tags'.`,
        });
    }
    return { ref, lowercased: lower !== trimmed };
}
/** `name:tag` for every tag. */
function taggedRefs(image, tags) {
    return tags.map((tag) => (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatImageRef */ .kL)({ ...image, tag, digest: undefined }));
}
/**
 * Reads `tags` entries as docker/metadata-action writes them (full `name:tag` references) or as bare tags. A full
 * reference to `image` (however spelled: docker.io/library/x, index.docker.io) adds its tag; one naming another
 * repository or registry is pushed there too, as docker/build-push-action does.
 */
function splitTagInputs(image, entries) {
    const tags = [];
    const otherRefs = [];
    for (const entry of entries) {
        if (!/[/:@]/.test(entry)) {
            tags.push(entry);
            continue;
        }
        let ref;
        try {
            ref = (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageRef */ .Q)(entry.toLowerCase());
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`input 'tags': ${JSON.stringify(entry)} is neither a tag nor an image reference`, {
                hint: `Give tags (1.2.3) or full references (ghcr.io/acme/web:1.2.3), one per line. ${error.hint ?? ""}`.trim(),
                cause: error,
            });
        }
        if (ref.digest !== undefined || ref.tag === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`input 'tags': ${JSON.stringify(entry)} must name a tag${ref.digest ? ", not a digest" : ""}`, {
                hint: "Write name:tag, e.g. ghcr.io/acme/web:1.2.3; the digest is what the action outputs.",
            });
        }
        if ((0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizedName */ .j8)(ref) === (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizedName */ .j8)(image))
            tags.push(ref.tag);
        else
            otherRefs.push((0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatImageRef */ .kL)(ref));
    }
    return { tags, otherRefs: [...new Set(otherRefs)] };
}


/***/ }),

/***/ 566:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Py: () => (/* binding */ checkSecretIds),
/* harmony export */   dC: () => (/* binding */ parseSecrets),
/* harmony export */   f2: () => (/* binding */ materializeSecrets)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(916);



const ID_RE = /^[A-Za-z0-9_.-]{1,128}$/;
/**
 * `id=value` lines (`secrets`) or `id=path` lines (`secret-files`), as docker/build-push-action writes them. The value
 * is everything after the first '=', untrimmed inside, so a token keeps every character; blank lines are skipped.
 */
function parseSecrets(raw, input) {
    const secrets = [];
    raw.split(/\r?\n/).forEach((line, index) => {
        if (line.trim() === "")
            return;
        const eq = line.indexOf("=");
        const id = eq > 0 ? line.slice(0, eq).trim() : "";
        if (!ID_RE.test(id)) {
            // The line may be a secret pasted without its id: never repeat it.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`input '${input}' line ${index + 1} does not start with an id and '='`, {
                hint: `Write one ${input === "secrets" ? "id=value" : "id=path"} per line; an id is letters, digits, '_', '.' and '-'.`,
            });
        }
        const rest = line.slice(eq + 1);
        secrets.push(input === "secrets" ? { id, value: rest } : { id, file: rest.trim() });
    });
    return secrets;
}
/** Refuses the same id twice across `secrets` and `secret-files`: the builder would silently use one of them. */
function checkSecretIds(secrets) {
    const seen = new Set();
    for (const secret of secrets) {
        if (seen.has(secret.id)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`build secret id ${JSON.stringify(secret.id)} is given twice`, {
                hint: "Give each id once, in 'secrets' or in 'secret-files'.",
            });
        }
        seen.add(secret.id);
    }
    return secrets;
}
/**
 * Writes each value secret to its own 0600 file in `dir` (0700, inside the step's run directory that is removed at the
 * end, also on failure), checks each secret file exists, and returns the mounts for the builder.
 */
async function materializeSecrets(secrets, dir) {
    if (secrets.length === 0)
        return [];
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true, mode: 0o700 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(dir, 0o700);
    const mounts = [];
    for (const [index, secret] of secrets.entries()) {
        if ("value" in secret) {
            const src = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `secret-${index}`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(src, secret.value, { mode: 0o600, flag: "wx" });
            mounts.push({ id: secret.id, src });
        }
        else {
            const src = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(secret.file);
            if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(src).catch(() => undefined))?.isFile()) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`input 'secret-files': the file for id ${JSON.stringify(secret.id)} is not there: ${secret.file}`, {
                    file: secret.file,
                    hint: "Write the file in an earlier step; the path is relative to the workspace.",
                });
            }
            mounts.push({ id: secret.id, src });
        }
    }
    return mounts;
}


/***/ }),

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ isUserError),
/* harmony export */   y: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * The one error type for mistakes a user can fix: bad input, bad files, missing permissions.
 * Entries print `message` (and `hint`) without a stack; anything else is a bug and keeps its stack.
 */
class UserError extends Error {
    location;
    hint;
    constructor(message, options = {}) {
        const { hint, cause, ...location } = options;
        super(message, cause === undefined ? undefined : { cause });
        this.name = "UserError";
        this.location = location;
        this.hint = hint;
    }
    /** `file:line:column: message` then the hint on its own line, the shape editors and CI logs link. */
    format() {
        const { file, line, column } = this.location;
        let where = "";
        if (file)
            where = `${file}${line ? `:${line}${column ? `:${column}` : ""}` : ""}: `;
        return `${where}${this.message}${this.hint ? `\n  ${this.hint}` : ""}`;
    }
}
function isUserError(error) {
    return error instanceof UserError;
}


/***/ }),

/***/ 243:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  sx: () => (/* reexport */ DEFAULT_REGISTRY),
  kL: () => (/* reexport */ formatImageRef),
  tO: () => (/* reexport */ imageName),
  j8: () => (/* reexport */ normalizedName),
  x5: () => (/* reexport */ normalizedRegistry),
  Q: () => (/* reexport */ parseImageRef)
});

// UNUSED EXPORTS: isValidDigest, isValidTag, sameImage, versionOf, withVersionText

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
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
function normalizedName(ref) {
    const registry = normalizedRegistry(ref);
    const repository = registry === DEFAULT_REGISTRY && !ref.repository.includes("/")
        ? `library/${ref.repository}`
        : ref.repository;
    return `${registry}/${repository}`;
}
/** The name as written: registry (if any) and repository, without tag or digest. */
function imageName(ref) {
    return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}
function formatImageRef(ref) {
    return `${imageName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ""}${ref.digest !== undefined ? `@${ref.digest}` : ""}`;
}
/** True when both references name the same repository, whatever their tags, digests or spelling. */
function sameImage(a, b) {
    const left = typeof a === "string" ? parseImageRef(a) : a;
    const right = typeof b === "string" ? parseImageRef(b) : b;
    return normalizedName(left) === normalizedName(right);
}
/** The part of a reference that says which version runs: `tag`, `@digest` or `tag@digest`. */
function versionOf(ref) {
    return `${ref.tag ?? ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
/** The reference spelled by a name and a `versionOf()` string (`1.2`, `@sha256:…`, `1.2@sha256:…`). */
function withVersionText(name, version) {
    return `${name}${version.startsWith("@") ? "" : ":"}${version}`;
}

;// CONCATENATED MODULE: ./src/image/index.ts



/***/ }),

/***/ 966:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _actions_build_push_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(356);

await (0,_actions_build_push_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 653:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bA: () => (/* binding */ authFileCandidates),
/* harmony export */   e8: () => (/* binding */ loadStoredCredentials)
/* harmony export */ });
/* unused harmony export findStoredCredentials */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Where buildah/podman and docker read logins from, in their order: containers' auth.json first, then Docker's
 * config.json. A login step before this action (docker/login-action, podman login) writes one of these.
 */
function authFileCandidates(env) {
    const candidates = [];
    if (env.REGISTRY_AUTH_FILE)
        candidates.push(env.REGISTRY_AUTH_FILE);
    if (env.XDG_RUNTIME_DIR)
        candidates.push(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(env.XDG_RUNTIME_DIR, "containers", "auth.json"));
    if (env.DOCKER_CONFIG)
        candidates.push(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(env.DOCKER_CONFIG, "config.json"));
    else if (env.HOME)
        candidates.push(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(env.HOME, ".docker", "config.json"));
    return candidates;
}
const DOCKER_HUB_KEYS = [
    "https://index.docker.io/v1/",
    "index.docker.io",
    "docker.io",
    "registry-1.docker.io",
];
/** The `auths` entry for a registry in an auth.json / config.json, keyed by host or by URL. */
function findStoredCredentials(content, registry) {
    let auths;
    try {
        auths = JSON.parse(content).auths ?? {};
    }
    catch {
        return undefined;
    }
    const wanted = registry === "docker.io" ? DOCKER_HUB_KEYS : [registry];
    for (const [key, entry] of Object.entries(auths)) {
        const host = key.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
        if (!wanted.includes(key) && !wanted.includes(host))
            continue;
        if (!entry?.auth)
            continue;
        const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        if (colon <= 0)
            continue;
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    return undefined;
}
/** The first stored login for `registry` among the candidate files; missing or unreadable files are skipped. */
async function loadStoredCredentials(files, registry) {
    for (const file of files) {
        const content = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, "utf8").catch(() => undefined);
        if (content === undefined)
            continue;
        const found = findStoredCredentials(content, registry);
        if (found)
            return found;
    }
    return undefined;
}


/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 75:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(966);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
