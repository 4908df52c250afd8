/**
 * Checks the schema cannot express: ids that must be unique or must refer to
 * each other, complete weights and values, and whether a deal is worth having.
 */
import type { Distribution } from "../engine/distributions.js";
import { ExpectationBudgetError } from "../engine/expectation.js";
import { compileFormula } from "../engine/formulas.js";
import { compileScenario, contributionRange } from "../engine/model.js";
import { expectedPoints, quantityRanges } from "../engine/valuation.js";
import { utilityGreater } from "../engine/tolerance.js";
import { didYouMean, type Finding, type JsonPath } from "./diagnostics.js";
import { own } from "../records.js";
import { PARTNER_STYLE_IDS } from "../vocabulary.js";
import { FORMULA_FUNCTIONS, formulaProblems } from "./formulas.js";
import { partnershipFindings } from "./partnership-semantics.js";
import type { Issue, Party, PartnerDefinition, Scenario } from "./schema.js";

export function semanticFindings(scenario: Scenario): Finding[] {
  const duplicates = [
    ...duplicateIds(scenario.issues, ["issues"], "issue"),
    ...scenario.issues.flatMap((issue, i) => duplicateIds(issue.options, ["issues", i, "options"], "option", ` in issue "${issue.id}"`)),
    ...duplicateIds(scenario.parties, ["parties"], "party"),
  ];
  // References to an id that names two things cannot be checked, and would only repeat the duplicate.
  if (duplicates.length > 0) return duplicates;
  const partyIds = scenario.parties.map((party) => party.id);
  const uncertainties = uncertaintyFindings(scenario);
  const structural = [
    ...uncertainties,
    // Formulas are evaluated only over sound forecasts.
    ...issueStructure(scenario, uncertainties.length === 0),
    ...scenario.parties.flatMap((party, p) => partyFindings(scenario.issues, party, ["parties", p])),
    ...unknownKeys(scenario.partners ?? {}, ["partners"], partyIds, (key) => `unknown party "${key}"`),
    ...Object.entries(scenario.partners ?? {}).flatMap(([partyId, partner]) => partnerFindings(scenario, partner, ["partners", partyId])),
    ...partnershipFindings(scenario),
  ];
  // The engine can only evaluate packages of a structurally sound scenario.
  return structural.length > 0 ? structural : [...batnaReach(scenario), ...unweightedIssues(scenario)];
}

const error = (path: JsonPath, message: string, atKey = false): Finding => ({ severity: "error", path, message, atKey });
const warning = (path: JsonPath, message: string): Finding => ({ severity: "warning", path, message });

function duplicateIds(items: readonly { id: string }[], path: JsonPath, what: string, where = ""): Finding[] {
  const first = new Map<string, number>();
  return items.flatMap((item, i) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) {
      first.set(item.id, i);
      return [];
    }
    return [error([...path, i, "id"], `duplicate ${what} id "${item.id}"${where} (also used by ${path.at(-1)}[${earlier}])`)];
  });
}

/** An error at every key of `table` that is not one of `ids`. */
function unknownKeys(table: Record<string, unknown>, path: JsonPath, ids: readonly string[], unknown: (key: string) => string): Finding[] {
  return Object.keys(table)
    .filter((key) => !ids.includes(key))
    .map((key) => error([...path, key], unknown(key) + didYouMean(key, ids), true));
}

const unknownIssue = (key: string) => `unknown issue "${key}"`;

function partnerFindings(scenario: Scenario, partner: PartnerDefinition, path: JsonPath): Finding[] {
  // The ids, not the registry: checking a scenario loads no partner (a test holds them to the registry).
  const styles: readonly string[] = PARTNER_STYLE_IDS;
  const issueIds = scenario.issues.map((issue) => issue.id);
  const findings: Finding[] = [];
  if (!styles.includes(partner.style)) {
    findings.push(error([...path, "style"], `unknown partner style "${partner.style}"${didYouMean(partner.style, styles)}; styles: ${styles.join(", ")}`));
  }
  (partner.events ?? []).forEach((event, k) => {
    const issue = event.priority?.issue;
    if (issue !== undefined && !issueIds.includes(issue)) {
      findings.push(error([...path, "events", k, "priority", "issue"], unknownIssue(issue) + didYouMean(issue, issueIds)));
    }
  });
  return findings;
}

