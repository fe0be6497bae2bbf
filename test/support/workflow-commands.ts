/** A workflow command as the runner would read it from a log line. */
export interface WorkflowCommand {
  name: string;
  data: string;
  line: string;
}

/**
 * Reads a step's stdout the way the Actions runner does: `::name props::data` at the start of a trimmed line,
 * `##[name]data` anywhere in a line, and nothing at all between `::stop-commands::TOKEN` and `::TOKEN::`.
 */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trim();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const v2 = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (v2) {
      if (v2[1] === "stop-commands") stopToken = v2[2];
      else commands.push({ name: v2[1]!, data: v2[2]!, line });
      continue;
    }
    const v1 = /##\[([A-Za-z-]+)(?: [^\]]*)?\](.*)$/.exec(raw);
    if (v1) commands.push({ name: v1[1]!, data: v1[2]!, line });
  }
  return commands;
}
