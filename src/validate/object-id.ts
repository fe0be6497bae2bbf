/** A full git object id: 40 hex digits (SHA-1) or 64 (SHA-256). */
export const isObjectId = (value: unknown): value is string =>
  typeof value === "string" && /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(value);
