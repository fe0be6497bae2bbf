import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 921:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/validate/object-id.ts
/** A full git object id: 40 hex digits (SHA-1) or 64 (SHA-256). */
const isObjectId = (value) => typeof value === "string" && /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(value);

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
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
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${text}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, "utf8");
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
    const value = core.getInput(name);
    if (value)
        core.setSecret(value);
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

;// CONCATENATED MODULE: ./src/actions/validate-manifests.ts







const readText = (file) => {
    try {
        return (0,external_node_fs_.readFileSync)(file, "utf8");
    }
    catch {
        return undefined;
    }
};
/**
 * Base and head of the pull request this run is for, from the event payload; undefined for other events. Only full
 * object ids are used: anything else (an option-like `--output=…`, a ref name) is reported as invalid, and the
 * caller checks everything, which never checks less than a correct range would.
 */
function pullRequestRange() {
    const eventPath = process.env.GITHUB_EVENT_PATH;
    if (!eventPath)
        return undefined;
    const text = readText(eventPath);
    if (!text)
        return undefined;
    let event;
    try {
        event = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const pr = event?.pull_request;
    if (!pr)
        return undefined;
    const base = pr.base?.sha;
    const head = pr.head?.sha;
    if (base === undefined && head === undefined)
        return undefined;
    for (const [name, value] of [
        ["base", base],
        ["head", head],
    ]) {
        if (!isObjectId(value)) {
            const shown = JSON.stringify(typeof value === "string" ? value.slice(0, 80) : (value ?? null));
            return { invalid: `pull_request.${name}.sha of the event is not a commit id (${shown})` };
        }
    }
    return { base: base, head: head };
}
/** This repository's clone URL as the runner names it, so Argo CD sources pointing here are recognised. */
function repositoryUrlsOfRun() {
    const server = process.env.GITHUB_SERVER_URL;
    const repository = process.env.GITHUB_REPOSITORY;
    const urls = getList("repository-url");
    if (server && repository && /^[\w.-]+\/[\w.-]+$/.test(repository))
        urls.push(`${server.replace(/\/+$/, "")}/${repository}`);
    return urls;
}
/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
function run() {
    return runAction(async () => {
        const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
        const failOn = getChoice("fail-on", ["error", "warning", "never"], "error");
        const pr = pullRequestRange();
        const changedOnly = getBoolean("changed-only", pr !== undefined);
        const options = {
            paths: getList("paths"),
            kubernetesVersion: getString("kubernetes-version") || undefined,
            strict: getString("strict") === "" ? undefined : getBoolean("strict", false),
            render: getChoice("render", ["auto", "never"], "auto"),
            configFile: getString("config") || undefined,
            crds: getList("crds"),
        };
        const withAnnotations = getBoolean("annotations", true);
        // The work's code loads only now, so a step with a bad input fails before paying for it.
        const { annotated, formatReport, resourceName, toJson, toMarkdown, changedFilesFromGit, writeInsideWorkspace, failed, productionNote, runValidation, } = await Promise.all(/* import() */[__nccwpck_require__.e(690), __nccwpck_require__.e(955)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6955));
        let changedFiles;
        if (changedOnly) {
            if (!pr) {
                logInfo("changed-only applies to pull_request events; this is not one, so everything is checked");
            }
            else if ("invalid" in pr) {
                warning(`${pr.invalid}; checking everything.`);
            }
            else {
                changedFiles = await changedFilesFromGit(cwd, pr.base, pr.head);
                if (changedFiles === undefined) {
                    warning(`cannot diff ${pr.base.slice(0, 12)}...${pr.head.slice(0, 12)} (shallow clone?); checking everything. Use actions/checkout with fetch-depth: 0 to check only what the pull request changes.`);
                }
                else
                    logInfo(`changed-only: ${changedFiles.length} changed file(s)`);
            }
        }
        const report = await runValidation({
            cwd,
            root: cwd,
            ...options,
            changedFiles,
            repositoryUrls: repositoryUrlsOfRun(),
        }, readText);
        const note = productionNote(report.productionEnvironments);
        if (note)
            logInfo(note);
        const { shown, hidden } = withAnnotations ? annotated(report.findings) : { shown: [], hidden: 0 };
        for (const f of shown) {
            const properties = { file: f.file, startLine: f.line, startColumn: f.column, title: f.rule };
            const message = resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message;
            if (f.severity === "error")
                error(message, properties);
            else
                warning(message, properties);
        }
        logInfo(formatReport(report, "text").trimEnd());
        // Outside a runner, a private directory: a fixed name in a shared /tmp could be a link someone else planted.
        const outDir = process.env.RUNNER_TEMP || (0,external_node_fs_.mkdtempSync)(external_node_path_default().join((0,external_node_os_.tmpdir)(), "validate-manifests-"));
        const reportFile = external_node_path_default().join(outDir, "validate-manifests.json");
        (0,external_node_fs_.writeFileSync)(reportFile, `${JSON.stringify(toJson(report), null, 2)}\n`);
        const sarifInput = getString("sarif-file");
        const sarif = formatReport(report, "sarif");
        let sarifFile;
        if (sarifInput) {
            const roots = process.env.RUNNER_TEMP ? [cwd, process.env.RUNNER_TEMP] : [cwd];
            sarifFile = writeInsideWorkspace(roots, sarifInput, sarif, (message, hint) => new errors/* UserError */.y(`sarif-file: ${message}`, { hint }));
        }
        else {
            sarifFile = external_node_path_default().join(outDir, "validate-manifests.sarif");
            (0,external_node_fs_.writeFileSync)(sarifFile, sarif);
        }
        // Runners without job summaries (act, other CI systems) still get the log and the report files.
        await writeSummary(toMarkdown(report, { hiddenAnnotations: hidden }));
        setOutput("errors", report.summary.errors);
        setOutput("warnings", report.summary.warnings);
        setOutput("files", report.summary.files);
        setOutput("resources", report.summary.resources);
        setOutput("report-file", reportFile);
        setOutput("sarif-file", sarifFile);
        if (failed(report, failOn)) {
            const { errors, warnings } = report.summary;
            setFailed(`validate-manifests: ${errors} error(s), ${warnings} warning(s) (fail-on: ${failOn}); see the job summary`);
        }
    });
}


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

/***/ 2588:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _actions_validate_manifests_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(921);

await (0,_actions_validate_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

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

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

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
/******/ var __webpack_exports__ = __nccwpck_require__(2588);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
