/**
 * Coaching along Kaats & Opheij's seven tips, always seven items, each with a verdict and
 * evidence from this game. The items are content: message references with their parameters
 * (party, issue and option indices, numbers), worded in the reader's language by
 * debrief-wording.ts. Every verdict on the deal's terms comes from the n-party frontier
 * (engine/deal-review.ts), so a Pareto-efficient deal is never told it lost value.
 *
 * | tip | good when                                                                  |
 * |-----|----------------------------------------------------------------------------|
 * | 1   | the deal beats every party's BATNA and creates at least MOST_OF_JOINT_GAIN of the maximal joint gain; without a deal: no package beat every BATNA |
 * | 2   | the trainee asked at least one question                                     |
 * | 3   | the trainee explored interests: asked about them, or shared its own truthfully (a disclosure or an answer) |
 * | 4   | no more single-term offers than package and MESO offers, at least one of those unless a deal was reached; the deal on the Pareto frontier (no term lost or trade missed) |
 * | 5   | trust both ways: no partner's trust in the trainee ended below its start, none walked away from distrust of the trainee, and no partner's answer or disclosure turned out misleading |
 * | 6   | the deal beats the trainee's BATNA; without a deal: none (nothing to judge) when no package beat every BATNA, else improve |
 * | 7   | after the first scripted change the trainee asked again or made a new offer; none without scripted changes |
 */
import { utilityGreater } from "../engine/tolerance.js";
import type { Scenario } from "../scenario/schema.js";
import type {
  ClaimRecord,
  CoachingItem,
  DebriefFacts,
  IssueReview,
  MessageArg,
  MessageRef,
  QuestionRecord,
  ScriptedRecord,
  Tip,
  TipVerdict,
  TrustMove,
} from "./debrief.js";
import { counterfactualMessage, eachParty, jointGainMessage, message, outcomeMessage } from "./debrief-wording.js";
import { type UncertaintyReview, missedClauses } from "./debrief-uncertainty.js";

/**
 * Tip 1 calls a deal value-creating when its joint gain is at least this share of the
 * maximal joint gain. Haggling issue by issue (the naive compromise) reaches 54–59 % in the
 * built-in scenarios and the lopsided frontier deals (one party barely above its BATNA)
 * 58–69 %, while balanced frontier deals reach 80 % and more: three quarters lies between.
 */
export const MOST_OF_JOINT_GAIN = 0.75;

/** Sentences, the ones not called for (false or null) left out. */
function sentences(...parts: (MessageRef | null | false)[]): MessageRef[] {
  return parts.filter((part): part is MessageRef => Boolean(part));
}

function item(tip: Tip, verdict: TipVerdict | boolean, text: MessageRef[], evidence: MessageRef[]): CoachingItem {
  return { tip, verdict: typeof verdict === "string" ? verdict : verdict ? "good" : "improve", text, evidence };
}

export function coach(facts: DebriefFacts, scenario: Scenario): CoachingItem[] {
  return [tip1(facts), tip2(facts), tip3(facts, scenario), tip4(facts), tip5(facts), tip6(facts), tip7(facts)];
}

function tip1(facts: DebriefFacts): CoachingItem {
  const { deal, utilities, batnas, trainee } = facts;
  const parties = batnas.map((_, p) => p);
  const outcome = outcomeMessage(facts.outcome, trainee);
  if (deal) {
    const losers = parties.filter((p) => !utilityGreater(utilities[p], batnas[p]));
    const costs = facts.autonomyCosts!;
    const evidence = sentences(
      message("debrief.coaching.gains", { gains: eachParty(facts, "gain", (p) => utilities[p] - batnas[p]) }),
      jointGainMessage(facts),
      costs.every((cost) => cost === 0) ? message("debrief.coaching.noAutonomyCost") : message("debrief.coaching.autonomy", { costs: eachParty(facts, "cost", (p) => costs[p]) }),
    );
    if (losers.includes(trainee)) return item(1, false, [message("debrief.coaching.belowYourBatna")], [dealVsBatna(facts), ...evidence.slice(1)]);
    if (losers.length > 0) {
      return item(1, false, [message("debrief.coaching.winLose", { names: { list: losers.map((p) => ({ party: p })) }, count: losers.length })], evidence);
    }
    const created = facts.shareOfMaxJointGain ?? 0;
    const threshold = MOST_OF_JOINT_GAIN;
    if (created < threshold) return item(1, false, [message("debrief.coaching.littleCreated", { share: created, threshold })], evidence);
    return item(1, true, [message("debrief.coaching.valueForAll", { share: created, threshold })], evidence);
  }
  const missed = facts.missed;
  if (!missed) return item(1, true, [message("debrief.coaching.noZone")], [outcome]);
  return item(
    1,
    false,
    [message("debrief.coaching.noDealDespite")],
    [outcome, message("debrief.coaching.forExample", { package: { package: missed.package }, values: eachParty(facts, "value", (p) => missed.utilities[p]) })],
  );
}

