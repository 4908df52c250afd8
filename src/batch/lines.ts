/**
 * Line-oriented file access for row files, in bounded memory: a reader that yields complete
 * lines and knows where the last one ends (so an interrupted write can be cut off), and a
 * buffered writer that waits for the stream to drain (back-pressure).
 */
import { once } from "node:events";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Writable } from "node:stream";
import { UserError } from "../errors.js";
import { reason } from "../files.js";

/**
 * The longest line a reader accepts. A row is a few hundred bytes; a longer line is not a row, and
 * without a bound a file with no line breaks (a binary, /dev/zero) would be read into memory whole.
 */
export const MAX_LINE_BYTES = 1 << 20;

/** Opens a file, or says in a user error why it cannot be. */
export function openFile(path: string, flags: "r" | "a" | "w"): number {
  try {
    return openSync(path, flags);
  } catch (error) {
    throw new UserError(`cannot ${flags === "r" ? "read" : "write"} ${path}: ${reason(error)}`, { cause: error });
  }
}

/** Reads a file line by line; a last line without its "\n" is not yielded but kept in `partial`. */
export class LineReader {
  /** Bytes up to and including the last "\n" read so far. */
  completeBytes = 0;
  /** Complete lines read so far. */
  lines = 0;
  private readonly fd: number;
  private readonly buffer: Buffer;
  private pending = Buffer.alloc(0);
  private batch: string[] = [];
  private next = 0;
  private ended = false;

  constructor(
    private readonly path: string,
    bufferSize = 1 << 16,
  ) {
    this.fd = openFile(path, "r");
    // Opening a folder for reading succeeds; reading it fails.
    if (fstatSync(this.fd).isDirectory()) {
      closeSync(this.fd);
      throw new UserError(`cannot read ${path}: it is a folder`);
    }
    this.buffer = Buffer.alloc(bufferSize);
  }

  /** Once the file is exhausted: the bytes after the last "\n", an interrupted last line. */
  get partial(): Buffer {
    return this.ended ? this.pending : Buffer.alloc(0);
  }

  get partialBytes(): number {
    return this.partial.length;
  }

  /** The next complete line without its "\n", or null at the end (the file is then closed). */
  read(): string | null {
    while (this.next === this.batch.length) {
      if (this.ended) return null;
      this.fill();
    }
    this.lines++;
    return this.batch[this.next++];
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    closeSync(this.fd);
  }

  private fill(): void {
    const read = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
    if (read === 0) {
      this.close();
      return;
    }
    // Split on the byte 0x0A, which never occurs inside a multi-byte UTF-8 character.
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, this.buffer.subarray(0, read)]) : this.buffer.subarray(0, read);
    const last = data.lastIndexOf(0x0a);
    this.batch = last < 0 ? [] : data.toString("utf8", 0, last).split("\n");
    this.next = 0;
    this.completeBytes += last + 1;
    this.pending = Buffer.from(data.subarray(last + 1));
    if (this.pending.length > MAX_LINE_BYTES) {
      const line = this.lines + this.batch.length + 1;
      this.close();
      throw new UserError(`${this.path}, line ${line}: longer than ${MAX_LINE_BYTES / 2 ** 20} MiB, so not a row of mutual-gains batch.`);
    }
  }
}

/** Buffers text and writes it in blocks of about 64 KiB, waiting for "drain" when the stream is full. */
export class TextSink {
  private pending = "";
  private failure: Error | null = null;

  /** `name` names the destination in errors ("results.csv", "standard output"). */
  constructor(
    private readonly stream: Writable,
    name: string,
  ) {
    // Kept to be thrown by the next write: an "error" event nobody listens to would crash the process.
    stream.on("error", (error) => (this.failure = new UserError(`cannot write ${name}: ${error.message}`, { cause: error })));
  }

  async write(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending === "") return;
    const full = !this.stream.write(this.pending);
    this.pending = "";
    if (full) await this.until("drain");
  }

  /** Flushes and ends the stream, resolving once everything is written. */
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.until("finish");
  }

  private async until(event: string): Promise<void> {
    // once() rejects on "error"; the listener above has turned it into `failure` by then.
    await once(this.stream, event).catch(() => undefined);
    if (this.failure) throw this.failure;
  }
}
