export const id = 500;
export const ids = [500];
export const modules = {

/***/ 4419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JM: () => (/* binding */ reportsNeeded),
/* harmony export */   LJ: () => (/* binding */ evaluateRequirement),
/* harmony export */   pP: () => (/* binding */ parseRequirement)
/* harmony export */ });
/* unused harmony export latestCheckRuns */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`require-status entry ${JSON.stringify(text)} names nothing after '${prefix}'`, {
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


/***/ }),

/***/ 1500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  changedRef: () => (/* binding */ changedRef),
  evaluateGate: () => (/* binding */ evaluateGate),
  gateDescription: () => (/* binding */ gateDescription),
  imagesAfter: () => (/* binding */ imagesAfter),
  runsSameVersion: () => (/* binding */ runsSameVersion)
});

// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
// EXTERNAL MODULE: ./src/promote/checks.ts
var checks = __webpack_require__(4419);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/manifests/index.ts + 9 modules
var manifests = __webpack_require__(3934);
// EXTERNAL MODULE: ./src/promote/pairing.ts
var pairing = __webpack_require__(4372);
// EXTERNAL MODULE: ./src/promote/references.ts
var references = __webpack_require__(256);
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
        if (!(0,pairing/* inPaths */.k6)(file.path, target.paths)) {
            problems.push(`${file.path} is ${outside}`);
            continue;
        }
        if (file.previousPath !== undefined && !(0,pairing/* inPaths */.k6)(file.previousPath, target.paths)) {
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
            const images = (0,manifests/* findImages */.Mz)(file.path, file.head).map((located) => located.ref);
            const replayed = (0,manifests/* updateFile */.Io)(file.path, file.base, images);
            if (replayed.content !== file.head) {
                problems.push(`${file.path} changes more than image references`);
                continue;
            }
            const invalid = replayed.changes.flatMap((change) => {
                const why = (0,references/* versionProblem */.Ec)(change.image, change.to);
                return why
                    ? [`${file.path}:${change.line} sets ${change.image} to ${JSON.stringify(change.to)} (${why})`]
                    : [];
            });
            if (invalid.length > 0) {
                problems.push(`${invalid.join("; ")}: not a valid image version`);
                continue;
            }
            const app = (0,pairing/* appOf */.XH)(file.path, target.paths);
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

// EXTERNAL MODULE: ./src/promote/reviews.ts
var reviews = __webpack_require__(8318);
// EXTERNAL MODULE: ./src/promote/window.ts
var promote_window = __webpack_require__(7770);
;// CONCATENATED MODULE: ./src/promote/gate.ts






const gate_short = (sha) => sha.slice(0, 7);
function approvalConditions(input) {
    const verdict = (0,reviews/* evaluateReviews */.VF)(input.reviews, {
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
    const detail = `${have} of ${input.approvals} approval${input.approvals === 1 ? "" : "s"} by ${(0,reviews/* describeReviewers */.eo)(input.reviewers)} ` +
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
    const windows = input.windows.map((text) => (0,promote_window/* parseWindow */.Et)(text));
    const open = (0,promote_window/* anyWindowOpen */.TT)(windows, input.now);
    const now = windows.map((w) => (0,promote_window/* wallClock */.Xb)(input.now, w.zone).label);
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
function statusConditions(input) {
    // A rollback must get through while the statuses that prompted it are red.
    if (input.kind === "rollback")
        return [];
    const where = `on ${input.source.name} commit ${gate_short(input.source.commit)}`;
    return input.requireStatus.map((text) => {
        const result = (0,checks/* evaluateRequirement */.LJ)((0,checks/* parseRequirement */.pP)(text), input.source, where);
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
    for (const change of changes) {
        const to = changedRef(change);
        const name = (0,src_image/* normalizedName */.j8)(to);
        const running = (input.source.images[change.app] ?? []).filter((image) => (0,src_image/* normalizedName */.j8)(image.ref) === name);
        // A version read from the source is compared only once it is a valid one: the PR must not be matched to text.
        const invalid = running.flatMap((image) => {
            const problem = (0,references/* referenceProblem */.te)(image.ref);
            return problem ? [(0,references/* describeProblem */.BJ)(image, problem)] : [];
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


/***/ }),

/***/ 4372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XH: () => (/* binding */ appOf),
/* harmony export */   k6: () => (/* binding */ inPaths)
/* harmony export */ });
/* unused harmony export WHOLE_ENVIRONMENT */
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


/***/ }),

/***/ 256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ describeProblem),
/* harmony export */   Ec: () => (/* binding */ versionProblem),
/* harmony export */   ZA: () => (/* binding */ assertValidReferences),
/* harmony export */   te: () => (/* binding */ referenceProblem)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _image_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4243);
// A promotion reads image references out of one environment's files and writes their versions into another's,
// into a pull request's table, a commit message and the log. What it reads is repository content: a tag such as
// "sha-1\nnamePrefix: pwned-" must never be copied, compared or printed as if it were a version.


/**
 * Checks the tag and digest a finder read from a file the way update-tag checks its inputs: each must parse as
 * exactly that part of `name:tag@digest`. The name needs no check here: finders only recognise names that parse.
 */
function referenceProblem(ref) {
    const name = (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .imageName */ .tO)(ref);
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
            const parsed = (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageRef */ .Q)(`${name}${separator}${value}`);
            if (parsed[part] === value && (part === "digest" || parsed.digest === undefined))
                continue;
        }
        catch (error) {
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isUserError */ .i)(error))
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
    return (`${image.file}:${image.line}: ${(0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .imageName */ .tO)(image.ref)} has an invalid ${problem.part} ` +
        `${JSON.stringify(problem.value)} (${problem.why})`);
}
/**
 * Refuses the first reference of `images` that update-tag would not accept as input, naming its file:line.
 * `environment` says whose files they are.
 */