function dealVsBatna(facts: DebriefFacts): MessageRef {
  const value = facts.utilities[facts.trainee];
  const batna = facts.batnas[facts.trainee];
  return message("debrief.coaching.dealVsBatna", { value, batna, difference: value - batna });
}

function tip2(facts: DebriefFacts): CoachingItem {
  const { questions } = facts;
  const partners = facts.partners.length;
  if (questions.length === 0) {
    return item(2, false, [message("debrief.coaching.noQuestions", { partners })], [message("debrief.coaching.questionsNone")]);
  }
  const firstOffer = facts.offers.find((offer) => offer.party === facts.trainee);
  // Talk comes before the action in a turn, so a question in the round of the first offer came before it.
  const askedFirst = !firstOffer || questions[0].round <= firstOffer.round;
  return item(
    2,
    true,
    sentences(message("debrief.coaching.asked", { count: questions.length, partners }), !askedFirst && message("debrief.coaching.askFirst")),
    [message("debrief.coaching.questionList", { questions: { list: questions.map((record) => questionLine(facts, record)), join: "semicolon" } })],
  );
}

function questionLine(facts: DebriefFacts, record: QuestionRecord): MessageRef {
  const answer = record.answer;
  const status = !answer
    ? message("debrief.coaching.answer.none")
    : answer.honesty === "misleading"
      ? message("debrief.coaching.answer.misleading", { answer: { answer: answer.content } })
      : message(answer.honesty === "vague" ? "debrief.coaching.answer.vague" : "debrief.coaching.answer.truthful");
  const params = { question: { question: record.question }, round: record.round, status };
  return facts.partners.length > 1
    ? message("debrief.coaching.questionTo", { ...params, name: { party: record.to } })
    : message("debrief.coaching.question", params);
}

function tip3(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const whatWorks = facts.questions.filter((record) => record.question.kind === "what-would-work");
  // Every question but the one about their alternative asks what matters to them.
  const aboutInterests = facts.questions.filter((record) => record.question.kind !== "alternative");
  const disclosed = facts.disclosures.filter((record) => record.honesty === "truthful");
  const answered = facts.answers.filter((record) => record.honesty === "truthful");
  const question = { question: { kind: "what-would-work" as const } };
  const explored = aboutInterests.length > 0 || disclosed.length > 0 || answered.length > 0;
  const ambition = scenario.sharedAmbition === undefined ? "no" : "yes";
  const partners = facts.partners.length;
  return item(
    3,
    explored,
    [explored ? message("debrief.coaching.explored") : message("debrief.coaching.notExplored", { question, ambition })],
    sentences(
      ...whatWorks.map((record) => message("debrief.coaching.askedWhatWorks", { question, round: record.round })),
      aboutInterests.length > whatWorks.length && message("debrief.coaching.askedInterests", { count: aboutInterests.length - whatWorks.length, partners }),
      ...disclosed.map((record) =>
        message("debrief.coaching.disclosed", { importance: { importance: record.importance }, issue: { issue: record.issue }, round: record.round }),
      ),
      answered.length > 0 && message("debrief.coaching.answeredTruthfully", { count: answered.length, partners }),
      !explored && message("debrief.coaching.neither", { partners }),
      scenario.sharedAmbition !== undefined && message("debrief.coaching.ambition", { text: { text: scenario.sharedAmbition } }),
    ),
  );
}

