import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5158:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/environments/file.ts
var file = __nccwpck_require__(1214);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/github/refs.ts

/**
 * Why `name` cannot be a branch, by git's ref-name rules (`git check-ref-format --branch`), or undefined when it
 * can. Checked before any request: a name git refuses otherwise surfaces as a confusing refusal far into a run.
 */
function branchNameProblem(name) {
    if (name === "")
        return "it is empty";
    if (name === "@")
        return "`@` alone means HEAD";
    if (name === "HEAD")
        return "HEAD names the checked-out commit, not a branch";
    if (name.startsWith("-"))
        return "it starts with `-`, which git would read as an option";
    const bad = /[\u0000-\u0020\u007f~^:?*[\\]/.exec(name);
    if (bad) {
        const shown = bad[0] === " "
            ? "a space"
            : /[\u0000-\u001f\u007f]/.test(bad[0])
                ? "a control character"
                : `\`${bad[0]}\``;
        return `it contains ${shown}`;
    }
    if (name.includes(".."))
        return "it contains `..`";
    if (name.includes("@{"))
        return "it contains `@{`";
    if (name.startsWith("/") || name.endsWith("/"))
        return "it starts or ends with `/`";
    if (name.includes("//"))
        return "it contains `//`";
    if (name.endsWith("."))
        return "it ends with `.`";
    for (const part of name.split("/")) {
        if (part.startsWith("."))
            return `its part ${JSON.stringify(part)} starts with \`.\``;
        if (part.endsWith(".lock"))
            return `its part ${JSON.stringify(part)} ends with \`.lock\``;
    }
    return undefined;
}
/** Throws a UserError naming the input when `name` is not a valid branch name. */
function checkBranchName(name, input) {
    const problem = branchNameProblem(name);
    if (problem === undefined)
        return;
    throw new errors/* UserError */.y(`input '${input}' is not a valid branch name: ${JSON.stringify(name)} (${problem})`, {
        hint: "Branch names follow git's rules (git check-ref-format): no spaces, `~ ^ : ? * [ \\`, `..`, `@{` or control characters; no part starting with `.` or ending with `.lock`; e.g. gitops/staging/web.",
    });
}

// EXTERNAL MODULE: ./src/github/settings.ts
var settings = __nccwpck_require__(9518);
// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __nccwpck_require__(4243);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/texts/pull-request.ts
var pull_request = __nccwpck_require__(1885);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/actions/workflow.ts



const escapeData = (text) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
const commandValue = (value) => value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== "" && value !== 0)
        .map(([key, value]) => `${key}=${escapeProperty(commandValue(value))}`)
        .join(",");
    process.stdout.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
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
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issue("set-output", text, { name });
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    // A value holding the delimiter could end the block early and set outputs of its own choosing.
    if (name.includes(delimiter) || text.includes(delimiter))
        throw new Error("output value contains its delimiter");
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, "utf8");
}
function setSecret(secret) {
    issue("add-mask", secret);
}
const isDebug = () => process.env.RUNNER_DEBUG === "1";
function info(message) {
    process.stdout.write(`${message}${external_node_os_namespaceObject.EOL}`);
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
    (0,external_node_fs_.appendFileSync)(file, markdown, "utf8");
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

;// CONCATENATED MODULE: ./src/actions/pull-request-inputs.ts







function isInside(root, target) {
    const rel = (0,external_node_path_.relative)(root, target);
    return rel === "" || (rel !== ".." && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * A text file from the workspace, for `body-path`: the path (and every symlink on it) must stay inside the
 * workspace, the file must be a regular UTF-8 file no larger than a pull request body can be.
 */
async function readWorkspaceFile(path, workspace, input) {
    const root = await (0,promises_.realpath)(workspace);
    const asked = (0,external_node_path_.resolve)(root, path);
    const outside = () => new errors/* UserError */.y(`input '${input}' names ${JSON.stringify(path)}, which is outside the workspace`, {
        hint: "The file must be inside GITHUB_WORKSPACE, and no symlink on the way may lead out of it.",
    });
    if (!isInside(root, asked))
        throw outside();
    const real = await (0,promises_.realpath)(asked).catch((error) => {
        throw new errors/* UserError */.y(`input '${input}' names ${JSON.stringify(path)}, which cannot be read (${error.code})`, {
            hint: "Give a path relative to the workspace (GITHUB_WORKSPACE) of a file an earlier step wrote.",
        });
    });
    if (!isInside(root, real))
        throw outside();
    // O_NOFOLLOW on the resolved path: nothing can swap a link in between the check and the read.
    const handle = await (0,promises_.open)(real, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    try {
        const stats = await handle.stat();
        if (!stats.isFile()) {
            throw new errors/* UserError */.y(`input '${input}' names ${JSON.stringify(path)}, which is not a regular file`);
        }
        if (stats.size > pull_request/* MAX_PULL_REQUEST_BODY */.Ok * 4) {
            throw new errors/* UserError */.y(`input '${input}' names ${JSON.stringify(path)}, ${stats.size} bytes; a pull request body holds at most ${pull_request/* MAX_PULL_REQUEST_BODY */.Ok} characters`, { hint: "Shorten the file, or link to the full text from it." });
        }
        const bytes = await handle.readFile();
        try {
            return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        }
        catch {
            throw new errors/* UserError */.y(`input '${input}' names ${JSON.stringify(path)}, which is not UTF-8 text`);
        }
    }
    finally {
        await handle.close();
    }
}
function identityInput(name) {
    const text = getString(name).trim();
    return text ? (0,pull_request/* parseIdentity */.aZ)(text, name) : undefined;
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
    const input = getString("request-timeout").trim();
    if (input)
        return (0,settings/* parseRequestTimeout */.wZ)(input, "input 'request-timeout'");
    return (0,settings/* parseRequestTimeout */.wZ)(env.GITOPS_PIPELINE_REQUEST_TIMEOUT ?? "", "GITOPS_PIPELINE_REQUEST_TIMEOUT");
}

;// CONCATENATED MODULE: ./src/actions/update-manifest-tag.ts








/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
function run() {
    return runAction(async () => {
        const env = process.env;
        const token = getSecret("token");
        const images = getList("images").map((text) => (0,src_image/* parseImageRef */.Q)(text));
        if (images.length === 0)
            throw new errors/* UserError */.y("input 'images' is empty", {
                hint: "List one image reference per line, e.g. ghcr.io/acme/web:1.4.2.",
            });
        const environment = getString("environment").trim() || undefined;
        const paths = getList("paths");
        if (Boolean(environment) === paths.length > 0) {
            throw new errors/* UserError */.y("give exactly one of the inputs 'environment' and 'paths'", {
                hint: "environment names an entry of gitops-pipeline.yaml; paths lists files, directories or globs.",
            });
        }
        const repositoryInput = getString("repository").trim() || env.GITHUB_REPOSITORY || "";
        const mode = getString("mode").trim();
        if (mode && mode !== "commit" && mode !== "pull-request") {
            throw new errors/* UserError */.y(`input 'mode' must be commit or pull-request, got ${JSON.stringify(mode)}`);
        }
        const workingDirectory = getString("working-directory").trim();
        const branch = getString("branch").trim();
        if (branch)
            checkBranchName(branch, "branch");
        const base = getString("base").trim();
        if (base)
            checkBranchName(base, "base");
        const timeoutMs = requestTimeoutMs(env);
        const extras = await pullRequestInputs(env, (message) => warning(message));
        if (!workingDirectory && !extras.signoff && (extras.author || extras.committer)) {
            warning("'author' and 'committer' set the commit's identity in working-directory mode only; through the API the commit is by the token's account (with signoff: true they name the Signed-off-by trailer)");
        }
        const autoMerge = getChoice("auto-merge", ["false", "merge", "squash", "rebase"], "false");
        const request = {
            images,
            environment,
            paths,
            repository: repositoryInput || !workingDirectory ? (0,settings/* parseRepository */.SU)(repositoryInput) : undefined,
            base: base || undefined,
            config: getString("config").trim() || file/* CONFIG_FILE */.g,
            mode: (mode || undefined),
            branch: branch || undefined,
            title: getString("title").trim() || undefined,
            commitMessage: getString("commit-message").trim() || undefined,
            labels: getList("labels"),
            reviewers: getList("reviewers"),
            teamReviewers: getList("team-reviewers"),
            draft: getBoolean("draft", false),
            autoMerge: autoMerge === "false" ? false : autoMerge,
            allowMissing: getBoolean("allow-missing", false),
            dryRun: getBoolean("dry-run", false),
            runUrl: env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
                ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
                : undefined,
            ...extras,
        };
        if (!token && !workingDirectory) {
            throw new errors/* UserError */.y("input 'token' is empty", {
                hint: "Leave it at its default (github.token) or pass a secret.",
            });
        }
        // The work's code loads only now, so a step with a bad input fails before paying for it.
        const { updateInWorkingDirectory, updateThroughGitHub, outputsOf, summaryOf, createGitHubClients, changeLine, unifiedDiff, } = await Promise.all(/* import() */[__nccwpck_require__.e(840), __nccwpck_require__.e(28)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2028));
        const clients = token
            ? createGitHubClients({
                token,
                baseUrl: env.GITHUB_API_URL,
                graphqlUrl: env.GITHUB_GRAPHQL_URL,
                logger: actionsLogger,
                requestTimeoutMs: timeoutMs,
            })
            : undefined;
        let outcome;
        if (workingDirectory) {
            outcome = await updateInWorkingDirectory(request, workingDirectory, {
                logger: actionsLogger,
                serverUrl: env.GITHUB_SERVER_URL,
                clients,
            });
        }
        else {
            const result = await updateThroughGitHub(request, clients, actionsLogger);
            outcome = {
                ...result,
                repository: result.repository,
                dryRun: request.dryRun,
            };
            logInfo(`${result.requests} GitHub API request(s)`);
        }
        if (request.dryRun && outcome.plan.files.length > 0)
            logInfo(unifiedDiff(outcome.plan.files));
        for (const change of outcome.plan.changes) {
            logInfo(changeLine(change));
        }
        logInfo(`operation: ${outcome.operation}${outcome.pullRequest ? ` (${outcome.pullRequest.url})` : ""}`);
        for (const [name, value] of Object.entries(outputsOf(outcome)))
            setOutput(name, value);
        await writeSummary(summaryOf(outcome));
    });
}


/***/ }),

/***/ 1214:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ CONFIG_FILE)
/* harmony export */ });
/** The environments file, at the root of the config repository unless an input or option names another. */
const CONFIG_FILE = "gitops-pipeline.yaml";


