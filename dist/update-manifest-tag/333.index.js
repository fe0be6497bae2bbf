export const id = 333;
export const ids = [333];
export const modules = {

/***/ 3333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  changeLine: () => (/* reexport */ changeLine),
  createGitHubClients: () => (/* reexport */ createGitHubClients),
  openPullRequestNumbers: () => (/* reexport */ openPullRequestNumbers),
  outputsOf: () => (/* reexport */ outputsOf),
  previewLines: () => (/* reexport */ previewLines),
  previewSummary: () => (/* reexport */ previewSummary),
  previewThroughGitHub: () => (/* reexport */ previewThroughGitHub),
  summaryOf: () => (/* reexport */ summaryOf),
  unifiedDiff: () => (/* reexport */ unifiedDiff),
  updateInWorkingDirectory: () => (/* reexport */ updateInWorkingDirectory),
  updateThroughGitHub: () => (/* reexport */ updateThroughGitHub)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/update/encoding.ts
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

;// CONCATENATED MODULE: ./src/update/local.ts







/**
 * Normalises a repository-relative path and refuses one that leaves the repository (`..`, absolute paths),
 * so no caller can read or write outside the root it was given.
 */
function repoPath(path) {
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
function isInside(root, target) {
    const rel = (0,external_node_path_.relative)(root, target);
    return rel === "" || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== ".." && !(0,external_node_path_.isAbsolute)(rel));
}
/** A RepoReader over a directory; symlinks are followed only while they stay inside it. */
function localReader(root) {
    let realRoot;
    const base = () => {
        realRoot ??= (0,promises_.realpath)(root).then(async (real) => {
            if (!(await (0,promises_.stat)(real)).isDirectory()) {
                throw new errors/* UserError */.y(`repository directory ${JSON.stringify(root)} is not a directory`, {
                    hint: "Pass the root directory of the config repository with --repo.",
                });
            }
            return real;
        }, (error) => {
            throw new errors/* UserError */.y(`repository directory ${JSON.stringify(root)} cannot be read (${error.code})`, {
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
        const candidate = (0,external_node_path_.join)(parent.real, rel.slice(slash + 1));
        let stats;
        try {
            stats = await (0,promises_.lstat)(candidate);
        }
        catch (error) {
            if (error.code === "ENOENT")
                return undefined;
            throw error;
        }
        if (!stats.isSymbolicLink())
            return { real: candidate, dir: stats.isDirectory() };
        const real = await (0,promises_.realpath)(candidate).catch(() => undefined);
        if (real === undefined)
            return undefined;
        if (!isInside(top, real)) {
            throw new errors/* UserError */.y(`path ${JSON.stringify(rel)} leaves the repository through a symlink (to ${real})`, {
                hint: "Replace the symlink with the file, or point it inside the repository.",
            });
        }
        return { real, dir: (await (0,promises_.stat)(real)).isDirectory() };
    }
    return {
        root,
        async list(dir) {
            const resolved = await resolve(dir);
            if (!resolved?.dir)
                return [];
            const rel = repoPath(dir);
            const found = await (0,promises_.readdir)(resolved.real, { withFileTypes: true });
            return found
                .map((entry) => {
                const type = entry.isSymbolicLink() ? "symlink" : entry.isDirectory() ? "dir" : "file";
                const path = rel ? `${rel}/${entry.name}` : entry.name;
                if (type !== "symlink" && !known.has(path)) {
                    known.set(path, Promise.resolve({ real: (0,external_node_path_.join)(resolved.real, entry.name), dir: type === "dir" }));
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
                    const target = (await resolve(file.path))?.real ?? (0,external_node_path_.join)(await base(), repoPath(file.path));
                    const existing = await (0,promises_.lstat)(target).catch(() => undefined);
                    // Renaming over a directory fails only after the earlier files were replaced: refuse it up front.
                    if (existing && !existing.isFile()) {
                        throw new errors/* UserError */.y(`${JSON.stringify(file.path)} is not a regular file, so it cannot be replaced`, {
                            file: file.path,
                            hint: "Remove or rename what is there, then run again; nothing was written.",
                        });
                    }
                    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(target), `.${(0,external_node_crypto_.randomBytes)(6).toString("hex")}.gitops-pipeline.tmp`);
                    planned.push({ temp, target });
                    await (0,promises_.writeFile)(temp, encodeText(file.content, encodings.get(repoPath(file.path))), {
                        mode: existing ? existing.mode & 0o7777 : 0o644,
                        flag: "wx",
                    });
                }
            }
            catch (error) {
                await Promise.all(planned.map(({ temp }) => (0,promises_.rm)(temp, { force: true })));
                throw error;
            }
            for (const [index, { temp, target }] of planned.entries()) {
                try {
                    await (0,promises_.rename)(temp, target);
                }
                catch (error) {
                    // Files already renamed stay replaced, but no temporary file is left behind next to the others.
                    await Promise.all(planned.slice(index).map((left) => (0,promises_.rm)(left.temp, { force: true })));
                    throw error;
                }
            }
        },
    };
}

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
function parseYamlFile(path, content) {
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
function positionOf(file, offset) {
    const { line, col } = file.lines.linePos(offset);
    return { line, column: col };
}

;// CONCATENATED MODULE: ./src/yaml/embedded.ts



/**
 * Parses the text of a literal block scalar as YAML. Returns undefined when the block is not plainly mappable
 * (folded, explicit indentation indicator, or not YAML): those are left alone rather than guessed at.
 */
function embeddedYaml(outer, node) {
    if (node.type !== dist/* Scalar */.X5.BLOCK_LITERAL || typeof node.value !== "string" || !node.range)
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
        if ((0,errors/* isUserError */.i)(error))
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
const YAML11_SPECIAL = [
    /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    /^(?:~|null|Null|NULL|)$/,
    /^[-+]?(?:0b[01_]+|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|(?:0|[1-9][0-9_]*))$/,
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
    /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
    /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$/,
    /^(?:=|<<)$/,
];
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
            if ((0,dist/* parse */.qg)(`${value}\n`, { version, logLevel: "silent" }) !== value)
                return true;
            if ((0,dist/* parse */.qg)(`k: ${value}\n`, { version, logLevel: "silent" })?.k !== value)
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
    if (node.type === dist/* Scalar */.X5.PLAIN) {
        return content.slice(node.range[0], node.range[1]).trim();
    }
    if (node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED) {
        return typeof node.value === "string" ? node.value.trim() : undefined;
    }
    return typeof node.value === "string" ? node.value : undefined;
}
/** The splice that makes `node` hold `value`, written in the node's own style. */
function replaceScalar(content, node, value, where, inFlow = false) {
    const [start, end] = node.range;
    switch (node.type) {
        case dist/* Scalar */.X5.QUOTE_SINGLE:
            return { start, end, text: singleQuoted(value) };
        case dist/* Scalar */.X5.QUOTE_DOUBLE:
            return { start, end, text: doubleQuoted(value) };
        case dist/* Scalar */.X5.BLOCK_LITERAL:
        case dist/* Scalar */.X5.BLOCK_FOLDED:
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
        throw new errors/* UserError */.y("cannot rewrite a multi-line block scalar holding an image reference", {
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

;// CONCATENATED MODULE: ./src/yaml/splice.ts
/** Applies non-overlapping splices; identical duplicates (two finders reaching one scalar) collapse into one. */
function applySplices(content, splices) {
    const unique = new Map();
    for (const splice of splices)
        unique.set(`${splice.start}:${splice.end}:${splice.text}`, splice);
    const ordered = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    let out = "";
    let cursor = 0;
    for (const splice of ordered) {
        if (splice.start < cursor) {
            throw new Error(`overlapping edits at offset ${splice.start}`);
        }
        out += content.slice(cursor, splice.start) + splice.text;
        cursor = splice.end;
    }
    return out + content.slice(cursor);
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
            anchor: positionOf(file, target.range?.[0] ?? 0),
            alias: positionOf(file, node.range?.[0] ?? 0),
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
    (0,dist/* visit */.YR)(document, {
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
                    throw new errors/* UserError */.y(`aliases in this file expand to more than ${MAX_WALK_VISITS} nodes`, {
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








// EXTERNAL MODULE: ./src/environments/file.ts
var environments_file = __webpack_require__(1214);
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
        const { line, column } = positionOf(file, node?.range?.[0] ?? entry.pair.key.range?.[0] ?? 0);
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
            line: positionOf(file, item.node.range?.[0] ?? 0).line,
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
            return repoPath(text);
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
        templateLine: positionOf(reader.file, template.node.range?.[0] ?? 0).line,
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
        throw new errors/* UserError */.y(`${config.file} has no previews: section`, {
            file: config.file,
            hint: "Add previews: { NAME: { template: apps/NAME/overlays/dev, path: apps/NAME/previews/pr-{number}, namespace: NAME-pr-{number} } }.",
        });
    }
    if (!name) {
        if (config.previews.length === 1)
            return config.previews[0];
        throw new errors/* UserError */.y(`${config.file} defines ${names.length} previews; say which one`, {
            file: config.file,
            hint: `Name one of: ${names.join(", ")}.`,
        });
    }
    const found = config.previews.find((p) => p.name === name);
    if (!found) {
        throw new errors/* UserError */.y(`preview '${name}' is not defined in ${config.file}`, {
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
        return positionOf(this.file, node?.range?.[0] ?? 0).line;
    }
    fail(node, message, hint) {
        const { line, column } = positionOf(this.file, node?.range?.[0] ?? 0);
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
            repoPath(value);
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
                parseWindow(value, { file: reader.file.path, ...positionOf(reader.file, node.range?.[0] ?? 0) });
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
function loadConfig(text, file = environments_file/* CONFIG_FILE */.g) {
    const parsed = parseYamlFile(file, text);
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
        throw new errors/* UserError */.y(`environment '${name}' is not defined in ${config.file}`, {
            file: config.file,
            hint: `Defined environments: ${config.environments.map((env) => env.name).join(", ")}.`,
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/environments/index.ts


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
    if (error instanceof errors/* UserError */.y)
        return error;
    const status = httpStatus(error);
    const gql = graphqlErrors(error);
    if (status === undefined && gql === undefined)
        return error;
    const network = networkFailure(error);
    if (network) {
        const tried = network.attempts && network.attempts > 1 ? `, ${network.attempts} attempts` : "";
        return new errors/* UserError */.y(`could not ${context.operation} in ${context.repository}: the GitHub API at ${network.host} could not be reached (${network.reason}${tried})`, {
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
        return new errors/* UserError */.y(`${what}: the token was not accepted (401 ${message})`, {
            hint: "Pass a valid token: check the secret behind the `token` input is set, not expired and not revoked.",
            cause: error,
        });
    }
    if (isRateLimited(error, status, message)) {
        const reset = rateLimitReset(error);
        return new errors/* UserError */.y(`${what}: the API rate limit is exhausted${reset ? ` until ${reset}` : ""} (${message})`, {
            hint: "Re-run the job after the reset. GITHUB_TOKEN has 1,000 requests per hour per repository; a GitHub App " +
                "installation token has its own, larger budget.",
            cause: error,
        });
    }
    if (NOT_PERMITTED_PR.test(message)) {
        return new errors/* UserError */.y(`${what}: GitHub Actions is not permitted to create or approve pull requests`, {
            hint: "Enable Settings → Actions → General → Workflow permissions → 'Allow GitHub Actions to create and approve " +
                "pull requests' (on the repository, and on the organisation if it is locked there), or pass a GitHub App " +
                "installation token as `token`.",
            cause: error,
        });
    }
    if (types.has("INSUFFICIENT_SCOPES")) {
        return new errors/* UserError */.y(`${what}: the token's scopes do not allow it (${message})`, {
            hint: "A classic personal access token needs the `repo` scope (and `workflow` to change workflow files); a " +
                "fine-grained token or GitHub App needs Contents and Pull requests: Read and write.",
            cause: error,
        });
    }
    if ((status === 403 || types.has("FORBIDDEN")) && NOT_ACCESSIBLE.test(message)) {
        return new errors/* UserError */.y(`${what}: the token lacks a permission (${message})`, {
            hint: `Give the job ${permissions}. GITHUB_TOKEN cannot write to another repository: for a separate config ` +
                "repository use a GitHub App installation token with Contents and Pull requests write.",
            cause: error,
        });
    }
    if ((status === 422 || status === 403 || status === 409 || gql) && PROTECTION.test(message)) {
        return new errors/* UserError */.y(`${what}: branch protection refused the change (${message})`, {
            hint: "Use `mode: pull-request` for this branch, or allow the token's app to bypass the rule in the branch " +
                "protection / ruleset settings.",
            cause: error,
        });
    }
    if (status === 404 || types.has("NOT_FOUND")) {
        return new errors/* UserError */.y(`${what}: not found — the repository or branch does not exist, or the token cannot see it`, {
            hint: "Check the `repository` and `base` inputs. GITHUB_TOKEN only reaches the workflow's own repository; to " +
                "write to another one pass a GitHub App installation token (or a fine-grained PAT) that can access it.",
            cause: error,
        });
    }
    if (status === 403 || types.has("FORBIDDEN")) {
        return new errors/* UserError */.y(`${what}: access denied (403 ${message})`, {
            hint: `Give the job ${permissions}, or use a token that can write to ${context.repository}.`,
            cause: error,
        });
    }
    if (status !== undefined && status >= 500) {
        return new errors/* UserError */.y(`${what}: GitHub kept failing (${status} ${message}) after retries`, {
            hint: "This is on GitHub's side; nothing was changed. Re-run the job, or check https://www.githubstatus.com.",
            cause: error,
        });
    }
    return new errors/* UserError */.y(`${what}: ${status ? `${status} ` : ""}${message}`, { cause: error });
}
/** Runs a GitHub call and translates its failure; the one wrapper every delivery step uses. */
async function errors_onGitHub(context, call) {
    try {
        return await call();
    }
    catch (error) {
        throw translateGitHubError(error, context);
    }
}

;// CONCATENATED MODULE: ./src/github/repository.ts
const repository_fullName = (on) => `${on.repository.owner}/${on.repository.repo}`;
const repository_shortSha = (sha) => sha.slice(0, 7);
/** Every page of a plain list endpoint, up to 2,000 items. */
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
/** Reads every page of a list endpoint that wraps its items (`{ total_count, check_runs }`). */
async function paginateWrapped(fetchPage, maxPages = 20) {
    const all = [];
    for (let page = 1; page <= maxPages; page++) {
        const { total, items } = await fetchPage(page);
        all.push(...items);
        if (items.length < 100 || all.length >= total)
            return { items: all, truncated: false };
    }
    return { items: all, truncated: true };
}

;// CONCATENATED MODULE: ./src/github/checks.ts




/**
 * Check runs of one name on one commit: GitHub keeps a run per re-run and per workflow run, so thousands are possible
 * but 50 pages are more than a gate should wait for; the reason says when the listing was cut.
 */
const CHECK_RUN_PAGES = 50;
/** A 403 on the checks API means the token cannot read checks: say which permission gives it. */
async function readChecks(on, what, sha, read) {
    try {
        return await read();
    }
    catch (error) {
        if (httpStatus(error) === 403 && /resource not accessible/i.test(gitHubMessage(error))) {
            throw new errors/* UserError */.y(`GitHub refused to read the ${what} of ${repository_shortSha(sha)} in ${repository_fullName(on)} (403 ${gitHubMessage(error)}); ` +
                "require-status names checks, so the gate must read them", {
                hint: "Give the token `checks: read`: in the workflow `permissions: { checks: read }` for GITHUB_TOKEN, or " +
                    "`permission-checks: read` on actions/create-github-app-token (and the Checks permission on the App). " +
                    "To require only a commit status, write it as status:CONTEXT in require-status.",
                cause: error,
            });
        }
        throw translateGitHubError(error, {
            operation: `read the ${what} of ${repository_shortSha(sha)}`,
            repository: repository_fullName(on),
        });
    }
}
/**
 * The commit statuses of `sha`, and its check runs and check suites when a requirement can be answered by them
 * (a plain name is a status context or a check run name; `check-suite:` needs the suites).
 */
async function checksOf(on, sha, requireStatus) {
    const { owner, repo } = on.repository;
    if (requireStatus.length === 0)
        return { statuses: [] };
    const needed = reportsNeeded(requireStatus);
    const { data: combined } = await errors_onGitHub({ operation: `read the statuses of ${repository_shortSha(sha)}`, repository: repository_fullName(on) }, () => on.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/status", {
        owner,
        repo,
        ref: sha,
        per_page: 100,
    }));
    const checks = {
        statuses: combined.statuses.map((s) => ({ context: s.context, state: s.state })),
    };
    if (needed.checkRuns) {
        const runs = [];
        const truncated = [];
        // One listing per required name (`check_name`): a commit with hundreds of other runs costs nothing more.
        for (const name of needed.checkRunNames) {
            const listed = await readChecks(on, "check runs", sha, () => paginateWrapped(async (page) => {
                const { data } = await on.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
                    owner,
                    repo,
                    ref: sha,
                    check_name: name,
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
                        ...(run.app?.slug ? { app: run.app.slug } : {}),
                    })),
                };
            }, CHECK_RUN_PAGES));
            runs.push(...listed.items);
            if (listed.truncated)
                truncated.push(name);
        }
        checks.checkRuns = runs;
        if (truncated.length > 0)
            checks.truncated = { names: truncated, limit: CHECK_RUN_PAGES * 100 };
    }
    if (needed.checkSuites) {
        checks.checkSuites = await readChecks(on, "check suites", sha, () => paginateWrapped(async (page) => {
            const { data } = await on.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/check-suites", {
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
        }).then((listed) => listed.items));
    }
    return checks;
}
/** Sets one commit status, linked to the workflow run when there is one. */
async function setStatus(on, sha, status) {
    const { owner, repo } = on.repository;
    await errors_onGitHub({ operation: `set the ${status.context} status`, repository: repository_fullName(on) }, () => on.clients.write.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
        owner,
        repo,
        sha,
        state: status.state,
        context: status.context,
        description: status.description,
        ...(on.runUrl ? { target_url: on.runUrl } : {}),
    }));
}

// EXTERNAL MODULE: ./src/texts/pull-request.ts
var pull_request = __webpack_require__(1885);
;// CONCATENATED MODULE: ./src/update/delivery.ts


/** Git's object id for a blob with this content: compares a branch's file to ours without fetching it. */
function gitBlobOid(content, encoding = "utf8") {
    const bytes = encodeText(content, encoding);
    return (0,external_node_crypto_.createHash)("sha1")
        .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
        .digest("hex");
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
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

// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
;// CONCATENATED MODULE: ./src/manifests/context.ts




function formatPath(path) {
    let out = "";
    for (const part of path)
        out += typeof part === "number" ? `[${part}]` : out ? `.${part}` : part;
    return out;
}
/** Parses without throwing: values like `${IMAGE}` or `{{ .Values.image }}` are simply not references. */
function tryParseRef(text) {
    if (!text)
        return undefined;
    try {
        return (0,src_image/* parseImageRef */.Q)(text);
    }
    catch {
        return undefined;
    }
}
function stringOf(ctx, reached) {
    if (!reached || !(0,dist/* isScalar */.jn)(reached.node))
        return undefined;
    return scalarText(ctx.file.content, reached.node);
}
function located(ctx, node, reached, path, ref, kind) {
    const at = reached.alias ?? positionOf(ctx.file, node.range?.[0] ?? 0);
    return {
        file: ctx.file.path,
        line: at.line,
        column: at.column,
        field: formatPath(path),
        ref,
        kind,
        document: ctx.index,
        ...(reached.anchor ? { anchor: reached.anchor } : {}),
    };
}
function withVersion(ref, next) {
    return { registry: ref.registry, repository: ref.repository, tag: next.tag, digest: next.digest };
}
/** A scalar holding a whole reference (`image: ghcr.io/org/app:1.2`), rewritten whole in its own style. */
function stringTarget(ctx, reached, path, kind, inFlow = false) {
    if (!reached || !(0,dist/* isScalar */.jn)(reached.node))
        return undefined;
    const node = reached.node;
    const ref = tryParseRef(scalarText(ctx.file.content, node));
    if (!ref)
        return undefined;
    const image = located(ctx, node, reached, path, ref, kind);
    return {
        image,
        names: [(0,src_image/* normalizedName */.j8)(ref)],
        write: (next) => [
            replaceScalar(ctx.file.content, node, (0,src_image/* formatImageRef */.kL)(withVersion(ref, next)), where(image), inFlow),
        ],
    };
}
function where(image) {
    return { file: image.file, line: image.line };
}
function refuse(image, message, hint) {
    throw new errors/* UserError */.y(message, { file: image.file, line: image.line, column: image.column, hint });
}
const MAX_DEPTH = 64;
/**
 * Calls `take` for every map entry below `root`, through maps and sequences, guarded against alias loops and absurd
 * nesting. `take` returns true when it has dealt with the entry, so the walk does not go below it.
 */
function walkEntries(ctx, root, take) {
    const guard = aliasWalkGuard(ctx.file);
    const visit = (reached, at, depth) => {
        if (depth > MAX_DEPTH || !guard.enter(reached.node))
            return;
        if ((0,dist/* isMap */.jh)(reached.node)) {
            const map = reached;
            for (const entry of entries(ctx.file, ctx.document, map)) {
                if (!entry.value)
                    continue;
                const path = [...at, entry.key];
                if (!take(entry, path, map))
                    visit(entry.value, path, depth + 1);
            }
        }
        else if ((0,dist/* isSeq */.oP)(reached.node)) {
            items(ctx.file, ctx.document, reached).forEach((item, index) => {
                visit(item, [...at, index], depth + 1);
            });
        }
        guard.leave(reached.node);
    };
    visit(root, [], 0);
}

;// CONCATENATED MODULE: ./src/manifests/parts.ts



/**
 * A reference spread over separate values: a name known from elsewhere, a tag and/or a digest scalar (Helm
 * parameters, Flux `:tag`/`:digest` setters, user-given value paths). Where there is no digest part, a
 * tag@digest update writes the tag; a digest-only update needs a digest part. `newDigest` adds a digest value
 * that the user named but the file does not have yet.
 */
function partsTarget(ctx, name, parts, kind, digestPlace, newDigest) {
    const { content } = ctx.file;
    const primary = parts.tag ?? parts.digest;
    const nameRef = tryParseRef(name);
    if (!primary || !nameRef || nameRef.tag || nameRef.digest)
        return undefined;
    const text = (part) => (part ? scalarText(content, part.node) || undefined : undefined);
    const version = literalVersion(text(parts.tag), text(parts.digest), false);
    if (!version)
        return undefined;
    const { tag, digest } = version;
    const ref = { ...nameRef, tag, digest };
    const image = located(ctx, primary.node, primary.reached ?? { node: primary.node }, primary.path, ref, kind);
    return {
        image,
        names: [(0,src_image/* normalizedName */.j8)(nameRef)],
        fit(next, update) {
            if (parts.tag)
                return fitTagOnly(image, Boolean(parts.digest || newDigest), next, update, digestPlace);
            if (update.digest === undefined) {
                refuse(image, `${image.field} holds only a digest`, "Pass name@sha256:<digest> or name:tag@sha256:<digest>.");
            }
            return { digest: next.digest };
        },
        write(next) {
            const splices = [];
            if (parts.tag && next.tag !== undefined && next.tag !== tag) {
                splices.push(replaceScalar(content, parts.tag.node, next.tag, where(image)));
            }
            if (parts.digest && (next.digest ?? "") !== (digest ?? "")) {
                splices.push(replaceScalar(content, parts.digest.node, next.digest ?? "", where(image)));
            }
            else if (!parts.digest && newDigest && next.digest !== undefined) {
                splices.push(newDigest(next.digest));
            }
            return splices;
        },
    };
}
/** Where there is no digest field, a tag@digest update writes the tag; a digest-only one has nowhere to go. */
function fitTagOnly(image, hasDigest, next, update, missing) {
    if (hasDigest)
        return next;
    if (update.tag === undefined) {
        refuse(image, `${image.field} has no place for the digest ${update.digest}`, `Pass a tag (name:tag or name:tag@digest), or add ${missing}.`);
    }
    return { tag: next.tag };
}
/** Template actions and variables (`{{ … }}`, `${VAR}`, `$(VAR)`): something else fills such a value in. */
const TEMPLATE = /\{\{|\$\{|\$\(/;
/**
 * The version spelled by a tag value and a digest value, each possibly empty. Undefined when either is a template or
 * variable (`${TAG}`, `{{ .Values.tag }}`): such a place is filled in by something else, so it is not a reference to
 * edit — writing a literal over a variable would cut it off from its source. Any other value is taken as written,
 * valid or not: whoever reads it (a promotion, the gate) refuses an invalid one at its line, and an edit replaces it.
 */
function literalVersion(tag, digest, tagMayCarryDigest) {
    if ((tag !== undefined && TEMPLATE.test(tag)) || (digest !== undefined && TEMPLATE.test(digest)))
        return undefined;
    const at = tag?.indexOf("@") ?? -1;
    if (tag !== undefined && tagMayCarryDigest && digest === undefined && at >= 0 && !(0,src_image/* isValidTag */.r_)(tag)) {
        const [own, pinned] = [tag.slice(0, at), tag.slice(at + 1)];
        if ((0,src_image/* isValidTag */.r_)(own) && (0,src_image/* isValidDigest */.fH)(pinned))
            return { tag: own, digest: pinned, inTag: true };
    }
    return { tag, digest, inTag: false };
}

;// CONCATENATED MODULE: ./src/manifests/helm-values.ts






/** `image`, `coreImage`, `sidecarImage`: keys whose value is an image in the Helm charts seen in the wild. */
const IMAGE_KEY = /^(?:image|[a-zA-Z0-9_]+Image)$/;
const helm_values_MAX_DEPTH = 64;
/**
 * Every image in a Helm values tree: maps `{registry?, repository, tag | version, digest?}` at any depth (a
 * `version` map only under an image-like key, since charts use `{repository, version}` for other things too; there
 * the repository may also be called `image` or `name`), and `image: "repo:tag"` strings.
 */
function helmValuesFinder(ctx, root, path = [], kind = "helm-values") {
    const targets = [];
    const guard = aliasWalkGuard(ctx.file);
    const visit = (reached, at, parentKey, depth) => {
        if (depth > helm_values_MAX_DEPTH || !guard.enter(reached.node))
            return;
        if ((0,dist/* isMap */.jh)(reached.node)) {
            const map = reached;
            const target = imageMapTarget(ctx, map, at, kind, parentKey !== undefined && IMAGE_KEY.test(parentKey));
            if (target) {
                targets.push(target);
                guard.leave(reached.node);
                return;
            }
            for (const entry of entries(ctx.file, ctx.document, map)) {
                if (!entry.value)
                    continue;
                if (IMAGE_KEY.test(entry.key) && (0,dist/* isScalar */.jn)(entry.value.node)) {
                    const found = stringTarget(ctx, entry.value, [...at, entry.key], kind, Boolean(map.node.flow));
                    if (found)
                        targets.push(found);
                    continue;
                }
                visit(entry.value, [...at, entry.key], entry.key, depth + 1);
            }
        }
        else if ((0,dist/* isSeq */.oP)(reached.node)) {
            items(ctx.file, ctx.document, reached).forEach((item, index) => {
                visit(item, [...at, index], undefined, depth + 1);
            });
        }
        guard.leave(reached.node);
    };
    visit(root, path, undefined, 0);
    return targets;
}
function valueAt(ctx, root, keys) {
    let reached = root;
    for (const key of keys) {
        const map = asMap(reached);
        reached = map
            ? entries(ctx.file, ctx.document, map).find((entry) => entry.key === key)?.value
            : undefined;
    }
    return reached;
}
const PART_KEYS = ["registry", "repository", "tag", "digest"];
/**
 * Targets at the paths a user named: `backend.deploy.img` (an image map or a `repo:tag` string), or the parts
 * of one image in separate values, `repository=app.imageRepo,tag=app.imageTag[,digest=…][,registry=…]`.
 */
function helmPathFinder(ctx, root, paths) {
    const targets = [];
    for (const dotted of paths) {
        const target = dotted.includes("=") ? partsAt(ctx, root, dotted) : wholeAt(ctx, root, dotted);
        if (target)
            targets.push(target);
    }
    return targets;
}
function wholeAt(ctx, root, dotted) {
    const keys = dotted.split(".").filter(Boolean);
    const reached = valueAt(ctx, root, keys);
    if (!reached)
        return undefined;
    const map = asMap(reached);
    return map
        ? imageMapTarget(ctx, map, keys, "helm-values", true)
        : stringTarget(ctx, reached, keys, "helm-values");
}
function partsAt(ctx, root, spec) {
    const fields = new Map();
    for (const item of spec.split(",")) {
        const [key = "", path = ""] = item.split("=").map((text) => text.trim());
        if (!PART_KEYS.includes(key) || path === "") {
            throw new errors/* UserError */.y(`the values path ${JSON.stringify(spec)} is not understood at ${JSON.stringify(item)}`, {
                hint: "Write repository=a.b,tag=a.c (optionally digest=… and registry=…), or one dotted path.",
            });
        }
        fields.set(key, path.split(".").filter(Boolean));
    }
    const text = (key) => {
        const keys = fields.get(key);
        return keys ? stringOf(ctx, valueAt(ctx, root, keys)) : undefined;
    };
    const part = (key) => {
        const keys = fields.get(key);
        const reached = keys && valueAt(ctx, root, keys);
        return reached && (0,dist/* isScalar */.jn)(reached.node) && reached.node.range
            ? { node: reached.node, reached, path: keys }
            : undefined;
    };
    const repository = text("repository");
    const registry = text("registry");
    if (!repository)
        return undefined;
    const name = registry ? `${registry.replace(/\/+$/, "")}/${repository}` : repository;
    const digestKeys = fields.get("digest");
    return partsTarget(ctx, name, { tag: part("tag"), digest: part("digest") }, "helm-values", "digest=PATH to the values path", digestKeys && !valueAt(ctx, root, digestKeys) ? newValueAt(ctx, root, digestKeys) : undefined);
}
/**
 * Where a value named by a path that is not in the file yet can be added: as the last key of its parent map, when
 * that map exists and is not shared through an alias. A digest the user names with `digest=PATH` goes there.
 */
function newValueAt(ctx, root, keys) {
    const parent = asMap(valueAt(ctx, root, keys.slice(0, -1)));
    const last = parent?.node.items.at(-1);
    if (!parent || parent.anchor || !last || !(0,dist/* isScalar */.jn)(last.key))
        return undefined;
    const flow = Boolean(parent.node.flow);
    return (text) => insertPair(ctx.file, parent.node, last, keys.at(-1), needsQuotes(text, flow) ? doubleQuoted(text) : text);
}
/**
 * An image map. The version goes to `tag` (or `version`); `digest` is written only when the map has a digest
 * field, or into the tag as `tag@digest` when the tag already carries one (charts that pin that way) — a chart with
 * neither has no place for it, so a tag@digest update writes the tag alone. A tag-only update empties an existing
 * digest (`""`): charts fall back to the tag when it is empty, and a stale digest would keep pinning the old image.
 */
function imageMapTarget(ctx, map, path, kind, imageKeyed) {
    const fields = entries(ctx.file, ctx.document, map);
    const field = (key) => fields.find((entry) => entry.key === key);
    const tagField = field("tag") ?? (imageKeyed ? field("version") : undefined);
    const digest = field("digest");
    // Under an image key, some charts name the repository `image` (ingress-nginx) or `name`: with a version beside it.
    const repository = field("repository") ??
        (imageKeyed && (tagField || digest) ? (field("image") ?? field("name")) : undefined);
    const repositoryText = stringOf(ctx, repository?.value);
    if (!repository?.value || !repositoryText)
        return undefined;
    if (!tagField && !digest && !imageKeyed)
        return undefined;
    const registry = stringOf(ctx, field("registry")?.value);
    const nameRef = tryParseRef(registry ? `${registry.replace(/\/+$/, "")}/${repositoryText}` : repositoryText);
    if (!nameRef || nameRef.tag || nameRef.digest)
        return undefined;
    const version = literalVersion(stringOf(ctx, tagField?.value) || undefined, stringOf(ctx, digest?.value) || undefined, !digest);
    if (!version)
        return undefined;
    const { tag, digest: digestText, inTag } = version;
    const ref = { ...nameRef, tag, digest: digestText };
    const primary = tagField?.value?.node.range ? tagField.value : repository.value;
    const image = located(ctx, primary.node, primary, [...path, tagField ? tagField.key : "repository"], ref, kind);
    return {
        image,
        names: [(0,src_image/* normalizedName */.j8)(nameRef)],
        fit: (next, update) => fitTagOnly(image, Boolean(digest) || inTag, next, update, "a `digest:` field the chart reads"),
        write(next) {
            const splices = [];
            const flow = Boolean(map.node.flow);
            const set = (entry, value) => {
                if ((0,dist/* isScalar */.jn)(entry.value?.node) && entry.value.node.range) {
                    splices.push(replaceScalar(ctx.file.content, entry.value.node, value, where(image), flow));
                }
                else {
                    refuse(image, `${entry.key} at ${image.field} is not a plain value`, "Make it a string and run again.");
                }
            };
            if (inTag && tagField) {
                const value = next.digest === undefined ? next.tag : `${next.tag}@${next.digest}`;
                if (value !== `${tag}@${digestText}`)
                    set(tagField, value);
                return splices;
            }
            if (next.tag !== undefined && next.tag !== tag) {
                if (tagField)
                    set(tagField, next.tag);
                else {
                    const text = needsQuotes(next.tag, flow) ? doubleQuoted(next.tag) : next.tag;
                    splices.push(insertPair(ctx.file, map.node, repository.pair, "tag", text));
                }
            }
            if (digest && (next.digest ?? "") !== (digestText ?? ""))
                set(digest, next.digest ?? "");
            return splices;
        },
    };
}

;// CONCATENATED MODULE: ./src/manifests/argocd.ts






const IMAGE_PARAMETER = /(?:^|\.)(?:image|[a-zA-Z0-9_]+Image)$/;
function isArgoApplication(apiVersion, kind) {
    return Boolean(apiVersion?.startsWith("argoproj.io/") && (kind === "Application" || kind === "ApplicationSet"));
}
/**
 * Argo CD Application / ApplicationSet template sources: `kustomize.images` strings (`[name=]newName[:tag][@digest]`,
 * the `kustomize edit set image` syntax), `helm.parameters` (`P.repository` + `P.tag` groups, or `P.image` holding
 * a whole reference) and `helm.valuesObject` (read like a values file).
 */
function argoFinder(ctx, root, kind) {
    const { file, document } = ctx;
    let spec = asMap(get(file, document, root, "spec")?.value);
    let path = ["spec"];
    if (kind === "ApplicationSet") {
        spec = asMap(get(file, document, asMap(get(file, document, spec, "template")?.value) ?? spec, "spec")?.value);
        path = ["spec", "template", "spec"];
    }
    if (!spec)
        return [];
    const sources = [];
    const single = asMap(get(file, document, spec, "source")?.value);
    if (single)
        sources.push([single, [...path, "source"]]);
    items(file, document, get(file, document, spec, "sources")?.value).forEach((item, index) => {
        const map = asMap(item);
        if (map)
            sources.push([map, [...path, "sources", index]]);
    });
    const targets = [];
    for (const [source, at] of sources) {
        const kustomize = asMap(get(file, document, source, "kustomize")?.value);
        if (kustomize) {
            items(file, document, get(file, document, kustomize, "images")?.value).forEach((item, index) => {
                const target = kustomizeImageString(ctx, item, [...at, "kustomize", "images", index]);
                if (target)
                    targets.push(target);
            });
        }
        const helm = asMap(get(file, document, source, "helm")?.value);
        if (!helm)
            continue;
        targets.push(...helmParameters(ctx, get(file, document, helm, "parameters")?.value, [...at, "helm", "parameters"]));
        targets.push(...embeddedValues(ctx, get(file, document, helm, "values")?.value, [...at, "helm", "values"]));
        const valuesObject = get(file, document, helm, "valuesObject")?.value;
        if (valuesObject)
            targets.push(...helmValuesFinder(ctx, valuesObject, [...at, "helm", "valuesObject"], "argocd"));
    }
    return targets;
}
function kustomizeImageString(ctx, reached, path) {
    const text = stringOf(ctx, reached);
    if (!text || !(0,dist/* isScalar */.jn)(reached.node))
        return undefined;
    const node = reached.node;
    const equals = text.indexOf("=");
    const left = equals >= 0 ? text.slice(0, equals) : undefined;
    const leftRef = left === undefined ? undefined : tryParseRef(left);
    const ref = tryParseRef(text.slice(equals + 1));
    if (!ref || (left !== undefined && !leftRef))
        return undefined;
    const image = located(ctx, node, reached, path, ref, "argocd");
    return {
        image,
        names: [(0,src_image/* normalizedName */.j8)(ref), ...(leftRef ? [(0,src_image/* normalizedName */.j8)(leftRef)] : [])],
        write: (next) => [
            replaceScalar(ctx.file.content, node, `${left === undefined ? "" : `${left}=`}${(0,src_image/* formatImageRef */.kL)(withVersion(ref, next))}`, where(image)),
        ],
    };
}
function helmParameters(ctx, list, path) {
    const parameters = [];
    items(ctx.file, ctx.document, list).forEach((item, index) => {
        const map = asMap(item);
        const name = map && stringOf(ctx, get(ctx.file, ctx.document, map, "name")?.value);
        if (map && name)
            parameters.push({ name, value: get(ctx.file, ctx.document, map, "value")?.value, index });
    });
    const targets = [];
    const byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
    for (const parameter of parameters) {
        if (IMAGE_PARAMETER.test(parameter.name)) {
            const found = stringTarget(ctx, parameter.value, [...path, parameter.index, "value"], "argocd");
            if (found)
                targets.push(found);
            continue;
        }
        if (!parameter.name.endsWith(".repository") && parameter.name !== "repository")
            continue;
        const prefix = parameter.name.slice(0, -"repository".length);
        const group = (suffix) => byName.get(`${prefix}${suffix}`);
        const target = parameterGroup(ctx, parameter, group("tag") ?? group("version"), group("digest"), group("registry"), path);
        if (target)
            targets.push(target);
    }
    return targets;
}
/** A `P.repository` / `P.tag` [/ `P.registry`, `P.digest`] group, with the same digest rules as values maps. */
function parameterGroup(ctx, repository, tag, digest, registry, path) {
    const repositoryText = stringOf(ctx, repository.value);
    const registryText = stringOf(ctx, registry?.value);
    if (!repositoryText)
        return undefined;
    const part = (parameter) => parameter?.value && (0,dist/* isScalar */.jn)(parameter.value.node) && parameter.value.node.range
        ? {
            node: parameter.value.node,
            reached: parameter.value,
            path: [...path, parameter.index, "value"],
        }
        : undefined;
    const tagPart = part(tag);
    if (!tagPart)
        return undefined;
    const name = registryText ? `${registryText}/${repositoryText}` : repositoryText;
    return partsTarget(ctx, name, { tag: tagPart, digest: part(digest) }, "argocd", "a digest parameter the chart reads");
}
/**
 * `helm.values` written as a `|` block of YAML text: read like a values file, and edited inside the block at
 * the block's indentation. Other spellings (folded, quoted) are not edited.
 */
function embeddedValues(ctx, reached, path) {
    if (!reached || reached.anchor || !(0,dist/* isScalar */.jn)(reached.node))
        return [];
    const embedded = embeddedYaml(ctx.file, reached.node);
    const document = embedded?.file.documents[0];
    if (!embedded || !document || !(0,dist/* isMap */.jh)(document.contents))
        return [];
    const inner = { ...ctx, file: embedded.file, document };
    return helmValuesFinder(inner, { node: document.contents }, path, "argocd").map((target) => {
        const { line, column } = embedded.position(embedded.file.lines.lineStarts[target.image.line - 1] + target.image.column - 1);
        return {
            ...target,
            image: { ...target.image, file: ctx.file.path, line, column },
            write: (next) => target.write(next).map(embedded.splice),
        };
    });
}

;// CONCATENATED MODULE: ./src/manifests/custom-resources.ts




/**
 * Fields that hold an image in custom resources: `image` (Tekton steps, Argo Workflows templates, Prometheus,
 * Rook, Strimzi, CloudNativePG image catalogs…), `imageName` (CloudNativePG clusters) and `…Image` (`initImage`,
 * `sidecarImage`), the same names Helm values use.
 */
const IMAGE_FIELD = /^(?:image|imageName|[a-zA-Z0-9_]+Image)$/;
const VERSION_KEYS = ["tag", "version", "digest"];
/**
 * Image fields of any object, wherever they sit: a string holding a reference with a tag or a digest, or an image map
 * (`{repository, tag | version | digest}`). A name without a version is not counted: custom resources use it for
 * repositories to watch or mirror (Flux's ImageRepository), not for what runs. Container lists are the workload
 * finder's, which also reads untagged images there; `metadata` (labels, annotations) is not read.
 */
function customResourceFinder(ctx, root) {
    const targets = [];
    walkEntries(ctx, root, (entry, path, map) => {
        // Labels and annotations describe an object; an `image` annotation is a note, not what runs.
        if (entry.key === "metadata")
            return true;
        if (!IMAGE_FIELD.test(entry.key))
            return false;
        if ((0,dist/* isScalar */.jn)(entry.value.node)) {
            const found = stringTarget(ctx, entry.value, path, "custom-resource", Boolean(map.node.flow));
            if (found && (found.image.ref.tag !== undefined || found.image.ref.digest !== undefined)) {
                targets.push(found);
            }
            return true;
        }
        if (!(0,dist/* isMap */.jh)(entry.value.node))
            return false;
        const value = entry.value;
        const keys = entries(ctx.file, ctx.document, value).map((field) => field.key);
        const found = keys.some((key) => VERSION_KEYS.includes(key))
            ? imageMapTarget(ctx, value, path, "custom-resource", true)
            : undefined;
        if (found)
            targets.push(found);
        return Boolean(found);
    });
    return targets;
}

;// CONCATENATED MODULE: ./src/manifests/flux.ts




const MARKER = /^[^\r\n#]*#\s*\{\s*"\$imagepolicy"\s*:\s*"([^"]+)"\s*\}/;
/**
 * Flux image-automation setters: a `# {"$imagepolicy": "ns:policy"}` comment on the line of a value holding the
 * whole reference, or `ns:policy:tag`, `:name`, `:digest` on values holding one part. Parts of one policy in a
 * document form one reference; a `:tag` without `:name` takes its name from a sibling `repository` key.
 */
function fluxFinder(ctx) {
    const { content } = ctx.file;
    const policies = new Map();
    const visit = (node, path, parent) => {
        if ((0,dist/* isScalar */.jn)(node) && node.range) {
            const end = content.indexOf("\n", node.range[1]);
            const marker = MARKER.exec(content.slice(node.range[1], end < 0 ? undefined : end));
            if (!marker)
                return;
            const parts = marker[1].split(":");
            const part = parts.length > 2 ? parts.pop() : "full";
            if (!["full", "name", "tag", "digest"].includes(part))
                return;
            const key = parts.join(":");
            const slots = policies.get(key) ?? {};
            slots[part] ??= { node, path, parent };
            policies.set(key, slots);
        }
        else if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "?";
                visit(pair.value, [...path, key], node);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, index) => {
                visit(item, [...path, index], undefined);
            });
        }
    };
    visit(ctx.document.contents, [], undefined);
    const targets = [];
    for (const slots of policies.values()) {
        if (slots.full) {
            const found = stringTarget(ctx, { node: slots.full.node }, slots.full.path, "flux-marker");
            if (found)
                targets.push(found);
        }
        const target = fluxParts(ctx, slots);
        if (target)
            targets.push(target);
    }
    return targets;
}
function fluxParts(ctx, slots) {
    const { content } = ctx.file;
    const primary = slots.tag ?? slots.digest;
    if (!primary)
        return undefined;
    let name = slots.name ? scalarText(content, slots.name.node) : undefined;
    if (!name && primary.parent) {
        const sibling = primary.parent.get("repository", true);
        name = (0,dist/* isScalar */.jn)(sibling) ? scalarText(content, sibling) : undefined;
    }
    return partsTarget(ctx, name, { tag: slots.tag, digest: slots.digest }, "flux-marker", "a :digest setter");
}

;// CONCATENATED MODULE: ./src/manifests/kustomization.ts





/**
 * `images:` of a kustomization (and `spec.images` of a Flux Kustomization, same shape). An entry answers to its
 * `name` and its `newName`; its version lives in `newTag` and `digest`, which are replaced in place, inserted
 * after the entry's name lines when missing (same indentation, or `, newTag: …` in a flow map), and a `digest`
 * is removed when the update names a tag only — kustomize renders `name:tag@digest`, and a stale digest would
 * keep pinning the old image.
 */
function kustomizationImages(ctx, list, path) {
    const targets = [];
    items(ctx.file, ctx.document, list).forEach((item, index) => {
        const map = asMap(item);
        if (!map)
            return;
        const target = entryTarget(ctx, map, [...path, index]);
        if (target)
            targets.push(target);
    });
    return targets;
}
function entryTarget(ctx, map, path) {
    const fields = entries(ctx.file, ctx.document, map);
    const field = (key) => fields.find((entry) => entry.key === key);
    const name = field("name");
    const newName = field("newName");
    const newTag = field("newTag");
    const digest = field("digest");
    const nameRef = tryParseRef(stringOf(ctx, name?.value));
    if (!nameRef || !name)
        return undefined;
    const newNameRef = tryParseRef(stringOf(ctx, newName?.value));
    const version = literalVersion(stringOf(ctx, newTag?.value) || undefined, stringOf(ctx, digest?.value) || undefined, false);
    if (!version)
        return undefined;
    const { tag, digest: digestText } = version;
    const base = newNameRef ?? nameRef;
    const ref = { registry: base.registry, repository: base.repository, tag, digest: digestText };
    const primary = newTag?.value ?? name.value;
    const image = located(ctx, primary.node, primary, [...path, newTag ? "newTag" : "name"], ref, "kustomization");
    const names = [(0,src_image/* normalizedName */.j8)(nameRef), ...(newNameRef ? [(0,src_image/* normalizedName */.j8)(newNameRef)] : [])];
    return {
        image,
        names,
        write(next) {
            const splices = [];
            const flow = Boolean(map.node.flow);
            const anchorPair = (newName ?? name).pair;
            const set = (entry, key, value, after) => {
                if (entry && (0,dist/* isScalar */.jn)(entry.value?.node) && entry.value.node.range) {
                    splices.push(replaceScalar(ctx.file.content, entry.value.node, value, where(image), flow));
                }
                else {
                    splices.push(insertPair(ctx.file, map.node, after, key, plain(value, flow)));
                }
            };
            const tagIsScalar = Boolean(newTag && (0,dist/* isScalar */.jn)(newTag.value?.node) && newTag.value.node.range);
            const digestNode = digest?.value?.node;
            if (next.tag !== undefined &&
                next.digest === undefined &&
                !tagIsScalar &&
                digest?.map === map.node &&
                (0,dist/* isScalar */.jn)(digestNode) &&
                digestNode.range) {
                // A tag replacing a digest takes the digest's place: one line changes, and an insertion after the name
                // never meets the removal of a last line (which takes the line break before it).
                const start = digest.pair.key.range[0];
                splices.push({ start, end: digestNode.range[1], text: `newTag: ${plain(next.tag, flow)}` });
                return splices;
            }
            if (next.tag !== undefined && next.tag !== tag)
                set(newTag, "newTag", next.tag, anchorPair);
            if (next.digest !== undefined && next.digest !== digestText) {
                set(digest, "digest", next.digest, newTag?.pair ?? anchorPair);
            }
            else if (next.digest === undefined && digest) {
                splices.push(removePair(ctx.file, digest.map, digest.pair));
            }
            return splices;
        },
    };
}
function plain(value, flow) {
    return needsQuotes(value, flow) ? doubleQuoted(value) : value;
}
/** Root `images:` of a kustomization document. */
function kustomizationFinder(ctx, root) {
    return kustomizationImages(ctx, get(ctx.file, ctx.document, root, "images")?.value, ["images"]);
}

;// CONCATENATED MODULE: ./src/manifests/mentions.ts





const REF_CHAR = /[A-Za-z0-9._\-/:@]/;
const VERSION_FIELDS = ["tag", "newTag", "version", "digest"];
/** Places reported per image and file: enough to point the way, few enough to read. */
const PER_IMAGE = 3;
/**
 * The places of a file that spell one of `images` (by name, with or without a version) outside every place the
 * finders edit — a template, a variable, an environment variable, a comment — with the reason for each. Called when
 * an image was found nowhere, so the error can say where it is instead of "not referenced".
 */
function uneditedMentions(parsed, images) {
    const { content } = parsed.file;
    const out = [];
    for (const image of images) {
        const wanted = (0,src_image/* normalizedName */.j8)(image);
        const needle = image.repository.slice(image.repository.lastIndexOf("/") + 1);
        let count = 0;
        let from = 0;
        for (let at = content.indexOf(needle); at >= 0 && count < PER_IMAGE; at = content.indexOf(needle, from)) {
            let start = at;
            let end = at + needle.length;
            while (start > 0 && REF_CHAR.test(content[start - 1]))
                start--;
            while (end < content.length && REF_CHAR.test(content[end]))
                end++;
            from = end;
            const token = content.slice(start, end).replace(/[:@]+$/, "");
            // A lone `nginx` (or the key `nginx:`) is as likely a container or release name as an image: only a spelled-out
            // reference counts, or a name whose version a template or variable fills in (`nginx:{{ .Values.tag }}`).
            if (!/[/:@]/.test(token) && !/^[:@][{$]/.test(content.slice(start + token.length, end + 2)))
                continue;
            const name = tryParseRef(nameOf(token));
            if (!name || (0,src_image/* normalizedName */.j8)(name) !== wanted)
                continue;
            const { line, column } = positionOf(parsed.file, start);
            out.push({ file: parsed.file.path, line, column, image, reason: describe(parsed, start) });
            count++;
        }
    }
    return out;
}
/** `ghcr.io/acme/app` of `ghcr.io/acme/app:1.2@sha256:…`, and of a half reference like `ghcr.io/acme/app:`. */
function nameOf(token) {
    let name = token.replace(/^[:@/]+/, "");
    const at = name.indexOf("@");
    if (at >= 0)
        name = name.slice(0, at);
    const colon = name.lastIndexOf(":");
    return colon > name.lastIndexOf("/") ? name.slice(0, colon) : name;
}
function describe(parsed, offset) {
    const { file, templates } = parsed;
    // A document that does not parse may end its range early: each reaches up to where the next one starts.
    const index = file.documents.findLastIndex((document) => document.range[0] <= offset);
    const document = file.documents[index];
    if (document && templates.has(index)) {
        return "is in a YAML document with template placeholders ({{ … }}), which is not YAML until something renders it (a Helm chart, a script's templating): set the value the placeholder is filled from";
    }
    const hit = document ? scalarAt(document.contents, offset, []) : undefined;
    if (!hit) {
        const lineStart = file.content.lastIndexOf("\n", offset - 1) + 1;
        return file.content.slice(lineStart, offset).includes("#")
            ? "is in a comment"
            : "is outside any YAML value";
    }
    const where = formatPath(hit.path) || "the document";
    if (hit.isKey)
        return `is the key ${where}, not a value`;
    const text = scalarText(file.content, hit.node) ?? "";
    const template = TEMPLATE.exec(text);
    if (template) {
        return `is in ${where}, whose value is filled in by a template or variable (${JSON.stringify(text)}): set the value it reads instead`;
    }
    const sibling = unreadableVersion(file.content, hit.parent);
    if (sibling) {
        return `is in ${where}, but ${sibling.key} ${JSON.stringify(sibling.text)} is not a literal tag or digest (a variable or template fills it in): set the value it reads instead`;
    }
    if (tryParseRef(text)) {
        return `is in ${where}, which is not a field read as an image (container images, kustomize images, Helm values image maps, Argo CD and Flux image settings, image fields of custom resources)`;
    }
    return `is in ${where}, inside a longer value: only values that are whole references are edited`;
}
/** A version field of the map that holds something other than a literal tag or digest. */
function unreadableVersion(content, parent) {
    if (!(0,dist/* isMap */.jh)(parent))
        return undefined;
    for (const pair of parent.items) {
        if (!(0,dist/* isScalar */.jn)(pair.key) || !VERSION_FIELDS.includes(String(pair.key.value)) || !(0,dist/* isScalar */.jn)(pair.value))
            continue;
        const key = String(pair.key.value);
        const text = scalarText(content, pair.value) ?? "";
        const literal = text === "" ||
            literalVersion(key === "digest" ? undefined : text, key === "digest" ? text : undefined, true);
        if (!literal)
            return { key, text };
    }
    return undefined;
}
/** The scalar (value or key) covering `offset`, with its path. */
function scalarAt(node, offset, path, parent) {
    const range = node?.range;
    if (!range || offset < range[0] || offset >= Math.max(range[1], range[2]))
        return undefined;
    if ((0,dist/* isScalar */.jn)(node))
        return { node, path, isKey: false, parent };
    if ((0,dist/* isMap */.jh)(node)) {
        for (const pair of node.items) {
            if (!(0,dist/* isPair */.tO)(pair))
                continue;
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "?";
            const keyRange = pair.key?.range;
            if ((0,dist/* isScalar */.jn)(pair.key) && keyRange && offset >= keyRange[0] && offset < keyRange[1]) {
                return { node: pair.key, path: [...path, key], isKey: true, parent: node };
            }
            const found = scalarAt(pair.value, offset, [...path, key], node);
            if (found)
                return found;
        }
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        for (const [index, item] of node.items.entries()) {
            const found = scalarAt(item, offset, [...path, index], node);
            if (found)
                return found;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/manifests/workloads.ts



const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);
/**
 * Container images of any Kubernetes object: every `containers`, `initContainers` and `ephemeralContainers`
 * list of maps, wherever the pod template sits (Deployment, CronJob's jobTemplate, Argo Rollout, CRDs…).
 */
function workloadFinder(ctx, root) {
    const targets = [];
    walkEntries(ctx, root, (entry, path) => {
        if (!CONTAINER_LISTS.has(entry.key) || !(0,dist/* isSeq */.oP)(entry.value.node))
            return false;
        items(ctx.file, ctx.document, entry.value).forEach((item, index) => {
            const container = asMap(item);
            if (!container)
                return;
            const image = get(ctx.file, ctx.document, container, "image");
            const flow = Boolean(container.node.flow);
            const found = stringTarget(ctx, image?.value, [...path, index, "image"], "workload", flow);
            if (found)
                targets.push(found);
        });
        return true;
    });
    return targets;
}

;// CONCATENATED MODULE: ./src/manifests/index.ts











const KUSTOMIZATION_FILE = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;
const YAML_FILE = /\.ya?ml$/i;
/** Files the finders read: YAML files and kustomization files (`Kustomization` has no extension). */
function isManifestPath(path) {
    return YAML_FILE.test(path) || KUSTOMIZATION_FILE.test(path);
}
function targetsOf(parsed, options) {
    const { file, templates } = parsed;
    const targets = [];
    const isKustomizationFile = KUSTOMIZATION_FILE.test(file.path);
    const isChart = /(?:^|\/)Chart\.ya?ml$/.test(file.path);
    file.documents.forEach((document, index) => {
        if (templates.has(index))
            return;
        const ctx = { file, document, index, options };
        const root = (0,dist/* isMap */.jh)(document.contents) ? { node: document.contents } : undefined;
        if (root && !isChart) {
            const text = (key) => {
                const value = get(file, document, root, key)?.value?.node;
                return (0,dist/* isScalar */.jn)(value) && typeof value.value === "string" ? value.value : undefined;
            };
            const apiVersion = text("apiVersion");
            const kind = text("kind");
            if (isKustomizationFile || apiVersion?.startsWith("kustomize.config.k8s.io/")) {
                targets.push(...kustomizationFinder(ctx, root));
            }
            else if (apiVersion && kind) {
                const spec = asMap(get(file, document, root, "spec")?.value);
                if (apiVersion.startsWith("kustomize.toolkit.fluxcd.io/") && kind === "Kustomization") {
                    const images = spec && get(file, document, spec, "images");
                    targets.push(...kustomizationImages(ctx, images?.value, ["spec", "images"]));
                }
                if (apiVersion.startsWith("helm.toolkit.fluxcd.io/") && kind === "HelmRelease") {
                    const values = spec && get(file, document, spec, "values")?.value;
                    if (values)
                        targets.push(...helmValuesFinder(ctx, values, ["spec", "values"], "helmrelease"));
                }
                if (isArgoApplication(apiVersion, kind))
                    targets.push(...argoFinder(ctx, root, kind));
                targets.push(...workloadFinder(ctx, root));
                targets.push(...customResourceFinder(ctx, root));
            }
            else {
                targets.push(...helmValuesFinder(ctx, root));
                if (options.helmPaths?.length)
                    targets.push(...helmPathFinder(ctx, root, options.helmPaths));
            }
        }
        if (file.content.includes("$imagepolicy"))
            targets.push(...fluxFinder(ctx));
    });
    // Two conventions can reach one value (a workload image that also carries a Flux marker): keep the first.
    const seen = new Set();
    return targets.filter((target) => {
        const position = `${target.image.line}:${target.image.column}`;
        if (seen.has(position))
            return false;
        seen.add(position);
        return true;
    });
}
/**
 * Parses a file for the finders. A document holding Go template actions (`{{ … }}`) is a template when it is not
 * YAML as written (Helm chart templates: it does not parse, or a `{{` opens a flow collection): it is left out, and
 * the other documents of the file are read as usual. A document that is YAML whose strings hold `{{ … }}` (Argo CD
 * ApplicationSet templates, Argo Workflows parameters) is read; those strings are simply not image references.
 */
function parseManifest(path, content) {
    if (!content.includes("{{"))
        return { file: parseYamlFile(path, content), templates: new Set() };
    const file = parseYamlDocuments(path, content);
    const templates = new Set();
    file.documents.forEach((document, index) => {
        // In a file with templates, a document that does not parse may owe it to a neighbour's `{{`: skipped too.
        if (document.errors.length > 0 || templateOutsideStrings(content, document))
            templates.add(index);
        else {
            const error = documentError(file, document);
            if (error)
                throw error;
        }
    });
    return { file, templates };
}
/**
 * True when a `{{` of the document lies outside every string value and every comment: YAML read template syntax
 * as structure. (`# defaults to {{ .Chart.AppVersion }}` in a values file is a comment, not a template.)
 */
function templateOutsideStrings(content, document) {
    const [start, , end] = document.range;
    const strings = [];
    (0,dist/* visit */.YR)(document, {
        Scalar(_, node) {
            if (typeof node.value === "string" && node.range)
                strings.push([node.range[0], node.range[1]]);
        },
    });
    strings.sort((a, b) => a[0] - b[0]);
    const inString = (offset) => {
        let low = 0;
        let high = strings.length - 1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            const [from, to] = strings[middle];
            if (offset < from)
                high = middle - 1;
            else if (offset >= to)
                low = middle + 1;
            else
                return true;
        }
        return false;
    };
    for (let at = content.indexOf("{{", start); at >= 0 && at < end; at = content.indexOf("{{", at + 2)) {
        if (inString(at))
            continue;
        const lineStart = content.lastIndexOf("\n", at - 1) + 1;
        const comment = /(?:^|[ \t])#/.exec(content.slice(lineStart, at));
        if (comment && !inString(lineStart + comment.index + comment[0].length - 1))
            continue;
        return true;
    }
    return false;
}
/** Every image reference in one file, in document order. Throws a UserError (file:line) on malformed YAML. */
function findImages(path, content, options = {}) {
    return targetsOf(parseManifest(path, content), options).map((target) => target.image);
}
/**
 * The version an update leaves on a reference. A tag-only update drops the old digest (it would keep pinning the
 * old image); a digest-only update keeps the tag (it usually means the tag was rebuilt), so `name:tag@digest`.
 */
function nextVersion(current, update) {
    if (update.tag !== undefined)
        return { tag: update.tag, digest: update.digest };
    // A bare name asks for no version: it leaves the reference as it is (replays of found references rely on it).
    return { tag: current.tag, digest: update.digest ?? current.digest };
}
function spliceKey(splice) {
    return `${splice.start}:${splice.end}:${splice.text}`;
}
/**
 * Rewrites every reference to one of `images` so it carries the requested version, changing only the bytes of
 * those values. Pure: returns the new content and the changes. A reference that is only reached through an
 * alias is refused (changing the anchor would change every other use of it) unless the anchor itself is
 * being changed to the same value.
 */
function updateFile(path, content, images, options = {}) {
    const parsed = parseManifest(path, content);
    const { file } = parsed;
    // Every way of referencing an image spells its last path component out (`app` of `ghcr.io/acme/app`), so a
    // file without any of them needs no finder; it was still parsed, so malformed YAML is reported all the same.
    if (!images.some((image) => content.includes(image.repository.slice(image.repository.lastIndexOf("/") + 1)))) {
        return { content, changes: [], found: [], warnings: [] };
    }
    const wanted = images.map((image) => ({ image, name: (0,src_image/* normalizedName */.j8)(image) }));
    const found = new Set();
    const splices = [];
    const changes = [];
    const deferred = [];
    const warnings = [];
    for (const target of targetsOf(parsed, options)) {
        const match = wanted.find((w) => target.names.includes(w.name));
        if (!match)
            continue;
        found.add(match.image);
        checkWritable(target.image, match.image);
        const wantedVersion = nextVersion(target.image.ref, match.image);
        const next = target.fit ? target.fit(wantedVersion, match.image) : wantedVersion;
        checkWritable(target.image, next);
        const warning = unpinned(target.image, match.image, next);
        if (warning)
            warnings.push({ file: target.image.file, line: target.image.line, message: warning });
        if ((0,src_image/* versionOf */.E4)(target.image.ref) === (0,src_image/* versionOf */.E4)({ ...target.image.ref, ...next }))
            continue;
        if (target.image.anchor) {
            deferred.push({ target, next });
            continue;
        }
        splices.push(...target.write(next));
        changes.push({ ...change(target.image, next), ...(warning ? { warning } : {}) });
    }
    const planned = new Set(splices.map(spliceKey));
    const covered = new Set();
    for (const { target, next } of deferred) {
        const { image } = target;
        if (!target.write(next).every((splice) => planned.has(spliceKey(splice)))) {
            throw new errors/* UserError */.y(`${image.field} (at ${image.file}:${image.line}) is an alias; its value is defined by the anchor here`, {
                file: image.file,
                line: image.anchor.line,
                column: image.anchor.column,
                hint: "Change the anchored value by hand, or replace the alias with its own value, then run again.",
            });
        }
        covered.add(`${image.line}:${image.column}`);
    }
    checkAnchors(file, splices, covered);
    changes.sort((a, b) => a.line - b.line);
    return { content: applySplices(content, splices), changes, found: [...found], warnings };
}
/**
 * Refuses a version that is not a valid tag or digest (a line break, `#`, a space, a quote…) before anything is
 * written, whoever asks: a value read from another file or environment must never become YAML structure here.
 * Names are never written (a reference is selected by its name and keeps the one the file spells).
 */
function checkWritable(image, update) {
    const bad = update.tag !== undefined && !(0,src_image/* isValidTag */.r_)(update.tag)
        ? ["tag", update.tag]
        : update.digest !== undefined && !(0,src_image/* isValidDigest */.fH)(update.digest)
            ? ["digest", update.digest]
            : undefined;
    if (!bad)
        return;
    throw new errors/* UserError */.y(`refusing to write ${JSON.stringify(bad[1])} as the ${bad[0]} of ${(0,src_image/* imageName */.tO)(image.ref)}: it is not a valid image ${bad[0]}`, {
        file: image.file,
        line: image.line,
        column: image.column,
        hint: "A tag is 1–128 letters, digits, '_', '.' or '-' (not starting with '.' or '-'); a digest is sha256:<64 hex>. Nothing was changed.",
    });
}
/** What to tell when the update names a digest this place cannot hold: only its tag is written. */
function unpinned(image, update, next) {
    if (update.digest === undefined || next.digest === update.digest)
        return undefined;
    return `${image.field} has no place for a digest, so only the tag ${next.tag} is written and ${update.digest} is not pinned`;
}
/**
 * Where a file names one of `images` without any finder reaching it there (a template, a variable, an environment
 * variable, a comment), with the reason; for explaining an image found nowhere.
 */
function explainMissing(path, content, images) {
    const named = images.filter((image) => content.includes(image.repository.slice(image.repository.lastIndexOf("/") + 1)));
    return named.length === 0 ? [] : uneditedMentions(parseManifest(path, content), named);
}
/**
 * Editing inside an anchored node changes every alias of it too; that is only allowed when each of those
 * aliases is itself a reference being set to the same version.
 */
function checkAnchors(file, splices, covered) {
    if (splices.length === 0 || !file.content.includes("*"))
        return;
    for (const document of file.documents) {
        for (const anchor of anchorUses(file, document)) {
            if (!splices.some((splice) => splice.start >= anchor.start && splice.start < anchor.end))
                continue;
            const others = anchor.uses.filter((use) => !covered.has(`${use.line}:${use.column}`));
            if (others.length === 0)
                continue;
            throw new errors/* UserError */.y(`this value is anchored as &${anchor.name} and also used through *${anchor.name} at line ${others
                .map((use) => use.line)
                .join(", ")}; changing it would change those too`, {
                file: file.path,
                line: anchor.at.line,
                column: anchor.at.column,
                hint: "Give each use its own value (replace the aliases), then run again.",
            });
        }
    }
}
function change(image, next) {
    return {
        file: image.file,
        line: image.line,
        image: (0,src_image/* imageName */.tO)(image.ref),
        from: (0,src_image/* versionOf */.E4)(image.ref),
        to: (0,src_image/* versionOf */.E4)({ ...image.ref, tag: next.tag, digest: next.digest }),
    };
}

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
        else if (isManifestPath(path)) {
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
            const base = repoPath(scan.base);
            const glob = scan.base ? `${base}${base ? "/" : ""}${scan.glob}` : scan.glob;
            const matches = picomatch_default()(glob, { dot: false });
            const candidates = (await entryType(reader, base)) === "dir" ? await everything(reader, base) : [];
            for (const entry of candidates) {
                if (!matches(entry.name))
                    continue;
                if (entry.type === "dir")
                    await walk(reader, entry.name, found);
                else if (isManifestPath(entry.name))
                    found.push(entry.name);
            }
        }
        else {
            const path = repoPath(pattern);
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
        const result = updateFile(path, before, images, options);
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
        : paths.flatMap((path, index) => explainMissing(path, contents[index], missing));
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






;// CONCATENATED MODULE: ./src/github/snapshot-query.ts
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
/** Paths per GraphQL document; a round wider than this is split. */
const MAX_PATHS_PER_QUERY = 250;
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

;// CONCATENATED MODULE: ./src/github/snapshot.ts




const FILE_MODE = 0o100644;
const EXECUTABLE_MODE = 0o100755;
const GLOB_CHARS = /[*?[\]{}()!+@]/;
function snapshot_join(dir, name) {
    return dir === "" ? name : `${dir}/${name}`;
}
function parentOf(path) {
    const slash = path.lastIndexOf("/");
    return slash < 0 ? "" : path.slice(0, slash);
}
function scopeOf(pattern) {
    const scan = picomatch_default().scan(pattern.replace(/\\/g, "/"));
    const base = repoPath(scan.isGlob ? scan.base : pattern);
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
        const key = repoPath(path);
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
                const childPath = snapshot_join(key, child.name);
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
        return this.encodings.get(repoPath(path)) ?? "utf8";
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
        const key = repoPath(dir);
        if (!this.dirs.has(key)) {
            const partial = this.partialListing(key);
            if (partial)
                return partial;
            await this.fetch(new Map([[key, "list"]]));
        }
        return (this.dirs.get(key) ?? []).filter((entry) => this.visible(snapshot_join(key, entry.name)));
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
            const path = snapshot_join(dir, name);
            if (!this.known.has(path))
                return undefined;
            const type = this.types.get(path);
            if (type)
                entries.push({ name, type });
        }
        return entries;
    }
    async read(path, hops = 0) {
        const key = repoPath(path);
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
            return this.read(snapshot_join(parentOf(key), link), hops + 1);
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
        const key = repoPath(path);
        const mode = await this.modeOf(key);
        // Not there yet (a new preview's file): written where it is named.
        if (mode === undefined && !this.types.has(key))
            return key;
        if (mode !== SYMLINK_MODE) {
            this.checkRegular(key, key, mode);
            return key;
        }
        if (!this.links.has(key))
            await this.fetch(new Map([[key, "read"]]));
        const link = this.links.get(key) ?? "";
        let target;
        try {
            target = link === "" || link.startsWith("/") ? undefined : repoPath(snapshot_join(parentOf(key), link));
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
        const keys = paths.map(repoPath);
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
                need(repoPath(snapshot_join(parentOf(link), target)), "read");
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
                    const target = snapshot_join(dir, chain.join("/"));
                    const toEnd = end === scope.segments.length;
                    need(target, toEnd ? "read" : "list");
                    if (missing(target)) {
                        let between = dir;
                        for (const name of chain.slice(0, -1)) {
                            between = snapshot_join(between, name);
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
                    const child = snapshot_join(dir, entry.name);
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
        const { text, encoding } = decodeText(bytes);
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

;// CONCATENATED MODULE: ./src/github/branch-state.ts





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
    const data = await errors_onGitHub({ operation: "read the repository", repository: full }, () => options.clients.read.graphql(query, variables));
    const repository = data.repository;
    if (!repository) {
        throw translateGitHubError({ name: "GraphqlResponseError", errors: [{ type: "NOT_FOUND" }], message: "" }, {
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
    await errors_onGitHub({ operation: "read the paths", repository: full }, () => snapshot.prefetch());
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
        head: headRef
            ? {
                oid: headRef.target.oid,
                pullRequest: pr,
                otherBases: open
                    .filter((node) => node.baseRefName !== repository.base.name)
                    .map((node) => node.baseRefName),
            }
            : undefined,
        snapshot,
    };
}
/**
 * After a lost compare-and-swap in commit mode: one small query for the new head and the ids of the files we
 * change. When none of them changed, planning again would read the same bytes and produce the same edits, so
 * the same files are committed on the new head; otherwise (undefined) everything is read and planned again.
 */
async function rebaseIfUntouched(options, state, plan) {
    // A removal lists the files of a folder: anything may have landed there since, so it is planned again.
    if (plan.deletions?.length)
        return undefined;
    const paths = plan.files.map((file) => file.path);
    // The bytes the plan started from are known: their blob ids need no request.
    const before = new Map(plan.files.map((file) => [file.path, gitBlobOid(file.before, state.snapshot.encoding(file.path))]));
    const wants = new Map(paths.map((path) => [path, "oid"]));
    const fields = pathFields(wants);
    const query = `query(${["$owner: String!", "$name: String!", "$branch: String!", ...fields.declarations].join(", ")}) ` +
        `{ repository(owner: $owner, name: $name) { ref(qualifiedName: $branch) { target { oid ... on Commit { ${fields.fields} } } } } } ${fields.fragments}`;
    const data = await errors_onGitHub({ operation: "read the branch", repository: state.nameWithOwner }, () => options.clients.read.graphql(query, {
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

;// CONCATENATED MODULE: ./src/github/pull-request-writer.ts


/** Closes a pull request whose branch has nothing left to deliver (delete-branch). */
async function closePullRequest(target, pullRequest) {
    const { owner, repo } = target.repository;
    await errors_onGitHub({
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
    const { data: open } = await errors_onGitHub({ operation: "find the open pull request", repository: `${owner}/${repo}`, pullRequests: true }, () => target.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
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
        const { data } = await errors_onGitHub({ ...context, operation: `update pull request #${number}` }, () => target.clients.write.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
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
        if (isNoCommitsBetween(error))
            throw error;
        if (!isPullRequestExists(error))
            throw translateGitHubError(error, context);
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
            const message = `could not ${what} on pull request #${pullRequest.number}: ${gitHubMessage(error)}. ${hint}`;
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
/** Pull requests of one repository on GitHub, for branches a checkout pushed. */
class GitHubPullRequests {
    on;
    constructor(on) {
        this.on = on;
    }
    target(proposal) {
        return { ...this.on, ...proposal };
    }
    find(branch, base) {
        return findPullRequest({ ...this.on, branch, base });
    }
    close(pullRequest) {
        return closePullRequest(this.on, pullRequest);
    }
    async openOrUpdate(proposal, existing) {
        const target = this.target(proposal);
        const { pullRequest, created } = await openOrUpdatePullRequest(target, existing);
        const warnings = await applyMetadata(target, pullRequest);
        return { pullRequest, created, warnings };
    }
}

;// CONCATENATED MODULE: ./src/github/commit-writer.ts





/**
 * The token's own identity for a Signed-off-by trailer: the commit createCommitOnBranch makes is authored by
 * it. GitHub's no-reply address stands in when the account shows no public email.
 */
async function tokenIdentity(options, state) {
    const data = await errors_onGitHub({ operation: "read the token's identity for the Signed-off-by trailer", repository: state.nameWithOwner }, () => options.clients.read.graphql("query { viewer { login name email databaseId } }"));
    const viewer = data.viewer;
    const host = new URL(state.url).host;
    const noreply = `users.noreply.${host}`;
    // The account's own name and e-mail are the user's text: one with a control character is not put in a trailer.
    const usable = (text) => (text && !(0,pull_request/* hasControlCharacter */.Fd)(text) ? text : "");
    const email = usable(viewer.email) ||
        (viewer.databaseId ? `${viewer.databaseId}+${viewer.login}@${noreply}` : `${viewer.login}@${noreply}`);
    return { name: usable(viewer.name) || viewer.login, email };
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
    const others = state.head?.otherBases ?? [];
    if (others.length > 0) {
        // GitHub closes every pull request of a deleted head branch, including ones into other bases.
        options.logger.info(`Kept branch ${options.branch}: it is also the head of open pull requests into ${others.join(", ")}`);
        return pullRequest;
    }
    counted();
    await errors_onGitHub({ operation: `delete branch ${options.branch}`, repository: state.nameWithOwner }, () => options.clients.write.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
        owner,
        repo,
        ref: `heads/${options.branch}`,
    }));
    options.logger.info(`Deleted branch ${options.branch}: nothing is left to change`);
    return pullRequest;
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
            ...(plan.files.length > 0 || !plan.deletions?.length
                ? {
                    additions: plan.files.map((file) => ({
                        path: file.path,
                        // In the encoding it was read in: a file that is not UTF-8 keeps its other bytes exactly.
                        contents: encodeText(file.after, state.snapshot.encoding(file.path)).toString("base64"),
                    })),
                }
                : {}),
            ...(plan.deletions?.length ? { deletions: plan.deletions.map((file) => ({ path: file.path })) } : {}),
        },
    };
    try {
        const data = await options.clients.write.graphql("mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid url } } }", { input });
        const commit = data.createCommitOnBranch?.commit;
        if (!commit)
            throw new errors/* UserError */.y(`GitHub accepted the commit to ${branch} but returned no commit`);
        const removed = plan.deletions?.length ? `, removed ${plan.deletions.length}` : "";
        options.logger.info(`Committed ${plan.files.length} file(s)${removed} to ${branch}: ${commit.url}`);
        return commit;
    }
    catch (error) {
        if (isStaleHead(error))
            throw error;
        throw translateGitHubError(error, {
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
    const force = () => errors_onGitHub(context, () => options.clients.write.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
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
        if (isReferenceExists(error))
            throw error;
        throw translateGitHubError(error, context);
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

;// CONCATENATED MODULE: ./src/github/delivery.ts








const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Jittered exponential back-off: concurrent runs that collided spread out instead of colliding again. It never
 * waits less than a second, the spacing GitHub asks between writes, so the re-read happens right before the
 * retried write may go and the window for the next collision stays short.
 */
function backoff(attempt, baseMs) {
    return 1000 + Math.random() * Math.min(8000, baseMs * 2 ** (attempt - 1));
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
            plan = await errors_onGitHub({ operation: "read the files", repository: full }, async () => deliverable(await options.plan(snapshot, state.patterns, snapshot.commit), snapshot));
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
        if (plan.changes.length === 0 && plan.files.length === 0 && !plan.deletions?.length) {
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
        texts = { ...texts, pullRequestBody: (0,pull_request/* withUserBody */.af)(texts.pullRequestBody, options.body) };
        const headCommit = state.head && { oid: state.head.oid, url: `${state.url}/commit/${state.head.oid}` };
        try {
            if (mode === "commit") {
                if (options.dryRun)
                    return result("would-commit");
                if (options.signoff === "token")
                    signer ??= await count(tokenIdentity(options, state));
                if (signer)
                    texts = { ...texts, body: (0,pull_request/* withSignoff */["do"])(texts.body, signer) };
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
                const gone = plan.deletions ?? [];
                const deleted = gone.length ? await headSnapshot.blobOids(gone.map((file) => file.path)) : new Map();
                headMatches =
                    plan.files.every((file) => oids.get(file.path) === gitBlobOid(file.after, state.snapshot.encoding(file.path))) && gone.every((file) => deleted.get(file.path) === undefined);
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
                    texts = { ...texts, body: (0,pull_request/* withSignoff */["do"])(texts.body, signer) };
                await count(moveHeadBranch(options, state));
                commit = await count(commitFiles(options, state, options.branch, state.base.oid, plan, texts)).catch(async (error) => {
                    // Refused (not raced): put the open pull request's branch back where it was rather than leave it empty.
                    if (state.head && !isStaleHead(error))
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
                if (!state.head && commit && !isNoCommitsBetween(error))
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
            if (!isStaleHead(error) && !isReferenceExists(error) && !isNoCommitsBetween(error))
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
            const moved = mode === "commit" && isStaleHead(error) ? await rebaseIfUntouched(options, state, plan) : undefined;
            requests += moved ? 1 : 0;
            kept = moved ? { state: moved, plan } : undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/github/deployment-records.ts



/**
 * Records a GitHub deployment for the change unless one exists for that commit and environment, so a re-run of the
 * push workflow records nothing twice. No status is set: health reports (smoke tests, Argo CD, Flux) set it.
 */
async function recordEnvironmentChange(on, change) {
    const { owner, repo } = on.repository;
    const context = { operation: `record a deployment to ${change.environment}`, repository: fullName(on) };
    const existing = await onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}/deployments", {
        owner,
        repo,
        sha: change.sha,
        environment: change.environment,
        per_page: 1,
    }));
    const found = existing.data[0];
    if (found)
        return { id: Number(found.id), created: false };
    const { data } = await onGitHub(context, () => on.clients.write.request("POST /repos/{owner}/{repo}/deployments", {
        owner,
        repo,
        ref: change.sha,
        environment: change.environment,
        description: `gitops-pipeline: ${change.environment} at ${shortSha(change.sha)}`,
        auto_merge: false,
        required_contexts: [],
        payload: { images: change.images, sourceCommits: change.sourceCommits, configCommit: change.sha },
    }));
    if (!("id" in data))
        throw new UserError(`GitHub did not create the deployment: ${data.message ?? "no reason given"}`);
    on.logger.info(`Recorded deployment ${data.id} to ${change.environment} at ${shortSha(change.sha)}`);
    return { id: Number(data.id), created: true };
}
/** Sets the state of the newest deployment of an environment: what a smoke test or the cluster reports back. */
async function reportHealth(on, environment, state, description) {
    const { owner, repo } = on.repository;
    const context = { operation: `report ${state} for ${environment}`, repository: fullName(on) };
    const { data } = await onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}/deployments", {
        owner,
        repo,
        environment,
        per_page: 1,
    }));
    const latest = data[0];
    if (!latest) {
        throw new UserError(`${fullName(on)} has no deployment of ${environment} to report on`, {
            hint: "Record deployments first: promote-env with mode: record on push to the default branch.",
        });
    }
    await onGitHub(context, () => on.clients.write.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
        owner,
        repo,
        deployment_id: Number(latest.id),
        state,
        description: description.slice(0, 140),
        ...(on.runUrl ? { log_url: on.runUrl } : {}),
    }));
    on.logger.info(`Deployment ${latest.id} of ${environment} (${shortSha(latest.sha)}) is now ${state}`);
    return { id: Number(latest.id), sha: latest.sha };
}
const CONFIG_COMMIT = /^[0-9a-f]{40}$/;
/**
 * The newest deployments of an environment (at most `limit`, newest first, none created before `since`) with the
 * state of each one's newest status. The payload is untrusted: a `configCommit` that is not a full SHA is ignored.
 */
async function deploymentHistory(on, environment, limit, since) {
    const { owner, repo } = on.repository;
    const context = { operation: `read the deployments of ${environment}`, repository: repository_fullName(on) };
    const result = [];
    for (let page = 1; result.length < limit; page++) {
        const perPage = Math.min(100, limit - result.length);
        const { data } = await errors_onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}/deployments", {
            owner,
            repo,
            environment,
            per_page: perPage,
            page,
        }));
        for (const deployment of data) {
            if (since && Date.parse(deployment.created_at) < since.getTime())
                return result;
            const { data: statuses } = await errors_onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
                owner,
                repo,
                deployment_id: Number(deployment.id),
                per_page: 1,
            }));
            const payload = deployment.payload;
            const configCommit = typeof payload === "object" && payload ? payload.configCommit : undefined;
            result.push({
                id: Number(deployment.id),
                sha: typeof configCommit === "string" && CONFIG_COMMIT.test(configCommit)
                    ? configCommit
                    : deployment.sha,
                createdAt: deployment.created_at,
                state: statuses[0]?.state,
            });
        }
        if (data.length < perPage)
            break;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/github/deployments.ts



/**
 * A GitHub Deployment with a success status for a change that landed in an environment, so deployment frequency
 * and lead time can be read from GitHub. The images go in the payload.
 */
async function recordDeployment(on, deployment) {
    const { owner, repo } = on.repository;
    const context = { operation: `record a deployment to ${deployment.environment}`, repository: repository_fullName(on) };
    const { data } = await errors_onGitHub(context, () => on.clients.write.request("POST /repos/{owner}/{repo}/deployments", {
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
    await errors_onGitHub(context, () => on.clients.write.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
        owner,
        repo,
        deployment_id: Number(data.id),
        state: "success",
        description: "Recorded by gitops-pipeline promote-env",
        ...(on.runUrl ? { log_url: on.runUrl } : {}),
    }));
    on.logger.info(`Recorded deployment ${data.id} to ${deployment.environment} at ${repository_shortSha(deployment.sha)}`);
    return { id: Number(data.id), url: data.url };
}

;// CONCATENATED MODULE: ./src/github/history.ts



/** The branch's name (the default branch when undefined) and its current commit. */
async function branchHead(on, name) {
    const { owner, repo } = on.repository;
    const context = { operation: "read the base branch", repository: repository_fullName(on) };
    let branch = name;
    if (!branch) {
        const { data } = await errors_onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}", { owner, repo }));
        branch = data.default_branch;
    }
    try {
        const { data } = await on.clients.read.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
            owner,
            repo,
            ref: `heads/${branch}`,
        });
        return { name: branch, oid: data.object.sha };
    }
    catch (error) {
        if (httpStatus(error) === 404) {
            throw new errors/* UserError */.y(`branch ${branch} does not exist in ${repository_fullName(on)}`, {
                hint: "Set `base` to the branch the environments live on.",
            });
        }
        throw translateGitHubError(error, context);
    }
}
async function resolveCommit(on, revision) {
    const { owner, repo } = on.repository;
    try {
        const { data } = await on.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}", {
            owner,
            repo,
            ref: revision,
        });
        return data.sha;
    }
    catch (error) {
        if (httpStatus(error) === 404 || httpStatus(error) === 422) {
            throw new errors/* UserError */.y(`revision ${JSON.stringify(revision)} is not a commit, branch or tag of ${repository_fullName(on)}`, {
                hint: "Give a commit SHA (or a tag) from the config repository's history.",
            });
        }
        throw translateGitHubError(error, {
            operation: `resolve revision ${revision}`,
            repository: repository_fullName(on),
        });
    }
}
async function commitsTouching(on, from, path, limit) {
    const { owner, repo } = on.repository;
    const { data } = await errors_onGitHub({ operation: `read the history of ${path}`, repository: repository_fullName(on) }, () => on.clients.read.request("GET /repos/{owner}/{repo}/commits", {
        owner,
        repo,
        sha: from,
        path,
        per_page: limit,
    }));
    return data.map((commit) => ({
        sha: commit.sha,
        date: commit.commit.committer?.date ?? "",
        parent: commit.parents[0]?.sha,
    }));
}
/** Files listed by one comparison; GitHub lists at most 300. */
async function compare(on, base, head, operation) {
    const { owner, repo } = on.repository;
    const { data } = await errors_onGitHub({ operation, repository: repository_fullName(on), pullRequests: true }, () => on.clients.read.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        owner,
        repo,
        basehead: `${base}...${head}`,
    }));
    return {
        mergeBase: data.merge_base_commit.sha,
        files: (data.files ?? []).map((file) => ({
            path: file.filename,
            status: file.status,
            ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
        })),
    };
}
/** Whether `ancestor` is `descendant` or behind it; false for a commit GitHub does not know. */
async function inHistory(on, ancestor, descendant, operation) {
    const { owner, repo } = on.repository;
    const status = await on.clients.read
        .request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        owner,
        repo,
        basehead: `${ancestor}...${descendant}`,
        per_page: 1,
    })
        .then(({ data }) => data.status, (error) => {
        if (httpStatus(error) === 404)
            return "missing";
        throw translateGitHubError(error, { operation, repository: repository_fullName(on), pullRequests: true });
    });
    return status === "ahead" || status === "identical";
}
/** Files per GraphQL document: two blobs each, well inside GitHub's query limits. */
const FILES_PER_QUERY = 50;
async function fileContents(on, files, baseOid, headOid) {
    const read = [];
    for (let start = 0; start < files.length; start += FILES_PER_QUERY) {
        read.push(...(await fileContentsBatch(on, files.slice(start, start + FILES_PER_QUERY), baseOid, headOid)));
    }
    return read;
}
async function fileContentsBatch(on, files, baseOid, headOid) {
    const declarations = ["$owner: String!", "$name: String!"];
    const variables = { owner: on.repository.owner, name: on.repository.repo };
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
    const data = await errors_onGitHub({ operation: "read the pull request's files", repository: repository_fullName(on) }, () => on.clients.read.graphql(`query(${declarations.join(", ")}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`, variables));
    const text = (blob) => blob && !blob.isBinary && !blob.isTruncated && typeof blob.text === "string" ? blob.text : undefined;
    return files.map((file, index) => ({
        ...file,
        base: text(data.repository?.[`b${index}`]),
        head: text(data.repository?.[`h${index}`]),
    }));
}

;// CONCATENATED MODULE: ./src/github/pulls.ts



/** Open pull requests, oldest first. */
async function openPullRequests(on) {
    const { owner, repo } = on.repository;
    const pulls = await errors_onGitHub({ operation: "list open pull requests", repository: repository_fullName(on), pullRequests: true }, () => paginate((page) => on.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
        owner,
        repo,
        state: "open",
        per_page: 100,
        page,
        direction: "asc",
    })));
    return pulls.map((pr) => ({ number: pr.number, body: pr.body }));
}
async function pullRequest(on, number) {
    const { owner, repo } = on.repository;
    const context = { operation: `read pull request #${number}`, repository: repository_fullName(on), pullRequests: true };
    const { data: pr } = await errors_onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: number,
    }));
    return {
        number,
        url: pr.html_url,
        headSha: pr.head.sha,
        headRef: pr.head.ref,
        baseRef: pr.base.ref,
        author: pr.user?.login ?? "",
        body: pr.body ?? "",
        state: pr.state,
        merged: pr.merged,
        changedFiles: pr.changed_files,
    };
}
async function reviews(on, number) {
    const { owner, repo } = on.repository;
    const context = { operation: `read pull request #${number}`, repository: repository_fullName(on), pullRequests: true };
    const all = await errors_onGitHub(context, () => paginate((page) => on.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
        owner,
        repo,
        pull_number: number,
        per_page: 100,
        page,
    })));
    return all.map((review) => ({
        user: review.user?.login ?? "",
        userType: review.user?.type,
        state: review.state,
        commitId: review.commit_id ?? "",
    }));
}
/** Merges at the evaluated head only: a push between evaluation and merge makes GitHub refuse (409). */
async function mergePullRequest(on, pullRequest, method) {
    const { owner, repo } = on.repository;
    try {
        const { data } = await on.clients.write.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
            owner,
            repo,
            pull_number: pullRequest.number,
            sha: pullRequest.headSha,
            merge_method: method,
        });
        on.logger.info(`Merged pull request #${pullRequest.number} (${method}) as ${repository_shortSha(data.sha)}`);
        return data.sha;
    }
    catch (error) {
        const status = httpStatus(error);
        if (status === 405 || status === 409) {
            throw new errors/* UserError */.y(`GitHub refused to merge pull request #${pullRequest.number}: ${error.message}`, {
                hint: status === 409
                    ? "The pull request changed while the gate was evaluated; the next event evaluates it again."
                    : "Check the branch protection of the base branch (required reviews or checks this token cannot satisfy) and the allowed merge methods.",
            });
        }
        throw translateGitHubError(error, {
            operation: `merge pull request #${pullRequest.number}`,
            repository: repository_fullName(on),
            pullRequests: true,
        });
    }
}
/** Numbers of a repository's open pull requests, every page of them (a preview sweep keeps their previews). */
async function openPullRequestNumbers(client, repository) {
    const open = await openPullRequests({
        clients: { read: client, write: client },
        repository,
    });
    return new Set(open.map((pr) => pr.number));
}

;// CONCATENATED MODULE: ./src/github/reviewers.ts


/** Who of `logins` belongs to each `@org/team` the environment names (one request per candidate and team). */
async function teamMembers(on, reviewers, logins) {
    const members = {};
    for (const entry of reviewers) {
        const team = /^@([^/]+)\/(.+)$/.exec(entry);
        if (!team)
            continue;
        members[entry] = [];
        for (const username of logins) {
            try {
                const { data } = await on.clients.read.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", {
                    org: team[1],
                    team_slug: team[2],
                    username,
                });
                if (data.state === "active")
                    members[entry].push(username);
            }
            catch (error) {
                if (httpStatus(error) === 404)
                    continue;
                if (httpStatus(error) === 403) {
                    on.logger.warning(`cannot read the members of ${entry} (403): approvals by its members do not count. ` +
                        "Team membership needs a token with `members: read` on the organisation (a GitHub App or PAT; GITHUB_TOKEN cannot).");
                    break;
                }
                throw translateGitHubError(error, {
                    operation: `read the membership of ${entry}`,
                    repository: repository_fullName(on),
                });
            }
        }
    }
    return members;
}
/** Who of `logins` may write to the repository (write, maintain or admin). */
async function writers(on, logins) {
    const { owner, repo } = on.repository;
    const found = [];
    for (const username of logins) {
        const { data } = await errors_onGitHub({ operation: `read the permission of ${username}`, repository: repository_fullName(on) }, () => on.clients.read.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
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

// EXTERNAL MODULE: ./src/github/settings.ts
var settings = __webpack_require__(9518);
;// CONCATENATED MODULE: ./src/github/config-repository.ts











/** A config repository on GitHub, read and written through the API without a clone. */
class GitHubConfigRepository {
    on;
    name;
    owner;
    /** The repository named by an input; a UserError when it is missing or not `owner/name`. */
    static of(clients, repository, logger, runUrl) {
        return new GitHubConfigRepository({
            clients,
            repository: repository ?? (0,settings/* parseRepository */.SU)(""),
            logger,
            runUrl,
        });
    }
    constructor(on) {
        this.on = on;
        this.name = repository_fullName(on);
        this.owner = on.repository.owner;
    }
    snapshotAt(oid, patterns = [], operation) {
        const snapshot = new GitHubSnapshot(this.on.clients.read, this.on.repository, patterns);
        snapshot.commit = oid;
        if (!operation)
            return snapshot;
        // Errors the API answers become the UserError that says what was being read; others pass unchanged.
        const context = { operation, repository: this.name };
        return {
            list: (dir) => errors_onGitHub(context, () => snapshot.list(dir)),
            read: (path) => errors_onGitHub(context, () => snapshot.read(path)),
            encoding: (path) => snapshot.encoding(path),
        };
    }
    resolveCommit(revision) {
        return resolveCommit(this.on, revision);
    }
    branchHead(name) {
        return branchHead(this.on, name);
    }
    commitsTouching(from, path, limit) {
        return commitsTouching(this.on, from, path, limit);
    }
    compare(base, head, operation = `compare ${base} with ${head}`) {
        return compare(this.on, base, head, operation);
    }
    contents(files, base, head) {
        return fileContents(this.on, files, base, head);
    }
    inHistory(ancestor, descendant, operation = `compare ${ancestor} with ${descendant}`) {
        return inHistory(this.on, ancestor, descendant, operation);
    }
    openPullRequests() {
        return openPullRequests(this.on);
    }
    pullRequest(number) {
        return pullRequest(this.on, number);
    }
    reviews(number) {
        return reviews(this.on, number);
    }
    merge(pr, method) {
        return mergePullRequest(this.on, pr, method);
    }
    teamMembers(reviewers, logins) {
        return teamMembers(this.on, reviewers, logins);
    }
    writers(logins) {
        return writers(this.on, logins);
    }
    reportsOn(sha, requireStatus) {
        return checksOf(this.on, sha, requireStatus);
    }
    setStatus(sha, status) {
        return setStatus(this.on, sha, status);
    }
    recordDeployment(deployment) {
        return recordDeployment(this.on, deployment);
    }
    deploymentHistory(environment, limit, since) {
        return deploymentHistory(this.on, environment, limit, since);
    }
    deliver(request) {
        return deliverThroughGitHub({
            ...request,
            clients: this.on.clients,
            repository: this.on.repository,
            logger: this.on.logger,
        });
    }
}

// EXTERNAL MODULE: ./src/previews/number.ts
var number = __webpack_require__(7312);
;// CONCATENATED MODULE: ./src/previews/template.ts



const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
/**
 * Kinds that live outside any namespace. Two previews (and the template's own environment) rendering one of these
 * under the same name would fight over it, so a preview of a template holding one gets a name suffix.
 */
const CLUSTER_SCOPED = new Set([
    "APIService",
    "CertificateSigningRequest",
    "ClusterIssuer",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "IngressClass",
    "MutatingWebhookConfiguration",
    "PersistentVolume",
    "PriorityClass",
    "RuntimeClass",
    "StorageClass",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
]);
/** Nesting deeper than this is a loop or a mistake; kustomize itself would refuse a cycle. */
const template_MAX_DEPTH = 12;
/** The kustomization file of a directory, or undefined when it holds none. */
async function kustomizationIn(reader, dir) {
    for (const name of KUSTOMIZATION_FILES) {
        const path = external_node_path_.posix.join(dir, name);
        if ((await reader.read(path)) !== undefined)
            return path;
    }
    return undefined;
}
function isRemote(entry) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith("git@") || entry.includes("?ref=");
}
function documentsOf(text) {
    const out = [];
    for (const document of (0,dist/* parseAllDocuments */.hR)(text, { uniqueKeys: false })) {
        if (!("errors" in document) || document.errors.length > 0)
            continue;
        try {
            const value = document.toJS({ maxAliasCount: 100 });
            if (value && typeof value === "object" && !Array.isArray(value))
                out.push(value);
        }
        catch {
            // An alias bomb or a bad alias: validate-manifests reports such files; here it only hides kinds.
        }
    }
    return out;
}
/**
 * Reads the template through the reader: it must be a directory with a kustomization. Its local resources are
 * followed to learn which kinds it renders; remote ones are not fetched (they cannot be known offline).
 */
async function readTemplate(reader, template, where) {
    const kustomization = await kustomizationIn(reader, template);
    if (!kustomization) {
        throw new errors/* UserError */.y(`the preview template ${template} has no kustomization`, {
            ...where,
            hint: "Point template at an overlay folder holding a kustomization.yaml (for example apps/NAME/overlays/dev).",
        });
    }
    const kinds = new Set();
    const seen = new Set();
    const visit = async (file, depth) => {
        if (depth > template_MAX_DEPTH || seen.has(file))
            return;
        seen.add(file);
        const text = await reader.read(file);
        if (text === undefined)
            return;
        const dir = external_node_path_.posix.dirname(file);
        const isKustomization = KUSTOMIZATION_FILES.includes(external_node_path_.posix.basename(file));
        for (const doc of documentsOf(text)) {
            if (!isKustomization) {
                if (typeof doc.kind === "string")
                    kinds.add(doc.kind);
                continue;
            }
            for (const key of ["resources", "bases", "components"]) {
                const list = doc[key];
                if (!Array.isArray(list))
                    continue;
                for (const entry of list) {
                    if (typeof entry !== "string" || isRemote(entry))
                        continue;
                    const target = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, entry));
                    if (target.startsWith("../") || target === "..")
                        continue;
                    const nested = await kustomizationIn(reader, target).catch(() => undefined);
                    await visit(nested ?? target, depth + 1).catch(() => { });
                }
            }
        }
    };
    await visit(kustomization, 0);
    return { kustomization, kinds };
}
/** Whether previews of this template need a name suffix: it renders objects that have no namespace. */
function needsNameSuffix(facts) {
    return [...facts.kinds].some((kind) => CLUSTER_SCOPED.has(kind));
}

;// CONCATENATED MODULE: ./src/previews/plan.ts








/** Annotations on a preview's kustomization: which preview it is and when it was made and last changed. */
const plan_MARKER = {
    preview: "gitops-pipeline.dev/preview",
    pullRequest: "gitops-pipeline.dev/pull-request",
    created: "gitops-pipeline.dev/created",
    updated: "gitops-pipeline.dev/updated",
};
const KUSTOMIZATION = "kustomization.yaml";
const NAMESPACE_FILE = "namespace.yaml";
/** Where preview N lives and what its namespace is; both checked again for this very number. */
function previewPlace(preview, number) {
    const path = external_node_path_.posix.normalize(fillNumber(preview.path, number));
    const namespace = fillNumber(preview.namespace, number);
    if (path.startsWith("../") || external_node_path_.posix.isAbsolute(path) || !DNS_LABEL.test(namespace)) {
        throw new errors/* UserError */.y(`preview ${preview.name} for #${number} would be at ${path} in namespace ${namespace}, which is not allowed`);
    }
    return { path, namespace };
}
/** What an existing preview kustomization says; a file that does not parse says nothing (it is rewritten). */
function readExisting(text) {
    const empty = { annotations: {}, images: [] };
    if (text === undefined)
        return empty;
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: false });
    if (doc.errors.length > 0)
        return empty;
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 10 });
    }
    catch {
        return empty;
    }
    const annotations = {};
    const raw = value?.metadata?.annotations;
    if (raw && typeof raw === "object") {
        for (const [key, item] of Object.entries(raw))
            if (typeof item === "string")
                annotations[key] = item;
    }
    const images = Array.isArray(value?.images)
        ? value.images.filter((entry) => typeof entry?.name === "string")
        : [];
    return {
        annotations,
        images,
        ...(typeof value?.namespace === "string" ? { namespace: value.namespace } : {}),
    };
}
const entryText = (entry) => `${entry.name}${entry.newTag ? `:${entry.newTag}` : ""}${entry.digest ? `@${entry.digest}` : ""}`;
function date(text) {
    if (!text)
        return undefined;
    const value = new Date(text);
    return Number.isNaN(value.getTime()) ? undefined : value;
}
/** The preview's kustomization, the same bytes for the same inputs. */
function renderKustomization(input) {
    const resources = [external_node_path_.posix.relative(input.path, input.template)];
    if (input.namespaceFile)
        resources.push(NAMESPACE_FILE);
    const body = {
        apiVersion: "kustomize.config.k8s.io/v1beta1",
        kind: "Kustomization",
        metadata: {
            name: `${input.preview.name}-pr-${input.number}`,
            annotations: {
                [plan_MARKER.preview]: input.preview.name,
                [plan_MARKER.pullRequest]: String(input.number),
                [plan_MARKER.created]: input.created,
                [plan_MARKER.updated]: input.updated,
            },
        },
        namespace: input.namespace,
        ...(input.suffix ? { nameSuffix: `-pr-${input.number}` } : {}),
        resources,
        ...(input.images.length > 0 ? { images: input.images } : {}),
    };
    const document = new dist/* Document */.yo(body);
    document.commentBefore =
        ` Preview of pull request #${input.number} (${input.preview.name}), written by gitops-pipeline.\n` +
            " Built from the template; removed when the pull request closes or by a sweep.";
    return document.toString({ lineWidth: 0 });
}
function renderNamespace(namespace, preview, number) {
    const document = new dist/* Document */.yo({
        apiVersion: "v1",
        kind: "Namespace",
        metadata: {
            name: namespace,
            labels: { [plan_MARKER.preview]: preview.name, [plan_MARKER.pullRequest]: String(number) },
        },
    });
    document.commentBefore =
        " Shipped with the preview so that pruning removes it with the preview (a namespace made by CreateNamespace=true is left behind).";
    return document.toString({ lineWidth: 0 });
}
function emptyPlan() {
    return { changes: [], files: [], deletions: [], missing: [], scanned: [], previews: [] };
}
function lineOf(text, needle) {
    const index = text.indexOf(needle);
    return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}
