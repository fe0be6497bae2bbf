/** An answer other than success, in GitHub's error shape; thrown by handlers and turned into a response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A GraphQL error GitHub reports in `errors[]` with a `type` (STALE_DATA, NOT_FOUND, UNPROCESSABLE, FORBIDDEN…). */
export class GraphQLFailure extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export function notFound(): HttpError {
  return new HttpError(404, "Not Found");
}

export function validationFailed(message: string, errors: Record<string, unknown>[] = []): HttpError {
  return new HttpError(422, message, errors.length > 0 ? { errors } : {});
}
