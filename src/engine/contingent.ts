/**
 * Tip 6: what a contingent clause is worth. Contributions add up issue by issue, so on an
 * issue with contingent options the clause's value is the same whatever the rest of the
 * package: the parties' joint expected points of the best contingent option less those of
 * the best fixed option. It is positive exactly where forecasts differ enough that each
 * side expects the bet to go its way.
 */
import { type CompiledScenario, isAvailable } from "./model.js";

export interface ClauseValue {
  readonly issue: number;
  /** The contingent option with the most joint expected points, and the fixed one. */
  readonly clause: number;
  readonly fixed: number;
  /** Joint expected points the clause adds over the fixed option (negative when it loses value). */
  readonly value: number;
}

/** Whether some available option is a contingent clause. */
export function hasContingentOptions(model: CompiledScenario): boolean {
  const contingent = model.uncertain?.contingent;
  if (!contingent) return false;
  if (!model.available) return contingent.includes(1);
  return contingent.some((clause, k) => clause === 1 && model.available![k] !== 0);
}

/** For each issue that has available contingent options: the best of them against the best available fixed option. */
export function clauseValues(model: CompiledScenario): ClauseValue[] {
  const contingent = model.uncertain?.contingent;
  if (!contingent) return [];
  const values: ClauseValue[] = [];
  for (let i = 0; i < model.issueCount; i++) {
    const base = model.issueOffsets[i];
    const joint = (o: number) => {
      let sum = 0;
      for (let p = 0; p < model.partyCount; p++) sum += model.contributions[(base + o) * model.partyCount + p];
      return sum;
    };
    let clause = -1;
    let fixed = -1;
    for (let o = 0; o < model.optionCounts[i]; o++) {
      if (!isAvailable(model, i, o)) continue;
      if (contingent[base + o]) {
        if (clause < 0 || joint(o) > joint(clause)) clause = o;
      } else if (fixed < 0 || joint(o) > joint(fixed)) fixed = o;
    }
    if (clause >= 0 && fixed >= 0) values.push({ issue: i, clause, fixed, value: joint(clause) - joint(fixed) });
  }
  return values;
}

/**
 * The model without its contingent options: the deals within reach of a table that settles
 * only fixed terms. Null where an issue has no available fixed option at all. The mask is
 * carried over, re-indexed to the options kept.
 */
export function fixedTermsOnly(model: CompiledScenario): CompiledScenario | null {
  if (!hasContingentOptions(model)) return model;
  const contingent = model.uncertain!.contingent;
  const kept = model.optionIds.map((options, i) => options.flatMap((_, o) => (contingent[model.issueOffsets[i] + o] ? [] : [o])));
  if (kept.some((options, i) => !options.some((o) => isAvailable(model, i, o)))) return null;
  const optionCounts = Int32Array.from(kept, (options) => options.length);
  const issueOffsets = new Int32Array(model.issueCount);
  for (let i = 1; i < model.issueCount; i++) issueOffsets[i] = issueOffsets[i - 1] + optionCounts[i - 1];
  const totalOptions = issueOffsets[model.issueCount - 1] + optionCounts[model.issueCount - 1];
  const contributions = new Float64Array(totalOptions * model.partyCount);
  const autonomyCosts = new Float64Array(totalOptions * model.partyCount);
  kept.forEach((options, i) =>
    options.forEach((o, k) => {
      const from = (model.issueOffsets[i] + o) * model.partyCount;
      const to = (issueOffsets[i] + k) * model.partyCount;
      contributions.set(model.contributions.subarray(from, from + model.partyCount), to);
      autonomyCosts.set(model.autonomyCosts.subarray(from, from + model.partyCount), to);
    }),
  );
  return {
    ...model,
    optionIds: kept.map((options, i) => options.map((o) => model.optionIds[i][o])),
    optionCounts,
    issueOffsets,
    totalOptions,
    contributions,
    autonomyCosts,
    // The expectations are already in the contributions; the terms would no longer line up.
    uncertain: undefined,
    ...(model.available
      ? { available: Uint8Array.from(kept.flatMap((options, i) => options.map((o) => model.available![model.issueOffsets[i] + o]))) }
      : {}),
  };
}