function tip4(facts: DebriefFacts): CoachingItem {
  const own = facts.offers.filter((offer) => offer.party === facts.trainee);
  const count = (kind: string) => own.filter((offer) => offer.kind === kind).length;
  const [packages, meso, terms] = [count("package"), count("meso"), count("partial")];
  const of = (verdict: IssueReview["verdict"]) => facts.issues.filter((review) => review.verdict === verdict);
  const [traded, missed, lost, kept] = [of("traded"), of("missed"), of("lost"), of("kept").filter((review) => review.kind === "compatible")];
  const haggled = terms > packages + meso;
  const noPackage = packages + meso === 0 && !facts.deal;
  const good = !haggled && !noPackage && lost.length === 0 && missed.length === 0;
  const parties = facts.batnas.length;
  const partners = facts.partners.length;
  const list = (reviews: IssueReview[], describe: (review: IssueReview) => MessageArg) => ({ list: reviews.map(describe) });
  const issue = (review: IssueReview): MessageArg => ({ issue: review.issue });
  const preferred = (review: IssueReview, option = review.commonFavourites[0]) =>
    message("debrief.coaching.sharedFavourite", { issue: { issue: review.issue }, option: { issue: review.issue, option }, parties });
  const wentTo = (review: IssueReview) => {
    const most = Math.max(...review.priorities);
    const winner = review.gotTheirWay.find((p) => review.priorities[p] >= most)!;
    return winner === facts.trainee
      ? message("debrief.coaching.wentToYou", { issue: issue(review) })
      : message("debrief.coaching.wentTo", { issue: issue(review), name: { party: winner } });
  };
  const missedTerm = (review: IssueReview) =>
    message("debrief.coaching.missedTerm", { issue: issue(review), option: { issue: review.issue, option: review.betterOption! } });
  const compatible = facts.issues.filter((review) => review.kind === "compatible");
  return item(
    4,
    good,
    good
      ? [message(facts.deal ? "debrief.coaching.packagesGood" : "debrief.coaching.packagesNoDeal")]
      : sentences(
          haggled && message("debrief.coaching.haggled"),
          noPackage && message("debrief.coaching.noPackage"),
          lost.length > 0 && message("debrief.coaching.lostCompatible", { parties }),
          missed.length > 0 && message("debrief.coaching.missedTrades", { partners }),
        ),
    sentences(
      packages + meso + terms === 0 ? message("debrief.coaching.noOffers") : message("debrief.coaching.offerCounts", { packages, meso, terms }),
      facts.position.efficient === true && message("debrief.coaching.onFrontier"),
      traded.length > 0 && message("debrief.coaching.tradesMade", { issues: list(traded, wentTo) }),
      missed.length > 0 && message("debrief.coaching.tradesMissed", { issues: list(missed, missedTerm) }),
      lost.length > 0 && message("debrief.coaching.compatibleLost", { issues: list(lost, (review) => preferred(review, review.betterOption!)) }),
      kept.length > 0 && message("debrief.coaching.compatibleKept", { issues: list(kept, issue) }),
      !facts.deal && compatible.length > 0 && message("debrief.coaching.compatibleOpen", { issues: list(compatible, (review) => preferred(review)) }),
    ),
  );
}

