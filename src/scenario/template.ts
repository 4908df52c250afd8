/**
 * `init`: a scenario to start from, with every key the schema knows present (tip 6's keys
 * explained only) and explained (in `metadata.guide`, in English and Dutch: JSON has no comments), that validates and
 * passes the teaching check as written, for 2 to 8 parties and 3 to 10 issues. Its numbers
 * are made to teach: issue 1 is compatible (every party's favourite is option 1); every
 * later issue matters most to some parties (its "owners", who want option 1) and little to
 * the others (who want option 3), so trading issues creates value; option 2 is a poor middle,
 * so that haggling issue by issue leaves much on the table; each BATNA lies below what that
 * haggling gives the party.
 */
import { naiveCompromise } from "../engine/reference-packages.js";
import { compileScenario, packageUtility } from "../engine/model.js";
import { type MessageKey, type MessageParams, translator } from "../i18n/translate.js";
import { type LocalisedText, type Scenario, SUPPORTED_LANGUAGES } from "./schema.js";

export { TEMPLATE_ISSUES, TEMPLATE_PARTIES } from "../vocabulary.js";

/** Every key of a scenario file, as the README's reference table and the template's guide explain it. */
export const SCENARIO_KEYS: readonly (readonly [path: string, explanation: MessageKey])[] = [
  ["$schema", "scenario.key.schema"],
  ["id", "scenario.key.id"],
  ["title", "scenario.key.title"],
  ["story", "scenario.key.story"],
  ["sharedAmbition", "scenario.key.sharedAmbition"],
  ["deadlineRounds", "scenario.key.deadlineRounds"],
  ["metadata", "scenario.key.metadata"],
  ["issues", "scenario.key.issues"],
  ["issues[].id", "scenario.key.issueId"],
  ["issues[].label", "scenario.key.issueLabel"],
  ["issues[].description", "scenario.key.issueDescription"],
  ["issues[].options", "scenario.key.options"],
  ["issues[].options[].id", "scenario.key.optionId"],
  ["issues[].options[].label", "scenario.key.optionLabel"],
  ["issues[].options[].description", "scenario.key.optionDescription"],
  ["parties", "scenario.key.parties"],
  ["parties[].id", "scenario.key.partyId"],
  ["parties[].name", "scenario.key.partyName"],
  ["parties[].briefing", "scenario.key.briefing"],
  ["parties[].weights", "scenario.key.weights"],
  ["parties[].values", "scenario.key.values"],
  ["parties[].autonomyCosts", "scenario.key.autonomyCosts"],
  ["parties[].entryCost", "scenario.key.entryCost"],
  ["parties[].batna", "scenario.key.batna"],
  ["parties[].metadata", "scenario.key.partyMetadata"],
  ["partners", "scenario.key.partners"],
  ["partners.<party>.style", "scenario.key.partnerStyle"],
  ["partners.<party>.params.aspiration", "scenario.key.aspiration"],
  ["partners.<party>.params.reservation", "scenario.key.reservation"],
  ["partners.<party>.params.concession", "scenario.key.concession"],
  ["partners.<party>.params.discloseThreshold", "scenario.key.discloseThreshold"],
  ["partners.<party>.params.walkAwayThreshold", "scenario.key.walkAwayThreshold"],
  ["partners.<party>.params.honesty", "scenario.key.honesty"],
  ["partners.<party>.params.initialTrust", "scenario.key.initialTrust"],
  ["partners.<party>.messages", "scenario.key.messages"],
  ["partners.<party>.events", "scenario.key.events"],
  ["partners.<party>.events[].round", "scenario.key.eventRound"],
  ["partners.<party>.events[].batna", "scenario.key.eventBatna"],
  ["partners.<party>.events[].priority", "scenario.key.eventPriority"],
  ["partners.<party>.events[].trust", "scenario.key.eventTrust"],
  ["partners.<party>.events[].message", "scenario.key.eventMessage"],
];

/**
 * The keys of tip 6 (uncertain quantities, revenue splits, contingent clauses): explained in
 * the guide and the README like the others, but not in the template, whose points are certain.
 */
export const UNCERTAINTY_KEYS: readonly (readonly [path: string, explanation: MessageKey])[] = [
  ["uncertainties", "scenario.key.uncertainties"],
  ["uncertainties[].id", "scenario.key.uncertaintyId"],
  ["uncertainties[].label", "scenario.key.uncertaintyLabel"],
  ["uncertainties[].unit", "scenario.key.uncertaintyUnit"],
  ["uncertainties[].distribution", "scenario.key.distribution"],
  ["uncertainties[].beliefs", "scenario.key.beliefs"],
  ["uncertainties[].truth", "scenario.key.truth"],
  ["issues[].revenue", "scenario.key.revenue"],
  ["issues[].options[].shares", "scenario.key.shares"],
  ["issues[].options[].contingent", "scenario.key.contingent"],
];

/**
 * The keys of tips 3, 4 and 7 (an ambition phase, hidden terms, post-settlement settlements,
 * stages): explained in the guide and the README, but not in the template, a single negotiation.
 */
