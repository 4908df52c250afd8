/** File access with user-facing errors, and writes that never leave half a file behind. */
import { accessSync, closeSync, constants, fstatSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { UserError } from "./errors.js";

/** Why a file operation failed, in words (a system error's code), else the error's message. */
export function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "no such file or folder";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "a read-only file system";
    default:
      return (error as Error).message ?? String(error);
  }
}

/** A file that is not UTF-8 text, with where its first bad byte is. */
export class EncodingError extends UserError {
  override readonly name: string = "EncodingError";
  /** What is wrong, without the place: "not UTF-8 text: …". */
  readonly reason: string;

  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    const reason = `not UTF-8 text: ${detail}; save the file as UTF-8`;
    super(`${file}:${line}:${column}: ${reason}`);
    this.reason = reason;
  }
}

/** Larger files are refused before they are read: no file this program reads is anywhere near. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads a UTF-8 text file; `what` names it in errors ("scenario file", "GENIUS profile").
 * A byte order mark is dropped (editors hide it); bytes that are not UTF-8 are an error at
 * their line and column, never silently replaced; a file over `maxBytes` is refused unread.
 */
export function readTextFile(path: string, what = "file", maxBytes = DEFAULT_MAX_BYTES): string {
  let bytes: Buffer;
  try {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      if (size > maxBytes) throw new UserError(`${what} ${path} is ${megabytes(size)}; at most ${megabytes(maxBytes)} can be read`);
      bytes = Buffer.alloc(size);
      let read = 0;
      while (read < size) {
        const count = readSync(fd, bytes, read, size - read, read);
        if (count === 0) break;
        read += count;
      }
      bytes = bytes.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot read ${what} ${path}: ${reason(error)}`, { cause: error });
  }
  return decodeUtf8(bytes, path);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const BOM = [0xef, 0xbb, 0xbf];

/** The bytes as text: a leading BOM dropped, the first byte that is not UTF-8 reported at its line and column. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const start = BOM.every((byte, k) => bytes[k] === byte) ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  if (bad >= 0) {
    const before = new TextDecoder("utf-8").decode(bytes.subarray(start, bad));
    const lines = before.split("\n");
    const detail = `byte 0x${bytes[bad].toString(16).padStart(2, "0")} does not start or continue a UTF-8 character`;
    throw new EncodingError(file, lines.length, [...lines[lines.length - 1]].length + 1, detail);
  }
  return new TextDecoder("utf-8").decode(bytes.subarray(start));
}

/** The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values past U+10FFFF included), or −1. */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return -1;
}

/** Writes to a temporary file beside the target, then renames it over the target. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`cannot write ${path}: ${reason(error)}`, { cause: error });
  }
}

/**
 * Checks, before any work, that `path` can be created or appended to: its folder exists and may be
 * written in, and `path` is not a folder or a device. Throws a user error saying what is in the way.
 */
export function checkWritableFile(path: string): void {
  const folder = dirname(path);
  const cannot = (why: string) => new UserError(`cannot write ${path}: ${why}`);
  const stat = (where: string) => {
    try {
      return statSync(where, { throwIfNoEntry: false });
    } catch (error) {
      throw cannot(reason(error));
    }
  };
  const folderStat = stat(folder);
  if (!folderStat) throw cannot(`the folder ${folder} does not exist`);
  if (!folderStat.isDirectory()) throw cannot(`${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw cannot(`no permission to write in the folder ${folder}`);
  }
  const fileStat = stat(path);
  if (!fileStat) return;
  if (fileStat.isDirectory()) throw cannot("it is a folder");
  if (!fileStat.isFile()) throw cannot("it is not a regular file");
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw cannot("permission denied");
  }
}
