/**
 * The teaching check (`check <scenario>`, `validate --teach`): will a scenario teach what
 * mutual-gains is for? A valid scenario may still teach nothing: a deal nobody can beat the
 * BATNAs with, haggling that does as well as creating value, no compatible issue to discover,
 * no trade to make, a text a Dutch class cannot read, or a partner style that agrees with no
 * style at all. Each warning has the JSON path where a trainer would change it, and the check
 * reports the figures it judged on. Content: message keys and parameters, worded by the CLI.
 */
import { agreeablePoints } from "../engine/bargaining.js";
import { analyzeScenario } from "../engine/analysis.js";
import { classifyIssuesJointly } from "../engine/deal-review.js";
import { classifyIssues } from "../engine/issues.js";
import { compileScenario } from "../engine/model.js";
import type { MessageKey } from "../i18n/translate.js";
import { NegotiationDriver, sessionConfig } from "../negotiation/driver.js";
import { PARTNER_STYLES } from "../negotiation/partners/registry.js";
import type { JsonPath } from "../scenario/diagnostics.js";
import type { LocalisedText, Scenario } from "../scenario/schema.js";

/** Below this share of the maximal joint gain left on the table by haggling, creating value hardly pays. */
export const LEAST_LEFT_BY_HAGGLING = 0.2;

/** The deadline of the check's short negotiations, unless the scenario's is shorter. */
const SHORT_BATCH_ROUNDS = 12;

/** The seed of the check's negotiations: the same scenario always gets the same verdicts. */
const SEED = "check";

