import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { PartySet } from "../../src/negotiation/session.js";

describe("PartySet", () => {
  test("answers has, size and iteration as a Set of the same parties does, in ascending order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 20 }), (added) => {
        const parties = new PartySet();
        const reference = new Set<number>();
        for (const party of added) {
          expect(parties.add(party)).toBe(parties);
          reference.add(party);
        }
        expect(parties.size).toBe(reference.size);
        for (let party = 0; party < 8; party++) expect(parties.has(party)).toBe(reference.has(party));
        expect([...parties]).toEqual([...reference].sort((a, b) => a - b));
      }),
    );
  });
});