export const PARTNERSHIP_KEYS: readonly (readonly [path: string, explanation: MessageKey])[] = [
  ["issues[].hidden", "scenario.key.hiddenIssue"],
  ["issues[].hidden.holder", "scenario.key.hiddenHolder"],
  ["issues[].hidden.questions", "scenario.key.hiddenQuestions"],
  ["issues[].hidden.trust", "scenario.key.hiddenTrust"],
  ["issues[].options[].hidden", "scenario.key.hiddenOption"],
  ["issues[].owner", "scenario.key.owner"],
  ["partnership", "scenario.key.partnership"],
  ["partnership.ambition.rounds", "scenario.key.ambitionRounds"],
  ["partnership.ambition.options", "scenario.key.ambitions"],
  ["partnership.ambition.options[].id", "scenario.key.ambitionId"],
  ["partnership.ambition.options[].label", "scenario.key.ambitionLabel"],
  ["partnership.ambition.options[].statement", "scenario.key.ambitionStatement"],
  ["partnership.ambition.options[].values", "scenario.key.ambitionValues"],
  ["partnership.ambition.options[].trust", "scenario.key.ambitionTrust"],
  ["partnership.ambition.options[].unlocks", "scenario.key.ambitionUnlocks"],
  ["partnership.ambition.options[].weights", "scenario.key.ambitionWeights"],
  ["partnership.postSettlementRounds", "scenario.key.postSettlementRounds"],
  ["partnership.stages", "scenario.key.stages"],
  ["partnership.stages[].id", "scenario.key.stageId"],
  ["partnership.stages[].title", "scenario.key.stageTitle"],
  ["partnership.stages[].story", "scenario.key.stageStory"],
  ["partnership.stages[].deadlineRounds", "scenario.key.stageDeadline"],
  ["partnership.stages[].events", "scenario.key.stageEvents"],
  ["partnership.stages[].events[].kind", "scenario.key.stageEventKind"],
  ["partnership.stages[].events[].probability", "scenario.key.stageEventProbability"],
  ["partnership.stages[].events[].message", "scenario.key.stageEventMessage"],
];

/** Every key the guide and the README explain, in their order. */
export const EXPLAINED_KEYS = [...SCENARIO_KEYS, ...UNCERTAINTY_KEYS, ...PARTNERSHIP_KEYS];

/** Points of an issue's options for a party that wants option 1 (reversed for one that wants option 3): the middle is worth less than half. */
const VALUES = [100, 35, 0];
/** Weights: a party's own issue, the compatible issue, and the rest shared among the other issues. */
const OWN_WEIGHT = 50;
const COMPATIBLE_WEIGHT = 15;
/** Each BATNA lies this far below what haggling issue by issue gives the party. */
const BATNA_BELOW_HAGGLING = 30;

function text(key: MessageKey, params?: MessageParams): LocalisedText {
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((lang) => [lang, translator(lang)(key, params)])) as LocalisedText;
}

export function scenarioTemplate(parties: number, issues: number): Scenario {
  const partyIds = Array.from({ length: parties }, (_, p) => `organisation-${String.fromCharCode(97 + p)}`);
  const issueIds = Array.from({ length: issues }, (_, i) => `issue-${i + 1}`);
  const optionIds = VALUES.map((_, o) => `option-${o + 1}`);
  const traded = issues - 1;
  // Party p owns issue 1 + (p mod traded); an issue nobody owns is split by seat, so that it is not compatible too.
  const owner = (p: number) => 1 + (p % traded);
  const owned = (i: number) => partyIds.some((_, p) => owner(p) === i);
  const wantsFirst = (p: number, i: number) => i === 0 || (owned(i) ? owner(p) === i : p % 2 === 0);
  const parts = partyIds.map((id, p) => {
    const weights = Object.fromEntries(issueIds.map((issue, i) => [issue, i === 0 ? COMPATIBLE_WEIGHT : i === owner(p) ? OWN_WEIGHT : (100 - OWN_WEIGHT - COMPATIBLE_WEIGHT) / (traded - 1)]));
    const values = Object.fromEntries(
      issueIds.map((issue, i) => [issue, Object.fromEntries(optionIds.map((option, o) => [option, wantsFirst(p, i) ? VALUES[o] : VALUES[VALUES.length - 1 - o]]))]),
    );
    const letter = String.fromCharCode(65 + p);
    return {
      id,
      name: text("init.party", { letter }),
      briefing: text("init.briefing", { letter }),
      weights,
      values,
      autonomyCosts: { [issueIds[0]]: { [optionIds[2]]: 2 } },
      entryCost: 1,
      batna: 0,
      metadata: {},
    };
  });
  const scenario: Scenario = {
    $schema: "./scenario.schema.json",
    id: "new-scenario",
    title: text("init.title", { parties, issues }),
    story: text("init.story"),
    sharedAmbition: text("init.ambition"),
    deadlineRounds: 10,
    issues: issueIds.map((id, i) => ({
      id,
      label: text("init.issue", { number: i + 1 }),
      description: text("init.issueDescription", { number: i + 1 }),
      options: optionIds.map((option, o) => ({ id: option, label: text("init.option", { number: o + 1 }), description: text("init.optionDescription", { number: o + 1 }) })),
    })),
    parties: parts,
    metadata: {},
  };
  // The BATNAs follow from the numbers: below what haggling gives each party.
  const model = compileScenario(scenario);
  const haggled = naiveCompromise(model);
  const batnas = partyIds.map((_, p) => Math.max(0, Math.round(packageUtility(model, p, haggled)) - BATNA_BELOW_HAGGLING));
  const first = partyIds[0];
  return {
    ...scenario,
    parties: parts.map((party, p) => ({ ...party, batna: batnas[p] })),
    partners: {
      [first]: {
        style: "logroller",
        params: { aspiration: 90, reservation: batnas[0] + 5, concession: 1, discloseThreshold: 40, walkAwayThreshold: 10, honesty: 0.9, initialTrust: 60 },
        messages: { opening: text("init.partnerLine") },
        events: [{ round: 4, batna: batnas[0] - 2, priority: { issue: issueIds[owner(0)], weight: OWN_WEIGHT + 5 }, trust: 5, message: text("init.eventLine") }],
      },
    },
    metadata: {
      about: text("init.about"),
      guide: Object.fromEntries(EXPLAINED_KEYS.map(([path, key]) => [path, text(key)])),
    },
  };
}
