export const id = 934;
export const ids = [934];
export const modules = {

/***/ 3934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ce: () => (/* binding */ explainMissing),
  Mz: () => (/* binding */ findImages),
  HS: () => (/* binding */ isManifestPath),
  Io: () => (/* binding */ updateFile)
});

// UNUSED EXPORTS: nextVersion, parseManifest

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
// EXTERNAL MODULE: ./src/yaml/index.ts + 7 modules
var yaml = __webpack_require__(9891);
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
    return (0,yaml/* scalarText */.ws)(ctx.file.content, reached.node);
}
function located(ctx, node, reached, path, ref, kind) {
    const at = reached.alias ?? (0,yaml/* positionOf */.df)(ctx.file, node.range?.[0] ?? 0);
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
    const ref = tryParseRef((0,yaml/* scalarText */.ws)(ctx.file.content, node));
    if (!ref)
        return undefined;
    const image = located(ctx, node, reached, path, ref, kind);
    return {
        image,
        names: [(0,src_image/* normalizedName */.j8)(ref)],
        write: (next) => [
            (0,yaml/* replaceScalar */.BB)(ctx.file.content, node, (0,src_image/* formatImageRef */.kL)(withVersion(ref, next)), where(image), inFlow),
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
    const guard = (0,yaml/* aliasWalkGuard */.Jv)(ctx.file);
    const visit = (reached, at, depth) => {
        if (depth > MAX_DEPTH || !guard.enter(reached.node))
            return;
        if ((0,dist/* isMap */.jh)(reached.node)) {
            const map = reached;
            for (const entry of (0,yaml/* entries */.jO)(ctx.file, ctx.document, map)) {
                if (!entry.value)
                    continue;
                const path = [...at, entry.key];
                if (!take(entry, path, map))
                    visit(entry.value, path, depth + 1);
            }
        }
        else if ((0,dist/* isSeq */.oP)(reached.node)) {
            (0,yaml/* items */.ld)(ctx.file, ctx.document, reached).forEach((item, index) => {
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
    const text = (part) => (part ? (0,yaml/* scalarText */.ws)(content, part.node) || undefined : undefined);
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
                splices.push((0,yaml/* replaceScalar */.BB)(content, parts.tag.node, next.tag, where(image)));
            }
            if (parts.digest && (next.digest ?? "") !== (digest ?? "")) {
                splices.push((0,yaml/* replaceScalar */.BB)(content, parts.digest.node, next.digest ?? "", where(image)));
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
    const guard = (0,yaml/* aliasWalkGuard */.Jv)(ctx.file);
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
            for (const entry of (0,yaml/* entries */.jO)(ctx.file, ctx.document, map)) {
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
            (0,yaml/* items */.ld)(ctx.file, ctx.document, reached).forEach((item, index) => {
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
        const map = (0,yaml/* asMap */.$H)(reached);
        reached = map
            ? (0,yaml/* entries */.jO)(ctx.file, ctx.document, map).find((entry) => entry.key === key)?.value
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
    const map = (0,yaml/* asMap */.$H)(reached);
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
    const parent = (0,yaml/* asMap */.$H)(valueAt(ctx, root, keys.slice(0, -1)));
    const last = parent?.node.items.at(-1);
    if (!parent || parent.anchor || !last || !(0,dist/* isScalar */.jn)(last.key))
        return undefined;
    const flow = Boolean(parent.node.flow);
    return (text) => (0,yaml/* insertPair */.Y7)(ctx.file, parent.node, last, keys.at(-1), (0,yaml/* needsQuotes */.rI)(text, flow) ? (0,yaml/* doubleQuoted */.UN)(text) : text);
}
/**
 * An image map. The version goes to `tag` (or `version`); `digest` is written only when the map has a digest
 * field, or into the tag as `tag@digest` when the tag already carries one (charts that pin that way) — a chart with
 * neither has no place for it, so a tag@digest update writes the tag alone. A tag-only update empties an existing
 * digest (`""`): charts fall back to the tag when it is empty, and a stale digest would keep pinning the old image.
 */
function imageMapTarget(ctx, map, path, kind, imageKeyed) {
    const fields = (0,yaml/* entries */.jO)(ctx.file, ctx.document, map);
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
                    splices.push((0,yaml/* replaceScalar */.BB)(ctx.file.content, entry.value.node, value, where(image), flow));
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
                    const text = (0,yaml/* needsQuotes */.rI)(next.tag, flow) ? (0,yaml/* doubleQuoted */.UN)(next.tag) : next.tag;
                    splices.push((0,yaml/* insertPair */.Y7)(ctx.file, map.node, repository.pair, "tag", text));
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
    let spec = (0,yaml/* asMap */.$H)((0,yaml/* get */.Jt)(file, document, root, "spec")?.value);
    let path = ["spec"];
    if (kind === "ApplicationSet") {
        spec = (0,yaml/* asMap */.$H)((0,yaml/* get */.Jt)(file, document, (0,yaml/* asMap */.$H)((0,yaml/* get */.Jt)(file, document, spec, "template")?.value) ?? spec, "spec")?.value);
        path = ["spec", "template", "spec"];
    }
    if (!spec)
        return [];
    const sources = [];
    const single = (0,yaml/* asMap */.$H)((0,yaml/* get */.Jt)(file, document, spec, "source")?.value);
    if (single)
        sources.push([single, [...path, "source"]]);
    (0,yaml/* items */.ld)(file, document, (0,yaml/* get */.Jt)(file, document, spec, "sources")?.value).forEach((item, index) => {
        const map = (0,yaml/* asMap */.$H)(item);
        if (map)
            sources.push([map, [...path, "sources", index]]);
    });
    const targets = [];
    for (const [source, at] of sources) {
        const kustomize = (0,yaml/* asMap */.$H)((0,yaml/* get */.Jt)(file, document, source, "kustomize")?.value);
        if (kustomize) {
            (0,yaml/* items */.ld)(file, document, (0,yaml/* get */.Jt)(file, document, kustomize, "images")?.value).forEach((item, index) => {
                const target = kustomizeImageString(ctx, item, [...at, "kustomize", "images", index]);
                if (target)
                    targets.push(target);
            });
        }
        const helm = (0,yaml/* asMap */.$H)((0,yaml/* get */.Jt)(file, document, source, "helm")?.value);
        if (!helm)
            continue;
        targets.push(...helmParameters(ctx, (0,yaml/* get */.Jt)(file, document, helm, "parameters")?.value, [...at, "helm", "parameters"]));
        targets.push(...embeddedValues(ctx, (0,yaml/* get */.Jt)(file, document, helm, "values")?.value, [...at, "helm", "values"]));
        const valuesObject = (0,yaml/* get */.Jt)(file, document, helm, "valuesObject")?.value;
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
            (0,yaml/* replaceScalar */.BB)(ctx.file.content, node, `${left === undefined ? "" : `${left}=`}${(0,src_image/* formatImageRef */.kL)(withVersion(ref, next))}`, where(image)),
        ],
    };
}
function helmParameters(ctx, list, path) {
    const parameters = [];
    (0,yaml/* items */.ld)(ctx.file, ctx.document, list).forEach((item, index) => {
        const map = (0,yaml/* asMap */.$H)(item);
        const name = map && stringOf(ctx, (0,yaml/* get */.Jt)(ctx.file, ctx.document, map, "name")?.value);
        if (map && name)
            parameters.push({ name, value: (0,yaml/* get */.Jt)(ctx.file, ctx.document, map, "value")?.value, index });
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
    const embedded = (0,yaml/* embeddedYaml */.SM)(ctx.file, reached.node);
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
        const keys = (0,yaml/* entries */.jO)(ctx.file, ctx.document, value).map((field) => field.key);
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
    let name = slots.name ? (0,yaml/* scalarText */.ws)(content, slots.name.node) : undefined;
    if (!name && primary.parent) {
        const sibling = primary.parent.get("repository", true);
        name = (0,dist/* isScalar */.jn)(sibling) ? (0,yaml/* scalarText */.ws)(content, sibling) : undefined;
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
    (0,yaml/* items */.ld)(ctx.file, ctx.document, list).forEach((item, index) => {
        const map = (0,yaml/* asMap */.$H)(item);
        if (!map)
            return;
        const target = entryTarget(ctx, map, [...path, index]);
        if (target)
            targets.push(target);
    });
    return targets;
}
function entryTarget(ctx, map, path) {
    const fields = (0,yaml/* entries */.jO)(ctx.file, ctx.document, map);
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
                    splices.push((0,yaml/* replaceScalar */.BB)(ctx.file.content, entry.value.node, value, where(image), flow));
                }
                else {
                    splices.push((0,yaml/* insertPair */.Y7)(ctx.file, map.node, after, key, plain(value, flow)));
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
                splices.push((0,yaml/* removePair */.L5)(ctx.file, digest.map, digest.pair));
            }
            return splices;
        },
    };
}
function plain(value, flow) {
    return (0,yaml/* needsQuotes */.rI)(value, flow) ? (0,yaml/* doubleQuoted */.UN)(value) : value;
}
/** Root `images:` of a kustomization document. */
function kustomizationFinder(ctx, root) {
    return kustomizationImages(ctx, (0,yaml/* get */.Jt)(ctx.file, ctx.document, root, "images")?.value, ["images"]);
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
            const { line, column } = (0,yaml/* positionOf */.df)(parsed.file, start);
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
        return "is in a YAML document with Go template actions ({{ … }}), which is read only after rendering: set the value the template reads";
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
    const text = (0,yaml/* scalarText */.ws)(file.content, hit.node) ?? "";
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
        const text = (0,yaml/* scalarText */.ws)(content, pair.value) ?? "";
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
        (0,yaml/* items */.ld)(ctx.file, ctx.document, entry.value).forEach((item, index) => {
            const container = (0,yaml/* asMap */.$H)(item);
            if (!container)
                return;
            const image = (0,yaml/* get */.Jt)(ctx.file, ctx.document, container, "image");
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
                const value = (0,yaml/* get */.Jt)(file, document, root, key)?.value?.node;
                return (0,dist/* isScalar */.jn)(value) && typeof value.value === "string" ? value.value : undefined;
            };
            const apiVersion = text("apiVersion");
            const kind = text("kind");
            if (isKustomizationFile || apiVersion?.startsWith("kustomize.config.k8s.io/")) {
                targets.push(...kustomizationFinder(ctx, root));
            }
            else if (apiVersion && kind) {
                const spec = (0,yaml/* asMap */.$H)((0,yaml/* get */.Jt)(file, document, root, "spec")?.value);
                if (apiVersion.startsWith("kustomize.toolkit.fluxcd.io/") && kind === "Kustomization") {
                    const images = spec && (0,yaml/* get */.Jt)(file, document, spec, "images");
                    targets.push(...kustomizationImages(ctx, images?.value, ["spec", "images"]));
                }
                if (apiVersion.startsWith("helm.toolkit.fluxcd.io/") && kind === "HelmRelease") {
                    const values = spec && (0,yaml/* get */.Jt)(file, document, spec, "values")?.value;
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
        return { file: (0,yaml/* parseYamlFile */.BU)(path, content), templates: new Set() };
    const file = (0,yaml/* parseYamlDocuments */.v)(path, content);
    const templates = new Set();
    file.documents.forEach((document, index) => {
        // In a file with templates, a document that does not parse may owe it to a neighbour's `{{`: skipped too.
        if (document.errors.length > 0 || templateOutsideStrings(content, document))
            templates.add(index);
        else {
            const error = (0,yaml/* documentError */.aH)(file, document);
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
    return { content: (0,yaml/* applySplices */.Ut)(content, splices), changes, found: [...found], warnings };
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
        for (const anchor of (0,yaml/* anchorUses */.UL)(file, document)) {
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


/***/ }),

/***/ 9891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Jv: () => (/* reexport */ aliasWalkGuard),
  UL: () => (/* reexport */ anchorUses),
  Ut: () => (/* reexport */ applySplices),
  $H: () => (/* reexport */ asMap),
  aH: () => (/* reexport */ documentError),
  UN: () => (/* reexport */ doubleQuoted),
  SM: () => (/* reexport */ embeddedYaml),
  jO: () => (/* reexport */ entries),
  Jt: () => (/* reexport */ get),
  Y7: () => (/* reexport */ insertPair),
  ld: () => (/* reexport */ items),
  rI: () => (/* reexport */ needsQuotes),
  v: () => (/* reexport */ parseYamlDocuments),
  BU: () => (/* reexport */ parseYamlFile),
  df: () => (/* reexport */ positionOf),
  L5: () => (/* reexport */ removePair),
  BB: () => (/* reexport */ replaceScalar),
  ws: () => (/* reexport */ scalarText)
});

// UNUSED EXPORTS: MAX_YAML_BYTES, deref, duplicateKeys, isFlow, isStringScalar, keyOf, singleQuoted

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
    const lines = new dist/* LineCounter */.HN();
    // Parsed as YAML 1.2: only ranges and structure matter here, and quoting decisions check 1.1 and 1.2.
    // Duplicate keys stay errors, as in Go's yaml (kustomize, Helm): which one would a reader take? They are found by
    // `duplicateKeys` (linear) rather than the parser's own check, which is quadratic in the size of a mapping.
    const parsed = (0,dist/* parseAllDocuments */.hR)(content, {
        lineCounter: lines,
        keepSourceTokens: true,
        uniqueKeys: false,
    });
    // An empty stream comes back as an EmptyStream (an array subclass with extra fields): keep plain arrays.
    return { path, content, documents: [...parsed], lines };
}
/** The first problem of one document as a UserError at file:line: a syntax error, else a repeated key. */
function documentError(file, document) {
    const error = document.errors[0];
    if (error) {
        const at = error.linePos?.[0] ?? file.lines.linePos(error.pos[0]);
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
    return undefined;
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









/***/ })

};