/**
 * Plans preview N: a kustomization that builds from the template in its own namespace (shipping that Namespace
 * unless the template already renders one, which the namespace setting then renames), with a name suffix when the
 * template renders cluster-wide objects, and the given images. Without images the preview keeps the ones it has.
 * Running it again with the same images plans nothing: the timestamps only move when something else does.
 */
async function planPreviewUpdate(reader, preview, request) {
    const { path, namespace } = previewPlace(preview, request.number);
    const facts = await readTemplate(reader, preview.template, {
        file: request.configFile,
        line: preview.templateLine,
    });
    const seen = new Map();
    for (const image of request.images) {
        if (image.tag === undefined && image.digest === undefined) {
            throw new errors/* UserError */.y(`image ${(0,src_image/* formatImageRef */.kL)(image)} has no tag or digest`, {
                hint: "Give the pull request's image as name:tag, e.g. ghcr.io/acme/web:pr-42.",
            });
        }
        const other = seen.get((0,src_image/* normalizedName */.j8)(image));
        if (other && (0,src_image/* versionOf */.E4)(other) !== (0,src_image/* versionOf */.E4)(image))
            throw new errors/* UserError */.y(`image ${(0,src_image/* imageName */.tO)(image)} is given twice with different versions`);
        seen.set((0,src_image/* normalizedName */.j8)(image), image);
    }
    const file = external_node_path_.posix.join(path, KUSTOMIZATION);
    const namespacePath = external_node_path_.posix.join(path, NAMESPACE_FILE);
    const [existing, existingNamespace] = await Promise.all([reader.read(file), reader.read(namespacePath)]);
    const { annotations: marker, images: previous } = readExisting(existing);
    const images = request.images.length > 0
        ? [...seen.values()]
            .map((image) => ({
            name: (0,src_image/* imageName */.tO)(image),
            ...(image.tag !== undefined ? { newTag: image.tag } : {}),
            ...(image.digest !== undefined ? { digest: image.digest } : {}),
        }))
            .sort((a, b) => a.name.localeCompare(b.name))
        : previous;
    const namespaceFile = !facts.kinds.has("Namespace");
    const stamp = request.now.toISOString().replace(/\.\d{3}Z$/, "Z");
    const input = {
        preview,
        number: request.number,
        path,
        namespace,
        template: preview.template,
        suffix: needsNameSuffix(facts),
        namespaceFile,
        images,
        created: marker[plan_MARKER.created] ?? stamp,
        updated: marker[plan_MARKER.updated] ?? stamp,
    };
    let after = renderKustomization(input);
    if (existing !== undefined && after !== existing)
        after = renderKustomization({ ...input, updated: stamp });
    const namespaceText = renderNamespace(namespace, preview, request.number);
    const plan = emptyPlan();
    plan.scanned = [file, namespacePath];
    if (after !== existing)
        plan.files.push({ path: file, before: existing ?? "", after });
    if (namespaceFile && namespaceText !== existingNamespace)
        plan.files.push({ path: namespacePath, before: existingNamespace ?? "", after: namespaceText });
    if (!namespaceFile && existingNamespace !== undefined)
        plan.deletions.push({ path: namespacePath });
    const before = new Map(previous.map((entry) => [entry.name, entry]));
    for (const entry of images) {
        const old = before.get(entry.name);
        if (old && entryText(old) === entryText(entry))
            continue;
        const change = {
            file,
            line: lineOf(after, `name: ${entry.name}`),
            image: entry.name,
            from: old ? entryText(old).slice(old.name.length).replace(/^:/, "") : "",
            to: entryText(entry).slice(entry.name.length).replace(/^:/, ""),
        };
        plan.changes.push(change);
    }
    const changed = plan.files.length > 0 || plan.deletions.length > 0;
    plan.previews.push({
        number: request.number,
        path,
        namespace,
        action: !changed ? "unchanged" : existing === undefined ? "created" : "updated",
        images: images.map(entryText),
    });
    return plan;
}
/** Every file under a directory (symlinks included, as entries to delete), depth first. */
async function filesUnder(reader, dir) {
    const out = [];
    for (const entry of await reader.list(dir)) {
        const path = external_node_path_.posix.join(dir, entry.name);
        if (entry.type === "dir")
            out.push(...(await filesUnder(reader, path)));
        else
            out.push(path);
    }
    return out.sort();
}
/** Plans removing preview N: every file of its folder. Nothing to do when it does not exist. */
async function planPreviewDelete(reader, preview, number) {
    const { path, namespace } = previewPlace(preview, number);
    const plan = emptyPlan();
    const files = await filesUnder(reader, path);
    plan.deletions.push(...files.map((file) => ({ path: file })));
    plan.previews.push({
        number,
        path,
        namespace,
        action: files.length > 0 ? "removed" : "unchanged",
        images: [],
    });
    return plan;
}
/** The folder every preview of this entry lives in, and how a preview's folder name carries its number. */
function previewRoot(preview) {
    const root = external_node_path_.posix.dirname(preview.path);
    const last = external_node_path_.posix.basename(preview.path);
    const source = last
        .split("{number}")
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("([1-9][0-9]{0,9})");
    return { root: root === "." ? "" : root, name: new RegExp(`^${source}$`) };
}
/** The previews of an entry that exist in the repository, by pull request number. */
async function listPreviews(reader, preview) {
    const { root, name } = previewRoot(preview);
    const found = [];
    for (const entry of await reader.list(root)) {
        const match = entry.type === "dir" ? name.exec(entry.name) : null;
        if (!match)
            continue;
        const numbers = match.slice(1).map(Number);
        if (numbers.some((n) => n !== numbers[0]) || numbers[0] > number/* MAX_PULL_REQUEST_NUMBER */.x)
            continue;
        const path = external_node_path_.posix.join(root, entry.name);
        const text = await reader.read(external_node_path_.posix.join(path, KUSTOMIZATION));
        const existing = readExisting(text);
        found.push({
            number: numbers[0],
            path,
            namespace: existing.namespace,
            created: date(existing.annotations[plan_MARKER.created]),
            updated: date(existing.annotations[plan_MARKER.updated]),
            images: existing.images.map(entryText),
        });
    }
    return found.sort((a, b) => a.number - b.number);
}
/**
 * Plans a sweep: previews whose pull request is not open (when the open ones are known) or that were last
 * updated longer ago than the ttl are removed, all in one change set.
 */
