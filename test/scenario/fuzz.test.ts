/**
 * Fuzzing the scenario loader: valid scenarios (built-in and generated), damaged byte by byte
 * (bytes cut, inserted, repeated or swapped; values replaced; keys renamed to JavaScript's
 * own names), then read, validated and, when valid, analysed. Whatever the damage: no
 * exception but a user error, every problem at a line and column, and a bounded time. A
 * sample of the same files goes through the real command line: exit 0 or 1, never 2, and
 * no stack trace.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyzeScenario } from "../../src/engine/analysis.js";
import { compileScenario } from "../../src/engine/model.js";
import { UserError } from "../../src/errors.js";
import { decodeUtf8 } from "../../src/files.js";
import { parseScenario } from "../../src/scenario/load.js";
import { CLI_TEST_TIMEOUT_MS, STACK_LINE, run } from "../cli/run.js";
import { arbitraryScenario } from "../support/arbitraries.js";
import { damage as byteDamage, damaged, fuzz } from "../support/damage.js";
import { SCENARIOS } from "../ui/support.js";

const PIECES = ["{", "}", "[", "]", '"', ":", ",", "\\", "\\u", "\\ud800", "null", "true", "-1", "1e999", "0.5", "__proto__", "constructor", "toString", "length", "é", "😀", "\u0000", " ", "\n"];
const damage = byteDamage(PIECES, {
  from: ['"id": "', '"weights"', '"values"', '"en"', '"options"'],
  to: ['"id": "constructor', '"__proto__"', '"valueOf"', '"nl"', '"opties"'],
});

const sources = fc.oneof(
  fc.constantFrom(...SCENARIOS.map((choice) => JSON.stringify(choice.scenario, null, 2))),
  arbitraryScenario({ parties: 3, maxIssues: 4, maxOptions: 4 }).map((scenario) => JSON.stringify(scenario, null, 1)),
);

/** What every command does with a file: read it, check it, and analyse it when it is valid. */
function load(bytes: Uint8Array): "valid" | "refused" {
  let text: string;
  try {
    text = decodeUtf8(bytes, "fuzzed.json");
  } catch (error) {
    if (error instanceof UserError) return "refused";
    throw error;
  }
  const { scenario, diagnostics } = parseScenario(text, "fuzzed.json");
  for (const d of diagnostics) {
    expect(d.line, d.message).toBeGreaterThanOrEqual(1);
    expect(d.column, d.message).toBeGreaterThanOrEqual(1);
    expect(typeof d.path).toBe("string");
    expect(d.message.length).toBeGreaterThan(0);
  }
  if (!scenario) {
    expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
    return "refused";
  }
  analyzeScenario(compileScenario(scenario), { top: 3 });
  return "valid";
}

describe("damaged scenario files", () => {
  test("never crash the loader or the analysis, and every problem is located, in bounded time", () => {
    const { outcomes, slowest } = fuzz(
      fc.tuple(sources, fc.array(damage, { minLength: 1, maxLength: 3 })),
      ([source, damages]) => load(damaged(source, damages)),
      { numRuns: 2500, seed: 20261201 },
    );
    expect(slowest, "the slowest file took this long (ms)").toBeLessThan(2000);
    // The damage is varied enough that both kinds of outcome occur.
    expect(outcomes.refused).toBeGreaterThan(1000);
    expect(outcomes.valid).toBeGreaterThan(10);
  });

  test(
    "through the command line: validate and analyze exit 0 or 1, never 2, with no stack trace",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "mutual-gains-fuzz-"));
      const files = fc.sample(fc.tuple(sources, fc.array(damage, { minLength: 1, maxLength: 3 })), { numRuns: 12, seed: 7 }).map(([source, damages], k) => {
        const path = join(folder, `fuzzed-${k}.json`);
        writeFileSync(path, damaged(source, damages));
        return path;
      });
      const validated = await run(["validate", ...files]);
      expect([0, 1], validated.output).toContain(validated.status);
      expect(validated.output).not.toMatch(STACK_LINE);
      for (const file of files) {
        const analyzed = await run(["analyze", file]);
        expect([0, 1], analyzed.output).toContain(analyzed.status);
        expect(analyzed.output).not.toMatch(STACK_LINE);
      }
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
