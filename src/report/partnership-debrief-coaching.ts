/**
 * Coaching for tips 3, 4 and 7 over a whole partnership, each item with a verdict and
 * evidence, in the single-session debrief's shape (debrief-coaching.ts): message
 * references against the partnership's scenario (parties, issues and options by index in it).
 *
 * | tip | good when                                                                                   |
 * |-----|---------------------------------------------------------------------------------------------|
 * | 3   | the ambition agreed is the one that serves everyone; none without an ambition phase          |
 * | 4   | every hidden term that was in play was found, and no final agreement left a package better for everyone; none without hidden terms or post-settlement rounds |
 * | 7   | at no later stage the trainee kept an agreement below someone's BATNA, no renegotiation lowered the joint gain below the status quo's, and the others' trust in the trainee did not fall over the stages; none without later stages |
 */
import { UTILITY_EPSILON } from "../engine/tolerance.js";
import type { Scenario } from "../scenario/schema.js";
import type { MessageArg, MessageRef } from "./debrief.js";
import { message, outcomeMessage } from "./debrief-wording.js";
import type { Happening } from "../negotiation/partnership/run.js";
import type { HiddenTermReview, PartnershipCoachingItem, PartnershipDebriefFacts, PartnershipTip, StageReview } from "./partnership-debrief.js";

const partyIndex = (scenario: Scenario, id: string) => scenario.parties.findIndex((party) => party.id === id);

function item(tip: PartnershipTip, verdict: PartnershipCoachingItem["verdict"], text: MessageRef[], evidence: MessageRef[]): PartnershipCoachingItem {
  return { tip, verdict, text, evidence };
}

/** "you 80.0, Beta 70.0" (or gains: "you +5.0, Beta −2.0"), the trainee as "you". */
export function eachOf(scenario: Scenario, trainee: string, ids: readonly string[], kind: "value" | "gain", value: (id: string) => number): MessageArg {
  const [you, other] = kind === "value" ? (["debrief.coaching.pointsOfYou", "debrief.coaching.pointsOf"] as const) : (["debrief.coaching.gainOfYou", "debrief.coaching.gainOf"] as const);
  return { list: ids.map((id) => (id === trainee ? message(you, { [kind]: value(id) }) : message(other, { name: { party: partyIndex(scenario, id) }, [kind]: value(id) }))) };
}

export const names = (scenario: Scenario, ids: readonly string[]): MessageArg => ({ list: ids.map((id) => ({ party: partyIndex(scenario, id) })) });

/** Parties by name, the trainee as "you" (the subject of a sentence); `you` says whether the trainee is among them, for the verb. */
export function namesWithYou(scenario: Scenario, trainee: string, ids: readonly string[]): { names: MessageArg; count: number; you: "yes" | "no" } {
  return {
    names: { list: ids.map((id) => (id === trainee ? message("partnership.debrief.you") : { party: partyIndex(scenario, id) })) },
    count: ids.length,
    you: ids.includes(trainee) ? "yes" : "no",
  };
}

/** A term by ids: a whole issue's label, or "issue: option". */
export function termArg(scenario: Scenario, issue: string, option?: string): MessageArg {
  const i = scenario.issues.findIndex((candidate) => candidate.id === issue);
  if (option === undefined) return { issue: i };
  return message("negotiation.term", { issue: { issue: i }, option: { issue: i, option: scenario.issues[i].options.findIndex((candidate) => candidate.id === option) } });
}

export function stageArg(scenario: Scenario, stage: number): MessageArg {
  const title = scenario.partnership?.stages?.[stage]?.title;
  return title ? { text: title } : message("partnership.debrief.stageNumber", { stage: stage + 1 });
}

export function ambitionArg(scenario: Scenario, id: string): MessageArg {
  return { text: scenario.partnership!.ambition!.options.find((candidate) => candidate.id === id)!.label };
}

/** What happened at a stage, one event. */
export function happeningMessage(scenario: Scenario, { event, value }: Happening): MessageRef {
  switch (event.kind) {
    case "priority":
      return message("partnership.debrief.event.priority", { name: { party: partyIndex(scenario, event.party) }, issue: termArg(scenario, event.issue), weight: event.weight });
    case "batna":
      return message("partnership.debrief.event.batna", { name: { party: partyIndex(scenario, event.party) }, batna: event.batna });
    case "trust":
      return message("partnership.debrief.event.trust", { name: { party: partyIndex(scenario, event.party) }, delta: event.delta });
    case "resolve":
      return message("partnership.debrief.event.resolve", { quantity: { quantity: scenario.uncertainties!.findIndex((q) => q.id === event.quantity) }, value: value ?? 0 });
    case "join":
      return message("partnership.debrief.event.join", { name: { party: partyIndex(scenario, event.party) } });
    case "leave":
      return message("partnership.debrief.event.leave", { name: { party: partyIndex(scenario, event.party) } });
  }
}