function partyFindings(issues: readonly Issue[], party: Party, path: JsonPath): Finding[] {
  const issueIds = issues.map((issue) => issue.id);
  const weights = [...path, "weights"];
  const unweighted = issues.filter((issue) => !Object.hasOwn(party.weights, issue.id));
  const allZero = unweighted.length === 0 && issues.every((issue) => party.weights[issue.id] === 0);
  return [
    ...unknownKeys(party.weights, weights, issueIds, unknownIssue),
    ...unweighted.map((issue) => error([...weights, issue.id], `no weight for issue "${issue.id}"`)),
    ...(allZero ? [error(weights, `every weight of party "${party.id}" is 0: give at least one issue a positive weight`)] : []),
    ...optionTable(issues, party.values, [...path, "values"]),
    ...missingValues(issues, party.values, [...path, "values"]),
    ...optionTable(issues, party.autonomyCosts ?? {}, [...path, "autonomyCosts"]),
    ...derivedValues(issues, party.values, [...path, "values"]),
  ];
}

/** Points that follow from the issue (a revenue split) or from other options (a contingent clause) are not given. */
function derivedValues(issues: readonly Issue[], values: Party["values"], path: JsonPath): Finding[] {
  return issues.flatMap((issue) => {
    const row = own(values, issue.id);
    if (!row) return [];
    if (issue.revenue !== undefined) {
      return [error([...path, issue.id], `"${issue.id}" is a revenue-split issue: its points are each party's share of the revenue, so it takes no values`, true)];
    }
    return issue.options
      .filter((option) => option.contingent && Object.hasOwn(row, option.id))
      .map((option) => error([...path, issue.id, option.id], `"${option.id}" is a contingent clause: its points are those of "${option.contingent!.then}" or "${option.contingent!.else}", so it takes no values`, true));
  });
}

/** Uncertain quantities: unique ids, forecasts that are distributions, beliefs of parties that exist. */
function uncertaintyFindings(scenario: Scenario): Finding[] {
  const quantities = scenario.uncertainties ?? [];
  const partyIds = scenario.parties.map((party) => party.id);
  return [
    ...duplicateIds(quantities, ["uncertainties"], "quantity"),
    ...quantities.flatMap((quantity, k) => {
      const path: JsonPath = ["uncertainties", k];
      const reserved = reservedName(quantity.id);
      return [
        ...(reserved ? [error([...path, "id"], reserved)] : []),
        ...distributionFindings(quantity.distribution, [...path, "distribution"]),
        ...unknownKeys(quantity.beliefs ?? {}, [...path, "beliefs"], partyIds, (key) => `unknown party "${key}"`),
        ...Object.entries(quantity.beliefs ?? {}).flatMap(([party, belief]) => distributionFindings(belief, [...path, "beliefs", party])),
        ...(quantity.truth === undefined || quantity.truth === "common" || own(quantity.beliefs, quantity.truth)
          ? []
          : [error([...path, "truth"], `the truth is drawn from "common" or from the belief of a party that has one; "${quantity.truth}" has none${didYouMean(quantity.truth, Object.keys(quantity.beliefs ?? {}))}`)]),
      ];
    }),
  ];
}

/** A quantity's name must not be a name formulas give a meaning of their own. */
function reservedName(id: string): string | undefined {
  const words = new Set<string>([...FORMULA_FUNCTIONS, "mod", "and", "or", "not", "xor", "to", "in", "true", "false", "null", "undefined", "Infinity", "NaN", "pi", "e", "i", "end"]);
  return words.has(id) ? `"${id}" cannot name a quantity: formulas use that word themselves` : undefined;
}

