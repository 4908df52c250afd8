/**
 * The debrief of a partnership over time (tips 3, 4 and 7): the score over the partnership,
 * not one deal. Per stage, what the agreement in force gave every party under that stage's
 * real conditions (its real BATNAs, not the renegotiation's status-quo fallbacks) against
 * what the frontier allowed, with every hidden term on the table and with only the terms
 * found; the total over the stages; the ambition agreed against the one that serves
 * everyone and what it unlocked; the hidden terms, who found them and how, and the
 * post-settlement settlements; and stage by stage what happened, how the parties reviewed
 * the agreement, what a renegotiation changed and how trust went. Coaching for tips 3, 4
 * and 7 with evidence closes it. Content only: parties, issues and options by id, texts as
 * message references (debrief.ts `MessageRef`) against the partnership's scenario; the
 * wording is in partnership-debrief-text.ts and partnership-debrief-json.ts.
 *
 * Definitions:
 * - A stage's score: with an agreement in force at the stage's end, each party's utility of
 *   it in the stage's scenario (`PhaseRecord.scenario`); a party that walked out of the
 *   stage's renegotiation, and every party when the partnership had ended or never formed,
 *   gets its BATNA. Joint gain: Σ(utility − BATNA). The trainee's share: its gain over the
 *   joint gain, when that is positive and nobody is below its BATNA.
 * - Frontier "full": the stage's scenario with every hidden term on the table; "found": with
 *   only the terms on the table by the end of the stage. A stage the partnership never
 *   reached is scored under the last conditions there were.
 * - The ambition that serves everyone: the candidate with the largest product of the
 *   founders' values (the Nash product; no ambition is worth 0), ties broken by the
 *   smallest value, then by order.
 * - A hidden term's value at a stage: the full frontier's maximal joint gain minus that
 *   frontier's without the term; missed when it was still hidden at the stage's end.
 */
import { analyzeScenario } from "../engine/analysis.js";
import { type CompiledScenario, compileScenario, packageFromRecord, packageToRecord, packageUtilities } from "../engine/model.js";
import { UTILITY_EPSILON } from "../engine/tolerance.js";
import type { Language } from "../i18n/language.js";
import { hiddenTerms, maskedModel } from "../negotiation/hidden-terms.js";
import { type Conditions, stageScenario, withAmbition } from "../negotiation/partnership/conditions.js";
import type { Happening, PartnershipEnd, PhaseRecord } from "../negotiation/partnership/run.js";
import type { ReviewDecision } from "../negotiation/partners/review.js";
import type { HiddenTermConfig, Outcome, SessionEvent } from "../negotiation/protocol.js";
import type { Session } from "../negotiation/session.js";
import { makeTranscript } from "../negotiation/transcript.js";
import { clampTrust } from "../negotiation/trust.js";
import { own } from "../records.js";
import type { Scenario } from "../scenario/schema.js";
import { type CoachingItem, type Debrief, computeDebrief } from "./debrief.js";
import { coachPartnership } from "./partnership-debrief-coaching.js";

export interface PartnershipDebriefInput {
  /** The partnership scenario as written, every party and issue in it. */
  readonly scenario: Scenario;
  readonly phases: readonly PhaseRecord[];
  readonly end: PartnershipEnd;
  /** The trainee's party id. */
  readonly trainee: string;
  /** The language the single-session debriefs' transcripts are marked with; English when absent. */
  readonly lang?: Language;
}

export type Agreement = Readonly<Record<string, string>>;

/** A frontier's summary: the maximal joint gain and the Nash point, null when no package beats every BATNA. */
export interface FrontierSummary {
  readonly maxJointGain: number | null;
  readonly nash: { readonly agreement: Agreement; readonly utilities: Readonly<Record<string, number>> } | null;
}