async function planSweep(reader, preview, facts) {
    const plan = emptyPlan();
    for (const found of await listPreviews(reader, preview)) {
        let reason;
        if (facts.open && !facts.open.has(found.number))
            reason = `pull request #${found.number} is not open`;
        else if (preview.ttlMs !== undefined) {
            const since = found.updated ?? found.created;
            if (since && facts.now.getTime() - since.getTime() > preview.ttlMs)
                reason = `not updated for longer than ${preview.ttl} (since ${since.toISOString()})`;
        }
        const namespace = found.namespace ?? fillNumber(preview.namespace, found.number);
        if (!reason) {
            plan.previews.push({
                number: found.number,
                path: found.path,
                namespace,
                action: "kept",
                images: found.images,
            });
            continue;
        }
        const files = await filesUnder(reader, found.path);
        plan.deletions.push(...files.map((file) => ({ path: file })));
        plan.previews.push({
            number: found.number,
            path: found.path,
            namespace,
            action: "removed",
            reason,
            images: found.images,
        });
    }
    return plan;
}

;// CONCATENATED MODULE: ./src/previews/texts.ts
const VERB = {
    created: ["created", "would create"],
    updated: ["updated", "would update"],
    unchanged: ["unchanged", "unchanged"],
    removed: ["removed", "would remove"],
    kept: ["kept", "kept"],
};
/** One line per preview, for the CLI and the runner log. */
function previewLines(previews, dryRun) {
    if (previews.length === 0)
        return ["no previews"];
    return previews.map((p) => {
        const verb = VERB[p.action][dryRun ? 1 : 0];
        const images = p.images.length > 0 ? ` → ${p.images.join(", ")}` : "";
        return `#${p.number} ${verb}: ${p.path} (namespace ${p.namespace})${images}${p.reason ? ` — ${p.reason}` : ""}`;
    });
}
/** Commit headline and body for a preview change. */
function previewCommitTexts(name, action, plan) {
    const changed = plan.previews.filter((p) => p.action !== "kept" && p.action !== "unchanged");
    let headline;
    if (action === "sweep") {
        const numbers = changed.map((p) => `#${p.number}`).join(", ");
        headline = `Sweep ${name} previews: remove ${numbers || "none"}`;
    }
    else {
        const only = plan.previews[0];
        headline = `${action === "delete" ? "Remove" : only.action === "created" ? "Create" : "Update"} ${name} preview for #${only.number}`;
    }
    return { headline, title: headline, body: previewLines(changed, false).join("\n") };
}
/** The job summary: a table of the previews touched, with each one's namespace and images. */
function previewSummary(name, plan, extra) {
    const cell = (text) => text.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
    const rows = plan.previews.map((p) => `| #${p.number} | ${p.action} | \`${cell(p.namespace)}\` | ${cell(p.path)} | ${cell(p.images.join(", ") || "—")} | ${cell(p.reason ?? "")} |`);
    return [
        `### Previews of ${cell(name)}: ${cell(extra.operation)}`,
        "",
        ...(rows.length > 0
            ? ["| Pull request | Preview | Namespace | Path | Images | Why |", "|---|---|---|---|---|---|", ...rows]
            : ["No previews."]),
        ...(extra.url ? ["", `Commit or pull request: ${extra.url}`] : []),
        "",
    ].join("\n");
}