function tip5(facts: DebriefFacts): CoachingItem {
  const { outcome } = facts;
  // A scripted partner walks away when its trust in anyone at the table has fallen below its threshold: in the trainee, or in another partner.
  const walkedAway = outcome.kind === "walk-away" ? facts.trust.find((review) => review.party === outcome.by) : undefined;
  const walker = walkedAway?.distrusts.includes(facts.trainee) ? walkedAway : undefined;
  const leftOthers = walkedAway && !walker && walkedAway.distrusts.length > 0 ? walkedAway : undefined;
  const fell = facts.trust.some((review) => review.end < review.start);
  const bluffers = facts.partners.filter((p) => facts.partnerClaims.some((claim) => claim.by === p && claim.honesty === "misleading"));
  const partners = facts.partners.length;
  const text = walker
    ? message("debrief.coaching.walkedAway", { name: { party: walker.party } })
    : leftOthers
      ? message("debrief.coaching.walkedAwayOthers", { name: { party: leftOthers.party } })
      : fell
      ? message("debrief.coaching.trustFell")
      : bluffers.length > 0
        ? message("debrief.coaching.oneSided", { names: { list: bluffers.map((p) => ({ party: p })) }, count: bluffers.length })
        : message("debrief.coaching.trustHeld", { partners, told: facts.partnerClaims.some((claim) => claim.honesty === "truthful") ? "yes" : "no" });
  return item(
    5,
    !walkedAway && !fell && bluffers.length === 0,
    [text],
    facts.trust.flatMap((review) => {
      const name = { party: review.party };
      return sentences(
        message("debrief.coaching.trustLine", { name, start: review.start, lowest: review.lowest, end: review.end }),
        review.moves.length > 0
          ? message("debrief.coaching.movedMost", { moves: { list: review.moves.slice(0, 3).map(trustMove), join: "semicolon" } })
          : message("debrief.coaching.nothingMoved"),
        review === walker && message("debrief.coaching.fellBelow", { name, end: review.end, threshold: review.walkAwayThreshold! }),
        review === leftOthers && message("debrief.coaching.distrusted", { name, others: { list: review.distrusts.map((p) => ({ party: p })) }, threshold: review.walkAwayThreshold! }),
        claimsMessage(review.party, facts.partnerClaims.filter((claim) => claim.by === review.party)),
      );
    }),
  );
}

/** Whether what a partner told the trainee held up. */
function claimsMessage(party: number, claims: readonly ClaimRecord[]): MessageRef {
  const name = { party };
  const told = claims.filter((claim) => claim.honesty !== "vague");
  const misleading = told.filter((claim) => claim.honesty === "misleading");
  if (told.length === 0) return message("debrief.coaching.toldNothing", { name });
  if (misleading.length === 0) return message("debrief.coaching.claimsHeld", { name, count: told.length });
  const list = misleading.map((claim) => message("debrief.coaching.claim", { answer: { answer: claim.content }, round: claim.round }));
  return message("debrief.coaching.claimsFalse", { name, count: misleading.length, told: told.length, claims: { list, join: "semicolon" } });
}

/** "retracted concessions ×2 -12 (round 3)": the total change and the round of the first. */
function trustMove(move: TrustMove): MessageRef {
  return message("debrief.coaching.trustMove", {
    reason: message(`debrief.trust.${move.reason}`),
    count: move.count,
    delta: move.delta,
    round: move.firstRound,
  });
}

function tip6(facts: DebriefFacts): CoachingItem {
  if (facts.uncertainty) return uncertainTip6(facts, facts.uncertainty);
  const { deal, trainee } = facts;
  const outcome = outcomeMessage(facts.outcome, trainee);
  const staying = facts.process.counterfactual && counterfactualMessage(facts.process.counterfactual, facts);
  if (deal) {
    const good = utilityGreater(facts.utilities[trainee], facts.batnas[trainee]);
    return item(
      6,
      good,
      [message(good ? "debrief.coaching.settledGood" : "debrief.coaching.settledBelow")],
      sentences(outcome, message("debrief.coaching.agreed", { package: { package: deal }, value: facts.utilities[trainee], batna: facts.batnas[trainee] }), staying),
    );
  }
  if (!facts.nash) return item(6, "none", [message("debrief.coaching.nothingToAgree")], [outcome]);
  const settled = facts.settled.filter((option) => option >= 0).length;
  return item(6, false, [message("debrief.coaching.nothingAgreed", { settled, issues: facts.settled.length })], sentences(outcome, staying));
}

/**
 * Tip 6 where the future is uncertain: good when the deal beats the trainee's BATNA in
 * expectation and leaves no contingent clause out where forecasts differed and one would
 * have added value. The evidence reveals the forecasts and what happened, the clauses used
 * or missed and the risk taken.
 */