/** Key facts of the stage's session from the single-session debrief (against the session's own fallbacks). */
export interface SessionFacts {
  readonly outcome: Outcome;
  readonly rounds: number;
  /** The agreement reached was on the session's frontier; null without one. */
  readonly efficient: boolean | null;
  /** The joint gain over the session's fallbacks, as a share of the most possible; null without a zone of agreement or a deal. */
  readonly shareOfMaxJointGain: number | null;
  /** Joint gain a package better for everyone would have added to the deal; null when the deal is efficient or there is none. */
  readonly missedJointGain: number | null;
  readonly traineeQuestions: number;
  /** The single-session debrief itself, for renderings that want more. */
  readonly debrief: Debrief;
}

export interface StageScore {
  readonly stage: number;
  /** The stage's id in the scenario. */
  readonly id: string;
  /** false for a stage the partnership never reached (it ended or never formed before). */
  readonly reached: boolean;
  /** The parties in the partnership at the stage, in the scenario's order. */
  readonly present: readonly string[];
  /** The agreement in force at the stage's end; null when the partnership had ended or never formed. */
  readonly agreement: Agreement | null;
  readonly batnas: Readonly<Record<string, number>>;
  /** Per present party: utility of the agreement in force, or its BATNA. */
  readonly utilities: Readonly<Record<string, number>>;
  readonly jointGain: number;
  /** Parties the agreement in force leaves below their BATNA. */
  readonly belowBatna: readonly string[];
  /** Everything on the table, hidden terms included. */
  readonly full: FrontierSummary;
  /** Only the terms on the table by the stage's end. */
  readonly found: FrontierSummary;
  /** What the hidden terms still hidden at the stage's end would have added to the maximal joint gain. */
  readonly hiddenValue: number;
  /** The trainee's gain over the joint gain; null when the trainee is absent, nothing was created or someone is below its BATNA. */
  readonly traineeShare: number | null;
  readonly traineeGain: number | null;
  /** The stage's session; null when every party kept the agreement or the stage was not reached. */
  readonly session: SessionFacts | null;
}

export interface TotalScore {
  readonly jointGain: number;
  /** Σ of the stages' maximal joint gains with everything on the table (stages without any zone: 0). */
  readonly maxJointGain: number;
  readonly maxJointGainFound: number;
  readonly shareOfMaxJointGain: number | null;
  readonly traineeGain: number;
  /** Σ of what the Nash points of the stages give the trainee over its BATNA. */
  readonly traineeNashGain: number;
}

export interface AmbitionCandidate {
  readonly id: string;
  readonly values: Readonly<Record<string, number>>;
  readonly nashProduct: number;
  readonly lowest: number;
  /** Stage 1's maximal joint gain under this ambition (its unlocks and weights), everything on the table. */
  readonly stageMaxJointGain: number | null;
}

export interface AmbitionReview {
  readonly agreed: string | null;
  /** The candidate that serves everyone. */
  readonly shared: string;
  readonly candidates: readonly AmbitionCandidate[];
  /** The terms the agreed ambition put on the table (issue, or issue and option). */
  readonly unlocked: readonly { readonly issue: string; readonly option?: string }[];
  /** Stage 1's maximal joint gain with the agreed ambition's unlocks minus without them; 0 without any. */
  readonly unlockValue: number;
  /** What the shared ambition's unlocks add in stage 1, for the coaching when another was agreed. */
  readonly sharedUnlockValue: number;
  /** The ambitions the trainee proposed, in order. */
  readonly traineeProposed: readonly string[];
  readonly outcome: Outcome;
}

export type FoundHow = "what-else" | "what-would-work" | "unasked";

export interface HiddenTermReview {
  readonly issue: string;
  readonly option?: string;
  readonly holder: string;
  readonly found: { readonly stage: number; readonly how: FoundHow; readonly askedBy: string | null } | null;
  /** The term's value at each stage it was hidden at the start of. */
  readonly values: readonly { readonly stage: number; readonly value: number; readonly found: boolean }[];
  /** Σ of its values at the stages whose end it was still hidden at. */
  readonly missed: number;
}

