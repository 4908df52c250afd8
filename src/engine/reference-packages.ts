/**
 * Packages that value-creating packages are compared with: the naive compromise a
 * trainee reaches by haggling issue by issue, and each party's favourite package.
 * Both are found issue by issue, without the frontier.
 */
import { type CompiledScenario, contribution, contributionRange, isAvailable } from "./model.js";
import { UTILITY_EPSILON } from "./tolerance.js";

/**
 * Satisfaction of a party with an option: where the option's contribution lies between
 * the party's worst (0) and best (1) option on that issue; 1 when the party does not care.
 */
export function satisfaction(model: CompiledScenario, party: number, issue: number, option: number): number {
  const { low, high } = contributionRange(model, party, issue);
  if (high - low <= UTILITY_EPSILON) return 1;
  return (contribution(model, party, issue, option) - low) / (high - low);
}

/**
 * The naive compromise: every issue is settled on its own by splitting the difference,
 * ignoring priorities. Per issue it takes the option whose smallest satisfaction over the
 * parties is highest; ties go to the larger total satisfaction, then to the lower option.
 * Haggling splits positions, so a contingent clause (a bet) is no candidate where the
 * issue has an available fixed option. Only available options are candidates.
 */
export function naiveCompromise(model: CompiledScenario): Int32Array {
  const pkg = new Int32Array(model.issueCount);
  const contingent = model.uncertain?.contingent;
  for (let i = 0; i < model.issueCount; i++) {
    let bestMin = -Infinity;
    let bestSum = -Infinity;
    const base = model.issueOffsets[i];
    let hasFixed = !contingent;
    for (let o = 0; o < model.optionCounts[i] && !hasFixed; o++) hasFixed = contingent![base + o] === 0 && isAvailable(model, i, o);
    for (let o = 0; o < model.optionCounts[i]; o++) {
      if (!isAvailable(model, i, o) || (hasFixed && contingent?.[base + o])) continue;
      let smallest = Infinity;
      let sum = 0;
      for (let p = 0; p < model.partyCount; p++) {
        const s = satisfaction(model, p, i, o);
        smallest = Math.min(smallest, s);
        sum += s;
      }
      if (smallest > bestMin + UTILITY_EPSILON || (smallest >= bestMin - UTILITY_EPSILON && sum > bestSum + UTILITY_EPSILON)) {
        bestMin = smallest;
        bestSum = sum;
        pkg[i] = o;
      }
    }
  }
  return pkg;
}

/**
 * A party's favourite package: its best option on every issue; among its equally good
 * options the one the other parties value most together, then the lowest (available ones only).
 */
export function favouritePackage(model: CompiledScenario, party: number): Int32Array {
  const pkg = new Int32Array(model.issueCount);
  for (let i = 0; i < model.issueCount; i++) {
    let bestOwn = -Infinity;
    let bestOthers = -Infinity;
    for (let o = 0; o < model.optionCounts[i]; o++) {
      if (!isAvailable(model, i, o)) continue;
      const own = contribution(model, party, i, o);
      let others = 0;
      for (let p = 0; p < model.partyCount; p++) if (p !== party) others += contribution(model, p, i, o);
      if (own > bestOwn + UTILITY_EPSILON || (own >= bestOwn - UTILITY_EPSILON && others > bestOthers + UTILITY_EPSILON)) {
        bestOwn = own;
        bestOthers = others;
        pkg[i] = o;
      }
    }
  }
  return pkg;
}
