import { type ParseArgsConfig, parseArgs } from "node:util";
import { UserError } from "../errors.js";

/** Bad command-line usage: a UserError the CLI exits 2 on, with the command's usage line as the hint. */
export class UsageError extends UserError {}

/** `util.parseArgs` with strict checking, turning its errors into UsageError with the command's usage. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
  usage: string,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, { hint: `usage: ${usage}` });
  }
}

export function notAvailable(name: string): never {
  throw new UserError(`'${name}' is not available in this version of gitops-pipeline`, {
    hint: "Upgrade to a release that lists it in `gitops-pipeline --help`.",
  });
}