;// CONCATENATED MODULE: ./src/flows/preview.ts







function headBranch(request) {
    if (request.branch)
        return request.branch;
    const who = request.name ?? "preview";
    return request.action === "sweep"
        ? `gitops/preview/${who}/sweep`
        : `gitops/preview/${who}/pr-${request.number}`;
}
/**
 * Creates, updates or removes a preview, or sweeps them, as one commit (or one pull request) through the same
 * delivery as an image update: read what the config and the preview folder need, plan in the core, write once.
 */
async function previewThroughGitHub(request, clients, openPullRequests, logger) {
    // Known before anything is read, so a sweep that cannot learn what is open changes nothing.
    const open = request.action === "sweep" && openPullRequests ? await openPullRequests() : undefined;
    let preview;
    const result = await GitHubConfigRepository.of(clients, request.repository, logger).deliver({
        base: request.base,
        mode: request.mode,
        target: {
            config: request.config,
            resolve: (text) => {
                if (text === undefined) {
                    throw new errors/* UserError */.y(`previews need ${request.config} in the config repository, and there is none`, {
                        hint: "Create the config file with a previews: section at the repository root, or set `config` to where it is.",
                    });
                }
                preview = findPreview(loadConfig(text, request.config), request.name);
                const root = external_node_path_.posix.dirname(preview.path);
                return { patterns: [root === "." ? "" : root, preview.template], mode: request.mode ?? preview.mode };
            },
        },
        plan: async (reader) => {
            const entry = preview;
            if (request.action === "update") {
                return planPreviewUpdate(reader, entry, {
                    number: request.number,
                    images: request.images,
                    now: request.now,
                    configFile: request.config,
                });
            }
            if (request.action === "delete")
                return planPreviewDelete(reader, entry, request.number);
            return planSweep(reader, entry, { now: request.now, open });
        },
        branch: headBranch(request),
        texts: (plan) => {
            const texts = previewCommitTexts(preview.name, request.action, plan);
            const lines = previewLines(plan.previews, false).map((line) => `- ${line}`);
            return {
                ...texts,
                pullRequestBody: [
                    `Preview environments of **${preview.name}**, as \`${request.action}\` left them:`,
                    "",
                    ...lines,
                    ...(request.runUrl ? ["", `Run: ${request.runUrl}`] : []),
                ].join("\n"),
            };
        },
        pullRequest: {
            labels: request.labels,
            reviewers: request.reviewers,
            teamReviewers: request.teamReviewers,
            draft: request.draft,
            autoMerge: request.autoMerge,
        },
        body: request.body,
        dryRun: request.dryRun,
    });
    return { ...result, plan: result.plan, preview: preview?.name ?? request.name ?? "" };
}

