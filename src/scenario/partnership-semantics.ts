/**
 * Checks of tips 3, 4 and 7 the schema cannot express: hidden terms held by a party and
 * never the option that holds while they are hidden, ambitions valued by every founding
 * party and unlocking terms that exist, stage events naming parties, issues and quantities
 * that exist, and a partnership that keeps at least two parties at every stage.
 */
import { didYouMean, type Finding, type JsonPath } from "./diagnostics.js";
import type { Scenario, StageEvent } from "./schema.js";

const error = (path: JsonPath, message: string, atKey = false): Finding => ({ severity: "error", path, message, atKey });

function reference(ids: readonly string[], id: string, path: JsonPath, what: string): Finding[] {
  return ids.includes(id) ? [] : [error(path, `unknown ${what} "${id}"${didYouMean(id, ids)}`)];
}

/** The parties that are in the partnership from its start: every party that no stage event makes join. */
export function foundingParties(scenario: Scenario): string[] {
  const joining = new Set((scenario.partnership?.stages ?? []).flatMap((stage) => (stage.events ?? []).flatMap((event) => (event.kind === "join" ? [event.party] : []))));
  return scenario.parties.map((party) => party.id).filter((id) => !joining.has(id));
}

export function partnershipFindings(scenario: Scenario): Finding[] {
  return [...hiddenTermFindings(scenario), ...ambitionFindings(scenario), ...stageFindings(scenario)];
}

function hiddenTermFindings(scenario: Scenario): Finding[] {
  const partyIds = scenario.parties.map((party) => party.id);
  return scenario.issues.flatMap((issue, i) => {
    const path: JsonPath = ["issues", i];
    const findings: Finding[] = [];
    if (issue.owner !== undefined) findings.push(...reference(partyIds, issue.owner, [...path, "owner"], "party"));
    if (issue.hidden) findings.push(...reference(partyIds, issue.hidden.holder, [...path, "hidden", "holder"], "party"));
    if (issue.hidden && issue.revenue !== undefined) findings.push(error([...path, "hidden"], "a revenue-split issue cannot be hidden: its options divide a revenue every party knows of", true));
    issue.options.forEach((option, o) => {
      if (!option.hidden) return;
      const at: JsonPath = [...path, "options", o, "hidden"];
      if (o === 0) findings.push(error(at, "an issue's first option cannot be hidden: it is what holds while nothing else is agreed", true));
      else if (issue.hidden) findings.push(error(at, `the whole issue "${issue.id}" is hidden already`, true));
      findings.push(...reference(partyIds, option.hidden.holder, [...at, "holder"], "party"));
    });
    return findings;
  });
}

function ambitionFindings(scenario: Scenario): Finding[] {
  const ambition = scenario.partnership?.ambition;
  if (!ambition) return [];
  const partyIds = scenario.parties.map((party) => party.id);
  const founders = foundingParties(scenario);
  const issueIds = scenario.issues.map((issue) => issue.id);
  const seen = new Map<string, number>();
  return ambition.options.flatMap((candidate, k) => {
    const path: JsonPath = ["partnership", "ambition", "options", k];
    const findings: Finding[] = [];
    const earlier = seen.get(candidate.id);
    if (earlier !== undefined) findings.push(error([...path, "id"], `duplicate ambition id "${candidate.id}" (also used by options[${earlier}])`));
    else seen.set(candidate.id, k);
    for (const key of Object.keys(candidate.values)) {
      if (!partyIds.includes(key)) findings.push(error([...path, "values", key], `unknown party "${key}"${didYouMean(key, partyIds)}`, true));
    }
    for (const party of founders) {
      if (!Object.hasOwn(candidate.values, party)) findings.push(error([...path, "values"], `no value for party "${party}": every party at the start of the partnership values every ambition`));
    }
    (candidate.unlocks ?? []).forEach((term, u) => {
      const at: JsonPath = [...path, "unlocks", u];
      const issue = scenario.issues.find((candidateIssue) => candidateIssue.id === term.issue);
      if (!issue) return findings.push(...reference(issueIds, term.issue, [...at, "issue"], "issue"));
      if (term.option === undefined) return;
      const optionIds = issue.options.map((option) => option.id);
      findings.push(...reference(optionIds, term.option, [...at, "option"], `option of issue "${issue.id}"`));
      if (optionIds[0] === term.option) findings.push(error([...at, "option"], "an issue's first option is always on the table: an ambition cannot unlock it"));
    });
    for (const [party, weights] of Object.entries(candidate.weights ?? {})) {
      if (!partyIds.includes(party)) findings.push(error([...path, "weights", party], `unknown party "${party}"${didYouMean(party, partyIds)}`, true));
      for (const issue of Object.keys(weights)) {
        if (!issueIds.includes(issue)) findings.push(error([...path, "weights", party, issue], `unknown issue "${issue}"${didYouMean(issue, issueIds)}`, true));
      }
    }
    return findings;
  });
}

