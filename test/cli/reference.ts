/**
 * A deliberately naive analysis of a scenario file, written from the scenario format's
 * definition and independent of src/: every package, a pairwise dominance filter, and
 * the bargaining points by exhaustive search. For comparing `analyze --json` against.
 *
 * utility(party, package) = Σ_issues weight / Σ weights × value(option)
 *                           − Σ_issues autonomyCost(option) − entryCost
 */
import { readFileSync } from "node:fs";

export const EPSILON = 1e-9;

export interface ScenarioFile {
  id: string;
  issues: { id: string; options: { id: string }[] }[];
  parties: {
    id: string;
    weights: Record<string, number>;
    values: Record<string, Record<string, number>>;
    autonomyCosts?: Record<string, Record<string, number>>;
    entryCost?: number;
    batna: number;
  }[];
}

export const readScenario = (path: string): ScenarioFile => JSON.parse(readFileSync(path, "utf8")) as ScenarioFile;

export type Outcome = Record<string, string>;

export interface Point {
  /** One utility per party, in the scenario's party order. */
  utilities: number[];
  /** Every package with these utilities. */
  outcomes: Outcome[];
}

export function utilitiesOf(scenario: ScenarioFile, outcome: Outcome): number[] {
  return scenario.parties.map((party) => {
    const total = scenario.issues.reduce((sum, issue) => sum + (party.weights[issue.id] ?? 0), 0);
    let utility = -(party.entryCost ?? 0);
    for (const issue of scenario.issues) {
      const option = outcome[issue.id];
      utility += ((party.weights[issue.id] ?? 0) / total) * (party.values[issue.id]?.[option] ?? 0);
      utility -= party.autonomyCosts?.[issue.id]?.[option] ?? 0;
    }
    return utility;
  });
}

export function allOutcomes(scenario: ScenarioFile): Outcome[] {
  let outcomes: Outcome[] = [{}];
  for (const issue of scenario.issues) {
    outcomes = outcomes.flatMap((partial) => issue.options.map((option) => ({ ...partial, [issue.id]: option.id })));
  }
  return outcomes;
}

export const sameUtilities = (a: readonly number[], b: readonly number[]) => a.every((x, p) => Math.abs(x - b[p]) <= EPSILON);
const dominates = (a: number[], b: number[]) => a.every((x, p) => x >= b[p] - EPSILON) && a.some((x, p) => x > b[p] + EPSILON);

/** The whole Pareto frontier: one point per distinct utility vector, sorted by utilities descending, first party first. */
export function bruteForceFrontier(scenario: ScenarioFile): Point[] {
  const evaluated = allOutcomes(scenario).map((outcome) => ({ outcome, utilities: utilitiesOf(scenario, outcome) }));
  const points: Point[] = [];
  for (const { outcome, utilities } of evaluated) {
    if (evaluated.some((other) => dominates(other.utilities, utilities))) continue;
    const same = points.find((point) => sameUtilities(point.utilities, utilities));
    if (same) same.outcomes.push(outcome);
    else points.push({ utilities, outcomes: [outcome] });
  }
  return points.sort((a, b) => compareDescending(a.utilities, b.utilities));
}

/** Negative when `a` comes first in descending lexicographic order (with the tolerance). */
export function compareDescending(a: readonly number[], b: readonly number[]): number {
  for (let p = 0; p < a.length; p++) if (Math.abs(a[p] - b[p]) > EPSILON) return b[p] - a[p];
  return 0;
}

const batnas = (scenario: ScenarioFile) => scenario.parties.map((party) => party.batna);

/** Frontier points that give every party strictly more than its BATNA. */
export function agreeablePoints(scenario: ScenarioFile, frontier: Point[]): Point[] {
  const b = batnas(scenario);
  return frontier.filter((point) => point.utilities.every((u, p) => u > b[p] + EPSILON));
}

export function nashProduct(scenario: ScenarioFile, utilities: readonly number[]): number {
  const b = batnas(scenario);
  return utilities.reduce((product, u, p) => product * (u - b[p]), 1);
}

export function jointGain(scenario: ScenarioFile, utilities: readonly number[]): number {
  const b = batnas(scenario);
  return utilities.reduce((sum, u, p) => sum + (u - b[p]), 0);
}

/** Kalai–Smorodinsky score: the smallest gain over the BATNA as a share of the party's best agreeable gain. */
export function kalaiSmorodinskyScore(scenario: ScenarioFile, agreeable: Point[], utilities: readonly number[]): number {
  const b = batnas(scenario);
  const ideal = b.map((_, p) => Math.max(...agreeable.map((point) => point.utilities[p])));
  return Math.min(...utilities.map((u, p) => (u - b[p]) / (ideal[p] - b[p])));
}