/***/ }),

/***/ 3916:
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

/***/ 9518:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qm: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_S),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   TU: () => (/* binding */ DEFAULT_RETRIES),
/* harmony export */   wZ: () => (/* binding */ parseRequestTimeout)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${source} must be a number of seconds between 0 and 600, got ${JSON.stringify(text)}`, {
            hint: `Give the time one GitHub API request may take, e.g. ${DEFAULT_REQUEST_TIMEOUT_S}; failed requests are retried ${DEFAULT_RETRIES} times.`,
        });
    }
    return Math.round(seconds * 1000);
}
/** `owner/name` split and checked, so a typo fails before any request. */
function parseRepository(value) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`repository must be written owner/name, got ${JSON.stringify(value)}`, {
            hint: "Set the repository input to the config repository, e.g. acme/deploy.",
        });
    }
    return { owner: match[1], repo: match[2] };
}


/***/ }),

/***/ 4243:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  kL: () => (/* reexport */ formatImageRef),
  tO: () => (/* reexport */ imageName),
  fH: () => (/* reexport */ isValidDigest),
  r_: () => (/* reexport */ isValidTag),
  j8: () => (/* reexport */ normalizedName),
  Q: () => (/* reexport */ parseImageRef),
  E4: () => (/* reexport */ versionOf)
});

// UNUSED EXPORTS: DEFAULT_REGISTRY, normalizedRegistry, sameImage, withVersionText

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
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

/***/ 585:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _actions_update_manifest_tag_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5158);

await (0,_actions_update_manifest_tag_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1885:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hg: () => (/* binding */ changeTable),
/* harmony export */   NF: () => (/* binding */ pullRequestBody),
/* harmony export */   Ok: () => (/* binding */ MAX_PULL_REQUEST_BODY),
/* harmony export */   QL: () => (/* binding */ defaultTitle),
/* harmony export */   aZ: () => (/* binding */ parseIdentity),
/* harmony export */   af: () => (/* binding */ withUserBody),
/* harmony export */   "do": () => (/* binding */ withSignoff),
/* harmony export */   gZ: () => (/* binding */ formatIdentity),
/* harmony export */   wh: () => (/* binding */ headBranchName)
/* harmony export */ });
/* unused harmony exports PR_MARKER, sanitizeRefPart */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _image_index_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4243);



/** Marks pull requests this project opened, so people and tools can tell them apart. */
const PR_MARKER = "<!-- gitops-pipeline:update-manifest-tag -->";
function shortHash(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(text).digest("hex").slice(0, 8);
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
    const names = [...new Set(images.map(_image_index_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizedName */ .j8))].sort();
    const first = images.find((image) => (0,_image_index_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizedName */ .j8)(image) === names[0]);
    const firstPart = sanitizeRefPart(first ? first.repository : "images").slice(0, 60);
    const imagePart = names.length <= 1
        ? firstPart
        : `${firstPart}-and-${names.length - 1}-more-${shortHash(names.join("\n"))}`;
    return `gitops/${scopePart}/${imagePart}`;
}
function targetOf(images) {
    if (images.length === 1)
        return `${(0,_image_index_js__WEBPACK_IMPORTED_MODULE_2__/* .imageName */ .tO)(images[0])} to ${(0,_image_index_js__WEBPACK_IMPORTED_MODULE_2__/* .versionOf */ .E4)(images[0])}`;
    return `${images.length} images`;
}
/** Default commit headline and pull request title. */
function defaultTitle(images, scope) {
    return `Update ${targetOf(images)}${scope.environment ? ` in ${scope.environment}` : ""}`;
}
/** Markdown-safe table cell. */
function cell(text) {
    return String(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function code(text) {
    return text === "" ? "" : `\`${text.replace(/`/g, "'")}\``;
}
/** The change table every report uses: file:line, image, from → to; links to the file when a URL base is given. */
function changeTable(changes, fileUrl) {
    const rows = changes.map((change) => {
        const where = `${change.file}:${change.line}`;
        const file = fileUrl ? `[${cell(where)}](${fileUrl(change.file, change.line)})` : cell(where);
        return `| ${file} | ${code(cell(change.image))} | ${code(cell(change.from))} | ${code(cell(change.to))} |`;
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
function parseIdentity(text, input) {
    const match = /^([^<>\n\r\0]*?)\s*<([^<>\s@]+@[^<>\s@]+)>$/.exec(text.trim());
    const name = match?.[1]?.trim() ?? "";
    if (!match || name === "" || /[\u0000-\u001f\u007f]/.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`input '${input}' must be written \`Display Name <email@address>\`, got ${JSON.stringify(text)}`, {
            hint: "e.g. github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>",
        });
    }
    return { name, email: match[2] };
}
function formatIdentity(identity) {
    return `${identity.name} <${identity.email}>`;
}
/** The commit message body with a Signed-off-by trailer, in the trailer block git would put it in. */
function withSignoff(body, identity) {
    const trailer = `Signed-off-by: ${formatIdentity(identity)}`;
    if (body.split(/\r?\n/).includes(trailer))
        return body;
    return body.trim() === "" ? trailer : `${body.trimEnd()}\n\n${trailer}`;
}
/** GitHub refuses a pull request body longer than this many characters. */
const MAX_PULL_REQUEST_BODY = 65_536;
/** The generated body with the user's text under it, refused before any write when GitHub would refuse it. */
function withUserBody(generated, user) {
    const body = user?.trim() ? `${generated}\n\n${user.trim()}\n` : generated;
    if (body.length > MAX_PULL_REQUEST_BODY) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`the pull request body would be ${body.length} characters; GitHub accepts at most ${MAX_PULL_REQUEST_BODY}`, { hint: "Shorten the text given as `body` or `body-path`; nothing was written." });
    }
    return body;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
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
/******/ var __webpack_exports__ = __nccwpck_require__(585);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
