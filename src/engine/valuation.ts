/**
 * Tip 6: what options are worth when the future is uncertain. Each option's value and
 * autonomy cost for each party is a *term*: a number, or a function of the uncertain
 * quantities (a formula; a share of an issue's revenue; a contingent clause that is one
 * option if a quantity turns out high enough and another otherwise).
 *
 * A party values a term by its expectation under its own belief (its forecast of each
 * quantity; quantities are independent). Expectations are additive, so a party's expected
 * utility of a package is the sum of its terms' expected contributions: the compiled model
 * holds those, and every algorithm (frontier, bargaining, partners) works on expected
 * utilities unchanged. The terms themselves are kept for what expectations hide: the risk
 * of a package (risk.ts) and what a deal turned out to be worth once the quantities are known.
 */
import { own } from "../records.js";
import type { Issue, Option, Party, Scenario, Uncertainty } from "../scenario/schema.js";
import { type Distribution, support } from "./distributions.js";
import { expectation } from "./expectation.js";
import { compileFormula } from "./formulas.js";

export interface Term {
  /** The points for given quantities (indexed as the scenario lists them). */
  readonly evaluate: (quantities: Float64Array) => number;
  /** Indices of the quantities it depends on, ascending; none for a certain term. */
  readonly uses: readonly number[];
  /** Where it may jump or kink, per quantity. */
  readonly breakpoints: ReadonlyMap<number, readonly number[]>;
}

export interface UncertainModel {
  readonly quantityIds: readonly string[];
  /** beliefs[p][k]: party p's forecast of quantity k. */
  readonly beliefs: readonly (readonly Distribution[])[];
  /** truth[k]: the distribution quantity k's real value is drawn from. */
  readonly truth: readonly Distribution[];
  /** values[(issueOffset + o) * partyCount + p] and costs[…]: the terms of each option for each party. */
  readonly values: readonly Term[];
  readonly costs: readonly Term[];
  /** expectedValues[(issueOffset + o) * partyCount + p]: party p's expected points of the option, under its own forecast. */
  readonly expectedValues: Float64Array;
  /** contingent[issueOffset + o]: 1 where the option is a contingent clause. */
  readonly contingent: Uint8Array;
}

/** Whether the scenario has anything uncertain or formula-valued: otherwise it compiles exactly as before. */
export function isUncertain(scenario: Scenario): boolean {
  if ((scenario.uncertainties?.length ?? 0) > 0) return true;
  if (scenario.issues.some((issue) => issue.revenue !== undefined || issue.options.some((option) => option.contingent))) return true;
  return scenario.parties.some((party) =>
    [party.values, party.autonomyCosts ?? {}].some((table) => Object.values(table).some((row) => Object.values(row).some((value) => typeof value === "string"))),
  );
}

const NO_BREAKPOINTS: ReadonlyMap<number, readonly number[]> = new Map();

function constant(points: number): Term {
  return { evaluate: () => points, uses: [], breakpoints: NO_BREAKPOINTS };
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function mergeBreakpoints(...maps: ReadonlyMap<number, readonly number[]>[]): Map<number, number[]> {
  const merged = new Map<number, number[]>();
  for (const map of maps) for (const [k, values] of map) merged.set(k, [...(merged.get(k) ?? []), ...values]);
  return merged;
}

/** Where each quantity can lie under any forecast: where a formula's steps (round, floor, …) are looked for. */
export function quantityRanges(quantities: readonly Uncertainty[]): [number, number][] {
  return quantities.map((quantity): [number, number] => {
    const all = [quantity.distribution, ...Object.values(quantity.beliefs ?? {})].map((d) => support(d as Distribution));
    return [Math.min(...all.map(([low]) => low)), Math.max(...all.map(([, high]) => high))];
  });
}

export function uncertainModel(scenario: Scenario): UncertainModel {
  const quantities = scenario.uncertainties ?? [];
  const quantityIds = quantities.map((quantity) => quantity.id);
  const ranges = quantityRanges(quantities);
  const formulas = new Map<string, Term>();
  const formula = (source: string): Term => {
    let term = formulas.get(source);
    if (!term) formulas.set(source, (term = compileFormula(source, quantityIds, ranges)));
    return term;
  };
  const pointsOf = (value: number | string | undefined): Term => (typeof value === "string" ? formula(value) : constant(value ?? 0));

  /** The value of an option of an issue for a party, following a contingent clause to the options it names. */
  const valueTerm = (party: Party, issue: Issue, option: Option, cost: boolean): Term => {
    if (option.contingent) {
      const { quantity, atLeast } = option.contingent;
      const k = quantityIds.indexOf(quantity);
      const byId = (id: string) => issue.options.find((candidate) => candidate.id === id)!;
      const high = valueTerm(party, issue, byId(option.contingent.then), cost);
      const low = valueTerm(party, issue, byId(option.contingent.else), cost);
      return {
        evaluate: (q) => (q[k] >= atLeast ? high.evaluate(q) : low.evaluate(q)),
        uses: union([k], union(high.uses, low.uses)),
        breakpoints: mergeBreakpoints(high.breakpoints, low.breakpoints, new Map([[k, [atLeast]]])),
      };
    }
    if (cost) return pointsOf(own(own(party.autonomyCosts, issue.id), option.id));
    if (issue.revenue !== undefined) {
      const share = own(option.shares, party.id) ?? 0;
      const revenue = formula(issue.revenue);
      return { evaluate: (q) => share * revenue.evaluate(q), uses: revenue.uses, breakpoints: revenue.breakpoints };
    }
    return pointsOf(own(own(party.values, issue.id), option.id));
  };

  const values: Term[] = [];
  const costs: Term[] = [];
  const partyCount = scenario.parties.length;
  let offset = 0;
  for (const issue of scenario.issues) {
    issue.options.forEach((option, o) => {
      scenario.parties.forEach((party, p) => {
        values[(offset + o) * partyCount + p] = valueTerm(party, issue, option, false);
        costs[(offset + o) * partyCount + p] = valueTerm(party, issue, option, true);
      });
    });
    offset += issue.options.length;
  }
  const beliefs = scenario.parties.map((party) => quantities.map((quantity) => (own(quantity.beliefs, party.id) ?? quantity.distribution) as Distribution));
  const truth = quantities.map((quantity) => {
    const whose = quantity.truth ?? "common";
    return (whose === "common" ? quantity.distribution : (own(quantity.beliefs, whose) ?? quantity.distribution)) as Distribution;
  });
  const expectedValues = Float64Array.from(values, (term, at) => expectedPoints(term, beliefs[at % partyCount]));
  const contingent = Uint8Array.from(scenario.issues.flatMap((issue) => issue.options.map((option) => (option.contingent ? 1 : 0))));
  return { quantityIds, beliefs, truth, values, costs, expectedValues, contingent };
}

/** A term's expected points under a forecast of every quantity. */
export function expectedPoints(term: Term, forecast: readonly Distribution[]): number {
  if (term.uses.length === 0) return term.evaluate(EMPTY);
  const breakpoints = forecast.map((_, k) => term.breakpoints.get(k) ?? []);
  return expectation(term.evaluate, forecast, term.uses, breakpoints);
}

const EMPTY = new Float64Array(0);