export function coachPartnership(facts: PartnershipDebriefFacts): PartnershipCoachingItem[] {
  return [tip3(facts), tip4(facts), tip7(facts)];
}

function tip3(facts: PartnershipDebriefFacts): PartnershipCoachingItem {
  const { ambition, scenario, trainee } = facts;
  if (!ambition) return item(3, "none", [message("partnership.debrief.coaching.noAmbitionPhase")], []);
  const candidate = (id: string) => ambition.candidates.find((entry) => entry.id === id)!;
  const founders = Object.keys(ambition.candidates[0].values);
  const valuesOf = (id: string) => message("partnership.debrief.coaching.ambitionValues", { ambition: ambitionArg(scenario, id), values: eachOf(scenario, trainee, founders, "value", (p) => candidate(id).values[p]) });
  const proposed = ambition.traineeProposed.length > 0 && message("partnership.debrief.coaching.youProposed", { ambitions: { list: [...new Set(ambition.traineeProposed)].map((id) => ambitionArg(scenario, id)) } });
  const unlocked = (id: string, value: number) => {
    const terms = scenario.partnership!.ambition!.options.find((entry) => entry.id === id)?.unlocks ?? [];
    return terms.length > 0 && message("partnership.debrief.coaching.ambitionUnlocked", { ambition: ambitionArg(scenario, id), terms: { list: terms.map((term) => termArg(scenario, term.issue, term.option)) }, value });
  };
  const shared = ambition.shared;
  const evidence = (...parts: (MessageRef | false)[]) => parts.filter((part): part is MessageRef => Boolean(part));
  if (ambition.agreed === shared) {
    return item(3, "good", [message("partnership.debrief.coaching.ambitionShared")], evidence(valuesOf(shared), unlocked(shared, ambition.unlockValue)));
  }
  const sharedLine = message("partnership.debrief.coaching.ambitionServesAll", { ambition: ambitionArg(scenario, shared), lowest: candidate(shared).lowest });
  if (ambition.agreed === null) {
    return item(3, "improve", [message("partnership.debrief.coaching.ambitionNone"), sharedLine], evidence(outcomeMessage(ambition.outcome, partyIndex(scenario, trainee)), proposed, valuesOf(shared), unlocked(shared, ambition.sharedUnlockValue)));
  }
  const agreed = candidate(ambition.agreed);
  const gainMore = (candidate(shared).stageMaxJointGain ?? 0) - (agreed.stageMaxJointGain ?? 0);
  return item(
    3,
    "improve",
    [message("partnership.debrief.coaching.ambitionNotShared", { ambition: ambitionArg(scenario, ambition.agreed), lowest: agreed.lowest }), sharedLine],
    evidence(
      proposed,
      valuesOf(ambition.agreed),
      valuesOf(shared),
      unlocked(shared, ambition.sharedUnlockValue),
      gainMore > UTILITY_EPSILON && message("partnership.debrief.coaching.ambitionFirstStage", { ambition: ambitionArg(scenario, shared), value: gainMore }),
    ),
  );
}

function termFound(facts: PartnershipDebriefFacts, term: HiddenTermReview): MessageRef {
  const { scenario, trainee } = facts;
  const found = term.found!;
  const by = found.askedBy === null ? "none" : found.askedBy === trainee ? "you" : "them";
  return message("partnership.debrief.coaching.termFound", {
    term: termArg(scenario, term.issue, term.option),
    holder: { party: partyIndex(scenario, term.holder) },
    holderIsYou: term.holder === trainee ? "yes" : "no",
    stage: stageArg(scenario, found.stage),
    how: found.how.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
    by,
    name: found.askedBy === null || by === "you" ? "" : { party: partyIndex(scenario, found.askedBy) },
    value: term.values.find((entry) => entry.found)?.value ?? 0,
  });
}

function tip4(facts: PartnershipDebriefFacts): PartnershipCoachingItem {
  const { scenario, trainee, postSettlement } = facts;
  const inPlay = facts.hiddenTerms.filter((term) => term.values.length > 0);
  if (inPlay.length === 0 && postSettlement.chances === 0) return item(4, "none", [message("partnership.debrief.coaching.nothingHidden")], []);
  const missed = inPlay.filter((term) => term.found === null);
  const asked = whatElseAsked(facts);
  const evidence: MessageRef[] = [
    ...inPlay.filter((term) => term.found !== null).map((term) => termFound(facts, term)),
    ...missed.map((term) =>
      message("partnership.debrief.coaching.termMissed", {
        term: termArg(scenario, term.issue, term.option),
        holder: { party: partyIndex(scenario, term.holder) },
        holderIsYou: term.holder === trainee ? "yes" : "no",
        value: term.missed,
        stages: term.values.filter((entry) => !entry.found).length,
      }),
    ),
    ...(inPlay.length > 0 ? [message("partnership.debrief.coaching.whatElseAsked", { count: asked })] : []),
    ...(postSettlement.improved.length > 0 ? [message("partnership.debrief.coaching.postSettled", { count: postSettlement.improved.length, value: postSettlement.jointGain })] : []),
    ...postSettlement.leftOver.map((entry) => message("partnership.debrief.coaching.leftOver", { stage: stageArg(scenario, entry.stage), value: entry.jointGain })),
  ];
  const text: MessageRef[] = [];
  if (missed.length > 0) {
    text.push(message("partnership.debrief.coaching.hiddenMissed", { count: missed.length, value: missed.reduce((sum, term) => sum + term.missed, 0) }));
  }
  if (postSettlement.leftOver.length > 0) text.push(message("partnership.debrief.coaching.postSettlementMissed"));
  if (text.length > 0) return item(4, "improve", text, evidence);
  return item(4, "good", [message(inPlay.length > 0 ? "partnership.debrief.coaching.hiddenAllFound" : "partnership.debrief.coaching.postSettlementUsed")], evidence);
}