function distributionFindings(d: NonNullable<Scenario["uncertainties"]>[number]["distribution"], path: JsonPath): Finding[] {
  switch (d.kind) {
    case "uniform":
      return d.min <= d.max ? [] : [error([...path, "max"], `max (${d.max}) must not be below min (${d.min})`)];
    case "triangular":
      return d.min <= d.mode && d.mode <= d.max ? [] : [error([...path, "mode"], `expected min ≤ mode ≤ max, got ${d.min}, ${d.mode} and ${d.max}`)];
    case "normal":
      return d.min !== undefined && d.max !== undefined && d.min > d.max ? [error([...path, "max"], `max (${d.max}) must not be below min (${d.min})`)] : [];
    case "discrete": {
      if (d.values.length !== d.probabilities.length) {
        return [error([...path, "probabilities"], `one probability per value: ${d.values.length} values, ${d.probabilities.length} probabilities`)];
      }
      if (!d.probabilities.some((probability) => probability > 0)) return [error([...path, "probabilities"], "at least one probability must be above 0")];
      // Probabilities are divided by their sum, but a sum other than 1 is more often a slip than a choice.
      const sum = d.probabilities.reduce((total, probability) => total + probability, 0);
      return Math.abs(sum - 1) <= 1e-9 ? [] : [warning([...path, "probabilities"], `the probabilities sum to ${sum}, not 1: each is divided by their sum`)];
    }
  }
}

/**
 * Revenue splits and contingent clauses, and every formula of the scenario checked against the
 * allow-list and then, where the forecasts are sound, evaluated: a number under every forecast.
 */
function issueStructure(scenario: Scenario, evaluate: boolean): Finding[] {
  const quantities = scenario.uncertainties ?? [];
  const quantityIds = quantities.map((quantity) => quantity.id);
  const partyIds = scenario.parties.map((party) => party.id);
  const forecasts: Forecasts | undefined = evaluate
    ? {
        ranges: quantityRanges(quantities),
        each: [
          { who: "the common forecast", distributions: quantities.map((quantity) => quantity.distribution as Distribution) },
          ...scenario.parties.map((party) => ({
            who: `the forecast of "${party.id}"`,
            distributions: quantities.map((quantity) => (own(quantity.beliefs, party.id) ?? quantity.distribution) as Distribution),
          })),
        ],
      }
    : undefined;
  const formulaFindings = (source: string, path: JsonPath, ids: readonly string[]) => checkFormula(source, path, ids, forecasts);
  const findings: Finding[] = [];
  scenario.issues.forEach((issue, i) => {
    const path: JsonPath = ["issues", i];
    if (issue.revenue !== undefined) findings.push(...formulaFindings(issue.revenue, [...path, "revenue"], quantityIds));
    issue.options.forEach((option, o) => {
      const at: JsonPath = [...path, "options", o];
      if (option.contingent) findings.push(...contingentFindings(issue, option.contingent, [...at, "contingent"], quantityIds));
      else if (issue.revenue !== undefined && !option.shares) findings.push(error(at, `an option of a revenue-split issue needs "shares": each party's share of the revenue`));
      if (option.shares && issue.revenue === undefined) findings.push(error([...at, "shares"], `"shares" belong to a revenue-split issue: give the issue a "revenue"`, true));
      if (option.shares) {
        findings.push(...unknownKeys(option.shares, [...at, "shares"], partyIds, (key) => `unknown party "${key}"`));
        const sum = Object.values(option.shares).reduce((total, share) => total + share, 0);
        if (Math.abs(sum - 1) > 1e-9) findings.push(error([...at, "shares"], `the shares add up to ${round(sum)}; they must add up to 1`));
      }
    });
  });
  scenario.parties.forEach((party, p) => {
    for (const table of ["values", "autonomyCosts"] as const) {
      for (const [issueId, row] of Object.entries(party[table] ?? {})) {
        for (const [optionId, value] of Object.entries(row)) {
          if (typeof value === "string") findings.push(...formulaFindings(value, ["parties", p, table, issueId, optionId], quantityIds));
        }
      }
    }
  });
  return findings;
}

interface Forecasts {
  readonly ranges: readonly (readonly [number, number])[];
  readonly each: readonly { readonly who: string; readonly distributions: readonly Distribution[] }[];
}

