/** One member of a tar stream, with its content when the caller asked for it. */
export interface TarEntry {
  /** Path without a leading `./` or `/`. */
  path: string;
  /** `file`, `dir`, `symlink`, `hardlink` or `other`. */
  type: "file" | "dir" | "symlink" | "hardlink" | "other";
  size: number;
  linkname: string;
  content?: Buffer;
}

const BLOCK = 512;

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

function entryType(flag: string): TarEntry["type"] {
  if (flag === "0" || flag === "" || flag === "7") return "file";
  if (flag === "5") return "dir";
  if (flag === "2") return "symlink";
  if (flag === "1") return "hardlink";
  return "other";
}

export function normalizeTarPath(name: string): string {
  return name.replace(/^(?:\.\/|\/)+/, "").replace(/\/+$/, "");
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
      if (!(await fill(count))) throw new Error("tar stream ends inside an entry");
      const data = Buffer.from(buffer.subarray(0, count));
      buffer = buffer.subarray(count);
      return data;
    }
    let left = count;
    while (left > 0) {
      if (buffer.length === 0 && !(await fill(1))) throw new Error("tar stream ends inside an entry");
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
    buffer = buffer.subarray(BLOCK);
    const flag = String.fromCharCode(header[156]!).replace("\0", "");
    let size = number(header, 124, 12);
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
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
    if (pax.size !== undefined) size = Number(pax.size);
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
