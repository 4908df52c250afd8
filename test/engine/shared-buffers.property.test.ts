import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { copyInto, slabCopy, slabFloat64 } from "../../src/engine/shared-buffers.js";

describe("slabFloat64 / slabCopy / copyInto", () => {
  test("arrays made one after another are zeroed and never share an element, whatever their lengths", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 60 }), (lengths) => {
        const arrays = lengths.map((length) => slabFloat64(length));
        arrays.forEach((array, k) => {
          expect(array.length).toBe(lengths[k]);
          expect(array.every((value) => value === 0)).toBe(true);
          array.fill(k + 1);
        });
        // Each array still holds its own value: no later array was carved over an earlier one.
        arrays.forEach((array, k) => expect(array.every((value) => value === k + 1)).toBe(true));
      }),
    );
  });

  test("small arrays share buffers, large ones get their own", () => {
    const a = slabFloat64(50);
    const b = slabFloat64(50);
    expect(a.buffer).toBe(b.buffer);
    const large = slabFloat64(5000);
    expect(large.byteOffset).toBe(0);
    expect(large.buffer.byteLength).toBe(5000 * 8);
  });

  test("a copy has the source's values (a prefix when a length is given) and is not the source's memory", () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 2000, noDefaultInfinity: true }), fc.nat(), (values, cut) => {
        const length = values.length === 0 ? 0 : cut % (values.length + 1);
        const whole = slabCopy(values);
        const prefix = slabCopy(values, length);
        expect(Array.from(whole)).toEqual(Array.from(values));
        expect(Array.from(prefix)).toEqual(Array.from(values.subarray(0, length)));
        if (whole.length > 0) {
          const before = values[0];
          whole[0] = before === 42 ? 43 : 42;
          expect(Object.is(values[0], before)).toBe(true);
        }
      }),
    );
  });

  test("copyInto writes exactly the source's first elements from the offset on, short runs (a loop) and long ones (natively) alike", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 }), fc.boolean(), (length, at, doubles) => {
        const make = (size: number) => (doubles ? new Float64Array(size) : new Int32Array(size));
        const source = make(length + 7);
        source.forEach((_, k) => (source[k] = doubles ? k + 0.5 : -k));
        const target = make(at + length + 3).fill(9);
        copyInto(target, at, source, length);
        const expected = [...Array(at).fill(9), ...Array.from(source.subarray(0, length)), 9, 9, 9];
        expect(Array.from(target)).toEqual(expected);
      }),
    );
  });
});