export interface PostSettlementReview {
  /** Agreements reached while post-settlement rounds could follow. */
  readonly chances: number;
  readonly improved: readonly { readonly stage: number; readonly from: Agreement; readonly to: Agreement; readonly jointGain: number }[];
  readonly jointGain: number;
  /** Stages whose final agreement a package better for everyone beat, with that package's joint gain more. */
  readonly leftOver: readonly { readonly stage: number; readonly jointGain: number }[];
}

export interface TrustPair {
  readonly party: string;
  /** The trainee's trust in the party, and the party's in the trainee. */
  readonly yours: number;
  readonly theirs: number;
}

export interface StageReview {
  readonly stage: number;
  readonly id: string;
  readonly happened: readonly Happening[];
  readonly newcomers: readonly string[];
  readonly leavers: readonly string[];
  readonly reviews: Readonly<Record<string, ReviewDecision>>;
  readonly traineeReview: ReviewDecision | null;
  /** Parties the agreement in force (the status quo) left below their BATNA when the stage began. */
  readonly statusQuoBelowBatna: readonly string[];
  /** A renegotiation against keeping the status quo: what it changed for the trainee and jointly; null without one. */
  readonly renegotiation: { readonly outcome: Outcome; readonly trainee: number | null; readonly joint: number } | null;
  /** Trust at the end of the stage, the trainee's and each other present party's. */
  readonly trust: readonly TrustPair[];
}

export type PartnershipTip = 3 | 4 | 7;

/** A coaching item of the single-session debrief's shape, for tips 3, 4 and 7 only. */
export interface PartnershipCoachingItem extends CoachingItem {
  readonly tip: PartnershipTip;
}

export interface PartnershipDebriefFacts {
  readonly scenario: Scenario;
  readonly trainee: string;
  readonly end: PartnershipEnd;
  readonly stages: readonly StageScore[];
  readonly total: TotalScore;
  /** Null without an ambition phase. */
  readonly ambition: AmbitionReview | null;
  readonly hiddenTerms: readonly HiddenTermReview[];
  readonly postSettlement: PostSettlementReview;
  /** Stages from the second on. */
  readonly reviews: readonly StageReview[];
  /** Trust at the end of the ambition phase and of the first stage, before any review. */
  readonly firstTrust: readonly TrustPair[];
}

export interface PartnershipDebrief extends PartnershipDebriefFacts {
  /** Tips 3, 4 and 7, in that order. */
  readonly coaching: readonly PartnershipCoachingItem[];
}

const stageIdOf = (scenario: Scenario, stage: number) => scenario.partnership?.stages?.[stage]?.id ?? `stage-${stage + 1}`;

function summary(model: CompiledScenario): FrontierSummary {
  const analysis = analyzeScenario(model, { top: 0 });
  const { frontier, nash } = analysis;
  return {
    maxJointGain: analysis.maxJointGain,
    nash:
      nash === null
        ? null
        : { agreement: packageToRecord(model, frontier.package(nash)), utilities: Object.fromEntries(model.partyIds.map((id, p) => [id, frontier.utilities(nash)[p]])) },
  };
}

const maxGain = (model: CompiledScenario) => analyzeScenario(model, { top: 0 }).maxJointGain;
const difference = (a: number | null, b: number | null) => (a ?? 0) - (b ?? 0);

/** Which of a stage's hidden terms were on the table at its end. */
function revealedAtEnd(record: PhaseRecord, hidden: readonly HiddenTermConfig[]): boolean[] {
  const session = record.session;
  if (!session) return hidden.map(() => false);
  const keys = new Set(session.hidden.map((term, k) => (session.revealed[k] ? termId(session.scenario, term) : "")).filter(Boolean));
  return hidden.map((term) => keys.has(termId(record.scenario, term)));
}

function termId(scenario: Scenario, term: Pick<HiddenTermConfig, "issue" | "option">): string {
  const issue = scenario.issues[term.issue];
  return term.option === undefined ? issue.id : `${issue.id}/${issue.options[term.option].id}`;
}

