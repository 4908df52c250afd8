/** `schema` and `import genius`. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ScenarioFile, utilitiesOf } from "./reference.js";
import { CLI_TEST_TIMEOUT_MS, STACK_LINE, expectUserError, fixture, run } from "./run.js";

describe.concurrent("schema", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("prints a JSON Schema for scenario files", async () => {
    const result = await run(["schema"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const schema = JSON.parse(result.stdout) as {
      $schema: string;
      type: string;
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.$schema).toMatch(/^https:\/\/json-schema\.org\//);
    expect(schema.type).toBe("object");
    for (const key of ["$schema", "id", "title", "story", "issues", "parties"]) expect(schema.properties).toHaveProperty([key]);
    expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "story", "issues", "parties"]));
    expect(schema.additionalProperties).toBe(false);
    // Every key a fixture scenario uses is a property the schema knows.
    const scenario = JSON.parse(readFileSync(fixture("two-party.json"), "utf8")) as Record<string, unknown>;
    for (const key of Object.keys(scenario)) expect(schema.properties).toHaveProperty([key]);
  });
});

describe.concurrent("import genius", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const domain = fixture("genius_domain.xml");
  const buyer = fixture("genius_buyer.xml");
  const seller = fixture("genius_seller.xml");
  const temporary = mkdtempSync(join(tmpdir(), "mutual-gains-cli-"));
  afterAll(() => rmSync(temporary, { recursive: true, force: true }));

  /** What the fixtures give in GENIUS: Σ weight × evaluation / the issue's best evaluation (integers: offset + slope × (x − 1)). */
  const geniusUtilities = (price: string, colour: string, days: number) => [
    0.5 * ({ Low: 10, Mid: 6, High: 2 }[price]! / 10) + 0.25 * ({ Red: 3, Blue: 4 }[colour]! / 4) + 0.25 * (1 - 0.5 * (days - 1)),
    0.4 * ({ Low: 1, Mid: 5, High: 10 }[price]! / 10) + 0.2 * ({ Red: 2, Blue: 1 }[colour]! / 2) + 0.4 * (0.5 * (days - 1)),
  ];

  function expectImported(scenario: ScenarioFile): void {
    expect(scenario.issues.map((issue) => issue.id)).toEqual(["Price", "Colour", "Days"]);
    expect(scenario.issues[2].options.map((option) => option.id)).toEqual(["1", "2", "3"]);
    expect(scenario.parties.map((party) => party.id)).toEqual(["genius_buyer", "genius_seller"]);
    expect(scenario.parties.map((party) => party.batna)).toEqual([30, 25]);
    for (const [price, colour, days] of [["Low", "Blue", 1], ["Mid", "Red", 2], ["High", "Red", 3]] as const) {
      const utilities = utilitiesOf(scenario, { Price: price, Colour: colour, Days: String(days) });
      geniusUtilities(price, colour, days).forEach((genius, p) => expect(utilities[p]).toBeCloseTo(genius * 100, 9));
    }
  }

  it("to standard output: a scenario whose utilities are GENIUS's × 100", async () => {
    const result = await run(["import", "genius", domain, buyer, seller]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expectImported(JSON.parse(result.stdout) as ScenarioFile);
  });

  it("with -o: writes the file, prints nothing, and the file is a valid scenario", async () => {
    const output = join(temporary, "imported.json");
    const result = await run(["import", "genius", domain, buyer, seller, "-o", output]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expectImported(JSON.parse(readFileSync(output, "utf8")) as ScenarioFile);
    expect(readdirSync(temporary), "no temporary file left behind").toEqual(["imported.json"]);
    const validated = await run(["validate", output]);
    expect(validated.status, validated.output).toBe(0);
    expect(validated.stdout.trim()).toBe(`${output}: ok`);
  });

  it("with -o into a folder that does not exist: exit 1, nothing written, no stack trace", async () => {
    const output = join(temporary, "missing-folder", "imported.json");
    const result = await run(["import", "genius", domain, buyer, seller, "--output", output]);
    expectUserError(result);
    expect(result.stderr).toContain(output);
    expect(existsSync(join(temporary, "missing-folder"))).toBe(false);
  });

  it("a missing file: exit 1, a message naming it, no stack trace", async () => {
    const missing = fixture("no_such_profile.xml");
    const result = await run(["import", "genius", domain, buyer, missing]);
    expectUserError(result);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^mutual-gains: /);
    expect(result.stderr).toContain(missing);
    expect(result.stderr).toMatch(/ENOENT|no such file|not found|does not exist/i);
  });

  it("XML that is not well-formed: exit 1, file, line and column named, no stack trace", async () => {
    const result = await run(["import", "genius", domain, fixture("genius_broken.xml"), seller]);
    expectUserError(result);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/genius_broken\.xml:5:\d+: not well-formed XML/);
    expect(result.output).not.toMatch(STACK_LINE);
  });

  it("a profile given as the domain: exit 1 with an explanation", async () => {
    const result = await run(["import", "genius", buyer, buyer, seller]);
    expectUserError(result);
    expect(result.stderr).toContain("not a GENIUS domain");
  });

  it("a single profile: exit 1, a scenario needs at least two", async () => {
    const result = await run(["import", "genius", domain, buyer]);
    expectUserError(result);
    expect(result.stderr).toMatch(/2 to 8 GENIUS preference profiles, got 1/);
  });
});
