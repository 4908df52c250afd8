/**
 * Fuzzing the GENIUS importer: valid domains and profiles of generated shapes, damaged byte by
 * byte (bytes cut, inserted, repeated or swapped, bytes that are not UTF-8, XML's own tokens and
 * JavaScript's own names put in), then read and imported as the command does. Whatever the
 * damage: a scenario or a user error, never another exception, in bounded time. A sample goes
 * through the command line: exit 0 or 1, never 2, no stack trace.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import { decodeUtf8 } from "../../src/files.js";
import { importGenius } from "../../src/scenario/genius.js";
import { CLI_TEST_TIMEOUT_MS, STACK_LINE, run } from "../cli/run.js";
import { damage as byteDamage, damaged, fuzz } from "../support/damage.js";
import { type GeniusShape, arbitraryGenius, domainXml, profileXml } from "../support/genius-files.js";

const PIECES = ["<", ">", "/>", "</issue>", "<item ", '"', "=", "&", "&amp;", "&#0;", "&#xE9;", "&lt", "<!DOCTYPE x>", '<!ENTITY e "x">', "<![CDATA[", "]]>", "<!--", "-->", "<?", "?>", "__proto__", "constructor", "é", "\u0000", " ", "\n"];
const damage = byteDamage(PIECES, {
  from: ['name="', 'value="', 'evaluation="', 'index="', "<weight ", 'type="discrete"', "<issue "],
  to: ['name="__proto__', 'value="toString', 'evaluation="-', 'index="1', "<weight index=\"1\" ", 'type="integer"', "<__proto__ "],
});

/** The files of a shape: which one is damaged is part of the case. */
function files(shape: GeniusShape): string[] {
  return [domainXml(shape.issues), ...shape.profiles.map((profile) => profileXml(shape.issues, profile))];
}

/** What the command does with the files: read each as UTF-8, then import them. */
function importBytes(contents: readonly Uint8Array[]): "imported" | "refused" {
  try {
    const [domain, ...profiles] = contents.map((bytes, k) => ({ path: `f${k}.xml`, xml: decodeUtf8(bytes, `f${k}.xml`) }));
    importGenius(domain, profiles);
    return "imported";
  } catch (error) {
    if (error instanceof UserError) {
      expect(error.message).not.toContain("\n");
      return "refused";
    }
    throw error;
  }
}

const cases = fc.tuple(arbitraryGenius, fc.nat(), fc.array(damage, { minLength: 1, maxLength: 3 }));

function damagedFiles([shape, which, damages]: [GeniusShape, number, Parameters<typeof damaged>[1]]): Uint8Array[] {
  const texts = files(shape);
  const target = which % texts.length;
  return texts.map((text, k) => (k === target ? damaged(text, damages) : Buffer.from(text)));
}

describe("damaged GENIUS files", () => {
  test("undamaged, every generated shape imports", () => {
    fc.assert(
      fc.property(arbitraryGenius, (shape) => {
        expect(importBytes(files(shape).map((text) => Buffer.from(text)))).toBe("imported");
      }),
      { numRuns: 100, seed: 20261202 },
    );
  });

  test("never throw anything but a user error, in bounded time", () => {
    const { outcomes, slowest } = fuzz(cases, (generated) => importBytes(damagedFiles(generated)), { numRuns: 1000, seed: 20261203 });
    expect(slowest, "the slowest case took this long (ms)").toBeLessThan(2000);
    // The damage is varied enough that both outcomes occur.
    expect(outcomes.refused).toBeGreaterThan(200);
    expect(outcomes.imported).toBeGreaterThan(10);
  });

  test(
    "through the command line: exit 0 or 1, never 2, with no stack trace",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "mutual-gains-genius-fuzz-"));
      const samples = fc.sample(cases, { numRuns: 10, seed: 11 });
      await Promise.all(
        samples.map(async (generated, k) => {
          const paths = damagedFiles(generated).map((bytes, f) => {
            const path = join(folder, `case-${k}-${f}.xml`);
            writeFileSync(path, bytes);
            return path;
          });
          const result = await run(["import", "genius", ...paths]);
          expect([0, 1], result.output).toContain(result.status);
          expect(result.output).not.toMatch(STACK_LINE);
        }),
      );
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