function assertValidReferences(images, environment) {
    for (const image of images) {
        const problem = referenceProblem(image.ref);
        if (!problem)
            continue;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${environment} references ${(0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .imageName */ .tO)(image.ref)} with an invalid ${problem.part} ` +
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
        const ref = (0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageRef */ .Q)((0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .withVersionText */ .iM)(image, version));
        if ((0,_image_index_js__WEBPACK_IMPORTED_MODULE_1__/* .versionOf */ .E4)(ref) === version)
            return undefined;
    }
    catch (error) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isUserError */ .i)(error))
            throw error;
        return reasonOf(error.message);
    }
    return "it is not one tag and digest";
}


/***/ }),

/***/ 8318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VF: () => (/* binding */ evaluateReviews),
/* harmony export */   eo: () => (/* binding */ describeReviewers),
/* harmony export */   w2: () => (/* binding */ isBot)
/* harmony export */ });
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


/***/ }),

/***/ 7770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Et: () => (/* binding */ parseWindow),
/* harmony export */   TT: () => (/* binding */ anyWindowOpen),
/* harmony export */   Xb: () => (/* binding */ wallClock)
/* harmony export */ });
/* unused harmony export isWindowOpen */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FORMAT_HINT = 'Write a window as "DAYS HH:MM-HH:MM ZONE", e.g. "Mon-Fri 09:00-17:00 Europe/Berlin"; DAYS is a day (Mon), a range ' +
    "(Mon-Fri, Fri-Mon wraps over the weekend) or a comma list of those; ZONE is an IANA time zone such as UTC.";
function dayIndex(name, window, where) {
    const index = DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase());
    const full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    if (index < 0 || !(name.length === 3 || name.toLowerCase() === full[index])) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`deployment window ${JSON.stringify(window)}: unknown day ${JSON.stringify(name)}`, {
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`deployment window ${JSON.stringify(window)}: bad day range ${JSON.stringify(part)}`, {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`deployment window ${JSON.stringify(window)}: bad time ${JSON.stringify(text)}`, {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`deployment window ${JSON.stringify(text)}: expected 3 fields (days, time span, time zone), found ${fields[0] === "" ? 0 : fields.length}`, { ...where, hint: FORMAT_HINT });
    }
    const [daySpec, span, zone] = fields;
    const days = parseDays(daySpec, text, where);
    const times = span.split("-");
    if (times.length !== 2) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`deployment window ${JSON.stringify(text)}: bad time span ${JSON.stringify(span)}`, {
            ...where,
            hint: FORMAT_HINT,
        });
    }
    const start = parseTime(times[0], text, where);
    const end = parseTime(times[1], text, where);
    if (start === end) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`deployment window ${JSON.stringify(text)}: the span ${span} is empty`, {
            ...where,
            hint: "Use 00:00-24:00 for a whole day.",
        });
    }
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`deployment window ${JSON.stringify(text)}: unknown time zone ${JSON.stringify(zone)}`, {
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


/***/ })

};