// EXTERNAL MODULE: ./src/metrics/trailers.ts
var trailers = __webpack_require__(1881);
;// CONCATENATED MODULE: ./src/flows/update.ts







/** The planner bound to the request: the core's planUpdate plus the missing-image rule. */
function planner(request, logger) {
    return async (reader, patterns) => {
        const plan = await planUpdate(reader, patterns, request.images, { helmPaths: request.helmPaths });
        if (plan.missing.length > 0) {
            const names = plan.missing.map(src_image/* formatImageRef */.kL).join(", ");
            if (!request.allowMissing) {
                throw missingImagesError(plan, patterns, "Check the image names and the paths (or the environment), or set allow-missing: true to update the others.");
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
        const title = request.title || (0,pull_request/* defaultTitle */.QL)(request.images, request);
        const [headline, ...rest] = (request.commitMessage || title).split(/\r?\n/);
        const written = request.commitMessage ? rest.join("\n").trim() : commitBody(plan.changes);
        const body = (0,trailers/* appendTrailerLines */.B3)(written, (0,trailers/* formatSourceTrailers */.Zd)(request.sources ?? []));
        return {
            headline: headline.trim() || title,
            body,
            title,
            pullRequestBody: (0,pull_request/* pullRequestBody */.NF)(plan.changes, {
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
        (0,pull_request/* headBranchName */.wh)({ environment: request.environment, paths: request.paths }, request.images));
}
/** One commit, at most one pull request, through whatever delivers change sets (the GitHub API without a clone). */
function updateThrough(request, delivery, logger) {
    return delivery.deliver({
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
    });
}
/** API mode: no clone, one commit, at most one pull request. */
function updateThroughGitHub(request, clients, logger) {
    return updateThrough(request, GitHubConfigRepository.of(clients, request.repository, logger), logger);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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

;// CONCATENATED MODULE: ./src/git/working-tree.ts






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
/**
 * A local checkout and its remote, as the working-directory update needs them: every git command behind a
 * method, so the update flow reads as what it does. Commits carry the configured identity (the workflow's
 * committer, the checkout's own, or the Actions bot when there is none).
 */
class Checkout {
    cwd;
    remote;
    identity = [];
    commitFlags = [];
    constructor(cwd, remote) {
        this.cwd = cwd;
        this.remote = remote;
    }
    /** The repository in `directory`; a UserError when there is none. */
    static async open(directory, remote = "origin") {
        const cwd = (0,external_node_path_.resolve)(directory);
        await must(cwd, ["rev-parse", "--git-dir"], `find a repository in ${directory}`);
        return new Checkout(cwd, remote);
    }
    /** Who commits: the committer when given, else git's configured identity, else the Actions bot. */
    async useIdentity(options) {
        const configured = (await git(this.cwd, ["config", "user.email"])).stdout.trim();
        this.identity = options.committer ? asConfig(options.committer) : configured ? [] : asConfig(BOT);
        this.commitFlags = [
            ...(options.author ? [`--author=${(0,pull_request/* formatIdentity */.gZ)(options.author)}`] : []),
            ...(options.signoff ? ["--signoff"] : []),
        ];
    }
    /** The checked-out branch; "" on a detached HEAD. */
    async currentBranch() {
        return (await git(this.cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"])).stdout.trim();
    }
    remoteUrl() {
        return must(this.cwd, ["remote", "get-url", this.remote], `find the remote ${this.remote}`);
    }
    /** `git status --porcelain` of these paths: "" when they have no uncommitted changes. */
    async status(paths) {
        return (await must(this.cwd, ["status", "--porcelain", "--", ...paths], "read the status")).trim();
    }
    /** Stages and commits exactly these paths. */
    async commit(paths, headline, body) {
        await must(this.cwd, ["add", "--", ...paths], "stage the updated files");
        await must(this.cwd, [
            ...this.identity,
            "commit",
            "--quiet",
            ...this.commitFlags,
            "-m",
            headline,
            ...(body ? ["-m", body] : []),
            "--",
            ...paths,
        ], "commit");
    }
    head() {
        return must(this.cwd, ["rev-parse", "HEAD"], "read the new commit");
    }
    async save(branch) {
        const { cwd } = this;
        const head = await must(cwd, ["rev-parse", "--verify", "HEAD"], "read HEAD");
        const current = await this.currentBranch();
        const stash = await must(cwd, [...this.identity, "stash", "create"], "record the uncommitted changes");
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
    async restore(saved, logger) {
        const { cwd } = this;
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
    async checkout(branch) {
        await git(this.cwd, ["checkout", "--quiet", branch]);
    }
    /** Pushes HEAD to the remote branch, never forced. */
    async push(branch) {
        const pushed = await git(this.cwd, ["push", "--porcelain", this.remote, `HEAD:refs/heads/${branch}`]);
        if (pushed.code === 0)
            return { ok: true };
        return {
            ok: false,
            stale: isRejectedAsStale(pushed),
            output: `${pushed.stdout}\n${pushed.stderr}`.trim(),
        };
    }
    /**
     * Fetches the remote branch and rebases our commit onto it. When the rebase conflicts (the same lines changed
     * remotely), our commit is dropped and the checkout caught up; false then, so the edit is planned again.
     */
    async rebaseOnRemote(branch) {
        const { cwd } = this;
        await must(cwd, ["fetch", "--quiet", this.remote, branch], `fetch ${branch}`);
        const rebased = await git(cwd, [...this.identity, "rebase", "--quiet", "--autostash", "FETCH_HEAD"]);
        if (rebased.code === 0)
            return true;
        await git(cwd, ["rebase", "--abort"]);
        await must(cwd, ["reset", "--quiet", "--keep", "HEAD~1"], "drop the conflicting update commit");
        await must(cwd, [...this.identity, "rebase", "--quiet", "--autostash", "FETCH_HEAD"], "rebase onto the remote branch");
        return false;
    }
    /** The remote branch's commit, fetched. */
    async fetchBranch(branch) {
        await must(this.cwd, ["fetch", "--quiet", this.remote, `refs/heads/${branch}`], `fetch ${branch}`);
        return must(this.cwd, ["rev-parse", "FETCH_HEAD"], "read the fetched base");
    }
    /** Checks out `branch` reset to `oid` (created when missing). */
    async resetBranch(branch, oid) {
        await must(this.cwd, ["checkout", "--quiet", "-B", branch, oid], `create branch ${branch}`);
    }
    /** The remote branch's commit as the remote lists it; undefined when it has no such branch. */
    async remoteHead(branch) {
        const listed = await must(this.cwd, ["ls-remote", this.remote, `refs/heads/${branch}`], "list the remote branch");
        return listed.split(/\s/)[0] || undefined;
    }
    /** Whether HEAD holds exactly the files of the remote branch. */
    async sameTreeAsRemote(branch) {
        const { cwd } = this;
        await must(cwd, ["fetch", "--quiet", this.remote, `refs/heads/${branch}`], `fetch ${branch}`);
        const [ours, theirs] = await Promise.all([
            must(cwd, ["rev-parse", "HEAD^{tree}"], "read the tree"),
            must(cwd, ["rev-parse", "FETCH_HEAD^{tree}"], "read the remote tree"),
        ]);
        return ours === theirs;
    }
    /** Force only ever lands on the pull request's own head branch, never on a base. */
    async forcePush(branch) {
        await must(this.cwd, ["push", "--quiet", "--force", this.remote, `HEAD:refs/heads/${branch}`], `push ${branch}`);
    }
    async deleteRemoteBranch(branch) {
        await must(this.cwd, ["push", "--quiet", this.remote, "--delete", `refs/heads/${branch}`], `delete ${branch}`);
    }
    /**
     * What a real run would do, for a dry run: commit mode commits; pull-request mode creates the head branch when
     * the remote has none (or no remote can be asked), and updates it unless it already holds these exact files.
     * Reads only: `ls-remote` and a fetch of the head branch, never the checkout.
     */
    async dryRunOperation(branch, planned) {
        const { cwd, remote } = this;
        if (!branch)
            return "would-commit";
        const listed = await git(cwd, ["ls-remote", remote, `refs/heads/${branch}`]);
        if (listed.code !== 0 || listed.stdout.trim() === "")
            return "would-create";
        const fetched = await git(cwd, ["fetch", "--quiet", remote, `refs/heads/${branch}`]);
        if (fetched.code !== 0)
            return "would-update";
        const oids = await blobOidsAt(cwd, "FETCH_HEAD", planned.files.map((file) => file.path));
        return planned.files.every((file) => oids.get(file.path) === gitBlobOid(file.after))
            ? "unchanged"
            : "would-update";
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

;// CONCATENATED MODULE: ./src/flows/update-working-directory.ts






/**
 * Working-directory mode, for any git host: edit the checkout with the core, commit, push. A push the remote
 * refuses because it moved is retried after a fetch and rebase; when the rebase conflicts (someone changed the
 * same lines), our commit is dropped and the edit planned again on the new tree. Pull-request mode pushes the
 * head branch (force: it is ours alone) and opens or updates the pull request when the remote is on GitHub.
 * Whatever fails after the edit began, the checkout is put back as it was.
 */
async function updateInWorkingDirectory(request, directory, options) {
    const attempts = options.attempts ?? 5;
    const { logger } = options;
    const checkout = await Checkout.open(directory, options.remote ?? "origin");
    const reader = localReader(checkout.cwd);
    let patterns = request.paths;
    let configMode;
    if (request.environment) {
        const target = targetFromConfig(request, await reader.read(request.config));
        patterns = target.patterns;
        configMode = target.mode;
    }
    const mode = request.mode ?? configMode ?? "pull-request";
    const branch = mode === "pull-request" ? branchFor(request) : undefined;
    const plan = planner(request, logger);
    const original = await checkout.currentBranch();
    const base = request.base || original;
    if (request.dryRun) {
        // A dry run only plans on the checkout: it works on any checkout, detached or without a remote.
        const planned = await plan(reader, patterns);
        return {
            operation: planned.changes.length === 0 ? "unchanged" : await checkout.dryRunOperation(branch, planned),
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
    const remoteUrl = await checkout.remoteUrl();
    const github = options.serverUrl ? gitHubRepositoryOf(remoteUrl, options.serverUrl) : undefined;
    const repositoryName = github ? `${github.owner}/${github.repo}` : remoteUrl.replace(/\/\/[^@/]*@/, "//");
    const pullRequests = github && options.clients
        ? new GitHubPullRequests({ clients: options.clients, repository: github, logger })
        : undefined;
    const texts = (planned, baseName) => {
        const made = textsFor(request)(planned, baseName);
        return { ...made, pullRequestBody: (0,pull_request/* withUserBody */.af)(made.pullRequestBody, request.body) };
    };
    await checkout.useIdentity(request);
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
        const dirty = await checkout.status(paths);
        if (dirty) {
            throw new errors/* UserError */.y(`files to update have uncommitted changes in ${directory}:\n${dirty}`, {
                hint: "Commit or discard them before this step, so the update commit contains only the version bump.",
            });
        }
        const { headline, body } = texts(planned, base);
        touched = true;
        await reader.writeAll(planned.files.map((file) => ({ path: file.path, content: file.after })));
        await checkout.commit(paths, headline, body);
        return { planned, committed: true };
    };
    const saved = await checkout.save(branch);
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
                await checkout.checkout(original);
        }
    }
    catch (error) {
        if (touched)
            await checkout.restore(saved, logger);
        throw error;
    }
    async function commitAndPush() {
        let { planned, committed } = await commitEdits();
        if (!committed)
            return outcome({ operation: "unchanged", plan: planned });
        for (let attempt = 1;; attempt++) {
            const pushed = await checkout.push(base);
            if (pushed.ok)
                break;
            if (!pushed.stale || attempt >= attempts) {
                throw new errors/* UserError */.y(`git push to ${base} failed: ${pushed.output}`, {
                    hint: (pushed.stale
                        ? "The branch kept moving; re-run the job."
                        : "Check that the checkout's credentials may push to the branch (actions/checkout persists them) and that no protection rule refuses it.") +
                        " The checkout was put back as it was.",
                });
            }
            logger.info(`${base} moved on the remote; rebasing and pushing again (attempt ${attempt + 1} of ${attempts})`);
            if (!(await checkout.rebaseOnRemote(base))) {
                // The same lines changed remotely: our commit was dropped, so the edit is planned again on what is there now.
                ({ planned, committed } = await commitEdits());
                if (!committed)
                    return outcome({ operation: "unchanged", plan: planned });
            }
        }
        const oid = await checkout.head();
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
        const baseOid = await checkout.fetchBranch(base);
        touched = true;
        await checkout.resetBranch(branch, baseOid);
        const { planned, committed } = await commitEdits();
        const proposal = (made) => ({
            branch,
            base,
            texts: made,
            pullRequest: pullRequestOptions(request),
        });
        const remoteHead = await checkout.remoteHead(branch);
        if (!committed) {
            if (!request.deleteBranch || !remoteHead)
                return outcome({ operation: "unchanged", plan: planned });
            // delete-branch: nothing left to change, so the pull request is closed and its branch deleted.
            const open = pullRequests ? await pullRequests.find(branch, base) : undefined;
            if (pullRequests && open)
                await pullRequests.close(open);
            await checkout.deleteRemoteBranch(branch);
            logger.info(`Deleted branch ${branch} on ${repositoryName}: nothing is left to change`);
            return outcome({ operation: open ? "closed" : "unchanged", plan: planned, pullRequest: open });
        }
        const same = remoteHead ? await checkout.sameTreeAsRemote(branch) : false;
        if (!same)
            await checkout.forcePush(branch);
        const oid = same ? remoteHead : await checkout.head();
        if (!pullRequests) {
            return outcome({
                operation: same ? "unchanged" : remoteHead ? "updated" : "created",
                plan: planned,
                commit: { oid },
                note: `Pushed branch \`${branch}\` to ${repositoryName}; the remote is not on this GitHub server, so open the pull request there.`,
            });
        }
        const existing = await pullRequests.find(branch, base);
        if (existing && same)
            return outcome({ operation: "unchanged", plan: planned, pullRequest: existing, commit: { oid } });
        const { pullRequest, created, warnings } = await pullRequests.openOrUpdate(proposal(texts(planned, base)), existing);
        return outcome({
            operation: created ? "created" : "updated",
            plan: planned,
            pullRequest,
            commit: { oid },
            warnings,
        });
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
    const retries = options.retries ?? settings/* DEFAULT_RETRIES */.TU;
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
        request: { fetch: fetchWithTimeout(options.requestTimeoutMs ?? settings/* DEFAULT_REQUEST_TIMEOUT_S */.Qm * 1000) },
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

;// CONCATENATED MODULE: ./src/texts/update-summary.ts


/** Operations that wrote something (or, in a dry run, would). */
const WRITES = new Set([
    "created",
    "updated",
    "committed",
    "would-create",
    "would-update",
    "would-commit",
]);
/**
 * The outputs users of peter-evans/create-pull-request read, with their values: `pull-request-operation` is
 * created, updated, closed or none (none also for a commit, a dry run, or a pull request already up to date).
 */
function pullRequestOutputs(outcome) {
    const { operation } = outcome;
    const done = operation === "created" || operation === "updated" || operation === "closed";
    const hasHead = outcome.mode === "pull-request" && operation !== "closed" && !operation.startsWith("would-");
    return {
        "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
        "pull-request-url": outcome.pullRequest?.url ?? "",
        "pull-request-operation": done ? operation : "none",
        "pull-request-head-sha": hasHead ? (outcome.commit?.oid ?? "") : "",
        "pull-request-branch": outcome.mode === "pull-request" ? (outcome.branch ?? "") : "",
    };
}
/**
 * The step outputs the action contract names, as strings. `changed` is true exactly when the run wrote image
 * references (a commit, or a pull request opened or updated with them) or, in a dry run, would.
 */
function outputsOf(outcome) {
    const changes = outcome.plan.changes.map(({ file, line, image, from, to }) => ({
        file,
        line,
        image,
        from,
        to,
    }));
    return {
        changed: String(WRITES.has(outcome.operation)),
        changes: JSON.stringify(changes),
        "changed-files": JSON.stringify(outcome.plan.files.map((file) => file.path)),
        "commit-sha": outcome.commit?.oid ?? "",
        operation: outcome.operation,
        ...pullRequestOutputs(outcome),
    };
}
/** The job summary: what happened, links to the pull request and commit, the change table. */
function summaryOf(outcome) {
    const { plan } = outcome;
    const lines = [];
    const heading = {
        created: "Pull request opened",
        updated: "Pull request updated",
        closed: "Pull request closed, nothing left to change",
        unchanged: plan.changes.length === 0 ? "Already at the requested versions" : "Pull request already up to date",
        committed: "Committed",
        "would-create": "Dry run: would open a pull request",
        "would-update": "Dry run: would update the pull request",
        "would-close": "Dry run: would close the pull request, nothing left to change",
        "would-commit": "Dry run: would commit",
    }[outcome.operation];
    lines.push(`### update-manifest-tag: ${heading}`, "");
    if (outcome.dryRun)
        lines.push("Dry run: nothing was written.", "");
    const where = outcome.repositoryUrl
        ? `[${outcome.repository}](${outcome.repositoryUrl})`
        : outcome.repository;
    lines.push(`Repository ${where}, base \`${outcome.base}\`, mode \`${outcome.mode}\`.`);
    if (outcome.pullRequest)
        lines.push("", `Pull request: [#${outcome.pullRequest.number}](${outcome.pullRequest.url})`);
    if (outcome.commit) {
        const short = outcome.commit.oid.slice(0, 7);
        lines.push("", `Commit: ${outcome.commit.url ? `[\`${short}\`](${outcome.commit.url})` : `\`${short}\``}`);
    }
    if (outcome.note)
        lines.push("", outcome.note);
    lines.push("");
    if (plan.changes.length === 0) {
        lines.push(`No change: ${plan.scanned.length} file(s) already reference the requested versions.`);
    }
    else {
        const ref = outcome.commit?.oid ?? outcome.base;
        const link = outcome.repositoryUrl
            ? (file, line) => `${outcome.repositoryUrl}/blob/${ref}/${file.split("/").map(encodeURIComponent).join("/")}#L${line}`
            : undefined;
        lines.push((0,pull_request/* changeTable */.Hg)(plan.changes, link));
        if (outcome.dryRun)
            lines.push("", "```diff", unifiedDiff(plan.files).trimEnd(), "```");
    }
    if (outcome.warnings.length > 0) {
        lines.push("", "**Warnings**", "", ...outcome.warnings.map((warning) => `- ${warning}`));
    }
    return `${lines.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./src/actions/update-manifest-tag.work.ts
/** What the update-manifest-tag action loads once its inputs are checked: one chunk of the bundle, loaded at once. */










/***/ })

};