/** A formula's problems: against the allow-list, then (given the forecasts) whether its expected value is a number under each. */
function checkFormula(source: string, path: JsonPath, quantityIds: readonly string[], forecasts: Forecasts | undefined): Finding[] {
  const problems = formulaProblems(source, quantityIds).map((problem) => ({ ...error(path, problem.message), within: problem.at }));
  if (problems.length > 0 || !forecasts) return problems;
  const term = compileFormula(source, quantityIds, forecasts.ranges);
  for (const { who, distributions } of forecasts.each) {
    let value: number;
    try {
      value = expectedPoints(term, distributions);
    } catch (failure) {
      if (failure instanceof ExpectationBudgetError) {
        return [error(path, `this formula steps or turns too often to compute its expected value under ${who}: ${failure.message}; use fewer steps (round to a coarser grid)`)];
      }
      // What mathjs refuses while evaluating a formula the allow-list let through is the formula's fault.
      return [error(path, `this formula cannot be evaluated: ${(failure as Error).message}`)];
    }
    if (Number.isNaN(value)) {
      return [error(path, `this formula is not a number for some values of its quantities (its expected value under ${who} is not a number): check square roots and logarithms of negative numbers, and 0 / 0`)];
    }
    if (!Number.isFinite(value)) return [error(path, `this formula is infinite for some values of its quantities (under ${who}): check divisions by 0 and logarithms of 0`)];
  }
  return [];
}

function contingentFindings(issue: Issue, contingent: NonNullable<Issue["options"][number]["contingent"]>, path: JsonPath, quantityIds: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  if (!quantityIds.includes(contingent.quantity)) {
    findings.push(error([...path, "quantity"], `unknown quantity "${contingent.quantity}"${didYouMean(contingent.quantity, quantityIds)}; quantities: ${quantityIds.join(", ") || "none"}`));
  }
  const fixed = issue.options.filter((option) => !option.contingent).map((option) => option.id);
  for (const key of ["then", "else"] as const) {
    if (!fixed.includes(contingent[key])) {
      findings.push(error([...path, key], `"${key}" names an option of this issue that is not itself contingent${didYouMean(contingent[key], fixed)}; options: ${fixed.join(", ")}`));
    }
  }
  return findings;
}

/** Keys of a { issueId: { optionId: … } } table must name issues and their options. */
function optionTable(issues: readonly Issue[], table: Record<string, Record<string, unknown>>, path: JsonPath): Finding[] {
  const issueIds = issues.map((issue) => issue.id);
  return [
    ...unknownKeys(table, path, issueIds, unknownIssue),
    ...issues
      .filter((issue) => Object.hasOwn(table, issue.id))
      .flatMap((issue) =>
        unknownKeys(
          table[issue.id],
          [...path, issue.id],
          issue.options.map((option) => option.id),
          (key) => `unknown option "${key}" of issue "${issue.id}"`,
        ),
      ),
  ];
}

function missingValues(issues: readonly Issue[], values: Party["values"], path: JsonPath): Finding[] {
  return issues.flatMap((issue) => {
    // A revenue split's points follow from its shares.
    if (issue.revenue !== undefined) return [];
    if (!Object.hasOwn(values, issue.id)) return [error([...path, issue.id], `no values for issue "${issue.id}"`)];
    return issue.options
      .filter((option) => !option.contingent && !Object.hasOwn(values[issue.id], option.id))
      .map((option) => error([...path, issue.id, option.id], `no value for option "${option.id}" of issue "${issue.id}"`));
  });
}

/** A party that cannot beat its BATNA in any package has no reason to negotiate. */
function batnaReach(scenario: Scenario): Finding[] {
  const model = compileScenario(scenario);
  return scenario.parties.flatMap((party, p) => {
    let best = model.baseUtilities[p];
    for (let i = 0; i < model.issueCount; i++) best += contributionRange(model, p, i).high;
    if (utilityGreater(best, party.batna)) return [];
    return [
      warning(
        ["parties", p, "batna"],
        `no package gives party "${party.id}" more than its BATNA of ${round(party.batna)}; its best package gives ${round(best)}`,
      ),
    ];
  });
}

function unweightedIssues(scenario: Scenario): Finding[] {
  return scenario.issues.flatMap((issue, i) =>
    scenario.parties.every((party) => party.weights[issue.id] === 0)
      ? [warning(["issues", i], `no party cares about issue "${issue.id}": every party gives it weight 0`)]
      : [],
  );
}

const round = (x: number) => String(Math.round(x * 100) / 100);
