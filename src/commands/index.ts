import { isUserError } from "../errors.js";
import { VERSION } from "../version.js";
import { diffEnvsCommand } from "./diff-envs.js";
import { gateCommand } from "./gate.js";
import { metricsCommand } from "./metrics.js";
import { previewCommand } from "./preview.js";
import { promoteCommand } from "./promote.js";
import { rollbackCommand } from "./rollback.js";
import type { Command, CommandIO } from "./types.js";
import { updateTagCommand } from "./update-tag.js";
import { UsageError } from "./usage.js";
import { validateCommand } from "./validate.js";

export const commands: Command[] = [
  updateTagCommand,
  validateCommand,
  promoteCommand,
  diffEnvsCommand,
  gateCommand,
  metricsCommand,
  rollbackCommand,
  previewCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "usage: gitops-pipeline <command> [options]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `gitops-pipeline <command> --help` for a command's options.",
    "",
  ].join("\n");
}

/** Runs one CLI invocation and returns its exit code; never exits the process itself. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`gitops-pipeline: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`gitops-pipeline ${name}: ${error.format()}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    io.stderr(`gitops-pipeline ${name}: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}