/** An outcome with the party who walked away as an index in the partnership's scenario, not the session's. */
export function partnershipOutcome(outcome: Outcome, session: Session, scenario: Scenario): Outcome {
  if (outcome.kind !== "walk-away") return outcome;
  const id = session.scenario.parties[outcome.by].id;
  return { ...outcome, by: scenario.parties.findIndex((party) => party.id === id) };
}

function sessionFacts(session: Session, traineeIndex: number, lang: Language, scenario: Scenario): SessionFacts | null {
  if (traineeIndex < 0) return null;
  const transcript = makeTranscript(session, { trainee: traineeIndex, surprise: false, lang, complete: true, savedAt: new Date(0) });
  const debrief = computeDebrief(transcript, session);
  const missed = debrief.missed?.against === "deal" ? debrief.missed.gains.reduce((sum, gain) => sum + gain, 0) : null;
  return {
    outcome: partnershipOutcome(debrief.outcome, session, scenario),
    rounds: debrief.outcome.round,
    efficient: debrief.position.efficient,
    shareOfMaxJointGain: debrief.shareOfMaxJointGain,
    missedJointGain: missed,
    traineeQuestions: debrief.questions.length,
    debrief,
  };
}

function scoreStage(record: PhaseRecord | null, scenario: Scenario, stage: number, lastConditions: Conditions, trainee: string, lang: Language, ended: boolean): StageScore {
  const stageScen = record?.scenario ?? stageScenario(scenario, lastConditions, stage);
  const model = compileScenario(stageScen);
  const ids = model.partyIds;
  const hidden = hiddenTerms(stageScen);
  const revealed = record ? revealedAtEnd(record, hidden) : hidden.map(() => false);
  const full = summary(model);
  const found = summary(maskedModel(model, hidden, revealed));
  const agreement = record && !ended ? record.agreement : null;
  const outcome = record?.session?.outcome;
  const walkedOut = outcome?.kind === "walk-away" && record!.session!.scenario.parties[outcome.by].id;
  const batnas = Object.fromEntries(ids.map((id, p) => [id, model.batnas[p]]));
  const values = agreement ? packageUtilities(model, packageFromRecord(model, { ...agreement })) : model.batnas;
  const utilities = Object.fromEntries(ids.map((id, p) => [id, id === walkedOut ? model.batnas[p] : values[p]]));
  const jointGain = ids.reduce((sum, id) => sum + utilities[id] - batnas[id], 0);
  const belowBatna = agreement ? ids.filter((id) => utilities[id] < batnas[id] - UTILITY_EPSILON) : [];
  const present = ids.includes(trainee);
  const traineeGain = present ? utilities[trainee] - batnas[trainee] : null;
  const traineeIndex = record?.session ? record.session.scenario.parties.findIndex((party) => party.id === trainee) : -1;
  return {
    stage,
    id: stageIdOf(scenario, stage),
    reached: record !== null,
    present: ids,
    agreement,
    batnas,
    utilities,
    jointGain,
    belowBatna,
    full,
    found,
    hiddenValue: difference(full.maxJointGain, found.maxJointGain),
    traineeShare: traineeGain !== null && jointGain > UTILITY_EPSILON && belowBatna.length === 0 ? traineeGain / jointGain : null,
    traineeGain,
    session: record?.session ? sessionFacts(record.session, traineeIndex, lang, scenario) : null,
  };
}

/** The stage's scenario without the given terms: issues and options left out, as a locked term is. */
function withoutTerms(scenario: Scenario, terms: readonly { readonly issue: string; readonly option?: string }[]): Scenario {
  const gone = new Set(terms.map((term) => (term.option === undefined ? term.issue : `${term.issue}/${term.option}`)));
  return {
    ...scenario,
    issues: scenario.issues.filter((issue) => !gone.has(issue.id)).map((issue) => ({ ...issue, options: issue.options.filter((option) => !gone.has(`${issue.id}/${option.id}`)) })),
  };
}

