/** Where in a user's file a problem is; every field is optional because not every mistake has a place. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
}

/**
 * The one error type for mistakes a user can fix: bad input, bad files, missing permissions.
 * Entries print `message` (and `hint`) without a stack; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  readonly location: Location;
  readonly hint?: string;

  constructor(message: string, options: Location & { hint?: string; cause?: unknown } = {}) {
    const { hint, cause, ...location } = options;
    super(message, cause === undefined ? undefined : { cause });
    this.name = "UserError";
    this.location = location;
    this.hint = hint;
  }

  /** `file:line:column: message` then the hint on its own line, the shape editors and CI logs link. */
  format(): string {
    const { file, line, column } = this.location;
    let where = "";
    if (file) where = `${file}${line ? `:${line}${column ? `:${column}` : ""}` : ""}: `;
    return `${where}${this.message}${this.hint ? `\n  ${this.hint}` : ""}`;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
