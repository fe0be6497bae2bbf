/** A tar stream that cannot be read on: its message says what is wrong in words, for the layer's error. */
export class TarError extends Error {}

/** One member of a tar stream, with its content when the caller asked for it. */
export interface TarEntry {
  /** Path as extraction would place it: `./`, `/` and `..` resolved inside the layer's root. */
  path: string;
  /** `file`, `dir`, `symlink`, `hardlink` or `other`. */
  type: "file" | "dir" | "symlink" | "hardlink" | "other";
  size: number;
  linkname: string;
  content?: Buffer;
}

const BLOCK = 512;
const MAX_EXTENDED_HEADER = 1024 * 1024;

function text(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString("utf8");
}

/** Numeric fields are octal text, or base-256 with the high bit set (GNU, for sizes over 8 GiB). */
function number(block: Buffer, offset: number, length: number): number {
  const field = block.subarray(offset, offset + length);
  if (field[0]! & 0x80) {
    let value = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const digits = text(block, offset, length).trim();
  return digits === "" ? 0 : Number.parseInt(digits, 8);
}

/** PAX extended header records: `<length> <key>=<value>\n`. */
function paxRecords(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space < 0) break;
    const length = Number.parseInt(data.subarray(offset, space).toString("ascii"), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return records;
}

/** The header checksum: the sum of its bytes with the checksum field itself counted as spaces. */
function checksumMatches(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return number(header, 148, 8) === sum;
}

function entryType(flag: string): TarEntry["type"] {
  if (flag === "0" || flag === "" || flag === "7") return "file";
  if (flag === "5") return "dir";
  if (flag === "2") return "symlink";
  if (flag === "1") return "hardlink";
  return "other";
}

/**
 * Where an entry lands when a runtime extracts the layer: relative to the root, `.` and empty parts dropped, `..`
 * going up but never above the root (`../../etc/passwd` is `etc/passwd`, as containerd and Docker clean it).
 */
export function normalizeTarPath(name: string): string {
  const parts: string[] = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/**
 * Reads a tar stream (ustar, PAX and GNU long names, as image layers are written) entry by entry, keeping the content
 * only of the entries `want` picks, and only up to `maxSize` bytes each; everything else is skipped as it streams by.
 */
export async function* readTar(
  source: AsyncIterable<Buffer>,
  want: (path: string) => boolean,
  maxSize = 64 * 1024 * 1024,
): AsyncGenerator<TarEntry> {
  let buffer: Buffer = Buffer.alloc(0);
  const iterator = source[Symbol.asyncIterator]();
  let done = false;
  /** Ensures `count` bytes are buffered; false at the end of the stream. */
  const fill = async (count: number): Promise<boolean> => {
    const parts = [buffer];
    let have = buffer.length;
    while (have < count && !done) {
      const next = await iterator.next();
      if (next.done) done = true;
      else {
        parts.push(next.value);
        have += next.value.length;
      }
    }
    buffer = parts.length === 1 ? buffer : Buffer.concat(parts);
    return buffer.length >= count;
  };
  /** Consumes `count` bytes, returning them when `keep`. */
  const take = async (count: number, keep: boolean): Promise<Buffer | undefined> => {
    if (keep) {
      if (!(await fill(count)))
        throw new TarError("the tar stream ends inside an entry (the layer is truncated)");
      const data = Buffer.from(buffer.subarray(0, count));
      buffer = buffer.subarray(count);
      return data;
    }
    let left = count;
    while (left > 0) {
      if (buffer.length === 0 && !(await fill(1)))
        throw new TarError("the tar stream ends inside an entry (the layer is truncated)");
      const step = Math.min(left, buffer.length);
      buffer = buffer.subarray(step);
      left -= step;
    }
    return undefined;
  };
  const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (await fill(BLOCK)) {
    const header = buffer.subarray(0, BLOCK);
    if (header.every((byte) => byte === 0)) break;
    if (!checksumMatches(header))
      throw new TarError("a tar header's checksum does not match: this is not a tar stream");
    buffer = buffer.subarray(BLOCK);
    const flag = String.fromCharCode(header[156]!).replace("\0", "");
    let size = number(header, 124, 12);
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      // Extended headers are names and a few records: one claiming megabytes is not a tar a builder wrote.
      if (!Number.isSafeInteger(size) || size > MAX_EXTENDED_HEADER) {
        throw new TarError(`an extended tar header claims ${size} bytes`);
      }
      const data = (await take(size, true))!;
      await take(padding(size), false);
      if (flag === "x") pax = paxRecords(data);
      else if (flag === "L") longName = text(data, 0, data.length);
      else if (flag === "K") longLink = text(data, 0, data.length);
      continue;
    }
    const prefix = header.subarray(257, 263).toString("ascii").startsWith("ustar")
      ? text(header, 345, 155)
      : "";
    const name =
      pax.path ?? longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const linkname = pax.linkpath ?? longLink ?? text(header, 157, 100);
    if (pax.size !== undefined) size = /^\d{1,15}$/.test(pax.size) ? Number(pax.size) : Number.NaN;
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new TarError(
        `the tar header of ${JSON.stringify(normalizeTarPath(name))} gives an impossible size`,
      );
    }
    pax = {};
    longName = undefined;
    longLink = undefined;
    const type = entryType(flag);
    const path = normalizeTarPath(name);
    const keep = type === "file" && size <= maxSize && want(path);
    const content = await take(size, keep);
    await take(padding(size), false);
    yield { path, type, size, linkname, content };
  }
}