function stageFindings(scenario: Scenario): Finding[] {
  const stages = scenario.partnership?.stages ?? [];
  const partyIds = scenario.parties.map((party) => party.id);
  const issueIds = scenario.issues.map((issue) => issue.id);
  const quantityIds = (scenario.uncertainties ?? []).map((quantity) => quantity.id);
  const present = new Set(foundingParties(scenario));
  const gone = new Set<string>();
  const findings: Finding[] = [];
  if (present.size < 2) findings.push(error(["partnership", "stages"], `a partnership starts with at least two parties; only ${[...present].map((id) => `"${id}"`).join(", ") || "none"} are there before anyone joins`));
  const stageIds = new Map<string, number>();
  stages.forEach((stage, s) => {
    const path: JsonPath = ["partnership", "stages", s];
    const earlier = stageIds.get(stage.id);
    if (earlier !== undefined) findings.push(error([...path, "id"], `duplicate stage id "${stage.id}" (also used by stages[${earlier}])`));
    else stageIds.set(stage.id, s);
    if (s === 0 && (stage.events ?? []).length > 0) findings.push(error([...path, "events"], "the first stage starts the partnership: events happen between stages, so they belong to later ones", true));
    (stage.events ?? []).forEach((event, e) => findings.push(...eventFindings(event, [...path, "events", e], { partyIds, issueIds, quantityIds, present, gone })));
    if (present.size < 2) findings.push(error(path, `fewer than two parties are left in the partnership at stage "${stage.id}"`));
  });
  return findings;
}

interface Membership {
  readonly partyIds: readonly string[];
  readonly issueIds: readonly string[];
  readonly quantityIds: readonly string[];
  /** Parties in the partnership so far, updated event by event. */
  readonly present: Set<string>;
  readonly gone: Set<string>;
}

function eventFindings(event: StageEvent, path: JsonPath, membership: Membership): Finding[] {
  const { partyIds, issueIds, quantityIds, present, gone } = membership;
  if (event.kind === "resolve") return reference(quantityIds, event.quantity, [...path, "quantity"], "quantity");
  const findings = reference(partyIds, event.party, [...path, "party"], "party");
  if (findings.length > 0) return findings;
  switch (event.kind) {
    case "priority":
      return reference(issueIds, event.issue, [...path, "issue"], "issue");
    case "trust":
      return event.towards === undefined ? [] : reference(partyIds, event.towards, [...path, "towards"], "party");
    case "join":
      if (present.has(event.party) || gone.has(event.party)) return [error([...path, "party"], `"${event.party}" is ${gone.has(event.party) ? "gone" : "in the partnership"} already: a party joins once, before it is there`)];
      present.add(event.party);
      return [];
    case "leave":
      if (!present.has(event.party)) return [error([...path, "party"], `"${event.party}" is not in the partnership at this stage`)];
      present.delete(event.party);
      gone.add(event.party);
      return Object.keys(event.cover ?? {})
        .filter((key) => !present.has(key))
        .map((key) => error([...path, "cover", key], `"${key}" is not left in the partnership to cover it${didYouMean(key, [...present])}`, true));
    case "batna":
      return [];
  }
}