function reviewAmbition(scenario: Scenario, record: PhaseRecord, trainee: string): AmbitionReview {
  const ambition = scenario.partnership!.ambition!;
  const founders = record.scenario.parties.map((party) => party.id);
  const stageUnder = (id: string | null) => stageScenario(scenario, withAmbition(scenario, record.conditions, id), 0);
  const candidates: AmbitionCandidate[] = ambition.options.map((candidate) => {
    const values = Object.fromEntries(founders.map((id) => [id, own(candidate.values, id) ?? 0]));
    return {
      id: candidate.id,
      values,
      nashProduct: founders.reduce((product, id) => product * values[id], 1),
      lowest: Math.min(...founders.map((id) => values[id])),
      stageMaxJointGain: maxGain(compileScenario(stageUnder(candidate.id))),
    };
  });
  const shared = candidates.reduce((best, candidate) =>
    candidate.nashProduct > best.nashProduct || (candidate.nashProduct === best.nashProduct && candidate.lowest > best.lowest) ? candidate : best,
  ).id;
  const unlockValue = (id: string | null) => {
    const unlocks = ambition.options.find((candidate) => candidate.id === id)?.unlocks ?? [];
    if (unlocks.length === 0) return 0;
    const under = stageUnder(id);
    return difference(maxGain(compileScenario(under)), maxGain(compileScenario(withoutTerms(under, unlocks))));
  };
  const agreed = record.agreement?.ambition ?? null;
  const session = record.session!;
  const self = session.scenario.parties.findIndex((party) => party.id === trainee);
  const traineeProposed = session.events.flatMap((event) =>
    event.type === "move" && event.actor === self && event.move.type === "offer" ? [session.model.optionIds[0][event.move.package[0]]] : [],
  );
  return {
    agreed,
    shared,
    candidates,
    unlocked: ambition.options.find((candidate) => candidate.id === agreed)?.unlocks ?? [],
    unlockValue: unlockValue(agreed),
    sharedUnlockValue: unlockValue(shared),
    traineeProposed,
    outcome: partnershipOutcome(session.outcome ?? { kind: "abandoned", round: session.round }, session, scenario),
  };
}

/** How a term came on the table in a session: the event that revealed it. */
function howFound(session: Session, k: number): { how: FoundHow; askedBy: string | null } {
  const events = session.events;
  const id = (p: number) => session.scenario.parties[p].id;
  for (let e = 0; e < events.length; e++) {
    const event = events[e];
    if (event.type !== "move") continue;
    const move = event.move;
    if (move.type === "answer" && move.answer.kind === "what-else" && move.answer.terms.includes(k)) return { how: "what-else", askedBy: id(move.to) };
    if (move.type === "reveal" && move.term === k) {
      const before: SessionEvent | undefined = events[e - 1];
      const asked = before?.type === "move" && before.actor === event.actor && before.move.type === "answer" && before.move.question.kind === "what-would-work" ? before.move.to : null;
      return asked === null ? { how: "unasked", askedBy: null } : { how: "what-would-work", askedBy: id(asked) };
    }
  }
  return { how: "unasked", askedBy: null };
}

