/**
 * A partnership's conditions at a stage (tips 3, 4 and 7): who is in it, which ambition was
 * agreed, which hidden terms are on the table, what the stage events changed. Each phase of
 * a partnership is negotiated as an ordinary single-stage scenario derived from these
 * conditions, so the session, the partners, the engine and the debrief need no notion of
 * stages: `stageScenario` and `ambitionScenario` are pure functions of the conditions.
 */
import { own } from "../../records.js";
import type { Issue, Party, Scenario, StageEvent } from "../../scenario/schema.js";
import { translator } from "../../i18n/translate.js";

/** A term as the scenario names it: a whole issue, or "issue/option". */
export type TermKey = string;

export const termKey = (issue: string, option?: string): TermKey => (option === undefined ? issue : `${issue}/${option}`);

export interface Conditions {
  /** The agreed ambition's id; null before the ambition phase or when none was agreed. */
  readonly ambition: string | null;
  /** Party ids in the partnership, in the scenario's order. */
  readonly present: readonly string[];
  /** Hidden terms put on the table so far. */
  readonly revealed: ReadonlySet<TermKey>;
  /** Interest weights changed by the ambition and by events: party id → issue id → weight. */
  readonly weights: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly batnas: Readonly<Record<string, number>>;
  /** Extra entry cost per party: what covering a leaver's part costs it. */
  readonly covers: Readonly<Record<string, number>>;
  /** Uncertain quantities that have turned out, by id. */
  readonly resolved: Readonly<Record<string, number>>;
}

export function initialConditions(scenario: Scenario, present: readonly string[]): Conditions {
  return { ambition: null, present, revealed: new Set(), weights: {}, batnas: {}, covers: {}, resolved: {} };
}

/** Terms some ambition unlocks: off the table unless that ambition is agreed. */
function lockedTerms(scenario: Scenario, ambition: string | null): Set<TermKey> {
  const locked = new Set<TermKey>();
  const unlocked = new Set<TermKey>();
  for (const candidate of scenario.partnership?.ambition?.options ?? []) {
    for (const term of candidate.unlocks ?? []) (candidate.id === ambition ? unlocked : locked).add(termKey(term.issue, term.option));
  }
  for (const key of unlocked) locked.delete(key);
  return locked;
}

/** The scenario negotiated at a stage: present parties, their tables, what is unlocked and revealed, what changed. */
export function stageScenario(scenario: Scenario, conditions: Conditions, stage: number): Scenario {
  const locked = lockedTerms(scenario, conditions.ambition);
  const present = new Set(conditions.present);
  const issues: Issue[] = scenario.issues
    .filter((issue) => (issue.owner === undefined || present.has(issue.owner)) && !locked.has(termKey(issue.id)))
    .map((issue) => {
      const options = issue.options
        .filter((option) => !locked.has(termKey(issue.id, option.id)))
        .map((option) => (option.hidden && conditions.revealed.has(termKey(issue.id, option.id)) ? withoutHidden(option) : option));
      const shown = issue.hidden && conditions.revealed.has(termKey(issue.id));
      return { ...(shown ? withoutHidden(issue) : issue), options };
    });
  const onTable = (table: Record<string, Record<string, unknown>>) => pruned(table, issues);
  const parties: Party[] = scenario.parties
    .filter((party) => present.has(party.id))
    .map((party) => {
      const cover = own(conditions.covers, party.id) ?? 0;
      const entryCost = (party.entryCost ?? 0) + cover;
      const weights = { ...party.weights, ...own(conditions.weights, party.id) };
      return {
        ...party,
        weights: Object.fromEntries(issues.map((issue) => [issue.id, own(weights, issue.id) ?? 0])),
        values: onTable(party.values) as Party["values"],
        ...(party.autonomyCosts ? { autonomyCosts: onTable(party.autonomyCosts) as NonNullable<Party["autonomyCosts"]> } : {}),
        batna: own(conditions.batnas, party.id) ?? party.batna,
        ...(entryCost > 0 ? { entryCost } : {}),
      };
    });
  const { partnership, ...single } = scenario;
  const definition = partnership?.stages?.[stage];
  const agreed = partnership?.ambition?.options.find((candidate) => candidate.id === conditions.ambition);
  return {
    ...single,
    // A partner's scripted events belong to the first negotiation only.
    ...(scenario.partners
      ? { partners: Object.fromEntries(Object.entries(scenario.partners).filter(([id]) => present.has(id)).map(([id, { events, ...partner }]) => [id, stage === 0 && events ? { ...partner, events } : partner])) }
      : {}),
    ...(definition?.story ? { story: definition.story } : {}),
    ...(agreed ? { sharedAmbition: agreed.statement } : {}),
    ...((definition?.deadlineRounds ?? scenario.deadlineRounds) === undefined ? {} : { deadlineRounds: definition?.deadlineRounds ?? scenario.deadlineRounds }),
    ...(scenario.uncertainties ? { uncertainties: scenario.uncertainties.map((quantity) => resolvedQuantity(among(quantity, present), own(conditions.resolved, quantity.id))) } : {}),
    issues,
    parties,
  };
}

