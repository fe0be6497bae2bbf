export const id = 797;
export const ids = [797];
export const modules = {

/***/ 1797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubConfigRepository: () => (/* reexport */ GitHubConfigRepository),
  changeLine: () => (/* reexport */ changeLine),
  createGitHubClients: () => (/* reexport */ createGitHubClients),
  gateSummary: () => (/* reexport */ gateSummary),
  imagesAfter: () => (/* reexport */ imagesAfter),
  openPromotions: () => (/* reexport */ openPromotions),
  proposalSummary: () => (/* reexport */ proposalSummary),
  propose: () => (/* reexport */ propose),
  pullRequestOutputs: () => (/* reexport */ pullRequestOutputs),
  recordDeployment: () => (/* reexport */ recordDeployment),
  runGate: () => (/* reexport */ runGate),
  runMetrics: () => (/* reexport */ runMetrics),
  runRecord: () => (/* reexport */ runRecord),
  runReportHealth: () => (/* reexport */ runReportHealth),
  unifiedDiff: () => (/* reexport */ diff_unifiedDiff)
});

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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
function isInside(root, target) {
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
        if (!isInside(top, real)) {
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
        position: (offset) => document_positionOf(outer, toOuter(offset)),
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
function scalar_scalarText(content, node) {
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
                    at: document_positionOf(file, target.range[0]),
                    uses: [],
                };
                found.set(target, use);
            }
            use.uses.push(document_positionOf(file, alias.range?.[0] ?? 0));
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
                    const { line, column } = document_positionOf(file, node.range?.[0] ?? 0);
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
/**
 * What the target environment's config asks of a promotion or rollback into it, as the gate takes it: one place, so
 * a new environment setting reaches the gate on GitHub and on a laptop alike.
 */
function targetPolicy(target, kind) {
    return {
        approvals: requiredApprovals(target, kind),
        windows: target.windows,
        freezes: target.freezes,
        requireStatus: target.requireStatus,
        target: { name: target.name, paths: target.paths },
    };
}

// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
;// CONCATENATED MODULE: ./src/manifests/context.ts




function context_formatPath(path) {
    let out = "";
    for (const part of path)
        out += typeof part === "number" ? `[${part}]` : out ? `.${part}` : part;
    return out;
}
/** Parses without throwing: values like `${IMAGE}` or `{{ .Values.image }}` are simply not references. */
function context_tryParseRef(text) {
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
    return scalar_scalarText(ctx.file.content, reached.node);
}
function located(ctx, node, reached, path, ref, kind) {
    const at = reached.alias ?? document_positionOf(ctx.file, node.range?.[0] ?? 0);
    return {
        file: ctx.file.path,
        line: at.line,
        column: at.column,
        field: context_formatPath(path),
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
    const ref = context_tryParseRef(scalar_scalarText(ctx.file.content, node));
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
    const nameRef = context_tryParseRef(name);
    if (!primary || !nameRef || nameRef.tag || nameRef.digest)
        return undefined;
    const text = (part) => (part ? scalar_scalarText(content, part.node) || undefined : undefined);
    const version = parts_literalVersion(text(parts.tag), text(parts.digest), false);
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
const parts_TEMPLATE = /\{\{|\$\{|\$\(/;
/**
 * The version spelled by a tag value and a digest value, each possibly empty. Undefined when either is a template or
 * variable (`${TAG}`, `{{ .Values.tag }}`): such a place is filled in by something else, so it is not a reference to
 * edit — writing a literal over a variable would cut it off from its source. Any other value is taken as written,
 * valid or not: whoever reads it (a promotion, the gate) refuses an invalid one at its line, and an edit replaces it.
 */
function parts_literalVersion(tag, digest, tagMayCarryDigest) {
    if ((tag !== undefined && parts_TEMPLATE.test(tag)) || (digest !== undefined && parts_TEMPLATE.test(digest)))
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
    const nameRef = context_tryParseRef(registry ? `${registry.replace(/\/+$/, "")}/${repositoryText}` : repositoryText);
    if (!nameRef || nameRef.tag || nameRef.digest)
        return undefined;
    const version = parts_literalVersion(stringOf(ctx, tagField?.value) || undefined, stringOf(ctx, digest?.value) || undefined, !digest);
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
    const leftRef = left === undefined ? undefined : context_tryParseRef(left);
    const ref = context_tryParseRef(text.slice(equals + 1));
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
    let name = slots.name ? scalar_scalarText(content, slots.name.node) : undefined;
    if (!name && primary.parent) {
        const sibling = primary.parent.get("repository", true);
        name = (0,dist/* isScalar */.jn)(sibling) ? scalar_scalarText(content, sibling) : undefined;
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
    const nameRef = context_tryParseRef(stringOf(ctx, name?.value));
    if (!nameRef || !name)
        return undefined;
    const newNameRef = context_tryParseRef(stringOf(ctx, newName?.value));
    const version = parts_literalVersion(stringOf(ctx, newTag?.value) || undefined, stringOf(ctx, digest?.value) || undefined, false);
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
const VERSION_FIELDS = (/* unused pure expression or super */ null && (["tag", "newTag", "version", "digest"]));
/** Places reported per image and file: enough to point the way, few enough to read. */
const PER_IMAGE = 3;
/**
 * The places of a file that spell one of `images` (by name, with or without a version) outside every place the
 * finders edit — a template, a variable, an environment variable, a comment — with the reason for each. Called when
 * an image was found nowhere, so the error can say where it is instead of "not referenced".
 */
function mentions_uneditedMentions(parsed, images) {
    const { content } = parsed.file;
    const out = [];
    for (const image of images) {
        const wanted = normalizedName(image);
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
            if (!name || normalizedName(name) !== wanted)
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
    if (!isMap(parent))
        return undefined;
    for (const pair of parent.items) {
        if (!isScalar(pair.key) || !VERSION_FIELDS.includes(String(pair.key.value)) || !isScalar(pair.value))
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
    if (isScalar(node))
        return { node, path, isKey: false, parent };
    if (isMap(node)) {
        for (const pair of node.items) {
            if (!isPair(pair))
                continue;
            const key = isScalar(pair.key) ? String(pair.key.value) : "?";
            const keyRange = pair.key?.range;
            if (isScalar(pair.key) && keyRange && offset >= keyRange[0] && offset < keyRange[1]) {
                return { node: pair.key, path: [...path, key], isKey: true, parent: node };
            }
            const found = scalarAt(pair.value, offset, [...path, key], node);
            if (found)
                return found;
        }
    }
    else if (isSeq(node)) {
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
function manifests_updateFile(path, content, images, options = {}) {
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
function manifests_explainMissing(path, content, images) {
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

;// CONCATENATED MODULE: ./src/promote/pairing.ts

// Which app a file belongs to, read from the wildcard parts of an environment's paths: the patterns
// apps/*/overlays/staging and apps/*/overlays/production both name the app `web` for files under
// apps/web/overlays/…, and that shared name is what pairs a source app with its target.
/** How an app is shown when an environment's paths have no wildcard: the whole environment is one app. */
const WHOLE_ENVIRONMENT = "(all)";
function escapeRegExp(text) {
    return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}
function segmentSource(segment) {
    if (segment === "**")
        return { source: "(.*?)", groups: 1 };
    let source = "";
    let groups = 0;
    for (const char of segment) {
        if (char === "*") {
            source += "([^/]*)";
            groups++;
        }
        else if (char === "?") {
            source += "([^/])";
            groups++;
        }
        else {
            source += escapeRegExp(char);
        }
    }
    return { source, groups };
}
const cache = new Map();
function compile(pattern) {
    const cached = cache.get(pattern);
    if (cached)
        return cached;
    const trimmed = pattern.replace(/^\.\//, "").replace(/\/+$/, "");
    const segments = trimmed.split("/").map(segmentSource);
    const body = segments.map((s) => s.source).join("/");
    const compiled = {
        pattern,
        prefix: new RegExp(`^${body}(?:/.*)?$`),
        whole: new RegExp(`^${body}$`),
        lastSegmentGroups: segments.at(-1)?.groups ?? 0,
    };
    cache.set(pattern, compiled);
    return compiled;
}
/** True when `file` (repo-relative) is one of the paths, lies under one of them, or matches one of their globs. */
function inPaths(file, patterns) {
    return patterns.some((pattern) => compile(pattern).prefix.test(file));
}
/**
 * The app `file` belongs to under `patterns`, or undefined when it lies outside all of them. Wildcards in
 * directory segments name the app; a pattern without wildcards makes the whole environment one app.
 */
function appOf(file, patterns) {
    for (const pattern of patterns) {
        const compiled = compile(pattern);
        const whole = compiled.whole.exec(file);
        if (whole) {
            const groups = whole.slice(1, whole.length - compiled.lastSegmentGroups);
            return appName(groups);
        }
        const prefix = compiled.prefix.exec(file);
        if (prefix)
            return appName(prefix.slice(1));
    }
    return undefined;
}
function appName(groups) {
    const parts = groups.filter((g) => g !== undefined && g !== "");
    return parts.length === 0 ? WHOLE_ENVIRONMENT : parts.join("/");
}
/**
 * Which source app each target app takes its versions from. Names pair first: the same name, or a target named
 * `<cluster>/<app>` for a source `<app>`. When no name pairs at all and the source is one app (one overlay, or
 * one wildcard match), it fans out to every target app: `staging: [apps/web/staging]` into `production:
 * [clusters/*\/web]` promotes into each cluster. Several source apps and no name in common cannot be paired
 * without guessing, so that is an error, as is a target whose name matches two sources.
 */
function pairApps(sources, targets, names) {
    const pairs = [];
    for (const target of targets) {
        if (sources.includes(target)) {
            pairs.push({ source: target, target });
            continue;
        }
        const byName = sources.filter((source) => source !== WHOLE_ENVIRONMENT && target.endsWith(`/${source}`));
        if (byName.length > 1) {
            throw new errors/* UserError */.y(`${names.to} app ${target} matches ${byName.length} ${names.from} apps by name (${byName.join(", ")}), so which one to promote into it is ambiguous`, {
                hint: `Name the apps so that each ${names.to} app ends with exactly one ${names.from} app's name.`,
            });
        }
        if (byName.length === 1)
            pairs.push({ source: byName[0], target });
    }
    if (pairs.length > 0 || targets.length === 0 || sources.length === 0)
        return pairs;
    if (sources.length === 1)
        return targets.map((target) => ({ source: sources[0], target }));
    throw new errors/* UserError */.y(`no ${names.to} app shares a name with a ${names.from} app, and ${names.from} has ${sources.length} apps (${sources.join(", ")}), so which one goes where is ambiguous`, {
        hint: `${names.to} has ${targets.join(", ")}. Pair by name (the wildcard parts of both environments' paths), ` +
            `or promote one source overlay into many: give ${names.from} a single path and ${names.to} a wildcard path such as clusters/*/APP.`,
    });
}

;// CONCATENATED MODULE: ./src/promote/references.ts
// A promotion reads image references out of one environment's files and writes their versions into another's,
// into a pull request's table, a commit message and the log. What it reads is repository content: a tag such as
// "sha-1\nnamePrefix: pwned-" must never be copied, compared or printed as if it were a version.


/**
 * Checks the tag and digest a finder read from a file the way update-tag checks its inputs: each must parse as
 * exactly that part of `name:tag@digest`. The name needs no check here: finders only recognise names that parse.
 */
function referenceProblem(ref) {
    const name = (0,src_image/* imageName */.tO)(ref);
    const parts = [
        ["tag", ref.tag, ":"],
        ["digest", ref.digest, "@"],
    ];
    for (const [part, value, separator] of parts) {
        if (value === undefined)
            continue;
        let why = `it is not one ${part}`;
        let hint = "Write it as name[:tag][@sha256:<64 hex>].";
        try {
            const parsed = (0,src_image/* parseImageRef */.Q)(`${name}${separator}${value}`);
            if (parsed[part] === value && (part === "digest" || parsed.digest === undefined))
                continue;
        }
        catch (error) {
            if (!(0,errors/* isUserError */.i)(error))
                throw error;
            // Offsets count from the start of the value, not of the reference it was checked in.
            why = reasonOf(error.message).replace(/at offset (\d+)/, (_, at) => `at offset ${Number(at) - name.length - separator.length}`);
            hint = error.hint ?? "";
        }
        // "1.0@sha256:…" or "a/b" parse as more than a tag: say that, unless the value is not even one word.
        const foreign = part === "tag" ? /[@:/]/.exec(value) : undefined;
        if (foreign && !/\s|[\u0000-\u001f\u007f]/.test(value)) {
            why = `a tag cannot contain '${foreign[0]}'`;
            hint = "Write the tag alone (1.4.2); a digest goes in its own field.";
        }
        return { part, value, why, hint };
    }
    return undefined;
}
/** `invalid image reference "…": <why> ("<part>")` → `<why>`. */
function reasonOf(message) {
    const match = /^invalid image reference "(?:[^"\\]|\\.)*": (.*) \("(?:[^"\\]|\\.)*"\)$/s.exec(message);
    return match ? match[1] : message;
}
/** One line naming the problem, with the offending value escaped so it prints as one line. */
function describeProblem(image, problem) {
    return (`${image.file}:${image.line}: ${(0,src_image/* imageName */.tO)(image.ref)} has an invalid ${problem.part} ` +
        `${JSON.stringify(problem.value)} (${problem.why})`);
}
/**
 * Refuses the first reference of `images` that update-tag would not accept as input, naming its file:line.
 * `environment` says whose files they are.
 */
function references_assertValidReferences(images, environment) {
    for (const image of images) {
        const problem = referenceProblem(image.ref);
        if (!problem)
            continue;
        throw new errors/* UserError */.y(`${environment} references ${(0,src_image/* imageName */.tO)(image.ref)} with an invalid ${problem.part} ` +
            `${JSON.stringify(problem.value)}: ${problem.why}`, {
            file: image.file,
            line: image.line,
            hint: `${problem.hint} Correct it in ${image.file} (by hand or with update-tag), then run again: ` +
                "versions are compared and copied only when every reference read is valid.",
        });
    }
}
/**
 * Why `version` (as a change spells it: `tag`, `@digest`, `tag@digest`) is not a valid version of `image`, or
 * undefined when it is one.
 */
function versionProblem(image, version) {
    try {
        const ref = (0,src_image/* parseImageRef */.Q)((0,src_image/* withVersionText */.iM)(image, version));
        if ((0,src_image/* versionOf */.E4)(ref) === version)
            return undefined;
    }
    catch (error) {
        if (!(0,errors/* isUserError */.i)(error))
            throw error;
        return reasonOf(error.message);
    }
    return "it is not one tag and digest";
}

;// CONCATENATED MODULE: ./src/promote/diff.ts




/**
 * Reads what a promotion pull request really changes. A file passes only when it lies in the target's paths and
 * its head content is exactly its base content with the head's image references applied: then the only bytes
 * that differ are image references. Anything else is listed as a problem.
 */
function inspectPromotionDiff(files, target) {
    const changes = [];
    const problems = [];
    const outside = `outside ${target.name}'s paths (${target.paths.join(", ")})`;
    for (const file of files) {
        if (file.status === "unchanged")
            continue;
        if (!inPaths(file.path, target.paths)) {
            problems.push(`${file.path} is ${outside}`);
            continue;
        }
        if (file.previousPath !== undefined && !inPaths(file.previousPath, target.paths)) {
            problems.push(`${file.previousPath} is ${outside}`);
            continue;
        }
        if (file.status === "added" ||
            file.status === "removed" ||
            file.status === "renamed" ||
            file.status === "copied") {
            problems.push(`${file.path} is ${file.status}; a promotion only edits image references`);
            continue;
        }
        if (file.base === undefined || file.head === undefined) {
            problems.push(`${file.path} could not be read on both commits, so its change cannot be checked`);
            continue;
        }
        try {
            const images = findImages(file.path, file.head).map((located) => located.ref);
            const replayed = manifests_updateFile(file.path, file.base, images);
            if (replayed.content !== file.head) {
                problems.push(`${file.path} changes more than image references`);
                continue;
            }
            const invalid = replayed.changes.flatMap((change) => {
                const why = versionProblem(change.image, change.to);
                return why
                    ? [`${file.path}:${change.line} sets ${change.image} to ${JSON.stringify(change.to)} (${why})`]
                    : [];
            });
            if (invalid.length > 0) {
                problems.push(`${invalid.join("; ")}: not a valid image version`);
                continue;
            }
            const app = appOf(file.path, target.paths);
            for (const change of replayed.changes)
                changes.push({ ...change, app });
        }
        catch (error) {
            if (!(0,errors/* isUserError */.i)(error))
                throw error;
            problems.push(`${file.path} cannot be read as a manifest: ${error.message}`);
        }
    }
    return { changes, problems };
}

;// CONCATENATED MODULE: ./src/promote/reviews.ts
function isBot(login, type) {
    return type === "Bot" || /\[bot\]$/i.test(login);
}
function describeReviewers(policy) {
    return policy.reviewers.length === 0 ? "reviewers with write access" : policy.reviewers.join(", ");
}
function allowedSet(policy) {
    const allowed = new Set();
    if (policy.reviewers.length === 0) {
        for (const login of policy.writers)
            allowed.add(login.toLowerCase());
        return allowed;
    }
    const teams = new Map(Object.entries(policy.teamMembers).map(([team, members]) => [team.toLowerCase(), members]));
    for (const entry of policy.reviewers) {
        if (entry.startsWith("@") && entry.includes("/")) {
            for (const login of teams.get(entry.toLowerCase()) ?? [])
                allowed.add(login.toLowerCase());
        }
        else {
            allowed.add(entry.replace(/^@/, "").toLowerCase());
        }
    }
    return allowed;
}
/**
 * Reads each reviewer's current verdict the way GitHub's merge box does: comments don't change a verdict, a later
 * approval supersedes a request for changes, a dismissal clears both. Only approvals of `headSha` count, so a push
 * after an approval makes it stale.
 */
function evaluateReviews(reviews, options) {
    const latest = new Map();
    for (const review of reviews) {
        if (review.state === "COMMENTED" || review.state === "PENDING")
            continue;
        latest.set(review.user.toLowerCase(), review);
    }
    const allowed = allowedSet(options.policy);
    const verdict = { approvedBy: [], changesRequestedBy: [], staleApprovals: [], ignored: [] };
    for (const review of latest.values()) {
        const login = review.user.toLowerCase();
        if (login === options.author.toLowerCase()) {
            if (review.state === "APPROVED")
                verdict.ignored.push({ user: review.user, why: "author of the pull request" });
            continue;
        }
        if (isBot(review.user, review.userType)) {
            if (review.state === "APPROVED")
                verdict.ignored.push({ user: review.user, why: "a bot" });
            continue;
        }
        if (!allowed.has(login)) {
            if (review.state === "APPROVED")
                verdict.ignored.push({ user: review.user, why: "not an allowed reviewer" });
            continue;
        }
        if (review.state === "CHANGES_REQUESTED")
            verdict.changesRequestedBy.push(review.user);
        else if (review.state === "APPROVED") {
            if (review.commitId === options.headSha)
                verdict.approvedBy.push(review.user);
            else
                verdict.staleApprovals.push({ user: review.user, commitId: review.commitId });
        }
    }
    return verdict;
}

;// CONCATENATED MODULE: ./src/promote/gate.ts









const gate_short = (sha) => sha.slice(0, 7);
function approvalConditions(input) {
    const verdict = evaluateReviews(input.reviews, {
        author: input.pullRequest.author,
        headSha: input.pullRequest.headSha,
        policy: input.reviewers,
    });
    const conditions = [];
    const have = verdict.approvedBy.length;
    const notes = [
        ...verdict.staleApprovals.map((s) => `${s.user} approved an older commit ${gate_short(s.commitId)}`),
        ...verdict.ignored.map((i) => `${i.user} does not count (${i.why})`),
    ];
    const detail = `${have} of ${input.approvals} approval${input.approvals === 1 ? "" : "s"} by ${describeReviewers(input.reviewers)} ` +
        `on the latest commit ${gate_short(input.pullRequest.headSha)}` +
        (have > 0 ? ` (${verdict.approvedBy.join(", ")})` : "") +
        (notes.length > 0 ? `; ${notes.join("; ")}` : "");
    conditions.push({
        name: "approvals",
        met: have >= input.approvals,
        detail,
        label: `approvals ${have}/${input.approvals}`,
    });
    for (const user of verdict.changesRequestedBy) {
        conditions.push({
            name: "changes-requested",
            met: false,
            detail: `${user} requested changes`,
            label: "changes requested",
        });
    }
    return { conditions, approvedBy: verdict.approvedBy };
}
function windowCondition(input) {
    if (input.windows.length === 0)
        return undefined;
    // Rollbacks return to a state that already ran, and are needed most outside business hours.
    if (input.kind === "rollback")
        return undefined;
    const windows = input.windows.map((text) => parseWindow(text));
    const open = anyWindowOpen(windows, input.now);
    const now = windows.map((w) => wallClock(input.now, w.zone).label);
    const zonesNow = [...new Set(now)].join(", ");
    return {
        name: "window",
        label: "outside window",
        met: open,
        detail: open
            ? `inside the deployment window (${input.windows.join(" or ")})`
            : `outside the deployment window ${input.windows.join(" or ")} (now ${zonesNow})`,
    };
}
function freezeConditions(input) {
    const active = activeFreezes(input.freezes ?? [], input.now);
    return active.map((freeze) => {
        const allowed = input.kind === "rollback" && freeze.allowRollbacks;
        return {
            name: "freeze",
            label: "frozen",
            met: allowed,
            detail: allowed
                ? `${input.target.name} is ${describeFreeze(freeze)}; rollbacks are allowed`
                : `${input.target.name} is ${describeFreeze(freeze)}`,
        };
    });
}
function statusConditions(input) {
    // A rollback must get through while the statuses that prompted it are red.
    if (input.kind === "rollback")
        return [];
    const where = `on ${input.source.name} commit ${gate_short(input.source.commit)}`;
    return input.requireStatus.map((text) => {
        const result = evaluateRequirement(parseRequirement(text), input.source, where);
        return {
            name: "status",
            label: `status ${text}`,
            met: result.verdict === "success",
            detail: result.detail,
        };
    });
}
/**
 * A target reference runs what the source runs when it carries the source's digest (if the source pins one) and
 * its tag (if the source has one); a digest-only source leaves the target's tag alone.
 */
function runsSameVersion(source, target) {
    if (source.digest !== undefined && source.digest !== target.digest)
        return false;
    if (source.tag !== undefined && source.tag !== target.tag)
        return false;
    return source.digest !== undefined || source.tag !== undefined;
}
/** The reference a change leaves behind, from the name as written and the new version. */
function changedRef(change) {
    return (0,src_image/* parseImageRef */.Q)((0,src_image/* withVersionText */.iM)(change.image, change.to));
}
/** The references a set of changes leaves behind, each once (for deployment records). */
function imagesAfter(changes) {
    return [...new Set(changes.map((change) => (0,src_image/* formatImageRef */.kL)(changedRef(change))))];
}
function sourceConditions(input, changes) {
    const conditions = [];
    const blocked = (detail) => ({
        name: "source",
        label: "source moved",
        met: false,
        detail,
    });
    // Pairing as the plan paired: a fleet's cluster apps take their versions from the one source app.
    let pairs = [];
    try {
        const targets = [...new Set(changes.map((change) => change.app))];
        pairs = pairApps(Object.keys(input.source.images), targets, {
            from: input.source.name,
            to: input.target.name,
        });
    }
    catch (error) {
        if (!(0,errors/* isUserError */.i)(error))
            throw error;
    }
    const sourceApp = (app) => pairs.find((pair) => pair.target === app)?.source ?? app;
    for (const change of changes) {
        const to = changedRef(change);
        const name = (0,src_image/* normalizedName */.j8)(to);
        const running = (input.source.images[sourceApp(change.app)] ?? []).filter((image) => (0,src_image/* normalizedName */.j8)(image.ref) === name);
        // A version read from the source is compared only once it is a valid one: the PR must not be matched to text.
        const invalid = running.flatMap((image) => {
            const problem = referenceProblem(image.ref);
            return problem ? [describeProblem(image, problem)] : [];
        });
        if (invalid.length > 0) {
            conditions.push(blocked(`${input.source.name} holds an invalid reference to ${(0,src_image/* imageName */.tO)(to)}, so what it runs is unknown: ` +
                `${invalid.join("; ")}. Correct it in ${input.source.name}, then evaluate again`));
            continue;
        }
        if (running.some((image) => runsSameVersion(image.ref, to)))
            continue;
        const now = running.length > 0
            ? `app ${change.app} runs ${[...new Set(running.map((image) => (0,src_image/* versionOf */.E4)(image.ref)))].join(", ")} there now`
            : `app ${change.app} does not reference that image there`;
        conditions.push(blocked(`${input.source.name} does not run ${(0,src_image/* formatImageRef */.kL)(to)} (${change.file}:${change.line}); ${now}`));
    }
    return conditions;
}
/**
 * Decides whether a promotion (or rollback) pull request may merge. Every condition is evaluated, so the result
 * names everything that is missing at once rather than the first thing.
 */
function evaluateGate(input) {
    const { conditions, approvedBy } = approvalConditions(input);
    conditions.unshift(...(input.origin ?? []).map((problem) => ({
        name: "origin",
        label: "not a valid promotion",
        met: false,
        detail: problem,
    })));
    const window = windowCondition(input);
    if (window)
        conditions.push(window);
    conditions.push(...freezeConditions(input));
    conditions.push(...statusConditions(input));
    const inspection = inspectPromotionDiff(input.pullRequest.files, input.target);
    for (const problem of inspection.problems) {
        conditions.push({ name: "files", label: "unexpected changes", met: false, detail: problem });
    }
    if (inspection.changes.length === 0 && inspection.problems.length === 0) {
        conditions.push({
            name: "files",
            label: "no image change",
            met: false,
            detail: "the pull request changes no image reference",
        });
    }
    conditions.push(...sourceConditions(input, inspection.changes));
    const reasons = conditions.filter((c) => !c.met).map((c) => c.detail);
    return { open: reasons.length === 0, reasons, approvedBy, conditions, changes: inspection.changes };
}
/** A commit-status description (GitHub keeps 140 characters) naming each unmet kind of condition. */
function gateDescription(result, limit = 140) {
    if (result.open) {
        const text = `open: approved by ${result.approvedBy.join(", ") || "nobody needed"}`;
        return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
    }
    const parts = [];
    for (const condition of result.conditions) {
        if (!condition.met && !parts.includes(condition.label))
            parts.push(condition.label);
    }
    const text = `blocked: ${parts.join("; ")}`;
    return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

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
function diff_unifiedDiff(files) {
    return [...files]
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        .map((file) => (0,create/* createTwoFilesPatch */.ss)(`a/${file.path}`, `b/${file.path}`, file.before, file.after, undefined, undefined, {
        headerOptions: create/* FILE_HEADERS_ONLY */.jr,
    }))
        .join("");
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/update/paths.ts




function paths_join(dir, name) {
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
        const path = paths_join(dir, entry.name);
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
        const path = paths_join(dir, entry.name);
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
async function paths_resolvePaths(reader, patterns) {
    const files = new Set();
    for (const pattern of patterns) {
        const found = [];
        // A trailing slash means the directory itself, as it does for plain paths; picomatch would match nothing.
        const scan = picomatch_default().scan(pattern.replace(/\\/g, "/").replace(/(.)\/+$/, "$1"));
        if (scan.isGlob) {
            const base = local_repoPath(scan.base);
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
            const path = local_repoPath(pattern);
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
        throw new UserError("no image to update", { hint: "Pass --image name:tag." });
    const seen = new Map();
    for (const image of images) {
        if (image.tag === undefined && image.digest === undefined) {
            throw new UserError(`image ${formatImageRef(image)} has no tag or digest to set`, {
                hint: "Write it as name:tag, name@sha256:<digest> or name:tag@sha256:<digest>.",
            });
        }
        const name = normalizedName(image);
        const other = seen.get(name);
        if (other && formatImageRef(other) !== formatImageRef(image)) {
            throw new UserError(`image ${name} is given twice with different versions`, {
                hint: `Pass one of ${formatImageRef(other)} and ${formatImageRef(image)}.`,
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
    const names = plan.missing.map(formatImageRef).join(", ");
    const unedited = plan.unedited ?? [];
    if (unedited.length === 0)
        return new UserError(`not referenced under ${patterns.join(", ")}: ${names}`, { hint });
    const places = unedited.map((place) => `\n  ${place.file}:${place.line}:${place.column}: ${imageName(place.image)} ${place.reason}`);
    return new UserError(`not referenced where images are edited under ${patterns.join(", ")}: ${names}; named only here:${places.join("")}`, { hint });
}

;// CONCATENATED MODULE: ./src/update/index.ts






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
            ...(context.reason ? ["", `Why this point: ${context.reason}.`] : []),
        ]
        : [
            `Promotes what **${marker.from}** runs to **${marker.to}** ` +
                `(\`${context.base}\` at ${texts_short(context.baseOid)}). Only image references change.`,
        ];
    lines.push("", promotionTable(plan, context.serverUrl).trimEnd());
    const notes = [
        ...plan.unreferenced.map((u) => `${marker.from} app ${u.app} runs \`${u.image}\` (\`${shortVersion(u.version)}\`), which ${marker.to} does not reference: not added.`),
        ...(plan.fanOut
            ? [
                `${fanOutSource(marker.from, plan.fanOut.source)} is promoted into ${plan.fanOut.targets.length} ${marker.to} targets: ` +
                    `${plan.fanOut.targets.join(", ")}.`,
            ]
            : []),
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
        body: commitBody(plan.changes),
    };
}
/** The job summary of a proposal: what happened to the pull request, and the table. */
function proposalSummary(plan, marker, operation, pullRequest, serverUrl, reason) {
    const what = marker.kind === "rollback"
        ? `Rollback of ${marker.to} to ${texts_short(marker.revision ?? "")}`
        : `Promotion ${marker.from} → ${marker.to}`;
    const link = pullRequest ? ` ([#${pullRequest.number}](${pullRequest.url}))` : "";
    const table = plan.rows.length > 0 ? promotionTable(plan, serverUrl) : `${marker.to} already runs these versions.\n`;
    const fleet = plan.fanOut
        ? `\n${fanOutSource(marker.from, plan.fanOut.source)} goes to ${plan.fanOut.targets.length} ${marker.to} targets: ` +
            `${plan.fanOut.targets.join(", ")}.\n`
        : "";
    const why = reason ? `Why this point: ${reason}.\n\n` : "";
    return `### ${what}: ${operation}${link}\n\n${why}${table}${fleet}`;
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
/** How the one source of a fan-out is named: the environment itself when its paths have no wildcard. */
function fanOutSource(environment, app) {
    return app === WHOLE_ENVIRONMENT ? environment : `${environment} app ${app}`;
}

;// CONCATENATED MODULE: ./src/promote/plan.ts






async function readEnvironment(reader, env, options = {}) {
    const paths = await paths_resolvePaths(reader, [...env.paths]);
    const contents = await Promise.all(paths.map(async (path) => (await reader.read(path)) ?? ""));
    const apps = new Map();
    const files = new Map();
    paths.forEach((file, index) => {
        const app = appOf(file, env.paths) ?? file;
        const content = contents[index];
        files.set(file, { app, content });
        const images = apps.get(app) ?? [];
        for (const located of findImages(file, content, options)) {
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
        references_assertValidReferences([image], env);
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
    const allPairs = pairApps([...from.apps.keys()].sort(), [...to.apps.keys()].sort(), {
        from: source.name,
        to: target.name,
    });
    for (const app of wantedApps ?? []) {
        if (!allPairs.some((pair) => pair.source === app || pair.target === app)) {
            const both = allPairs.map((pair) => pair.target);
            throw new errors/* UserError */.y(`app ${JSON.stringify(app)} is not in both ${source.name} and ${target.name}`, {
                hint: `Apps in both: ${both.join(", ") || "none"}. App names come from the wildcard parts of the environments' paths.`,
            });
        }
    }
    const pairs = allPairs.filter((pair) => !wantedApps || wantedApps.has(pair.source) || wantedApps.has(pair.target));
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
    const fanned = pairs.filter((pair) => pair.source !== pair.target);
    if (fanned.length > 1 && fanned.every((pair) => pair.source === fanned[0].source)) {
        plan.fanOut = { source: fanned[0].source, targets: fanned.map((pair) => pair.target) };
    }
    const paired = new Set(allPairs.map((pair) => pair.source));
    for (const app of [...from.apps.keys()].sort()) {
        if ((!wantedApps || wantedApps.has(app)) && !paired.has(app))
            plan.unpaired.push({ app, onlyIn: source.name });
    }
    const keep = (ref) => !imageFilter || imageFilter.matches(ref);
    // Each source app's versions are read once, however many targets take them.
    const chosen = new Map();
    for (const { source: from_, target: app } of pairs) {
        let versions = chosen.get(from_);
        if (!versions) {
            versions = sourceVersions(source.name, from_, from.apps.get(from_), keep);
            chosen.set(from_, versions);
        }
        const targetNames = new Set(to.apps.get(app).map((image) => (0,src_image/* normalizedName */.j8)(image.ref)));
        const refs = [];
        for (const [name, image] of versions) {
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
        references_assertValidReferences(to.apps.get(app).filter((image) => promoted.has((0,src_image/* normalizedName */.j8)(image.ref))), target.name);
        for (const [file, { app: fileApp, content }] of to.files) {
            if (fileApp !== app)
                continue;
            const result = manifests_updateFile(file, content, refs, options);
            if (result.changes.length === 0)
                continue;
            plan.changes.push(...result.changes);
            plan.files.push({ path: file, before: content, after: result.content });
            plan.rows.push(...rowsOf(app, result.changes, plan.rows));
        }
    }
    const targeted = new Set(allPairs.map((pair) => pair.target));
    for (const app of [...to.apps.keys()].sort()) {
        if (!targeted.has(app) && (!wantedApps || wantedApps.has(app))) {
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

;// CONCATENATED MODULE: ./src/flows/promotion.ts



/** The commit status the gate sets on a promotion's head commit. */
const GATE_CONTEXT = "gitops-pipeline/promotion";
const promotion_short = (sha) => sha.slice(0, 7);
/** The pipeline config as the repository had it at `oid`: a promotion cannot loosen its own gate. */
async function configAt(ctx, oid) {
    const text = await ctx.repo.snapshotAt(oid).read(ctx.config);
    if (text === undefined) {
        throw new errors/* UserError */.y(`${ctx.config} is missing in ${ctx.repo.name} at ${promotion_short(oid)}`, {
            hint: "Create the config file at the repository root, or set `config` to where it is.",
        });
    }
    return loadConfig(text, ctx.config);
}
/** What an environment runs at one commit, read without a clone. */
async function environmentAt(ctx, oid, env, name = env.name) {
    const snapshot = ctx.repo.snapshotAt(oid, env.paths, `read ${env.name} at ${promotion_short(oid)}`);
    const read = await readEnvironment(snapshot, env);
    return { ...read, name };
}

;// CONCATENATED MODULE: ./src/flows/record.ts
/**
 * Records a change that landed in an environment (a deployment with a success status, the images in its payload),
 * so deployment frequency and lead time can be read from the repository's host.
 */
function recordDeployment(ctx, deployment) {
    return ctx.repo.recordDeployment(deployment);
}

;// CONCATENATED MODULE: ./src/flows/gate.ts








/** Open pull requests this action opened for `to` (promotion and rollback), oldest first. */
async function openPromotions(ctx, to) {
    const pulls = await ctx.repo.openPullRequests();
    return pulls.filter((pr) => parseMarker(pr.body)?.to === to).map((pr) => pr.number);
}
/**
 * Fetches everything the gate decides on for one pull request and evaluates it. Returns undefined for a pull
 * request this action did not open, or one for another target environment.
 */
async function evaluatePullRequest(ctx, number, options) {
    const operation = `read pull request #${number}`;
    const pr = await ctx.repo.pullRequest(number);
    const marker = parseMarker(pr.body);
    if (!marker || marker.to !== options.to)
        return undefined;
    if (pr.state !== "open") {
        ctx.logger.info(`pull request #${number} is ${pr.merged ? "merged" : "closed"}; nothing to gate`);
        return undefined;
    }
    const info = {
        number,
        url: pr.url,
        headSha: pr.headSha,
        headRef: pr.headRef,
        baseRef: pr.baseRef,
        author: pr.author,
        body: pr.body,
    };
    const base = await ctx.repo.branchHead(pr.baseRef);
    const config = await configAt(ctx, base.oid);
    const target = findEnvironment(config, marker.to);
    const compared = await ctx.repo.compare(base.oid, info.headSha, operation);
    const sourceCommit = compared.mergeBase;
    const listed = compared.files.length;
    if (listed < pr.changedFiles) {
        // GitHub lists at most 300 files per comparison; an unchecked file could hide any change.
        throw new errors/* UserError */.y(`pull request #${number} changes ${pr.changedFiles} files and GitHub listed only ${listed}, so the gate cannot check them all`, { hint: "Promote fewer apps at once (the `apps` input) so each promotion stays reviewable." });
    }
    const files = await ctx.repo.contents(compared.files, sourceCommit, info.headSha);
    const reviews = await ctx.repo.reviews(number);
    const candidates = [
        ...new Set(reviews
            .filter((r) => r.user && r.user.toLowerCase() !== info.author.toLowerCase() && !isBot(r.user, r.userType))
            .map((r) => r.user)),
    ];
    const origin = [];
    if (info.headRef !== promotionBranch(marker)) {
        origin.push(`the ${marker.kind} of ${marker.to} must come from branch ${promotionBranch(marker)}, not ${info.headRef}`);
    }
    if (marker.kind === "rollback" && marker.revision) {
        // Only a state the base branch really had is a rollback: any other commit could carry anything.
        const revision = marker.revision;
        if (!(await ctx.repo.inHistory(revision, base.oid, operation))) {
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
            checks: await ctx.repo.reportsOn(sourceCommit, target.requireStatus),
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
    const result = evaluateGate({
        kind: marker.kind,
        now: options.now,
        pullRequest: { number, author: info.author, headSha: info.headSha, files },
        reviews,
        reviewers: {
            reviewers: target.reviewers,
            teamMembers: await ctx.repo.teamMembers(target.reviewers, candidates),
            writers: target.reviewers.length === 0 ? await ctx.repo.writers(candidates) : [],
        },
        ...targetPolicy(target, marker.kind),
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
function setGateStatus(ctx, sha, state, description) {
    return ctx.repo.setStatus(sha, { context: GATE_CONTEXT, state, description });
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
    await setGateStatus(ctx, pullRequest.headSha, state, gateDescription(result));
    if (!result.open || !options.merge)
        return { evaluation };
    const merged = await ctx.repo.merge(pullRequest, options.merge);
    if (options.recordDeployment) {
        await recordDeployment(ctx, {
            sha: merged,
            environment: target.name,
            images: imagesAfter(result.changes),
            description: `${marker.kind} #${number}`,
            pullRequest: number,
        });
    }
    return { evaluation, merged };
}

;// CONCATENATED MODULE: ./src/metrics/history.ts
const EMPTY = new Map();
/** The slot key for an app and a normalised image name; the separator cannot occur in either. */
function slotKey(app, image) {
    return `${app}\u0000${image}`;
}
/** App and image name of a slot key. */
function history_slotParts(slot) {
    const at = slot.indexOf("\u0000");
    return { app: slot.slice(0, at), image: slot.slice(at + 1) };
}
function diff(before, after) {
    const changes = [];
    for (const [slot, to] of after) {
        const from = before.get(slot);
        if (from !== to)
            changes.push({ slot, ...(from === undefined ? {} : { from }), to });
    }
    for (const [slot, from] of before)
        if (!after.has(slot))
            changes.push({ slot, from });
    return changes.sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
}
/**
 * The deployments of every environment, oldest first, with the source commits each brings and the rollbacks that
 * mark earlier ones failed. A reference is traced to the first commit that introduced it anywhere, so a promotion
 * to production (which has no trailers) still leads back to the app commit a dev bump named.
 */
function findDeployments(commits) {
    const state = new Map();
    const origin = new Map();
    const reached = new Map();
    const deployments = new Map();
    const slotChanges = new Map();
    for (const commit of commits) {
        for (const [environment, after] of commit.environments) {
            const before = state.get(environment) ?? EMPTY;
            state.set(environment, after);
            const changes = diff(before, after);
            if (changes.length === 0)
                continue;
            const introduced = changes.flatMap((change) => (change.to ? change.to.split(" ") : []));
            const previous = new Set(changes.flatMap((change) => (change.from ? change.from.split(" ") : [])));
            if (commit.sources.length > 0) {
                for (const ref of introduced)
                    if (!origin.has(ref) && !previous.has(ref))
                        origin.set(ref, [...commit.sources]);
            }
            const seen = reached.get(environment) ?? new Set();
            reached.set(environment, seen);
            const sources = [];
            for (const ref of introduced) {
                for (const source of origin.get(ref) ?? []) {
                    const key = `${source.repository}@${source.sha}`;
                    if (seen.has(key))
                        continue;
                    seen.add(key);
                    sources.push(source);
                }
            }
            const list = deployments.get(environment) ?? [];
            deployments.set(environment, list);
            const deployment = {
                environment,
                sha: commit.sha,
                time: commit.time,
                changes,
                before,
                after,
                sources,
            };
            // The next change of an image that puts back what ran before a deployment rolls that deployment back;
            // other apps of the same environment deploying in between do not hide it.
            const lastChange = slotChanges.get(environment) ?? new Map();
            slotChanges.set(environment, lastChange);
            for (const change of changes) {
                const previous = lastChange.get(change.slot);
                if (previous && change.to !== undefined && previous.from === change.to) {
                    list[previous.index].restoredBy ??= list.length;
                }
                lastChange.set(change.slot, {
                    index: list.length,
                    ...(change.from === undefined ? {} : { from: change.from }),
                });
            }
            list.push(deployment);
        }
    }
    return deployments;
}

;// CONCATENATED MODULE: ./src/metrics/known-good.ts

const known_good_short = (sha) => sha.slice(0, 7);
/**
 * Where a rollback of an environment returns to: the last deployment before the current one that is known good —
 * with GitHub's statuses the last one reported `success`, from git alone the last one no later deployment rolled
 * back — else the references that ran before the current deployment. Undefined when there is nothing to return to.
 */
function knownGood(list, statusOf) {
    const current = list.at(-1);
    if (!current)
        return undefined;
    for (let index = list.length - 2; index >= 0; index--) {
        const candidate = list[index];
        const good = statusOf
            ? statusOf(candidate.environment, candidate.sha) === "success"
            : candidate.restoredBy === undefined;
        if (good) {
            return {
                state: candidate.after,
                deployment: candidate,
                reason: statusOf
                    ? `the last deployment reported success, ${known_good_short(candidate.sha)}`
                    : `the last deployment no later change rolled back, ${known_good_short(candidate.sha)}`,
            };
        }
    }
    if (current.before.size === 0)
        return undefined;
    return {
        state: current.before,
        reason: `the references before the current deployment ${known_good_short(current.sha)}`,
    };
}
/** The per-app image changes that take `current` back to `target`, and the differences a reference edit cannot undo. */
function rollbackSteps(current, target) {
    const steps = [];
    const skipped = [];
    const slots = new Set([...current.keys(), ...target.keys()]);
    for (const slot of [...slots].sort()) {
        const from = current.get(slot);
        const to = target.get(slot);
        if (from === to)
            continue;
        const { app, image } = slotParts(slot);
        if (from === undefined || to === undefined) {
            skipped.push(`${image} in app ${app} ${from === undefined ? "was removed since" : "was added since"}: edit it by hand`);
        }
        else if (to.includes(" ") || from.includes(" ")) {
            skipped.push(`${image} in app ${app} is held at several versions (${to}): edit it by hand`);
        }
        else {
            steps.push({ app, image, from, to });
        }
    }
    return { steps, skipped };
}

// EXTERNAL MODULE: ./src/metrics/trailers.ts
var metrics_trailers = __webpack_require__(1881);
;// CONCATENATED MODULE: ./src/metrics/replay.ts




/** The blob ids whose contents a replay needs: manifest files under some environment's paths. */
function wantedBlobs(commits, environments) {
    const ids = new Set();
    const inAny = new Map();
    for (const commit of commits) {
        for (const file of commit.files) {
            if (!file.blob)
                continue;
            let wanted = inAny.get(file.path);
            if (wanted === undefined) {
                wanted =
                    isManifestPath(file.path) && environments.some((env) => appOf(file.path, env.paths) !== undefined);
                inAny.set(file.path, wanted);
            }
            if (wanted)
                ids.add(file.blob);
        }
    }
    return [...ids];
}
/**
 * Replays the history: each commit re-reads only the files it changes, so what every environment runs is known
 * after every commit at the cost of the changed files alone.
 */
function replayHistory(commits, environments, blobs) {
    // Per environment: file → (slot → references found in it).
    const files = environments.map(() => new Map());
    const parsed = new Map();
    const appCache = environments.map(() => new Map());
    let rejectedTrailers = 0;
    let unreadable = 0;
    const imagesOf = (path, blob, app) => {
        const key = `${blob}\u0000${app}\u0000${path}`;
        if (parsed.has(key))
            return parsed.get(key);
        let refs = new Map();
        try {
            for (const found of findImages(path, blobs.get(blob) ?? "")) {
                const slot = `${app}\u0000${(0,src_image/* normalizedName */.j8)(found.ref)}`;
                const list = refs.get(slot) ?? [];
                list.push((0,src_image/* formatImageRef */.kL)(found.ref));
                refs.set(slot, list);
            }
        }
        catch {
            refs = undefined;
            unreadable++;
        }
        parsed.set(key, refs);
        return refs;
    };
    const out = [];
    const counts = environments.map(() => new Map());
    const current = environments.map(() => new Map());
    for (const commit of commits) {
        const states = new Map();
        environments.forEach((env, index) => {
            const affected = new Set();
            const envFiles = files[index];
            const tally = counts[index];
            const count = (refs, by) => {
                for (const [slot, list] of refs ?? []) {
                    affected.add(slot);
                    const perRef = tally.get(slot) ?? new Map();
                    tally.set(slot, perRef);
                    for (const ref of list) {
                        const n = (perRef.get(ref) ?? 0) + by;
                        if (n === 0)
                            perRef.delete(ref);
                        else
                            perRef.set(ref, n);
                    }
                }
            };
            let touched = false;
            for (const file of commit.files) {
                const cache = appCache[index];
                if (!cache.has(file.path)) {
                    cache.set(file.path, isManifestPath(file.path) ? appOf(file.path, env.paths) : undefined);
                }
                const app = cache.get(file.path);
                if (app === undefined)
                    continue;
                touched = true;
                count(envFiles.get(file.path), -1);
                const refs = file.blob ? imagesOf(file.path, file.blob, app) : undefined;
                count(refs, 1);
                if (refs)
                    envFiles.set(file.path, refs);
                else
                    envFiles.delete(file.path);
            }
            if (!touched)
                return;
            const state = current[index];
            for (const slot of affected) {
                const refs = [...(tally.get(slot)?.keys() ?? [])];
                if (refs.length === 0)
                    state.delete(slot);
                else
                    state.set(slot, refs.sort().join(" "));
            }
            // A copy: every commit keeps the state it left, and deployments compare them later.
            states.set(env.name, new Map(state));
        });
        const trailers = (0,metrics_trailers/* parseSourceTrailers */.f$)(commit.trailers);
        rejectedTrailers += trailers.rejected;
        out.push({ sha: commit.sha, time: commit.time, sources: trailers.sources, environments: states });
    }
    return { commits: out, rejectedTrailers, unreadable };
}

;// CONCATENATED MODULE: ./src/metrics/report.ts
/**
 * DORA performance bands. The thresholds follow the clusters of the Accelerate State of DevOps Report 2023 (DORA,
 * Google Cloud): see docs/metrics.md for the table and how its wording is read as numbers here.
 */
const BANDS_SOURCE = "Accelerate State of DevOps Report 2023 (DORA)";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const round = (value, places) => {
    const factor = 10 ** places;
    return Math.round(value * factor) / factor;
};
/** The q-quantile by linear interpolation between closest ranks; undefined for no samples. */
function quantile(values, q) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const at = (sorted.length - 1) * q;
    const low = Math.floor(at);
    const high = Math.ceil(at);
    return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}
function frequencyBand(perDay) {
    if (perDay >= 1)
        return "elite";
    if (perDay >= 1 / 7)
        return "high";
    if (perDay >= 1 / 30)
        return "medium";
    return "low";
}
function leadTimeBand(hours) {
    if (hours < 24)
        return "elite";
    if (hours < 24 * 7)
        return "high";
    if (hours < 24 * 30)
        return "medium";
    return "low";
}
function failureRateBand(rate) {
    if (rate <= 0.05)
        return "elite";
    if (rate <= 0.1)
        return "high";
    if (rate <= 0.15)
        return "medium";
    return "low";
}
function restoreBand(hours) {
    if (hours < 1)
        return "elite";
    if (hours < 24)
        return "high";
    if (hours < 24 * 7)
        return "medium";
    return "low";
}
const FAILED_STATUSES = new Set(["failure", "error"]);
/** Whether a deployment failed, and the deployment that restored it (by list index) when there is one. */
function failure(list, index, statusOf) {
    const deployment = list[index];
    if (deployment.restoredBy !== undefined) {
        return { failed: true, restoredAt: list[deployment.restoredBy].time };
    }
    const status = statusOf?.(deployment.environment, deployment.sha);
    if (status === undefined || !FAILED_STATUSES.has(status))
        return { failed: false };
    // Fixed forward: the next deployment GitHub does not report as failed restores service.
    for (let next = index + 1; next < list.length; next++) {
        const later = statusOf?.(list[next].environment, list[next].sha);
        if (later === undefined || !FAILED_STATUSES.has(later))
            return { failed: true, restoredAt: list[next].time };
    }
    return { failed: true };
}
/** The four keys for one environment over a window; a figure that has no data is null and named in `missing`. */
function environmentMetrics(name, list, window, statusOf) {
    const missing = [];
    const inWindow = [];
    list.forEach((deployment, index) => {
        if (deployment.time >= window.since && deployment.time < window.until)
            inWindow.push(index);
    });
    const days = (window.until - window.since) / DAY;
    const count = inWindow.length;
    const perDay = days > 0 ? count / days : null;
    if (days <= 0)
        missing.push("the window is empty (until is not after since): no deployment frequency");
    if (count === 0)
        missing.push("no deployment in the window");
    const leadTimes = [];
    for (const index of inWindow) {
        const deployment = list[index];
        for (const source of deployment.sources)
            leadTimes.push((deployment.time - source.timeMs) / HOUR);
    }
    if (count > 0 && leadTimes.length === 0) {
        missing.push("no deployment in the window traces back to a Source-Commit-Time trailer: lead time unknown " +
            "(update-manifest-tag writes the trailers)");
    }
    let failed = 0;
    let unrestored = 0;
    const restores = [];
    for (const index of inWindow) {
        const verdict = failure(list, index, statusOf);
        if (!verdict.failed)
            continue;
        failed++;
        if (verdict.restoredAt === undefined)
            unrestored++;
        else
            restores.push((verdict.restoredAt - list[index].time) / HOUR);
    }
    if (count > 0 && failed === 0)
        missing.push("no failed deployment in the window: time to restore unknown");
    if (unrestored > 0)
        missing.push(`${unrestored} failed deployment(s) not restored yet: left out of time to restore`);
    const median = quantile(leadTimes, 0.5);
    const p90 = quantile(leadTimes, 0.9);
    const restore = quantile(restores, 0.5);
    const rate = count > 0 ? failed / count : null;
    return {
        name,
        deployments: count,
        deploymentsPerDay: perDay === null ? null : round(perDay, 3),
        deploymentsPerWeek: perDay === null ? null : round(perDay * 7, 3),
        leadTimeHours: {
            median: median === undefined ? null : round(median, 2),
            p90: p90 === undefined ? null : round(p90, 2),
            samples: leadTimes.length,
        },
        failedDeployments: failed,
        changeFailureRate: rate === null ? null : round(rate, 3),
        timeToRestoreHours: {
            median: restore === undefined ? null : round(restore, 2),
            samples: restores.length,
        },
        unrestored,
        bands: {
            deploymentFrequency: perDay === null ? null : frequencyBand(perDay),
            leadTime: median === undefined ? null : leadTimeBand(median),
            changeFailureRate: rate === null ? null : failureRateBand(rate),
            timeToRestore: restore === undefined ? null : restoreBand(restore),
        },
        missing,
        weekly: weeklyCounts(inWindow.map((index) => list[index].time), window),
    };
}
function weeklyCounts(times, window) {
    const weeks = [];
    for (let start = window.since; start < window.until && weeks.length < 520; start += 7 * DAY) {
        const end = Math.min(start + 7 * DAY, window.until);
        weeks.push({
            start: new Date(start).toISOString().slice(0, 10),
            deployments: times.filter((time) => time >= start && time < end).length,
        });
    }
    return weeks;
}
function metricsReport(deployments, environments, window, statusOf) {
    return {
        since: new Date(window.since).toISOString(),
        until: new Date(window.until).toISOString(),
        bandsSource: BANDS_SOURCE,
        environments: environments.map((name) => environmentMetrics(name, deployments.get(name) ?? [], window, statusOf)),
    };
}
const show = (value, unit = "") => (value === null ? "—" : `${value}${unit}`);
/** The report as a plain-text table for a terminal, followed by what is missing per environment. */
function formatMetricsText(report) {
    const lines = [`Delivery metrics ${report.since} … ${report.until}`, ""];
    for (const env of report.environments) {
        const band = (value) => (value === null ? "" : ` [${value}]`);
        lines.push(`${env.name}`, `  deployments          ${env.deployments} (${show(env.deploymentsPerDay)}/day, ${show(env.deploymentsPerWeek)}/week)${band(env.bands.deploymentFrequency)}`, `  lead time            median ${show(env.leadTimeHours.median, " h")}, p90 ${show(env.leadTimeHours.p90, " h")} (${env.leadTimeHours.samples} samples)${band(env.bands.leadTime)}`, `  change failure rate  ${env.changeFailureRate === null ? "—" : `${round(env.changeFailureRate * 100, 1)}%`} (${env.failedDeployments} failed)${band(env.bands.changeFailureRate)}`, `  time to restore      median ${show(env.timeToRestoreHours.median, " h")} (${env.timeToRestoreHours.samples} samples)${band(env.bands.timeToRestore)}`, ...env.missing.map((note) => `  missing: ${note}`), "");
    }
    lines.push(`Bands: ${report.bandsSource}.`);
    return `${lines.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./src/metrics/index.ts






;// CONCATENATED MODULE: ./src/flows/rollback.ts





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
    const current = await environmentAt(ctx, base, target);
    const files = await paths_resolvePaths(ctx.repo.snapshotAt(base, target.paths), target.paths);
    const candidates = new Map();
    for (const path of files) {
        for (const commit of await ctx.repo.commitsTouching(base, path, 10)) {
            candidates.set(commit.sha, { date: commit.date, parent: commit.parent });
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
            return {
                revision: parent,
                reason: `the references ${target.name} ran before its image references last changed in ${promotion_short(sha)}`,
            };
        }
    }
    throw new errors/* UserError */.y(`found no earlier image references of ${target.name} in the recent history of its files`, {
        hint: "Give the commit to return to with the `revision` input.",
    });
}
/** How many of an environment's newest GitHub deployments a rollback looks through for a known-good one. */
const DEPLOYMENTS_READ = 30;
/**
 * The commit of the last known-good deployment of `target` recorded on GitHub: the newest one before the current
 * (the newest recorded) whose newest status is `success`, chosen by the core's knownGood. Undefined when none is
 * known, or when its commit is not in `base`'s history (a deployment from another branch cannot be returned to).
 */
async function knownGoodRevision(ctx, base, target) {
    const recorded = await ctx.repo.deploymentHistory(target.name, DEPLOYMENTS_READ);
    // Several deployments may record one commit (a re-run, a gate and a push); the newest one's status counts.
    const stateOf = new Map();
    for (const deployment of recorded)
        if (!stateOf.has(deployment.sha))
            stateOf.set(deployment.sha, deployment.state);
    const oldestFirst = [...recorded].reverse();
    const list = oldestFirst.map((deployment) => ({
        environment: target.name,
        sha: deployment.sha,
        time: Date.parse(deployment.createdAt),
        changes: [],
        before: new Map(),
        after: new Map(),
        sources: [],
    }));
    const good = knownGood(list, (_environment, sha) => stateOf.get(sha));
    const chosen = good?.deployment ? oldestFirst[list.indexOf(good.deployment)] : undefined;
    if (!chosen)
        return undefined;
    if (!(await ctx.repo.inHistory(chosen.sha, base, `roll back ${target.name}`))) {
        ctx.logger.info(`deployment ${chosen.id} of ${target.name} records ${promotion_short(chosen.sha)}, which is not in the base branch's history; not returning to it`);
        return undefined;
    }
    const newer = recorded
        .slice(0, recorded.indexOf(chosen))
        .map((deployment) => `${deployment.id} (${deployment.state ?? "no status"})`);
    const reason = `deployment ${chosen.id} of ${target.name} (config commit ${promotion_short(chosen.sha)}) is the last known-good one: ` +
        `the newest before the current deployment whose status is success` +
        (newer.length > 0 ? `; newer deployments: ${newer.join(", ")}` : "");
    ctx.logger.info(`rolling ${target.name} back to ${reason}`);
    return { revision: chosen.sha, reason, deployment: { id: chosen.id, sha: chosen.sha } };
}
/**
 * Where a rollback of `target` returns to, what the target ran there, and why: the given revision, else the last
 * known-good deployment GitHub records, else the state before the last change of its image references on `base`.
 */
async function rollbackPoint(ctx, base, target, revision) {
    let point;
    if (revision) {
        point = { revision: await ctx.repo.resolveCommit(revision), reason: "the revision given" };
    }
    else {
        const known = await knownGoodRevision(ctx, base, target);
        if (known)
            point = known;
        else {
            const previous = await previousRevision(ctx, base, target);
            point = {
                revision: previous.revision,
                reason: `no deployment of ${target.name} before the current one is known good (reported success), so ${previous.reason}`,
            };
        }
    }
    return {
        ...point,
        images: await environmentAt(ctx, point.revision, target, `${target.name} at ${promotion_short(point.revision)}`),
    };
}

;// CONCATENATED MODULE: ./src/flows/propose.ts






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
    const base = await ctx.repo.branchHead(ctx.base);
    const config = await configAt(ctx, base.oid);
    let marker;
    let target;
    let patterns;
    let planOn;
    let reason;
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
        const rollback = await rollbackPoint(ctx, base.oid, target, request.revision);
        marker = { kind: "rollback", from: target.name, to: target.name, revision: rollback.revision };
        reason = rollback.reason;
        patterns = target.paths;
        const environment = target;
        planOn = async (reader) => planBetween(rollback.images, await readEnvironment(reader, environment), filters);
    }
    let promotion;
    let plannedOn = base.oid;
    const delivery = await ctx.repo.deliver({
        base: base.name,
        mode: target.mode,
        target: { patterns },
        plan: async (reader, _patterns, commit) => {
            plannedOn = commit || plannedOn;
            promotion = await planOn(reader);
            return { ...promotion, missing: [], scanned: [] };
        },
        branch: promotionBranch(marker),
        texts: (_plan, baseName) => {
            const message = commitMessage(promotion, marker);
            return {
                ...message,
                title: promotionTitle(promotion, marker),
                pullRequestBody: promotionBody(promotion, marker, {
                    base: baseName,
                    baseOid: plannedOn,
                    serverUrl: ctx.serverUrl,
                    run: ctx.runUrl,
                    reason,
                }),
            };
        },
        pullRequest: {
            labels: [marker.kind, `env:${target.name}`],
            ...reviewerRequests(target, ctx.repo.owner),
            draft: false,
            autoMerge: false,
        },
        dryRun: request.dryRun,
        ...request.extras,
    });
    return { delivery, plan: promotion, marker, target, reason };
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
async function onGitHub(context, call) {
    try {
        return await call();
    }
    catch (error) {
        throw translateGitHubError(error, context);
    }
}

// EXTERNAL MODULE: ./src/github/settings.ts
var settings = __webpack_require__(9518);
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

;// CONCATENATED MODULE: ./src/github/repository.ts
const fullName = (on) => `${on.repository.owner}/${on.repository.repo}`;
const shortSha = (sha) => sha.slice(0, 7);
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
            throw new errors/* UserError */.y(`GitHub refused to read the ${what} of ${shortSha(sha)} in ${fullName(on)} (403 ${gitHubMessage(error)}); ` +
                "require-status names checks, so the gate must read them", {
                hint: "Give the token `checks: read`: in the workflow `permissions: { checks: read }` for GITHUB_TOKEN, or " +
                    "`permission-checks: read` on actions/create-github-app-token (and the Checks permission on the App). " +
                    "To require only a commit status, write it as status:CONTEXT in require-status.",
                cause: error,
            });
        }
        throw translateGitHubError(error, {
            operation: `read the ${what} of ${shortSha(sha)}`,
            repository: fullName(on),
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
    const { data: combined } = await onGitHub({ operation: `read the statuses of ${shortSha(sha)}`, repository: fullName(on) }, () => on.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/status", {
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
    await onGitHub({ operation: `set the ${status.context} status`, repository: fullName(on) }, () => on.clients.write.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
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
    const bytes = encoding_encodeText(content, encoding);
    return (0,external_node_crypto_.createHash)("sha1")
        .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
        .digest("hex");
}

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
    const base = local_repoPath(scan.isGlob ? scan.base : pattern);
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
        const key = local_repoPath(path);
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
        return this.encodings.get(local_repoPath(path)) ?? "utf8";
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
        const key = local_repoPath(dir);
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
        const key = local_repoPath(path);
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
        const key = local_repoPath(path);
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
            target = link === "" || link.startsWith("/") ? undefined : local_repoPath(snapshot_join(parentOf(key), link));
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
        const keys = paths.map(local_repoPath);
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
                need(local_repoPath(snapshot_join(parentOf(link), target)), "read");
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
        const { text, encoding } = encoding_decodeText(bytes);
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
    const data = await onGitHub({ operation: "read the repository", repository: full }, () => options.clients.read.graphql(query, variables));
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
    await onGitHub({ operation: "read the paths", repository: full }, () => snapshot.prefetch());
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
    const data = await onGitHub({ operation: "read the branch", repository: state.nameWithOwner }, () => options.clients.read.graphql(query, {
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
    await onGitHub({
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
    const { data: open } = await onGitHub({ operation: "find the open pull request", repository: `${owner}/${repo}`, pullRequests: true }, () => target.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
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
        const { data } = await onGitHub({ ...context, operation: `update pull request #${number}` }, () => target.clients.write.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
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
    const data = await onGitHub({ operation: "read the token's identity for the Signed-off-by trailer", repository: state.nameWithOwner }, () => options.clients.read.graphql("query { viewer { login name email databaseId } }"));
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
    await onGitHub({ operation: `delete branch ${options.branch}`, repository: state.nameWithOwner }, () => options.clients.write.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
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
                        contents: encoding_encodeText(file.after, state.snapshot.encoding(file.path)).toString("base64"),
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
    const force = () => onGitHub(context, () => options.clients.write.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
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
            plan = await onGitHub({ operation: "read the files", repository: full }, async () => deliverable(await options.plan(snapshot, state.patterns, snapshot.commit), snapshot));
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
        throw new errors/* UserError */.y(`GitHub did not create the deployment: ${data.message ?? "no reason given"}`);
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
        throw new errors/* UserError */.y(`${fullName(on)} has no deployment of ${environment} to report on`, {
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
    const context = { operation: `read the deployments of ${environment}`, repository: fullName(on) };
    const result = [];
    for (let page = 1; result.length < limit; page++) {
        const perPage = Math.min(100, limit - result.length);
        const { data } = await onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}/deployments", {
            owner,
            repo,
            environment,
            per_page: perPage,
            page,
        }));
        for (const deployment of data) {
            if (since && Date.parse(deployment.created_at) < since.getTime())
                return result;
            const { data: statuses } = await onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
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
async function deployments_recordDeployment(on, deployment) {
    const { owner, repo } = on.repository;
    const context = { operation: `record a deployment to ${deployment.environment}`, repository: fullName(on) };
    const { data } = await onGitHub(context, () => on.clients.write.request("POST /repos/{owner}/{repo}/deployments", {
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
    await onGitHub(context, () => on.clients.write.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
        owner,
        repo,
        deployment_id: Number(data.id),
        state: "success",
        description: "Recorded by gitops-pipeline promote-env",
        ...(on.runUrl ? { log_url: on.runUrl } : {}),
    }));
    on.logger.info(`Recorded deployment ${data.id} to ${deployment.environment} at ${shortSha(deployment.sha)}`);
    return { id: Number(data.id), url: data.url };
}

;// CONCATENATED MODULE: ./src/github/history.ts



/** The branch's name (the default branch when undefined) and its current commit. */
async function branchHead(on, name) {
    const { owner, repo } = on.repository;
    const context = { operation: "read the base branch", repository: fullName(on) };
    let branch = name;
    if (!branch) {
        const { data } = await onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}", { owner, repo }));
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
            throw new errors/* UserError */.y(`branch ${branch} does not exist in ${fullName(on)}`, {
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
            throw new errors/* UserError */.y(`revision ${JSON.stringify(revision)} is not a commit, branch or tag of ${fullName(on)}`, {
                hint: "Give a commit SHA (or a tag) from the config repository's history.",
            });
        }
        throw translateGitHubError(error, {
            operation: `resolve revision ${revision}`,
            repository: fullName(on),
        });
    }
}
async function commitsTouching(on, from, path, limit) {
    const { owner, repo } = on.repository;
    const { data } = await onGitHub({ operation: `read the history of ${path}`, repository: fullName(on) }, () => on.clients.read.request("GET /repos/{owner}/{repo}/commits", {
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
    const { data } = await onGitHub({ operation, repository: fullName(on), pullRequests: true }, () => on.clients.read.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
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
        throw translateGitHubError(error, { operation, repository: fullName(on), pullRequests: true });
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
    const data = await onGitHub({ operation: "read the pull request's files", repository: fullName(on) }, () => on.clients.read.graphql(`query(${declarations.join(", ")}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`, variables));
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
    const pulls = await onGitHub({ operation: "list open pull requests", repository: fullName(on), pullRequests: true }, () => paginate((page) => on.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
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
    const context = { operation: `read pull request #${number}`, repository: fullName(on), pullRequests: true };
    const { data: pr } = await onGitHub(context, () => on.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
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
    const context = { operation: `read pull request #${number}`, repository: fullName(on), pullRequests: true };
    const all = await onGitHub(context, () => paginate((page) => on.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
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
        on.logger.info(`Merged pull request #${pullRequest.number} (${method}) as ${shortSha(data.sha)}`);
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
            repository: fullName(on),
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
                    repository: fullName(on),
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
        const { data } = await onGitHub({ operation: `read the permission of ${username}`, repository: fullName(on) }, () => on.clients.read.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
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
        this.name = fullName(on);
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
            list: (dir) => onGitHub(context, () => snapshot.list(dir)),
            read: (path) => onGitHub(context, () => snapshot.read(path)),
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
        return deployments_recordDeployment(this.on, deployment);
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
        lines.push(changeTable(plan.changes, link));
        if (outcome.dryRun)
            lines.push("", "```diff", unifiedDiff(plan.files).trimEnd(), "```");
    }
    if (outcome.warnings.length > 0) {
        lines.push("", "**Warnings**", "", ...outcome.warnings.map((warning) => `- ${warning}`));
    }
    return `${lines.join("\n")}\n`;
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
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
const env_gitEnv = (env = process.env) => childEnv(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" });

;// CONCATENATED MODULE: ./src/git/history.ts



const RECORD = "\u001e";
const HEADER_END = "\u001d";
const NULL_ID = /^0+$/;
function run(dir, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("git", args, { cwd: dir, env: env_gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
        const out = [];
        const err = [];
        child.stdout.on("data", (chunk) => out.push(chunk));
        child.stderr.on("data", (chunk) => err.push(chunk));
        child.on("error", (error) => reject(new errors/* UserError */.y(`cannot run git in ${dir}: ${error.message}`, {
            hint: error.code === "ENOENT" ? "Install git." : "Check that --repo is a Git repository you can read.",
        })));
        child.on("close", (code) => {
            if (code === 0)
                resolve(Buffer.concat(out));
            else {
                const message = Buffer.concat(err).toString("utf8").trim();
                reject(new errors/* UserError */.y(`git ${args[0]} failed in ${dir}: ${message.split("\n")[0]}`, {
                    hint: "Check that --repo is a Git repository with at least one commit on the checked-out branch.",
                }));
            }
        });
        child.stdin.on("error", () => { });
        child.stdin.end(input ?? "");
    });
}
function parseRecord(record) {
    const end = record.indexOf(HEADER_END);
    if (end < 0)
        return undefined;
    const header = record.slice(0, end);
    const newline = header.indexOf("\n");
    const [sha, seconds] = (newline < 0 ? header : header.slice(0, newline)).split(" ");
    if (!sha || !seconds)
        return undefined;
    const trailers = newline < 0 ? "" : header.slice(newline + 1);
    const fields = record.slice(end + 1).split("\0");
    const files = [];
    for (let i = 0; i < fields.length; i++) {
        const meta = fields[i].replace(/^\n+/, "");
        if (!meta.startsWith(":"))
            continue;
        const path = fields[++i];
        if (path === undefined)
            break;
        // ":old-mode new-mode old-id new-id status"
        const parts = meta.split(" ");
        const blob = parts[3];
        const mode = parts[1];
        // Only regular files and symlinks hold text the finders read; a submodule's id is not a blob here.
        const isBlob = mode === "100644" || mode === "100755" || mode === "120000";
        files.push({ path, ...(blob && !NULL_ID.test(blob) && isBlob ? { blob } : {}) });
    }
    return { sha, time: Number(seconds) * 1000, trailers, files };
}
/** The first-parent history of `rev`, oldest first. */
async function readFirstParentLog(dir, rev = "HEAD") {
    if (rev.startsWith("-"))
        throw new errors/* UserError */.y(`${JSON.stringify(rev)} is not a revision`);
    const out = await run(dir, [
        "-c",
        "core.quotePath=false",
        "log",
        "--first-parent",
        "--reverse",
        "-z",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--diff-merges=first-parent",
        `--format=${RECORD}%H %ct%n%(trailers:key=Source-Commit,key=Source-Commit-Time,unfold)${HEADER_END}`,
        "--end-of-options",
        rev,
        "--",
    ]);
    const text = out.toString("utf8");
    // A record starts at the marker followed by a commit id, so a stray marker inside a trailer value cannot split one.
    return text
        .split(/\u001e(?=[0-9a-f]{40,64} \d+[\n\u001d])/)
        .map(parseRecord)
        .filter((commit) => commit !== undefined);
}
/** The contents of the given blobs (UTF-8), read by one `git cat-file --batch`. */
async function readBlobs(dir, ids) {
    const blobs = new Map();
    if (ids.length === 0)
        return blobs;
    const out = await run(dir, ["cat-file", "--batch"], `${ids.join("\n")}\n`);
    let at = 0;
    while (at < out.length) {
        const newline = out.indexOf(10, at);
        if (newline < 0)
            break;
        const [id, type, size] = out.subarray(at, newline).toString("utf8").split(" ");
        at = newline + 1;
        if (type === "missing" || size === undefined)
            continue;
        const length = Number(size);
        if (type === "blob")
            blobs.set(id, out.subarray(at, at + length).toString("utf8"));
        at += length + 1;
    }
    return blobs;
}
/** First-parent commits after `from` up to `to` (all of `to`'s when `from` is undefined), as full ids. */
async function firstParentRange(dir, from, to) {
    for (const rev of [from, to]) {
        if (rev !== undefined && !/^[0-9a-f]{40,64}$/.test(rev))
            throw new errors/* UserError */.y(`${JSON.stringify(rev)} is not a commit id`);
    }
    const out = await run(dir, ["rev-list", "--first-parent", from ? `${from}..${to}` : to, "--"]);
    return out
        .toString("utf8")
        .split("\n")
        .filter((line) => line !== "");
}

;// CONCATENATED MODULE: ./src/git/commit-reader.ts





// Reads commits of a local repository without checking anything out, so a gate can be evaluated on a laptop or
// another CI system against exactly what the two commits hold, whatever the working tree looks like.
/** Runs git with an argv array; stdout is decoded as a whole so a multi-byte character never splits. */
function gitOutput(dir, args) {
    return new Promise((resolve, reject) => {
        execFile("git", args, {
            cwd: dir,
            encoding: "utf8",
            maxBuffer: 256 * 1024 * 1024,
            env: gitEnv(),
        }, (error, stdout, stderr) => {
            if (error && typeof error.code !== "number") {
                reject(new UserError(`cannot run git in ${dir}: ${error.message}`, {
                    hint: error.code === "ENOENT"
                        ? "Install git, and pass an existing directory with --repo."
                        : "Check that --repo is a Git repository you can read.",
                    cause: error,
                }));
                return;
            }
            resolve({ code: error ? error.code : 0, stdout, stderr });
        });
    });
}
// Reads of many files at once would otherwise start one git process per file all at the same time.
const MAX_PROCESSES = 8;
let running = 0;
const waiting = (/* unused pure expression or super */ null && ([]));
async function limited(work) {
    if (running >= MAX_PROCESSES)
        await new Promise((go) => waiting.push(go));
    running++;
    try {
        return await work();
    }
    finally {
        running--;
        waiting.shift()?.();
    }
}
async function mustGit(dir, args, what, hint) {
    const result = await limited(() => gitOutput(dir, args));
    if (result.code !== 0) {
        throw new UserError(`git could not ${what}: ${result.stderr.trim() || result.stdout.trim()}`, { hint });
    }
    return result.stdout;
}
/** The full commit id `ref` names in the repository at `dir`. */
async function commit_reader_resolveCommit(dir, ref, option) {
    if (ref.startsWith("-")) {
        throw new UserError(`${option} ${JSON.stringify(ref)} is not a revision`, {
            hint: `Give a branch, tag or commit id to ${option}.`,
        });
    }
    const out = await mustGit(dir, ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`], `find commit ${JSON.stringify(ref)} (${option}) in ${dir}`, `Give ${option} a branch, tag or commit id that exists in the repository (see \`git log --oneline --all\`).`);
    return out.trim();
}
/** Where `head` branched off `base`: the commit a pull request's diff and its required statuses are read on. */
async function mergeBase(dir, base, head) {
    const out = await mustGit(dir, ["merge-base", base, head], `find where ${head.slice(0, 7)} branched off ${base.slice(0, 7)}`, "Give --base and --head commits that share history.");
    return out.trim();
}
/**
 * A RepoReader over one commit's tree (`git ls-tree` once, `git cat-file` per file read). Submodules are left
 * out: their files are not in this repository.
 */
function gitTreeReader(dir, commit) {
    let tree;
    const load = () => {
        tree ??= mustGit(dir, ["ls-tree", "-r", "-t", "-z", "--full-tree", commit], `list the files of commit ${commit.slice(0, 7)}`, "Check that the commit exists in the repository.").then((out) => {
            const dirs = new Map([["", []]]);
            const files = new Set();
            for (const record of out.split("\0")) {
                const tab = record.indexOf("\t");
                if (tab < 0)
                    continue;
                const [mode, kind] = record.slice(0, tab).split(" ");
                const path = record.slice(tab + 1);
                const type = kind === "tree" ? "dir" : kind !== "blob" ? undefined : mode === "120000" ? "symlink" : "file";
                if (!type)
                    continue;
                if (type === "dir")
                    dirs.set(path, dirs.get(path) ?? []);
                if (type === "file")
                    files.add(path);
                const slash = path.lastIndexOf("/");
                const parent = slash < 0 ? "" : path.slice(0, slash);
                const entries = dirs.get(parent) ?? [];
                entries.push({ name: path.slice(slash + 1), type });
                dirs.set(parent, entries);
            }
            return { dirs, files };
        });
        return tree;
    };
    return {
        async list(path) {
            const { dirs } = await load();
            return [...(dirs.get(repoPath(path)) ?? [])].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
        },
        async read(path) {
            const normal = repoPath(path);
            const { files } = await load();
            if (!files.has(normal))
                return undefined;
            return mustGit(dir, ["cat-file", "blob", `${commit}:${normal}`], `read ${normal} at ${commit.slice(0, 7)}`, "Check that the repository is not damaged (`git fsck`).");
        },
    };
}
const STATUS = {
    A: "added",
    D: "removed",
    M: "modified",
    R: "renamed",
    C: "copied",
    T: "changed",
};
/**
 * The files `head` changes since `from`, the commit it branched off (`git diff base...head`, renames detected),
 * with their contents on both sides, in the shape GitHub's comparison gives the gate.
 */
async function changedFiles(dir, from, head) {
    const out = await mustGit(dir, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", from, head, "--"], `compare ${from.slice(0, 7)} with ${head.slice(0, 7)}`, "Check that both commits exist in the repository.");
    const fields = out.split("\0");
    const listed = [];
    for (let i = 0; i < fields.length && fields[i] !== "";) {
        const code = fields[i++];
        const letter = code[0];
        if (letter === "R" || letter === "C") {
            const previousPath = fields[i++];
            listed.push({ path: fields[i++], status: STATUS[letter], previousPath });
        }
        else {
            listed.push({ path: fields[i++], status: STATUS[letter] ?? "changed" });
        }
    }
    const before = gitTreeReader(dir, from);
    const after = gitTreeReader(dir, head);
    return Promise.all(listed.map(async (file) => ({
        ...file,
        base: await before.read(file.previousPath ?? file.path),
        head: await after.read(file.path),
    })));
}
/** The repository at `dir` as the flows read commits: the CLI's gate works on it where the action reads GitHub. */
class GitCommitHistory {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    resolveCommit(revision, option) {
        return commit_reader_resolveCommit(this.dir, revision, option);
    }
    mergeBase(base, head) {
        return mergeBase(this.dir, base, head);
    }
    changedFiles(from, head) {
        return changedFiles(this.dir, from, head);
    }
    snapshotAt(oid) {
        return gitTreeReader(this.dir, oid);
    }
}
/** The first-parent history of the repository in `dir`, read with two git processes however long it is. */
class GitBranchLog {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    firstParentLog() {
        return readFirstParentLog(this.dir);
    }
    blobs(ids) {
        return readBlobs(this.dir, ids);
    }
    firstParentRange(from, to) {
        return firstParentRange(this.dir, from, to);
    }
}

;// CONCATENATED MODULE: ./src/flows/metrics.ts



async function readLocalHistory(dir, config) {
    const git = new GitBranchLog(dir);
    const log = await git.firstParentLog();
    const environments = config.environments.map(({ name, paths }) => ({ name, paths }));
    const blobs = await git.blobs(wantedBlobs(log, environments));
    const replay = replayHistory(log, environments, blobs);
    const notes = [];
    if (replay.rejectedTrailers > 0) {
        notes.push(`${replay.rejectedTrailers} Source-Commit trailer(s) were malformed or unpaired and are ignored`);
    }
    if (replay.unreadable > 0) {
        notes.push(`${replay.unreadable} file version(s) could not be read as YAML; their images count as absent`);
    }
    return { deployments: findDeployments(replay.commits), notes, head: log.at(-1)?.sha };
}
/** How many deployments per environment metrics read statuses of: a year of several a day. */
const metrics_DEPLOYMENTS_READ = 1000;
/**
 * The state of each config commit's newest recorded deployment per environment, read from `since` on, as the
 * core's StatusOf; with the count of deployments read, for the notes.
 */
async function recordedStatuses(deployments, environments, since) {
    const states = new Map();
    let read = 0;
    let failures = 0;
    for (const environment of environments) {
        const recorded = await deployments.deploymentHistory(environment, metrics_DEPLOYMENTS_READ, since);
        read += recorded.length;
        for (const deployment of recorded) {
            const key = `${environment}\u0000${deployment.sha}`;
            // Newest first: a later deployment of the same commit (a re-run) has the say.
            if (states.has(key))
                continue;
            states.set(key, deployment.state);
            if (deployment.state === "failure" || deployment.state === "error")
                failures++;
        }
    }
    return { statusOf: (environment, sha) => states.get(`${environment}\u0000${sha}`), read, failures };
}
async function localMetrics(request) {
    const names = request.environments.length > 0
        ? request.environments.map((name) => findEnvironment(request.config, name).name)
        : [
            ...request.config.promotion,
            ...request.config.environments
                .map((env) => env.name)
                .filter((name) => !request.config.promotion.includes(name)),
        ];
    const history = await readLocalHistory(request.dir, request.config);
    const notes = [...history.notes];
    let statusOf;
    if (request.deployments) {
        const recorded = await recordedStatuses(request.deployments, names, request.since);
        statusOf = recorded.statusOf;
        notes.push(`read the statuses of ${recorded.read} recorded deployment(s) on GitHub; ${recorded.failures} report failure or error`);
    }
    const report = metricsReport(history.deployments, names, { since: request.since.getTime(), until: request.until.getTime() }, statusOf);
    return { report, notes };
}

;// CONCATENATED MODULE: ./src/flows/record-changes.ts


/**
 * The environment changes a push brought to the default branch (first-parent commits after `before` up to
 * `after`), whatever path each took: a bump, a promotion, a rollback, a hand edit. One per environment and commit.
 */
async function pushedChanges(dir, config, before, after) {
    const pushed = new Set(await new GitBranchLog(dir).firstParentRange(before, after));
    const history = await readLocalHistory(dir, config);
    const changes = [];
    for (const [environment, list] of history.deployments) {
        for (const deployment of list) {
            if (!pushed.has(deployment.sha))
                continue;
            changes.push({
                environment,
                sha: deployment.sha,
                images: [...new Set([...deployment.after.values()].flatMap((refs) => refs.split(" ")))].sort(),
                sourceCommits: deployment.sources.map(({ repository, sha, time }) => ({ repository, sha, time })),
            });
        }
    }
    return changes;
}

;// CONCATENATED MODULE: ./src/texts/metrics-summary.ts
// The job summary of a metrics run: a table GitHub renders as is, and a Mermaid chart of deployments per week.
const cell = (value, unit = "") => (value === null ? "—" : `${value}${unit}`);
const band = (value) => (value === null ? "" : ` (${value})`);
/** Environment names are checked by the config parser; Markdown and Mermaid syntax characters are kept out anyway. */
const safe = (text) => text.replace(/[^A-Za-z0-9._ -]/g, "");
function row(env) {
    const rate = env.changeFailureRate === null ? "—" : `${Math.round(env.changeFailureRate * 1000) / 10}%`;
    return [
        safe(env.name),
        `${env.deployments} (${cell(env.deploymentsPerWeek)}/week)${band(env.bands.deploymentFrequency)}`,
        `${cell(env.leadTimeHours.median, " h")} / ${cell(env.leadTimeHours.p90, " h")} (${env.leadTimeHours.samples})${band(env.bands.leadTime)}`,
        `${rate} (${env.failedDeployments} failed)${band(env.bands.changeFailureRate)}`,
        `${cell(env.timeToRestoreHours.median, " h")} (${env.timeToRestoreHours.samples})${band(env.bands.timeToRestore)}`,
    ].join(" | ");
}
function metricsSummary(report) {
    const lines = [
        `### Delivery metrics, ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}`,
        "",
        "| Environment | Deployments | Lead time median / p90 (samples) | Change failure rate | Time to restore median (samples) |",
        "| --- | --- | --- | --- | --- |",
        ...report.environments.map((env) => `| ${row(env)} |`),
        "",
    ];
    const weeks = report.environments[0]?.weekly ?? [];
    if (weeks.length > 0) {
        lines.push("```mermaid", "xychart-beta", '  title "Deployments per week"', `  x-axis [${weeks.map((week) => `"${week.start.slice(5)}"`).join(", ")}]`, '  y-axis "Deployments"', ...report.environments.map((env) => `  line [${env.weekly.map((week) => week.deployments).join(", ")}]`), "```", "", `Lines in order: ${report.environments.map((env) => safe(env.name)).join(", ")}.`, "");
    }
    const missing = report.environments.flatMap((env) => env.missing.map((note) => `- ${safe(env.name)}: ${note}`));
    if (missing.length > 0)
        lines.push("Not computed:", "", ...missing, "");
    lines.push(`Bands: ${report.bandsSource}; definitions in docs/metrics.md.`, "");
    return lines.join("\n");
}

// EXTERNAL MODULE: ./src/actions/runtime.ts
var runtime = __webpack_require__(3683);
;// CONCATENATED MODULE: ./src/actions/promote-env-metrics.ts











const promote_env_metrics_DAY = 86_400_000;
function dateInput(name, text) {
    const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? (0,metrics_trailers/* parseIsoTime */.sX)(`${text}T00:00:00Z`) : (0,metrics_trailers/* parseIsoTime */.sX)(text);
    if (ms === undefined) {
        throw new errors/* UserError */.y(`input '${name}' ${JSON.stringify(text.slice(0, 40))} is not a date`, {
            hint: "Write YYYY-MM-DD (midnight UTC) or an ISO 8601 time with a zone.",
        });
    }
    return new Date(ms);
}
/**
 * promote-env's `metrics` mode: the DORA report of a checked-out config repository (actions/checkout with
 * fetch-depth: 0), as the `metrics` output (JSON) and a job summary with a table and a chart. With a connection
 * (a token), deployments GitHub reports as `failure` count as failed too; without, git alone decides.
 */
async function runMetrics(env, connect) {
    const directory = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? ".", (0,runtime/* getString */.AA)("working-directory").trim() || ".");
    const until = (0,runtime/* getString */.AA)("until").trim() ? dateInput("until", (0,runtime/* getString */.AA)("until").trim()) : new Date();
    const since = (0,runtime/* getString */.AA)("since").trim()
        ? dateInput("since", (0,runtime/* getString */.AA)("since").trim())
        : new Date(until.getTime() - 30 * promote_env_metrics_DAY);
    if (since >= until)
        throw new errors/* UserError */.y("input 'since' must be before 'until'");
    const configPath = (0,runtime/* getString */.AA)("config").trim() || environments_file/* CONFIG_FILE */.g;
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.resolve)(directory, configPath), "utf8");
    }
    catch (error) {
        throw new errors/* UserError */.y(`cannot read ${configPath} in ${directory} (${error.code})`, {
            hint: "Check out the config repository with its history first (actions/checkout with fetch-depth: 0).",
        });
    }
    const config = loadConfig(text, configPath);
    const on = connect?.();
    const { report, notes } = await localMetrics({
        dir: directory,
        config,
        environments: (0,runtime/* getList */.vS)("to"),
        since,
        until,
        ...(on
            ? {
                deployments: {
                    deploymentHistory: (environment, limit, from) => deploymentHistory(on, environment, limit, from),
                },
            }
            : {}),
    });
    for (const note of notes)
        (0,runtime/* logInfo */.fH)(`note: ${note}`);
    for (const item of report.environments) {
        (0,runtime/* logInfo */.fH)(`${item.name}: ${item.deployments} deployment(s), lead time median ${item.leadTimeHours.median ?? "unknown"} h, ` +
            `change failure rate ${item.changeFailureRate ?? "unknown"}, time to restore median ${item.timeToRestoreHours.median ?? "unknown"} h`);
    }
    core/* setOutput */.uH("metrics", JSON.stringify(report));
    core/* setOutput */.uH("operation", "measured");
    await (0,runtime/* writeSummary */.Sy)(metricsSummary(report));
}
const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** before/after of the push event; only `after` (GITHUB_SHA) for other events. Unchecked values are dropped. */
async function pushedRange(env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        payload = JSON.parse(await (0,promises_.readFile)(env.GITHUB_EVENT_PATH, "utf8").catch(() => "{}"));
    }
    const after = typeof payload.after === "string" && COMMIT_ID.test(payload.after) ? payload.after : env.GITHUB_SHA;
    if (!after || !COMMIT_ID.test(after)) {
        throw new errors/* UserError */.y("record mode needs the pushed commit (a push event, or GITHUB_SHA)", {
            hint: "Run it on: push to the default branch.",
        });
    }
    const before = typeof payload.before === "string" && COMMIT_ID.test(payload.before) && !/^0+$/.test(payload.before)
        ? payload.before
        : undefined;
    return { before, after };
}
/**
 * promote-env's `record` mode, on push to the config repository's default branch: one GitHub deployment per
 * environment whose image references the pushed commits changed, with {images, sourceCommits, configCommit}.
 */
async function runRecord(env, token, connect) {
    const directory = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? ".", (0,runtime/* getString */.AA)("working-directory").trim() || ".");
    const configPath = (0,runtime/* getString */.AA)("config").trim() || environments_file/* CONFIG_FILE */.g;
    const text = await (0,promises_.readFile)((0,external_node_path_.resolve)(directory, configPath), "utf8").catch((error) => {
        throw new errors/* UserError */.y(`cannot read ${configPath} in ${directory} (${error.code})`, {
            hint: "Check out the config repository with its history first (actions/checkout with fetch-depth: 0).",
        });
    });
    const config = loadConfig(text, configPath);
    const { before, after } = await pushedRange(env);
    const changes = await pushedChanges(directory, config, before, after);
    const on = connect(token);
    const recorded = [];
    for (const change of changes) {
        const result = await recordEnvironmentChange(on, change);
        recorded.push({ environment: change.environment, sha: change.sha, ...result });
    }
    if (changes.length === 0)
        (0,runtime/* logInfo */.fH)("the pushed commits change no environment's image references");
    core/* setOutput */.uH("deployments", JSON.stringify(recorded));
    core/* setOutput */.uH("operation", recorded.some((r) => r.created) ? "recorded" : "unchanged");
    await (0,runtime/* writeSummary */.Sy)(recorded.length === 0
        ? ""
        : [
            "### Deployments recorded",
            "",
            "| Environment | Config commit | Deployment |",
            "| --- | --- | --- |",
            ...recorded.map((r) => `| ${r.environment} | ${r.sha.slice(0, 7)} | ${r.id}${r.created ? "" : " (already recorded)"} |`),
            "",
        ].join("\n"));
}
/** promote-env's `report-health` mode: the newest deployment of `to` becomes in_progress, success or failure. */
async function runReportHealth(environment, health, token, connect) {
    const result = await reportHealth(connect(token), environment, health, `gitops-pipeline: reported ${health}`);
    core/* setOutput */.uH("deployments", JSON.stringify([{ environment, sha: result.sha, id: result.id, created: false }]));
    core/* setOutput */.uH("operation", "reported");
}

;// CONCATENATED MODULE: ./src/actions/promote-env.work.ts
/** What the promote-env action loads once its inputs are checked: one chunk of the bundle, loaded at once. */












/***/ })

};
