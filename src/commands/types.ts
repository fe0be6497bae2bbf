/** What a CLI command may touch: its arguments, two output streams and the directory it runs in. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Environment as the process sees it; only the CLI entry hands this in, the core never reads it. */
  env: Record<string, string | undefined>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code: 0 success, 1 a finding or user error, 2 bad usage. */
  run(argv: string[], io: CommandIO): Promise<number>;
}