function reviewHiddenTerms(scenario: Scenario, stages: readonly PhaseRecord[]): HiddenTermReview[] {
  return hiddenTerms(scenario).map((term) => {
    const key = termId(scenario, term);
    const [issueId, optionId] = key.split("/");
    let found: HiddenTermReview["found"] = null;
    const values: { stage: number; value: number; found: boolean }[] = [];
    for (const record of stages) {
      const hidden = hiddenTerms(record.scenario);
      const k = hidden.findIndex((candidate) => termId(record.scenario, candidate) === key);
      if (k < 0 || found) continue;
      const model = compileScenario(record.scenario);
      const without = maskedModel(model, [hidden[k]], [false]);
      const revealedNow = revealedAtEnd(record, hidden)[k];
      values.push({ stage: record.stage, value: difference(maxGain(model), maxGain(without)), found: revealedNow });
      if (revealedNow) {
        const session = record.session!;
        const sessionK = session.hidden.findIndex((candidate) => termId(session.scenario, candidate) === key);
        found = { stage: record.stage, ...howFound(session, sessionK) };
      }
    }
    return {
      issue: issueId,
      ...(optionId === undefined ? {} : { option: optionId }),
      holder: scenario.parties[term.holder].id,
      found,
      values,
      missed: values.reduce((sum, entry) => sum + (entry.found ? 0 : entry.value), 0),
    };
  });
}

function reviewPostSettlement(stages: readonly PhaseRecord[], scores: readonly StageScore[]): PostSettlementReview {
  const improved: PostSettlementReview["improved"][number][] = [];
  let chances = 0;
  for (const record of stages) {
    const session = record.session;
    const outcome = session?.outcome;
    if (!session || outcome?.kind !== "agreement" || !session.config.postSettlementRounds) continue;
    chances++;
    if (!outcome.improvedFrom) continue;
    const model = compileScenario(record.scenario);
    const sum = (pkg: ArrayLike<number>) => packageUtilities(model, pkg).reduce((total, u) => total + u, 0);
    improved.push({ stage: record.stage, from: packageToRecord(model, outcome.improvedFrom), to: packageToRecord(model, outcome.package), jointGain: sum(outcome.package) - sum(outcome.improvedFrom) });
  }
  const leftOver = scores.flatMap((score) => (score.session?.missedJointGain ? [{ stage: score.stage, jointGain: score.session.missedJointGain }] : []));
  return { chances, improved, jointGain: improved.reduce((sum, entry) => sum + entry.jointGain, 0), leftOver };
}

/** Trust carried between phases by `${truster}>${trustee}`, as the run carries it. */
type TrustState = Map<string, number>;

function trustAfter(record: PhaseRecord, carried: TrustState): TrustState {
  const next = new Map(carried);
  const session = record.session;
  if (session) {
    const ids = session.scenario.parties.map((party) => party.id);
    ids.forEach((a, i) => ids.forEach((b, j) => i !== j && next.set(`${a}>${b}`, session.trustIn(i, j))));
    return next;
  }
  // No session: only the stage's trust events moved it (a newcomer always brings a renegotiation).
  const present = record.scenario.parties.map((party) => party.id);
  for (const { event, happened } of record.happenings) {
    if (!happened || event.kind !== "trust") continue;
    for (const b of event.towards ? [event.towards] : present) {
      if (b !== event.party) next.set(`${event.party}>${b}`, clampTrust((next.get(`${event.party}>${b}`) ?? 50) + event.delta));
    }
  }
  return next;
}

function trustPairs(state: TrustState, present: readonly string[], trainee: string): TrustPair[] {
  if (!present.includes(trainee)) return [];
  return present.filter((id) => id !== trainee).map((party) => ({ party, yours: state.get(`${trainee}>${party}`) ?? 50, theirs: state.get(`${party}>${trainee}`) ?? 50 }));
}