/** A { issueId: { optionId: … } } table cut to the issues and options on the table. */
function pruned(table: Record<string, Record<string, unknown>>, issues: readonly Issue[]): Record<string, Record<string, unknown>> {
  const kept: Record<string, Record<string, unknown>> = {};
  for (const issue of issues) {
    const row = own(table, issue.id);
    if (row) kept[issue.id] = Object.fromEntries(issue.options.filter((option) => Object.hasOwn(row, option.id)).map((option) => [option.id, row[option.id]]));
  }
  return kept;
}

/** A quantity's forecasts held by present parties only; the truth of one who left is the common forecast. */
function among(quantity: NonNullable<Scenario["uncertainties"]>[number], present: ReadonlySet<string>): NonNullable<Scenario["uncertainties"]>[number] {
  const { beliefs, truth, ...rest } = quantity;
  const kept = beliefs ? Object.fromEntries(Object.entries(beliefs).filter(([party]) => present.has(party))) : undefined;
  return {
    ...rest,
    ...(kept && Object.keys(kept).length > 0 ? { beliefs: kept } : {}),
    ...(truth !== undefined && (truth === "common" || present.has(truth)) ? { truth } : {}),
  };
}

function withoutHidden<T extends { hidden?: unknown }>(term: T): Omit<T, "hidden"> {
  const { hidden: _hidden, ...rest } = term;
  return rest;
}

/** A quantity that has turned out is known to everyone: one value, certain. */
function resolvedQuantity(quantity: NonNullable<Scenario["uncertainties"]>[number], value: number | undefined): NonNullable<Scenario["uncertainties"]>[number] {
  if (value === undefined) return quantity;
  const { beliefs: _beliefs, truth: _truth, ...rest } = quantity;
  return { ...rest, distribution: { kind: "discrete", values: [value], probabilities: [1] } };
}

/** The issue of the ambition phase: one option per candidate ambition. */
export const AMBITION_ISSUE = "ambition";

/**
 * Tip 3: the ambition phase as a scenario of its own: one issue whose options are the
 * candidate ambitions, each party's points its value of each, and no ambition worth 0.
 */
export function ambitionScenario(scenario: Scenario, present: readonly string[]): Scenario {
  const ambition = scenario.partnership!.ambition!;
  const label = { en: translator("en")("partnership.ambition.issue"), nl: translator("nl")("partnership.ambition.issue") };
  const parties = scenario.parties.filter((party) => present.includes(party.id));
  return {
    id: scenario.id,
    title: scenario.title,
    story: scenario.story,
    deadlineRounds: ambition.rounds ?? 3,
    issues: [{ id: AMBITION_ISSUE, label, options: ambition.options.map((candidate) => ({ id: candidate.id, label: candidate.label, description: candidate.statement })) }],
    parties: parties.map((party) => ({
      id: party.id,
      name: party.name,
      briefing: party.briefing,
      weights: { [AMBITION_ISSUE]: 1 },
      values: { [AMBITION_ISSUE]: Object.fromEntries(ambition.options.map((candidate) => [candidate.id, own(candidate.values, party.id) ?? 0])) },
      batna: 0,
    })),
    ...(scenario.partners
      ? { partners: Object.fromEntries(Object.entries(scenario.partners).filter(([id]) => present.includes(id)).map(([id, { style, params, messages }]) => [id, { style, ...(params ? { params } : {}), ...(messages ? { messages } : {}) }])) }
      : {}),
  };
}

/** The conditions once an ambition is agreed (or none: null): its weights hold from now on. */
export function withAmbition(scenario: Scenario, conditions: Conditions, ambition: string | null): Conditions {
  const agreed = scenario.partnership?.ambition?.options.find((candidate) => candidate.id === ambition);
  if (!agreed) return { ...conditions, ambition: null };
  const weights: Record<string, Record<string, number>> = { ...conditions.weights };
  for (const [party, changed] of Object.entries(agreed.weights ?? {})) weights[party] = { ...own(weights, party), ...changed };
  return { ...conditions, ambition: agreed.id, weights };
}

/** The conditions after a stage event has happened; `value` is what a resolved quantity turned out to be. */
export function afterEvent(scenario: Scenario, conditions: Conditions, event: StageEvent, value?: number): Conditions {
  switch (event.kind) {
    case "priority":
      return { ...conditions, weights: { ...conditions.weights, [event.party]: { ...own(conditions.weights, event.party), [event.issue]: event.weight } } };
    case "batna":
      return { ...conditions, batnas: { ...conditions.batnas, [event.party]: event.batna } };
    case "resolve":
      return { ...conditions, resolved: { ...conditions.resolved, [event.quantity]: value! } };
    case "join": {
      const present = new Set([...conditions.present, event.party]);
      return { ...conditions, present: scenario.parties.map((party) => party.id).filter((id) => present.has(id)) };
    }
    case "leave": {
      const present = conditions.present.filter((id) => id !== event.party);
      const covers: Record<string, number> = { ...conditions.covers };
      for (const [party, cost] of Object.entries(event.cover ?? {})) if (present.includes(party)) covers[party] = (own(covers, party) ?? 0) + cost;
      return { ...conditions, present, covers };
    }
    case "trust":
      return conditions;
  }
}

/** Whether an event can happen under the conditions: a party joins once and leaves while it is there. */
export function applies(conditions: Conditions, event: StageEvent): boolean {
  if (event.kind === "resolve") return true;
  const there = conditions.present.includes(event.party);
  return event.kind === "join" ? !there : there;
}
