/**
 * How a file's bytes are held as a string. UTF-8 files (nearly all) are decoded as UTF-8. A file that is not valid
 * UTF-8 (a Latin-1 comment) is held one character per byte ("latin1"): the YAML structure and every value an update
 * writes are ASCII, so offsets and edits are the same, and encoding the result back the same way gives the original
 * bytes everywhere else — decoding it as UTF-8 would turn each such byte into U+FFFD for good.
 */
export type TextEncoding = "utf8" | "latin1";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    return { text: strictUtf8.decode(bytes), encoding: "utf8" };
  } catch {
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
      encoding: "latin1",
    };
  }
}

/** The bytes of `text` held as `encoding`; a character outside one byte in a "latin1" text is a bug, not data loss. */
export function encodeText(text: string, encoding: TextEncoding = "utf8"): Buffer {
  if (encoding === "latin1" && /[^\u0000-\u00ff]/.test(text)) {
    throw new Error("a byte-per-character text holds a character above U+00FF");
  }
  return Buffer.from(text, encoding);
}
