/**
 * Checks the schema cannot express: ids that must be unique or must refer to
 * each other, complete weights and values, and whether a deal is worth having.
 */
import { compileScenario, contributionRange } from "../engine/model.js";
import { utilityGreater } from "../engine/tolerance.js";
import { didYouMean, type Finding, type JsonPath } from "./diagnostics.js";
import { PARTNER_STYLES } from "../negotiation/partners/registry.js";
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
  const structural = [
    ...scenario.parties.flatMap((party, p) => partyFindings(scenario.issues, party, ["parties", p])),
    ...unknownKeys(scenario.partners ?? {}, ["partners"], partyIds, (key) => `unknown party "${key}"`),
    ...Object.entries(scenario.partners ?? {}).flatMap(([partyId, partner]) => partnerFindings(scenario, partner, ["partners", partyId])),
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
  const styles = PARTNER_STYLES.map((style) => style.id);
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
  ];
}

/** Keys of a { issueId: { optionId: … } } table must name issues and their options. */
function optionTable(issues: readonly Issue[], table: Record<string, Record<string, number>>, path: JsonPath): Finding[] {
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
    if (!Object.hasOwn(values, issue.id)) return [error([...path, issue.id], `no values for issue "${issue.id}"`)];
    return issue.options
      .filter((option) => !Object.hasOwn(values[issue.id], option.id))
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
