import { importCycles, type SourceFile } from "./graph.js";
import {
  ADAPTERS,
  ENV_READERS,
  GENERATED,
  LAYERS,
  type Layer,
  LONG_FILES,
  MAX_LINES,
  PACKAGES,
  PORTS,
  PROCESS_IMPORTERS,
  TRANSPORT_PAIRS,
} from "./rules.js";

const matches = (file: string, path: string) => (path.endsWith("/") ? file.startsWith(path) : file === path);

export function layerOf(file: string): Layer | undefined {
  return LAYERS.find((layer) => layer.paths.some((path) => matches(file, path)));
}

/** The top folder of a file under src (`src/github/`), or the file itself for a file directly in src. */
const folderOf = (file: string) => /^src\/[^/]+\//.exec(file)?.[0] ?? file;

/** Whether a place (path prefix, file, or layer name) covers `file`. */
const covers = (place: string, file: string) => place === layerOf(file)?.name || matches(file, place);

/** Why `from` may not import `to` (both files under src), or undefined when it may. */
function forbidden(from: string, to: string, typeOnly: boolean): string | undefined {
  const source = layerOf(from)!;
  const target = layerOf(to);
  if (!target) return undefined; // data files (JSON schemas) beside the code
  if (target.name === "process") {
    if (source.name === "entry" || source.name === "transport" || PROCESS_IMPORTERS.includes(from))
      return undefined;
    return `only entries and transports may import ${to}: it reads process.env`;
  }
  if (source.name === "flow" && target.name === "transport") {
    const adapter = ADAPTERS.find((entry) => entry.file === to);
    if (adapter && (typeOnly || !adapter.typeOnly)) return undefined;
    return adapter
      ? `a flow may import ${to} only as a type`
      : `a flow may reach a transport only through the port implementations (${ADAPTERS.map((a) => a.file).join(", ")})`;
  }
  if (source.name === "transport" && target.name === "flow") {
    if (to === PORTS && typeOnly) return undefined;
    return `a transport may import from the flows only the ports (${PORTS}), as types`;
  }
  if (!source.mayImport.includes(target.name)) {
    return `${source.name} code (${source.role}) may not import ${target.name} code`;
  }
  if (source.name === "transport" && target.name === "transport") {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a !== b && !TRANSPORT_PAIRS.some(([x, y]) => x === a && y === b)) {
      return `transport ${a} may not use transport ${b}`;
    }
  }
  return undefined;
}

/** Every broken rule of the layout in `files`, as `file:line: what`. Empty when the layout holds. */
export function layoutProblems(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const layer = layerOf(file.file);
    if (!layer) {
      problems.push(
        `${file.file}: belongs to no layer; add its folder to LAYERS in test/architecture/rules.ts`,
      );
      continue;
    }
    for (const edge of file.imports) {
      const at = `${file.file}:${edge.line}`;
      if (edge.target) {
        if (!edge.target.startsWith("src/")) {
          problems.push(`${at}: imports ${edge.target}, outside src/`);
          continue;
        }
        const why = forbidden(file.file, edge.target, edge.typeOnly);
        if (why) problems.push(`${at}: imports ${edge.target}: ${why}`);
        continue;
      }
      for (const rule of PACKAGES) {
        if (rule.pattern.test(edge.specifier) && !rule.allowedIn.some((place) => covers(place, file.file))) {
          problems.push(
            `${at}: imports ${edge.specifier}, allowed only in ${rule.allowedIn.join(", ")}: ${rule.why}`,
          );
        }
      }
    }
    if (file.envReads.length > 0 && !ENV_READERS.some((place) => covers(place, file.file))) {
      problems.push(
        `${file.file}:${file.envReads[0]}: reads process.env; only ${ENV_READERS.join(" and ")} code may (pass values in)`,
      );
    }
    const generated = GENERATED.some((path) => matches(file.file, path));
    if (file.lines > MAX_LINES && !generated && !LONG_FILES.includes(file.file)) {
      problems.push(`${file.file}: ${file.lines} lines, over ${MAX_LINES}; split it by what its parts do`);
    }
  }
  for (const cycle of importCycles(files)) problems.push(`import cycle among ${cycle.join(", ")}`);
  return problems;
}
