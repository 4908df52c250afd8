/**
 * The machine-readable form of an analysis (`analyze --json`). Packages are written as
 * { issueId: optionId } and utilities as { partyId: points }. Counts that may pass 2^53
 * are numbers when they are safe integers and decimal strings otherwise.
 */
import type { ScenarioAnalysis } from "../engine/analysis.js";
import { type CompiledScenario, type Package, packageToRecord } from "../engine/model.js";
import type { Scenario } from "../scenario/schema.js";
import { clausesJson, riskJson, uncertaintiesJson } from "./analysis-uncertainty.js";
import { LazyArray } from "./json-stream.js";

export interface OutcomeRow {
  outcome: Record<string, string>;
  utilities: Record<string, number>;
}

export function outcomeRow(model: CompiledScenario, pkg: Package, utilities: ArrayLike<number>): OutcomeRow {
  return {
    outcome: packageToRecord(model, pkg),
    utilities: Object.fromEntries(model.partyIds.map((id, p) => [id, utilities[p]])),
  };
}

export function exactCount(count: bigint): number | string {
  return count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(count) : count.toString();
}

/**
 * An upper bound of the bytes analysisToJson's frontier takes as printed (JSON, indented by two):
 * per point, every issue's longest option and every utility at its longest. It is known before
 * anything is built, so a frontier too large to print is refused in an instant.
 */
export function frontierJsonBytes(analysis: ScenarioAnalysis): number {
  const { model } = analysis;
  const length = (text: string) => JSON.stringify(text).length;
  let row = 100 + analysis.outcomeCount.toString().length;
  model.issueIds.forEach((issue, i) => (row += 12 + length(issue) + Math.max(...model.optionIds[i].map(length))));
  // Where the scenario is uncertain each row carries a risk object per party: its key and four numbers.
  for (const party of model.partyIds) row += 36 + length(party) + (model.uncertain ? 130 + length(party) : 0);
  return analysis.frontier.size * row;
}

/**
 * The analysis as JSON, its frontier a LazyArray (JSON.stringify gives the whole; streamJson writes it a chunk of rows at a time). Where the scenario has uncertain quantities, it lists them with every
 * party's forecast and the value of its contingent clauses, and every package row carries
 * each party's risk (draws seeded by `seed`).
 */
export function analysisToJson(scenario: Scenario, analysis: ScenarioAnalysis, seed = "0") {
  const scenarioId = scenario.id;
  const { model, frontier } = analysis;
  const ids = model.partyIds;
  const row = (point: number | null) => {
    if (point === null) return null;
    const pkg = frontier.package(point);
    return { ...outcomeRow(model, pkg, frontier.utilities(point)), ...riskJson(model, pkg, seed) };
  };
  const { naiveJointGain, valueLeftOnTable, maxJointGain } = analysis;

  return {
    scenario: scenarioId,
    outcomeCount: exactCount(analysis.outcomeCount),
    parties: [...ids],
    batnas: Object.fromEntries(ids.map((id, p) => [id, model.batnas[p]])),
    uncertainties: model.uncertain ? uncertaintiesJson(scenario, model) : [],
    ...(model.uncertain ? { contingentClauses: clausesJson(model) } : {}),
    agreeableOnly: frontier.agreeableOnly,
    // Made a chunk of rows at a time as it is written (streamJson): a frontier's rows are most of the JSON.
    frontier: new LazyArray(frontier.size, (point) => ({
      ...row(point)!,
      packageCount: exactCount(frontier.countPackages(point)),
    })),
    nash: row(analysis.nash),
    kalaiSmorodinsky: row(analysis.kalaiSmorodinsky),
    maxJoint: row(analysis.maxJoint),
    maxJointGain,
    naiveCompromise: {
      ...outcomeRow(model, analysis.naiveCompromise.package, analysis.naiveCompromise.utilities),
      ...riskJson(model, analysis.naiveCompromise.package, seed),
      jointGain: naiveJointGain,
      valueLeftOnTable,
      shareLeftOnTable: valueLeftOnTable === null || !maxJointGain ? null : valueLeftOnTable / maxJointGain,
    },
    ...(analysis.fixedTermsJointGain !== undefined ? { fixedTerms: fixedTermsJson(analysis.fixedTermsJointGain, maxJointGain) } : {}),
    favourites: Object.fromEntries(
      ids.map((id, p) => [id, { ...outcomeRow(model, analysis.favourites[p].package, analysis.favourites[p].utilities), ...riskJson(model, analysis.favourites[p].package, seed) }]),
    ),
    packages: analysis.packages.map((candidate, rank) => ({
      rank: rank + 1,
      ...outcomeRow(model, candidate.package, candidate.utilities),
      ...riskJson(model, candidate.package, seed),
      nashProduct: candidate.nashProduct,
      jointGain: candidate.jointGain,
      trades: candidate.trades.parties.map((trades) => ({
        party: ids[trades.party],
        givesWayOn: trades.givesWayOn.map((t) => ({ issue: model.issueIds[t.issue], priority: t.priority, loss: t.loss })),
        getsItsWayOn: trades.getsItsWayOn.map((t) => ({ issue: model.issueIds[t.issue], priority: t.priority })),
      })),
      sharedIssues: candidate.trades.sharedIssues.map((i) => model.issueIds[i]),
    })),
    issues: model.issueIds.map((issueId, i) => ({
      id: issueId,
      pairs: analysis.issueRelations
        .filter((relation) => relation.issue === i)
        .map((relation) => ({
          parties: relation.parties.map((p) => ids[p]),
          kind: relation.kind,
          priorities: Object.fromEntries(relation.parties.map((p, k) => [ids[p], relation.priorities[k]])),
          favourites: Object.fromEntries(relation.parties.map((p, k) => [ids[p], model.optionIds[i][relation.favourites[k]]])),
        })),
    })),
  };
}

/** Tip 6: the best a table reaches with fixed terms only, against the best with contingent clauses. */
function fixedTermsJson(jointGain: number | null, maxJointGain: number | null) {
  const left = jointGain === null || maxJointGain === null ? null : maxJointGain - jointGain;
  return { jointGain, valueLeftOnTable: left, shareLeftOnTable: left === null || !maxJointGain ? null : left / maxJointGain };
}