export interface TeachingWarning {
  readonly path: JsonPath;
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/** What the check judged on. */
export interface TeachingFigures {
  readonly maxJointGain: number | null;
  readonly naiveJointGain: number;
  /** Share of the maximal joint gain the naive compromise leaves on the table; null without a package above every BATNA. */
  readonly naiveLeft: number | null;
  /** Frontier points above every BATNA. */
  readonly agreeablePoints: number;
  readonly compatibleIssues: readonly string[];
  /** Pairs of parties with an integrative issue between them: "a/b: issue". */
  readonly integrativePairs: readonly string[];
  /** Texts without both English and Dutch. */
  readonly oneLanguageTexts: number;
  /** The deadline of the short negotiations. */
  readonly shortRounds: number;
  /** Per style (and per partner the scenario defines, with its party), the first style it reached agreement with in the short batch, or null. */
  readonly styles: readonly { readonly party: string | null; readonly style: string; readonly agreesWith: string | null }[];
}

export interface TeachingCheck {
  readonly figures: TeachingFigures;
  readonly warnings: readonly TeachingWarning[];
}

export function teachingCheck(scenario: Scenario): TeachingCheck {
  const model = compileScenario(scenario);
  const analysis = analyzeScenario(model, { top: 0 });
  const agreeable = agreeablePoints(analysis.frontier);
  const joint = classifyIssuesJointly(model, analysis.frontier, agreeable);
  const compatibleIssues = joint.filter((entry) => entry.kind === "compatible").map((entry) => model.issueIds[entry.issue]);
  const integrativePairs = classifyIssues(model)
    .filter((relation) => relation.kind === "integrative")
    .map((relation) => `${model.partyIds[relation.parties[0]]}/${model.partyIds[relation.parties[1]]}: ${model.issueIds[relation.issue]}`);
  const texts = oneLanguageTexts(scenario);
  const styles = styleReach(scenario);
  const { maxJointGain, naiveJointGain } = analysis;
  const naiveLeft = maxJointGain === null || maxJointGain <= 0 ? null : (maxJointGain - naiveJointGain) / maxJointGain;
  const warnings: TeachingWarning[] = [];
  if (agreeable.length === 0) warnings.push({ path: ["parties"], key: "check.warning.noZone", params: {} });
  if (naiveLeft !== null && naiveLeft < LEAST_LEFT_BY_HAGGLING) {
    warnings.push({ path: ["issues"], key: "check.warning.naiveEnough", params: { left: naiveLeft, least: LEAST_LEFT_BY_HAGGLING } });
  }
  if (compatibleIssues.length === 0) warnings.push({ path: ["issues"], key: "check.warning.noCompatible", params: {} });
  if (integrativePairs.length === 0) warnings.push({ path: ["issues"], key: "check.warning.noIntegrative", params: {} });
  for (const path of texts) warnings.push({ path, key: "check.warning.oneLanguage", params: {} });
  for (const entry of styles.filter((candidate) => candidate.agreesWith === null)) {
    const params = { style: entry.style, rounds: shortRounds(scenario) };
    if (entry.party === null) warnings.push({ path: ["parties"], key: "check.warning.styleStuck", params });
    else warnings.push({ path: ["partners", entry.party], key: "check.warning.partnerStuck", params });
  }
  return {
    figures: { maxJointGain, naiveJointGain, naiveLeft, agreeablePoints: agreeable.length, compatibleIssues, integrativePairs, oneLanguageTexts: texts.length, shortRounds: shortRounds(scenario), styles },
    warnings,
  };
}

const shortRounds = (scenario: Scenario) => Math.min(SHORT_BATCH_ROUNDS, scenario.deadlineRounds ?? SHORT_BATCH_ROUNDS);

/** The paths of every text that is a plain string or lacks its Dutch. */
function oneLanguageTexts(scenario: Scenario): JsonPath[] {
  const paths: JsonPath[] = [];
  const text = (value: LocalisedText | undefined, path: JsonPath) => {
    if (value !== undefined && (typeof value === "string" || value.nl === undefined)) paths.push(path);
  };
  text(scenario.title, ["title"]);
  text(scenario.story, ["story"]);
  text(scenario.sharedAmbition, ["sharedAmbition"]);
  scenario.issues.forEach((issue, i) => {
    text(issue.label, ["issues", i, "label"]);
    text(issue.description, ["issues", i, "description"]);
    issue.options.forEach((option, o) => {
      text(option.label, ["issues", i, "options", o, "label"]);
      text(option.description, ["issues", i, "options", o, "description"]);
    });
  });
  scenario.parties.forEach((party, p) => {
    text(party.name, ["parties", p, "name"]);
    text(party.briefing, ["parties", p, "briefing"]);
  });
  for (const [id, partner] of Object.entries(scenario.partners ?? {})) {
    for (const [key, line] of Object.entries(partner.messages ?? {})) text(line, ["partners", id, "messages", key]);
    (partner.events ?? []).forEach((event, k) => text(event.message, ["partners", id, "events", k, "message"]));
  }
  return paths;
}

/**
 * Each style against each other style, as a batch run pairs them: the style in one seat and
 * the other in the rest, then the other way round, seat by seat, until one negotiation ends in
 * agreement. The styles most likely to agree are tried first, so a scenario that teaches
 * costs a few negotiations per style. A partner the scenario defines is tried in its own seat.
 */
function styleReach(scenario: Scenario): TeachingFigures["styles"] {
  const model = compileScenario(scenario);
  const deadlineRounds = shortRounds(scenario);
  const styles = PARTNER_STYLES.map((style) => style.id);
  const likely = [...styles].sort((a, b) => Number(b === "conceder") - Number(a === "conceder") || Number(b === "linear") - Number(a === "linear"));
  const agrees = (seat: number, style: string, others: string) => {
    const participants = scenario.parties.map((_, p) => ({ style: p === seat ? style : others }));
    const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed: SEED, deadlineRounds }, model), model);
    return driver.run().kind === "agreement";
  };
  const seats = scenario.parties.map((_, p) => p);
  const reach = (style: string, inSeats: readonly number[], bothWays: boolean) =>
    likely.find((other) => other !== style && inSeats.some((seat) => agrees(seat, style, other) || (bothWays && agrees(seat, other, style)))) ?? null;
  const defined = Object.entries(scenario.partners ?? {}).map(([party, partner]) => {
    const seat = scenario.parties.findIndex((candidate) => candidate.id === party);
    return { party, style: partner.style, agreesWith: reach(partner.style, [seat], false) };
  });
  return [...styles.map((style) => ({ party: null, style, agreesWith: reach(style, seats, true) })), ...defined];
}
