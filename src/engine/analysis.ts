/**
 * Everything the engine knows about a scenario, computed once: the frontier, the
 * bargaining points, the reference packages, the issue relations and the best
 * value-creating packages.
 */
import { agreeablePoints, kalaiSmorodinskyPoint, maxJointPoint, nashPoint } from "./bargaining.js";
import { fixedTermsOnly, hasContingentOptions } from "./contingent.js";
import { type FrontierOptions, type ParetoFrontier, computeFrontier } from "./frontier.js";
import { type IssueRelation, classifyIssues } from "./issues.js";
import { type CompiledScenario, type Package, outcomeCount, packageUtilities } from "./model.js";
import { type ValueCreatingPackage, valueCreatingPackages } from "./packages.js";
import { favouritePackage, naiveCompromise } from "./reference-packages.js";

export interface EvaluatedPackage {
  readonly package: Int32Array;
  readonly utilities: Float64Array;
}

export interface ScenarioAnalysis {
  readonly model: CompiledScenario;
  readonly outcomeCount: bigint;
  readonly frontier: ParetoFrontier;
  /** Frontier points, or null when no package beats every BATNA. */
  readonly nash: number | null;
  readonly kalaiSmorodinsky: number | null;
  readonly maxJoint: number | null;
  readonly naiveCompromise: EvaluatedPackage;
  readonly favourites: readonly EvaluatedPackage[];
  readonly issueRelations: readonly IssueRelation[];
  readonly packages: readonly ValueCreatingPackage[];
  /** Largest Σ(utility − BATNA) over agreeable packages, or null when there are none. */
  readonly maxJointGain: number | null;
  /** Σ(utility − BATNA) of the naive compromise. */
  readonly naiveJointGain: number;
  /** Joint gain the naive compromise leaves on the table, in points, or null without agreeable packages. */
  readonly valueLeftOnTable: number | null;
  /**
   * Tip 6, where the scenario has contingent options and `fixedTerms` was asked for: the
   * largest joint gain of a package of fixed terms only (null when none beats every BATNA).
   */
  readonly fixedTermsJointGain?: number | null;
}

export interface AnalysisOptions extends FrontierOptions {
  /** How many value-creating packages to rank. */
  readonly top?: number;
  /** Also the best of fixed terms only (a second frontier): what `analyze` reports, and the debrief and batch do not need. */
  readonly fixedTerms?: boolean;
}

export function evaluate(model: CompiledScenario, pkg: Package): EvaluatedPackage {
  return { package: Int32Array.from(pkg), utilities: packageUtilities(model, pkg) };
}

/** Σ(utility − BATNA) over the parties. */
export function jointGain(model: CompiledScenario, utilities: ArrayLike<number>): number {
  let gain = 0;
  for (let p = 0; p < model.partyCount; p++) gain += utilities[p] - model.batnas[p];
  return gain;
}

export function analyzeScenario(model: CompiledScenario, options: AnalysisOptions = {}): ScenarioAnalysis {
  const frontier = computeFrontier(model, options);
  const agreeable = agreeablePoints(frontier);
  const maxJoint = maxJointPoint(frontier, agreeable);
  const naive = evaluate(model, naiveCompromise(model));
  const naiveJointGain = jointGain(model, naive.utilities);
  const maxJointGain = maxJoint === null ? null : jointGain(model, frontier.utilities(maxJoint));
  return {
    model,
    outcomeCount: outcomeCount(model),
    frontier,
    nash: nashPoint(frontier, agreeable),
    kalaiSmorodinsky: kalaiSmorodinskyPoint(frontier, agreeable),
    maxJoint,
    naiveCompromise: naive,
    favourites: model.partyIds.map((_, p) => evaluate(model, favouritePackage(model, p))),
    issueRelations: classifyIssues(model),
    packages: valueCreatingPackages(frontier, options.top ?? 5, agreeable),
    maxJointGain,
    naiveJointGain,
    valueLeftOnTable: maxJointGain === null ? null : maxJointGain - naiveJointGain,
    ...(options.fixedTerms && hasContingentOptions(model) ? { fixedTermsJointGain: fixedTermsJointGain(model, options) } : {}),
  };
}

function fixedTermsJointGain(model: CompiledScenario, options: FrontierOptions): number | null {
  const fixed = fixedTermsOnly(model);
  if (fixed === null) return null;
  const frontier = computeFrontier(fixed, options);
  const best = maxJointPoint(frontier);
  return best === null ? null : jointGain(fixed, frontier.utilities(best));
}