function uncertainTip6(facts: DebriefFacts, review: UncertaintyReview): CoachingItem {
  const { deal, trainee } = facts;
  const missed = missedClauses(review);
  const evidence: MessageRef[] = [
    ...review.quantities.map((entry) =>
      message("debrief.uncertainty.forecasts", {
        quantity: { quantity: entry.quantity },
        unit: { unitOf: entry.quantity },
        mine: entry.forecasts[trainee].mean,
        others: { list: entry.forecasts.filter((forecast) => forecast.party !== trainee).map((forecast) => message("debrief.uncertainty.theirForecast", { name: { party: forecast.party }, mean: forecast.mean, unit: { unitOf: entry.quantity } })) },
        truth: entry.truth,
      }),
    ),
    message("debrief.uncertainty.askedForecasts", { count: review.forecastQuestions }),
    ...review.clauses.filter((clause) => clause.used).map((clause) => message("debrief.uncertainty.clauseUsed", { issue: { issue: clause.issue }, value: clause.value })),
    ...missed.map((clause) => message("debrief.uncertainty.clauseMissed", { issue: { issue: clause.issue }, clause: { issue: clause.issue, option: clause.clause }, value: clause.value })),
  ];
  if (deal && review.realised && review.risk) {
    evidence.push(
      message("debrief.uncertainty.realised", { realised: review.realised[trainee], expected: facts.utilities[trainee] }),
      message("debrief.uncertainty.risk", { low: review.risk.p05, high: review.risk.p95, below: review.risk.belowBatna, batna: facts.batnas[trainee] }),
    );
  }
  if (!deal) {
    if (!facts.nash) return item(6, "none", [message("debrief.coaching.nothingToAgree")], evidence);
    const settled = facts.settled.filter((option) => option >= 0).length;
    return item(6, false, [message("debrief.coaching.nothingAgreed", { settled, issues: facts.settled.length })], evidence);
  }
  if (!utilityGreater(facts.utilities[trainee], facts.batnas[trainee])) return item(6, false, [message("debrief.coaching.settledBelow")], evidence);
  return missed.length > 0
    ? item(6, false, [message("debrief.coaching.clauseMissed")], evidence)
    : item(6, true, [message("debrief.coaching.uncertainGood")], evidence);
}

function tip7(facts: DebriefFacts): CoachingItem {
  if (facts.scripted.length === 0) return item(7, "none", [message("debrief.coaching.nothingChanged")], [message("debrief.coaching.noChanges")]);
  const from = facts.scripted[0].round;
  // Scripted changes apply at the start of a round, before anyone's turn: every move of that round comes after.
  const questions = facts.questions.filter((record) => record.round >= from).length;
  const offers = facts.offers.filter((offer) => offer.party === facts.trainee && offer.round >= from).length;
  const adjusted = questions + offers > 0;
  return item(
    7,
    adjusted,
    [message(adjusted ? "debrief.coaching.adjusted" : "debrief.coaching.notAdjusted")],
    [...facts.scripted.map(scriptedMessage), message("debrief.coaching.afterwards", { questions, offers })],
  );
}

function scriptedMessage(record: ScriptedRecord): MessageRef {
  const { change, round } = record;
  const name = { party: change.party };
  let text: MessageRef;
  switch (change.kind) {
    case "batna":
      // `before` is set for BATNA and priority changes.
      text = message("debrief.scripted.batna", { round, name, before: record.before!, after: change.batna });
      break;
    case "priority":
      text = message("debrief.scripted.priority", { round, issue: { issue: change.issue }, name, before: record.before!, after: change.weight });
      break;
    case "trust":
      text = message("debrief.scripted.trust", { round, name, delta: change.delta });
      break;
    case "note":
      text = message("debrief.scripted.note", { round, name });
      break;
  }
  return record.message ? message("debrief.scripted.said", { change: text, line: { line: record.message } }) : message("debrief.scripted.plain", { change: text });
}
