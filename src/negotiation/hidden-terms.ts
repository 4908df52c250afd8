/**
 * Tip 4: the hidden terms of a scenario in a fixed order — issue by issue, a hidden issue
 * itself or its hidden options in option order — so that moves and answers name them by index.
 */
import { type CompiledScenario, withAvailability } from "../engine/model.js";
import type { Scenario } from "../scenario/schema.js";
import type { HiddenTermConfig } from "./protocol.js";

export function hiddenTerms(scenario: Scenario): HiddenTermConfig[] {
  const holder = (id: string) => scenario.parties.findIndex((party) => party.id === id);
  const terms: HiddenTermConfig[] = [];
  scenario.issues.forEach((issue, i) => {
    const term = (hidden: NonNullable<typeof issue.hidden>, option?: number): HiddenTermConfig => ({
      issue: i,
      ...(option === undefined ? {} : { option }),
      holder: holder(hidden.holder),
      questions: hidden.questions ?? ["what-else"],
      ...(hidden.trust === undefined ? {} : { trust: hidden.trust }),
    });
    if (issue.hidden) terms.push(term(issue.hidden));
    issue.options.forEach((option, o) => {
      if (option.hidden) terms.push(term(option.hidden, o));
    });
  });
  return terms;
}

/** The terms `party` holds that are still hidden and that `question` brings out. */
export function termsBroughtOut(hidden: readonly HiddenTermConfig[], revealed: readonly boolean[], party: number, question: "what-else" | "what-would-work"): number[] {
  return hidden.flatMap((term, k) => (term.holder === party && !revealed[k] && term.questions.includes(question) ? [k] : []));
}

/** The model of what is on the table: hidden issues at their first option, hidden options left out, until revealed. */
export function maskedModel(full: CompiledScenario, hidden: readonly HiddenTermConfig[], revealed: readonly boolean[]): CompiledScenario {
  if (hidden.length === 0) return full;
  const available = new Uint8Array(full.totalOptions).fill(1);
  hidden.forEach((term, k) => {
    if (revealed[k]) return;
    const base = full.issueOffsets[term.issue];
    if (term.option !== undefined) available[base + term.option] = 0;
    else available.fill(0, base + 1, base + full.optionCounts[term.issue]);
  });
  return withAvailability(full, available);
}
