/**
 * parseJson reads a plain JSON text with JSON.parse and makes the syntax tree only when a
 * finding needs placing; everything else goes the long way (jsonc-parser alone). Both ways must
 * give the same value (objects without a prototype, keys in the same order), the same findings
 * and a tree that places findings at the same nodes, whatever the text.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SourceText } from "../../src/scenario/diagnostics.js";
import { parseJson, parseJsonTheLongWay } from "../../src/scenario/json.js";
import { SCENARIO_LIMITS } from "../../src/scenario/limits.js";
import { choice } from "../ui/support.js";

/** Objects as getNodeValue makes them: the same keys in the same order, and no prototype. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value !== "object" || value === null) return Object.is(value, -0) ? "-0" : value;
  return { prototype: Object.getPrototypeOf(value) === null ? "none" : "some", entries: Object.entries(value).map(([k, v]) => [k, shape(v)]) };
}

function expectSameBothWays(text: string): void {
  const source = new SourceText(text, "x.json");
  const fast = parseJson(source);
  const long = parseJsonTheLongWay(source);
  expect(fast.findings).toEqual(long.findings);
  expect(fast.parsed === undefined).toBe(long.parsed === undefined);
  if (!fast.parsed || !long.parsed) return;
  expect(shape(fast.parsed.value)).toEqual(shape(long.parsed.value));
  const strip = (node: unknown): unknown => JSON.parse(JSON.stringify(node, (key, value) => (key === "parent" ? undefined : value)));
  expect(strip(fast.parsed.tree())).toEqual(strip(long.parsed.tree()));
}

const hospital = JSON.stringify(choice("hospital-it-platform").scenario, null, 2);

describe("parseJson's two ways agree", () => {
  test.each([
    ["a built-in scenario", hospital],
    ["numbers at the edges", '{ "a": -0, "b": 1E+2, "c": 1e400, "d": -1.5e-320, "e": 0.1, "f": 12345678901234567890 }'],
    ["escapes and brackets in texts", String.raw`{ "a\"[": "x\\y\/\b\f\n\r\t\u00e9 [{]} \"", "[": ["]", "{"] }`],
    ["keys that are numbers, in JavaScript's order", '{ "b": 1, "2": 2, "a": 3, "1": 4 }'],
    ["a key twice", '{ "a": 1, "b": { "c": 2, "c": 3 } }'],
    ["a key twice at the top", '{ "a": 1, "a": 2 }'],
    ["the key __proto__", '{ "x": { "__proto__": { "polluted": true } } }'],
    ["half a character in a text", '{ "a": "\\ud800" }'],
    ["half a character in a key", '{ "\\udc00": 1 }'],
    ["a whole character by its two halves", '{ "a": "\\ud83d\\ude00" }'],
    ["whitespace JSON allows", '\t{\r\n "a" :\t[ 1 , 2 ]\n}\n'],
    ["a trailing comma", '{ "a": 1, }'],
    ["a comment", '{ "a": 1 } // no'],
    ["a lone value", "42"],
    ["not JSON at all", "{ a: 1 }"],
    ["nested to the limit", `${"[".repeat(SCENARIO_LIMITS.depth)}1${"]".repeat(SCENARIO_LIMITS.depth)}`],
    ["nested past the limit", `${"[".repeat(SCENARIO_LIMITS.depth + 1)}1${"]".repeat(SCENARIO_LIMITS.depth + 1)}`],
    ["past the limit, with brackets in texts", `{ "a": "${"[".repeat(100)}", "b": ${"[".repeat(SCENARIO_LIMITS.depth)}"]"${"]".repeat(SCENARIO_LIMITS.depth)} }`],
  ])("%s", (_name, text) => expectSameBothWays(text));

  test("any JSON value, written compactly or indented", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 2, "\t"), (value, indent) => expectSameBothWays(JSON.stringify(value, null, indent))),
      { numRuns: 300 },
    );
  });

  test("any text made of JSON's pieces", () => {
    const piece = fc.constantFrom("{", "}", "[", "]", ",", ":", " ", "\n", '"a"', '"a"', '"\\"', '"\\ud800"', '"__proto__"', "1", "-0", "true", "null", "x");
    // An empty (blank) text is refused before either way is taken.
    const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((pieces) => pieces.join("")).filter((joined) => joined.trim() !== "");
    fc.assert(fc.property(text, expectSameBothWays), { numRuns: 2000 });
  });
});
