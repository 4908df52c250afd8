/** writeJson: the bytes of JSON.stringify(value, null, 2), with LazyArrays written a chunk at a time. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LazyArray, bufferedWriter, writeJson } from "../../src/report/json-stream.js";

function written(value: unknown, size?: number): string {
  let text = "";
  const out = bufferedWriter((chunk) => (text += chunk), size);
  writeJson(value, out.write);
  out.flush();
  return text;
}

const lazy = <T>(items: readonly T[]) => new LazyArray(items.length, (index) => items[index]);

describe("writeJson", () => {
  test("a lazy array at any depth, of any length (past a chunk), as JSON.stringify writes the array", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 600 }), fc.jsonValue(), fc.nat({ max: 3 }), fc.integer({ min: 1, max: 64 }), (items, other, depth, size) => {
        let value: unknown = { before: other, rows: lazy(items), after: [other], skipped: undefined };
        let plain: unknown = { before: other, rows: items, after: [other] };
        for (let k = 0; k < depth; k++) {
          value = { level: k, inner: value };
          plain = { level: k, inner: plain };
        }
        expect(written(value, size)).toBe(JSON.stringify(plain, null, 2));
      }),
      { numRuns: 200 },
    );
  });

  test("empty lazy arrays and objects, and a lazy array's own JSON", () => {
    expect(written({ rows: lazy([]), empty: {} })).toBe(JSON.stringify({ rows: [], empty: {} }, null, 2));
    expect(written(lazy([1, "a\nb", null]))).toBe(JSON.stringify([1, "a\nb", null], null, 2));
    expect(JSON.stringify({ rows: lazy([{ a: 1 }]) })).toBe('{"rows":[{"a":1}]}');
  });
});