/** How often the trainee asked "what else could we include?" over the partnership. */
function whatElseAsked(facts: PartnershipDebriefFacts): number {
  return facts.stages.reduce((sum, stage) => sum + (stage.session?.debrief.questions.filter((record) => record.question.kind === "what-else").length ?? 0), 0);
}

function stageEvidence(facts: PartnershipDebriefFacts, review: StageReview): MessageRef[] {
  const { scenario, trainee } = facts;
  const stage = stageArg(scenario, review.stage);
  const changes = review.happened.map((happening) => happeningMessage(scenario, happening));
  const lines: MessageRef[] = [message("partnership.debrief.coaching.stageChanges", { stage, count: changes.length, changes: { list: changes, join: "semicolon" } })];
  if (review.traineeReview) lines.push(message("partnership.debrief.coaching.yourReview", { review: review.traineeReview }));
  if (review.statusQuoBelowBatna.length > 0) {
    lines.push(message("partnership.debrief.coaching.statusQuoBelow", namesWithYou(scenario, trainee, review.statusQuoBelowBatna)));
  }
  if (review.renegotiation) {
    lines.push(
      review.renegotiation.outcome.kind === "agreement"
        ? message("partnership.debrief.coaching.renegotiated", { you: review.renegotiation.trainee ?? 0, joint: review.renegotiation.joint })
        : message("partnership.debrief.coaching.renegotiationFailed", { outcome: outcomeMessage(review.renegotiation.outcome, partyIndex(scenario, trainee)) }),
    );
  }
  return lines;
}

function tip7(facts: PartnershipDebriefFacts): PartnershipCoachingItem {
  const { scenario, reviews, trainee } = facts;
  if (facts.end === "no-agreement") return item(7, "none", [message("partnership.debrief.coaching.neverFormed")], []);
  if (reviews.length === 0) return item(7, "none", [message("partnership.debrief.coaching.noLaterStages")], []);
  const evidence = reviews.flatMap((review) => stageEvidence(facts, review));
  const text: MessageRef[] = [];
  const keptBelow = reviews.filter((review) => review.traineeReview === "keep" && review.statusQuoBelowBatna.length > 0);
  for (const review of keptBelow) {
    text.push(message("partnership.debrief.coaching.keptBelowBatna", { stage: stageArg(scenario, review.stage), ...namesWithYou(scenario, trainee, review.statusQuoBelowBatna) }));
  }
  // Staying in a partnership that keeps you below your alternative, stage after stage, is a review that did not work.
  const stayedBelow = reviews.filter((review) => review.traineeReview !== "keep" && review.statusQuoBelowBatna.includes(trainee) && facts.stages[review.stage]?.belowBatna.includes(trainee));
  for (const review of stayedBelow) text.push(message("partnership.debrief.coaching.stayedBelowBatna", { stage: stageArg(scenario, review.stage) }));
  const worse = reviews.filter((review) => review.renegotiation && review.renegotiation.joint < -UTILITY_EPSILON);
  for (const review of worse) text.push(message("partnership.debrief.coaching.renegotiationWorse", { stage: stageArg(scenario, review.stage), joint: -review.renegotiation!.joint }));
  const last = reviews[reviews.length - 1].trust.length > 0 ? reviews[reviews.length - 1].trust : null;
  const fell = last?.filter((pair) => {
    const first = facts.firstTrust.find((entry) => entry.party === pair.party);
    return first !== undefined && pair.theirs < first.theirs - 1;
  });
  if (fell && fell.length > 0) text.push(message("partnership.debrief.coaching.trustFell", { names: names(scenario, fell.map((pair) => pair.party)), count: fell.length }));
  if (facts.end === "trainee-left") text.push(message("partnership.debrief.coaching.youLeft"));
  if (text.length > 0) return item(7, "improve", [...text, message("partnership.debrief.coaching.reviewAdvice")], evidence);
  return item(7, "good", [message("partnership.debrief.coaching.reviewedWell")], evidence);
}
