/** `analyze` as text: one line per paragraph for pipes, wrapped to the terminal's width otherwise. */
import { describe, expect, test } from "vitest";
import { analyzeScenario } from "../../src/engine/analysis.js";
import { compileScenario } from "../../src/engine/model.js";
import { analysisToText } from "../../src/report/analysis-text.js";
import { builtinScenarioIds, resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import type { Language } from "../../src/scenario/schema.js";

const HEADINGS: Record<Language, { issues: string; plot: string; packages: string }> = {
  en: { issues: "\nIssues\n", plot: "\nPareto frontier:", packages: "\nValue-creating packages" },
  nl: { issues: "\nOnderwerpen\n", plot: "\nPareto-grens:", packages: "\nWaardecreërende pakketten" },
};

/** The words of a stretch of text, without the separators that wrapping may move. */
const words = (text: string) => text.split(/\s+/).filter((word) => word !== "" && word !== "·");

const between = (text: string, from: string, to?: string) => text.slice(text.indexOf(from), to === undefined ? undefined : text.indexOf(to));

describe.each(builtinScenarioIds())("%s", (id) => {
  const { scenario } = loadScenarioFile(resolveScenarioPath(id));
  // As `analyze` computes it, the best of fixed terms included.
  const analysis = analyzeScenario(compileScenario(scenario), { fixedTerms: true });

  test.each(["en", "nl"] as const)("in %s, at 60 columns every line fits and no word is lost", (lang) => {
    const piped = analysisToText(scenario, analysis, { lang });
    const wrapped = analysisToText(scenario, analysis, { lang, width: 60 });
    for (const line of wrapped.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(60);
    const h = HEADINGS[lang];
    expect(words(between(wrapped, h.issues, h.plot))).toEqual(words(between(piped, h.issues, h.plot)));
    expect(words(between(wrapped, h.packages))).toEqual(words(between(piped, h.packages)));
    // A pipe gets a paragraph per line: the long lines are still there.
    expect(piped.split("\n").some((line) => [...line].length > 60)).toBe(true);
  });
});