function reviewStage(scenario: Scenario, record: PhaseRecord, previous: PhaseRecord, score: StageScore, trainee: string, trust: readonly TrustPair[]): StageReview {
  const before = new Set(previous.scenario.parties.map((party) => party.id));
  const now = record.scenario.parties.map((party) => party.id);
  const model = compileScenario(record.scenario);
  let statusQuoBelowBatna: string[] = [];
  let renegotiation: StageReview["renegotiation"] = null;
  if (record.statusQuo) {
    const statusQuo = packageUtilities(model, packageFromRecord(model, { ...record.statusQuo }));
    statusQuoBelowBatna = model.partyIds.filter((_, p) => statusQuo[p] < model.batnas[p] - UTILITY_EPSILON);
    const outcome = record.session?.outcome;
    if (outcome && record.agreement) {
      const t = model.partyIds.indexOf(trainee);
      renegotiation = {
        outcome: partnershipOutcome(outcome, record.session!, scenario),
        trainee: t < 0 ? null : score.utilities[trainee] - statusQuo[t],
        joint: model.partyIds.reduce((sum, id, p) => sum + score.utilities[id] - statusQuo[p], 0),
      };
    }
  }
  return {
    stage: record.stage,
    id: score.id,
    happened: record.happenings.filter((happening) => happening.happened),
    newcomers: now.filter((id) => !before.has(id)),
    leavers: [...before].filter((id) => !now.includes(id)),
    reviews: record.reviews,
    traineeReview: own(record.reviews, trainee) ?? null,
    statusQuoBelowBatna,
    renegotiation,
    trust,
  };
}

export function computePartnershipDebrief(input: PartnershipDebriefInput): PartnershipDebrief {
  const { scenario, phases, end, trainee } = input;
  const lang = input.lang ?? "en";
  const stageCount = scenario.partnership?.stages?.length ?? 1;
  const ambitionRecord = phases.find((phase) => phase.kind === "ambition") ?? null;
  const stageRecords = phases.filter((phase) => phase.kind === "stage");
  const lastConditions = phases[phases.length - 1]?.conditions ?? ambitionRecord?.conditions;
  // The partnership ends in a stage's reviews (recorded without an agreement) or never forms.
  const formed = stageRecords[0]?.agreement != null;
  const stages = Array.from({ length: stageCount }, (_, s) => {
    const record = stageRecords.find((candidate) => candidate.stage === s) ?? null;
    return scoreStage(record, scenario, s, record?.conditions ?? lastConditions!, trainee, lang, !formed || (record !== null && record.agreement === null));
  });
  const sum = (value: (score: StageScore) => number) => stages.reduce((total, score) => total + value(score), 0);
  const maxJointGain = sum((score) => score.full.maxJointGain ?? 0);
  const jointGain = sum((score) => score.jointGain);
  const total: TotalScore = {
    jointGain,
    maxJointGain,
    maxJointGainFound: sum((score) => score.found.maxJointGain ?? 0),
    shareOfMaxJointGain: maxJointGain > UTILITY_EPSILON ? jointGain / maxJointGain : null,
    traineeGain: sum((score) => score.traineeGain ?? 0),
    traineeNashGain: sum((score) => (score.full.nash && trainee in score.full.nash.utilities ? score.full.nash.utilities[trainee] - score.batnas[trainee] : 0)),
  };
  let trust: TrustState = new Map();
  if (ambitionRecord) trust = trustAfter(ambitionRecord, trust);
  const ambitionTrust = ambitionRecord && scenario.partnership?.ambition?.options.find((candidate) => candidate.id === ambitionRecord.agreement?.ambition)?.trust;
  if (ambitionTrust) for (const [key, level] of trust) trust.set(key, clampTrust(level + ambitionTrust));
  const reviews: StageReview[] = [];
  let firstTrust: TrustPair[] = [];
  stageRecords.forEach((record, k) => {
    trust = trustAfter(record, trust);
    const pairs = trustPairs(trust, record.scenario.parties.map((party) => party.id), trainee);
    if (k === 0) firstTrust = pairs;
    else reviews.push(reviewStage(scenario, record, stageRecords[k - 1], stages[record.stage], trainee, pairs));
  });
  const facts: PartnershipDebriefFacts = {
    scenario,
    trainee,
    end,
    stages,
    total,
    ambition: ambitionRecord?.session ? reviewAmbition(scenario, ambitionRecord, trainee) : null,
    hiddenTerms: reviewHiddenTerms(scenario, stageRecords),
    postSettlement: reviewPostSettlement(stageRecords, stages),
    reviews,
    firstTrust,
  };
  return { ...facts, coaching: coachPartnership(facts) };
}
