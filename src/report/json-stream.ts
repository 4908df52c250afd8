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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** Whether a value holds a LazyArray among its own values (one level down: where the analysis has its frontier). */
const holdsLazy = (value: Record<string, unknown>) => Object.values(value).some((v) => v instanceof LazyArray);

/** Writes `value` as JSON indented by two, as JSON.stringify(value, null, 2), in pieces; `indent` is the depth's prefix. */
export function writeJson(value: unknown, write: (chunk: string) => void, indent = ""): void {
  const inner = `${indent}  `;
  if (value instanceof LazyArray) {
    if (value.length === 0) return write("[]");
    write("[\n");
    for (let index = 0; index < value.length; index++) {
      write(index === 0 ? inner : `,\n${inner}`);
      writeJson(value.item(index) ?? null, write, inner);
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
    sink(pending.join(""));
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
