/**
 * JSON written as it is produced: the same bytes as JSON.stringify(value, null, 2), but a
 * LazyArray's items are made and written one at a time, so a frontier of any size is never one
 * string (V8 refuses strings past about 2^29 characters) nor one tree of row objects in memory.
 */

/** An array whose items are made as they are written; JSON.stringify sees the whole array. */
export class LazyArray<T> {
  constructor(
    readonly length: number,
    readonly item: (index: number) => T,
  ) {}

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, index) => this.item(index));
  }
}

/** Items of a LazyArray stringified at once: big enough for few calls, small enough to hold. */
const CHUNK = 256;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** Whether a plain object holds a LazyArray, among its values or theirs (plain objects all the way down). */
const holdsLazy = (value: Record<string, unknown>): boolean =>
  Object.values(value).some((v) => v instanceof LazyArray || (isPlainObject(v) && holdsLazy(v)));

/** Writes `value` as JSON indented by two, as JSON.stringify(value, null, 2), in pieces; `indent` is the depth's prefix. */
export function writeJson(value: unknown, write: (chunk: string) => void, indent = ""): void {
  const inner = `${indent}  `;
  if (value instanceof LazyArray) {
    if (value.length === 0) return write("[]");
    // Items go out CHUNK at a time, stringified inside as many arrays as this depth has, so that
    // JSON.stringify itself indents them; the wrapping arrays' brackets are then cut off.
    const depth = indent.length / 2;
    let open = "";
    let close = "";
    for (let k = 0; k <= depth; k++) {
      open += `${"  ".repeat(k)}[\n`;
      close = `\n${"  ".repeat(k)}]${close}`;
    }
    write("[\n");
    for (let from = 0; from < value.length; from += CHUNK) {
      const items = Array.from({ length: Math.min(CHUNK, value.length - from) }, (_, k) => value.item(from + k));
      let wrapped: unknown = items;
      for (let k = 0; k < depth; k++) wrapped = [wrapped];
      const text = JSON.stringify(wrapped, null, 2);
      write(`${from === 0 ? "" : ",\n"}${text.slice(open.length, text.length - close.length)}`);
    }
    return write(`\n${indent}]`);
  }
  if (isPlainObject(value) && holdsLazy(value)) {
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (!(v instanceof LazyArray) && JSON.stringify(v) === undefined) continue; // as JSON.stringify leaves them out
      write(`${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `);
      writeJson(v, write, inner);
      first = false;
    }
    return write(first ? "{}" : `\n${indent}}`);
  }
  // Strings in JSON hold no raw line breaks, so every line break is the indentation's.
  const text = JSON.stringify(value, null, 2) ?? "null";
  write(indent === "" ? text : text.replace(/\n/g, `\n${indent}`));
}

/** A writer that hands `sink` pieces of about `size` characters: few writes, little held. */
export function bufferedWriter(sink: (chunk: string) => void, size = 1 << 20): { write(chunk: string): void; flush(): void } {
  let pending: string[] = [];
  let length = 0;
  const flush = () => {
    if (length === 0) return;
    sink(pending.length === 1 ? pending[0] : pending.join(""));
    pending = [];
    length = 0;
  };
  return {
    write(chunk: string) {
      pending.push(chunk);
      length += chunk.length;
      if (length >= size) flush();
    },
    flush,
  };
}
